"""Inline markup of YAML text: plain text, escaped HTML, footnotes, links at plain offsets."""

from __future__ import annotations

from generator.corpus.markup import parse_text


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
