"""generator/publish/search_page.py: what the index reads of a built page (the text from
data-pagefind-body on, its blocks by anchor, the meta, filters and sort keys, ignored parts)."""

from __future__ import annotations

from generator.publish.search_index import index_terms, parse_page


def test_page_reading_blocks_meta_filters():
    html = (
        "<html><body><header>Không lấy</header><article><div data-pagefind-body>"
        '<div class="vb-header"><p>THÀNH ỦY</p><p class="vb-star">*</p></div>'
        '<h1 id="van-ban"><span class="vb-kind">CHỈ THỊ</span><span data-pagefind-meta="title">về Đảng, đổi mới</span></h1>'
        '<dl><dt>Cơ quan</dt><dd data-pagefind-filter="cơ quan" data-pagefind-meta="cơ quan"><a href="x">Thành ủy Đà Nẵng</a></dd>'
        '<dd data-pagefind-filter="năm:2021" data-pagefind-sort="ngày:2021-08-05">05/8/2021</dd></dl>'
        '<div class="vb-notice" data-pagefind-ignore><p>Bản điện tử</p></div>'
        '<h2 id="muc-1">1. Mục <a class="headerlink" href="#muc-1">¶</a></h2><p>Quyết định số 2108-QĐ/TU &amp; hơn</p>'
        '<p id="muc-2"><a class="vb-marker" href="#muc-2">2.</a> Hòa Vang</p><script>var đ = 1;</script>'
        "</div></article><footer>x</footer></body></html>"
    )
    page = parse_page(html, "/van-ban/x/")
    assert page.meta == {"title": "về Đảng, đổi mới", "cơ quan": "Thành ủy Đà Nẵng"}
    assert page.filters == {"cơ quan": ["Thành ủy Đà Nẵng"], "năm": ["2021"]}
    assert page.sort == {"ngày": "2021-08-05"}
    ids = [b[0] for b in page.blocks]
    assert ids == ["", "van-ban", "muc-1", "muc-2"], page.blocks
    text = page.text
    assert "CHỈ THỊ về Đảng" in text  # neighbouring inline elements do not run together
    assert "Bản điện tử" not in text and "¶" not in text and "*" not in text and "Cơ quan" not in text
    assert "Không lấy" not in text and "var" not in text
    assert dict(page.blocks)["muc-1"] == "1. Mục\nQuyết định số 2108-QĐ/TU & hơn"  # \n: h2 ended, p began
    counts, _ = index_terms(text)
    assert counts["thanh uy"] == 2 and "uy chi" not in counts  # two paragraphs: no pair across
    assert counts["thi ve"] == 1  # neighbouring spans (kind line, trích yếu) read on
    assert "muc quyet" not in counts and counts["2108 qd"] == 1 and counts["qd tu"] == 1
    assert parse_page("<html><body><p>no</p></body></html>", "/") is None
