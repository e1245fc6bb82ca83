"""Source text → clean lines, and the small predicates every later stage uses.

Reading keeps every word of the source: it only drops what carries no words (blank lines,
decoration rules such as "-----" or a lone "*") and lone page numbers, and it splits table
debris ("| a | b |") into one line per cell. Each line remembers its source line number.
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


def read_text(text: str) -> Reading:
    reading = Reading(lines=[])
    for no, raw in enumerate(normalize(text).split("\n"), start=1):
        cells = [raw]
        if "|" in raw:
            reading.tables += 1
            cells = [c for c in raw.split("|") if c.strip() and not _TABLE_SEPARATOR.match(c.strip())]
        for cell in cells:
            line = clean(cell)
            if not line:
                continue
            if _PAGE_NUMBER.match(line):
                reading.page_numbers += 1
                continue
            if _DECORATION.match(line) and not re.search(r"\w", line):
                reading.decorations += 1
                continue
            reading.lines.append(Line(no, line))
    return reading


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
