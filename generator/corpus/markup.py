"""The Markdown subset allowed in YAML text fields, parsed with markdown-it-py.

Allowed: *emphasis*, **strong**, backslash escapes and footnote references [^id].
Raw HTML is never passed through: markdown-it runs with html disabled, so "<script>" is
text, and every text run is HTML-escaped when rendered. A parsed text keeps a list of
spans (plain text runs, emphasis, footnote references) so later stages can work on its
plain text (citations, search snippets) and insert links at plain-text offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markupsafe import Markup, escape

_FOOTNOTE_REF = re.compile(r"\[\^([A-Za-z0-9]+)\]")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--")


@dataclass(frozen=True)
class Span:
    kind: str  # "text" | "footnote" | "open" | "close"
    value: str  # the text, the footnote id, or the tag name ("em", "strong")


@dataclass
class Text:
    """A text field: its source, its spans and its plain text."""

    source: str
    spans: list[Span] = field(default_factory=list)

    @property
    def plain(self) -> str:
        return "".join(s.value for s in self.spans if s.kind == "text")

    @property
    def footnote_refs(self) -> list[str]:
        return [s.value for s in self.spans if s.kind == "footnote"]

    def html(
        self,
        footnote_href: Optional[Callable[[str], str]] = None,
        link_at: Optional[Callable[[int, int], list[tuple[int, int, str, str]]]] = None,
    ) -> Markup:
        """Render to safe HTML.

        `link_at(start, end)` may return (start, end, href, title) ranges, in plain-text
        offsets, that fall inside the text run [start, end): they become links.
        """
        out: list[str] = []
        offset = 0
        for span in self.spans:
            if span.kind == "text":
                end = offset + len(span.value)
                out.append(_render_run(span.value, offset, link_at(offset, end) if link_at else []))
                offset = end
            elif span.kind == "open":
                out.append(f"<{span.value}>")
            elif span.kind == "close":
                out.append(f"</{span.value}>")
            elif span.kind == "footnote":
                fid = escape(span.value)
                href = footnote_href(span.value) if footnote_href else f"#fn-{span.value}"
                out.append(
                    f'<sup class="vb-fnref" id="fnref-{fid}"><a href="{escape(href)}" '
                    f'aria-label="Chú thích {fid}">{fid}</a></sup>'
                )
        return Markup("".join(out))


def _render_run(text: str, offset: int, links: list[tuple[int, int, str, str]]) -> str:
    out: list[str] = []
    cursor = 0
    for start, end, href, title in sorted(links):
        start, end = start - offset, end - offset
        if start < cursor or end > len(text):
            continue
        out.append(str(escape(text[cursor:start])))
        out.append(f'<a class="vb-cite" href="{escape(href)}" title="{escape(title)}">{escape(text[start:end])}</a>')
        cursor = end
    out.append(str(escape(text[cursor:])))
    return "".join(out)


def _footnote_ref_rule(state: StateInline, silent: bool) -> bool:
    match = _FOOTNOTE_REF.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("footnote_ref", "", 0)
        token.meta = {"id": match.group(1)}
    state.pos = match.end()
    return True


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "typographer": False})
    md.enable(["emphasis", "escape", "newline"])
    md.inline.ruler.before("emphasis", "footnote_ref", _footnote_ref_rule)
    return md


# Characters that can start markup in the allowed subset (emphasis, escapes, line breaks, a
# footnote reference) or that markdown-it normalizes; a text without any is one plain run.
_MARKUP_START = re.compile(r"[*_\\\[\n\r\x00]")


def parse_text(source: str) -> Text:
    if source and not _MARKUP_START.search(source):  # most texts: markdown-it would return them as they are
        return Text(source=source, spans=[Span("text", source)])
    tokens = _parser().parseInline(source)
    spans: list[Span] = []
    for token in tokens[0].children or [] if tokens else []:
        if token.type == "text":
            if spans and spans[-1].kind == "text":
                spans[-1] = Span("text", spans[-1].value + token.content)
            else:
                spans.append(Span("text", token.content))
        elif token.type in ("softbreak", "hardbreak"):
            spans.append(Span("text", " "))
        elif token.type in ("em_open", "strong_open"):
            spans.append(Span("open", token.tag))
        elif token.type in ("em_close", "strong_close"):
            spans.append(Span("close", token.tag))
        elif token.type == "footnote_ref":
            spans.append(Span("footnote", token.meta["id"]))
        else:  # any other inline token: keep its source as text, never as markup
            spans.append(Span("text", token.content))
    merged: list[Span] = []
    for span in spans:
        if merged and span.kind == "text" and merged[-1].kind == "text":
            merged[-1] = Span("text", merged[-1].value + span.value)
        else:
            merged.append(span)
    if len(merged) == 1 and merged[0].kind == "text" and merged[0].value == source:
        merged[0] = Span("text", source)  # one string, not two equal copies (most texts: memory)
    return Text(source=source, spans=merged)


def contains_html(source: str) -> bool:
    """True when the text holds something that looks like an HTML tag (shown as text)."""
    return bool(_HTML_TAG.search(source))
