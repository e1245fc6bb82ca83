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


def test_the_preview_watches_with_the_systems_own_notices(tmp_path: Path, monkeypatch):
    """`make serve`: the folders MkDocs watches by polling are watched again through inotify,
    and an edit under one of them asks for a rebuild without waiting for a scan."""
    import time
    import types

    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    from generator.build import mkdocs_hooks

    monkeypatch.delenv("OD_DATA_DIR", raising=False)
    monkeypatch.delenv("OD_PREVIEW_POLLING", raising=False)
    docs, data = tmp_path / "content", tmp_path / "data"
    docs.mkdir()
    data.mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(docs))
    server.watch(str(tmp_path / "mkdocs.yml"))
    config = types.SimpleNamespace(
        docs_dir=str(docs),
        config_file_path=str(tmp_path / "mkdocs.yml"),
        theme=types.SimpleNamespace(dirs=["/nowhere"]),
    )
    assert isinstance(server.observer, PollingObserver)
    assert mkdocs_hooks.on_serve(server, config, None) is server
    server.watch(str(data))  # mkdocs.yml's watch: list comes after on_serve
    observer = server.observer
    assert Observer is not PollingObserver and not isinstance(observer, PollingObserver)
    observer.start()
    try:
        paths = {Path(e.watch.path) for e in observer.emitters}
        # a watched file is watched through its folder
        for wanted in (docs, tmp_path / "mkdocs.yml", data):
            assert any(wanted == p or p in wanted.parents for p in paths), (wanted, paths)
        (data / "a.yaml").write_text("x: 1\n", encoding="utf-8")
        # the server's own loop would now build; here, the notice it waits for
        with server._rebuild_cond:
            assert server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=2)
        time.sleep(0.5)  # the write's last notices (modified, closed) arrive
        with server._rebuild_cond:
            server._want_rebuild = False
        # a build reads every watched file: reading is not a change (else builds never stop)
        assert (data / "a.yaml").read_text(encoding="utf-8") == "x: 1\n"
        with server._rebuild_cond:
            assert not server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=1)
    finally:
        observer.stop()
        observer.join()


def test_the_preview_can_keep_polling(tmp_path: Path, monkeypatch):
    """OD_PREVIEW_POLLING=1 keeps MkDocs' polling (folders where inotify sees no change)."""
    import types

    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.polling import PollingObserver

    from generator.build import mkdocs_hooks

    monkeypatch.setenv("OD_PREVIEW_POLLING", "1")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    config = types.SimpleNamespace(docs_dir=str(tmp_path), config_file_path=None, theme=types.SimpleNamespace(dirs=[]))
    mkdocs_hooks.on_serve(server, config, None)
    assert isinstance(server.observer, PollingObserver)


def test_a_preview_rebuild_hands_mkdocs_only_what_changed(data_copy, tmp_path, monkeypatch):
    """After the first build, a title edit hands MkDocs the pages it changed and the pages the
    navigation names, not every page: the others are in the site folder already."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tests.conftest import ROOT

    monkeypatch.setenv("OD_DATA_DIR", str(data_copy))
    monkeypatch.setenv("OD_BUILD_DATE", "2026-11-21")
    monkeypatch.setenv("OD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("OD_PREVIEW_DIR", str(tmp_path / "preview"))
    monkeypatch.chdir(ROOT)
    handed: list[set[str]] = []

    def rebuild(dirty: bool) -> None:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=False)
        config.site_url = "http://127.0.0.1:8000/open-directives/"  # as `mkdocs serve` sets it
        events = config.plugins.events["files"]  # the adapter's on_files, and what it returns
        events[:] = [lambda files, config, real=real: _seen(real(files, config), handed) for real in events]
        build(config, serve_url="http://127.0.0.1:8000/open-directives/", dirty=dirty)

    rebuild(False)
    edited = data_copy / "documents/da-nang/chi-thi-08-ct-tu-2021.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("title: ", "title: Sửa thử – ", 1), "utf-8")
    rebuild(True)
    first, second = handed
    assert "van-ban/da-nang/chi-thi-08-ct-tu-2021.md" in second  # the edited page
    assert "van-ban/index.md" in second and "co-quan/index.md" in second  # named by the navigation
    assert "van-ban/ha-noi/chi-thi-07-ct-tu-2021.md" in first - second  # untouched: not handed
    assert len(second) < len(first) / 2
    page = tmp_path / "site" / "van-ban/da-nang/chi-thi-08-ct-tu-2021/index.html"
    assert "Sửa thử – " in page.read_text(encoding="utf-8")
    assert (tmp_path / "site" / "van-ban/ha-noi/chi-thi-07-ct-tu-2021/index.html").is_file()  # kept
    (tmp_path / "preview" / "built").unlink()  # as after a rebuild that stopped before its end
    rebuild(True)
    assert handed[2] == first  # every page again
    (tmp_path / "site" / "gioi-thieu" / "index.html").unlink()  # a hand-written page to build again:
    rebuild(True)
    assert handed[3] == first  # its links to generated pages need them all


def _seen(files, handed: list) -> object:
    handed.append({f.src_uri for f in files if getattr(f, "vb_record", None) is not None})
    return files


def test_the_preview_lists_the_installed_theme_once_and_the_projects_every_time(monkeypatch):
    import types

    import jinja2
    import material

    from generator.build import mkdocs_hooks
    from tests.conftest import ROOT

    installed = str(Path(material.__file__).parent / "templates")
    dirs = [str(ROOT / "theme"), installed]
    theme = types.SimpleNamespace(dirs=dirs, get_env=lambda: jinja2.Environment(loader=jinja2.FileSystemLoader(dirs)))
    monkeypatch.setattr(mkdocs_hooks, "_INSTALLED_LISTINGS", {})
    mkdocs_hooks._list_installed_theme_once(theme)

    def copied(name: str) -> bool:  # MkDocs' rule for theme files: none under a dot folder
        return not name.startswith(".") and "/." not in name

    expected = jinja2.FileSystemLoader(dirs).list_templates()
    assert theme.get_env().list_templates(filter_func=copied) == [n for n in expected if copied(n)]
    assert "main.html" in expected and any(n.startswith(".icons/") for n in expected)
    assert list(mkdocs_hooks._INSTALLED_LISTINGS) == [(installed,)]  # kept for the next rebuild
    mkdocs_hooks._INSTALLED_LISTINGS[(installed,)] = ["assets/x.css"]  # the kept listing is used…
    listed = theme.get_env().list_templates()
    assert "assets/x.css" in listed and "main.html" in listed  # …with the project's folder listed anew
