"""generator/publish/list_views.py: the lists of documents and the indexes (by kind, year,
place, organisation) and the catalog, on a small corpus in memory: newest first with undated
documents last, names in Vietnamese alphabetical order ("Đ" after "D", "Ủy" before "V"), an
unknown date shown as unknown, and every link relative to its page."""

from __future__ import annotations

import pytest

from generator.publish import list_views
from generator.publish.links import Linker
from generator.publish.list_views import DocItem, IndexItem
from tests.support.site import day, doc, make_site, unknown

D2021 = "da-nang/chi-thi-08-ct-tu-2021"
D2016 = "da-nang/quyet-dinh-2108-qd-tu-2016"
PROJECT = "da-nang/de-an-2016"
NO_DAY = "da-nang/thong-bao-khong-ngay"
NO_DAY_AFTER = "da-nang/ke-hoach-khong-ngay"
HANOI = "ha-noi/chi-thi-07-ct-tu-2021"
BACNINH = "bac-ninh/thong-bao-01-tb-tu-2020"

REFERENCES = """\
- {id: da-nang/cong-van-1720-cv-tu-2010, kind: cong-van, number: 1720-CV/TU, date: '2010-04-12', issuer: Ban Thường vụ Thành ủy}
- {id: da-nang/nghi-quyet-2005, kind: nghi-quyet, date: '2005', title: Nghị quyết về dân vận, issuer: Thành ủy}
- {id: ha-noi/ket-luan-01-kl-tu-2019, kind: ket-luan, number: 01-KL/TU, title: về cải cách, date: '2019-05', issuer: Thành ủy}
"""

DOCUMENTS = [
    doc(D2021, number="08-CT/TU", date=day("2021-08-05"), title="về dân vận",
        body="  - Thực hiện Công văn số 1720-CV/TU ngày 12/4/2010.\n"),
    doc(D2016, kind="quyet-dinh", number="2108-QĐ/TU", date=day("2016-09-05"), title="ban hành Đề án",
        extra=f"attachments: [{PROJECT}]\n"),
    doc(PROJECT, kind="de-an", date=day("2016-09"), title="Nâng cao chất lượng",
        body="  - Theo Công văn số 1720-CV/TU ngày 12/4/2010.\n"),
    doc(NO_DAY, kind="thong-bao", number="05-TB/TU", date=unknown(), title="về hội nghị"),
    doc(NO_DAY_AFTER, kind="ke-hoach", number="09-KH/TU", date=unknown("2021-09-01"), title="triển khai"),
    doc(HANOI, number="07-CT/TU", date=day("2021-06-01"), title="về Hà Nội", issuer="ha-noi/thanh-uy"),
    doc(BACNINH, kind="thong-bao", number="01-TB/TU", date=day("2020"), title="về Bắc Ninh",
        issuer="bac-ninh/tinh-uy"),
]  # fmt: skip


@pytest.fixture(scope="module")
def site():
    return make_site(DOCUMENTS, references=REFERENCES)


def test_a_list_holds_documents_newest_first_and_undated_ones_last(site):
    view = list_views.list_view(site, "van-ban/", "Tất cả văn bản", site.resolved.newest_first, 7, None)
    assert [item.label for item in view.items] == [
        "Chỉ thị 08-CT/TU",
        "Chỉ thị 07-CT/TU",
        "Thông báo 01-TB/TU",
        "Quyết định 2108-QĐ/TU",  # 05/9/2016
        "Đề án kèm theo Quyết định 2108-QĐ/TU",  # tháng 9/2016: placed at its first day
        "Kế hoạch 09-KH/TU",  # unknown date, issued after 01/9/2021
        "Thông báo 05-TB/TU",  # unknown date, nothing known
    ]
    assert (view.title, view.title_id, view.total, view.pager) == ("Tất cả văn bản", "tat-ca-van-ban", 7, None)
    assert view.years_href == "../nam/"


@pytest.mark.parametrize(
    "doc_id, expected",
    [
        (D2021, DocItem(f"../../van-ban/{D2021}/", "Chỉ thị 08-CT/TU", "về dân vận", "Ban Thường vụ Thành ủy Đà Nẵng",
                        "05/8/2021")),
        (PROJECT, DocItem(f"../../van-ban/{PROJECT}/", "Đề án kèm theo Quyết định 2108-QĐ/TU", "Nâng cao chất lượng",
                          "Ban Thường vụ Thành ủy Đà Nẵng", "tháng 9/2016")),
        (BACNINH, DocItem(f"../../van-ban/{BACNINH}/", "Thông báo 01-TB/TU", "về Bắc Ninh",
                          "Tỉnh ủy Bắc Ninh", "2020")),
        (NO_DAY_AFTER, DocItem(f"../../van-ban/{NO_DAY_AFTER}/", "Kế hoạch 09-KH/TU", "triển khai",
                               "Ban Thường vụ Thành ủy Đà Nẵng", None, "01/9/2021")),
        (NO_DAY, DocItem(f"../../van-ban/{NO_DAY}/", "Thông báo 05-TB/TU", "về hội nghị", "Ban Thường vụ Thành ủy Đà Nẵng",
                         None, None)),
    ],
)  # fmt: skip
def test_a_document_item_shows_its_date_as_far_as_known(site, doc_id, expected):
    [item] = list_views.doc_items([doc_id], site, Linker("nam/2021/"))
    assert item == expected


def test_the_home_page_links_from_the_site_root(site):
    view = list_views.latest_view(site, site.resolved.newest_first[:2])
    assert [item.href for item in view.items] == [f"van-ban/{D2021}/", f"van-ban/{HANOI}/"]
    assert view.total == 2 and view.years_href == "nam/"


def test_kinds_are_in_vietnamese_alphabetical_order_with_their_counts(site):
    view = list_views.kinds_view(site, "loai/")
    assert [(item.name, item.count) for item in view.items] == [
        ("Chỉ thị", 2),
        ("Đề án", 1),  # "Đ" after "D", not after "Z"
        ("Kế hoạch", 1),
        ("Quyết định", 1),
        ("Thông báo", 2),
    ]
    assert view.items[0].href == "chi-thi/"


def test_places_are_in_vietnamese_alphabetical_order_of_their_short_names(site):
    view = list_views.jurisdictions_view(site, "dia-ban/")
    assert view.items == [
        IndexItem("bac-ninh/", "Tỉnh Bắc Ninh", 1),
        IndexItem("da-nang/", "Thành phố Đà Nẵng", 5),
        IndexItem("ha-noi/", "Thành phố Hà Nội", 1),
    ]


def test_years_are_newest_first_and_unknown_years_last(site):
    view = list_views.years_view(site, "nam/")
    assert [(item.name, item.count) for item in view.items] == [
        ("Năm 2021", 2),
        ("Năm 2020", 1),
        ("Năm 2016", 2),
        ("Không rõ năm ban hành", 2),  # an earliest day does not give a year
    ]
    assert view.items[0].href == "2021/"


def test_organisations_are_grouped_by_place_in_vietnamese_order(site):
    groups = list_views.organizations_view(site, "co-quan/").groups
    assert [(anchor, heading) for anchor, heading, _ in groups] == [
        ("bac-ninh", "Tỉnh Bắc Ninh"),
        ("da-nang", "Thành phố Đà Nẵng"),
        ("ha-noi", "Thành phố Hà Nội"),
    ]
    da_nang = groups[1][2]
    assert [item.name for item in da_nang] == [
        "Ban Dân vận Thành ủy Đà Nẵng",
        "Ban Thường vụ Thành ủy Đà Nẵng",
        "Đảng ủy Khối các cơ quan thành phố",
        "Thành ủy Đà Nẵng",
        "Ủy ban Kiểm tra Thành ủy Đà Nẵng",
        "Văn phòng Thành ủy Đà Nẵng",
    ]
    counts = {item.name: item.count for item in da_nang}
    assert counts["Ban Thường vụ Thành ủy Đà Nẵng"] == 5 and counts["Thành ủy Đà Nẵng"] == 0
    assert da_nang[1].href == "da-nang/ban-thuong-vu-thanh-uy/"


def test_the_catalog_is_grouped_by_place_oldest_first_with_citing_counts(site):
    view = list_views.references_view(site, "tham-chieu/")
    assert view.total == 3
    assert [(anchor, place) for anchor, place, _ in view.groups] == [
        ("da-nang", "Thành phố Đà Nẵng"),
        ("ha-noi", "Thành phố Hà Nội"),
    ]
    da_nang = view.groups[0][2]
    assert [(e.label, e.date, e.title, e.citing) for e in da_nang] == [
        ("Nghị quyết về dân vận", "2005", None, 0),  # its title is its label: not repeated
        ("Công văn 1720-CV/TU", "12/4/2010", None, 2),
    ]
    [conclusion] = view.groups[1][2]
    assert (conclusion.label, conclusion.title, conclusion.href) == (
        "Kết luận 01-KL/TU",
        "về cải cách",
        "ha-noi/ket-luan-01-kl-tu-2019/",
    )


def test_a_catalogued_document_page_says_what_is_known_of_it(site):
    ref = "da-nang/cong-van-1720-cv-tu-2010"
    view = list_views.reference_view(site, f"tham-chieu/{ref}/", ref)
    assert (view.kind_name, view.number, view.title, view.url) == ("Công văn", "1720-CV/TU", None, None)
    assert (view.issuer, view.jurisdiction) == ("Ban Thường vụ Thành ủy", "Thành phố Đà Nẵng")
    assert (view.year, view.date_iso, view.date) == (2010, "2010-04-12", "12/4/2010")
    assert list_views.reference_title(site, ref) == "Công văn 1720-CV/TU"
    assert list_views.reference_title(site, "ha-noi/ket-luan-01-kl-tu-2019") == "Kết luận 01-KL/TU – về cải cách"
    assert list_views.reference_title(site, "da-nang/nghi-quyet-2005") == "Nghị quyết về dân vận"
