"""Real headless Chromium against the built site."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DOC = "/van-ban/ha-noi/chi-thi-07-ct-tu-2021/"


def test_document_page_header_numbering_and_deep_link(page):
    page.goto(page.base + DOC + "#muc-3")
    header = page.locator(".vb-header").inner_text()
    assert "THÀNH ỦY HÀ NỘI" in header
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header
    assert "Số 07- CT/TU" in header or "Số 07-CT/TU" in header
    assert "Hà Nội, ngày 01 tháng 10 năm 2021" in header
    title = page.locator("h1.vb-title").inner_text()
    assert "CHỈ THỊ" in title and "công tác dân vận của các cơ quan nhà nước" in title
    markers = page.locator(".vb-item > .vb-marker").all_inner_texts()
    assert markers[:3] == ["1.", "2.", "3."], markers
    # The deep link lands on item 3: it is the :target and inside the viewport.
    target = page.locator("#muc-3")
    assert target.evaluate("el => el.matches(':target')")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    assert target.inner_text().startswith("3.")
    assert page.outside_requests == []


def test_marker_is_a_link_to_its_own_anchor(page):
    page.goto(page.base + DOC)
    page.locator("#muc-2 > .vb-marker").click()
    assert page.url.endswith("#muc-2")


def test_readable_on_a_360px_phone(browser, site_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    pg = context.new_page()
    pg.goto(site_server + "/van-ban/da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu/")
    overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the phone"
    context.close()


def test_print_layout_hides_site_chrome(page):
    page.goto(page.base + DOC)
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".vb-meta").is_visible()
    assert page.locator(".vb-header").is_visible()
    font = page.locator(".md-typeset").first.evaluate("el => getComputedStyle(el).fontFamily")
    assert "Times New Roman" in font
