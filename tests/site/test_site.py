"""The built site: every source published in full and in order, safe output, stable pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.sources import SOURCES
from tests.support.fidelity import coverage, source_words, words
from tests.support.html_text import main_text


def page_html(site: Path, doc_id: str) -> str:
    return (site / "van-ban" / doc_id / "index.html").read_text(encoding="utf-8")


def test_every_source_is_mapped():
    assert set(SOURCES) == {p.name for p in (ROOT / "data" / "sources").glob("*.txt")}


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_source_words_appear_in_order(built_site, source):
    src = source_words((ROOT / "data" / "sources" / source).read_text(encoding="utf-8"))
    published = []
    for doc_id in SOURCES[source]:
        published += words(main_text(page_html(built_site, doc_id)))
    ratio, missing = coverage(src, published)
    print(f"{source}: {ratio:.4f} of {len(src)} words; missing: {' '.join(missing[:40])}")
    assert ratio >= 0.995, f"{ratio:.4f}; first missing: {' '.join(missing[:60])}"


def test_fidelity_check_can_fail():
    src = words("một hai ba bốn năm sáu bảy tám chín mười")
    assert coverage(src, words("một hai ba"))[0] < 0.5
    assert coverage(src, list(reversed(src)))[0] < 0.2


def test_document_header_and_anchors(built_site):
    html = page_html(built_site, "ha-noi/chi-thi-07-ct-tu-2021")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in html
    assert "THÀNH ỦY HÀ NỘI" in html
    assert "Hà Nội, ngày 01 tháng 10 năm 2021" in html
    assert 'id="muc-3"' in html and 'href="#muc-3"' in html
    state = page_html(built_site, "ha-tinh/chi-thi-ubnd-tinh-dan-van-chinh-quyen")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in state and "Độc lập - Tự do - Hạnh phúc" in state
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in main_text(state)


def test_unknown_facts_say_so(built_site):
    text = main_text(page_html(built_site, "da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu"))
    assert "Số: không rõ" in " ".join(text.split())
    assert "ngày ban hành: không rõ" in " ".join(text.split())


def test_cited_number_shows_its_provenance(built_site):
    text = " ".join(main_text(page_html(built_site, "da-nang/chi-thi-08-ct-tu-2021")).split())
    assert "08-CT/TU (văn bản không in số; số theo Kế hoạch" in text


def test_attachment_linked_both_ways(built_site):
    decision = page_html(built_site, "da-nang/quyet-dinh-2108-qd-tu-2016")
    project = page_html(built_site, "da-nang/de-an-kem-quyet-dinh-2108-qd-tu-2016")
    assert 'href="../de-an-kem-quyet-dinh-2108-qd-tu-2016/"' in decision
    assert 'href="../quyet-dinh-2108-qd-tu-2016/"' in project


def test_period_status_uses_the_build_date(built_site):
    text = main_text(page_html(built_site, "da-nang/chi-thi-08-ct-tu-2021"))
    assert "Giai đoạn thực hiện đã kết thúc" in text and "21/11/2026" in text


def test_no_outside_hosts_referenced(built_site):
    """No page loads anything from another host (links to GitHub for editing are fine)."""
    import re

    loads = re.compile(r"<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)=\"(https?:)?//", re.I)
    offenders = [
        (p.name, m.group(0))
        for p in built_site.rglob("*.html")
        for m in loads.finditer(p.read_text(encoding="utf-8"))
        if 'rel="canonical"' not in m.group(0)  # canonical names the page, it loads nothing
    ]
    assert offenders == []


def test_navigation_does_not_list_every_document(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary.*?</nav>', html, re.S).group(0)
    assert "van-ban/da-nang/chi-thi-08-ct-tu-2021" not in nav


def test_schema_and_sources_published(built_site):
    assert (built_site / "schema" / "document.schema.json").is_file()
    assert (built_site / "nguon" / "da-nang-chi-thi-08-ct-tu-2021.txt").is_file()


_ID = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]*)"')


def repeated_ids(html: str) -> list[str]:
    seen: dict[str, int] = {}
    for found in _ID.findall(html):
        seen[found] = seen.get(found, 0) + 1
    return sorted(i for i, n in seen.items() if n > 1)


def test_no_page_repeats_an_id(built_site):
    # A repeated id is invalid HTML and makes a deep link land on the wrong row.
    assert repeated_ids('<tr id="nhiem-vu-nv-1"></tr><tr id="nhiem-vu-nv-1"></tr>') == ["nhiem-vu-nv-1"]
    found = {}
    for page in sorted(built_site.rglob("*.html")):
        repeated = repeated_ids(page.read_text(encoding="utf-8"))
        if repeated:
            found[page.relative_to(built_site).as_posix()] = repeated[:5]
    assert found == {}
