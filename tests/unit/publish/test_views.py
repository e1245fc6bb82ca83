"""generator/publish/views.py: what the timelines, relation diagrams and "cited by" lists hold
and in what order, on a small corpus in memory: documents without a known date never appear
on a timeline, citing documents come newest first, deadlines name their document."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.link.crossrefs import Mention
from generator.publish.views import Views
from generator.vn.citations.model import Citation
from tests.support.site import day, doc, make_site, unknown

OLD = "da-nang/chi-thi-05-ct-tu-2015"
NEW = "da-nang/chi-thi-08-ct-tu-2021"
PLAN = "da-nang/ke-hoach-115-kh-tu-2021"
LATER = "da-nang/thong-bao-01-tb-tu-khong-ngay"
NEVER = "da-nang/thong-bao-02-tb-tu-khong-ngay"
CATALOG = "da-nang/cong-van-1720-cv-tu-2010"

NEW_BODY = (
    "  - {type: item, number: '1', text: 'Tiếp tục thực hiện Chỉ thị số 05-CT/TU ngày 10/3/2015 của"
    " Ban Thường vụ Thành ủy và Chỉ thị số 05-CT/TU.'}\n"
    "  - {type: item, number: '2', text: 'Quán triệt Chỉ thị số 05-CT/TU ngày 10/3/2015.'}\n"
    "  - {type: item, number: '3', text: 'Tổng kết.'}\n"
)
NEW_TASKS = (
    "tasks:\n"
    "  - {id: a, unit: muc-1, lead: [Ban Dân vận Thành ủy], deadline: Hoàn thành trong tháng 9/2021}\n"
    "  - {id: b, unit: muc-2, deadline: Thường xuyên}\n"
    "  - {id: c, unit: muc-3, deadline: Trước ngày 15/3/2021}\n"
)
PLAN_BODY = (
    "  - 'Triển khai Chỉ thị số 08-CT/TU ngày 05/8/2021 và Chỉ thị số 05-CT/TU ngày 10/3/2015,"
    " Công văn số 1720-CV/TU.'\n"
)
DOCUMENTS = [
    doc(OLD, number="05-CT/TU", date=day("2015-03-10"), title="về công tác dân vận"),
    doc(NEW, number="08-CT/TU", date=day("2021-08-05"), body=NEW_BODY, extra=NEW_TASKS),
    doc(PLAN, kind="ke-hoach", number="115-KH/TU", date=day("2021-09"), body=PLAN_BODY),
    doc(LATER, kind="thong-bao", number="01-TB/TU", date=unknown("2021-09-01"), body="  - Chỉ thị số 08-CT/TU.\n"),
    doc(NEVER, kind="thong-bao", number="02-TB/TU", date=unknown()),
]


@pytest.fixture(scope="module")
def views() -> Views:
    return make_site(DOCUMENTS).views


def test_the_corpus_timeline_holds_dated_documents_catalog_entries_and_deadlines_by_year(views):
    years = views.corpus_timeline()
    assert [year for year, _ in years] == [2010, 2015, 2021]
    found = {year: [(i.kind, i.label, i.when.iso) for i in items] for year, items in years}
    assert found[2010] == [("catalog", "Công văn 1720-CV/TU", "2010-04-12")]
    assert found[2015] == [("document", "Chỉ thị 05-CT/TU", "2015-03-10")]
    assert found[2021] == [
        ("deadline", "Nhiệm vụ 3 – Chỉ thị 08-CT/TU", "2021-03-14"),
        ("document", "Chỉ thị 08-CT/TU", "2021-08-05"),
        ("document", "Kế hoạch 115-KH/TU", "2021-09"),  # a month, placed at its first day
        ("deadline", "Nhiệm vụ 1 – Chỉ thị 08-CT/TU", "2021-09-30"),
    ]


def test_a_document_without_a_known_date_is_on_no_timeline(views):
    sources = {i.source for _, items in views.corpus_timeline() for i in items}
    assert LATER not in sources and NEVER not in sources
    assert LATER not in {i.source for i in views.lineage_of(NEW)}  # it cites NEW, but has no date
    assert [(i.source, i.current) for i in views.lineage_of(LATER)] == [(NEW, False)]  # not even its own


def test_the_timeline_links_each_entry_to_its_page_or_task(views):
    items = {i.label: i for _, year in views.corpus_timeline() for i in year}
    assert items["Công văn 1720-CV/TU"].url == f"tham-chieu/{CATALOG}/"
    assert items["Chỉ thị 05-CT/TU"].url == f"van-ban/{OLD}/"
    assert items["Chỉ thị 05-CT/TU"].detail == "về công tác dân vận"
    due = items["Nhiệm vụ 1 – Chỉ thị 08-CT/TU"]
    assert due.url == f"van-ban/{NEW}/#nhiem-vu-a" and due.source == NEW
    assert due.detail == "trong tháng 9/2021 (hạn cuối 30/9/2021); chủ trì: Ban Dân vận Thành ủy"


def test_deadline_items_leave_out_ongoing_duties_and_name_the_lead_only_when_known(views):
    tasks = make_site(DOCUMENTS).resolved.tasks_by_doc[NEW]
    items = views.deadline_items(tasks)
    assert [i.label for i in items] == ["Nhiệm vụ 3", "Nhiệm vụ 1"]  # "Thường xuyên" has no day
    assert items[0].detail == "hạn cuối 14/3/2021"  # "trước ngày 15/3"; no lead named: no "chủ trì"
    assert [i.date for i in items] == [dt.date(2021, 3, 14), dt.date(2021, 9, 30)]


def test_lineage_holds_the_document_what_it_cites_and_what_cites_it_oldest_first(views):
    lineage = views.lineage_of(NEW)
    assert [(i.label, i.current) for i in lineage] == [
        ("Chỉ thị 05-CT/TU", False),
        ("Chỉ thị 08-CT/TU", True),
        ("Kế hoạch 115-KH/TU", False),
    ]


def test_citing_documents_are_grouped_newest_first_one_entry_per_unit(views):
    mentions = views.mentions_in(NEW, OLD) + views.mentions_in(PLAN, OLD)
    groups = views.grouped_mentions(mentions)
    assert [doc_id for doc_id, _ in groups] == [PLAN, NEW]  # 2021-09 before 2021-08-05
    units = dict(groups)[NEW]
    assert [(m.anchor, count) for m, count in units] == [("muc-1", 2), ("muc-2", 1)]
    assert views.citing_documents(NEW) == [PLAN, LATER]


def test_a_citing_document_without_a_known_date_comes_after_the_dated_ones(views):
    mentions = views.mentions_in(LATER, NEW) + views.mentions_in(PLAN, NEW)
    assert [doc_id for doc_id, _ in views.grouped_mentions(mentions)] == [PLAN, LATER]


def test_mentions_are_found_by_citing_document_and_target(views):
    assert {m.anchor for m in views.mentions_in(NEW, OLD)} == {"muc-1", "muc-2"}
    assert views.mentions_in(OLD, NEW) == []
    assert [m.citation.number for m in views.mentions_in(PLAN, CATALOG)] == ["1720-CV/TU"]


@pytest.mark.parametrize(
    "target, expected",
    [
        (NEW, (dt.date(2021, 8, 5), "day")),
        (PLAN, (dt.date(2021, 9, 1), "month")),
        (CATALOG, (dt.date(2010, 4, 12), "day")),
        (LATER, (None, "unknown")),  # an earliest day is not a date of issue
        (NEVER, (None, "unknown")),
    ],
)
def test_target_date_is_the_date_of_issue_as_far_as_known(views, target, expected):
    assert views.target_date(target) == expected


@pytest.mark.parametrize(
    "target, label, url",
    [
        (NEW, "Chỉ thị 08-CT/TU", f"van-ban/{NEW}/"),
        (CATALOG, "Công văn 1720-CV/TU", f"tham-chieu/{CATALOG}/"),
    ],
)
def test_targets_published_or_catalogued_have_a_label_and_a_page(views, target, label, url):
    assert views.target_label(target) == label and views.target_url(target) == url


def test_the_diagram_shows_relations_then_plain_citations_not_already_shown(views):
    found = views.diagram(NEW)
    assert [(r.source, r.target) for r in found["outgoing"]] == [(NEW, OLD)]  # "Tiếp tục thực hiện"
    assert [r.source for r in found["incoming"]] == [PLAN]  # "Triển khai"
    assert found["cited"] == 0 and found["citing"] == 1  # LATER: a citation with no relation, counted
    assert not found["empty"] and found["more_in"] == found["more_out"] == 0
    assert views.diagram(LATER)["cited"] == 1  # NEW; the page lists them in their own sections
    assert views.diagram(NEVER)["empty"]


def test_the_diagram_caps_each_side_and_counts_what_it_leaves_out(views):
    assert {r.source for r in views.diagram(OLD)["incoming"]} == {NEW, PLAN}
    capped = views.diagram(OLD, limit=1)
    assert len(capped["incoming"]) == 1 and capped["more_in"] == 1
    side = views.diagram(NEW, limit=1)
    assert len(side["incoming"]) == 1 and side["citing"] == 1 and side["more_in"] == 0  # PLAN only


def _mention(sentence: str, citation: str) -> Mention:
    at = max(sentence.find(citation), 0)
    found = Citation(citation, at, at + len(citation), "chi-thi", "05-CT/TU", None, None)
    return Mention(NEW, "muc-1", "Mục 1", "text", found, sentence, OLD)


@pytest.mark.parametrize(
    "sentence, citation, expected",
    [
        ("Thực hiện Chỉ thị số 05-CT/TU nhé.", "Chỉ thị số 05-CT/TU", ("Thực hiện ", "Chỉ thị số 05-CT/TU", " nhé.")),
        ("Chỉ thị số 05-CT/TU", "Chỉ thị số 05-CT/TU", ("", "Chỉ thị số 05-CT/TU", "")),
        ("Không có trong câu.", "Chỉ thị số 05-CT/TU", ("", "Chỉ thị số 05-CT/TU", "")),
    ],
)
def test_a_snippet_is_the_citation_with_the_words_around_it(sentence, citation, expected):
    assert Views.snippet(_mention(sentence, citation)) == expected


def test_a_snippet_cuts_long_sides_at_a_word():
    words = " ".join(f"từ{i}" for i in range(60))
    sentence = f"{words} Chỉ thị số 05-CT/TU {words}."
    before, text, after = Views.snippet(_mention(sentence, "Chỉ thị số 05-CT/TU"), width=40)
    assert text == "Chỉ thị số 05-CT/TU"
    assert before.startswith("…") and after.endswith("…")
    assert 20 < len(before) <= 41 and 20 < len(after) <= 41
    kept_before, kept_after = before[1:], after[:-1]
    assert f" {kept_before}Chỉ thị" in sentence and kept_before.split()[0] in words.split()  # whole words
    assert f"05-CT/TU{kept_after} " in sentence and kept_after.split()[-1] in words.split()


SAME_DAY = [
    doc("da-nang/quyet-dinh-2108-qd-tu-2016", kind="quyet-dinh", number="2108-QĐ/TU", date=day("2016-09-05"),
        extra="attachments: [da-nang/de-an-2016]\n"),
    doc("da-nang/de-an-2016", kind="de-an", date=day("2016-09-05"), body="  - Theo Quyết định số 2108-QĐ/TU.\n"),
    doc("da-nang/chi-thi-01-ct-tu-2016", number="01-CT/TU", date=day("2016-09-05"),
        body="  - Theo Quyết định số 2108-QĐ/TU.\n"),
]  # fmt: skip


def test_entries_of_one_day_put_a_document_before_what_it_issues_then_go_by_name():
    views = make_site(SAME_DAY, references=None).views
    # The Đề án is issued with the Quyết định: it follows it, though "Đ" sorts before "Q".
    # The rest go in Vietnamese alphabetical order ("Chỉ thị" before "Quyết định").
    expected = ["Chỉ thị 01-CT/TU", "Quyết định 2108-QĐ/TU", "Đề án kèm theo Quyết định 2108-QĐ/TU"]
    [(year, items)] = views.corpus_timeline()
    assert (year, [i.label for i in items]) == (2016, expected)
    assert [i.label for i in views.lineage_of("da-nang/quyet-dinh-2108-qd-tu-2016")] == expected


def test_entries_of_one_day_are_in_vietnamese_alphabetical_order():
    same_day = [
        doc("da-nang/chi-thi-02-ct-tu-2016", number="02-CT/TU", date=day("2016-09-05")),
        doc("da-nang/de-an-2016", kind="de-an", number="05-ĐA/TU", date=day("2016-09-05")),
        doc("da-nang/quyet-dinh-7-qd-tu-2016", kind="quyet-dinh", number="7-QĐ/TU", date=day("2016-09-05")),
    ]
    [(_, items)] = make_site(same_day, references=None).views.corpus_timeline()
    labels = [i.label for i in items]
    assert [label.split()[0] for label in labels] == ["Chỉ", "Đề", "Quyết"], labels  # "Đ" after "D", before "Q"
