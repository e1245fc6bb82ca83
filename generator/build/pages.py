"""Render every page of the plan on every core, each page written to the cache folder the
moment it is rendered: the pages of a build are never all in memory, only their records
(path, front matter, table of contents, where the body is).

A page's body is one file, named after the page's key; the records of the last build are one
index file (page/index-html.json, page/index-md.json), so a build with a warm cache opens no
file for a page it does not render again.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from generator.build.cache import Cache, digest
from generator.build.parallel import fork_map
from generator.publish.page import Heading
from generator.publish.render import PageJob, Site, compile_templates, render_page


@dataclass(frozen=True)
class PageRecord:
    path: str  # docs-relative Markdown path
    meta: dict[str, Any]
    toc: list[Heading]
    edit_path: Optional[str]
    body: Path  # the rendered body (HTML or Markdown) in the cache folder

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "meta": self.meta,
            "toc": self.toc,  # Heading is a tuple: JSON writes it as a list
            "edit": self.edit_path,
            "body": str(self.body),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "PageRecord":
        toc = [Heading(*entry) for entry in data["toc"]]
        return cls(data["path"], data["meta"], toc, data["edit"], Path(data["body"]))


def stored(path: str, data: bytes) -> bytes:
    """A file as it is published: gzip-compressed when its path ends in ".gz" (the open-data
    files of the whole corpus, a tenth of their size), byte for byte the same on every build
    (no time or name in the gzip header)."""
    return gzip.compress(data, compresslevel=9, mtime=0) if path.endswith(".gz") else data


def read_stored(path: str, body: Path) -> str:
    """The text of a stored file (see `stored`)."""
    data = body.read_bytes()
    return (gzip.decompress(data) if path.endswith(".gz") else data).decode("utf-8")


def _index_path(cache: Cache, markdown: bool) -> Path:
    assert cache.folder is not None
    return cache.folder / "page" / f"index-{'md' if markdown else 'html'}.json"


def _load_index(cache: Cache, markdown: bool) -> dict[str, dict[str, Any]]:
    try:
        index = json.loads(_index_path(cache, markdown).read_bytes())
        return index if isinstance(index, dict) else {}
    except (OSError, ValueError):
        return {}


def render_pages(
    site: Site, jobs: list[PageJob], cache: Cache, shared: str, markdown: bool = False
) -> list[PageRecord]:
    """A record of every page of `jobs`, in order: from the cache when its key was rendered
    before, else rendered now (on every core) and stored. `shared` is the part of every key
    the whole site depends on (registries, build date)."""
    suffix = ".md" if markdown else ".html"
    keys = [cache.page_key(digest(shared, suffix), job.key_data(), job.deps) for job in jobs]
    index = _load_index(cache, markdown)
    records: list[Optional[PageRecord]] = []
    for key in keys:
        body = cache.path("page", key, suffix)
        known = index.get(key)
        records.append(PageRecord.from_json({**known, "body": str(body)}) if known and body.is_file() else None)
    missing = [i for i, record in enumerate(records) if record is None]
    cache.hits["page"] = len(jobs) - len(missing)
    cache.misses["page"] = len(missing)

    def render(i: int) -> PageRecord:
        page = render_page(jobs[i], site, markdown)
        body = cache.path("page", keys[i], suffix)
        cache.write(body, stored(page.path, (page.markdown_file() if markdown else page.body).encode("utf-8")))
        return PageRecord(page.path, page.meta, page.toc, page.edit_path, body)

    site.prepare()  # shared lookup tables and compiled templates, before the workers fork
    compile_templates(markdown)
    for i, record in zip(missing, fork_map(render, missing)):
        records[i] = record
    done = [r for r in records if r is not None]
    cache.used.update(keys)
    # The index keeps the entries of other builds too (another site URL, build date, data
    # folder): prune() drops those whose bodies it removes.
    index.update({key: {k: v for k, v in r.to_json().items() if k != "body"} for key, r in zip(keys, done)})
    cache.write(_index_path(cache, markdown), json.dumps(index, ensure_ascii=False).encode("utf-8"))
    return done
