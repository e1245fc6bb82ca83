"""Output filters: each value is escaped for the syntax of the context it is printed in.

Jinja's autoescape covers HTML text and attributes; these cover the rest: a value never spans
lines (`one_line`), URLs in an href (`safe_url`), JSON inside <script> (`script_json`), text
inside a heading (`heading_text` for HTML, `md_heading` for a Markdown heading), plain page
titles for front matter (`page_title`), and dates by the one Vietnamese formatter.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from markupsafe import Markup

from generator.corpus.markup import Text
from generator.vn.dates import PartialDate, long_date, numeric_date

__all__ = ["heading_text", "md_heading", "one_line", "page_title", "safe_url", "script_json", "vn_date", "vn_long_date"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")


def _heading_html(value: Any) -> str:
    if isinstance(value, Text):
        value = value.plain
    return " ".join(str(value).split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def heading_text(value: Any) -> Markup:
    """Text of an HTML heading, on one line: & < > escaped, quotes kept as quotes.

    A heading is HTML text, not an attribute, and the table of contents prints this same text:
    a character reference such as &#39; would show there literally (“Ban &#39;A&#39;”)."""
    return Markup(_heading_html(value))


def md_heading(value: Any) -> Markup:
    """Text safe inside a Markdown ATX heading: `heading_text` with Markdown syntax neutralised,
    so a Markdown builder turns it into exactly what `heading_text` prints."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", _heading_html(value)))


_LINE_BREAKS = re.compile("[\r\n\u2028\u2029\x85]+")


def one_line(value: Any) -> Any:
    """Jinja finalize: a text value printed into a page never spans lines. A blank line inside
    a raw HTML block ends the block in Markdown, and what follows would be read as Markdown
    (a [link](javascript:…) or a heading); in HTML a line break is only a space."""
    if type(value) is str and ("\n" in value or "\r" in value or "\u2028" in value or "\u2029" in value):
        return _LINE_BREAKS.sub(" ", value)
    return value


_SAFE_URL = re.compile(r"^(?:https?://[^\s\"'<>`\\^{|}]+|(?!//)[^\s:\"'<>`\\^{|}]*)\Z", re.I)


def safe_url(value: Any) -> str:
    """A URL for an href: absolute http(s) or relative, never javascript:, data: or a quote;
    anything else becomes "#" (the schema refuses them already; this is the last line)."""
    text = str(value or "")
    return text if _SAFE_URL.match(text) else "#"


def script_json(value: Any) -> Markup:
    """JSON for a <script> element: <, >, & and U+2028/U+2029 as \\u escapes, so no value can
    close the element (</script>) or break the script's line."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


def page_title(value: Any) -> str:
    """Plain page title for front matter: themes may print it unescaped, so no < or >."""
    if isinstance(value, Text):
        value = value.plain
    return " ".join(str(value).split()).replace("<", "‹").replace(">", "›")


def vn_date(value: dt.date | PartialDate | None) -> str:
    """The numeric form of a day or a partial date, "05/8/2021" (see generator/vn/dates.py)."""
    if value is None:
        return "không rõ"
    return value.numeric() if isinstance(value, PartialDate) else numeric_date(value)


def vn_long_date(value: dt.date | PartialDate) -> str:
    """The long form, as on paper: "ngày 05 tháng 8 năm 2021" (see generator/vn/dates.py)."""
    return value.long() if isinstance(value, PartialDate) else long_date(value)


FILTERS = {
    "heading_text": heading_text,
    "mdh": md_heading,
    "page_title": page_title,
    "safe_url": safe_url,
    "script_json": script_json,
    "vn_date": vn_date,
    "vn_long_date": vn_long_date,
}
