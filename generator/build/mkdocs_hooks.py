"""Thin MkDocs adapter: hand the generator's rendered pages to MkDocs for the theme.

Registered in mkdocs.yml under `hooks:`. The generator renders every page once, to HTML
(generator/build/pipeline.py); MkDocs only wraps it in the theme (Material's header,
navigation, table of contents, search box). For a generated page MkDocs' Markdown pass is
skipped: its source is empty (`on_page_read_source`), its front matter and table of contents
come from the generator's record, and its HTML is read from the cache folder just before the
theme renders the page (`on_page_context`) and dropped just after (`on_post_page`), so the
pages of a build are never all in memory. Hand-written pages (content/) are ordinary
Markdown pages.

`python -m generator site` runs the generator first and passes its manifest (OD_MANIFEST); a
plain `mkdocs build` or `mkdocs serve` runs it here. While serving (`make serve`), data errors
show as an error page (path:line:col, message, hint) in place of every page instead of stopping
the server, and pages are handed over
through small files that change only when the page does, so `--dirty` rebuilds only those.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from jinja2 import FileSystemBytecodeCache, FileSystemLoader
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc
from watchdog.events import (
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # hooks are loaded by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from generator.build import preview  # noqa: E402
from generator.build.compact import compact_html  # noqa: E402
from generator.build.cache import Cache  # noqa: E402
from generator.build.pages import PageRecord  # noqa: E402
from generator.build.pipeline import build, build_date, cache_dir  # noqa: E402
from generator.build.write import publish_copies, read_manifest  # noqa: E402
from generator.corpus.diagnostics import ERROR, Diagnostic, Location  # noqa: E402
from generator.corpus.load import read_data_file  # noqa: E402
from generator.publish.render import FRAGMENT, preview_errors, script_json  # noqa: E402
from generator.publish.search_index import IndexWhileBuilding, index_site  # noqa: E402

log = logging.getLogger("mkdocs.hooks.generator")
_FRAGMENT_MARK = "<!-- vb:latest -->"
PREVIEW_DIR = Path(os.environ.get("OD_PREVIEW_DIR") or ROOT / "build" / "preview")


def _serving(config: Any) -> bool:
    """`mkdocs serve` sets site_url to its own address; a published site_url never is."""
    host, port = config.dev_addr
    return urlsplit(config.site_url or "").netloc == f"{host}:{port}"


def _generate(config: Any, serving: bool) -> tuple[list[PageRecord], dict[str, Path], list[Diagnostic]]:
    """Run the generator; its pages, files and (while serving, when the data has errors) the
    errors the preview shows."""
    data_dir = Path(os.environ.get("OD_DATA_DIR") or ROOT / "data")
    cache = Cache(cache_dir(), memory=serving)  # the preview keeps its entries in memory too
    # The preview writes the open data (every task, every calendar) on its first build only.
    open_data_kept = cache.recall("open data")
    date = build_date(os.environ.get("OD_BUILD_DATE"))
    try:
        built = build(data_dir, date, cache, config.site_url or "", open_data=open_data_kept is None)
    except Exception as exc:  # noqa: BLE001 - the preview shows it on the page, not as a traceback
        if not serving:
            raise
        log.exception("Trình tạo trang gặp lỗi")
        pages, files = cache.recall("last good build") or ([], {})
        return pages, files, [_crash(exc)]
    cache.keep_only_used()
    log.info(
        "Trình tạo trang: %d trang tạo lại, %d trang dùng lại (%s)",
        cache.misses.get("page", 0),
        cache.hits.get("page", 0),
        ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in built.timings.items()),
    )
    for diagnostic in (
        preview.new_diagnostics(built.read.diagnostics, PREVIEW_DIR) if serving else built.read.diagnostics
    ):
        # Data warnings are shown but must not fail a --strict build: `check` owns them.
        (log.error if diagnostic.is_error else log.info)(diagnostic.format())
    if built.ok:
        open_data = [r for r in built.pages if not r.path.endswith(".md")] or open_data_kept or []
        files = {r.path: r.body for r in open_data}
        files.update(publish_copies(built, PREVIEW_DIR / "output"))
        pages = [r for r in built.pages if r.path.endswith(".md")]
        cache.keep("open data", open_data)
        cache.keep("last good build", (pages, files))
        return pages, files, []
    if not serving:
        raise PluginError("Dữ liệu có lỗi; sửa các lỗi ở trên rồi chạy lại (python -m generator check).")
    pages, files = cache.recall("last good build") or ([], {})
    return pages, files, [d for d in built.read.diagnostics if d.is_error]


def _crash(exc: Exception) -> Diagnostic:
    """What the preview shows when the generator itself failed (a fault of the generator, not
    of the data): where it stopped, and what to do."""
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = Location(os.path.relpath(frame.filename, ROOT), frame.lineno or 1) if frame else Location("generator")
    return Diagnostic.at(
        where,
        ERROR,
        f"trình tạo trang gặp lỗi không mong đợi: {type(exc).__name__}: {exc}",
        "chạy “python -m generator check”; nếu dữ liệu không có lỗi, báo lỗi này kèm nhật ký của máy chủ xem trước",
    )


def _hand_written(files: Files, config: Any, fragment: Optional[Path], errors: list[Diagnostic], rebuild: bool) -> None:
    """Hand-written pages: edit the file under content/; while serving and the error state
    changes, rebuilt whatever --dirty would skip (to show or drop the error page)."""
    for file in list(files):
        if not file.src_uri.endswith(".md"):
            continue
        if rebuild and file.abs_src_path:
            text = Path(file.abs_src_path).read_text(encoding="utf-8")
            files.remove(file)
            file = File.generated(config, file.src_uri, content=text)
            files.append(file)
        file.edit_uri = f"content/{file.src_uri}"
        file.vb_fragment = fragment  # type: ignore[attr-defined]
        file.vb_errors = errors  # type: ignore[attr-defined]


def _nav_sources(config: Any) -> set[str]:
    """The pages mkdocs.yml's navigation names (every rebuild needs them: the theme draws it)."""
    found: set[str] = set()

    def walk(item: Any) -> None:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(config.nav or [])
    return found


_BUILT = "built"  # while serving: the last rebuild wrote every page it was handed


def _changed_only(config: Any, files: Files, rebuild: bool) -> Optional[set[str]]:
    """While serving, the generated files a rebuild needs to see: after the first build, the
    pages whose stub this rebuild wrote, the files newer than what the site holds (an open-data
    file written again) and the pages the navigation names; the others are already in the
    site folder, which a dirty rebuild keeps. Handing MkDocs 2,400 pages at 1,000 documents to
    write 36 cost 0.5 s a rebuild in page objects and checks. None (every file) for a build,
    a first build, a change of the error state, or an edited hand-written page (its links to
    generated pages must resolve), and after a rebuild that did not finish (`_BUILT`)."""
    if not _serving(config):
        return None
    finished = (PREVIEW_DIR / _BUILT).exists()
    (PREVIEW_DIR / _BUILT).unlink(missing_ok=True)
    if rebuild or not finished or not (Path(config.site_dir) / "index.html").exists():
        return None
    if any(f.src_uri.endswith(".md") and f.abs_src_path and f.is_modified() for f in files):
        return None
    return _nav_sources(config)


def on_files(files: Files, config: Any) -> Files:
    serving = _serving(config)
    manifest = os.environ.get("OD_MANIFEST")
    errors: list[Diagnostic] = []
    if manifest:
        pages, extra = read_manifest(Path(manifest))
    else:
        pages, extra, errors = _generate(config, serving)
    state, changed = preview.error_state([e.format() for e in errors], PREVIEW_DIR) if serving else ("", False)
    fragment = next((r.body for r in pages if r.path == FRAGMENT), None)
    only = _changed_only(config, files, changed)
    _hand_written(files, config, fragment, errors, changed)
    generated = []
    for record in pages:
        if record.path == FRAGMENT:
            continue
        source, rewritten = preview.stub(record, PREVIEW_DIR, state) if serving else (record.body, True)
        if only is not None and not rewritten and record.path not in only:
            continue  # unchanged since the last rebuild, which wrote it
        file = File.generated(config, record.path, abs_src_path=str(source))
        file.edit_uri = record.edit_path  # documents: edit the YAML, not the page
        file.vb_record = record  # type: ignore[attr-defined]
        file.vb_errors = errors  # type: ignore[attr-defined]
        generated.append(file)
    for file in sorted(generated, key=lambda f: f.url):  # MkDocs writes them in this order:
        files.append(file)  # the search index is built as they are written, in URL order
    for path, source in extra.items():  # open data, source texts and schemas
        file = File.generated(config, path, abs_src_path=str(source))
        if only is None or file.is_modified():
            files.append(file)
    # The contributor guide lives once, in CONTRIBUTING.md, and is also a site page.
    guide = File.generated(config, "dong-gop.md", abs_src_path=str(ROOT / "CONTRIBUTING.md"))
    guide.edit_uri = "CONTRIBUTING.md"
    files.append(guide)
    return files


def on_config(config: Any) -> Any:
    if _serving(config):
        # Each rebuild of the preview renders what changed: no sitemap (nothing reads it there),
        # and the 404 page once (it shows no data). Together 0.2 s a rebuild at 1,000 documents.
        config.theme.static_templates.difference_update({"sitemap.xml", "sitemap.xml.gz"})
        if (Path(config.site_dir) / "404.html").exists():
            config.theme.static_templates.discard("404.html")
        _list_installed_theme_once(config.theme)
    return config


# While serving: the files of the installed theme (Material's templates, assets and thousands of
# icons), listed once per server. MkDocs lists every theme file on each rebuild to copy the
# static ones, and matches each name against its patterns: 0.1-0.2 s at every edit; an
# installed package does not change while it runs. The project's theme folder is listed anew.
_INSTALLED_LISTINGS: dict[tuple[str, ...], list[str]] = {}


def _list_installed_theme_once(theme: Any) -> None:
    environment = Path(sys.prefix).resolve()  # where packages are installed (the virtual environment)
    installed = tuple(d for d in theme.dirs if Path(d).resolve().is_relative_to(environment))
    project = [d for d in theme.dirs if d not in installed]
    make_env = theme.get_env

    def listing() -> list[str]:
        if installed not in _INSTALLED_LISTINGS:
            # Without names in dot folders (the icons), which MkDocs never copies ('.*').
            names = FileSystemLoader(list(installed)).list_templates()
            _INSTALLED_LISTINGS[installed] = [name for name in names if not name.startswith(".")]
        return sorted({*_INSTALLED_LISTINGS[installed], *FileSystemLoader(project).list_templates()})

    def get_env() -> Any:
        env = make_env()
        env.loader.list_templates = listing
        return env

    theme.get_env = get_env


def on_env(env: Any, config: Any, files: Files) -> Any:
    if _serving(config):
        # Every rebuild of the preview makes a new template environment: keep the compiled
        # templates between rebuilds (recompiled when their source changes).
        folder = PREVIEW_DIR / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    # JSON inside <script> (the JSON-LD of document pages, theme/main.html): one escaping path.
    env.filters["script_json"] = script_json
    # The theme's configuration (<script id="__config">, on every page) as UTF-8 without spaces:
    # its Vietnamese strings were \u escapes, 0.6 KB a page. Still HTML-safe (<, >, &, ' escaped).
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    return env


def _record(page: Any) -> Optional[PageRecord]:
    return getattr(page.file, "vb_record", None)


def on_page_read_source(page: Any, config: Any) -> Optional[str]:
    return "" if _record(page) is not None else None  # a generated page has no Markdown to read


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    record = _record(page)
    if record is not None:
        page.meta = dict(record.meta)
        return ""
    fragment = getattr(page.file, "vb_fragment", None)
    if fragment is not None and _FRAGMENT_MARK in markdown:
        markdown = markdown.replace(_FRAGMENT_MARK, read_data_file(fragment, fragment.parent).decode("utf-8"))
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    record = _record(page)
    if record is None:
        return html
    tokens = [{"level": h.level, "id": h.id, "name": h.title, "children": []} for h in record.toc]
    page.toc = get_toc(nest_toc_tokens(tokens))
    return ""  # the body is read when the theme renders the page


def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    record = _record(page)
    if record is not None:
        page.content = record.body.read_text(encoding="utf-8")
    errors = getattr(page.file, "vb_errors", None)
    if errors:  # the preview, while the data has errors: the errors in place of the page
        page.content = preview_errors(errors)
        page.toc = get_toc([])
        page.meta = {"title": "Dữ liệu có lỗi"}  # nothing of the last good build's page
        page.title = page.meta["title"]
    return context


# The theme's icons (menu, search, repository, edit…) are inline SVG on every page, about 5 KB
# a page. Each becomes a reference to one shared file, assets/icons/<hash>.svg, which the
# browser loads once; it still takes its colour from the text around it (currentColor).
_ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="([0-9. ]+)">(.*?)</svg>', re.S)


def share_icons(html: str, page_url: str, site_dir: Path) -> str:
    prefix = "../" * page_url.count("/")

    def shared(match: re.Match[str]) -> str:
        view_box, inner = match.group(1), match.group(2)
        name = hashlib.blake2b(f"{view_box}|{inner}".encode("utf-8"), digest_size=8).hexdigest()
        target = site_dir / "assets" / "icons" / f"{name}.svg"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            symbol = f'<symbol id="i" viewBox="{view_box}">{inner}</symbol>'
            target.write_text(f'<svg xmlns="http://www.w3.org/2000/svg">{symbol}</svg>\n', encoding="utf-8")
        return f'<svg viewBox="{view_box}"><use href="{prefix}assets/icons/{name}.svg#i"></use></svg>'

    return _ICON.sub(shared, html)


def on_pre_build(config: Any) -> None:
    # A build (not the preview, whose dirty rebuilds write only the pages that changed) indexes
    # each page for search as it is written, on the other cores (search_index.py).
    config.vb_search_index = None if _serving(config) else IndexWhileBuilding()


def on_post_page(output: str, page: Any, config: Any) -> str:
    if _record(page) is not None:
        page.content = None  # written: free it
    output = compact_html(share_icons(output, page.url, Path(config.site_dir)))
    indexer = getattr(config, "vb_search_index", None)
    if indexer is not None:
        indexer.add("/" + page.url, output, Path(page.file.abs_dest_path))
    return output


# What an edit does to a file; not opening or reading it (the build reads every watched file,
# which would start the next build, and so on).
_CHANGES = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent, FileAttribEvent]


class _ChangesObserver(Observer):  # type: ignore[misc,valid-type]
    """The system's own watcher (inotify on Linux), told only of changes."""

    def schedule(self, handler: Any, path: Any, **options: Any) -> Any:
        options["event_filter"] = options.get("event_filter") or _CHANGES
        return super().schedule(handler, path, **options)


def _native_watcher(server: Any, config: Any) -> None:
    """MkDocs polls the watched folders every 0.5 s (a scan of every file each time: about
    0.3 s from an edit to its build at 1,000 documents, and a thread busy meanwhile). Where the
    system reports changes itself (inotify on Linux), use that: an edit starts its build at once.
    The folders MkDocs watched so far are watched again by the new observer."""
    if Observer is PollingObserver or os.environ.get("OD_PREVIEW_POLLING"):
        return  # no native watcher here (or asked not to use it: some mounted folders)
    watched = [config.docs_dir, config.config_file_path, *config.theme.dirs]
    again = []
    for path in dict.fromkeys(p for p in watched if p):
        try:
            server.unwatch(path)
        except KeyError:  # not watched (theme folders without --watch-theme)
            continue
        again.append(path)
    server.observer = _ChangesObserver()
    for path in again:
        server.watch(path)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    _native_watcher(server, config)
    # A data folder given by OD_DATA_DIR (benchmarks, other corpora) is watched like data/.
    data_dir = os.environ.get("OD_DATA_DIR")
    if data_dir:
        server.watch(str(Path(data_dir).resolve()))
    return server


def on_post_build(config: Any) -> None:
    # A build: the index of the pages written (the last runs merged, the files written). The
    # preview indexes the site once, on its first build (a dirty rebuild keeps the index).
    site_dir = Path(config.site_dir)
    indexer = getattr(config, "vb_search_index", None)
    if indexer is not None:
        started = time.perf_counter()
        figures = indexer.finish(site_dir)
        figures["finish_s"] = round(time.perf_counter() - started, 3)
        log.info(
            "Chỉ mục tìm kiếm: %d trang, %d tệp (%.1f s sau trang cuối)",
            figures["pages"],
            figures["files"],
            figures["finish_s"],
        )
        report = os.environ.get("OD_INDEX_FIGURES")  # `generator site` reads the figures here
        if report:
            Path(report).write_text(json.dumps(figures), encoding="utf-8")
    elif _serving(config) and not (site_dir / "search-index").exists():
        index_site(site_dir)
    if _serving(config):
        PREVIEW_DIR.mkdir(parents=True, exist_ok=True)
        (PREVIEW_DIR / _BUILT).touch()
