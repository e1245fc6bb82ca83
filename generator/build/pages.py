"""Render every page of the plan on every core, each page written to the cache folder the
moment it is rendered: the pages of a build are never all in memory, only their records
(path, front matter, table of contents, where the body is).

A page's body is one file, named after the page's key; the records of the pages are one index
(page/index-html.jsonl, page/index-md.jsonl: see Cache.load_index), so a build with a warm
cache opens no file for a page it does not render again.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from generator.build.cache import Cache, digest
from generator.build.parallel import fork_map
from generator.publish.page import Heading
from generator.publish.render import PageJob, Site, compile_templates, render_chunks, render_page, render_part


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


GZIP_LEVEL = 9


def stored(path: str, data: bytes) -> bytes:
    """A file as it is published: gzip-compressed when its path ends in ".gz" (the open-data
    files of the whole corpus, a tenth of their size), byte for byte the same on every build
    (no time or name in the gzip header)."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0) if path.endswith(".gz") else data


def stored_chunks(path: str, chunks: Iterable[str]) -> Iterator[bytes]:
    """`stored` of the text the chunks make, piece by piece: the same bytes, without the whole
    text (72 MB for the tasks of 10,000 documents) in memory at once."""
    if not path.endswith(".gz"):
        yield from (chunk.encode("utf-8") for chunk in chunks)
        return
    yield gzip.compress(b"", compresslevel=GZIP_LEVEL, mtime=0)[:10]  # the header: no time, no name
    deflate = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    crc, size = 0, 0
    for chunk in chunks:
        data = chunk.encode("utf-8")
        crc, size = zlib.crc32(data, crc), size + len(data)
        yield deflate.compress(data)
    yield deflate.flush() + struct.pack("<LL", crc, size & 0xFFFFFFFF)


def read_stored(path: str, body: Path) -> str:
    """The text of a stored file (see `stored`)."""
    data = body.read_bytes()
    return (gzip.decompress(data) if path.endswith(".gz") else data).decode("utf-8")


def _index_name(markdown: bool) -> str:
    return f"index-{'md' if markdown else 'html'}"


def _parts_name(job: PageJob, shared: str) -> str:
    return digest(shared, job.key_data())


def _parts(site: Site, job: PageJob, cache: Cache, shared: str) -> list[str]:
    """The parts of a file of the whole corpus: those kept from the last build whose documents
    did not change, the others rendered now; then the parts of this build are kept instead."""
    name = _parts_name(job, shared)
    keys = [cache.page_key(name, item, deps) for item, deps in job.parts]
    kept = cache.parts(name)
    parts = [kept.get(key) for key in keys]
    for i, part in enumerate(parts):
        if part is None:
            parts[i] = render_part(job, site, job.parts[i][0])
    done = [p or "" for p in parts]
    cache.keep_parts(name, dict(zip(keys, done)))
    return done


def render_pages(
    site: Site, jobs: list[PageJob], cache: Cache, shared: str, markdown: bool = False
) -> list[PageRecord]:
    """A record of every page of `jobs`, in order: from the cache when its key was rendered
    before, else rendered now (on every core) and stored. `shared` is the part of every key
    the whole site depends on (registries, build date)."""
    suffix = ".md" if markdown else ".html"
    keys = [cache.page_key(digest(shared, suffix), job.key_data(), job.deps) for job in jobs]
    index = cache.load_index(_index_name(markdown))
    records: list[Optional[PageRecord]] = []
    for key in keys:
        body = cache.path("page", key, suffix)
        known = index.get(key)
        records.append(PageRecord.from_json({**known, "body": str(body)}) if known and body.is_file() else None)
    missing = [i for i, record in enumerate(records) if record is None]
    cache.hits["page"] = len(jobs) - len(missing)
    cache.misses["page"] = len(missing)

    def render(i: int) -> PageRecord:
        body = cache.path("page", keys[i], suffix)
        if jobs[i].parts:  # a file of the whole corpus, written as it is joined
            chunks = stored_chunks(jobs[i].url, render_chunks(jobs[i], site, _parts(site, jobs[i], cache, shared)))
            cache.write_with(body, lambda out: out.writelines(chunks))
            return PageRecord(jobs[i].url, {}, [], None, body)
        page = render_page(jobs[i], site, markdown)
        cache.write(body, stored(page.path, (page.markdown_file() if markdown else page.body).encode("utf-8")))
        return PageRecord(page.path, page.meta, page.toc, page.edit_path, body)

    site.prepare()  # shared lookup tables and compiled templates, before the workers fork
    compile_templates(markdown)
    # Pages differ in cost (the files of the whole corpus take seconds): both cores from a few.
    fresh: dict[str, dict[str, Any]] = {}
    for i, record in zip(missing, fork_map(render, missing, minimum=8)):
        records[i] = record
        fresh[keys[i]] = {k: v for k, v in record.to_json().items() if k != "body"}
    done = [r for r in records if r is not None]
    cache.used.update(keys)
    for job in jobs:  # kept parts stay while their file is in use, rendered again or not
        if job.parts:
            cache.parts_used(_parts_name(job, shared))
    # The index keeps the entries of other builds too (another site URL, build date, data
    # folder): prune() drops those whose bodies it removes. Only the pages rendered now are added.
    cache.add_to_index(_index_name(markdown), fresh)
    return done
