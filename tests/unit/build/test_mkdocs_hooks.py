"""generator/build/mkdocs_hooks.py: what the adapter does to the theme's HTML (shorter, same page); the
indentation it drops is tested in test_compact.py."""

from __future__ import annotations

from pathlib import Path

from generator.build.mkdocs_hooks import share_icons

ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'


def test_icons_become_references_to_one_shared_file(tmp_path: Path):
    html = f"<a>{ICON}</a><b>{ICON}</b>"
    out = share_icons(html, "van-ban/da-nang/x/", tmp_path)
    files = list((tmp_path / "assets" / "icons").glob("*.svg"))
    assert len(files) == 1
    name = files[0].name
    assert out == (
        f'<a><svg viewBox="0 0 24 24"><use href="../../../assets/icons/{name}#i"></use></svg></a>'
        f'<b><svg viewBox="0 0 24 24"><use href="../../../assets/icons/{name}#i"></use></svg></b>'
    )
    assert files[0].read_text(encoding="utf-8") == (
        '<svg xmlns="http://www.w3.org/2000/svg"><symbol id="i" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/>'
        "</symbol></svg>\n"
    )
    assert share_icons(ICON, "", tmp_path).startswith('<svg viewBox="0 0 24 24"><use href="assets/icons/')


def test_other_svg_is_left_alone(tmp_path: Path):
    drawn = '<svg width="10" viewBox="0 0 1 1"><circle r="1"/></svg>'
    assert share_icons(drawn, "x/", tmp_path) == drawn
