"""Where every page lives. Stable: a document's URL is derived from its id only."""
from __future__ import annotations

import posixpath


def document(doc_id: str) -> str:
    return f"van-ban/{doc_id}/"


def organization(org_id: str) -> str:
    return f"co-quan/{org_id}/"


def kind(kind_slug: str) -> str:
    return f"loai/{kind_slug}/"


def reference(ref_id: str) -> str:
    return f"tham-chieu/{ref_id}/"


def year(value: int | None) -> str:
    return f"nam/{value if value is not None else 'khong-ro'}/"


def jurisdiction(jur_id: str) -> str:
    return f"dia-ban/{jur_id}/"


def source_file(name: str) -> str:
    return f"nguon/{name}"


def markdown_path(url: str) -> str:
    """The Markdown file that MkDocs (use_directory_urls) turns into `url`."""
    if url == "":
        return "index.md"
    if url.endswith("/"):
        stem = url.rstrip("/")
        return f"{stem}/index.md" if stem.count("/") == 0 and stem in _SECTION_INDEXES else f"{stem}.md"
    return url


_SECTION_INDEXES = {"van-ban", "loai", "co-quan", "nam", "dia-ban", "nhiem-vu", "tham-chieu", "dong-thoi-gian", "tim-kiem", "huong-dan-bien-tap"}


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two directory-style URLs (works under any site prefix)."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    target = posixpath.relpath("/" + to_url, "/" + base)
    if to_url.endswith("/") and not target.endswith("/"):
        target += "/"
    return "./" if target in (".", "./") else target
