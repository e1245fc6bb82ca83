"""generator/publish/text_view.py and the `text` macro: a text field's runs, and their markup."""

from __future__ import annotations

from generator.corpus.markup import parse_text
from generator.publish.render import environment
from generator.publish.text_view import Link, Run, text_view


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
