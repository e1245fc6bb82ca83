"""Incremental builds: a content-addressed cache of each document's read and extracted
citations and of each rendered page, kept in a folder between builds (build/cache/, or
OD_CACHE_DIR; the workflows keep it with actions/cache).

This module wraps the stages; the stages themselves are plain functions of their inputs.
Every entry's key is a hash of everything its value depends on, so a stale entry is never
used, only left behind (`prune` removes what a build did not touch):

- the generator's version: every file of generator/ (code, templates, schemas);
- a document's reading (the document with its origin, and what its file's own rules found):
  its path and bytes, and whether the source text it names exists (a file its rules refused
  is not kept: it is read again, so a warm build reports what a clean one does);
- a document's citations: the same key (they depend on its text alone);
- a page: the build date, the registries (jurisdictions, organisations, the catalog, the
  list of source texts), the page's URL, view and parameters, and the key of every document
  whose content the page shows (`PageJob.deps`). An edit to one document renders again its
  page, the pages that cite it or that it cites, its organisations' pages and the lists.

Entries are pickles and files written by this generator only (atomically: a temporary file
renamed into place), never from the data; a cache folder is trusted like the code.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from generator.corpus.load import LoadError, read_data_file
from generator.corpus.read import DocumentRead, DocumentSource, read_source
from generator.build.parallel import fork_map

GENERATOR = Path(__file__).resolve().parents[1]
GRACE_SECONDS = 24 * 3600  # entries untouched this long after a build are removed by prune


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def generator_version() -> str:
    """A hash of every file of the generator: code, templates and schemas."""
    files = sorted(p for p in GENERATOR.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".json"))
    return digest(*(part for p in files for part in (p.relative_to(GENERATOR).as_posix(), p.read_bytes())))


def registries_key(data_dir: Path) -> str:
    """What every page may show of the shared data: registries, catalog, source file names."""
    files = [data_dir / "jurisdictions.yaml", data_dir / "references.yaml"]
    files += sorted((data_dir / "organizations").glob("*.yaml"))
    parts: list[str | bytes] = []
    for path in files:
        parts.append(path.name)
        try:
            parts.append(read_data_file(path, data_dir, str(path), limit=50_000_000))
        except (LoadError, OSError):
            parts.append(b"\0unreadable")
    parts += sorted(p.name for p in (data_dir / "sources").glob("*"))
    return digest(*parts)


@dataclass
class _Cached:
    read: DocumentRead  # with its diagnostics, and the document with its origin (where it reports)
    source_file: Optional[str]  # the source text the document names
    source_known: bool  # whether it existed when it was read


@dataclass
class Cache:
    """The cache folder. `Cache.temporary()` gives one that is removed after the build (a
    clean build that keeps nothing); `Cache(None)` keeps nothing and holds no pages (for
    checking the data)."""

    folder: Optional[Path]
    version: str = field(default_factory=generator_version)
    document_keys: dict[str, str] = field(default_factory=dict)  # document id -> key of its content
    hits: dict[str, int] = field(default_factory=dict)  # what came from the cache, per kind
    misses: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.time)

    # --- storage ----------------------------------------------------------------------

    @classmethod
    @contextlib.contextmanager
    def temporary(cls) -> Iterator["Cache"]:
        with tempfile.TemporaryDirectory(prefix="od-cache-") as folder:
            yield cls(Path(folder))

    def path(self, kind: str, key: str, suffix: str) -> Path:
        if self.folder is None:
            raise ValueError("this cache has no folder")
        return self.folder / kind / key[:2] / f"{key}{suffix}"

    def load(self, kind: str, key: str) -> Any:
        """The pickled entry, or None (and never an exception for a broken entry)."""
        if self.folder is None:
            return None
        path = self.path(kind, key, ".pickle")
        try:
            value = pickle.loads(path.read_bytes())
            os.utime(path)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
            self.misses[kind] = self.misses.get(kind, 0) + 1
            return None
        self.hits[kind] = self.hits.get(kind, 0) + 1
        return value

    def store(self, kind: str, key: str, value: Any) -> None:
        if self.folder is not None:
            self.write(self.path(kind, key, ".pickle"), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    @staticmethod
    def write(path: Path, data: bytes) -> None:
        """Write atomically: another build reading the cache sees the old entry or the new."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    # --- stage 1: reading documents -------------------------------------------------------

    def _content_key(self, source: DocumentSource) -> Optional[str]:
        try:
            data = read_data_file(source.path, source.root, str(source.path))
        except (LoadError, OSError):
            return None  # read_source reports it
        return digest(self.version, os.getcwd(), str(source.path), source.expected_id, data)

    def read_documents(self, sources: list[DocumentSource]) -> Iterable[DocumentRead]:
        """read_document for every file: from the cache when its bytes were read before,
        else on every core."""
        keys = [self._content_key(s) if self.folder is not None else None for s in sources]
        found: list[Optional[DocumentRead]] = []
        for source, key in zip(sources, keys):
            hit = self.load("read", key) if key else None
            if isinstance(hit, _Cached) and (hit.source_file in source.known_sources) == hit.source_known:
                found.append(hit.read)
            else:
                found.append(None)
        missing = [i for i, read in enumerate(found) if read is None]
        for i, read in zip(missing, fork_map(read_source, [sources[i] for i in missing])):
            found[i] = read
            key = keys[i]
            # A file a rule refused may have been refused for the source text it names, which
            # only the modelled document records: such a read is not kept (it is read again).
            if key and (read.document is not None or read.id is None):
                name = read.document.source_file if read.document else None
                self.store("read", key, _Cached(read, name, name in sources[i].known_sources))
        for key, done in zip(keys, found):
            assert done is not None
            if done.document is not None:
                self.document_keys[done.document.id] = key or ""
            yield done

    # --- stage 4: extracting citations ---------------------------------------------------

    def citations(self, documents: dict[str, Any], extract: Callable[[Any], Any]) -> dict[str, Any]:
        """extract(document) for every document: cached by the document's content key."""
        found: dict[str, Any] = {}
        for doc_id in documents:
            key = self.document_keys.get(doc_id)
            hit = self.load("cite", key) if key else None
            if hit is not None:
                found[doc_id] = hit
        missing = [d for d in documents if d not in found]
        for doc_id, citations in zip(missing, fork_map(extract, [documents[d] for d in missing])):
            found[doc_id] = citations
            key = self.document_keys.get(doc_id)
            if key:
                self.store("cite", key, citations)
        return {doc_id: found[doc_id] for doc_id in documents}

    # --- stage 5: pages ------------------------------------------------------------------

    def page_key(self, shared: str, key_data: str, deps: Iterable[str]) -> str:
        keys = self.document_keys
        return digest(self.version, shared, key_data, *(f"{d}={keys.get(d, '')}" for d in deps))

    def prune(self) -> int:
        """Remove the entries no build has used for GRACE_SECONDS; returns how many."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        limit = self.started - GRACE_SECONDS
        for path in self.folder.rglob("*"):
            try:
                if path.is_file() and not path.is_symlink() and path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed
