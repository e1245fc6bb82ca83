"""Small units: anchors, markup, dates, URLs, heading escaping."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.vn import anchors
from generator.publish import urls
from generator.corpus.markup import parse_text
from generator.corpus.builders import make_blocks
from generator.publish.render import md_heading, page_title, vn_date, vn_long_date
from generator.vn.dates import PartialDate


@pytest.mark.parametrize(
    "spec, expected",
    [
        ([{"type": "item", "number": "3"}], ["muc-3"]),
        (
            [
                {
                    "type": "part",
                    "number": "II",
                    "children": [
                        {
                            "type": "item",
                            "number": "1",
                            "children": [{"type": "point", "number": "a"}, {"type": "point", "number": "đ"}, "đoạn"],
                        }
                    ],
                }
            ],
            ["muc-ii", "muc-ii-1", "muc-ii-1-a", "muc-ii-1-dd", "muc-ii-1-d1"],
        ),
        ([{"type": "item", "number": "2", "children": [{"type": "item", "number": "2.1"}]}], ["muc-2", "muc-2-1"]),
        (
            [{"type": "article", "number": "1", "children": ["x", {"type": "dash", "text": "y"}]}],
            ["dieu-1", "dieu-1-d1", "dieu-1-d2"],
        ),
        (["a", "b", {"type": "item", "number": "1"}], ["d1", "d2", "muc-1"]),
    ],
)
def test_anchors(spec, expected):
    blocks = make_blocks(spec, "", 0)
    assert [b.anchor for top in blocks for b in top.walk()] == expected


def test_preamble_anchors_are_prefixed():
    assert [b.anchor for b in make_blocks(["x", "y"], anchors.PREAMBLE, 0)] == ["mo-dau-d1", "mo-dau-d2"]


def test_dash_marker_defaults_to_hyphen():
    assert make_blocks([{"type": "dash", "text": "x"}], "", 0)[0].marker == "-"


def test_markup_plain_text_and_html():
    text = parse_text("*Tuy nhiên*, “Dân vận khéo” <b>x</b>[^2]")
    assert text.plain == "Tuy nhiên, “Dân vận khéo” <b>x</b>"
    assert text.footnote_refs == ["2"]
    html = str(text.html())
    assert html.startswith("<em>Tuy nhiên</em>") and "&lt;b&gt;x&lt;/b&gt;" in html and 'href="#fn-2"' in html


def test_markup_links_at_plain_offsets():
    text = parse_text("theo *Chỉ thị* số 08-CT/TU ngày 05/8/2021")
    start = text.plain.index("08-CT/TU")
    html = str(text.html(link_at=lambda s, e: [(start, start + 8, "../x/", "t")] if s <= start < e else []))
    assert '<a class="vb-cite" href="../x/" title="t">08-CT/TU</a>' in html


def test_heading_escaping_neutralises_markdown_and_html():
    assert str(md_heading("<b>1.</b> *x* [y](z) {: #id}")) == "&lt;b&gt;1.&lt;/b&gt; \\*x\\* \\[y\\](z) \\{: \\#id\\}"
    assert page_title("<script>") == "‹script›"


def test_date_filters_delegate_to_the_one_formatter():
    assert vn_long_date(dt.date(2021, 8, 5)) == "ngày 05 tháng 8 năm 2021"
    assert vn_long_date(PartialDate.parse("2010-02")) == "tháng 02 năm 2010"
    assert vn_date(dt.date(2021, 8, 5)) == "05/8/2021"
    assert vn_date(PartialDate.parse("2021-08")) == "tháng 8/2021"
    assert vn_date(None) == "không rõ"


def test_relative_urls():
    assert urls.relative("van-ban/da-nang/x/", "co-quan/da-nang/y/") == "../../../co-quan/da-nang/y/"
    assert urls.relative("van-ban/da-nang/x/", "van-ban/da-nang/x/") == "./"
    assert urls.relative("", "van-ban/") == "van-ban/"
    assert urls.markdown_path("van-ban/") == "van-ban/index.md"
    assert urls.markdown_path("van-ban/da-nang/x/") == "van-ban/da-nang/x.md"
