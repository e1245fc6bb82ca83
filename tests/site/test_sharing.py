"""Sharing and machine-readable facts of every document page (Open Graph, Twitter card,
schema.org Legislation JSON-LD), the Vietnamese 404 page, one spelling per date on a page,
the honest words on a fixed build date, and the tasks page's address-kept filters."""

from __future__ import annotations

import datetime as dt
import functools
import html
import http.server
import json
import re
import socketserver
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.axe import serious_violations
from tests.support.html_text import main_text

SITE_URL = "https://example.github.io/open-directives/"
DOCUMENTS = sorted(p.stem for p in (Path(__file__).parents[2] / "data" / "documents").rglob("*.yaml"))


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _metas(page: str) -> dict[str, str]:
    found = {}
    for tag in re.findall(r"<meta\b[^>]*>", page):
        key = re.search(r'(?:name|property)="([^"]+)"', tag)
        value = re.search(r'content="([^"]*)"', tag)
        if key and value:
            found[html.unescape(key.group(1))] = html.unescape(value.group(1))
    return found


def _legislation(page: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def _document_paths(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() for p in (site / "van-ban").glob("*/*/index.html"))


def test_every_document_page_has_sharing_tags_and_legislation(built_site):
    paths = _document_paths(built_site)
    assert len(paths) == len(DOCUMENTS) == 6
    for path in paths:
        page = _page(built_site, path)
        metas = _metas(page)
        label = metas["og:title"].split(" – ", 1)[0]  # "Chỉ thị 08-CT/TU"
        assert metas["og:site_name"] == "Văn bản chỉ đạo công khai" and metas["og:locale"] == "vi_VN"
        assert metas["og:type"] == "article" and metas["og:url"] == SITE_URL + path + "/"
        # X/Twitter falls back to og:title and og:description: only its card type is written.
        assert metas["twitter:card"] == "summary" and "twitter:title" not in metas
        assert metas["description"] == metas["og:description"] and "twitter:description" not in metas
        assert metas["description"].startswith(label + " "), (label, metas["description"])
        data = _legislation(page)
        assert data["@context"] == "https://schema.org" and data["@type"] == "Legislation"
        for field in (
            "legislationType",
            "legislationPassedBy",
            "legislationJurisdiction",
            "legislationLegalValue",
            "inLanguage",
            "name",
            "url",
        ):
            assert data[field], (path, field)
        assert data["inLanguage"] == "vi" and data["url"] == SITE_URL + path + "/"
        assert data["legislationLegalValue"] == "https://schema.org/UnofficialLegalValue"
        assert metas["og:title"].startswith(data["legislationType"])


def test_the_directives_legislation_in_detail(built_site):
    data = _legislation(_page(built_site, "van-ban/da-nang/chi-thi-08-ct-tu-2021"))
    assert data["legislationIdentifier"] == "08-CT/TU" and data["legislationType"] == "Chỉ thị"
    assert data["legislationDate"] == "2021-08-05"
    assert data["legislationPassedBy"] == {"@type": "Organization", "name": "Ban Thường vụ Thành ủy Đà Nẵng"}
    assert data["legislationJurisdiction"] == {"@type": "AdministrativeArea", "name": "Thành phố Đà Nẵng"}
    plan = _legislation(_page(built_site, "van-ban/da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu"))
    assert "legislationIdentifier" not in plan and "legislationDate" not in plan  # unknown stays unknown
    applies = plan["legislationApplies"]  # the plan implements the directive (ELI "implements")
    assert {"@type": "Legislation", "legislationIdentifier": "08-CT/TU", "name": "Chỉ thị 08-CT/TU"}.items() <= (
        applies[0].items()
    )
    decision = _legislation(_page(built_site, "van-ban/da-nang/quyet-dinh-2108-qd-tu-2016"))
    assert decision["legislationLegalForce"] == "https://schema.org/InForce"  # "có hiệu lực kể từ ngày ký"
    project = _legislation(_page(built_site, "van-ban/da-nang/de-an-kem-quyet-dinh-2108-qd-tu-2016"))
    assert project["isPartOf"]["legislationIdentifier"] == "2108-QĐ/TU"


def test_other_pages_have_sharing_tags_too(built_site):
    metas = _metas((built_site / "index.html").read_text(encoding="utf-8"))
    assert metas["og:type"] == "website" and metas["og:locale"] == "vi_VN" and metas["og:title"]
    assert "application/ld+json" not in (built_site / "nhiem-vu" / "index.html").read_text(encoding="utf-8")


# --- the 404 page -----------------------------------------------------------------------


def test_the_404_page_is_vietnamese_with_ways_on(built_site):
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert "<title>Không tìm thấy trang - Văn bản chỉ đạo công khai</title>" in page
    assert "Not found" not in page and "404 -" not in page
    text = main_text(page)
    assert "Không tìm thấy trang" in text and "Tìm văn bản" in text
    form = re.search(r'<form class="vb-404-search" action="([^"]+)" method="get"', page)
    assert form and form.group(1) == "/open-directives/tim-kiem/"
    assert re.search(r'<input type="search" id="vb-404-q" name="q"', page)
    links = re.findall(r'<li><a href="/open-directives/([^"]*)"', page.split('id="di-tiep"', 1)[1])
    assert {"van-ban/", "loai/", "nam/", "co-quan/", "nhiem-vu/"} <= set(links)
    for link in links:  # every way on exists
        assert (built_site / link / "index.html").is_file(), link


@pytest.fixture
def published(built_site):
    """The site served under its path on GitHub Pages (/open-directives/), 404.html for a miss."""
    root = built_site

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def translate_path(self, path: str) -> str:
            path = urlsplit(path).path
            if path.startswith("/open-directives/"):
                path = path[len("/open-directives") :]
            return str(root) + path

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (root / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(Handler)) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}/open-directives"
        server.shutdown()


@pytest.mark.browser
def test_a_missing_address_shows_the_404_and_its_search_works(browser, published):
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, locale="vi-VN")
    page = context.new_page()
    response = page.goto(published + "/van-ban/da-nang/khong-co-van-ban-nay/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"  # styled
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert serious_violations(page) == []
    page.fill("#vb-404-q", "dân vận khéo")
    page.locator(".vb-404-search button").click()
    page.wait_for_url("**/tim-kiem/?q=*")
    assert parse_qs(urlsplit(page.url).query)["q"] == ["dân vận khéo"]
    page.wait_for_selector("#search-results a")  # the search page ran the query
    assert page.input_value("#vb-search-page-input") == "dân vận khéo"
    assert page.inner_text("#vb-search-page-status").startswith("Tìm thấy")
    context.close()


# --- one date spelling per page ---------------------------------------------------------

_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_LONG = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")


def _spellings(text: str) -> dict[tuple[str, dt.date], set[str]]:
    found: dict[tuple[str, dt.date], set[str]] = {}
    for form, pattern in (("numeric", _NUMERIC), ("long", _LONG)):
        for m in pattern.finditer(text):
            day, month, year = int(m[1]), int(m[2]), int(m[3])
            try:
                found.setdefault((form, dt.date(year, month, day)), set()).add(m[0])
            except ValueError:
                continue
    return found


def test_a_date_is_spelt_one_way_throughout_a_page(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    mixed = []
    for path in pages:
        text = html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
        mixed += [(path.name, d, forms) for (_, d), forms in _spellings(text).items() if len(forms) > 1]
    assert mixed == []
    assert len(_spellings("05/8/2021 và 05/08/2021")[("numeric", dt.date(2021, 8, 5))]) == 2  # the check sees it


# --- honest words on the build date of the tests (2026-11-21) ---------------------------


def test_the_plan_says_the_period_ended_without_a_report(built_site):
    text = " ".join(
        main_text(_page(built_site, "van-ban/da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu")).split()
    )
    assert text.count("Giai đoạn 2021–2025 đã kết thúc; chưa có báo cáo") >= 21
    assert "quá hạn" not in text.replace("“quá hạn” khi có báo cáo", "").lower()
    assert "chưa phân tích" not in text and "Không có" not in text


def test_the_directives_yearly_duty_takes_its_period(built_site):
    page = _page(built_site, "van-ban/da-nang/chi-thi-08-ct-tu-2021")
    rows = re.findall(r'<tr id="nhiem-vu-nv-8-d1".*?</tr>', page, re.S)
    assert rows and "Giai đoạn 2021–2025 đã kết thúc; chưa có báo cáo" in rows[0]
    unparsed = re.findall(r'<tr id="nhiem-vu-nv-2-d2-2".*?</tr>', page, re.S)[0]
    assert "trước kỳ họp thường kỳ" in unparsed and "chưa phân tích" not in unparsed
    assert "Thời hạn không ghi ngày cụ thể" in unparsed


def test_no_page_shows_a_parser_note_or_says_khong_co_for_missing_data(built_site):
    for path in built_site.rglob("*.html"):
        if path.parent.name in ("dong-gop", "huong-dan-bien-tap"):
            continue  # the staff's guides explain the checks
        text = main_text(path.read_text(encoding="utf-8"))
        assert "chưa phân tích được" not in text, path
        assert not re.search(r"\bKhông có\b(?! hạn)", text), (path, re.search(r".{40}\bKhông có\b.{40}", text))
    reference = main_text(_page(built_site, "tham-chieu/trung-uong/nghi-quyet-25-nq-tw-2013"))
    assert "Chưa có dữ liệu" in reference


def test_an_attachment_names_its_issuing_document_instead_of_an_unknown_number(built_site):
    project = " ".join(main_text(_page(built_site, "van-ban/da-nang/de-an-kem-quyet-dinh-2108-qd-tu-2016")).split())
    assert "Kèm theo Quyết định 2108-QĐ/TU" in project
    assert "Không mang số riêng; ban hành kèm theo Quyết định 2108-QĐ/TU" in project
    assert "không rõ số" not in project.lower() and "Số: không rõ" not in project
    listing = main_text(_page(built_site, "van-ban"))
    assert "Đề án kèm theo Quyết định 2108-QĐ/TU" in listing and "Đề án (không rõ số)" not in listing


def test_a_decision_that_takes_effect_on_signing_says_so(built_site):
    text = " ".join(main_text(_page(built_site, "van-ban/da-nang/quyet-dinh-2108-qd-tu-2016")).split())
    assert (
        "Tình trạng Có hiệu lực từ ngày 05/9/2016 (theo văn bản: “Quyết định này có hiệu lực kể từ ngày ký.”)" in text
    )


def test_undated_documents_come_last_with_what_is_known(built_site):
    listing = _page(built_site, "van-ban")
    order = re.findall(r'<li><a href="\.\./van-ban/([^"]+)/"|<li><a href="([^"]+)/"', listing)
    ids = [a or b for a, b in order]
    assert len(ids) == 6, ids
    undated = [
        "ha-tinh/chi-thi-ubnd-tinh-dan-van-chinh-quyen",
        "da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu",
    ]
    assert [i for i in ids if i.endswith(tuple(undated))] == [i for i in ids[-2:]], ids
    text = " ".join(main_text(listing).split())
    assert "ngày không rõ (sau 30/11/2021)" in text and "ngày không rõ (sau 30/8/2021)" in text


# --- the tasks page: organisations once, in Vietnamese order; filters kept in the address --


def test_the_organisation_filter_lists_each_once_in_vietnamese_order(built_site):
    from generator.vn.collation import sorted_vi

    page = _page(built_site, "nhiem-vu")
    select = re.search(r'data-filter="org"[^>]*>(.*?)</select>', page, re.S).group(1)
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)
    assert [g for g, _ in groups] == ["Thành phố Đà Nẵng", "Thành phố Hà Nội", "Tỉnh Hà Tĩnh"]
    for _, options in groups:
        names = [html.unescape(n) for n in re.findall(r"<option [^>]*>([^<]*)</option>", options)]
        assert len(names) == len(set(names)) and names == sorted_vi(names), names
    values = re.findall(r'<option value="([^"]+)">', select)
    assert len(values) == len(set(values))


@pytest.mark.browser
def test_filters_and_order_are_kept_in_the_address(page):
    page.goto(page.base + "/nhiem-vu/")
    page.select_option("select[data-filter='status']", "period-ended")
    page.select_option("select[data-sort]", "han")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"trang-thai": ["period-ended"], "sap-xep": ["han"]}
    shown = page.locator("#vb-all-tasks tbody tr:not([hidden]):not(.vb-task-doc)").count()
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)  # someone opening the shared address sees the same list
    assert page.locator("select[data-filter='status']").input_value() == "period-ended"
    assert page.locator("select[data-sort]").input_value() == "han"
    assert page.locator("#vb-all-tasks tbody tr:not([hidden]):not(.vb-task-doc)").count() == shown > 20
    page.select_option("select[data-filter='status']", "")
    page.select_option("select[data-sort]", "")
    assert urlsplit(page.url).query == ""


@pytest.mark.browser
def test_a_hostile_address_changes_nothing(page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    evil = (
        "/nhiem-vu/?co-quan=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E"
        "&trang-thai=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D2%3E"
        "&sap-xep=constructor&nam=__proto__&van-ban=javascript:alert(1)"
    )
    page.goto(page.base + evil)
    page.wait_for_load_state("networkidle")
    for select in page.locator("#vb-task-filters select").all():
        assert select.input_value() == "", select.get_attribute("data-param")
    total = page.locator("#vb-all-tasks tbody tr:not(.vb-task-doc)").count()
    assert page.locator("#vb-all-tasks tbody tr:not([hidden]):not(.vb-task-doc)").count() == total
    assert page.evaluate("window.__pwned === undefined") and dialogs == []
    assert page.locator("#vb-task-filters img, #vb-task-filters script").count() == 0
    assert page.outside_requests == []
