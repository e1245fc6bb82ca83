"""`parse(text, context_year)`: one deadline phrase, a periodic report's deadlines, or several
deadlines of one kind (see the package docstring for the rules)."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date
from typing import Optional

from generator.vn.deadlines.model import Deadline, DeadlineKind
from generator.vn.deadlines.points import QUY, Q, dated, normalize
from generator.vn.deadlines.recurring import FREQUENCY, VERB, Every, day_rule, ongoing_core, recurring_core, with_scope

__all__ = ["parse"]


def parse(text: str, context_year: int | None = None) -> Deadline:
    """Parse one deadline phrase as written in a directive (see the package docstring)."""
    if not isinstance(text, str):
        raise TypeError(f"deadline text must be str, not {type(text).__name__}")
    ctx = context_year if isinstance(context_year, int) and not isinstance(context_year, bool) else None
    return _parsed(text, ctx)


@functools.lru_cache(maxsize=1 << 15)
def _parsed(text: str, ctx: int | None) -> Deadline:
    """parse(), remembered: a Deadline is immutable, and the preview checks every task's
    deadline again on each rebuild (0.1 s a rebuild at 1,000 documents)."""
    if not text.strip():
        return Deadline(DeadlineKind.NONE, text=text)
    try:
        result = _clause(normalize(text), ctx) or _compound(text, ctx)
    except (ValueError, OverflowError):  # belt and braces: date arithmetic at the edges
        result = None
    if result is None:
        return Deadline(DeadlineKind.UNPARSED, text=text)
    return replace(result, text=text)


# --- periodic reports ("báo cáo 6 tháng trước ngày 10/6") -----------------------------

_REPORT = re.compile(
    rf"(?:gửi |nộp )?(?:báo cáo|sơ kết|tổng kết)(?: (?:sơ kết|tổng kết))?(?: kết quả)? "
    rf"(?:(?:6|sáu) tháng(?: đầu năm)?|(?:9|chín) tháng|cả năm|năm|(?:hằng|hàng) năm|{QUY} (?:{Q})) (?P<rest>.+)"
)


def _report(s: str, ctx: Optional[int]) -> Optional[Deadline]:
    m = _REPORT.fullmatch(s)
    if not m:
        return None
    rest = m["rest"]
    rule = day_rule(Every.YEAR, rest)  # no year after a periodic report's name: every year
    if rule:
        return Deadline(DeadlineKind.RECURRING, rrule=rule)
    return with_scope(rest, recurring_core) or dated(rest, ctx)


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
    verb = VERB.match(s)
    for candidate in [s] + ([s[verb.end() :]] if verb else []):
        found = with_scope(candidate, ongoing_core) or with_scope(candidate, recurring_core) or dated(candidate, ctx)
        if found:
            return found
    return _after_lead_in(s, ctx)


# Where a deadline starts after a verb phrase ("báo cáo kết quả … trước ngày 25 tháng 10").
_LEAD_CUT = re.compile(r"[ (](?=(?:trước|chậm nhất|muộn nhất|hạn chót|đến hết|trong|vào) )")


def _after_lead_in(s: str, ctx: Optional[int]) -> Optional[Deadline]:
    """The deadline after a lead-in that names no date ("gửi về Bộ Công Thương trước ngày 15
    tháng 01 hằng năm"). A frequency in the lead-in applies to the deadline after it ("định kỳ
    báo cáo … hằng năm (trước ngày 15 tháng 11)"); a lead-in holding a digit is not cut."""
    for cut in _LEAD_CUT.finditer(s):
        lead, rest = s[: cut.start()], s[cut.end() :]
        if re.search(r"\d", lead):
            return None
        if cut.group() == "(" or lead.count("(") > lead.count(")"):
            if not rest.endswith(")"):
                continue
            rest = rest[:-1].rstrip()
        frequency = FREQUENCY.search(lead)
        tries = [f"{rest} {frequency.group()}", rest] if frequency and not FREQUENCY.search(rest) else [rest]
        for candidate in tries:
            found = _clause(candidate, ctx)
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
        found = _clause(normalize(piece), ctx)
        if found is None:
            return None
        parts.append(replace(found, text=piece))
    kinds = {part.kind for part in parts}
    if len(kinds) != 1:
        return None
    starts = [part.start for part in parts]
    ends = [part.end for part in parts]
    return Deadline(kinds.pop(), _earliest(starts), _latest(ends), None, tuple(parts))


def _earliest(days: list[Optional[date]]) -> Optional[date]:
    """The earliest day, when every part has one."""
    known = [day for day in days if day is not None]
    return min(known) if len(known) == len(days) else None


def _latest(days: list[Optional[date]]) -> Optional[date]:
    known = [day for day in days if day is not None]
    return max(known) if len(known) == len(days) else None
