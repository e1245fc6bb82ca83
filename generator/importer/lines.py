"""Source text → clean lines, and the small predicates every later stage uses.

Reading keeps every word of the source: it only drops what carries no words (blank lines,
decoration rules such as "-----" or a lone "*") and lone page numbers. It splits rows of a
table into one line per cell: Markdown table debris ("| a | b |") and rows copied from a
Word table, whose cells are separated by tabs ("Số: 12/KH-UBND<TAB>Cần Thơ, ngày …"). A
header whose two columns were merged on one line by OCR is split again: the issuing body
before the national header ("THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI …"), the number before the
place and date ("Số: 30/CT-TTg Hà Nội, ngày …"). Each line remembers its source line number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.vn.text import fold_words


@dataclass
class Line:
    no: int  # 1-based line number in the source
    text: str  # cleaned text (stripped, markdown hard breaks and whole-line bold removed)


@dataclass
class Reading:
    lines: list[Line]
    page_numbers: int = 0  # lone page numbers dropped
    decorations: int = 0  # rules and stars dropped
    tables: int = 0  # lines that held table debris
    tab_rows: int = 0  # lines split at tabs (rows of a Word table)
    merged_columns: int = 0  # lines split where OCR merged the two header columns


LOST_MARK = "\ufffd"  # a footnote marker lost in conversion

_DECORATION = re.compile(r"^[\s\-–—_=*~•·.\\#]*$")
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^(?:Trang|trang)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$")
_TABLE_SEPARATOR = re.compile(r"^:?-{2,}:?$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_ESCAPE = re.compile(r"\\([\\`{}\[\]()#+\-.!|>~])")  # \* and \_ stay: the text markup understands them
_WHOLE_BOLD = re.compile(r"^\*\*(?P<t>[^*].*?)\*\*$|^__(?P<u>[^_].*?)__$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


def normalize(text: str) -> str:
    """NFC (joins decomposed characters), unified line ends, no invisible characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.translate(_INVISIBLE)
    # C0/C1 control characters (other than tab and newline) carry no words
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", " ", text)
    return unicodedata.normalize("NFC", text)


def clean(raw: str) -> str:
    text = _SPACES.sub(" ", raw).strip()
    text = _MD_HEADING.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    bold = _WHOLE_BOLD.match(text)
    if bold:
        text = (bold.group("t") or bold.group("u")).strip()
    if text.startswith("* ") and len(text) > 2:  # a Markdown bullet
        text = "- " + text[2:]
    return text


def _cells(raw: str, reading: Reading) -> list[str]:
    """A source line as the cells of a table row: "|" cells, else tab-separated cells."""
    if "|" in raw:
        reading.tables += 1
        return [c for c in raw.split("|") if c.strip() and not _TABLE_SEPARATOR.match(c.strip())]
    if "\t" in raw.strip(" \t\u00a0"):
        cells = [c for c in raw.split("\t") if c.strip()]
        if len(cells) > 1:
            reading.tab_rows += 1
            return cells
    return [raw]


def read_text(text: str) -> Reading:
    reading = Reading(lines=[])
    for no, raw in enumerate(normalize(text).split("\n"), start=1):
        for cell in _cells(raw, reading):
            line = clean(cell)
            if not line:
                continue
            if _PAGE_NUMBER.match(line):
                reading.page_numbers += 1
                continue
            if _DECORATION.match(line) and not re.search(r"\w", line):
                reading.decorations += 1
                continue
            parts = split_columns(line)
            reading.merged_columns += len(parts) > 1
            reading.lines.extend(Line(no, part) for part in parts)
    reading.lines = _join_split_markers(reading.lines)
    return reading


_MARKER_WORD = re.compile(r"^[*_]{0,2}(?:Điều|ĐIỀU|Chương|CHƯƠNG)[*_]{0,2}$")
_MARKER_NUMBER = re.compile(r"^[*_]{0,2}(?:\d{1,3}[a-zđ]?|[IVXLC]{1,6})\b")


def _join_split_markers(lines: list[Line]) -> list[Line]:
    """ "**Điều" / "18. Trách nhiệm …**": a marker word a layout left alone on its line, joined
    to the number on the next."""
    out: list[Line] = []
    for line in lines:
        if out and _MARKER_WORD.match(out[-1].text) and _MARKER_NUMBER.match(line.text):
            out[-1] = Line(out[-1].no, f"{out[-1].text} {line.text}")
        else:
            out.append(line)
    return out


# --- columns merged by OCR ----------------------------------------------------------------

_STATE_WORDS = re.compile(r"\b(?:cong hoa xa hoi chu nghia viet nam|dang cong san viet nam)\b")
_NUMBER_THEN_DATE = re.compile(
    r"^(?P<number>[_*\W]{0,3}(?:Số|SỐ)\s*:?\s*[\d\s./_…]*\s*/\s*\S+)\s+"
    r"(?P<date>[^\d,:;()]{2,40}?,\s*(?:ngày|Ngày|NGÀY)\b.*\b(?:năm|NĂM)\s*\d{4}\W*)$"
)


def split_columns(line: str) -> list[str]:
    """A header line whose two columns OCR merged, as two lines; any other line alone."""
    m = _NUMBER_THEN_DATE.match(line)
    if m:
        return [m.group("number").strip(), m.group("date").strip()]
    folded = fold_words(line)
    found = _STATE_WORDS.search(folded)
    if found and found.start() > 0:
        # the words before the national header, in the line as printed
        before_words = len(folded[: found.start()].split())
        tokens = re.findall(r"\S+", line)
        kept: list[str] = []
        count = 0
        for i, token in enumerate(tokens):
            if count == before_words:
                rest = " ".join(tokens[i:])
                head = " ".join(kept)
                if is_caps(head):
                    return [head, rest]
                break
            kept.append(token)
            count += len(fold_words(token).split())
    return [line]


def balance_emphasis(text: str) -> str:
    """Drop a stray emphasis marker at either end ("**ỦY BAN NHÂN DÂN", "ngày 01 tháng 12*"),
    left where a marker opened on one line and closes on another."""
    for mark in ("**", "*"):
        count = len(re.findall(r"(?<!\*)\*\*(?!\*)" if mark == "**" else r"(?<!\*)\*(?!\*)", text))
        if count % 2:
            if text.startswith(mark) and not text.startswith(mark + "*"):
                text = text[len(mark) :].lstrip()
            elif text.endswith(mark) and not text.endswith("*" + mark):
                text = text[: -len(mark)].rstrip()
    return text


# --- predicates -----------------------------------------------------------------------------

_OPENERS = "“\"‘'(«[*_"
_CLOSERS = "”\"’')»]*_ "
_SENTENCE_END = ".:;!?…"


def first_letter(text: str) -> str:
    for ch in text:
        if ch.isalpha() or ch.isdigit():
            return ch
        if ch not in _OPENERS and not ch.isspace():
            return ch
    return ""


def starts_lower(text: str) -> bool:
    ch = first_letter(text)
    return ch.isalpha() and ch.islower()


def starts_upper(text: str) -> bool:
    ch = first_letter(text)
    return ch.isalpha() and ch.isupper()


def ends_sentence(text: str) -> bool:
    core = text.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _SENTENCE_END


def is_caps(text: str) -> bool:
    """A line written in capitals (a header or heading line), not an acronym in prose."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4:
        return False
    return all(c.isupper() for c in letters)


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


# National headers and the motto.
_PARTY = fold_words("ĐẢNG CỘNG SẢN VIỆT NAM")
_STATE = fold_words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_MOTTO = fold_words("Độc lập - Tự do - Hạnh phúc")


def national_header(text: str) -> str | None:
    f = fold_words(text)
    if f == _PARTY:
        return "party"
    if f == _STATE or f.startswith(_STATE):
        return "state"
    if f == _MOTTO:
        return "motto"
    return None
