"""Incremental generation for the preview server (`make serve`).

A session lives as long as the server. It keeps every unchanged file's loaded and modelled
document, each document's extracted citations, and the previous render. After an edit only
the pages the edit can affect are rendered again: the edited documents, the documents they
cite or are cited by (before and after the edit), the organizations named in them, and the
list, timeline and task pages. A change to a registry or to the build date renders all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.corpus.read import read_corpus
from generator.build.pipeline import Generated, gc_paused, resolve_read
from generator.publish.render import RenderedSite, Reuse, render
from generator.link.resolve import Resolved


def _registry_stamp(data_dir: Path) -> tuple:
    files = [
        data_dir / "jurisdictions.yaml",
        data_dir / "references.yaml",
        *sorted((data_dir / "organizations").glob("*.yaml")),
        *sorted((data_dir / "sources").glob("*")),
    ]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.exists())


def _neighbours(resolved: Resolved, doc_ids: set[str]) -> set[str]:
    """Published documents whose pages show something of `doc_ids`."""
    refs, corpus = resolved.refs, resolved.corpus
    found: set[str] = set()
    for doc_id in doc_ids:
        found.update(refs.cites.get(doc_id, []))
        found.update(m.document_id for m in refs.cited_by.get(doc_id, []))
        found.update(r.target for r in refs.outgoing(doc_id))
        found.update(r.source for r in refs.incoming(doc_id))
    for document in corpus.documents.values():  # "số theo …" / "ngày theo …" name the citing document
        for source in (document.number, document.date):
            if source is not None and getattr(source, "cited_in", None) in doc_ids:
                found.add(document.id)
    return {d for d in found if d in corpus.documents}


def _organizations(resolved: Resolved, doc_ids: set[str]) -> set[str]:
    found: set[str] = set()
    for doc_id in doc_ids:
        document = resolved.corpus.documents.get(doc_id)
        if document is not None:
            found.add(document.issuer)
        for task in resolved.tasks_by_doc.get(doc_id, []):
            found.update(task.org_ids)
    return found


SESSION: "PreviewSession | None" = None  # set by the MkDocs adapter when serving
WRITTEN: dict[str, int] = {}  # preview page path -> hash of the text last written
SEARCH_INDEXED = False  # the preview builds the search index once, on its first build


@dataclass
class PreviewSession:
    read_cache: dict = field(default_factory=dict)
    extract_cache: dict = field(default_factory=dict)
    task_cache: dict = field(default_factory=dict)
    logged: set = field(default_factory=set)  # diagnostics already shown in this session
    previous: tuple | None = None  # (resolved, site, registry stamp, date, site_url)
    last_rendered: tuple[int, int] = (0, 0)  # documents, organizations rendered last time

    def generate(self, data_dir: Path, date: dt.date, site_url: str = "") -> Generated:
        with gc_paused():
            return self._generate(data_dir, date, site_url)

    def _generate(self, data_dir: Path, date: dt.date, site_url: str) -> Generated:
        read = read_corpus(data_dir, self.read_cache)
        resolved = resolve_read(read, date, self.extract_cache, self.task_cache)
        if resolved is None or not read.ok:
            return Generated(read=read, resolved=None, site=None)
        stamp = _registry_stamp(data_dir)
        reuse = None
        if self.previous is not None:
            old, old_site, old_stamp, old_date, old_url = self.previous
            if (old_stamp, old_date, old_url) == (stamp, date, site_url):
                reuse = self._reuse(old, old_site, resolved)
        site = render(resolved, data_dir, site_url, reuse)
        self.last_rendered = (
            (len(reuse.documents), len(reuse.organizations))
            if reuse
            else (len(resolved.corpus.documents), len(resolved.corpus.organizations))
        )
        self.previous = (resolved, site, stamp, date, site_url)
        return Generated(read=read, resolved=resolved, site=site)

    def new_diagnostics(self, diagnostics: list) -> list:
        """Errors every time; a warning only the first time the session sees it."""
        fresh = [d for d in diagnostics if d.is_error or d not in self.logged]
        self.logged.update(d for d in diagnostics if not d.is_error)
        return fresh

    @staticmethod
    def _reuse(old: Resolved, old_site: RenderedSite, new: Resolved) -> Reuse:
        before, after = old.corpus.documents, new.corpus.documents
        changed = {d for d in before.keys() | after.keys() if before.get(d) is not after.get(d)}
        documents = changed | _neighbours(old, changed) | _neighbours(new, changed)
        organizations = _organizations(old, changed) | _organizations(new, changed)
        cited = {t for resolved in (old, new) for d in changed for t in resolved.refs.cites.get(d, [])}
        return Reuse(
            site=old_site,
            documents=documents & after.keys(),
            organizations=organizations & new.corpus.organizations.keys(),
            catalog=cited & new.corpus.catalog.keys(),
            jurisdictions={d.split("/", 1)[0] for d in documents},
        )
