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
show as a banner on every page instead of stopping the server, and pages are handed over
through small files that change only when the page does, so `--dirty` rebuilds only those.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # hooks are loaded by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from generator.build import preview  # noqa: E402
from generator.build.cache import Cache  # noqa: E402
from generator.build.pages import PageRecord  # noqa: E402
from generator.build.pipeline import build, build_date, cache_dir  # noqa: E402
from generator.build.write import read_manifest, write_manifest  # noqa: E402
from generator.corpus.load import read_data_file  # noqa: E402
from generator.publish.render import FRAGMENT, preview_errors, script_json  # noqa: E402

log = logging.getLogger("mkdocs.hooks.generator")
_FRAGMENT_MARK = "<!-- vb:latest -->"
PREVIEW_DIR = Path(os.environ.get("OD_PREVIEW_DIR") or ROOT / "build" / "preview")


def _serving(config: Any) -> bool:
    """`mkdocs serve` sets site_url to its own address; a published site_url never is."""
    host, port = config.dev_addr
    return urlsplit(config.site_url or "").netloc == f"{host}:{port}"


def _generate(config: Any, serving: bool) -> tuple[list[PageRecord], dict[str, Path], list[str]]:
    """Run the generator; its pages, files and (while serving, when the data has errors) the
    error messages the preview shows."""
    data_dir = Path(os.environ.get("OD_DATA_DIR") or ROOT / "data")
    built = build(data_dir, build_date(os.environ.get("OD_BUILD_DATE")), Cache(cache_dir()), config.site_url or "")
    for diagnostic in (
        preview.new_diagnostics(built.read.diagnostics, PREVIEW_DIR) if serving else built.read.diagnostics
    ):
        # Data warnings are shown but must not fail a --strict build: `check` owns them.
        (log.error if diagnostic.is_error else log.info)(diagnostic.format())
    if built.ok:
        return *read_manifest(write_manifest(built, PREVIEW_DIR / "output")), []
    if not serving:
        raise PluginError("Dữ liệu có lỗi; sửa các lỗi ở trên rồi chạy lại (python -m generator check).")
    errors = [d.format() for d in built.read.diagnostics if d.is_error]
    previous = PREVIEW_DIR / "output" / "manifest.json"
    pages, files = read_manifest(previous) if previous.exists() else ([], {})
    return pages, files, errors


def _hand_written(files: Files, config: Any, fragment: Optional[Path], errors: list[str], rebuild: bool) -> None:
    """Hand-written pages: edit the file under content/; while serving and the error state
    changes, rebuilt whatever --dirty would skip (to show or drop the error banner)."""
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


def on_files(files: Files, config: Any) -> Files:
    serving = _serving(config)
    manifest = os.environ.get("OD_MANIFEST")
    errors: list[str] = []
    if manifest:
        pages, extra = read_manifest(Path(manifest))
    else:
        pages, extra, errors = _generate(config, serving)
    state, changed = preview.error_state(errors, PREVIEW_DIR) if serving else ("", False)
    fragment = next((r.body for r in pages if r.path == FRAGMENT), None)
    _hand_written(files, config, fragment, errors, changed)
    for record in pages:
        if record.path == FRAGMENT:
            continue
        source = preview.stub(record, PREVIEW_DIR, state) if serving else record.body
        file = File.generated(config, record.path, abs_src_path=str(source))
        file.edit_uri = record.edit_path  # documents: edit the YAML, not the page
        file.vb_record = record  # type: ignore[attr-defined]
        file.vb_errors = errors  # type: ignore[attr-defined]
        files.append(file)
    for path, source in extra.items():  # open data, source texts and schemas
        files.append(File.generated(config, path, abs_src_path=str(source)))
    # The contributor guide lives once, in CONTRIBUTING.md, and is also a site page.
    guide = File.generated(config, "dong-gop.md", abs_src_path=str(ROOT / "CONTRIBUTING.md"))
    guide.edit_uri = "CONTRIBUTING.md"
    files.append(guide)
    return files


def on_env(env: Any, config: Any, files: Files) -> Any:
    # JSON inside <script> (the JSON-LD of document pages, theme/main.html): one escaping path.
    env.filters["script_json"] = script_json
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
    if errors:
        page.content = preview_errors(errors) + (page.content or "")
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    if _record(page) is not None:
        page.content = None  # written: free it
    return output


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    # A data folder given by OD_DATA_DIR (benchmarks, other corpora) is watched like data/.
    data_dir = os.environ.get("OD_DATA_DIR")
    if data_dir:
        server.watch(str(Path(data_dir).resolve()))
    return server


def on_post_build(config: Any) -> None:
    # `generator site` indexes the finished site itself (after MkDocs, before the swap). The
    # preview indexes it once, on its first build (a dirty rebuild keeps the index in place).
    site_dir = Path(config.site_dir)
    if _serving(config) and not (site_dir / "search-index").exists():
        from generator.publish.search_index import index_site

        index_site(site_dir)
