"""The honest-status rules of generator/link/tasks.py and their words (publish/labels.py), on a
fixed build date: only a report says done or still in progress; a recurring duty whose period
ended says so neutrally; only a dated deadline that passed may look overdue, and even then it
says "chưa có báo cáo", never "quá hạn"."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.corpus.model import Report
from generator.link.tasks import Status, duty_span, next_due, status
from generator.publish.labels import STATUS, status_label
from generator.vn.deadlines import parse

TODAY = dt.date(2026, 11, 21)  # the build date of the tests
PERIOD = (2021, 2025)  # "giai đoạn 2021-2025"
PERIOD_END = dt.date(2025, 12, 31)


def _report(day: str, state: str) -> Report:
    return Report(date=dt.date.fromisoformat(day), status=state)


@pytest.mark.parametrize(
    "deadline, period, reports, code, words",
    [
        # the plan's recurring duties: the period ended, nothing reported
        (
            "Thường xuyên, từ năm 2021 - 2025",
            None,
            [],
            Status.PERIOD_ENDED,
            "Giai đoạn 2021–2025 đã kết thúc; chưa có báo cáo",
        ),
        # 08-CT/TU's yearly duty takes the directive's period (giai đoạn 2021-2025)
        ("định kỳ hằng năm", PERIOD, [], Status.PERIOD_ENDED, "Giai đoạn 2021–2025 đã kết thúc; chưa có báo cáo"),
        ("định kỳ hằng năm", None, [], Status.ONGOING, "Thường xuyên"),
        ("Thường xuyên, từ năm 2025 - 2030", None, [], Status.ONGOING, "Thường xuyên (2025–2030)"),
        ("thường xuyên", (2024, 2028), [], Status.ONGOING, "Thường xuyên (2024–2028)"),
        ("Thường xuyên, từ năm 2021 - 2025", None, [_report("2025-12-20", "done")], Status.DONE, "Đã hoàn thành"),
        # a dated deadline
        ("hoàn thành trong tháng 9/2021", PERIOD, [], Status.OVERDUE_NO_REPORT, "Đã qua hạn; chưa có báo cáo"),
        ("hoàn thành trong tháng 12/2026", None, [], Status.IN_PROGRESS, "Chưa đến hạn"),
        ("hoàn thành trong tháng 9/2021", None, [_report("2021-09-20", "done")], Status.DONE_ON_TIME, None),
        ("hoàn thành trong tháng 9/2021", None, [_report("2021-12-01", "in-progress")], Status.OVERDUE, None),
        # what the text does not date
        ("trước kỳ họp thường kỳ của Hội đồng nhân dân thành phố", None, [], Status.NO_DATE, None),
        (None, PERIOD, [], Status.NO_DEADLINE, "Văn bản không nêu thời hạn"),
    ],
)
def test_status_and_its_words(deadline, period, reports, code, words):
    parsed = parse(deadline) if deadline else None
    period_end = dt.date(period[1], 12, 31) if period else None
    found = status(parsed, reports, TODAY, period_end)
    assert found is code
    label = status_label(found, duty_span(parsed, period))
    if words:
        assert label == words
    assert "quá hạn" not in label.lower() or reports  # "quá hạn" only when a report says so
    assert "chưa phân tích" not in label


def test_only_a_passed_dated_deadline_or_a_report_may_say_overdue():
    overdue_looking = {Status.OVERDUE_NO_REPORT, Status.OVERDUE}
    for code in Status:
        words = STATUS[code].lower()
        if code not in overdue_looking:
            assert "hạn;" not in words or code is Status.PERIOD_ENDED, code
        assert ("quá hạn" in words) == (code is Status.OVERDUE), code


def test_a_yearly_duty_stops_at_the_end_of_the_documents_period():
    yearly = parse("trước ngày 05 tháng 12 hằng năm")
    assert next_due(yearly, dt.date(2025, 6, 1), PERIOD_END) == dt.date(2025, 12, 4)
    assert next_due(yearly, TODAY, PERIOD_END) is None
    assert next_due(yearly, TODAY) == dt.date(2026, 12, 4)
