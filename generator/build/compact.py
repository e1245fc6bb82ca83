"""Compact a finished HTML page: the indentation the templates and the theme leave after each
line break goes, as browsers ignore it; every line break stays (so a page reads the same, line for
line, in a diff or a view-source). Nothing changes inside <pre>, <textarea>, <script> or <style>,
where whitespace can matter.

At 10,000 documents the indentation alone is about 6 % of a document page and 15 % of a list
page (see BENCHMARKS.md), which counts against GitHub Pages' 1 GB limit.
"""

from __future__ import annotations

import re

_RAW = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"[ \t]*\n\s*")


def compact_html(html: str) -> str:
    parts = _RAW.split(html)
    # split() with two groups yields: text, raw element, its tag name, text, …
    out = []
    for i in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
