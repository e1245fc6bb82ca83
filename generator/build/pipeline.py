"""The whole generator as one call: data folder in, rendered pages out.

read (load, validate, model: on every core) -> resolve (citations extracted on every core) ->
plan the pages -> render each page once (on every core, straight to the cache folder). The
cache (generator/build/cache.py) wraps the per-document stages; with an empty cache this is
a clean build, and a warm cache gives byte-identical output.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from generator.build.cache import Cache, digest, registries_key
from generator.build.pages import PageRecord, read_stored, render_pages
from generator.corpus.read import ReadResult, read_corpus
from generator.link.crossrefs import document_citations
from generator.link.resolve import Resolved, resolve
from generator.publish.render import Site, copied_files, plan

ROOT = Path(__file__).resolve().parents[2]


def build_date(option: str | None = None) -> dt.date:
    """The date statuses are computed against: --build-date, else SOURCE_DATE_EPOCH, else today."""
    if option:
        return dt.date.fromisoformat(option)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def cache_dir() -> Path:
    """Where builds keep their cache: OD_CACHE_DIR, else build/cache/ in the repository."""
    return Path(os.environ.get("OD_CACHE_DIR") or ROOT / "build" / "cache")


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The generator builds millions of small, acyclic objects (freed by reference counting);
    Python's cyclic collector rescans them again and again as the heap grows (at 10,000
    documents it doubled the load time). Pause it for the run. No collection at the end: it
    walked the whole heap for nothing (1.2 s a rebuild in the preview at 1,000 documents)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def shared_key(data_dir: Path, date: dt.date) -> str:
    """What every resolved document and page depends on: the registries, the catalog, the
    list of source texts, and the build date."""
    return digest(registries_key(data_dir), date.isoformat())


@contextlib.contextmanager
def _timed(timings: Optional[dict[str, float]], stage: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    if timings is not None:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started


def read_and_resolve(
    data_dir: Path, date: dt.date, cache: Optional[Cache] = None, timings: Optional[dict[str, float]] = None
) -> tuple[ReadResult, Optional[Resolved]]:
    """The one place the pipeline calls the reader and the resolver (on every core; through
    the cache if one is given). The resolution is None when the data has errors; it reports
    to the reader's sink. `timings` collects the seconds of each stage."""
    cache = cache or Cache(None)
    with _timed(timings, "read"):
        read = read_corpus(data_dir, cache.read_documents, load=cache.load_registry)
    if not read.ok:
        return read, None
    with _timed(timings, "citations"):
        citations = cache.citations(read.corpus.documents, document_citations)
    with _timed(timings, "resolve"):
        per_document = cache.per_document(shared_key(data_dir, date))
        resolved = resolve(read.corpus, date, read.sink, citations, per_document)
    return read, resolved


def check(data_dir: Path, date: dt.date | None = None, cache: Optional[Cache] = None) -> ReadResult:
    with gc_paused():
        return read_and_resolve(data_dir, date or build_date(), cache)[0]


@dataclass
class Built:
    read: ReadResult
    resolved: Optional[Resolved]
    pages: list[PageRecord] = field(default_factory=list)  # pages and open-data files, bodies in the cache
    copied: dict[str, Path] = field(default_factory=dict)  # docs-relative path -> file to publish as is
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage

    @property
    def ok(self) -> bool:
        return self.resolved is not None and self.read.ok


def build(
    data_dir: Path, date: dt.date, cache: Cache, site_url: str = "", markdown: bool = False, open_data: bool = True
) -> Built:
    """Every page (HTML, or Markdown with `markdown`), the open data (unless `open_data` is
    false) and the files to copy."""
    timings: dict[str, float] = {}
    with gc_paused():
        read, resolved = read_and_resolve(data_dir, date, cache, timings)
        if resolved is None or not read.ok:
            return Built(read, None, timings=timings)
        site = Site(resolved, data_dir, site_url)
        with _timed(timings, "plan"):
            shared = shared_key(data_dir, date)  # the site's URL: in the jobs that print it
            jobs = plan(site, open_data)
        with _timed(timings, "render"):
            pages = render_pages(site, jobs, cache, shared, markdown)
        return Built(read, resolved, pages, copied_files(site), timings)


# --- in memory, for tests and small corpora ---------------------------------------------


@dataclass
class RenderedSite:
    pages: dict[str, str]  # docs-relative .md path -> Markdown (the portable form)
    data_files: dict[str, str]
    files: dict[str, Path]
    edit_paths: dict[str, str]


@dataclass
class Generated:
    read: ReadResult
    resolved: Optional[Resolved]
    site: Optional[RenderedSite]

    @property
    def ok(self) -> bool:
        return self.site is not None


def generate(data_dir: Path, date: dt.date, site_url: str = "") -> Generated:
    """The whole site as portable Markdown, in memory, built without a cache. For tests and
    small corpora: builds write each page as it is rendered instead (`build`)."""
    with Cache.temporary() as cache:
        built = build(data_dir, date, cache, site_url, markdown=True)
        if not built.ok:
            return Generated(built.read, None, None)
        pages = {r.path: r.body.read_text(encoding="utf-8") for r in built.pages if r.path.endswith(".md")}
        data = {r.path: read_stored(r.path, r.body) for r in built.pages if not r.path.endswith(".md")}
        edits = {r.path: r.edit_path for r in built.pages if r.edit_path}
        return Generated(built.read, built.resolved, RenderedSite(pages, data, built.copied, edits))
