"""Body structure: hard-wrapped lines → paragraphs → the block tree of docs/data-format.md;
the signer block, the recipients, and footnotes.

Paragraph joining (the rules the tests pin down):
  * a line ending in a word broken with a hyphen ("Covid-", "số 08-") or in "(" is joined
    to the next line without a space;
  * a line that starts a block (a marker: "I-", "1.", "2.1-", "a)", "-", "Điều 1.") or a
    line in capitals (a heading) always starts a new paragraph;
  * a line that does not end a sentence is joined to the next line, unless it is short (well
    under the text's line width, so it ends its paragraph: a heading) and the next line starts
    with a capital;
  * in hard-wrapped text a full line ending in ";" counts as not ending a sentence (the next
    clause often starts with a name: "…; UBND các huyện …");
  * a line that ends a sentence is joined to the next one when that starts in lower case, or
    when it is a full line (the sentence ended right at the wrap) ending in a full stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from generator.importer.header import attached_line, document_start, join_lines, kind_line
from generator.importer.trailer import is_footnote_start, is_trailer_start
from generator.importer.lines import Line, balance_emphasis, ends_sentence, is_caps, starts_lower, starts_upper
from generator.vn.kinds import KINDS

# --- markers --------------------------------------------------------------------------------

_CHAPTER = re.compile(r"^(?P<m>(?:Chương|CHƯƠNG)\s+(?P<n>[IVXLC]{1,6}|\d{1,2}))(?:\s*[.:\-–]\s*|\s+|$)(?P<rest>.*)$")
_ARTICLE = re.compile(r"^(?P<m>(?:Điều|ĐIỀU)\s+(?P<n>\d{1,3}[a-zđ]?)\s*[.:\-–])\s*(?P<rest>.*)$")
_PART = re.compile(r"^(?P<m>(?P<n>[IVX]{1,5})\s*(?:\.-|[.\-–)]))(?:\s+|(?=[A-ZĐÀ-Ỹ]))(?P<rest>.*)$")
_ITEM = re.compile(r"^(?P<m>(?P<n>\d{1,2}(?:\.\d{1,2}){0,3})\s*(?:\.-|[.\-–)]))(?:\s+|(?=[^\W\d_]))(?P<rest>.+)$")
_POINT = re.compile(r"^(?P<m>(?P<n>[a-zđ])\s*[)/])\s*(?P<rest>.+)$")
_DASH = re.compile(r"^(?P<m>[-–—•∙·])\s*(?P<rest>[^\s\-–—].*)$")
_PLUS = re.compile(r"^(?P<m>\+)\s*(?P<rest>\S.*)$")

RANK = {"chapter": 1, "part": 2, "article": 3, "item": 4, "point": 8, "paragraph": 8.5, "dash": 9, "plus": 10}


@dataclass
class Marker:
    type: str  # chapter part article item point dash plus
    marker: str
    number: Optional[str]
    rest: str

    @property
    def rank(self) -> float:
        if self.type == "item":
            return RANK["item"] + (self.number or "").count(".")
        return RANK[self.type]


# Emphasis around a marker in Markdown exports: "**Điều 1.** Ban hành", "**1**. **Mục đích**",
# "**1. **100% cán bộ", "**I. MỤC ĐÍCH," (closed on the next line).
_OPENER = re.compile(r"^(?:\*{1,2}|_{1,2})(?=\S)")
_MARK_CLOSER = re.compile(
    r"^(?P<m>(?:Điều|ĐIỀU|Chương|CHƯƠNG)\s+\w+\s*[.:\-–]?|[IVX]{1,5}\s*[.\-–)]?|\d{1,2}(?:\.\d{1,2}){0,3}\s*[.\-–)]?"
    r"|[a-zđ]\s*[)/]?)\s*(?:\*{1,2}|_{1,2})(?P<p>\s*[.\-–):]?)"
)


def _without_emphasis(text: str) -> str:
    opener = _OPENER.match(text)
    if not opener:
        return text
    inner = text[opener.end() :]
    closer = _MARK_CLOSER.match(inner)
    if closer:
        inner = closer.group("m").rstrip() + closer.group("p") + " " + inner[closer.end() :].lstrip()
    return inner


def parse_marker(text: str) -> Marker | None:
    text = _without_emphasis(text)
    for kind, pattern in (
        ("chapter", _CHAPTER),
        ("article", _ARTICLE),
        ("part", _PART),
        ("item", _ITEM),
        ("point", _POINT),
        ("dash", _DASH),
        ("plus", _PLUS),
    ):
        m = pattern.match(text)
        if not m:
            continue
        rest = m.group("rest").strip()
        if kind == "item" and re.match(r"^\d", rest) and not re.match(r"^\d+(?:[.,]\d+)?\s*%", rest):
            continue  # "10/6, …", a date or a figure at the start of a wrapped line
        if kind == "part" and m.group("n") in ("I", "V", "X") and not rest:
            continue
        number = m.group("n") if "n" in pattern.groupindex else None
        marker = re.sub(r"\s+", " ", m.group("m").strip())
        if kind == "plus":
            marker = "+"
        return Marker(kind, marker, number, rest)
    return None


# --- paragraphs -----------------------------------------------------------------------------


@dataclass
class Para:
    lines: list[Line]
    marker: Optional[Marker]
    text: str  # after the marker, wrapped lines joined
    caps: bool = False  # a heading line in capitals
    todo: list[str] = field(default_factory=list)  # joins that could be wrong

    @property
    def no(self) -> int:
        return self.lines[0].no


def line_width(lines: list[Line]) -> tuple[float, bool]:
    """Typical width of a hard-wrapped text, and whether the text is hard-wrapped at all
    (False for one paragraph per line, as in Markdown or Word exports)."""
    lengths = sorted(len(l.text) for l in lines)
    if not lengths:
        return 80.0, False
    wrapped = sum(n > 130 for n in lengths) < 0.1 * len(lengths)
    return float(lengths[int(len(lengths) * 0.8)]) if wrapped else 1e9, wrapped


_PARA_START = re.compile(r"^(?:Căn cứ|Xét đề nghị|Theo đề nghị|Xét tờ trình)\b")


def _starts_block(text: str) -> bool:
    return parse_marker(text) is not None or bool(_PARA_START.match(text))


def paragraphs(lines: list[Line], width: Optional[float] = None, wrapped: Optional[bool] = None) -> list[Para]:
    if width is None or wrapped is None:
        width, wrapped = line_width(lines)
    out: list[Para] = []
    current: list[Line] = []
    todo: list[str] = []

    def close():
        if current:
            first = current[0].text
            marker = parse_marker(first)
            parts = [marker.rest if marker else first] + [l.text for l in current[1:]]
            caps = marker is None and all(is_caps(l.text) for l in current)
            out.append(Para(list(current), marker, balance_emphasis(join_lines(parts)), caps, list(todo)))
            current.clear()
            todo.clear()

    for line in lines:
        if current and _dash_continues(current, line.text, width, wrapped):
            current.append(Line(line.no, line.text))
            todo.append(
                f"dòng {line.no} của văn bản gốc bắt đầu bằng “-” nhưng được nối vào đoạn trên "
                f"(“…{current[-2].text[-30:]} {line.text[:30]}…”); nếu là gạch đầu dòng thì tách ra"
            )
        elif not current or _joins(current, line.text, width, wrapped):
            current.append(line)
        else:
            close()
            current.append(line)
    close()
    return out


def _dash_continues(current: list[Line], text: str, width: float, wrapped: bool) -> bool:
    """ "… phát triển kinh tế" / "- xã hội của tỉnh": a hard-wrapped line broken before a
    hyphen, not a new dash item (the text after the dash starts in lower case and the line
    before does not end a sentence). The join could be wrong, so it gets a TODO."""
    marker = parse_marker(text)
    prev = current[-1].text
    return (
        wrapped
        and marker is not None
        and marker.type == "dash"
        and marker.marker == "-"
        and starts_lower(marker.rest)
        and not ends_sentence(prev)
        and not is_caps(prev)
        and len(prev) >= 0.62 * width
    )


def _joins(current: list[Line], text: str, width: float, wrapped: bool) -> bool:
    """Whether `text` continues the paragraph whose lines are `current` (module docstring)."""
    prev = current[-1].text
    if re.search(r"[^\W\d_]-$|\d-$", prev) and not re.search(r"\s-$", prev) or prev.endswith("("):
        return True  # a word or number broken with a hyphen, "(" before a lost marker
    head = parse_marker(prev) if len(current) == 1 else None
    if head is not None and head.type in ("part", "chapter", "article") and not head.rest:
        return True  # "Chương I" / "QUY ĐỊNH CHUNG": the title on the next line
    prev_caps = (
        is_caps(prev)
        and parse_marker(current[0].text) is None
        or (head is not None and head.type in ("part", "chapter") and is_caps(head.rest))
    )
    if (
        _starts_block(text)
        or (is_caps(text) and not prev_caps)
        or (prev_caps and not is_caps(text))
        or (prev_caps and (kind_line(text) or kind_line(prev)))
    ):
        return False
    if starts_lower(text) or text.startswith((")", ",", ";")):
        return True
    if TASK_FIELD.match(current[0].text) and not ends_sentence(prev):
        return True  # "*Đơn vị chủ trì thực hiện: *Các" / "Sở, ngành, đơn vị, UBND cấp xã."
    if prev_caps and is_caps(text) and not ends_sentence(prev) and (prev.rstrip().endswith(",") or len(current) == 1):
        return True  # a heading in capitals wrapped after a comma: "I. MỤC ĐÍCH," / "YÊU CẦU"
    if not ends_sentence(prev) or (wrapped and prev.rstrip(_CLOSE).endswith(";") and len(prev) >= 0.62 * width):
        heading_like = len(current) == 1 and parse_marker(current[0].text) is not None
        short = len(prev) < 0.62 * width if wrapped else heading_like
        return not (short and (starts_upper(text) or text[:1].isdigit()))
    # a full line: the sentence ended just at the wrap, the paragraph goes on
    return wrapped and width >= 60 and prev.rstrip(_CLOSE).endswith(".") and len(prev) >= 0.93 * width


_CLOSE = "”\"’')» "


# --- the block tree -------------------------------------------------------------------------

TASK_FIELD = re.compile(
    r"^[*_]*(?:(?:Đơn vị|Cơ quan|[Đđ]ơn vị|[Cc]ơ quan)\s+)?(?P<field>[Cc]hủ trì(?: tham mưu)?(?: thực hiện)?|[Pp]hối hợp(?: thực hiện)?|"
    r"[Tt]hời gian(?: thực hiện| hoàn thành)?|[Tt]hời hạn(?: hoàn thành)?|[Tt]iến độ(?: thực hiện)?)\s*:\s*[*_]*\s*"
    r"(?P<value>.*?)[*_]*$"
)


@dataclass
class Node:
    type: str
    number: Optional[str] = None
    marker: Optional[str] = None
    heading: Optional[str] = None
    text: Optional[str] = None
    children: list["Node"] = field(default_factory=list)
    rank: float = 0
    line: int = 0
    todo: list[str] = field(default_factory=list)
    anchor: str = ""

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def task_field(self) -> Optional[re.Match]:
        return TASK_FIELD.match(self.text or "") if self.type in ("dash", "paragraph") else None


_CLOSING = re.compile(r"^(?:(?:" + "|".join(sorted(KINDS.values(), key=len, reverse=True)) + r")\s+này|Trên đây)\b")


def build_tree(paras: list[Para]) -> tuple[list[Node], list[Node]]:
    """Preamble blocks and body blocks."""
    preamble: list[Node] = []
    body: list[Node] = []
    stack: list[Node] = []
    seen_numbered = False
    in_body = False

    def container() -> list[Node]:
        if stack:
            return stack[-1].children
        return body if in_body else preamble

    for para in paras:
        m = para.marker
        if m is not None and m.type in ("chapter", "part", "article", "item", "point"):
            in_body = True
            seen_numbered = True
            while stack and stack[-1].rank >= m.rank:
                stack.pop()
            node_type = "item" if m.type == "item" else m.type
            node = Node(node_type, number=m.number, marker=m.marker, rank=m.rank, line=para.no, todo=list(para.todo))
            if not para.text:
                pass
            elif m.type in ("part", "chapter") and (is_caps(para.text) or not ends_sentence(para.text)):
                node.heading = para.text
            elif para.text:
                node.text = para.text
            container().append(node)
            stack.append(node)
            continue
        if m is not None and m.type in ("dash", "plus"):
            rank = RANK[m.type]
            node = Node(
                "dash",
                marker=None if m.marker == "-" else m.marker,
                text=para.text,
                rank=rank,
                line=para.no,
                todo=list(para.todo),
            )
            if m.type == "plus":
                while stack and stack[-1].rank > RANK["dash"]:
                    stack.pop()
            else:
                while stack and (stack[-1].rank >= rank or (stack[-1].type == "dash" and stack[-1].task_field)):
                    stack.pop()
                parent = stack[-1] if stack else None
                last = parent.children[-1] if parent and parent.children else None
                if (
                    last is not None
                    and last.type == "paragraph"
                    and (TASK_FIELD.match(para.text) or (last.text or "").rstrip().endswith(":"))
                ):
                    stack.append(last)  # the dashes belong to the paragraph before them
            container().append(node)
            stack.append(node)
            continue
        # a paragraph without a marker
        if para.caps and (not in_body or not stack):
            in_body = in_body or seen_numbered or bool(preamble)
            stack.clear()
            target = body if in_body else preamble
            target.append(Node("heading", text=para.text, line=para.no))
            if target is body:
                in_body = True
            continue
        if seen_numbered and (_CLOSING.match(para.text) or para.text.rstrip().endswith("./.")):
            stack.clear()
        while stack and stack[-1].type == "dash" and stack[-1].task_field:
            stack.pop()
        node = Node("paragraph", text=para.text, rank=RANK["paragraph"], line=para.no, todo=list(para.todo))
        container().append(node)
    _finish(preamble + body)
    return preamble, body


def _finish(nodes: list[Node]) -> None:
    """An item whose first paragraph does not end a sentence and has children is a heading."""
    for node in nodes:
        if (
            node.type in ("item", "article", "point")
            and node.text
            and not node.heading
            and node.children
            and not ends_sentence(node.text)
            and len(node.text) < 300
        ):
            node.heading, node.text = node.text, None
        _finish(node.children)


def segment(lines: list[Line], start: int) -> tuple[int, int, int]:
    """From the body start, the end of the body (start of the signer/recipients block), the
    end of that block and of the footnotes (start of the next document or the end)."""
    n = len(lines)
    body_end = n
    for i in range(start, n):
        text = lines[i].text
        if is_trailer_start(text) or is_footnote_start(text):
            body_end = i
            break
        if i > start and document_start(lines, i) and _attachment_follows(lines, i):
            body_end = i
            break
    trailer_end = body_end
    while trailer_end < n and not is_footnote_start(lines[trailer_end].text) and not document_start(lines, trailer_end):
        trailer_end += 1
    notes_end = trailer_end
    while notes_end < n and not document_start(lines, notes_end):
        notes_end += 1
    return body_end, trailer_end, notes_end


def _attachment_follows(lines: list[Line], i: int) -> bool:
    """A kind line inside a body starts an attached document when "(Ban hành kèm theo …)"
    follows its title; otherwise ("BAN THƯỜNG VỤ THÀNH UỶ" / "QUYẾT ĐỊNH" before Điều 1) it
    is a heading of the body. After a signer block, any kind line starts a new document.
    The line must follow the title: a numbered unit or a signer block before it ends the search."""
    for line in lines[i + 1 : i + 8]:
        if attached_line(line.text):
            return True
        if parse_marker(line.text) is not None or is_trailer_start(line.text):
            return False
    return False
