"""Check every internal link and anchor of a built site (our own crawler over the HTML).

External links (http:, https:, mailto:) are not fetched: pages must work offline and the
build machine has no network. Everything else must resolve to a file, and a #fragment to
an element id (or name) in that file.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK_ATTRS = {
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("form", "action"),
}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # site-relative path of the page holding the link
    href: str
    reason: str

    def format(self) -> str:
        return f"{self.page}: {self.href} ({self.reason})"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if (tag, name) in _LINK_ATTRS:
                self.links.append(value)


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def _target_file(site: Path, page_rel: str, path: str) -> Path | None:
    base = posixpath.dirname(page_rel)
    joined = (
        posixpath.normpath(posixpath.join("/" + base, path)) if not path.startswith("/") else posixpath.normpath(path)
    )
    candidate = site / joined.lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    if not candidate.resolve().is_relative_to(site.resolve()):
        return None
    return candidate


def check_site(site: Path, site_prefix: str = "") -> list[BrokenLink]:
    """All broken internal links of the site. `site_prefix` is a root-relative base path the
    site is served under (e.g. "/open-directives"), stripped from root-relative links."""
    site = site.resolve()
    parsed: dict[Path, _PageParser] = {}

    def page(path: Path) -> _PageParser:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    broken: list[BrokenLink] = []
    for html_file in sorted(site.rglob("*.html")):
        rel = html_file.relative_to(site).as_posix()
        for href in page(html_file).links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//") or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue  # external, or not a link (javascript: never appears: see the escaping tests)
            path = unquote(parts.path)
            if path.startswith("/") and site_prefix and path.startswith(site_prefix):
                path = path[len(site_prefix) :] or "/"
            target = html_file if not path else _target_file(site, rel, path)
            if target is None or not target.exists():
                broken.append(BrokenLink(rel, href, "không có trang/tệp"))
                continue
            if parts.fragment and target.suffix == ".html":
                fragment = unquote(parts.fragment)
                if fragment not in page(target).ids:
                    broken.append(BrokenLink(rel, href, f"không có neo #{fragment}"))
    return broken
