"""Visible text of a built page's main content, for fidelity checks."""

from __future__ import annotations

import html
import re

_ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)
_DROP = re.compile(r"<(script|style|template)[^>]*>.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def main_text(page_html: str) -> str:
    match = _ARTICLE.search(page_html)
    body = match.group(1) if match else page_html
    body = _DROP.sub(" ", body)
    return html.unescape(_TAG.sub(" ", body))
