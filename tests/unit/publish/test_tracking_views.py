"""generator/publish/tracking_views.py: the pages that follow documents over time, on a small
corpus in memory resolved on 21/11/2026: the table of tasks with its filters (organisations by
place in Vietnamese alphabetical order, only the statuses present, years of the last day), the
index of a large site by place, and the timeline by year."""

from __future__ import annotations

import pytest

from generator.publish import tracking_views
from generator.publish.list_views import IndexItem
from tests.support.site import day, doc, make_site, numbered_items, unknown

DN = "da-nang/chi-thi-08-ct-tu-2021"
DN_OLD = "da-nang/ke-hoach-05-kh-tu-2016"
HN = "ha-noi/chi-thi-07-ct-tu-2021"
BN = "bac-ninh/ke-hoach-01-kh-tu-2022"
UNDATED = "da-nang/thong-bao-khong-ngay"

BODY = numbered_items(3)
DN_TASKS = (
    "tasks:\n"
    "  - {id: a, unit: muc-1, lead: [Văn phòng Thành ủy], support: [Ủy ban Kiểm tra Thành ủy],"
    " deadline: Hoàn thành trong tháng 9/2021}\n"
    "  - {id: b, unit: muc-2, lead: [Đảng ủy Khối], support: [Ban Dân vận Thành ủy]}\n"
    "  - {id: c, unit: muc-3, lead: [Ban Dân vận Thành ủy], deadline: Hoàn thành trong năm 2027}\n"
)
OLD_TASKS = "tasks:\n  - {id: a, unit: muc-1, lead: [Thành ủy], deadline: Trong tháng 3/2016}\n"
HN_TASKS = "tasks:\n  - {id: a, unit: muc-1, lead: [Thành ủy], deadline: Hoàn thành trong tháng 12/2021}\n"
BN_TASKS = "tasks:\n  - {id: a, unit: muc-1, lead: [Tỉnh ủy], deadline: Hoàn thành trong năm 2022}\n"
DOCUMENTS = [
    doc(DN, number="08-CT/TU", date=day("2021-08-05"), title="về dân vận", body=BODY, extra=DN_TASKS),
    doc(DN_OLD, kind="ke-hoach", number="05-KH/TU", date=day("2016-01-10"), title="cũ", body=BODY, extra=OLD_TASKS),
    doc(HN, number="07-CT/TU", date=day("2021-06-01"), title="về Hà Nội", issuer="ha-noi/thanh-uy", body=BODY,
        extra=HN_TASKS),
    doc(BN, kind="ke-hoach", number="01-KH/TU", date=day("2022-02-01"), title="về Bắc Ninh",
        issuer="bac-ninh/tinh-uy", body=BODY, extra=BN_TASKS),
    doc(UNDATED, kind="thong-bao", number="09-TB/TU", date=unknown("2021-01-01"), title="không ngày"),
]  # fmt: skip


@pytest.fixture(scope="module")
def site():
    return make_site(DOCUMENTS)


@pytest.fixture(scope="module")
def page(site):
    return tracking_views.tasks_view(site, "nhiem-vu/", site.resolved.tasks, None)


def test_tasks_are_grouped_by_the_place_of_their_document_newest_document_first(site):
    found = tracking_views.tasks_by_jurisdiction(site)
    assert {place: [(t.document_id, t.number) for t in tasks] for place, tasks in found.items()} == {
        "bac-ninh": [(BN, 1)],
        "da-nang": [(DN, 1), (DN, 2), (DN, 3), (DN_OLD, 1)],
        "ha-noi": [(HN, 1)],
    }


def test_the_table_counts_tasks_and_documents_and_heads_each_document(site, page):
    assert (page.total, page.documents, page.groups, page.pager) == (6, 4, [], None)
    assert [row.document_id for row in page.rows] == [BN, DN, DN, DN, HN, DN_OLD]
    assert page.doc_groups[DN].heading == "Chỉ thị 08-CT/TU – về dân vận (3 nhiệm vụ)"
    assert page.doc_groups[DN].anchor == "van-ban-da-nang-chi-thi-08-ct-tu-2021"
    assert not any(g.anchor.startswith("nhiem-vu-") for g in page.doc_groups.values())  # never a task's id
    assert [e.href for e in page.toc] == ["#" + page.doc_groups[d].anchor for d in (BN, DN, HN, DN_OLD)] + ["#tai-ve"]
    assert page.downloads == {
        "csv": "../api/tasks.csv.gz",
        "json": "../api/tasks.json.gz",
        "ics": "../api/deadlines.ics",
    }
    assert page.script_href == "../assets/tasks.js" and page.build_date == "21/11/2026"


def test_the_organisation_filter_lists_places_and_names_in_vietnamese_order(page):
    assert page.filters.orgs == [
        ("Tỉnh Bắc Ninh", [("bac-ninh/tinh-uy", "Tỉnh ủy Bắc Ninh")]),
        (
            "Thành phố Đà Nẵng",
            [
                ("da-nang/ban-dan-van-thanh-uy", "Ban Dân vận Thành ủy Đà Nẵng"),
                ("da-nang/dang-uy-khoi", "Đảng ủy Khối các cơ quan thành phố"),  # "Đ" after "D"
                ("da-nang/thanh-uy", "Thành ủy Đà Nẵng"),
                ("da-nang/uy-ban-kiem-tra-thanh-uy", "Ủy ban Kiểm tra Thành ủy Đà Nẵng"),  # before "V"
                ("da-nang/van-phong-thanh-uy", "Văn phòng Thành ủy Đà Nẵng"),
            ],
        ),
        ("Thành phố Hà Nội", [("ha-noi/thanh-uy", "Thành ủy Hà Nội")]),
    ]


def test_the_status_filter_offers_only_the_statuses_present_in_order(page):
    assert page.filters.statuses == [
        ("in-progress", "Chưa đến hạn"),
        ("overdue-no-report", "Đã qua hạn; chưa có báo cáo"),
        ("no-deadline", "Văn bản không nêu thời hạn"),
    ]
    assert not any("quá hạn" in label.lower() for _, label in page.filters.statuses)  # no report says so


def test_the_year_and_document_filters(page):
    assert page.filters.years == [
        ("2016", "2016"),
        ("2021", "2021"),
        ("2022", "2022"),
        ("2027", "2027"),
        ("9999", "Văn bản không nêu hạn cuối"),
    ]
    assert page.filters.documents == [
        (BN, "Kế hoạch 01-KH/TU", "về Bắc Ninh"),
        (DN, "Chỉ thị 08-CT/TU", "về dân vận"),
        (HN, "Chỉ thị 07-CT/TU", "về Hà Nội"),
        (DN_OLD, "Kế hoạch 05-KH/TU", "cũ"),
    ]
    assert [value for value, _ in page.filters.sorts] == ["", "han", "chu-tri", "trang-thai"]


def test_one_place_has_a_table_of_its_own_tasks(site):
    tasks = tracking_views.tasks_by_jurisdiction(site)["ha-noi"]
    view = tracking_views.tasks_view(site, "nhiem-vu/ha-noi/", tasks, None)
    assert (view.total, view.documents) == (1, 1)
    assert view.filters.orgs == [("Thành phố Hà Nội", [("ha-noi/thanh-uy", "Thành ủy Hà Nội")])]
    assert view.rows[0].doc_href == f"../../van-ban/{HN}/"


def test_a_large_site_lists_its_places_with_their_task_counts(site):
    view = tracking_views.tasks_index_view(site, "nhiem-vu/", [("da-nang", 4), ("ha-noi", 1)])
    assert view.groups == [
        IndexItem("da-nang/", "Thành phố Đà Nẵng", 4),
        IndexItem("ha-noi/", "Thành phố Hà Nội", 1),
    ]
    assert (view.total, view.documents, view.rows, view.filters) == (6, 4, [], None)


def test_the_timeline_index_has_a_line_per_year_with_its_count(site):
    view = tracking_views.timeline_index_view(site, "dong-thoi-gian/")
    assert view.index == [
        IndexItem("2010/", "2010", 1),  # the catalog entry
        IndexItem("2016/", "2016", 2),  # a document and a deadline
        IndexItem("2021/", "2021", 4),  # two documents, two deadlines; the undated one is not here
        IndexItem("2022/", "2022", 2),
        IndexItem("2027/", "2027", 1),
    ]
    assert view.years == [] and view.pager is None


def test_a_year_of_the_timeline_as_its_page_prints_it(site):
    items = tracking_views.timeline_year(site, 2021)
    view = tracking_views.timeline_view(site, "dong-thoi-gian/2021/", [(2021, items)], None)
    [(year, entries)] = view.years
    assert year == 2021
    assert [(e.kind, e.date, e.label, e.href) for e in entries] == [
        ("document", "01/6/2021", "Chỉ thị 07-CT/TU", f"../../van-ban/{HN}/"),
        ("document", "05/8/2021", "Chỉ thị 08-CT/TU", f"../../van-ban/{DN}/"),
        ("deadline", "30/9/2021", "Nhiệm vụ 1 – Chỉ thị 08-CT/TU", f"../../van-ban/{DN}/#nhiem-vu-a"),
        ("deadline", "31/12/2021", "Nhiệm vụ 1 – Chỉ thị 07-CT/TU", f"../../van-ban/{HN}/#nhiem-vu-a"),
    ]
    assert tracking_views.timeline_year(site, 1999) == []
