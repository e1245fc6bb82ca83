"""Render every page of the plan on every core, each page written to the cache folder the
moment it is rendered: the pages of a build are never all in memory, only their records
(path, front matter, table of contents, where the body is)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from generator.build.cache import Cache, digest
from generator.build.parallel import fork_map
from generator.publish.page import Heading
from generator.publish.render import PageJob, Site, render_page


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
            "toc": [[h.level, h.id, h.title] for h in self.toc],
            "edit": self.edit_path,
            "body": str(self.body),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "PageRecord":
        toc = [Heading(level, anchor, title) for level, anchor, title in data["toc"]]
        return cls(data["path"], data["meta"], toc, data["edit"], Path(data["body"]))


def _suffix(markdown: bool) -> str:
    return ".md" if markdown else ".html"


def _stored(cache: Cache, key: str, markdown: bool) -> Optional[PageRecord]:
    record = cache.path("page", key, ".json")
    try:
        data = json.loads(record.read_bytes())
        body = cache.path("page", key, _suffix(markdown))
        if not body.is_file():
            return None
        record.touch()
        body.touch()
    except (OSError, ValueError):
        return None
    data["body"] = str(body)
    return PageRecord.from_json(data)


def render_pages(
    site: Site, jobs: list[PageJob], cache: Cache, shared: str, markdown: bool = False
) -> list[PageRecord]:
    """A record of every page of `jobs`, in order: from the cache when its key was rendered
    before, else rendered now (on every core) and stored. `shared` is the part of every key
    the whole site depends on (registries, build date)."""
    keys = [cache.page_key(digest(shared, str(markdown)), job.key_data(), job.deps) for job in jobs]
    records: list[Optional[PageRecord]] = [_stored(cache, key, markdown) for key in keys]
    missing = [i for i, record in enumerate(records) if record is None]
    cache.hits["page"] = len(jobs) - len(missing)
    cache.misses["page"] = len(missing)

    def render(i: int) -> PageRecord:
        page = render_page(jobs[i], site, markdown)
        body = cache.path("page", keys[i], _suffix(markdown))
        cache.write(body, (page.markdown_file() if markdown else page.body).encode("utf-8"))
        record = PageRecord(page.path, page.meta, page.toc, page.edit_path, body)
        data = record.to_json()
        del data["body"]
        cache.write(cache.path("page", keys[i], ".json"), json.dumps(data, ensure_ascii=False).encode("utf-8"))
        return record

    site.prepare()  # shared lookup tables, built once before the workers fork
    for i, record in zip(missing, fork_map(render, missing)):
        records[i] = record
    return [r for r in records if r is not None]
