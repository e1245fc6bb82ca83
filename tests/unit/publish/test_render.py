"""Render helpers: headings escaped for Markdown and HTML, titles, the date filters."""

from __future__ import annotations

import datetime as dt

from generator.publish.render import md_heading, page_title, vn_date, vn_long_date
from generator.vn.dates import PartialDate


def test_heading_escaping_neutralises_markdown_and_html():
    assert str(md_heading("<b>1.</b> *x* [y](z) {: #id}")) == "&lt;b&gt;1.&lt;/b&gt; \\*x\\* \\[y\\](z) \\{: \\#id\\}"
    assert page_title("<script>") == "‹script›"


def test_date_filters_delegate_to_the_one_formatter():
    assert vn_long_date(dt.date(2021, 8, 5)) == "ngày 05 tháng 8 năm 2021"
    assert vn_long_date(PartialDate.parse("2010-02")) == "tháng 02 năm 2010"
    assert vn_date(dt.date(2021, 8, 5)) == "05/8/2021"
    assert vn_date(PartialDate.parse("2021-08")) == "tháng 8/2021"
    assert vn_date(None) == "không rõ"
