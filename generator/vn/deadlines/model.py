"""The parsed deadline: a tagged value (its kind says which fields mean what)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Optional

__all__ = ["KINDS", "FIXED", "Deadline", "DeadlineKind", "Span", "yearly_occurrence"]


class DeadlineKind(StrEnum):
    DATE = "date"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    RANGE = "range"
    RECURRING = "recurring"
    ONGOING = "ongoing"
    NONE = "none"  # empty text
    UNPARSED = "unparsed"


KINDS: tuple[str, ...] = tuple(kind.value for kind in DeadlineKind)
# Kinds with one last on-time day (`end` always set).
FIXED = frozenset({DeadlineKind.DATE, DeadlineKind.MONTH, DeadlineKind.QUARTER, DeadlineKind.YEAR, DeadlineKind.RANGE})


@dataclass(frozen=True)
class Span:
    """First and last day of a period; either end may be open (None)."""

    start: Optional[dt.date]
    end: Optional[dt.date]


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    rrule: Optional[str] = None
    parts: tuple[Deadline, ...] = ()
    text: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", DeadlineKind(self.kind))

    @property
    def fixed(self) -> bool:
        """A date, month, quarter, year or range: one last on-time day."""
        return self.kind in FIXED

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "rrule": self.rrule,
            "parts": [part.to_json() for part in self.parts],
        }


_YEARLY_RULE = re.compile(r"FREQ=YEARLY(?:;BYMONTH=(\d+))?(?:;BYMONTHDAY=(-?\d+))?$")


def yearly_occurrence(rrule: str, year: int) -> Optional[dt.date]:
    """The day a yearly rule with a month and a day falls on in `year` (BYMONTHDAY=-1: the
    month's last day); None for any other rule, or a day the year does not have."""
    match = _YEARLY_RULE.match(rrule)
    if not match or not match.group(1) or not match.group(2):
        return None
    month, day = int(match.group(1)), int(match.group(2))
    if day < 0:  # -1: last day of the month
        first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
        return first_next + dt.timedelta(days=day)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
