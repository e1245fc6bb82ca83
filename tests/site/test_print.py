"""A document prints like the paper: the document only, on A4, then its address, the
provenance notice and how each number or date not printed was obtained; a serif with every
Vietnamese letter; no underlined links; the quốc hiệu on one line. Read back from the PDF
Chromium prints (pypdf)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

DIRECTIVE = "/van-ban/da-nang/chi-thi-08-ct-tu-2021/"
STATE = "/van-ban/ha-tinh/chi-thi-ubnd-tinh-dan-van-chinh-quyen/"
PLAN = "/van-ban/da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu/"
NOTICE = "Bản điện tử chỉ có giá trị tham khảo"


def _printed(page, path: str) -> PdfReader:
    page.goto(page.base + path)
    page.wait_for_load_state("networkidle")
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_the_directive_prints_on_at_most_six_a4_pages_ending_with_its_address(page):
    reader = _printed(page, DIRECTIVE)
    assert 1 < len(reader.pages) <= 6, len(reader.pages)
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = _text(reader)
    assert "CHỈ THỊ" in text and "Lương Nguyễn Minh Triết" in text  # the document, to its signer
    last = " ".join(reader.pages[-1].extract_text().split())
    ending = last[last.index("Lương Nguyễn Minh Triết") :]
    assert "van-ban/da-nang/chi-thi-08-ct-tu-2021/" in ending and NOTICE in ending
    assert "Số 08-CT/TU: văn bản không in số; số lấy theo Kế hoạch" in ending  # where the number came from
    for web in ("Nhiệm vụ được giao", "Được dẫn chiếu bởi", "Mục lục", "Báo lỗi", "Thông tin văn bản"):
        assert web not in text, web  # the web page's own sections stay off paper


def test_unprinted_facts_say_how_they_were_obtained_on_paper(page):
    text = _text(_printed(page, PLAN))
    assert "Ngày ban hành: văn bản không ghi. Văn bản được ban hành sau ngày 30/8/2021." in text
    assert "Số, ký hiệu: văn bản không ghi; trang không tự đặt số." in text
    assert text.rstrip().endswith("tháng 9/2021.")  # the last note (the date's) ends the paper copy


def test_the_printed_font_has_every_vietnamese_letter(page):
    reader = _printed(page, DIRECTIVE)
    fonts = set()
    for p in reader.pages:
        for font in (p["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    body = {re.sub(r"^/?[A-Z]{6}\+", "", f) for f in fonts}
    assert any(f.startswith(("NotoSerif", "DejaVuSerif")) for f in body), body
    assert not any(f.startswith("LiberationSerif") for f in body), body
    page.emulate_media(media="print")
    printed = page.locator(".md-typeset").first.evaluate("el => getComputedStyle(el).fontFamily")
    assert printed.split(",")[0].strip('" ') in ("Noto Serif", "DejaVu Serif")


def test_no_underlined_links_and_one_line_national_motto_on_paper(page):
    page.goto(page.base + STATE)
    page.emulate_media(media="print")
    underlined = page.evaluate(
        "() => [...document.querySelectorAll('article a')].filter(a => a.offsetParent !== null"
        " && getComputedStyle(a).textDecorationLine.includes('underline')).map(a => a.textContent)"
    )
    assert underlined == []
    national = page.locator(".vb-national strong")
    assert national.inner_text() == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    lines = national.evaluate("el => new Set([...el.getClientRects()].map(r => Math.round(r.top))).size")
    assert lines == 1
    assert not page.locator(".vb-staff").is_visible() and not page.locator(".vb-toc").is_visible()
    assert page.locator(".vb-print-footer").is_visible()
    page.emulate_media(media="screen")
    assert not page.locator(".vb-print-footer").is_visible()  # on screen the page says it elsewhere


def test_the_national_motto_stays_on_one_line_on_a_phone(browser, site_server):
    context = browser.new_context(viewport={"width": 320, "height": 700}, is_mobile=True)
    page = context.new_page()
    page.goto(site_server + STATE)
    lines = page.locator(".vb-national strong").evaluate(
        "el => new Set([...el.getClientRects()].map(r => Math.round(r.top))).size"
    )
    assert lines == 1
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    context.close()
