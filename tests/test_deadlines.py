"""Deadline phrases → structured deadlines (generator/deadlines.py)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import time
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.vn.deadlines import KINDS, Deadline, parse

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "data" / "documents"


def J(kind, start=None, end=None, rrule=None, parts=()):
    return {"kind": kind, "start": start, "end": end, "rrule": rrule, "parts": list(parts)}


UNPARSED = J("unparsed")
YEARLY = "FREQ=YEARLY"

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
    # --- several deadlines of one kind ----------------------------------------------
    (
        "trước ngày 30/6/2022, trước ngày 31/12/2022",
        None,
        J("date", None, "2022-12-30", parts=[J("date", None, "2022-06-29"), J("date", None, "2022-12-30")]),
    ),
    (
        "trong tháng 9/2021 và tháng 10/2021",
        None,
        J(
            "month",
            "2021-09-01",
            "2021-10-31",
            parts=[J("month", "2021-09-01", "2021-09-30"), J("month", "2021-10-01", "2021-10-31")],
        ),
    ),
    # --- missing years ----------------------------------------------------------------
    ("trước ngày 10/6", None, UNPARSED),
    ("trước ngày 10/6", 2022, J("date", None, "2022-06-09")),
    ("tháng 9", 2021, J("month", "2021-09-01", "2021-09-30")),
    ("trong quý IV", 2016, J("quarter", "2016-10-01", "2016-12-31")),
    ("từ tháng 1 đến tháng 6", 2022, J("range", "2022-01-01", "2022-06-30")),
    ("30/6/22", None, UNPARSED),
    ("30/6/22", 2022, UNPARSED),
    ("trước ngày 10/6", 0, UNPARSED),
    # --- none / unparsed ------------------------------------------------------------
    ("", None, J("none")),
    ("   \t\n", None, J("none")),
    ("trước kỳ họp thường kỳ của Hội đồng nhân dân thành phố", None, UNPARSED),
    ("khi có yêu cầu", None, UNPARSED),
    ("sớm nhất có thể", None, UNPARSED),
    ("30/02/2022", None, UNPARSED),
    ("trước ngày 30/02/2022", None, UNPARSED),
    ("trước ngày 29/02/2023", None, UNPARSED),
    ("tháng 13/2022", None, UNPARSED),
    ("quý V/2022", None, UNPARSED),
    ("từ năm 2025 đến năm 2021", None, UNPARSED),
    ("từ ngày 01/12/2021 đến ngày 31/1", None, UNPARSED),
    ("cuối năm 2022", None, UNPARSED),
    ("định kỳ", None, UNPARSED),
    ("định kỳ 0 tháng", None, UNPARSED),
    ("trước ngày 05/12/2021 hằng năm", None, UNPARSED),
    ("hằng quý, trước ngày 15", None, UNPARSED),
    ("hằng năm trong tháng 12", 2022, UNPARSED),
    ("thường xuyên; hằng năm", None, UNPARSED),
    (".", None, UNPARSED),
]


@pytest.mark.parametrize(
    ("text", "context_year", "expected"), TABLE, ids=[f"{t!r}@{c}" if c is not None else repr(t) for t, c, _ in TABLE]
)
def test_table(text, context_year, expected):
    result = parse(text, context_year)
    assert result.to_json() == expected
    assert result.text == text
    assert json.loads(json.dumps(result.to_json())) == expected


def test_table_is_large_enough():
    assert len(TABLE) >= 45


def _variants(text: str) -> list[str]:
    return [
        unicodedata.normalize("NFD", text),
        unicodedata.normalize("NFC", text),
        text.upper(),
        text.lower(),
        "  " + text.replace(" ", "   ") + " ",
        text + ".",
        unicodedata.normalize("NFD", text.upper()) + " .",
    ]


@pytest.mark.parametrize(
    ("text", "context_year", "expected"),
    [row for row in TABLE if row[0].strip() and row[2]["kind"] != "unparsed"],
    ids=lambda value: repr(value) if isinstance(value, str) else "",
)
def test_case_space_and_unicode_form_do_not_matter(text, context_year, expected):
    for variant in _variants(text):
        assert parse(variant, context_year).to_json() == expected, variant


def test_deadline_value_object():
    result = parse("báo cáo 6 tháng trước ngày 10/6, báo cáo năm trước ngày 15/11")
    assert isinstance(result, Deadline)
    assert [part.text for part in result.parts] == ["báo cáo 6 tháng trước ngày 10/6", "báo cáo năm trước ngày 15/11"]
    assert set(result.to_json()) == {"kind", "start", "end", "rrule", "parts"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.kind = "date"  # type: ignore[misc]
    single = parse("quý IV-2016")
    assert single.start == date(2016, 10, 1) and single.end == date(2016, 12, 31) and single.parts == ()


def test_non_string_is_a_type_error():
    with pytest.raises(TypeError):
        parse(None)  # type: ignore[arg-type]


# --- the phrases in the project's data -----------------------------------------------

# Inspected by hand: a phrase belongs here only when no date can be read from it without
# guessing. Add to it deliberately when new data brings a new such phrase.
EXPECTED_UNPARSED_IN_DATA = {
    # Tied to a council session, whose date the text does not give.
    "trước kỳ họp thường kỳ của Hội đồng nhân dân thành phố",
}


def _data_deadlines() -> list[tuple[str, str]]:
    found = []
    for path in sorted(DOCUMENTS.rglob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for task in raw.get("tasks") or []:
            if isinstance(task, dict) and task.get("deadline") is not None:
                found.append((f"{path.relative_to(DOCUMENTS).as_posix()}#{task.get('id')}", task["deadline"]))
    return found


def test_data_deadlines_parse_and_unparsed_set_is_known():
    deadlines = _data_deadlines()
    assert deadlines, f"no task deadlines found under {DOCUMENTS}"
    unparsed = set()
    for where, value in deadlines:
        assert isinstance(value, str), f"{where}: deadline is not text: {value!r}"
        result = parse(value)  # must not raise
        assert result.kind in KINDS and result.kind != "none", where
        if result.kind == "unparsed":
            unparsed.add(value)
    assert unparsed == EXPECTED_UNPARSED_IN_DATA


# --- properties ----------------------------------------------------------------------


def _check_invariants(result: Deadline) -> None:
    assert result.kind in KINDS
    if result.start is not None and result.end is not None:
        assert result.start <= result.end, result
    if result.kind in ("none", "unparsed"):
        assert (result.start, result.end, result.rrule, result.parts) == (None, None, None, ())
    for part in result.parts:
        _check_invariants(part)
    json.dumps(result.to_json())


CONTEXT_YEARS = st.none() | st.integers(min_value=-(10**6), max_value=10**6) | st.sampled_from([1, 1000, 2022, 9999])

VOCABULARY = [
    "trước",
    "ngày",
    "tháng",
    "năm",
    "quý",
    "từ",
    "đến",
    "hết",
    "trong",
    "vào",
    "chậm nhất",
    "là",
    "hằng",
    "hàng",
    "định kỳ",
    "lần",
    "một",
    "của",
    "mỗi",
    "thường xuyên",
    "liên tục",
    "giai đoạn",
    "báo cáo",
    "sơ kết",
    "6 tháng",
    "hoàn thành",
    "xong",
    "và",
    ",",
    ";",
    ":",
    "-",
    "/",
    ".",
    "(",
    ")",
    "IV",
    "iii",
    "I",
    "0",
    "1",
    "01",
    "6",
    "10",
    "12",
    "13",
    "15",
    "29",
    "30",
    "31",
    "99",
    "10/6",
    "30/6/2022",
    "29/2",
    "01/01",
    "1/1/1000",
    "31/12/9999",
    "2021",
    "2025",
    "1000",
    "9999",
    "0999",
    "2021-2025",
    "IV-2016",
    "9/2021",
    "Thường Xuyên",
    "HẰNG NĂM",
    "thời hạn:",
]


@given(st.text(), CONTEXT_YEARS)
@settings(max_examples=400, deadline=None)
def test_arbitrary_text_never_raises(text, context_year):
    _check_invariants(parse(text, context_year))


@given(st.lists(st.sampled_from(VOCABULARY), max_size=12).map(" ".join), CONTEXT_YEARS)
@settings(max_examples=1500, deadline=None)
def test_vocabulary_soup_never_raises(text, context_year):
    _check_invariants(parse(text, context_year))


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_before_means_the_day_before(day):
    numeric = f"{day.day}/{day.month}/{day.year}"
    assert parse(f"trước ngày {numeric}").end == day - timedelta(days=1)
    assert parse(f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}").end == day
    assert parse(f"chậm nhất ngày {numeric}").to_json() == J("date", None, day.isoformat())


def test_long_inputs_stay_fast():
    for text in [
        "từ " * 50_000,
        "hằng năm, " * 20_000,
        "trước ngày 1/1, " * 20_000,
        "1-" * 60_000 + "2022",
        "(" * 50_000,
        "a" * 200_000 + " hằng năm",
    ]:
        started = time.perf_counter()
        _check_invariants(parse(text))
        assert time.perf_counter() - started < 5, text[:40]


# --- command line --------------------------------------------------------------------


def test_cli_prints_json():
    result = subprocess.run(
        [sys.executable, "-m", "generator", "deadline", "quý IV-2016"],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "quarter"
    assert data["end"] == "2016-12-31"
    assert data == J("quarter", "2016-10-01", "2016-12-31")
