"""generator/publish/document_view.py: what a document's page says about its number and date
(printed, taken from another document with a link to it, or unknown), what it says when data is
missing, and how its tasks are grouped and counted, on a small corpus in memory. A few checks
render templates/document.html.j2 to read the sentence a citizen sees."""

from __future__ import annotations

import re

import pytest

from generator.publish.document_view import document_view
from generator.publish.labels import NO_DATA
from generator.publish.links import DocLink
from generator.publish.render import environment
from tests.support.html_text import main_text
from tests.support.site import SITE_URL, day, doc, make_site, unknown

DECISION = "da-nang/quyet-dinh-2108-qd-tu-2016"
PROJECT = "da-nang/de-an-kem-quyet-dinh-2108"
ORPHAN = "da-nang/thong-bao-khong-so"
DIRECTIVE = "da-nang/chi-thi-08-ct-tu-2021"
REPLACED = "da-nang/chi-thi-05-ct-tu-2015"

BODY = (
    "  - {type: part, number: I, marker: 'I-', heading: MỤC ĐÍCH, children: [\n"
    "      {type: item, number: '1', marker: '1.', text: 'Quán triệt Chỉ thị số 05-CT/TU ngày 10/3/2015[^1].'}]}\n"
    "  - {type: part, number: II, marker: 'II-', heading: NHIỆM VỤ, children: [\n"
    "      {type: item, number: '1', marker: '1.', text: 'Ban Dân vận chủ trì.'},\n"
    "      {type: item, number: '2', marker: '2.', text: 'Việc không nêu ai chủ trì.'},\n"
    "      {type: item, number: '3', marker: '3.', text: 'Không giao nhiệm vụ.'}]}\n"
    "  - Chỉ thị này có hiệu lực kể từ ngày ký.\n"
)
EXTRA = (
    "footnotes:\n  - {id: '1', text: Chú thích.}\nperiod: {start: 2021, end: 2025}\n"
    f"relations:\n  - {{type: replaces, target: {REPLACED}}}\n"
    "tasks:\n"
    "  - {id: a, unit: muc-ii-1, lead: [Ban Dân vận Thành ủy], deadline: Hoàn thành trong tháng 9/2021}\n"
    "  - {id: b, unit: muc-ii-2, deadline: Trong tháng 9/2021, reports: [{date: '2021-09-20', status: done}]}\n"
)
DOCUMENTS = [
    doc(
        DECISION,
        kind="quyet-dinh",
        number="2108-QĐ/TU",
        number_source="cited",
        number_cited_in=PROJECT,
        date=day("2016-09-05", "cited", PROJECT),
        title="ban hành Đề án",
        extra=f"attachments: [{PROJECT}]\n",
    ),
    doc(PROJECT, kind="de-an", date=day("2016-09"), title="Nâng cao chất lượng"),
    doc(ORPHAN, kind="thong-bao", date=unknown("2021-09-01", "Bản nhận được mất trang đầu."), title="về hội nghị"),
    doc(DIRECTIVE, number="08-CT/TU", body=BODY, extra=EXTRA),
    doc(REPLACED, number="05-CT/TU", date=day("2015-03-10"), title="về công tác dân vận"),
]


@pytest.fixture(scope="module")
def site():
    return make_site(DOCUMENTS)


@pytest.fixture(scope="module")
def views(site):
    return {doc_id: document_view(doc_id, site) for doc_id in (DECISION, PROJECT, ORPHAN, DIRECTIVE, REPLACED)}


def _page_text(view) -> str:
    html = environment(False).get_template("document.html.j2").render(page=view, title="", title_id="")
    return re.sub(r"\s+", " ", main_text(html)).replace(" )", ")")


TO_PROJECT = DocLink("../de-an-kem-quyet-dinh-2108/", "Đề án kèm theo Quyết định 2108-QĐ/TU")
TO_DECISION = DocLink("../quyet-dinh-2108-qd-tu-2016/", "Quyết định 2108-QĐ/TU")


@pytest.mark.parametrize(
    "doc_id, number, number_from, issued_with",
    [
        (DIRECTIVE, "08-CT/TU", None, None),  # printed
        (DECISION, "2108-QĐ/TU", TO_PROJECT, None),  # not printed: from the attachment, linked
        (PROJECT, None, None, TO_DECISION),  # an attachment has no number of its own
        (ORPHAN, None, None, None),  # unknown, and no number made up
    ],
)
def test_the_number_is_printed_cited_from_another_document_or_unknown(views, doc_id, number, number_from, issued_with):
    facts = views[doc_id].facts
    assert (facts.number, facts.number_from, facts.issued_with) == (number, number_from, issued_with)
    header = views[doc_id].header
    assert header.number == number and header.number_cited == (number_from is not None)
    assert header.issued_with == issued_with


@pytest.mark.parametrize(
    "doc_id, date, date_iso, date_from, not_before, long",
    [
        (DIRECTIVE, "05/8/2021", "2021-08-05", None, None, "ngày 05 tháng 8 năm 2021"),
        (DECISION, "05/9/2016", "2016-09-05", TO_PROJECT, None, "ngày 05 tháng 9 năm 2016"),
        (PROJECT, "tháng 9/2016", "2016-09", None, None, "tháng 9 năm 2016"),  # no day made up
        (ORPHAN, None, None, None, "01/9/2021", None),  # an earliest day is not the date
    ],
)
def test_the_date_is_printed_cited_from_another_document_or_unknown(
    views, doc_id, date, date_iso, date_from, not_before, long
):
    facts, header = views[doc_id].facts, views[doc_id].header
    assert (facts.date, facts.date_iso, facts.date_from, facts.not_before) == (date, date_iso, date_from, not_before)
    assert header.date_long == long and header.date_cited == (date_from is not None)
    assert (facts.year_href is None) == (date is None)  # no year page for an unknown year


@pytest.mark.parametrize(
    "doc_id, shown, hidden",
    [
        (PROJECT, ["Kèm theo Quyết định 2108-QĐ/TU", "Không mang số riêng; ban hành kèm theo Quyết định 2108-QĐ/TU"],
         ["không rõ số", "Số: không rõ"]),
        (ORPHAN, ["Số: không rõ", "Không rõ (văn bản không ghi số)", "ngày ban hành: không rõ",
                  "Không rõ (sau ngày 01/9/2021) Bản nhận được mất trang đầu."], ["ngày 01 tháng 9"]),
        (DECISION, ["2108-QĐ/TU (văn bản không in số; số theo Đề án kèm theo Quyết định 2108-QĐ/TU)",
                    "05/9/2016 (theo Đề án kèm theo Quyết định 2108-QĐ/TU)"], ["không rõ"]),
    ],
)  # fmt: skip
def test_the_page_says_where_a_number_or_date_comes_from(views, doc_id, shown, hidden):
    text = _page_text(views[doc_id])
    for words in shown:
        assert words in text
    for words in hidden:
        assert words not in text


def test_missing_status_reads_no_data_and_never_a_fact(views):
    assert NO_DATA == "Chưa có dữ liệu"
    facts = views[ORPHAN].facts
    assert facts.validity is None and facts.status is None and facts.period is None
    text = _page_text(views[ORPHAN])
    assert "Tình trạng Chưa có dữ liệu" in text and "Không có" not in text
    assert "Tình trạng Có hiệu lực từ ngày 05/8/2021" in _page_text(views[DIRECTIVE])  # known: said


def test_validity_and_period_come_from_the_text_and_the_build_date(views):
    facts = views[DIRECTIVE].facts
    assert facts.period == "2021–2025"
    assert facts.status == "Giai đoạn thực hiện đã kết thúc"  # on 21/11/2026
    assert facts.build_date == "21/11/2026"
    assert facts.validity == "Có hiệu lực từ ngày 05/8/2021"
    assert facts.validity_source == "“Chỉ thị này có hiệu lực kể từ ngày ký.”"
    replaced = views[REPLACED].facts
    assert replaced.validity == "Đã được thay thế bởi"
    assert replaced.validity_by == DocLink("../chi-thi-08-ct-tu-2021/", "Chỉ thị 08-CT/TU")


@pytest.mark.parametrize(
    "doc_id, notes",
    [
        (DIRECTIVE, []),  # everything printed: nothing to explain
        (PROJECT, ["Văn bản ban hành kèm theo Quyết định 2108-QĐ/TU, không mang số riêng."]),
        (ORPHAN, ["Số, ký hiệu: văn bản không ghi; trang không tự đặt số.",
                  ("Ngày ban hành: văn bản không ghi. Văn bản được ban hành sau ngày 01/9/2021."
                   " Bản nhận được mất trang đầu.")]),
        (DECISION, ["Số 2108-QĐ/TU: văn bản không in số; số lấy theo Đề án kèm theo Quyết định 2108-QĐ/TU.",
                    ("Ngày ban hành 05/9/2016: văn bản không in ngày; ngày lấy theo"
                     " Đề án kèm theo Quyết định 2108-QĐ/TU.")]),
    ],
)  # fmt: skip
def test_the_paper_copy_says_how_each_number_and_date_not_printed_was_obtained(views, doc_id, notes):
    assert views[doc_id].print_notes == notes
    assert views[doc_id].address == SITE_URL + f"van-ban/{doc_id}/"


def test_attachments_are_listed_with_kind_and_title(views):
    assert views[DECISION].facts.attachments == [("../de-an-kem-quyet-dinh-2108/", "Đề án “Nâng cao chất lượng”")]


def test_tasks_are_grouped_by_part_with_their_statuses_counted(views):
    view = views[DIRECTIVE]
    assert view.task_count == 2
    [group] = view.task_groups
    assert group.title == "II- NHIỆM VỤ" and group.open
    assert [row.anchor for row in group.rows] == ["nhiem-vu-a", "nhiem-vu-b"]
    assert group.statuses == [("Đã qua hạn; chưa có báo cáo", 1), ("Đã hoàn thành đúng hạn", 1)]
    assert not any("quá hạn" in label.lower() for label, _ in group.statuses)  # no report says so


def test_numbered_items_with_no_lead_are_counted_and_linked(views):
    view = views[DIRECTIVE]
    hrefs = [href for href, _ in view.unassigned]
    assert "#muc-ii-1" not in hrefs  # it names its lead
    assert {"#muc-i-1", "#muc-ii-3"} <= set(hrefs)
    text = _page_text(view)
    assert f"{len(view.unassigned)} mục được đánh số không nêu cơ quan chủ trì" in text


def test_the_note_on_items_without_a_lead_never_names_an_item_that_is_in_the_table(views):
    view = views[DIRECTIVE]
    in_table = {row.unit_href.split("#")[1] for group in view.task_groups for row in group.rows}
    assert "muc-ii-2" in in_table  # its task has no lead, and it is a row of the table
    assert not {href.lstrip("#") for href, _ in view.unassigned} & in_table
    assert view.unassigned == [("#muc-i-1", "1"), ("#muc-ii-3", "3")]


def test_a_citation_in_the_text_links_to_its_target_with_label_and_title(views):
    [part] = [b for b in views[DIRECTIVE].body if b.anchor == "muc-i"]
    runs = part.children[0].text
    [cite] = [r for r in runs if r.kind == "cite"]
    assert cite.href == "../chi-thi-05-ct-tu-2015/"
    assert cite.title == ""  # the link text names it already; its title is in "Văn bản được dẫn chiếu"
    assert cite.text == "Chỉ thị số 05-CT/TU ngày 10/3/2015"


def test_the_contents_list_parts_items_and_the_sections_the_page_has(views):
    toc = views[DIRECTIVE].toc
    assert [(e.href, e.label) for e in toc[:2]] == [("#muc-i", "I- MỤC ĐÍCH"), ("#muc-ii", "II- NHIỆM VỤ")]
    assert [e.label for e in toc[1].children] == ["1. Ban Dân vận chủ trì.", "2. Việc không nêu ai chủ trì.",
                                                  "3. Không giao nhiệm vụ."]  # fmt: skip
    hrefs = [e.href for e in toc]
    assert {"#chu-thich", "#noi-nhan", "#nhiem-vu", "#duoc-dan-chieu-boi"} <= set(hrefs)
    assert "Nhiệm vụ được giao (2)" in [e.label for e in toc]
    orphan = [e.href for e in views[ORPHAN].toc]
    assert "#nhiem-vu" not in orphan and "#chu-thich" not in orphan  # no tasks, no footnotes
