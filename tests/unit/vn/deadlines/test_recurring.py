"""generator/vn/deadlines/recurring.py: recurring and ongoing duties, and the span they run over."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.vn.deadlines.tables import J, UNPARSED, YEARLY, check, check_variants, ids, parsed_rows
from generator.vn.deadlines.model import DeadlineKind
from generator.vn.deadlines.recurring import Every, day_rule, day_rules, ongoing_core, recurring_core, with_scope

# (text, context_year, expected to_json())
TABLE = [
    # --- recurring: the rule names the last on-time day ------------------------------
    ("trước ngày 05 tháng 12 hằng năm", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=4")),
    ("trước ngày 05 tháng 12 hàng năm", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=4")),
    ("trước ngày 05 tháng 12 hằng năm", 2022, J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=4")),
    ("ngày 05/12 hằng năm", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=5")),
    ("hằng năm, trước ngày 15/12", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=14")),
    ("trước ngày 01/3 hằng năm", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1")),
    ("trước ngày 01/01 hằng năm", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1")),
    ("định kỳ hằng năm", None, J("recurring", rrule=YEARLY)),
    ("định kì hàng năm", None, J("recurring", rrule=YEARLY)),
    ("hằng năm", None, J("recurring", rrule=YEARLY)),
    ("hàng năm", None, J("recurring", rrule=YEARLY)),
    ("định kỳ 6 tháng", None, J("recurring", rrule="FREQ=MONTHLY;INTERVAL=6")),
    ("6 tháng một lần", None, J("recurring", rrule="FREQ=MONTHLY;INTERVAL=6")),
    ("hằng quý", None, J("recurring", rrule="FREQ=MONTHLY;INTERVAL=3")),
    ("định kỳ 3 tháng một lần", None, J("recurring", rrule="FREQ=MONTHLY;INTERVAL=3")),
    ("hằng tháng", None, J("recurring", rrule="FREQ=MONTHLY")),
    ("định kỳ 12 tháng", None, J("recurring", rrule=YEARLY)),
    ("hằng tuần", None, J("recurring", rrule="FREQ=WEEKLY")),
    ("ngày 20 hằng tháng", None, J("recurring", rrule="FREQ=MONTHLY;BYMONTHDAY=20")),
    ("trước ngày 01 hằng tháng", None, J("recurring", rrule="FREQ=MONTHLY;BYMONTHDAY=-1")),
    ("hằng năm, từ năm 2022", None, J("recurring", "2022-01-01", None, YEARLY)),
    ("định kỳ hằng năm (2021-2025)", None, J("recurring", "2021-01-01", "2025-12-31", YEARLY)),
    ("giai đoạn 2021-2025, hằng năm", None, J("recurring", "2021-01-01", "2025-12-31", YEARLY)),
    (
        "hằng năm, trước ngày 15/12, từ năm 2022",
        None,
        J("recurring", "2022-01-01", None, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=14"),
    ),
    ("báo cáo năm trước ngày 15/11", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=14")),
    (
        "báo cáo 6 tháng trước ngày 10/6, báo cáo năm trước ngày 15/11",
        None,
        J(
            "recurring",
            parts=[
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=9"),
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=14"),
            ],
        ),
    ),
    (
        "báo cáo 6 tháng trước ngày 10/6, báo cáo năm trước ngày 15/11",
        2022,
        J(
            "recurring",
            parts=[
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=9"),
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=14"),
            ],
        ),
    ),
    (
        "Báo cáo 6 tháng trước ngày 10/6 và báo cáo năm trước ngày 15/11.",
        None,
        J(
            "recurring",
            parts=[
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=9"),
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=14"),
            ],
        ),
    ),
    # --- yearly forms of real plans (/work/realdocs style phrases) ------------------
    # a verb phrase before the deadline, the month written out
    (
        "báo cáo kết quả thực hiện trước ngày 25 tháng 10 hằng năm",
        None,
        J("recurring", rrule="FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=24"),
    ),
    (
        "gửi về Bộ Công Thương trước ngày 15 tháng 01 hằng năm",
        None,
        J("recurring", rrule="FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=14"),
    ),
    (
        "tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 25/12 hàng năm",
        2025,
        J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24"),
    ),
    # the frequency in the verb phrase, the day in parentheses after it
    (
        "Định kỳ báo cáo UBND tỉnh (qua Sở Tư pháp) kết quả thực hiện Kế hoạch hằng năm (trước ngày 15 tháng 11)",
        None,
        J("recurring", rrule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=14"),
    ),
    ("hằng năm (trước ngày 15 tháng 11)", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=14")),
    ("định kỳ hằng năm báo cáo trước ngày 10/6", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=9")),
    # several days in one phrase: one yearly rule each
    (
        "định kỳ trước ngày 10/6 và 10/12 hàng năm",
        None,
        J(
            "recurring",
            parts=[
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=9"),
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=9"),
            ],
        ),
    ),
    (
        "báo cáo trước ngày 15/6, 15/12 hằng năm",
        2024,
        J(
            "recurring",
            parts=[
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=14"),
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=14"),
            ],
        ),
    ),
    (
        "ngày 20 tháng 6 và ngày 20 tháng 12 hằng năm",
        None,
        J(
            "recurring",
            parts=[
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=20"),
                J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=20"),
            ],
        ),
    ),
    ("trước ngày 10/6 và 30/2 hằng năm", None, UNPARSED),  # no 30 February: no rule at all
    # a month of every year: on time through its last day
    ("Tháng 11 hằng năm", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1")),
    ("trong tháng 12 hàng năm", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1")),
    ("trước tháng 11 hằng năm", None, J("recurring", rrule="FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=-1")),
    ("hằng năm trong tháng 12", 2022, J("recurring", rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1")),
    ("tháng 13 hằng năm", None, UNPARSED),
    # a lead-in with a digit is not cut; one without a qualifier after it says nothing
    ("nộp 02 bản trước ngày 10/6 hằng năm", None, UNPARSED),
    ("Theo kế hoạch công tác tư pháp hàng năm", None, UNPARSED),
    # --- ongoing --------------------------------------------------------------------
    ("Thường xuyên, từ năm 2021 - 2025", None, J("ongoing", "2021-01-01", "2025-12-31")),
    ("thường xuyên", None, J("ongoing")),
    ("Thường xuyên", None, J("ongoing")),
    ("thường xuyên, từ năm 2021-2025", None, J("ongoing", "2021-01-01", "2025-12-31")),
    ("thường xuyên, liên tục", None, J("ongoing")),
    ("thường xuyên (2021 - 2025)", None, J("ongoing", "2021-01-01", "2025-12-31")),
    ("thường xuyên trong năm 2022", None, J("ongoing", "2022-01-01", "2022-12-31")),
    ("thường xuyên, từ năm 2021", None, J("ongoing", "2021-01-01", None)),
    ("thường xuyên đến hết năm 2025", None, J("ongoing", None, "2025-12-31")),
]


@pytest.mark.parametrize(("text", "context_year", "expected"), TABLE, ids=ids(TABLE))
def test_table(text, context_year, expected):
    check(text, context_year, expected)


@pytest.mark.parametrize(("text", "context_year", "expected"), parsed_rows(TABLE), ids=ids(parsed_rows(TABLE)))
def test_case_space_and_unicode_form_do_not_matter(text, context_year, expected):
    check_variants(text, context_year, expected)


@pytest.mark.parametrize(
    "every, text, rule",
    [
        (Every.YEAR, "trước ngày 05 tháng 12", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=4"),
        (Every.YEAR, "trước ngày 01/3", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"),
        (Every.YEAR, "ngày 29/2", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"),
        (Every.YEAR, "ngày 30/2", None),
        (Every.MONTH, "trước ngày 01", "FREQ=MONTHLY;BYMONTHDAY=-1"),
        (Every.MONTH, "ngày 20", "FREQ=MONTHLY;BYMONTHDAY=20"),
        (Every.MONTH, "ngày 32", None),
        (Every.OTHER, "ngày 20", None),
        (Every.YEAR, "tháng 11", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1"),
        (Every.YEAR, "trước ngày 10/6 và 10/12", None),  # two rules: see day_rules
    ],
)
def test_day_rule(every, text, rule):
    assert day_rule(every, text) == rule


@pytest.mark.parametrize(
    "every, text, rules",
    [
        (
            Every.YEAR,
            "trước ngày 10/6 và 10/12",
            ("FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=9", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=9"),
        ),
        (
            Every.YEAR,
            "ngày 15/6, ngày 15/12",
            ("FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
        ),
        (Every.YEAR, "ngày 15/6, ngày 15/6", ("FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15",)),  # one day named twice
        (Every.YEAR, "trước tháng 01", ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1",)),
        (Every.YEAR, "ngày 10/6 và 31/6", None),
        (Every.MONTH, "ngày 10 và ngày 20", None),
    ],
)
def test_day_rules(every, text, rules):
    assert day_rules(every, text) == rules


@pytest.mark.parametrize(
    "text, rrule",
    [
        ("hằng năm", "FREQ=YEARLY"),
        ("định kỳ 24 tháng", "FREQ=YEARLY;INTERVAL=2"),
        ("hằng quý", "FREQ=MONTHLY;INTERVAL=3"),
        ("trước ngày 05 tháng 12 hằng năm", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=4"),
        ("hằng năm, báo cáo trước ngày 15/12", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=14"),
        ("định kỳ", None),
    ],
)
def test_recurring_core(text, rrule):
    found = recurring_core(text)
    assert (found.rrule if found else None) == rrule


def test_ongoing_core():
    assert ongoing_core("thường xuyên, liên tục").kind is DeadlineKind.ONGOING
    assert ongoing_core("thường kỳ") is None


def test_with_scope_fills_the_span_either_side():
    found = with_scope("thường xuyên, từ năm 2021 - 2025", ongoing_core)
    assert (found.start, found.end) == (date(2021, 1, 1), date(2025, 12, 31))
    found = with_scope("từ năm 2022, hằng năm", recurring_core)
    assert (found.start, found.end) == (date(2022, 1, 1), None)
    assert with_scope("thường xuyên, trước ngày 5/6/2022", ongoing_core) is None  # a date is not a span
