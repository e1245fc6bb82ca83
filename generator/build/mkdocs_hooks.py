"""Thin MkDocs adapter: run the generator and hand its pages to MkDocs in memory.

Registered in mkdocs.yml under `hooks:`. Nothing here knows about documents: it only
moves the generator's output into MkDocs' file collection, so the generator stays usable
by any MkDocs-compatible builder (or none).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # hooks are loaded by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from generator.build import preview  # noqa: E402
from generator.build.pipeline import build_date, generate  # noqa: E402
from generator.corpus.load import read_data_file  # noqa: E402

log = logging.getLogger("mkdocs.hooks.generator")
_FRAGMENT = "<!-- vb:{name} -->"
_fragments: dict[str, str] = {}


PREVIEW_DIR = ROOT / "build" / "preview"


def on_startup(command: str, dirty: bool) -> None:
    # `mkdocs serve` keeps one generator session (in the generator package, which outlives
    # this hook module across rebuilds) so an edit re-renders only what it affects.
    if command == "serve":
        preview.SESSION = preview.PreviewSession()


def _as_file(config, path: str, text: str) -> File:
    """In preview, pages go through files rewritten only when they change, so that
    `mkdocs serve --dirty` rebuilds just those; in a build they stay in memory."""
    if preview.SESSION is None:
        return File.generated(config, path, content=text)
    target = PREVIEW_DIR / path
    if preview.WRITTEN.get(path) != hash(text):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        preview.WRITTEN[path] = hash(text)
    return File.generated(config, path, abs_src_path=str(target))


def on_files(files: Files, config) -> Files:
    data_dir = Path(os.environ.get("OD_DATA_DIR") or ROOT / "data")
    date = build_date(os.environ.get("OD_BUILD_DATE"))
    with_exports = preview.SESSION is None or not preview.WRITTEN
    if preview.SESSION is not None:
        generated = preview.SESSION.generate(data_dir, date, config.site_url or "")
        log.info("Trình tạo trang: %d văn bản, %d cơ quan được tạo lại", *preview.SESSION.last_rendered)
    else:
        generated = generate(data_dir, date, config.site_url or "")
    shown = (
        preview.SESSION.new_diagnostics(generated.read.diagnostics) if preview.SESSION else generated.read.diagnostics
    )
    for diagnostic in shown:
        # Data warnings are shown but must not fail a --strict build: `check` owns them.
        (log.error if diagnostic.is_error else log.info)(diagnostic.format())
    site = generated.site
    if site is None:
        raise PluginError("Dữ liệu có lỗi; sửa các lỗi ở trên rồi chạy lại (python -m generator check).")
    for file in files:  # hand-written pages: edit the file under content/
        if file.src_uri.endswith(".md"):
            file.edit_uri = f"content/{file.src_uri}"
    for path, markdown in site.pages.items():
        file = _as_file(config, path, markdown)
        file.edit_uri = site.edit_paths.get(path)  # documents: edit the YAML, not the Markdown
        files.append(file)
    for path, source in site.files.items():  # source texts and schemas: read without following a link
        files.append(
            File.generated(config, path, content=read_data_file(source, source.parent, str(source), 200_000_000))
        )
    if with_exports:  # once per preview session: a dirty rebuild keeps them in place
        for path, text in site.data_files.items():
            files.append(_as_file(config, path, text))
    # The contributor guide lives once, in CONTRIBUTING.md, and is also a site page.
    guide = File.generated(config, "dong-gop.md", abs_src_path=str(ROOT / "CONTRIBUTING.md"))
    guide.edit_uri = "CONTRIBUTING.md"
    files.append(guide)
    _fragments.clear()
    _fragments.update(site.fragments)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    for name, content in _fragments.items():
        markdown = markdown.replace(_FRAGMENT.format(name=name), content)
    return markdown


def on_serve(server, config, builder):
    # A data folder given by OD_DATA_DIR (benchmarks, other corpora) is watched like data/.
    data_dir = os.environ.get("OD_DATA_DIR")
    if data_dir:
        server.watch(str(Path(data_dir).resolve()))
    return server


def on_post_build(config) -> None:
    # `generator site` indexes the finished site itself (after MkDocs, before the swap). The
    # preview builds the search index once, on its first build, so search works while serving.
    if preview.SESSION is not None and not preview.SEARCH_INDEXED:
        from generator.publish.search_index import index_site

        index_site(Path(config.site_dir))
        preview.SEARCH_INDEXED = True
