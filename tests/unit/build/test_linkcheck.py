"""The built site: no broken internal link or anchor, and reproducible output."""

from __future__ import annotations

from generator.build.linkcheck import check_site


def test_no_broken_internal_links_or_anchors(built_site):
    broken = check_site(built_site, "/open-directives")
    assert [b.format() for b in broken] == []


def test_link_checker_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#there">ok</a><a href="a/#nowhere">x</a>'
        '<a href="missing/">x</a><a href="https://example.org/">ext</a>'
        '<a href="#self">x</a><p id="top"></p><a href="#top">ok</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="there">x</h2>')
    broken = {(b.href, b.reason.split()[0]) for b in check_site(tmp_path)}
    assert broken == {("a/#nowhere", "không"), ("missing/", "không"), ("#self", "không")}
