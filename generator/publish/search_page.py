"""What the search index reads from one built page: its text as blocks, its meta, filters and sort.

The page attributes (Pagefind's names, so the pages stay indexable by Pagefind too):
  data-pagefind-body                 the text to index; pages without it are not indexed
  data-pagefind-ignore               an element left out (the "Nguồn văn bản" notice)
  data-pagefind-meta="KEY" or "KEY:VALUE"    shown in results: title (trích yếu), loại, số, cơ quan, ngày
  data-pagefind-filter="KEY" or "KEY:VALUE"  filters: loại, cơ quan, địa bàn, năm, công bố
  data-pagefind-sort="ngày:YYYY-MM-DD"       order of filter-only listings
Without ":VALUE" the value is the element's text. The text indexed runs from data-pagefind-body
to the first of the site's own sections (END_IDS) or the end of the article.

A page's text is a list of blocks, each with the id of the element it sits in (#muc-3,
#muc-ii-1-a…); "\\n" in a block marks where one block element ends and the next begins, a break
no phrase crosses (generator/publish/search_index.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

MARKER = "data-pagefind-body"
_BODY_TAG = re.compile(r"<[a-zA-Z][^<>]*\sdata-pagefind-body[\s>=]")
_TAG_OR_TEXT = re.compile(r"(<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>|<[^>]*>)", re.DOTALL | re.IGNORECASE)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)")
_ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose words are not worth finding: the ¶ permalinks, the decorative star, the edit
# button, and the labels of the information box ("Loại văn bản", "Cơ quan ban hành"…).
_SKIP_CLASSES = {"headerlink", "vb-star", "md-content__button"}
_SKIP_TAGS = {"dt", "button", "svg", "nav", "form"}
# Sections the site adds after a document's own text (its tasks, relations, what it cites and
# what cites it, quoting other documents, and its timeline): derived, not the document's words,
# and already found on the pages they come from. The indexed text stops at the first of them.
END_IDS = {"nhiem-vu", "quan-he", "van-ban-duoc-dan-chieu", "duoc-dan-chieu-boi", "dong-thoi-gian"}
# Block elements: their text never runs into the next element's text. "q" is shown with
# quotation marks: a break, as the marks are in running text.
_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "dd",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "br",
    "section",
    "aside",
    "blockquote",
    "ul",
    "ol",
    "table",
    "article",
    "header",
    "footer",
    "q",
}
# Inline elements whose text must not run into the neighbour's but which break nothing:
# the title's kind line and trích yếu are neighbouring spans ("CHỈ THỊ" "về lãnh đạo…").
_SPACED_TAGS = {"span"}
_SPACE = re.compile(r"\s+")
BREAK = "\n"  # in a block's text: one block element ended here, the next began
_ELEMENT_END = "\0"  # while a block's text is collected: where an element ended
_ELEMENT_ENDS = re.compile(r" ?\0[\0 ]*")
_KINDS = tuple((kind, f"data-pagefind-{kind}") for kind in ("meta", "filter", "sort"))


class Page:
    """What the index needs from one built page."""

    def __init__(self, url: str):
        self.url = url
        self.blocks: list[list[str]] = []  # [element id ("" when none), text]
        self.meta: dict[str, str] = {}
        self.filters: dict[str, list[str]] = {}
        self.sort: dict[str, str] = {}

    @property
    def text(self) -> str:
        return BREAK.join(text for _, text in self.blocks)

    def store(self, kind: str, key: str, value: str) -> None:
        """One data-pagefind-meta/filter/sort value (the first of a meta or sort key wins)."""
        if not key or not value:
            return
        if kind == "meta":
            self.meta.setdefault(key, value)
        elif kind == "filter":
            values = self.filters.setdefault(key, [])
            if value not in values:
                values.append(value)
        else:
            self.sort.setdefault(key, value)


@dataclass
class _Capture:
    """An element whose text becomes meta, filter or sort values (keys: (kind, key))."""

    name: str
    keys: list[tuple[str, str]]
    depth: int = 1
    text: list[str] = field(default_factory=list)

    def store(self, page: Page) -> None:
        value = _SPACE.sub(" ", "".join(self.text)).strip()
        for kind, key in self.keys:
            page.store(kind, key, value)


def _attrs(tag: str) -> dict[str, str]:
    return {k.lower(): unescape(v) for k, v in _ATTR.findall(tag)}


def _keyed(attribute: str) -> tuple[str, str | None]:
    key, sep, value = attribute.partition(":")
    return key.strip(), (value.strip() if sep else None)


class _Reader:
    """Reads the pieces of a page's body (text and tags, in order) into a Page."""

    def __init__(self, url: str) -> None:
        self.page = Page(url)
        self.block_id = ""  # id of the element the current block sits in
        self.parts: list[str] = []  # text of the current block
        self.skipping: list[tuple[str, int]] = []  # (tag, depth) of an element being skipped
        self.captures: list[_Capture] = []

    def flush(self) -> None:
        """The current block's text, whitespace collapsed, joins the page's blocks."""
        text = " ".join("".join(self.parts).split())
        if _ELEMENT_END in text:
            text = _ELEMENT_ENDS.sub(BREAK, text).strip()
        self.parts.clear()
        if not text:
            return
        blocks = self.page.blocks
        if blocks and blocks[-1][0] == self.block_id:
            blocks[-1][1] += BREAK + text
        else:
            blocks.append([self.block_id, text])

    def text(self, piece: str) -> None:
        text = unescape(piece)
        for capture in self.captures:
            capture.text.append(text)
        if not self.skipping:
            self.parts.append(text)

    def _separate(self, name: str) -> None:
        if name in _BLOCK_TAGS:
            self.parts.append(_ELEMENT_END)
        elif name in _SPACED_TAGS:
            self.parts.append(" ")

    def close(self, name: str) -> None:
        if self.skipping and self.skipping[-1][0] == name:
            self.skipping[-1] = (name, self.skipping[-1][1] - 1)
            if self.skipping[-1][1] == 0:
                self.skipping.pop()
        if self.captures:
            for capture in self.captures:
                if capture.name == name:
                    capture.depth -= 1
            for capture in [c for c in self.captures if c.depth == 0]:
                self.captures.remove(capture)
                capture.store(self.page)
        self._separate(name)

    def open(self, name: str, piece: str) -> bool:
        """An opening tag; False where the indexed text ends (one of END_IDS)."""
        attrs = _attrs(piece) if "=" in piece else {}
        void = name in _VOID or piece.rstrip().endswith("/>")
        self._separate(name)
        if not void:
            if self.skipping and self.skipping[-1][0] == name:
                self.skipping[-1] = (name, self.skipping[-1][1] + 1)
            for capture in self.captures:
                if capture.name == name:
                    capture.depth += 1
        if "data-pagefind-" in piece:
            self._pagefind(name, attrs, void)
        element_id = attrs.get("id")
        if element_id in END_IDS:
            return False
        if element_id and not self.skipping:
            self.flush()
            self.block_id = element_id
        if not void and not self.skipping and self._skipped(name, piece, attrs):
            self.flush()
            self.skipping.append((name, 1))
        return True

    def _pagefind(self, name: str, attrs: dict[str, str], void: bool) -> None:
        """The data-pagefind-meta/filter/sort attributes of an element: stored when they carry
        their value, captured from the element's text when not."""
        keys: list[tuple[str, str]] = []
        for kind, attribute in _KINDS:
            raw = attrs.get(attribute)
            if raw is None:
                continue
            key, given = _keyed(raw)
            if given is None:
                keys.append((kind, key))
            else:
                self.page.store(kind, key, given)
        if keys and not void:
            self.captures.append(_Capture(name, keys))

    @staticmethod
    def _skipped(name: str, piece: str, attrs: dict[str, str]) -> bool:
        return (
            "data-pagefind-ignore" in piece
            or name in _SKIP_TAGS
            or ("class" in attrs and not _SKIP_CLASSES.isdisjoint(attrs["class"].split()))
        )

    def finish(self) -> Page:
        self.flush()
        for capture in self.captures:  # an element still open where the text stops
            capture.store(self.page)
        return self.page


def parse_page(html: str, url: str) -> Page | None:
    """Read the indexed part of a page (from data-pagefind-body to the end of the article) and
    the data-pagefind-* attributes anywhere in it. None when the page does not opt in."""
    found = _BODY_TAG.search(html)
    if not found:
        return None
    start = found.start()
    end = html.find("</article>", start)
    reader = _Reader(url)
    for i, piece in enumerate(_TAG_OR_TEXT.split(html[start : end if end > 0 else len(html)])):
        if i % 2 == 0:
            if piece:
                reader.text(piece)
            continue
        tag = _TAG_NAME.match(piece)
        if not tag:
            continue
        name = tag.group(2).lower()
        if tag.group(1) == "/":
            reader.close(name)
        elif not reader.open(name, piece):
            break
    return reader.finish()
