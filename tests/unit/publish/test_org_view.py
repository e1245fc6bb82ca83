"""generator/publish/org_view.py: an organisation's page and its long lists, on a small corpus in
memory resolved on 21/11/2026: what it issued, the tasks it leads and supports, what falls due in
the next 90 days and what passed with no report, each list capped with the full count kept."""

from __future__ import annotations

import pytest

from generator.publish.org_view import org_list_items, org_list_view, org_view
from tests.support.site import day, doc, make_site, numbered_items

ORG = "da-nang/ban-dan-van-thanh-uy"
PLAN = "da-nang/ke-hoach-20-kh-tu-2026"
OLD = "da-nang/ke-hoach-05-kh-tu-2021"
REPORT = "da-nang/bao-cao-01-bc-dv-2022"

BODY = numbered_items(5)
PLAN_TASKS = (
    "tasks:\n"
    "  - {id: a, unit: muc-1, lead: [Ban Dân vận Thành ủy], deadline: Hoàn thành trong tháng 1/2027}\n"
    "  - {id: b, unit: muc-2, lead: [Ban Dân vận Thành ủy], deadline: Hoàn thành trong tháng 12/2026}\n"
    "  - {id: c, unit: muc-3, lead: [Văn phòng Thành ủy], support: [Ban Dân vận Thành ủy],"
    " deadline: Hoàn thành trong tháng 6/2027}\n"
    "  - {id: d, unit: muc-4, lead: [Ban Dân vận Thành ủy], support: [Ban Dân vận Thành ủy],"
    " deadline: Hoàn thành trong tháng 1/2027}\n"
)
OLD_TASKS = (
    "tasks:\n"
    "  - {id: a, unit: muc-1, lead: [Ban Dân vận Thành ủy], deadline: Hoàn thành trong tháng 9/2021}\n"
    "  - {id: b, unit: muc-2, lead: [Ban Dân vận Thành ủy], deadline: Hoàn thành trong tháng 9/2021,"
    " reports: [{date: '2021-11-02', status: in-progress}]}\n"
    "  - {id: c, unit: muc-3, support: [Ban Dân vận Thành ủy], deadline: Hoàn thành trong tháng 9/2021,"
    " reports: [{date: '2021-09-02', status: done}]}\n"
)
DOCUMENTS = [
    doc(PLAN, kind="ke-hoach", number="20-KH/TU", date=day("2026-01-10"), body=BODY, extra=PLAN_TASKS),
    doc(OLD, kind="ke-hoach", number="05-KH/TU", date=day("2021-03-01"), body=BODY, extra=OLD_TASKS),
    doc(REPORT, kind="bao-cao", number="01-BC/DV", date=day("2022-05-01"), issuer=ORG),
    doc("da-nang/bao-cao-02-bc-dv-2023", kind="bao-cao", number="02-BC/DV", date=day("2023-05-01"), issuer=ORG),
    doc("da-nang/bao-cao-03-bc-dv-2024", kind="bao-cao", number="03-BC/DV", date=day("2024-05-01"), issuer=ORG),
]


@pytest.fixture(scope="module")
def site():
    return make_site(DOCUMENTS)


@pytest.fixture(scope="module")
def view(site):
    return org_view(site, ORG, limit=2)


def test_the_organisation_is_named_with_its_place_and_parent(view):
    assert (view.id, view.name, view.jurisdiction) == (ORG, "Ban Dân vận Thành ủy Đà Nẵng", "Thành phố Đà Nẵng")
    assert view.jurisdiction_href == "../../../dia-ban/da-nang/"
    assert view.parent == ("../thanh-uy/", "Thành ủy Đà Nẵng")
    assert view.aliases == "Ban Dân vận Thành ủy" and not view.group


def test_each_list_is_capped_and_keeps_its_full_count(view):
    assert [d.label for d in view.documents] == ["Báo cáo 03-BC/DV", "Báo cáo 02-BC/DV"]  # newest first
    assert view.totals == {"ids": 3, "lead": 5, "support": 3, "due_soon": 3, "passed": 1}
    assert len(view.lead) == 2 and len(view.support) == 2 and view.limit == 2
    assert view.more_href == {"van-ban": "van-ban/", "chu-tri": "chu-tri/", "phoi-hop": "phoi-hop/"}


def test_due_soon_holds_the_next_90_days_soonest_first(view):
    assert [(t.label, t.due, t.due_iso) for t in view.due_soon] == [
        ("Kế hoạch 20-KH/TU, nhiệm vụ 2", "31/12/2026", "2026-12-31"),
        ("Kế hoạch 20-KH/TU, nhiệm vụ 1", "31/01/2027", "2027-01-31"),
    ]  # June 2027 is past 90 days
    first = view.due_soon[0]
    assert first.href == f"../../../van-ban/{PLAN}/#nhiem-vu-b"
    assert (first.text, first.deadline_text) == ("Việc 2.", "Hoàn thành trong tháng 12/2026")


def test_passed_holds_only_deadlines_passed_with_no_report(view):
    assert [(t.label, t.due) for t in view.passed] == [("Kế hoạch 05-KH/TU, nhiệm vụ 1", "")]
    # task 2 has a report saying it is late, task 3 one saying it is done: neither is "no report"


def test_a_task_it_both_leads_and_supports_counts_once_in_the_soon_list(site):
    wide = org_view(site, ORG, limit=100)
    assert [t.label for t in wide.due_soon] == [
        "Kế hoạch 20-KH/TU, nhiệm vụ 2",
        "Kế hoạch 20-KH/TU, nhiệm vụ 1",
        "Kế hoạch 20-KH/TU, nhiệm vụ 4",  # led and supported: listed once
    ]


def test_the_contents_name_each_list_with_its_count(site, view):
    assert [(e.href, e.label) for e in view.toc] == [
        ("#van-ban-ban-hanh", "Văn bản ban hành"),
        ("#sap-den-han", "Sắp đến hạn (90 ngày tới)"),
        ("#qua-han-chua-bao-cao", "Đã qua hạn, chưa có báo cáo"),
        ("#chu-tri", "Nhiệm vụ chủ trì (5)"),
        ("#phoi-hop", "Nhiệm vụ phối hợp (3)"),
    ]
    silent = org_view(site, "da-nang/uy-ban-kiem-tra-thanh-uy", limit=2)
    assert silent.documents == [] and silent.toc[0].href == "#sap-den-han"  # it issued nothing
    assert silent.totals == {"ids": 0, "lead": 0, "support": 0, "due_soon": 0, "passed": 0}
    assert view.calendar_href == f"../../../api/ics/{ORG}.ics" and view.build_date == "21/11/2026"


@pytest.mark.parametrize(
    "name, heading, noun, total",
    [
        ("van-ban", "Văn bản ban hành", "văn bản", 3),
        ("chu-tri", "Nhiệm vụ chủ trì", "nhiệm vụ chủ trì", 5),
        ("phoi-hop", "Nhiệm vụ phối hợp", "nhiệm vụ phối hợp", 3),
    ],
)
def test_a_long_list_has_pages_of_its_own(site, name, heading, noun, total):
    url = f"co-quan/{ORG}/{name}/"
    page = org_list_view(site, url, ORG, name, 1, 2, None)
    assert (page.heading, page.noun, page.total, page.org) == (heading, noun, total, "Ban Dân vận Thành ủy Đà Nẵng")
    assert page.org_href == "../"
    items = org_list_items(site, ORG, name)
    if name == "van-ban":
        assert page.rows is None and [d.href for d in page.documents] == [
            f"../../../../van-ban/{i}/" for i in items[1:3]
        ]
    else:
        # rows of several documents carry no id; each links to its row on its document's page
        wanted = [f"../../../../van-ban/{t.document_id}/#{t.anchor}" for t in items[1:3]]
        assert page.documents is None and [r.task_href for r in page.rows] == wanted
