"""Compacting a finished page: indentation after line breaks goes, line breaks and the raw
elements stay, and the text a reader sees is unchanged."""

from __future__ import annotations

import re

import pytest

from generator.build.compact import compact_html


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<div>\n    <p>Chỉ thị</p>\n  </div>\n", "<div>\n<p>Chỉ thị</p>\n</div>\n"),
        ("<p>a  b</p>", "<p>a  b</p>"),  # spaces inside a line are the author's
        ("<p>a   \n\n   b</p>", "<p>a\nb</p>"),  # trailing spaces and blank lines before a break
        ("<pre>\n  x\n    y\n</pre>", "<pre>\n  x\n    y\n</pre>"),
        ("<textarea>\n  a\n</textarea>", "<textarea>\n  a\n</textarea>"),
        (
            '<script type="application/ld+json">\n  {"a": 1}\n</script>',
            '<script type="application/ld+json">\n  {"a": 1}\n</script>',
        ),
        ("<STYLE>\n  p { }\n</STYLE>\n  <p>x</p>", "<STYLE>\n  p { }\n</STYLE>\n<p>x</p>"),
        (
            "<script>\n  a\n</script>\n  <pre>\n  b\n</pre>\n  <p>\n  c</p>",
            "<script>\n  a\n</script>\n<pre>\n  b\n</pre>\n<p>\nc</p>",
        ),
        ("", ""),
    ],
)
def test_compact_html(html, expected):
    assert compact_html(html) == expected


def test_what_a_reader_sees_is_unchanged(tmp_path):
    page = (
        "<!doctype html>\n<html lang=vi>\n  <body>\n    <article>\n      <h1>CHỈ THỊ</h1>\n"
        "      <p>Về tăng cường\n        sự lãnh đạo của Đảng</p>\n    </article>\n  </body>\n</html>\n"
    )
    seen = lambda html: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()  # noqa: E731
    assert seen(compact_html(page)) == seen(page)
    assert len(compact_html(page)) < len(page)
    assert compact_html(compact_html(page)) == compact_html(page)  # once is enough
