"""A text field prepared for a template: its spans as runs, with resolved citations as links.

The markup of every run (emphasis, a footnote reference, a citation link) is written by the
`text` macro in templates/_text.html.j2; this module only decides what each run is. A text
with nothing but plain characters stays a plain string, which the macro prints directly (the
common case, and the fast one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, Union

from generator.corpus.markup import Text
from generator.vn.text import fold


@dataclass(frozen=True, slots=True)
class Run:
    kind: str  # "text" | "cite" | "em" | "/em" | "strong" | "/strong" | "fn"
    text: str = ""  # the characters; a footnote's id
    href: str = ""  # a citation's link, relative to the page
    title: str = ""  # a citation's tooltip: the label and title of the cited document


@dataclass(frozen=True, slots=True)
class Link:
    start: int  # plain-text offsets of the cited characters
    end: int
    href: str
    title: str


TextView = Union[str, list[Run]]


def text_view(text: Text, links: Sequence[Link] = ()) -> TextView:
    """The runs of `text`, with `links` (plain-text ranges) as citation links. A link that
    overlaps another or crosses a span boundary (into emphasis) is left as plain text."""
    spans = text.spans
    if not links and len(spans) == 1 and spans[0].kind == "text":
        return spans[0].value
    ordered = sorted(links, key=lambda link: (link.start, link.end, link.href, link.title))
    runs: list[Run] = []
    offset = 0
    for span in spans:
        if span.kind == "text":
            end = offset + len(span.value)
            _text_runs(runs, span.value, offset, [link for link in ordered if offset <= link.start and link.end <= end])
            offset = end
        elif span.kind == "footnote":
            runs.append(Run("fn", span.value))
        elif span.kind == "open":
            runs.append(Run(span.value))
        elif span.kind == "close":
            runs.append(Run("/" + span.value))
    return runs


def _text_runs(runs: list[Run], text: str, offset: int, links: list[Link]) -> None:
    cursor = 0
    for link in links:
        start, end = link.start - offset, link.end - offset
        if start < cursor:
            continue
        if start > cursor:
            runs.append(Run("text", text[cursor:start]))
        runs.append(Run("cite", text[start:end], link.href, citation_title(link.title, text[start:end])))
        cursor = end
    if cursor < len(text):
        runs.append(Run("text", text[cursor:]))


def citation_title(label: str, shown: str) -> str:
    """A citation link's tooltip: the cited document's label, or "" when the link text already
    names it ("Chỉ thị số 16/CT-TTg" links to "Chỉ thị 16/CT-TTg"). About 40 bytes a link."""
    number = label.rsplit(" ", 1)[-1]
    return "" if number and any(c.isdigit() for c in number) and fold(number) in fold(shown) else label
