"""Deadline phrases of Vietnamese directives ("thời hạn") → structured deadlines.

``parse(text, context_year=None)`` is a pure function (no I/O, standard library only,
linear in the length of the text) that never raises on a ``str``: a phrase it does not
understand comes back as kind ``"unparsed"`` with every field null, so the caller keeps
the text as written and warns. It never guesses.

Fields of a ``Deadline``
    ``kind``   "date" | "month" | "quarter" | "year" | "range" | "recurring" | "ongoing"
               | "none" (empty text) | "unparsed".
    ``end``    the LAST day that is still on time.
    ``start``  the first day of the period the text names (a month, quarter, year, range,
               or the span a recurring/ongoing duty runs over); null for a single date.
    ``rrule``  RFC 5545 RRULE value of a recurring deadline, else null.
    ``parts``  the deadlines of a text that holds several (empty otherwise).
    ``text``   the text as written.

Rules (the design decisions; tests/test_deadlines.py pins each one down)
    * Normalisation: NFC, lower case, every dash variant → "-", invisible characters
      dropped, whitespace collapsed, spaces tidied around , ; : ( ), surrounding
      punctuation (".", ",", ";", ":") stripped. "kỳ/kì", "quý/quí", "hằng/hàng" are
      both accepted.
    * "trước X" (before X) means the last on-time day is the day before X begins:
      "trước ngày 30/6/2022" → end 2022-06-29; "trước tháng 9/2021" → end 2021-08-31;
      "trước quý IV/2022" → 2022-09-30; "trước năm 2025" → 2024-12-31. Whatever X is,
      the result names one day, so its kind is "date" and start is null.
    * "ngày X", "đến (hết) X", "tới X", "chậm nhất (là/vào) X", "muộn nhất X",
      "hạn chót X", "vào X", "trong X", "hết X", "trước hoặc vào/trong X", or X alone:
      on time through the end of X. The kind is X's own unit (a date, a month, a quarter,
      a year; "6 tháng đầu/cuối năm YYYY" is a "range"); start is X's first day except
      for a single date, whose start is null.
    * The same on-time rule applies to recurring deadlines, so an RRULE always names the
      last on-time day of each occurrence: "trước ngày 05 tháng 12 hằng năm" →
      FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=4 and "ngày 05/12 hằng năm" → BYMONTHDAY=5.
      "Before the 1st" is the last day of the previous month, written BYMONTHDAY=-1
      (so "trước ngày 01/3 hằng năm" → BYMONTH=2;BYMONTHDAY=-1, right in leap years).
    * Frequencies: hằng/hàng/mỗi năm → FREQ=YEARLY; … quý → FREQ=MONTHLY;INTERVAL=3;
      … tháng → FREQ=MONTHLY; … tuần → FREQ=WEEKLY; … ngày → FREQ=DAILY; "định kỳ N
      tháng", "N tháng một lần", "N tháng/lần" → FREQ=MONTHLY;INTERVAL=N, written in its
      simplest equivalent form (1 → FREQ=MONTHLY, 12 → FREQ=YEARLY, 24 →
      FREQ=YEARLY;INTERVAL=2); "định kỳ N năm" → FREQ=YEARLY;INTERVAL=N. An optional
      "định kỳ" in front changes nothing. A day is only accepted with a yearly (day and
      month) or monthly (day) frequency; "định kỳ" alone is unparsed.
    * A leading label ("Thời hạn:", "Thời gian thực hiện:") and a leading verb
      ("hoàn thành (xong)", "xong", "thực hiện", "triển khai", "tổ chức", "tổng kết",
      "sơ kết", "(gửi/nộp) báo cáo") are skipped: they carry no date.
    * Ranges: "từ A đến/tới (hết) B", "từ A - B", "A đến B", "giai đoạn (từ) …",
      "2021 - 2025"; A and B are any of date, month, quarter, year; "đến trước B" ends the
      day before B. kind "range", start = A's first day, end = B's last on-time day. A
      bare year closes only a range of years ("từ năm 2021 - 2025").
    * A recurring or ongoing duty may carry the span it runs over, before or after it
      ("Thường xuyên, từ năm 2021 - 2025", "hằng năm, từ năm 2022", "định kỳ hằng năm
      (2021-2025)", "thường xuyên trong năm 2022", "thường xuyên đến hết năm 2025"): that
      span fills start/end (end stays null for an open "từ năm 2022", start for "đến hết").
      The span must be a range or a month/quarter/year with its year spelled out;
      context_year is not used for it, and a single date or "trước X" there is unparsed
      (it would be a deadline, not a span: reading it either way would be a guess).
    * Report phrases: "báo cáo|sơ kết|tổng kết 6 tháng|9 tháng|năm|quý I… trước ngày
      10/6" — a day and month WITHOUT a year after a periodic report's name is a yearly
      recurring deadline, even when context_year is given. "báo cáo 6 tháng trước ngày
      10/6, báo cáo năm trước ngày 15/11" → kind "recurring" whose parts are the two
      yearly rules; the whole has no rrule of its own.
    * Several deadlines separated by "," ";" or "và" (tried only when the whole text is
      not one phrase) must all parse and share one kind; the whole then has that kind,
      start = earliest part start and end = latest part end (each only when every part
      has one), rrule null; each part's text is its piece as written. Mixed kinds are
      unparsed: no single kind describes them.
    * Years are four digits. A missing year is taken from the other end of a range
      ("từ tháng 1 đến tháng 6/2022"), else from context_year, else the phrase is
      unparsed ("trước ngày 10/6" alone). A two-digit year ("30/6/22") is always
      unparsed: expanding it would be a guess. A context_year that is not an int (or is
      a bool) is ignored; one that gives no real date leaves the phrase unparsed.
    * Impossible dates ("30/02/2022", "tháng 13/2022", a range ending before it starts)
      are unparsed. Vague phrases ("cuối năm 2022", "đầu quý II", "khi có yêu cầu",
      "trước kỳ họp …") are unparsed.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable, Iterator, Optional

__all__ = ["KINDS", "Deadline", "parse"]

KINDS = ("date", "month", "quarter", "year", "range", "recurring", "ongoing", "none", "unparsed")


@dataclass(frozen=True)
class Deadline:
    kind: str
    start: Optional[date] = None
    end: Optional[date] = None
    rrule: Optional[str] = None
    parts: tuple["Deadline", ...] = ()
    text: str = ""

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "rrule": self.rrule,
            "parts": [part.to_json() for part in self.parts],
        }


def parse(text: str, context_year: int | None = None) -> Deadline:
    """Parse one deadline phrase as written in a directive (see the module docstring)."""
    if not isinstance(text, str):
        raise TypeError(f"deadline text must be str, not {type(text).__name__}")
    if not text.strip():
        return Deadline("none", text=text)
    ctx = context_year if isinstance(context_year, int) and not isinstance(context_year, bool) else None
    try:
        result = _clause(_normalize(text), ctx) or _compound(text, ctx)
    except (ValueError, OverflowError):  # belt and braces: date arithmetic at the edges
        result = None
    if result is None:
        return Deadline("unparsed", text=text)
    return replace(result, text=text)


# --- normalisation ------------------------------------------------------------------

_TRANSLATE = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"}
_TRANSLATE[ord("\uff0f")] = "/"
_TRANSLATE.update({ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"})


def _normalize(text: str) -> str:
    s = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).lower())
    s = " ".join(s.translate(_TRANSLATE).split())
    s = re.sub(r" ?([,;:]) ?", r"\1 ", s)
    s = s.replace("( ", "(").replace(" )", ")")
    return s.strip(" .,;:")


# --- points: one date, month, quarter, year or half-year ----------------------------

_Y = r"[1-9][0-9]{3}"  # four-digit years only
_N = r"[0-9]{1,2}"  # day or month number
_S = r" ?[/.-] ?"  # date separator
_QUY = r"qu[ýí]"
_Q = r"iv|iii|ii|i|[1-4]"
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_POINT_SRC = (
    rf"(?:ngày )?(?P<d>{_N})(?:{_S}(?P<dm>{_N})(?:{_S}(?P<dy>{_Y}))?| tháng (?P<dm2>{_N})(?: năm (?P<dy2>{_Y}))?)"
    rf"|tháng (?P<m>{_N})(?:{_S}(?P<my>{_Y})| năm (?P<my2>{_Y}))?"
    rf"|{_QUY} (?P<q>{_Q})(?:{_S}(?P<qy>{_Y})| năm (?P<qy2>{_Y}))?"
    rf"|năm (?P<y>{_Y})"
    rf"|(?:6|sáu) tháng (?P<h>đầu|cuối) năm(?: (?P<hy>{_Y}))?"
)
_POINT = re.compile(_POINT_SRC)
_POINT_NC = re.sub(r"\(\?P<\w+>", "(?:", _POINT_SRC)  # same grammar, no named groups

_UNIT_KIND = {"date": "date", "month": "month", "quarter": "quarter", "year": "year", "half": "range"}


@dataclass(frozen=True)
class _Point:
    unit: str  # date | month | quarter | year | half
    year: Optional[int]  # None when the text leaves it out
    a: int = 0  # day (date), month (month), quarter, half (1 or 2)
    b: int = 0  # month (date)

    def bounds(self, year: Optional[int]) -> Optional[tuple[date, date]]:
        """First and last day of the point in ``year``; None if impossible."""
        if year is None:
            return None
        try:
            if self.unit == "date":
                day = date(year, self.b, self.a)
                return day, day
            if self.unit == "month":
                return date(year, self.a, 1), _month_end(year, self.a)
            if self.unit == "quarter":
                return date(year, 3 * self.a - 2, 1), _month_end(year, 3 * self.a)
            if self.unit == "half":
                return date(year, 6 * self.a - 5, 1), _month_end(year, 6 * self.a)
            return date(year, 1, 1), date(year, 12, 31)
        except (ValueError, OverflowError):
            return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(*values: Optional[str]) -> Optional[int]:
    for value in values:
        if value:
            return int(value)
    return None


def _point(s: str) -> Optional[_Point]:
    m = _POINT.fullmatch(s)
    if not m:
        return None
    g = m.groupdict()
    if g["d"] is not None:
        return _Point("date", _year(g["dy"], g["dy2"]), int(g["d"]), int(g["dm"] or g["dm2"]))
    if g["m"] is not None:
        return _Point("month", _year(g["my"], g["my2"]), int(g["m"]))
    if g["q"] is not None:
        return _Point("quarter", _year(g["qy"], g["qy2"]), _QUARTERS[g["q"]])
    if g["y"] is not None:
        return _Point("year", int(g["y"]))
    return _Point("half", _year(g["hy"]), 1 if g["h"] == "đầu" else 2)


def _day_before(day: date) -> Optional[date]:
    try:
        return day - timedelta(days=1)
    except OverflowError:
        return None


# --- ranges ------------------------------------------------------------------------

_SPAN_PREFIX = re.compile(r"(?:(?:giai đoạn|thời kỳ) )?(?:từ )?")
_YEAR_RANGE = re.compile(rf"(?:năm )?(?P<a>{_Y})(?: ?- ?| (?:đến|tới)(?: hết)? )(?:năm )?(?P<b>{_Y})")
_POINT_RANGE = re.compile(
    rf"(?P<a>{_POINT_NC})(?P<sep> ?- ?| (?:đến|tới)(?: hết)? | (?:đến|tới) trước )(?P<b>{_POINT_NC}|{_Y})"
)


def _span(s: str, ctx: Optional[int]) -> Optional[tuple[date, date]]:
    """A closed range: "từ A đến B", "giai đoạn 2021-2025", "2021 - 2025"."""
    rest = s[_SPAN_PREFIX.match(s).end() :]
    m = _YEAR_RANGE.fullmatch(rest)
    if m:
        first, last = int(m["a"]), int(m["b"])
        return (date(first, 1, 1), date(last, 12, 31)) if first <= last else None
    m = _POINT_RANGE.fullmatch(rest)
    if not m:
        return None
    a = _point(m["a"])
    b = _point(m["b"]) or _Point("year", int(m["b"]))
    if a is None or (b.unit == "year" and m["b"].isdigit() and a.unit != "year"):
        return None  # a bare year closes only a range of years ("từ năm 2021 - 2025")
    ya, yb = a.year, b.year
    if ya is None and yb is None:
        ya = yb = ctx
    ya = yb if ya is None else ya
    yb = ya if yb is None else yb
    first_bounds, last_bounds = a.bounds(ya), b.bounds(yb)
    if first_bounds is None or last_bounds is None:
        return None
    start = first_bounds[0]
    end = _day_before(last_bounds[0]) if "trước" in m["sep"] else last_bounds[1]
    if end is None or start > end:
        return None
    return start, end


# --- one dated deadline --------------------------------------------------------------

_QUALIFIERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"trước hoặc (?:vào|trong) "), "by"),
    (re.compile(r"(?:(?:chậm|muộn) nhất(?: là)? )?trước "), "before"),
    (re.compile(r"(?:chậm|muộn) nhất(?: là)?(?: (?:vào|trong|đến|tới)(?: hết)?)? "), "by"),
    (re.compile(r"hạn chót(?: là)?(?: vào)? "), "by"),
    (re.compile(r"(?:đến|tới)(?: hết)? "), "by"),
    (re.compile(r"(?:hết|vào) "), "by"),
    (re.compile(r"trong "), "within"),
)


def _qualified(s: str) -> Iterator[tuple[Optional[str], str]]:
    for pattern, qualifier in _QUALIFIERS:
        m = pattern.match(s)
        if m:
            yield qualifier, s[m.end() :]
    yield None, s


def _dated(s: str, ctx: Optional[int]) -> Optional[Deadline]:
    for qualifier, rest in _qualified(s):
        p = _point(rest)
        if p is not None:
            bounds = p.bounds(p.year if p.year is not None else ctx)
            if bounds is None:
                continue
            first, last = bounds
            if qualifier == "before":
                end = _day_before(first)
                if end is not None:
                    return Deadline("date", None, end)
                continue
            return Deadline(_UNIT_KIND[p.unit], None if p.unit == "date" else first, last)
        if qualifier in (None, "within"):
            span = _span(rest, ctx)
            if span:
                return Deadline("range", *span)
    return None


# --- recurring and ongoing duties ----------------------------------------------------

_COUNTS = {"hai": 2, "ba": 3, "sáu": 6}
_COUNT = r"[0-9]{1,2}|hai|ba|sáu"
_FREQ_SRC = (
    rf"(?:định k[ỳì] )?(?:hằng|hàng|mỗi) (?P<u>năm|{_QUY}|tháng|tuần|ngày)"
    rf"|định k[ỳì] (?P<n>{_COUNT}) (?P<nu>tháng|năm)(?: (?:một|1) lần| ?/ ?lần)?"
    rf"|(?P<n2>{_COUNT}) (?P<nu2>tháng|năm)(?: (?:một|1) lần| ?/ ?lần)"
)
_FREQ = re.compile(_FREQ_SRC)
_FREQ_NC = re.sub(r"\(\?P<\w+>", "(?:", _FREQ_SRC)
_FREQ_AT_END = re.compile(rf" (?:của )?(?:{_FREQ_NC})$")
_FREQ_AT_START = re.compile(rf"(?:{_FREQ_NC}),? ")
_YEARLY_DAY = re.compile(rf"(?:ngày )?(?P<d>{_N})(?:{_S}(?P<m>{_N})| tháng (?P<m2>{_N}))")
_MONTHLY_DAY = re.compile(rf"ngày (?P<d>{_N})")
_VERB = re.compile(
    r"(?:hoàn thành(?: xong)?|xong|thực hiện|triển khai|tổ chức|tổng kết|sơ kết"
    r"|(?:gửi |nộp )?báo cáo) "
)


def _frequency(s: str) -> Optional[tuple[str, str]]:
    """(unit, RRULE) of a bare frequency phrase; unit is "year"/"month" when a day may follow."""
    m = _FREQ.fullmatch(s)
    if not m:
        return None
    unit = m["u"]
    if unit is not None:
        if unit == "năm":
            return "year", "FREQ=YEARLY"
        if unit == "tháng":
            return "month", "FREQ=MONTHLY"
        if unit == "tuần":
            return "other", "FREQ=WEEKLY"
        if unit == "ngày":
            return "other", "FREQ=DAILY"
        return "other", "FREQ=MONTHLY;INTERVAL=3"
    count = m["n"] or m["n2"]
    n = _COUNTS[count] if count in _COUNTS else int(count)
    months = n * (12 if (m["nu"] or m["nu2"]) == "năm" else 1)
    if months == 0:
        return None
    freq, interval = ("YEARLY", months // 12) if months % 12 == 0 else ("MONTHLY", months)
    unit_name = {("YEARLY", 1): "year", ("MONTHLY", 1): "month"}.get((freq, interval), "other")
    return unit_name, f"FREQ={freq}" + (f";INTERVAL={interval}" if interval > 1 else "")


def _day_rule(unit: str, s: str) -> Optional[str]:
    """RRULE of "trước ngày 05 tháng 12" (unit year) or "ngày 20" (unit month)."""
    for qualifier, rest in _qualified(s):
        if unit == "year":
            m = _YEARLY_DAY.fullmatch(rest)
            if not m:
                continue
            day, month = int(m["d"]), int(m["m"] or m["m2"])
            try:
                date(2000, month, day)  # a leap year: 29/2 is a real day
            except ValueError:
                return None
            if qualifier == "before":
                month, day = ((month - 1 or 12), -1) if day == 1 else (month, day - 1)
            return f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}"
        if unit == "month":
            m = _MONTHLY_DAY.fullmatch(rest)
            if not m:
                continue
            day = int(m["d"])
            if not 1 <= day <= 31:
                return None
            if qualifier == "before":
                day = -1 if day == 1 else day - 1
            return f"FREQ=MONTHLY;BYMONTHDAY={day}"
    return None


def _recurring_core(s: str) -> Optional[Deadline]:
    freq = _frequency(s)
    if freq:
        return Deadline("recurring", rrule=freq[1])
    m = _FREQ_AT_END.search(s)  # "trước ngày 05 tháng 12 hằng năm"
    if m:
        freq = _frequency(re.sub(r"^ (?:của )?", "", m.group()))
        rule = freq and _day_rule(freq[0], re.sub(r"^định k[ỳì] ", "", s[: m.start()]))
        if rule:
            return Deadline("recurring", rrule=rule)
    m = _FREQ_AT_START.match(s)  # "hằng năm, trước ngày 15/12"
    if m:
        freq = _frequency(m.group().rstrip(", "))
        rest = s[m.end() :]
        verb = _VERB.match(rest)
        for candidate in ([rest[verb.end() :]] if verb else []) + [rest]:
            rule = freq and _day_rule(freq[0], candidate)
            if rule:
                return Deadline("recurring", rrule=rule)
    return None


_ONGOING = re.compile(r"thường xuyên(?:,? liên tục| và liên tục)?|liên tục(?:,? thường xuyên| và thường xuyên)?")


def _ongoing_core(s: str) -> Optional[Deadline]:
    return Deadline("ongoing") if _ONGOING.fullmatch(s) else None


_SCOPE_SEP = re.compile(r"[,;:] | - | \(| (?=(?:từ|trong|giai đoạn|thời kỳ|đến|tới) )")
_FROM = re.compile(rf"từ (?P<p>{_POINT_NC})")
_UNTIL = re.compile(rf"(?:đến|tới)(?: hết)? (?P<p>{_POINT_NC})")


def _scope(s: str) -> Optional[tuple[Optional[date], Optional[date]]]:
    """The span a recurring or ongoing duty runs over; its years must be written out."""
    if s.startswith("trong "):
        s = s[len("trong ") :]
    span = _span(s, None)
    if span:
        return span
    m = _FROM.fullmatch(s)
    if m:
        p = _point(m["p"])
        bounds = p.bounds(p.year) if p else None
        return (bounds[0], None) if bounds else None
    m = _UNTIL.fullmatch(s)
    p = _point(m["p"]) if m else _point(s)
    if p is None or p.unit == "date":
        return None  # a single date here would be a deadline, not a span: don't guess
    bounds = p.bounds(p.year)
    if bounds is None:
        return None
    return (None, bounds[1]) if m else bounds


def _scope_splits(s: str) -> Iterator[tuple[str, str]]:
    first = last = None
    for m in _SCOPE_SEP.finditer(s):
        first = first or m
        last = m
    for m in dict.fromkeys(x for x in (first, last) if x is not None):
        left, right = s[: m.start()].rstrip(" ,;:-"), s[m.end() :]
        if m.group() == " (":
            if not right.endswith(")"):
                continue
            right = right[:-1]
        yield left, right.strip(" ,;:-")


def _with_scope(s: str, core: Callable[[str], Optional[Deadline]]) -> Optional[Deadline]:
    found = core(s)
    if found:
        return found
    for left, right in _scope_splits(s):
        for core_text, scope_text in ((left, right), (right, left)):
            found = core(core_text)
            scope = found and _scope(scope_text)
            if scope:
                return replace(found, start=scope[0], end=scope[1])
    return None


# --- periodic reports ("báo cáo 6 tháng trước ngày 10/6") -----------------------------

_REPORT = re.compile(
    rf"(?:gửi |nộp )?(?:báo cáo|sơ kết|tổng kết)(?: (?:sơ kết|tổng kết))?(?: kết quả)? "
    rf"(?:(?:6|sáu) tháng(?: đầu năm)?|(?:9|chín) tháng|cả năm|năm|(?:hằng|hàng) năm|{_QUY} (?:{_Q})) (?P<rest>.+)"
)


def _report(s: str, ctx: Optional[int]) -> Optional[Deadline]:
    m = _REPORT.fullmatch(s)
    if not m:
        return None
    rest = m["rest"]
    rule = _day_rule("year", rest)  # no year after a periodic report's name: every year
    if rule:
        return Deadline("recurring", rrule=rule)
    return _with_scope(rest, _recurring_core) or _dated(rest, ctx)


# --- clauses and compounds ---------------------------------------------------------

_LABEL = re.compile(r"thời (?:hạn|gian)(?: (?:thực hiện|hoàn thành))?: ")


def _clause(s: str, ctx: Optional[int]) -> Optional[Deadline]:
    label = _LABEL.match(s)
    if label:
        s = s[label.end() :]
    if not s:
        return None
    found = _report(s, ctx)
    if found:
        return found
    verb = _VERB.match(s)
    for candidate in [s] + ([s[verb.end() :]] if verb else []):
        found = (
            _with_scope(candidate, _ongoing_core) or _with_scope(candidate, _recurring_core) or _dated(candidate, ctx)
        )
        if found:
            return found
    return None


_COMPOUND_SEP = re.compile(r"\s*[,;]\s*|\s+v(?:à|a\u0300)\s+", re.IGNORECASE)


def _compound(text: str, ctx: Optional[int]) -> Optional[Deadline]:
    pieces = [piece.strip() for piece in _COMPOUND_SEP.split(text)]
    pieces = [piece for piece in pieces if piece]
    if len(pieces) < 2:
        return None
    parts = []
    for piece in pieces:
        found = _clause(_normalize(piece), ctx)
        if found is None:
            return None
        parts.append(replace(found, text=piece))
    kinds = {part.kind for part in parts}
    if len(kinds) != 1:
        return None
    starts = [part.start for part in parts]
    ends = [part.end for part in parts]
    return Deadline(
        kinds.pop(),
        min(starts) if None not in starts else None,
        max(ends) if None not in ends else None,
        None,
        tuple(parts),
    )
