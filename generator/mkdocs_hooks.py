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

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks are loaded by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from generator.pipeline import build_date, generate  # noqa: E402

log = logging.getLogger("mkdocs.hooks.generator")
_FRAGMENT = "<!-- vb:{name} -->"
_fragments: dict[str, str] = {}


def on_files(files: Files, config) -> Files:
    data_dir = Path(os.environ.get("OD_DATA_DIR") or ROOT / "data")
    generated = generate(data_dir, build_date(os.environ.get("OD_BUILD_DATE")), config.site_url or "")
    for diagnostic in generated.read.diagnostics:
        # Data warnings are shown but must not fail a --strict build: `check` owns them.
        (log.error if diagnostic.is_error else log.info)(diagnostic.format())
    if not generated.ok:
        raise PluginError("Dữ liệu có lỗi; sửa các lỗi ở trên rồi chạy lại (python -m generator check).")
    site = generated.site
    for file in files:  # hand-written pages: edit the file under content/
        if file.src_uri.endswith(".md"):
            file.edit_uri = f"content/{file.src_uri}"
    for path, markdown in site.pages.items():
        file = File.generated(config, path, content=markdown)
        file.edit_uri = site.edit_paths.get(path)  # documents: edit the YAML, not the Markdown
        files.append(file)
    for path, source in site.files.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    for path, text in site.data_files.items():
        files.append(File.generated(config, path, content=text))
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
