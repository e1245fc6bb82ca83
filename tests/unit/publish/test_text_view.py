"""generator/publish/text_view.py and the `text` macro: a text field's runs, and their markup."""

from __future__ import annotations

from generator.corpus.markup import parse_text
from generator.publish.render import environment
import pytest

from generator.publish.text_view import Link, Run, citation_title, text_view


def _html(view) -> str:
    macro = environment(False).from_string('{% from "_text.html.j2" import text %}{{ text(t) }}')
    return macro.render(t=view)


def test_a_plain_text_stays_a_string():
    assert text_view(parse_text("Chỉ thị số 08-CT/TU")) == "Chỉ thị số 08-CT/TU"


def test_emphasis_footnotes_and_escaping():
    view = text_view(parse_text("*Tuy nhiên*, “Dân vận khéo” <b>x</b>[^2]"))
    assert view == [
        Run("em"),
        Run("text", "Tuy nhiên"),
        Run("/em"),
        Run("text", ", “Dân vận khéo” <b>x</b>"),
        Run("fn", "2"),
    ]
    html = _html(view)
    assert html.startswith("<em>Tuy nhiên</em>, “Dân vận khéo” &lt;b&gt;x&lt;/b&gt;")
    assert html.endswith('<sup class="vb-fnref" id="fnref-2"><a href="#fn-2" aria-label="Chú thích 2">2</a></sup>')


def test_links_at_plain_text_offsets():
    text = parse_text("theo *Chỉ thị* số 08-CT/TU ngày 05/8/2021")
    start = text.plain.index("08-CT/TU")
    html = _html(text_view(text, [Link(start, start + 8, "../x/", 'A "b" <c>')]))
    assert '<a class="vb-cite" href="../x/" title="A &#34;b&#34; &lt;c&gt;">08-CT/TU</a> ngày 05/8/2021' in html
    assert html.startswith("theo <em>Chỉ thị</em> số ")


def test_overlapping_or_crossing_links_stay_text():
    text = parse_text("số 08-CT/TU và *số 09-CT/TU*")
    plain = text.plain
    a = plain.index("08-CT/TU")
    crossing = Link(plain.index("và"), plain.index("09"), "#x", "x")  # runs into the emphasis
    view = text_view(text, [Link(a, a + 8, "#a", "a"), Link(a + 2, a + 6, "#b", "b"), crossing])
    assert [r.href for r in view if r.kind == "cite"] == ["#a"]
    assert "".join(r.text for r in view if r.kind in ("text", "cite")) == plain


def test_the_macro_prints_nothing_for_no_text():
    assert _html(None) == "" and _html([]) == ""


# The texts pages print come from corpus/markup.parse_text. A text without a character that can
# start markup skips markdown-it (most texts, and most of the reading time): it must come out
# as markdown-it would give it.

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from generator.corpus import markup  # noqa: E402

_TEXT = st.text(
    alphabet=st.sampled_from(list("aăđêơư ÁẤỆ\t \u00a0.,;:!?()<>&\"'`~#|{}=+-%@^$09*_\\[]\n\r")), max_size=40
)


def _through_markdown_it(text: str):
    saved = markup._MARKUP_START
    markup._MARKUP_START = __import__("re").compile(r"[\s\S]")  # every text goes through markdown-it
    try:
        return markup.parse_text(text).spans
    finally:
        markup._MARKUP_START = saved


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_the_fast_path_of_parse_text_is_what_markdown_it_gives(text):
    assert markup.parse_text(text).spans == _through_markdown_it(text)


@pytest.mark.parametrize(
    "label, shown, title",
    [
        ("Chỉ thị 16/CT-TTg", "Chỉ thị số 16/CT-TTg", ""),  # the text names it: no tooltip
        ("Quyết định 2108-QĐ/TU", "Quyết định số 2108-qđ/tu", ""),
        ("Nghị quyết 25-NQ/TW", "Nghị quyết Trung ương 7", "Nghị quyết 25-NQ/TW"),  # it does not
        ("Đề án (không rõ số)", "Đề án", "Đề án (không rõ số)"),
        ("Chỉ thị 05-CT/TU", "Chỉ thị số 05", "Chỉ thị 05-CT/TU"),
    ],
)
def test_a_citation_link_has_a_tooltip_only_when_its_text_does_not_name_the_document(label, shown, title):
    assert citation_title(label, shown) == title
