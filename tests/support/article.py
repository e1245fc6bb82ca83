"""The parts of a built page that the generator decides: the article and the table of contents,
with whitespace between tags and the theme's edit link (its target differs by builder) left out."""

from __future__ import annotations

import re
from pathlib import Path

_ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)
_TOC = re.compile(r'<nav class="md-nav md-nav--secondary".*?</nav>\s*</div>\s*</div>', re.S)
_EDIT = re.compile(r'<a href="[^"]*"(?: title="[^"]*")? class="(?:md-content__button|vb-edit-link).*?</a>', re.S)


def _normal(html: str) -> str:
    html = _EDIT.sub("", html)
    html = re.sub(r">\s+<", "><", html)
    return re.sub(r"\s+", " ", html).strip()


def article_and_toc(page: Path) -> tuple[str, str]:
    html = page.read_text(encoding="utf-8")
    article, toc = _ARTICLE.search(html), _TOC.search(html)
    return _normal(article.group(1) if article else ""), _normal(toc.group(0) if toc else "")


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
