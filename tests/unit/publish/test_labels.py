"""generator/publish/labels.py: the Vietnamese words for statuses, relations and deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.link.crossrefs import RelationType
from generator.link.resolve import PeriodStatus
from generator.link.tasks import Status
from generator.publish.labels import CITES, PERIOD, PREDICATES, STATUS, Predicate, deadline_label
from generator.vn.deadlines import Deadline, parse


def test_every_code_has_its_words():
    assert list(STATUS) == list(Status)  # the order filters list them in
    assert set(PERIOD) == set(PeriodStatus)
    assert list(PREDICATES) == list(RelationType)
    assert all(isinstance(p, Predicate) and p.verb and p.reverse_verb for p in [*PREDICATES.values(), CITES])
    assert STATUS[Status.OVERDUE_NO_REPORT] == "Đã qua hạn; chưa có báo cáo"
    assert PREDICATES[RelationType.BASED_ON] == Predicate("Căn cứ", "Là căn cứ của")


@pytest.mark.parametrize(
    "text, label",
    [
        ("trước ngày 30/6/2022", "hạn cuối 29/6/2022"),
        ("trước ngày 10/02/2022", "hạn cuối 09/02/2022"),  # months 1-2 zero-padded, as on paper
        ("trong tháng 9/2021", "trong tháng 9/2021 (hạn cuối 30/9/2021)"),
        ("trong tháng 2/2022", "trong tháng 02/2022 (hạn cuối 28/02/2022)"),
        ("quý IV/2022", "quý IV/2022 (hạn cuối 31/12/2022)"),
        ("năm 2025", "năm 2025 (hạn cuối 31/12/2025)"),
        ("từ tháng 1 đến tháng 6/2022", "từ 01/01/2022 đến 30/6/2022"),
        ("thường xuyên, từ năm 2021 - 2025", "thường xuyên (2021–2025)"),
        ("hằng năm, từ năm 2022", "hằng năm (từ 01/01/2022)"),
        ("trước ngày 05 tháng 12 hằng năm", "hằng năm, hạn ngày 04 tháng 12"),
        ("trước ngày 01/3 hằng năm", "hằng năm, hạn ngày cuối tháng 02"),
        ("hằng quý", "hằng quý"),
        ("định kỳ 2 năm", "2 năm một lần"),
        (
            "báo cáo 6 tháng trước ngày 10/6, báo cáo năm trước ngày 15/11",
            "hằng năm, hạn ngày 09 tháng 6; hằng năm, hạn ngày 14 tháng 11",
        ),
        ("khi có yêu cầu", ""),  # the parser's note is for staff (check), never on a page
        ("", "không có thời hạn"),
    ],
)
def test_deadline_label(text, label):
    assert deadline_label(parse(text)) == label


def test_no_deadline():
    assert deadline_label(None) == "không có thời hạn"
    assert deadline_label(Deadline("ongoing", end=dt.date(2025, 12, 31))) == "thường xuyên (đến 31/12/2025)"
