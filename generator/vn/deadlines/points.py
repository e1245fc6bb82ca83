"""Normalisation, and the dated part of a deadline: one date, month, quarter, year or half-year
("points"), ranges of them, and the words before them ("trước", "đến hết", "chậm nhất")."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum, StrEnum
from typing import Iterator, Optional

from generator.vn.deadlines.model import Deadline, DeadlineKind, Span

__all__ = [
    "POINT_NC",
    "Point",
    "Qualifier",
    "Y",
    "N",
    "S",
    "QUY",
    "Q",
    "dated",
    "normalize",
    "point",
    "qualified",
    "span",
]

# --- normalisation ------------------------------------------------------------------

_TRANSLATE: dict[int, Optional[str]] = {
    ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
}
_TRANSLATE[ord("\uff0f")] = "/"
_TRANSLATE.update({ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"})


def normalize(text: str) -> str:
    """NFC, lower case, dashes as "-", invisible characters dropped, spaces tidied."""
    s = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).lower())
    s = " ".join(s.translate(_TRANSLATE).split())
    s = re.sub(r" ?([,;:]) ?", r"\1 ", s)
    s = s.replace("( ", "(").replace(" )", ")")
    return s.strip(" .,;:")


# --- points: one date, month, quarter, year or half-year ----------------------------

Y = r"[1-9][0-9]{3}"  # four-digit years only
N = r"[0-9]{1,2}"  # day or month number
S = r" ?[/.-] ?"  # date separator
QUY = r"qu[ýí]"
Q = r"iv|iii|ii|i|[1-4]"
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_POINT_SRC = (
    rf"(?:ngày )?(?P<d>{N})(?:{S}(?P<dm>{N})(?:{S}(?P<dy>{Y}))?| tháng (?P<dm2>{N})(?: năm (?P<dy2>{Y}))?)"
    rf"|tháng (?P<m>{N})(?:{S}(?P<my>{Y})| năm (?P<my2>{Y}))?"
    rf"|{QUY} (?P<q>{Q})(?:{S}(?P<qy>{Y})| năm (?P<qy2>{Y}))?"
    rf"|năm (?P<y>{Y})"
    rf"|(?:6|sáu) tháng (?P<h>đầu|cuối) năm(?: (?P<hy>{Y}))?"
)
_POINT = re.compile(_POINT_SRC)
POINT_NC = re.sub(r"\(\?P<\w+>", "(?:", _POINT_SRC)  # same grammar, no named groups


class Unit(StrEnum):
    DATE = "date"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    HALF = "half"


_UNIT_KIND = {
    Unit.DATE: DeadlineKind.DATE,
    Unit.MONTH: DeadlineKind.MONTH,
    Unit.QUARTER: DeadlineKind.QUARTER,
    Unit.YEAR: DeadlineKind.YEAR,
    Unit.HALF: DeadlineKind.RANGE,
}


@dataclass(frozen=True)
class Bounds:
    first: date
    last: date


@dataclass(frozen=True)
class Point:
    unit: Unit
    year: Optional[int]  # None when the text leaves it out
    a: int = 0  # day (date), month (month), quarter, half (1 or 2)
    b: int = 0  # month (date)

    def bounds(self, year: Optional[int]) -> Optional[Bounds]:
        """First and last day of the point in ``year``; None if impossible."""
        if year is None:
            return None
        try:
            if self.unit is Unit.DATE:
                day = date(year, self.b, self.a)
                return Bounds(day, day)
            if self.unit is Unit.MONTH:
                return Bounds(date(year, self.a, 1), _month_end(year, self.a))
            if self.unit is Unit.QUARTER:
                return Bounds(date(year, 3 * self.a - 2, 1), _month_end(year, 3 * self.a))
            if self.unit is Unit.HALF:
                return Bounds(date(year, 6 * self.a - 5, 1), _month_end(year, 6 * self.a))
            return Bounds(date(year, 1, 1), date(year, 12, 31))
        except (ValueError, OverflowError):
            return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(*values: Optional[str]) -> Optional[int]:
    for value in values:
        if value:
            return int(value)
    return None


def point(s: str) -> Optional[Point]:
    m = _POINT.fullmatch(s)
    if not m:
        return None
    g = m.groupdict()
    if g["d"] is not None:
        return Point(Unit.DATE, _year(g["dy"], g["dy2"]), int(g["d"]), int(g["dm"] or g["dm2"]))
    if g["m"] is not None:
        return Point(Unit.MONTH, _year(g["my"], g["my2"]), int(g["m"]))
    if g["q"] is not None:
        return Point(Unit.QUARTER, _year(g["qy"], g["qy2"]), _QUARTERS[g["q"]])
    if g["y"] is not None:
        return Point(Unit.YEAR, int(g["y"]))
    return Point(Unit.HALF, _year(g["hy"]), 1 if g["h"] == "đầu" else 2)


def day_before(day: date) -> Optional[date]:
    try:
        return day - timedelta(days=1)
    except OverflowError:
        return None


# --- ranges ------------------------------------------------------------------------

_SPAN_PREFIX = re.compile(r"(?:(?:giai đoạn|thời kỳ) )?(?:từ )?")
_YEAR_RANGE = re.compile(rf"(?:năm )?(?P<a>{Y})(?: ?- ?| (?:đến|tới)(?: hết)? )(?:năm )?(?P<b>{Y})")
_POINT_RANGE = re.compile(
    rf"(?P<a>{POINT_NC})(?P<sep> ?- ?| (?:đến|tới)(?: hết)? | (?:đến|tới) trước )(?P<b>{POINT_NC}|{Y})"
)


def span(s: str, ctx: Optional[int]) -> Optional[Span]:
    """A closed range: "từ A đến B", "giai đoạn 2021-2025", "2021 - 2025"."""
    prefix = _SPAN_PREFIX.match(s)
    rest = s[prefix.end() :] if prefix else s
    m = _YEAR_RANGE.fullmatch(rest)
    if m:
        first, last = int(m["a"]), int(m["b"])
        return Span(date(first, 1, 1), date(last, 12, 31)) if first <= last else None
    m = _POINT_RANGE.fullmatch(rest)
    if not m:
        return None
    a = point(m["a"])
    b = point(m["b"]) or Point(Unit.YEAR, int(m["b"]))
    if a is None or (b.unit is Unit.YEAR and m["b"].isdigit() and a.unit is not Unit.YEAR):
        return None  # a bare year closes only a range of years ("từ năm 2021 - 2025")
    ya, yb = a.year, b.year
    if ya is None and yb is None:
        ya = yb = ctx
    ya = yb if ya is None else ya
    yb = ya if yb is None else yb
    first_bounds, last_bounds = a.bounds(ya), b.bounds(yb)
    if first_bounds is None or last_bounds is None:
        return None
    start = first_bounds.first
    end = day_before(last_bounds.first) if "trước" in m["sep"] else last_bounds.last
    if end is None or start > end:
        return None
    return Span(start, end)


# --- one dated deadline --------------------------------------------------------------


class Qualifier(Enum):
    BY = "by"  # on time through the end of X
    BEFORE = "before"  # the last on-time day is the day before X
    WITHIN = "within"  # "trong X": through the end of X; X may be a range


_QUALIFIERS: tuple[tuple[re.Pattern[str], Qualifier], ...] = (
    (re.compile(r"trước hoặc (?:vào|trong) "), Qualifier.BY),
    (re.compile(r"(?:(?:chậm|muộn) nhất(?: là)? )?trước "), Qualifier.BEFORE),
    (re.compile(r"(?:chậm|muộn) nhất(?: là)?(?: (?:vào|trong|đến|tới)(?: hết)?)? "), Qualifier.BY),
    (re.compile(r"hạn chót(?: là)?(?: vào)? "), Qualifier.BY),
    (re.compile(r"(?:đến|tới)(?: hết)? "), Qualifier.BY),
    (re.compile(r"(?:hết|vào) "), Qualifier.BY),
    (re.compile(r"trong "), Qualifier.WITHIN),
)


@dataclass(frozen=True)
class Qualified:
    qualifier: Optional[Qualifier]  # None: X alone
    rest: str  # what follows the qualifying words


def qualified(s: str) -> Iterator[Qualified]:
    """Every reading of `s` as qualifying words + the rest, the bare reading last."""
    for pattern, qualifier in _QUALIFIERS:
        m = pattern.match(s)
        if m:
            yield Qualified(qualifier, s[m.end() :])
    yield Qualified(None, s)


def dated(s: str, ctx: Optional[int]) -> Optional[Deadline]:
    """One dated deadline: "trước ngày 30/6/2022", "trong quý IV/2022", "từ tháng 1 đến tháng 6"."""
    for reading in qualified(s):
        p = point(reading.rest)
        if p is not None:
            bounds = p.bounds(p.year if p.year is not None else ctx)
            if bounds is None:
                continue
            if reading.qualifier is Qualifier.BEFORE:
                end = day_before(bounds.first)
                if end is not None:
                    return Deadline(DeadlineKind.DATE, None, end)
                continue
            return Deadline(_UNIT_KIND[p.unit], None if p.unit is Unit.DATE else bounds.first, bounds.last)
        if reading.qualifier in (None, Qualifier.WITHIN):
            closed = span(reading.rest, ctx)
            if closed:
                return Deadline(DeadlineKind.RANGE, closed.start, closed.end)
    return None
