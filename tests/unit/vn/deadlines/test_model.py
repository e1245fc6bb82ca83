"""generator/vn/deadlines/model.py: the tagged deadline value and the yearly rule's occurrence."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from generator.vn.deadlines import KINDS, Deadline, DeadlineKind, parse, yearly_occurrence


def test_deadline_value_object():
    result = parse("báo cáo 6 tháng trước ngày 10/6, báo cáo năm trước ngày 15/11")
    assert isinstance(result, Deadline)
    assert result.kind is DeadlineKind.RECURRING
    assert [part.text for part in result.parts] == ["báo cáo 6 tháng trước ngày 10/6", "báo cáo năm trước ngày 15/11"]
    assert set(result.to_json()) == {"kind", "start", "end", "rrule", "parts"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.kind = "date"  # type: ignore[misc]
    single = parse("quý IV-2016")
    assert single.start == date(2016, 10, 1) and single.end == date(2016, 12, 31) and single.parts == ()


def test_kind_is_a_tag_and_serializes_as_its_name():
    assert KINDS == ("date", "month", "quarter", "year", "range", "recurring", "ongoing", "none", "unparsed")
    deadline = Deadline("month", date(2021, 9, 1), date(2021, 9, 30))  # a plain string is accepted
    assert deadline.kind is DeadlineKind.MONTH and deadline.fixed
    assert type(deadline.to_json()["kind"]) is str
    assert not Deadline(DeadlineKind.RECURRING, rrule="FREQ=YEARLY").fixed
    with pytest.raises(ValueError):
        Deadline("sometime")


@pytest.mark.parametrize(
    "rrule, year, day",
    [
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=4", 2026, date(2026, 12, 4)),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", 2024, date(2024, 2, 29)),
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1", 2025, date(2025, 12, 31)),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", 2025, None),
        ("FREQ=YEARLY", 2025, None),
        ("FREQ=MONTHLY;BYMONTHDAY=20", 2025, None),
    ],
)
def test_yearly_occurrence(rrule, year, day):
    assert yearly_occurrence(rrule, year) == day
