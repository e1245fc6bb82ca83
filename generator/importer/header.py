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
from generator.importer.lines import Line, ends_sentence, is_caps, national_header, starts_lower, starts_upper
from generator.vn.dates import PartialDate, Precision
from generator.vn.kinds import kind_words
from generator.vn.text import fold_words

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


NUMBER_LINE = re.compile(r"^(?P<label>(?:Số|SỐ|số)\s*(?:,\s*ký hiệu|, KÝ HIỆU)?\s*:?)\s*(?P<num>.*)$")
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
    value: str  # YYYY-MM-DD | YYYY-MM | YYYY
    precision: str  # day | month | year
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
    except ValueError:  # no such day, or year 0000
        return None
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
_AUTHORITY_LINE = re.compile(
    r"^(?:CHỦ TỊCH|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|BAN BÍ THƯ|BỘ CHÍNH TRỊ|ỦY BAN|UỶ BAN|"
    r"HỘI ĐỒNG|BỘ TRƯỞNG|GIÁM ĐỐC|THỦ TƯỚNG|TRƯỞNG BAN|THƯỜNG TRỰC|CHÍNH PHỦ)\b"
)


def find_kind_line(lines: list[Line], start: int = 0, limit: int = 40) -> int | None:
    for i in range(start, min(len(lines), start + limit)):
        if kind_line(lines[i].text):
            return i
    return None


def parse_header(lines: list[Line], kind_index: Optional[int], start: int = 0) -> Header:
    """Parse lines[start:] as a document header whose kind line is at kind_index (None when
    the text has no kind line; then the header ends at the first line that is not a header
    line)."""
    header = Header()
    stop = kind_index if kind_index is not None else len(lines)
    i = start
    while i < stop:
        text = lines[i].text
        nat = national_header(text)
        if nat in ("party", "state"):
            header.system = header.system or nat
        elif nat == "motto":
            pass
        elif (num := parse_number(text, lines[i + 1].text if i + 1 < stop else None)) is not None:
            header.number, used_next = num
            i += used_next
        elif (date := parse_date_line(text)) is not None:
            header.date = date
        elif (
            i + 1 < stop
            and ", ngày" in text.lower()
            and (date := parse_date_line(text + " " + lines[i + 1].text)) is not None
        ):
            header.date = date
            i += 1
        elif kind_index is None and re.match(r"^(?:V/v|V/V|Về việc)\s", text):
            header.kind = "cong-van"
            header.title_lines = [Line(lines[i].no, re.sub(r"^(?:V/v|V/V|Về việc)\s+", "", text))]
            j = i + 1
            while j < len(lines) and starts_lower(lines[j].text) and not _TITLE_STOP.match(lines[j].text):
                header.title_lines.append(lines[j])
                j += 1
            header.body_start = j
            return header
        elif is_caps(text):
            header.issuer_lines.append(text)
        elif kind_index is None:
            header.body_start = i
            return header
        else:
            header.other.append(lines[i])
        i += 1
    if kind_index is None:
        header.body_start = i
        return header
    kind, rest = kind_line(lines[kind_index].text) or (None, "")  # the line kind_index found
    header.kind = kind
    header.heading = [lines[kind_index].text if not rest else lines[kind_index].text[: -len(rest)].strip()]
    i = kind_index + 1
    if rest:
        header.title_lines.append(Line(lines[kind_index].no, rest))
        header.title_on_kind_line = True
    # further heading lines: "CỦA BAN THƯỜNG VỤ THÀNH ỦY"
    while not header.title_lines and i < len(lines) and is_caps(lines[i].text) and _HEADING_EXTRA.match(lines[i].text):
        header.heading.append(lines[i].text)
        i += 1
    # title: the first line, then lines that continue it
    if not header.title_lines and i < len(lines) and not _TITLE_STOP.match(lines[i].text):
        header.title_lines.append(lines[i])
        i += 1
    while header.title_lines and i < len(lines):
        prev, text = header.title_lines[-1].text, lines[i].text
        if _TITLE_STOP.match(text) or kind_line(text) or parse_date_line(text) or NUMBER_LINE.match(text):
            break
        caps_title = all(is_caps(l.text) for l in header.title_lines)
        open_quote = sum(l.text.count("“") - l.text.count("”") for l in header.title_lines) > 0
        if (
            starts_lower(text)
            or open_quote
            or (caps_title and is_caps(text) and not _AUTHORITY_LINE.match(text))
            or (_CONTINUES.search(prev.rstrip()) and not ends_sentence(prev) and not starts_upper(text))
        ):
            header.title_lines.append(lines[i])
            i += 1
            continue
        if (
            _CONTINUES.search(prev.rstrip())
            and len(text) < 90
            and not ends_sentence(prev)
            and (i + 1 >= len(lines) or _TITLE_STOP.match(lines[i + 1].text) or lines[i + 1].text.startswith("("))
        ):
            header.title_lines.append(lines[i])  # "… theo" / "Nghị quyết số …" then the end of the header
            i += 1
            continue
        break
    # the line under the title: "(Ban hành kèm theo …)"
    if i < len(lines) and lines[i].text.startswith("("):
        parts = [lines[i].text]
        i += 1
        while ")" not in parts[-1] and i < len(lines) and len(parts) < 6:
            parts.append(lines[i].text)
            i += 1
        header.subtitle = join_lines(parts)
    header.body_start = i
    return header
