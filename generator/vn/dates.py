"""Dates as Vietnamese documents write them: partial dates, and the one formatter of the site.

A `PartialDate` is a day, a month or a year: the first day of the period plus its precision.
It parses itself from the data's ISO form ("2021-08-05", "2021-08", "2021") and formats itself.

The formatter
-------------
Official documents write the date of issue as "ngày 05 tháng 8 năm 2021": a day below 10 and
the months 1 and 2 take a leading zero, so that no one can turn "1" into "10", "11" or "12" by
hand (Nghị định 30/2020/NĐ-CP, Phụ lục I). The site spells every date by that one rule, in
two forms:

============  ==============================  ===================
precision     long form (running text)        numeric form (tables, lists, notes)
============  ==============================  ===================
day           ngày 05 tháng 8 năm 2021        05/8/2021
day           ngày 05 tháng 02 năm 2021       05/02/2021
month         tháng 8 năm 2021                tháng 8/2021
month         tháng 02 năm 2021               tháng 02/2021
year          năm 2021                        2021
============  ==============================  ===================

The numeric form is the long form's numbers joined by "/": day always two digits, month
padded only when it is 1 or 2, as on paper. A day of every year (a yearly deadline) is
"ngày 05 tháng 12" (`long_day_month`). It is the form the texts themselves use when they
cite a date ("ngày 03/6/2013"). No other spelling of a date appears on a page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Precision", "PartialDate", "numeric_date", "long_date", "long_day_month"]


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_NUMERIC = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})")
_ISO_LENGTH = {Precision.DAY: 10, Precision.MONTH: 7, Precision.YEAR: 4}


def _day(day: int) -> str:
    return f"{day:02d}"


def _month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def numeric_date(date: dt.date) -> str:
    """A day in the numeric form: "05/8/2021", "05/02/2021"."""
    return f"{_day(date.day)}/{_month(date.month)}/{date.year}"


def long_date(date: dt.date) -> str:
    """A day in the long form: "ngày 05 tháng 8 năm 2021"."""
    return f"{long_day_month(date.day, date.month)} năm {date.year}"


def long_day_month(day: int, month: int) -> str:
    """A day of every year, in the long form: "ngày 05 tháng 12", "ngày 28 tháng 02"; day -1 is
    the month's last day: "ngày cuối tháng 02"."""
    return f"ngày {'cuối' if day == -1 else _day(day)} tháng {_month(month)}"


@dataclass(frozen=True)
class PartialDate:
    """A day, a month or a year; `value` is the first day of the period."""

    value: dt.date
    precision: Precision = Precision.DAY

    def __post_init__(self) -> None:
        precision = Precision(self.precision)
        value = self.value
        if precision is not Precision.DAY:
            value = value.replace(day=1, month=1 if precision is Precision.YEAR else value.month)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "value", value)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """ "2021-08-05", "2021-08" or "2021"; ValueError for anything else or a day that does not exist."""
        m = _ISO.fullmatch(text)
        if not m:
            raise ValueError(f"not a date: {text!r}")
        year, month, day = m.groups()
        value = dt.date(int(year), int(month or 1), int(day or 1))
        precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
        return cls(value, precision)

    @classmethod
    def parse_or_none(cls, text: str) -> PartialDate | None:
        try:
            return cls.parse(text)
        except ValueError:
            return None

    @classmethod
    def parse_numeric(cls, text: str) -> PartialDate:
        """A day typed the Vietnamese way: "05/8/2021", "5.8.2021", "05-08-2021"."""
        m = _NUMERIC.fullmatch(text.strip())
        if not m:
            raise ValueError(f"not a date: {text!r}")
        day, _, month, year = m.groups()
        return cls(dt.date(int(year), int(month), int(day)))

    @property
    def year(self) -> int:
        return self.value.year

    @property
    def iso(self) -> str:
        """ISO 8601 at its precision: "2021-08-05", "2021-08", "2021" (data files, <time datetime>)."""
        return self.value.isoformat()[: _ISO_LENGTH[self.precision]]

    def numeric(self) -> str:
        """Tables, lists and notes: "05/8/2021", "tháng 8/2021", "2021"."""
        if self.precision is Precision.YEAR:
            return str(self.value.year)
        if self.precision is Precision.MONTH:
            return f"tháng {_month(self.value.month)}/{self.value.year}"
        return numeric_date(self.value)

    def long(self) -> str:
        """Running text, as on paper: "ngày 05 tháng 8 năm 2021", "tháng 8 năm 2021", "năm 2021"."""
        if self.precision is Precision.YEAR:
            return f"năm {self.value.year}"
        if self.precision is Precision.MONTH:
            return f"tháng {_month(self.value.month)} năm {self.value.year}"
        return long_date(self.value)
