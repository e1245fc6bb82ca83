"""generator/vn/dates.py: partial dates and the one Vietnamese date formatter."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.vn.dates import PartialDate, Precision, long_date, numeric_date

DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR


@pytest.mark.parametrize(
    "text, value, precision",
    [
        ("2021-08-05", dt.date(2021, 8, 5), DAY),
        ("2021-08", dt.date(2021, 8, 1), MONTH),
        ("2021", dt.date(2021, 1, 1), YEAR),
        ("2024-02-29", dt.date(2024, 2, 29), DAY),
    ],
)
def test_parse(text, value, precision):
    date = PartialDate.parse(text)
    assert (date.value, date.precision) == (value, precision)
    assert date.iso == text


@pytest.mark.parametrize(
    "text",
    ["2021-02-30", "2021-13", "2023-02-29", "0000", "21-08-05", "2021-8-5", "2021/08/05", "", "2021-08-05 "],
)
def test_parse_rejects(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)
    assert PartialDate.parse_or_none(text) is None


@pytest.mark.parametrize(
    "text, value",
    [("05/8/2021", dt.date(2021, 8, 5)), ("5.8.2021", dt.date(2021, 8, 5)), ("05-08-2021", dt.date(2021, 8, 5))],
)
def test_parse_numeric(text, value):
    assert PartialDate.parse_numeric(text) == PartialDate(value, DAY)


@pytest.mark.parametrize("text", ["05/8-2021", "31/4/2021", "2021-08-05", "5/8/21"])
def test_parse_numeric_rejects(text):
    with pytest.raises(ValueError):
        PartialDate.parse_numeric(text)


def test_value_is_the_first_day_of_the_period():
    assert PartialDate(dt.date(2021, 8, 17), MONTH).value == dt.date(2021, 8, 1)
    assert PartialDate(dt.date(2021, 8, 17), YEAR).value == dt.date(2021, 1, 1)
    assert PartialDate(dt.date(2021, 8, 17), "month") == PartialDate.parse("2021-08")


# The official rule (Nghị định 30/2020/NĐ-CP): a day below 10 and the months 1 and 2 take a zero.
FORMS = [
    ("2021-08-05", "ngày 05 tháng 8 năm 2021", "05/8/2021"),
    ("2021-02-05", "ngày 05 tháng 02 năm 2021", "05/02/2021"),
    ("2021-01-31", "ngày 31 tháng 01 năm 2021", "31/01/2021"),
    ("2021-12-10", "ngày 10 tháng 12 năm 2021", "10/12/2021"),
    ("2021-10-01", "ngày 01 tháng 10 năm 2021", "01/10/2021"),
    ("2021-08", "tháng 8 năm 2021", "tháng 8/2021"),
    ("2021-02", "tháng 02 năm 2021", "tháng 02/2021"),
    ("2021", "năm 2021", "2021"),
]


@pytest.mark.parametrize("iso, long, numeric", FORMS)
def test_forms(iso, long, numeric):
    date = PartialDate.parse(iso)
    assert date.long() == long
    assert date.numeric() == numeric


def test_day_functions_match_the_day_precision():
    day = dt.date(2016, 1, 7)
    assert long_date(day) == PartialDate(day).long() == "ngày 07 tháng 01 năm 2016"
    assert numeric_date(day) == PartialDate(day).numeric() == "07/01/2016"


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_numeric_form_reads_back(day):
    assert PartialDate.parse_numeric(numeric_date(day)).value == day
    assert PartialDate.parse(PartialDate(day).iso).value == day
