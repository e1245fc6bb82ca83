"""The header of a document: national header, issuing body lines, number, place and date,
the kind line(s), the title (trích yếu) and the line under it.

Every function here is pure and works on cleaned lines (see lines.py).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from generator.vn.citations import canonical_number
from generator.importer.lines import (
    Line,
    balance_emphasis,
    ends_sentence,
    is_caps,
    national_header,
    starts_lower,
    starts_upper,
)
from generator.vn.dates import PartialDate, Precision
from generator.vn.kinds import kind_words
from generator.vn.text import fold_words, slug

# Kind lines as printed (folded) -> kind slug: every name and alias of the vocabulary.
_KIND_LINES: dict[str, str] = {fold_words(word): slug for word, slug in kind_words()}
_KIND_PREFIXES = sorted(_KIND_LINES, key=len, reverse=True)


def kind_line(text: str) -> tuple[str, str] | None:
    """(kind, rest) when the line is a kind heading printed in capitals ("CHỈ THỊ",
    "QUYẾT ĐỊNH:", "CHỈ THỊ VỀ VIỆC …"); rest is what follows the kind words."""
    if not is_caps(text):
        return None
    f = fold_words(text)
    for prefix in _KIND_PREFIXES:
        if f == prefix:
            return _KIND_LINES[prefix], ""
        if f.startswith(prefix + " ") and f[len(prefix) + 1 :].split(" ", 1)[0] in ("ve", "v"):
            # "CHỈ THỊ VỀ VIỆC …": the title printed on the kind line
            words_in_kind = len(prefix.split())
            rest = text.split(None, words_in_kind)[-1] if len(text.split()) > words_in_kind else ""
            return _KIND_LINES[prefix], rest
    return None


NUMBER_LINE = re.compile(r"^[_~*\s]*(?P<label>(?:Số|SỐ|số)\s*(?:,\s*ký hiệu|, KÝ HIỆU)?\s*:?)\s*(?P<num>.*)$")
_DATE_WORDS = re.compile(
    r"^(?:(?P<place>[^\d,:;()]{2,50}?)\s*,\s*)?(?:ngày|Ngày|NGÀY)\s*(?P<d>\d{1,2}|[.…\s_]*?)\s*(?:tháng|Tháng|THÁNG)\s*"
    r"(?P<m>\d{1,2}|[.…\s_]*?)\s*(?:năm|Năm|NĂM)\s*(?P<y>\d{4})\s*\.?$"
)
_DATE_DIGITS = re.compile(
    r"^(?:(?P<place>[^\d,:;()]{2,50}?)\s*,\s*)?(?:ngày|Ngày|NGÀY)\s*(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*"
    r"(?P<y>\d{4})\s*\.?$"
)


@dataclass
class PrintedDate:
    place: Optional[str]
    value: Optional[str]  # YYYY-MM-DD | YYYY-MM | YYYY; None when the printed date is impossible
    precision: str  # day | month | year | unknown
    printed: str


def parse_date_line(text: str) -> PrintedDate | None:
    m = _DATE_WORDS.match(text) or _DATE_DIGITS.match(text)
    if not m:
        return None
    place = m.group("place").strip() if m.group("place") else None
    year = int(m.group("y"))
    day_s, month_s = m.group("d").strip(), m.group("m").strip()
    try:
        if month_s.isdigit() and day_s.isdigit():
            date = PartialDate(dt.date(year, int(month_s), int(day_s)))
        elif month_s.isdigit() and 1 <= int(month_s) <= 12:
            date = PartialDate(dt.date(year, int(month_s), 1), Precision.MONTH)
        else:
            date = PartialDate(dt.date(year, 1, 1), Precision.YEAR)
    except ValueError:  # no such day ("ngày 06 tháng 40"): a date line all the same, its date unknown
        return PrintedDate(place, None, "unknown", text)
    return PrintedDate(place, date.iso, date.precision.value, text)


@dataclass
class PrintedNumber:
    value: Optional[str]  # canonical, or None when the number is blank or unreadable
    printed: str  # "Số 07- CT/TU" as printed (whitespace collapsed)
    digits: bool  # the printed number holds digits


def parse_number(text: str, following: Optional[str] = None) -> tuple[PrintedNumber, bool] | None:
    """A "Số …" line. Returns the number and whether the following line was used too
    (a number broken across lines: "Số 07-" / "CT/TU")."""
    m = NUMBER_LINE.match(text)
    if not m:
        return None
    num = m.group("num").strip()
    if num and not re.match(r"^[\d./_…\s-]", num):
        return None  # "Số lượng …", "Số liệu …": not a number line
    label = m.group("label").strip()
    value = canonical_number(num) if num else None
    used_next = False
    if value is None and following is not None and re.match(r"^[\w/.\-–]+$", following) and "/" in num + following:
        joined = num + following if num.endswith(("-", "/")) else f"{num} {following}"
        value = canonical_number(joined)
        if value:
            num, used_next = joined, True
    printed = f"{label} {num}".strip() if num else label
    return PrintedNumber(value, printed, bool(re.search(r"\d", num))), used_next


@dataclass
class Header:
    system: Optional[str] = None  # party | state (from the national header)
    issuer_lines: list[str] = field(default_factory=list)
    number: Optional[PrintedNumber] = None
    date: Optional[PrintedDate] = None
    kind: Optional[str] = None
    heading: list[str] = field(default_factory=list)
    title_lines: list[Line] = field(default_factory=list)
    subtitle: Optional[str] = None
    title_todo: list[str] = field(default_factory=list)  # joins of title lines that could be wrong
    other: list[Line] = field(default_factory=list)  # header lines of no known kind
    body_start: int = 0  # index of the first body line
    title_on_kind_line: bool = False

    @property
    def title(self) -> str:
        return join_lines([l.text for l in self.title_lines])


def join_lines(parts: list[str]) -> str:
    """Re-join hard-wrapped lines: a space, or nothing after a word broken with a hyphen."""
    out = ""
    for part in parts:
        part = part.strip()
        if not out:
            out = part
        elif re.search(r"\w-$", out) or out.endswith(("(", "/")) or part.startswith((")", ",")):
            out += part
        else:
            out += " " + part
    return out


_TITLE_STOP = re.compile(
    r"^(?:[-–+•]\s|\(?\s*[Bb]an hành kèm theo|Căn cứ|CĂN CỨ|Kính gửi|KÍNH GỬI|\d{1,2}\s*[.\-–)]\s|[IVX]{1,5}\s*[.\-–]\s)"
)
_CONTINUES = re.compile(r"(?:,|-|–|“|\(|\b(?:và|của|về|theo|trong|tại|đến|với|cho|các|những|số))$")
_HEADING_EXTRA = re.compile(r"^CỦA\b")
# Caps lines that name an authority ("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ" before "QUYẾT ĐỊNH:"),
# not the continuation of a title printed in capitals.
AUTHORITY_LINE = re.compile(
    r"^(?:CHỦ TỊCH|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|BAN BÍ THƯ|BỘ CHÍNH TRỊ|ỦY BAN|UỶ BAN|"
    r"HỘI ĐỒNG|BỘ TRƯỞNG|GIÁM ĐỐC|THỦ TƯỚNG|TRƯỞNG BAN|THƯỜNG TRỰC|CHÍNH PHỦ)\b"
)


def header_text(text: str) -> str:
    """A header line without stray emphasis markers ("**ỦY BAN NHÂN DÂN", "*Hà Nội, ngày 01")."""
    return balance_emphasis(text).strip("*_ ").strip()


def find_kind_line(lines: list[Line], start: int = 0, limit: int = 40) -> int | None:
    for i in range(start, min(len(lines), start + limit)):
        text = header_text(lines[i].text)
        if kind_line(text) or title_kind_line(text) or attachment_heading(lines, i):
            return i
    return None


_POSITION = re.compile(
    r"^(?:PHÓ\s+|Q\.\s*)?(?:CHỦ TỊCH|BÍ THƯ|TRƯỞNG BAN|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG)\b"
)
_ATTACHED = re.compile(r"^\(\s*(?:[Bb]an hành )?[Kk]èm theo")


def attached_line(text: str) -> bool:
    """ "(Ban hành kèm theo Quyết định số …)", "*(Kèm theo …)*"."""
    return bool(_ATTACHED.match(header_text(text)))


def attachment_heading(lines: list[Line], i: int) -> bool:
    """A heading in capitals whose kind the vocabulary does not name ("ĐIỀU LỆ"), with
    "(Ban hành kèm theo …)" under its title: the start of an attached document."""
    text = header_text(lines[i].text)
    if not is_caps(text) or kind_line(text) or AUTHORITY_LINE.match(text) or national_header(text):
        return False
    if _POSITION.match(text):
        return False  # a signer's position ("PHÓ CHỦ TỊCH") right above an attached document
    if len(text.split()) > 4:
        return False  # a kind is a word or two; a longer caps line is a title or a heading
    return any(attached_line(l.text) for l in lines[i + 1 : i + 5])


def document_start(lines: list[Line], i: int) -> bool:
    """Line i starts a document: a kind line, or the heading of an attached document."""
    return bool(kind_line(header_text(lines[i].text))) or attachment_heading(lines, i)


def title_kind_line(text: str) -> tuple[str, str] | None:
    """ "KẾ HOẠCH Thực hiện công tác dân vận …": the kind in capitals, the title after it in
    running-text case on the same line (a heading an OCR or Markdown export ran together)."""
    for word, kind in _KIND_WORDS:
        m = re.match(rf"^{re.escape(word.upper())}\s+(?P<rest>[A-ZĐÀ-Ỹ][a-zđà-ỹ].*)$", text)
        if m:
            return kind, m.group("rest")
    return None


_KIND_WORDS = sorted(kind_words(), key=lambda pair: len(pair[0]), reverse=True)


def is_upper(text: str) -> bool:
    """Letters, all capitals (a fragment of a header line: "DÂN", "BAN")."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _national(lines: list[Line], i: int, stop: int) -> tuple[str, int] | None:
    """A national header or motto at line i, perhaps split over two or three lines ("CỘNG" /
    "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN" / "VIỆT NAM"): (kind, lines used)."""
    for size in (1, 2, 3):
        if i + size > stop:
            break
        joined = " ".join(header_text(l.text) for l in lines[i : i + size])
        nat = national_header(joined)
        if nat:
            return nat, size
    return None


def _date_at(lines: list[Line], i: int, stop: int) -> tuple[PrintedDate, int] | None:
    """A place-and-date line, perhaps broken after "ngày" or after the place's comma."""
    text = header_text(lines[i].text)
    date = parse_date_line(text)
    if date:
        return date, 1
    if i + 1 < stop and (", ngày" in text.lower() or text.rstrip().endswith(",")):
        date = parse_date_line(text + " " + header_text(lines[i + 1].text))
        if date:
            return date, 2
    return None


_CONG_VAN = re.compile(r"^(?:V/v|V/V|Về việc)\s")


def parse_header(lines: list[Line], kind_index: Optional[int], start: int = 0) -> Header:
    """Parse lines[start:] as a document header whose kind line is at kind_index (None when
    the text has no kind line; then the header ends at the first line that is not a header
    line)."""
    header = Header()
    stop = kind_index if kind_index is not None else len(lines)
    i = _header_block(header, lines, start, stop, kind_index is None)
    if kind_index is None:
        if i < len(lines) and header.kind is None and _CONG_VAN.match(lines[i].text):
            i = _cong_van_title(header, lines, i)
        header.body_start = i
        return header
    _title(header, lines, kind_index)
    return header


def _header_block(header: Header, lines: list[Line], start: int, stop: int, open_ended: bool) -> int:
    """The lines above the kind line: national header, issuing body, number, place and date.
    Returns the index where it ends."""
    i = start
    previous_issuer = False
    while i < stop:
        text = header_text(lines[i].text)
        used = 1
        is_issuer = False
        if (nat := _national(lines, i, stop)) is not None:
            kind, used = nat
            if kind in ("party", "state"):
                header.system = header.system or kind
        elif (num := parse_number(text, header_text(lines[i + 1].text) if i + 1 < stop else None)) is not None:
            header.number, used_next = num
            used += used_next
        elif (date := _date_at(lines, i, stop)) is not None:
            header.date, used = date
        elif open_ended and _CONG_VAN.match(text):
            return i
        elif is_caps(text) or (previous_issuer and is_upper(text)):
            header.issuer_lines.append(text)
            is_issuer = True
        elif open_ended:
            return i
        else:
            header.other.append(lines[i])
        previous_issuer = is_issuer
        i += used
    return i


def _cong_van_title(header: Header, lines: list[Line], i: int) -> int:
    """ "V/v triển khai …" under the number of a công văn: the title; returns the body start."""
    header.kind = "cong-van"
    header.title_lines = [Line(lines[i].no, _CONG_VAN.sub("", lines[i].text).strip())]
    j = i + 1
    while j < len(lines) and starts_lower(lines[j].text) and not _TITLE_STOP.match(lines[j].text):
        header.title_lines.append(lines[j])
        j += 1
    return j


def _title(header: Header, lines: list[Line], kind_index: int) -> None:
    """The kind line, heading lines under it, the title and the line under the title."""
    kind_text = header_text(lines[kind_index].text)
    kind, rest = kind_line(kind_text) or title_kind_line(kind_text) or (slug(kind_text), "")
    header.kind = kind
    header.heading = [kind_text if not rest else kind_text[: -len(rest)].strip()]
    i = kind_index + 1
    if rest:
        header.title_lines.append(Line(lines[kind_index].no, rest))
        header.title_on_kind_line = True
    # further heading lines: "CỦA BAN THƯỜNG VỤ THÀNH ỦY"
    while (
        not header.title_lines
        and i < len(lines)
        and is_caps(header_text(lines[i].text))
        and _HEADING_EXTRA.match(header_text(lines[i].text))
    ):
        header.heading.append(header_text(lines[i].text))
        i += 1
    # title: the first line, then lines that continue it
    if not header.title_lines and i < len(lines) and not _TITLE_STOP.match(lines[i].text):
        header.title_lines.append(Line(lines[i].no, header_text(lines[i].text)))
        i += 1
    i = _title_continued(header, lines, i)
    # the line under the title: "(Ban hành kèm theo …)"
    if i < len(lines) and header_text(lines[i].text).startswith("("):
        parts = [header_text(lines[i].text)]
        i += 1
        while ")" not in parts[-1] and i < len(lines) and len(parts) < 6:
            parts.append(header_text(lines[i].text))
            i += 1
        header.subtitle = join_lines(parts)
    header.body_start = i


def _title_continued(header: Header, lines: list[Line], i: int) -> int:
    """Lines that continue the title; a join that could be wrong gets a note in title_todo."""
    while header.title_lines and i < len(lines):
        prev, text = header.title_lines[-1].text, header_text(lines[i].text)
        if _TITLE_STOP.match(text) or kind_line(text) or parse_date_line(text) or NUMBER_LINE.match(text):
            break
        caps_title = all(is_upper(l.text) for l in header.title_lines)
        open_quote = sum(l.text.count("“") - l.text.count("”") for l in header.title_lines) > 0
        if (
            starts_lower(text)
            or open_quote
            or (caps_title and is_upper(text) and not AUTHORITY_LINE.match(text))
            or (_CONTINUES.search(prev.rstrip()) and not ends_sentence(prev) and not starts_upper(text))
        ):
            header.title_lines.append(Line(lines[i].no, text))
            i += 1
            continue
        if (
            _CONTINUES.search(prev.rstrip())
            and len(text) < 90
            and not ends_sentence(prev)
            and (i + 1 >= len(lines) or _TITLE_STOP.match(lines[i + 1].text) or lines[i + 1].text.startswith("("))
        ):
            header.title_lines.append(Line(lines[i].no, text))  # "… theo" / "Nghị quyết số …" then the end
            header.title_todo.append(
                f"trích yếu nối thêm dòng {lines[i].no} của văn bản gốc (“{text[:60]}”); "
                "nếu dòng này thuộc phần mở đầu thì tách ra"
            )
            i += 1
            continue
        break
    return i


# --- a header printed after the body -------------------------------------------------------

_LATE_WINDOW = 12


def late_header(lines: list[Line], body_start: int, body_end: int) -> tuple[Header, int] | None:
    """The header block of a text whose Word table of header cells was extracted after the
    body ("BỘ Y TẾ" / "CỘNG HÒA …" / "Số: …/TTr-BYT" / "Hà Nội, ngày …" right before "Nơi
    nhận"): the header it holds and the index where it starts. None when the end of the
    body holds no national header followed by a number or a date."""
    for i in range(max(body_start, body_end - _LATE_WINDOW), body_end):
        national = _national(lines, i, body_end)
        if national is None or national[0] == "motto":
            continue
        start = i
        while start > max(body_start, i - 2) and is_caps(header_text(lines[start - 1].text)):
            start -= 1  # the issuing body's lines, in the cell before the national header
        header = Header()
        _header_block(header, lines, start, body_end, False)
        if header.number or header.date:
            return header, start
    return None
