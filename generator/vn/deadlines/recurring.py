"""Recurring duties ("hằng năm, trước ngày 15/12", "định kỳ 6 tháng") and ongoing ones
("thường xuyên"), with the span they run over ("thường xuyên, từ năm 2021 - 2025")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Callable, Iterator, Optional

from generator.vn.deadlines.model import Deadline, DeadlineKind, Span
from generator.vn.deadlines.points import N, POINT_NC, QUY, S, Qualifier, Unit, point, qualified, span

__all__ = ["FREQUENCY", "VERB", "day_rule", "day_rules", "ongoing_core", "recurring_core", "with_scope"]

_COUNTS = {"hai": 2, "ba": 3, "sáu": 6}
_COUNT = r"[0-9]{1,2}|hai|ba|sáu"
_FREQ_SRC = (
    rf"(?:định k[ỳì] )?(?:hằng|hàng|mỗi) (?P<u>năm|{QUY}|tháng|tuần|ngày)"
    rf"|định k[ỳì] (?P<n>{_COUNT}) (?P<nu>tháng|năm)(?: (?:một|1) lần| ?/ ?lần)?"
    rf"|(?P<n2>{_COUNT}) (?P<nu2>tháng|năm)(?: (?:một|1) lần| ?/ ?lần)"
)
_FREQ = re.compile(_FREQ_SRC)
_FREQ_NC = re.sub(r"\(\?P<\w+>", "(?:", _FREQ_SRC)
_FREQ_AT_END = re.compile(rf" (?:của )?(?:{_FREQ_NC})$")
_FREQ_AT_START = re.compile(rf"(?:{_FREQ_NC})(?: \(|,? )")
FREQUENCY = re.compile(rf"(?<!\w)(?:{_FREQ_NC})(?!\w)")  # a frequency anywhere in a phrase
_DAY_MONTH = rf"(?:ngày )?{N}(?:{S}{N}| tháng {N})"
_YEARLY_DAY = re.compile(rf"(?:ngày )?(?P<d>{N})(?:{S}(?P<m>{N})| tháng (?P<m2>{N}))")
# Several days of the year sharing one qualifier: "10/6 và 10/12", "ngày 15/6, ngày 15/12".
_YEARLY_DAYS = re.compile(rf"{_DAY_MONTH}(?:(?:, | và |, và ){_DAY_MONTH})+")
_YEARLY_MONTH = re.compile(rf"tháng (?P<m>{N})")
_MONTHLY_DAY = re.compile(rf"ngày (?P<d>{N})")
VERB = re.compile(
    r"(?:hoàn thành(?: xong)?|xong|thực hiện|triển khai|tổ chức|tổng kết|sơ kết"
    r"|(?:gửi |nộp )?báo cáo) "
)


class Every(StrEnum):
    """What a day in a recurring deadline is counted in: a yearly rule takes a day and a month,
    a monthly one a day; other frequencies take no day."""

    YEAR = "year"
    MONTH = "month"
    OTHER = "other"


@dataclass(frozen=True)
class Frequency:
    every: Every
    rrule: str


_SIMPLE = {
    "năm": Frequency(Every.YEAR, "FREQ=YEARLY"),
    "tháng": Frequency(Every.MONTH, "FREQ=MONTHLY"),
    "tuần": Frequency(Every.OTHER, "FREQ=WEEKLY"),
    "ngày": Frequency(Every.OTHER, "FREQ=DAILY"),
}


def _frequency(s: str) -> Optional[Frequency]:
    """The frequency of a bare frequency phrase ("hằng năm", "định kỳ 6 tháng")."""
    m = _FREQ.fullmatch(s)
    if not m:
        return None
    unit = m["u"]
    if unit is not None:
        return _SIMPLE.get(unit, Frequency(Every.OTHER, "FREQ=MONTHLY;INTERVAL=3"))  # else: quý
    count = m["n"] or m["n2"]
    n = _COUNTS[count] if count in _COUNTS else int(count)
    months = n * (12 if (m["nu"] or m["nu2"]) == "năm" else 1)
    if months == 0:
        return None
    freq, interval = ("YEARLY", months // 12) if months % 12 == 0 else ("MONTHLY", months)
    every = {("YEARLY", 1): Every.YEAR, ("MONTHLY", 1): Every.MONTH}.get((freq, interval), Every.OTHER)
    return Frequency(every, f"FREQ={freq}" + (f";INTERVAL={interval}" if interval > 1 else ""))


def day_rule(every: Every, s: str) -> Optional[str]:
    """RRULE of "trước ngày 05 tháng 12" (every year) or "ngày 20" (every month)."""
    rules = day_rules(every, s)
    return rules[0] if rules and len(rules) == 1 else None


def day_rules(every: Every, s: str) -> Optional[tuple[str, ...]]:
    """RRULEs of the days a recurring deadline names: one for "trước ngày 05 tháng 12" (every
    year), "ngày 20" (every month) or "tháng 11" (every year, through the month's last day);
    one per day for "trước ngày 10/6 và 10/12" (every year, the qualifier shared)."""
    for reading in qualified(s):
        before = reading.qualifier is Qualifier.BEFORE
        if every is Every.YEAR:
            rules = _yearly_days(reading.rest, before)
            if rules is not None:
                return rules or None
        if every is Every.MONTH:
            m = _MONTHLY_DAY.fullmatch(reading.rest)
            if not m:
                continue
            day = int(m["d"])
            if not 1 <= day <= 31:
                return None
            if before:
                day = -1 if day == 1 else day - 1
            return (f"FREQ=MONTHLY;BYMONTHDAY={day}",)
    return None


def _yearly_days(s: str, before: bool) -> Optional[tuple[str, ...]]:
    """Rules for one or more days (or one month) of the year; () when the text names an
    impossible day, None when it names none."""
    m = _YEARLY_MONTH.fullmatch(s)
    if m:
        month = int(m["m"])
        if not 1 <= month <= 12:
            return ()
        if before:  # "trước tháng 11": the last day of October
            month = month - 1 or 12
        return (f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY=-1",)
    if not (_YEARLY_DAY.fullmatch(s) or _YEARLY_DAYS.fullmatch(s)):
        return None
    rules = []
    for day_m in _YEARLY_DAY.finditer(s):
        day, month = int(day_m["d"]), int(day_m["m"] or day_m["m2"])
        try:
            date(2000, month, day)  # a leap year: 29/2 is a real day
        except ValueError:
            return ()
        if before:
            month, day = ((month - 1 or 12), -1) if day == 1 else (month, day - 1)
        rules.append(f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}")
    return tuple(dict.fromkeys(rules))


def _recurring(rules: Optional[tuple[str, ...]], days: str = "") -> Optional[Deadline]:
    """One rule, or one part per rule (the whole then has no rule of its own)."""
    if not rules:
        return None
    if len(rules) == 1:
        return Deadline(DeadlineKind.RECURRING, rrule=rules[0])
    texts = [t.group() for t in _YEARLY_DAY.finditer(days)] if days else []
    if len(texts) != len(rules):
        texts = [""] * len(rules)
    parts = tuple(Deadline(DeadlineKind.RECURRING, rrule=rule, text=text) for rule, text in zip(rules, texts))
    return Deadline(DeadlineKind.RECURRING, parts=parts)


def recurring_core(s: str) -> Optional[Deadline]:
    """ "hằng năm", "trước ngày 05 tháng 12 hằng năm", "hằng năm, trước ngày 15/12",
    "hằng năm (trước ngày 15 tháng 11)", "trước ngày 10/6 và 10/12 hằng năm"."""
    freq = _frequency(s)
    if freq:
        return Deadline(DeadlineKind.RECURRING, rrule=freq.rrule)
    m = _FREQ_AT_END.search(s)  # "trước ngày 05 tháng 12 hằng năm"
    if m:
        freq = _frequency(re.sub(r"^ (?:của )?", "", m.group()))
        days = re.sub(r"^định k[ỳì] ", "", s[: m.start()])
        found = _recurring(day_rules(freq.every, days) if freq else None, days)
        if found:
            return found
    m = _FREQ_AT_START.match(s)  # "hằng năm, trước ngày 15/12", "hằng năm (trước ngày 15/12)"
    if m:
        freq = _frequency(m.group().rstrip(", ("))
        rest = s[m.end() :]
        if m.group().endswith("("):
            if not rest.endswith(")"):
                return None
            rest = rest[:-1]
        verb = VERB.match(rest)
        for candidate in ([rest[verb.end() :]] if verb else []) + [rest]:
            found = _recurring(day_rules(freq.every, candidate) if freq else None, candidate)
            if found:
                return found
    return None


_ONGOING = re.compile(r"thường xuyên(?:,? liên tục| và liên tục)?|liên tục(?:,? thường xuyên| và thường xuyên)?")


def ongoing_core(s: str) -> Optional[Deadline]:
    return Deadline(DeadlineKind.ONGOING) if _ONGOING.fullmatch(s) else None


# --- the span a duty runs over -------------------------------------------------------

_SCOPE_SEP = re.compile(r"[,;:] | - | \(| (?=(?:từ|trong|giai đoạn|thời kỳ|đến|tới) )")
_FROM = re.compile(rf"từ (?P<p>{POINT_NC})")
_UNTIL = re.compile(rf"(?:đến|tới)(?: hết)? (?P<p>{POINT_NC})")


def _scope(s: str) -> Optional[Span]:
    """The span a recurring or ongoing duty runs over; its years must be written out."""
    if s.startswith("trong "):
        s = s[len("trong ") :]
    closed = span(s, None)
    if closed:
        return closed
    m = _FROM.fullmatch(s)
    if m:
        p = point(m["p"])
        bounds = p.bounds(p.year) if p else None
        return Span(bounds.first, None) if bounds else None
    m = _UNTIL.fullmatch(s)
    p = point(m["p"]) if m else point(s)
    if p is None or p.unit is Unit.DATE:
        return None  # a single date here would be a deadline, not a span: don't guess
    bounds = p.bounds(p.year)
    if bounds is None:
        return None
    return Span(None, bounds.last) if m else Span(bounds.first, bounds.last)


def _scope_splits(s: str) -> Iterator[tuple[str, str]]:
    """(left, right) cuts of `s` at its first and its last separator."""
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


def with_scope(s: str, core: Callable[[str], Optional[Deadline]]) -> Optional[Deadline]:
    """`core(s)`, or `core` of one side of a cut with the other side as its span."""
    found = core(s)
    if found:
        return found
    for left, right in _scope_splits(s):
        for core_text, scope_text in ((left, right), (right, left)):
            found = core(core_text)
            scope = _scope(scope_text) if found else None
            if found and scope:
                return replace(found, start=scope.start, end=scope.end)
    return None
