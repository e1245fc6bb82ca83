"""generator/publish/task_view.py: the rows of a task table, on a small corpus in memory
resolved on 21/11/2026: a status never says "quá hạn" unless a report says the work is still in
progress after its deadline; names link to an organisation only when the registry knows it; the
sort and filter keys the page's script reads."""

from __future__ import annotations

import pytest

from generator.publish.links import Linker
from generator.publish.task_view import OrgName, ReportView, task_rows
from tests.support.site import day, doc, make_site, numbered_items

ENDED = "da-nang/chi-thi-08-ct-tu-2021"  # period 2021–2025: over on the build date
RUNNING = "da-nang/ke-hoach-20-kh-tu-2025"  # period 2025–2030

BODY = numbered_items(6)
ENDED_TASKS = (
    "period: {start: 2021, end: 2025}\ntasks:\n"
    "  - {id: a, unit: muc-1, lead: [Ban Dân vận Thành ủy], support: [Văn phòng Thành ủy, Sở Lạ],"
    " deadline: Hoàn thành trong tháng 9/2021}\n"
    "  - {id: b, unit: muc-2, lead: [Ban Dân vận Thành ủy], deadline: Hoàn thành trong tháng 9/2021,"
    " reports: [{date: '2021-11-02', status: in-progress, note: Đang làm, link: 'https://example.org/bc'}]}\n"
    "  - {id: c, unit: muc-3, lead: [Cơ quan Lạ], deadline: Thường xuyên}\n"
    "  - {id: d, unit: muc-4, lead: [Đảng ủy Khối]}\n"
    "  - {id: e, unit: muc-5, lead: [Đảng ủy Khối], deadline: Trước kỳ họp thường kỳ của Thành ủy}\n"
    "  - {id: f, unit: muc-6, summary: Tóm tắt việc 6, deadline: Trong tháng 9/2021,"
    " reports: [{date: '2021-10-05', status: done}]}\n"
)
RUNNING_TASKS = (
    "period: {start: 2025, end: 2030}\ntasks:\n"
    "  - {id: a, unit: muc-1, lead: [Ban Dân vận Thành ủy], deadline: Thường xuyên}\n"
    "  - {id: b, unit: muc-2, lead: [Ban Dân vận Thành ủy], deadline: Hoàn thành trong năm 2027}\n"
)
DOCUMENTS = [
    doc(ENDED, number="08-CT/TU", body=BODY, extra=ENDED_TASKS),
    doc(RUNNING, kind="ke-hoach", number="20-KH/TU", date=day("2025-01-10"), body=BODY, extra=RUNNING_TASKS),
]


@pytest.fixture(scope="module")
def rows():
    site = make_site(DOCUMENTS)
    found = task_rows(site.resolved.tasks, site, Linker("nhiem-vu/"))
    return {(row.document_id, (row.anchor or "").removeprefix("nhiem-vu-")): row for row in found}


@pytest.mark.parametrize(
    "doc_id, task, status, label",
    [
        (ENDED, "a", "overdue-no-report", "Đã qua hạn; chưa có báo cáo"),  # passed, no report: not "quá hạn"
        (ENDED, "b", "overdue", "Quá hạn (theo báo cáo)"),  # a report after the deadline says so
        (ENDED, "c", "period-ended", "Giai đoạn 2021–2025 đã kết thúc; chưa có báo cáo"),
        (ENDED, "d", "no-deadline", "Văn bản không nêu thời hạn"),
        (ENDED, "e", "no-date", "Thời hạn không ghi ngày cụ thể"),
        (ENDED, "f", "done-late", "Hoàn thành trễ hạn"),
        (RUNNING, "a", "ongoing", "Thường xuyên (2025–2030)"),
        (RUNNING, "b", "in-progress", "Chưa đến hạn"),
    ],
)
def test_the_status_in_words(rows, doc_id, task, status, label):
    row = rows[doc_id, task]
    assert (row.status, row.status_label) == (status, label)


def test_only_a_report_makes_a_task_quá_hạn(rows):
    claimed = {key for key, row in rows.items() if "quá hạn" in row.status_label.lower()}
    assert claimed == {(ENDED, "b")}
    assert all(row.reports for key, row in rows.items() if key in claimed)


@pytest.mark.parametrize(
    "task, deadline_text, deadline_label, due",
    [
        ("a", "Hoàn thành trong tháng 9/2021", "trong tháng 9/2021 (hạn cuối 30/9/2021)", "2021-09-30"),
        ("c", "Thường xuyên", "thường xuyên", "2025-12-31"),  # runs to the end of the period
        ("d", None, "", "9999"),  # no deadline: sorts last
        ("e", "Trước kỳ họp thường kỳ của Thành ủy", "", "9999"),  # the text says it all; no parser note
    ],
)
def test_the_deadline_as_written_its_parse_and_its_sort_key(rows, task, deadline_text, deadline_label, due):
    row = rows[ENDED, task]
    assert (row.deadline_text, row.deadline_label, row.due) == (deadline_text, deadline_label, due)


def test_a_deadline_not_yet_passed_sorts_by_its_day(rows):
    assert rows[RUNNING, "b"].due == "2027-12-31"
    assert rows[RUNNING, "b"].deadline_label == "năm 2027 (hạn cuối 31/12/2027)"


def test_names_link_to_their_organisation_only_when_the_registry_knows_them(rows):
    row = rows[ENDED, "a"]
    assert row.lead == [OrgName("Ban Dân vận Thành ủy", "../co-quan/da-nang/ban-dan-van-thanh-uy/")]
    assert row.support == [
        OrgName("Văn phòng Thành ủy", "../co-quan/da-nang/van-phong-thanh-uy/"),
        OrgName("Sở Lạ", None),  # as written, not linked
    ]
    unknown = rows[ENDED, "c"]
    assert unknown.lead == [OrgName("Cơ quan Lạ", None)]
    assert rows[ENDED, "f"].lead == []


def test_links_are_relative_to_the_page_and_point_at_the_task_unit(rows):
    row = rows[ENDED, "a"]
    assert row.doc_href == f"../van-ban/{ENDED}/"
    assert row.unit_href == f"../van-ban/{ENDED}/#muc-1"
    assert (row.number, row.doc_label, row.text) == (1, "Chỉ thị 08-CT/TU", "Việc 1.")
    assert rows[ENDED, "f"].text == "Tóm tắt việc 6"  # the summary, when there is one


def test_reports_are_dated_in_vietnamese_with_their_note_and_link(rows):
    assert rows[ENDED, "b"].reports == [ReportView("02/11/2021", "Đang làm", "https://example.org/bc")]
    assert rows[ENDED, "f"].reports == [ReportView("05/10/2021", None, None)]
    assert rows[ENDED, "a"].reports == []


def test_rows_follow_the_order_they_are_given_newest_document_first(rows):
    assert list(rows) == [(RUNNING, "a"), (RUNNING, "b")] + [(ENDED, t) for t in "abcdef"]
    assert [rows[ENDED, t].number for t in "abcdef"] == [1, 2, 3, 4, 5, 6]


def test_rows_on_a_page_of_several_documents_carry_no_id():
    site = make_site(DOCUMENTS)
    tasks, link = site.resolved.tasks, Linker("nhiem-vu/")
    with_ids = [r.anchor for r in task_rows(tasks, site, link)]
    assert with_ids == [t.anchor for t in tasks] and len(set(with_ids)) < len(with_ids)  # "nhiem-vu-a" twice
    assert {r.anchor for r in task_rows(tasks, site, link, ids=False)} == {None}
