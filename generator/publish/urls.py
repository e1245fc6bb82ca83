"""Where every page lives. Stable: a document's URL is derived from its id only."""

from __future__ import annotations

from generator.corpus.model import Citable


def document(doc_id: str) -> str:
    return f"van-ban/{doc_id}/"


def organization(org_id: str) -> str:
    return f"co-quan/{org_id}/"


def target(item: Citable) -> str:
    """The page of a cited document: its own page if published here, else its catalog page."""
    return document(item.id) if item.published else reference(item.id)


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


_SECTION_INDEXES = {
    "van-ban",
    "loai",
    "co-quan",
    "nam",
    "dia-ban",
    "nhiem-vu",
    "tham-chieu",
    "dong-thoi-gian",
    "tim-kiem",
    "huong-dan-bien-tap",
}


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two site-relative URLs (works under any site prefix).

    Called for every link on every page, so plain string work instead of posixpath.relpath.
    """
    base = from_url if from_url.endswith("/") or not from_url else from_url.rsplit("/", 1)[0] + "/"
    base_parts = base.split("/")[:-1]
    target_parts = to_url.split("/")
    common = 0
    while common < len(base_parts) and common < len(target_parts) - 1 and base_parts[common] == target_parts[common]:
        common += 1
    result = "../" * (len(base_parts) - common) + "/".join(target_parts[common:])
    return result or "./"
