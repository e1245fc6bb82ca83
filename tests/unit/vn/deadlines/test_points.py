"""generator/vn/deadlines/points.py: dates, months, quarters, years, half-years, ranges, "trước X"."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
import pytest

from tests.unit.vn.deadlines.tables import J, check, check_variants, ids, parsed_rows
from generator.vn.deadlines import parse
from generator.vn.deadlines.model import DeadlineKind, Span
from generator.vn.deadlines.points import Point, Qualifier, Unit, dated, normalize, point, qualified, span

# (text, context_year, expected to_json())
TABLE = [
    # --- single dates: "trước" = the day before is the last on-time day ---------------
    ("trước ngày 30/6/2022", None, J("date", None, "2022-06-29")),
    ("ngày 05 tháng 12 năm 2021", None, J("date", None, "2021-12-05")),
    ("trước ngày 05/12/2021", None, J("date", None, "2021-12-04")),
    ("chậm nhất ngày 15/11/2022", None, J("date", None, "2022-11-15")),
    ("xong trước 30-6-2022", None, J("date", None, "2022-06-29")),
    ("đến ngày 30/6/2022", None, J("date", None, "2022-06-30")),
    ("chậm nhất ngày 30/6/2022", None, J("date", None, "2022-06-30")),
    ("chậm nhất là ngày 30/6/2022", None, J("date", None, "2022-06-30")),
    ("chậm nhất trước ngày 30/6/2022", None, J("date", None, "2022-06-29")),
    ("trước hoặc trong ngày 30/6/2022", None, J("date", None, "2022-06-30")),
    ("hoàn thành trước ngày 30 tháng 6 năm 2022", None, J("date", None, "2022-06-29")),
    ("trước ngày 30 / 6 / 2022", None, J("date", None, "2022-06-29")),
    ("ngày 30.6.2022", None, J("date", None, "2022-06-30")),
    ("trước ngày 01/01/2022", None, J("date", None, "2021-12-31")),
    ("trước ngày 01/3/2024", None, J("date", None, "2024-02-29")),
    ("ngày 29/02/2024", None, J("date", None, "2024-02-29")),
    ("báo cáo trước ngày 15/11/2022", None, J("date", None, "2022-11-14")),
    ("trước tháng 9/2021", None, J("date", None, "2021-08-31")),
    ("trước quý IV/2022", None, J("date", None, "2022-09-30")),
    ("trước năm 2025", None, J("date", None, "2024-12-31")),
    # --- months ---------------------------------------------------------------------
    ("hoàn thành trong tháng 9/2021", None, J("month", "2021-09-01", "2021-09-30")),
    ("tháng 12/2021", None, J("month", "2021-12-01", "2021-12-31")),
    ("Hoàn thành trong tháng 9/2021", None, J("month", "2021-09-01", "2021-09-30")),
    ("trong tháng 9 năm 2021", None, J("month", "2021-09-01", "2021-09-30")),
    ("Hoàn thành trong tháng 9/2021.", None, J("month", "2021-09-01", "2021-09-30")),
    ("đến hết tháng 6/2022", None, J("month", "2022-06-01", "2022-06-30")),
    ("tháng 02/2024", None, J("month", "2024-02-01", "2024-02-29")),
    # --- quarters -------------------------------------------------------------------
    ("quý IV-2016", None, J("quarter", "2016-10-01", "2016-12-31")),
    ("Quý III/2022", None, J("quarter", "2022-07-01", "2022-09-30")),
    ("hoàn thành trong quý IV-2016", None, J("quarter", "2016-10-01", "2016-12-31")),
    ("quý 4 năm 2022", None, J("quarter", "2022-10-01", "2022-12-31")),
    ("trong quý I năm 2023", None, J("quarter", "2023-01-01", "2023-03-31")),
    ("QUÝ II - 2022", None, J("quarter", "2022-04-01", "2022-06-30")),
    ("quí 2/2022", None, J("quarter", "2022-04-01", "2022-06-30")),
    ("Thời hạn: quý IV/2016", None, J("quarter", "2016-10-01", "2016-12-31")),
    # --- years ----------------------------------------------------------------------
    ("tổng kết vào năm 2020", None, J("year", "2020-01-01", "2020-12-31")),
    ("năm 2023", None, J("year", "2023-01-01", "2023-12-31")),
    ("trong năm 2022", None, J("year", "2022-01-01", "2022-12-31")),
    # --- ranges ---------------------------------------------------------------------
    ("từ tháng 1/2022 đến tháng 6/2022", None, J("range", "2022-01-01", "2022-06-30")),
    ("từ ngày 01/01/2022 đến ngày 30/6/2022", None, J("range", "2022-01-01", "2022-06-30")),
    ("giai đoạn 2021-2025", None, J("range", "2021-01-01", "2025-12-31")),
    ("trong giai đoạn 2021 – 2025", None, J("range", "2021-01-01", "2025-12-31")),
    ("giai đoạn từ năm 2021 đến năm 2025", None, J("range", "2021-01-01", "2025-12-31")),
    ("từ năm 2021 - 2025", None, J("range", "2021-01-01", "2025-12-31")),
    ("từ tháng 1 đến tháng 6/2022", None, J("range", "2022-01-01", "2022-06-30")),
    ("từ ngày 01/6/2022 đến trước ngày 01/7/2022", None, J("range", "2022-06-01", "2022-06-30")),
    ("từ 01/01/2022 - 30/6/2022", None, J("range", "2022-01-01", "2022-06-30")),
    ("6 tháng đầu năm 2022", None, J("range", "2022-01-01", "2022-06-30")),
    ("6 tháng cuối năm 2022", None, J("range", "2022-07-01", "2022-12-31")),
]


@pytest.mark.parametrize(("text", "context_year", "expected"), TABLE, ids=ids(TABLE))
def test_table(text, context_year, expected):
    check(text, context_year, expected)


@pytest.mark.parametrize(("text", "context_year", "expected"), parsed_rows(TABLE), ids=ids(parsed_rows(TABLE)))
def test_case_space_and_unicode_form_do_not_matter(text, context_year, expected):
    check_variants(text, context_year, expected)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_before_means_the_day_before(day):
    numeric = f"{day.day}/{day.month}/{day.year}"
    assert parse(f"trước ngày {numeric}").end == day - timedelta(days=1)
    assert parse(f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}").end == day
    assert parse(f"chậm nhất ngày {numeric}").to_json() == J("date", None, day.isoformat())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("  Trước NGÀY 30/6/2022. ", "trước ngày 30/6/2022"),
        ("quý IV\u20132016", "quý iv-2016"),
        ("thời hạn :trước\u00a0ngày 5", "thời hạn: trước ngày 5"),
        ("hằng\u200b năm", "hằng năm"),
        ("( 2021-2025 )", "(2021-2025)"),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ngày 05/12/2021", Point(Unit.DATE, 2021, 5, 12)),
        ("10/6", Point(Unit.DATE, None, 10, 6)),
        ("05 tháng 12 năm 2021", Point(Unit.DATE, 2021, 5, 12)),
        ("tháng 9/2021", Point(Unit.MONTH, 2021, 9)),
        ("quý iv năm 2022", Point(Unit.QUARTER, 2022, 4)),
        ("năm 2025", Point(Unit.YEAR, 2025)),
        ("6 tháng cuối năm 2022", Point(Unit.HALF, 2022, 2)),
        ("cuối năm 2022", None),
    ],
)
def test_point(text, expected):
    assert point(text) == expected


def test_point_bounds():
    assert Point(Unit.QUARTER, 2022, 4).bounds(2022).first == date(2022, 10, 1)
    assert Point(Unit.HALF, None, 1).bounds(2024).last == date(2024, 6, 30)
    assert Point(Unit.DATE, None, 30, 2).bounds(2024) is None  # no 30 February
    assert Point(Unit.MONTH, None, 9).bounds(None) is None  # no year known


@pytest.mark.parametrize(
    "text, ctx, expected",
    [
        ("giai đoạn 2021-2025", None, Span(date(2021, 1, 1), date(2025, 12, 31))),
        ("từ tháng 1 đến tháng 6/2022", None, Span(date(2022, 1, 1), date(2022, 6, 30))),
        ("từ tháng 1 đến trước tháng 6", 2022, Span(date(2022, 1, 1), date(2022, 5, 31))),
        ("từ tháng 1 đến tháng 6", None, None),  # no year anywhere
        ("2025 - 2021", None, None),  # ends before it starts
        ("từ tháng 3 - 2025", None, None),  # a bare year closes only a range of years
    ],
)
def test_span(text, ctx, expected):
    assert span(text, ctx) == expected


def test_qualified_readings_end_with_the_bare_text():
    readings = list(qualified("chậm nhất trước ngày 5"))
    assert [(r.qualifier, r.rest) for r in readings] == [
        (Qualifier.BEFORE, "ngày 5"),
        (Qualifier.BY, "trước ngày 5"),  # "chậm nhất" alone; the first reading that parses wins
        (None, "chậm nhất trước ngày 5"),
    ]


def test_dated():
    assert dated("trước tháng 9/2021", None).kind is DeadlineKind.DATE
    assert dated("trong quý ii", 2022).end == date(2022, 6, 30)
    assert dated("khi có yêu cầu", 2022) is None
