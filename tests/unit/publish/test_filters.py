"""generator/publish/filters.py: each value escaped for the syntax of the context it is printed
in, and dates by the one Vietnamese formatter."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from markupsafe import Markup

from generator.corpus.markup import parse_text
from generator.publish import filters
from generator.publish.filters import (
    heading_text,
    md_heading,
    one_line,
    page_title,
    safe_url,
    script_json,
    vn_date,
    vn_long_date,
)
from generator.vn.dates import PartialDate

# --- headings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, html",
    [
        ("Về tăng cường sự lãnh đạo của Đảng", "Về tăng cường sự lãnh đạo của Đảng"),
        ("Ban “Dân vận” & Mặt trận", "Ban “Dân vận” &amp; Mặt trận"),
        ("Chỉ thị 'số 08' \"CT/TU\"", "Chỉ thị 'số 08' \"CT/TU\""),  # quotes stay quotes: no &#39; in the TOC
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Phần I\nNHIỆM VỤ\r\n  TRỌNG TÂM", "Phần I NHIỆM VỤ TRỌNG TÂM"),
        ("&lt; đã mã hóa", "&amp;lt; đã mã hóa"),
        (parse_text("Về **tăng cường** công tác[^1]"), "Về tăng cường công tác"),
        (2021, "2021"),
    ],
)
def test_heading_text_escapes_html_text_on_one_line(value, html):
    found = heading_text(value)
    assert isinstance(found, Markup) and str(found) == html


@pytest.mark.parametrize(
    "value, markdown",
    [
        ("Về công tác dân vận", "Về công tác dân vận"),
        ("1. Mục *I* và _II_", "1. Mục \\*I\\* và \\_II\\_"),
        ("[Xem](javascript:alert(1))", "\\[Xem\\](javascript:alert(1))"),
        ("Điều 1 {: #dieu-2 }", "Điều 1 \\{: \\#dieu-2 \\}"),
        ("a|b `mã` !ảnh \\", "a\\|b \\`mã\\` \\!ảnh \\\\"),
        ("<b>1.</b> Ban & Sở", "&lt;b&gt;1.&lt;/b&gt; Ban &amp; Sở"),
        ("Phần II\n# NHIỆM VỤ", "Phần II \\# NHIỆM VỤ"),  # no second heading line
    ],
)
def test_md_heading_neutralises_markdown_and_html(value, markdown):
    found = md_heading(value)
    assert isinstance(found, Markup) and str(found) == markdown and "\n" not in found


# --- one line --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, printed",
    [
        ("Sở Tư pháp", "Sở Tư pháp"),
        ("dòng một\ndòng hai", "dòng một dòng hai"),
        ("a\r\n\r\n[x](javascript:alert(1))", "a [x](javascript:alert(1))"),  # no blank line ends an HTML block
        ("a\rb", "a b"),
        ("a\u2028b\u2029c", "a b c"),
        ("a\x85b", "a b"),
    ],
)
def test_one_line_never_lets_a_text_value_span_lines(value, printed):
    assert one_line(value) == printed


@pytest.mark.parametrize("value", [None, 5, Markup("<p>a</p>\n<p>b</p>"), ["a\nb"]])
def test_one_line_leaves_what_is_not_plain_text(value):
    assert one_line(value) is value


# --- URLs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://vanban.danang.gov.vn/chi-thi-08?nam=2021#muc-1",
        "http://www.hanoi.gov.vn/",
        "HTTPS://CHINHPHU.VN/",
        "https://vi.wikipedia.org/wiki/Đà_Nẵng",
        "https://x.vn/a%20b",
        "../van-ban/da-nang/chi-thi-08-ct-tu-2021/",
        "/van-ban/da-nang/",
        "nguon/da-nang-chi-thi-08-ct-tu-2021.txt",
        "#muc-ii-1-a",
        "?q=chi-thi",
        "",
    ],
)
def test_safe_url_keeps_http_and_relative_urls(url):
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "mailto:vanphong@danang.gov.vn",
        "https:evil.example",
        "//evil.example/x",
        "/\\evil.example/x",
        'https://x.vn/" onmouseover="alert(1)',
        "https://x.vn/'><script>",
        "https://x.vn/a b",
        "https://x.vn/\njavascript:alert(1)",
        "https://x.vn/\u2028",
        "https://x.vn/`",
    ],
)
def test_safe_url_refuses_scripts_other_schemes_and_quotes(url):
    assert safe_url(url) == "#"


def test_safe_url_output_is_still_escaped_by_the_template():
    assert safe_url(None) == ""
    kept = safe_url("javascript&#58;alert(1)")  # no colon: a relative URL, and & is escaped in the href
    assert kept == "javascript&#58;alert(1)" and not isinstance(kept, Markup)


# --- JSON in <script> ------------------------------------------------------------------------

HOSTILE = {
    "name": "Chỉ thị </script><script>alert(1)</script>",
    "note": "<!-- chú thích -->",
    "and": "Ban Dân vận & Mặt trận",
    "lines": "a\u2028b\u2029c",
    "quote": 'Về "dân vận" \\ ',
}


def test_script_json_cannot_close_its_script_element():
    text = str(script_json(HOSTILE))
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in text
    assert "\\u003c/script\\u003e" in text and "\\u003c!--" in text
    assert json.loads(text) == HOSTILE  # the same data, for any JSON reader


def test_script_json_keeps_vietnamese_letters_and_sorts_keys():
    text = script_json({"name": "Thành ủy Đà Nẵng", "@type": "Organization"})
    assert isinstance(text, Markup)
    assert str(text) == '{"@type":"Organization","name":"Thành ủy Đà Nẵng"}'  # compact: no spaces


# --- page titles -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, title",
    [
        ("Chỉ thị 08-CT/TU – Về tăng cường", "Chỉ thị 08-CT/TU – Về tăng cường"),
        ("<script>alert(1)</script>", "‹script›alert(1)‹/script›"),
        ('Ban "Dân vận" & Sở', 'Ban "Dân vận" & Sở'),  # the theme escapes these itself
        ("Kế hoạch\ntriển khai\t Chỉ thị", "Kế hoạch triển khai Chỉ thị"),
        (parse_text("Về **công tác** dân vận[^1]"), "Về công tác dân vận"),
    ],
)
def test_page_title_is_plain_one_line_text_without_angle_brackets(value, title):
    assert page_title(value) == title


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, numeric, long",
    [
        (dt.date(2021, 8, 5), "05/8/2021", "ngày 05 tháng 8 năm 2021"),
        (dt.date(2016, 2, 19), "19/02/2016", "ngày 19 tháng 02 năm 2016"),  # months 1 and 2 take a zero
        (dt.date(2010, 12, 1), "01/12/2010", "ngày 01 tháng 12 năm 2010"),
        (PartialDate.parse("2021-08-05"), "05/8/2021", "ngày 05 tháng 8 năm 2021"),
        (PartialDate.parse("2021-08"), "tháng 8/2021", "tháng 8 năm 2021"),
        (PartialDate.parse("2010-01"), "tháng 01/2010", "tháng 01 năm 2010"),
        (PartialDate.parse("2021"), "2021", "năm 2021"),
    ],
)
def test_dates_are_printed_as_far_as_they_are_known(value, numeric, long):
    assert vn_date(value) == numeric
    assert vn_long_date(value) == long


def test_an_unknown_date_is_said_to_be_unknown():
    assert vn_date(None) == "không rõ"


def test_the_templates_get_every_filter_by_its_name():
    assert filters.FILTERS == {
        "heading_text": heading_text,
        "mdh": md_heading,
        "page_title": page_title,
        "safe_url": safe_url,
        "script_json": script_json,
        "vn_date": vn_date,
        "vn_long_date": vn_long_date,
    }


def test_an_unknown_date_reads_as_unknown_in_both_forms():
    assert filters.vn_long_date(None) == filters.vn_date(None) == "không rõ"
