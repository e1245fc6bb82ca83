"""generator/publish/page.py and the heading macro: one heading, written as HTML or as Markdown,
and the table of contents read back from the HTML."""

from __future__ import annotations

from generator.publish.page import Heading, Page, front_matter, toc_of
from generator.publish.render import environment

TEXT = "Ban \"Dân vận\" & 'x' <y> # [z]"


def _heading(markdown: bool) -> str:
    template = environment(markdown).from_string(
        '{% from "_page.html.j2" import heading %}{{ heading(2, "x", t, "c") }}'
    )
    return template.render(t=TEXT)


def test_a_heading_in_html_is_what_a_markdown_builder_makes_of_the_markdown_one():
    assert _heading(False) == (
        '<h2 class="c" id="x">Ban "Dân vận" &amp; \'x\' &lt;y&gt; # [z]'
        '<a class="headerlink" href="#x" title="Liên kết đến mục này">¶</a></h2>'
    )
    assert _heading(True) == "## Ban \"Dân vận\" &amp; 'x' &lt;y&gt; \\# \\[z\\] {: #x .c }"


def test_the_table_of_contents_is_read_from_the_headings():
    html = _heading(False) + '<h2 id="chu-thich">Chú thích</h2><h3 id="y">Y<a class="headerlink" href="#y">¶</a></h3>'
    assert toc_of(html) == [Heading(2, "x", "Ban \"Dân vận\" &amp; 'x' &lt;y&gt; # [z]"), Heading(3, "y", "Y")]


def test_front_matter_values_are_json():
    text = front_matter({"title": 'a: "b"\n---', "hide": ["toc"], "vb_search": True})
    assert text == '---\ntitle: "a: \\"b\\"\\n---"\nhide:\n  - "toc"\nvb_search: true\n---\n\n'


def test_a_fragment_has_no_front_matter():
    assert Page("_fragments/latest.md", {}, "<ul></ul>\n").markdown_file() == "<ul></ul>\n"
    assert Page("x.md", {"title": "X"}, "body").markdown_file() == '---\ntitle: "X"\n---\n\nbody'
