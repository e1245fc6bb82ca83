"""Incremental builds: a content-addressed cache of each document's read and extracted
citations and of each rendered page, kept in a folder between builds (build/cache/, or
OD_CACHE_DIR; the workflows keep it with actions/cache).

This module wraps the stages; the stages themselves are plain functions of their inputs.
Every entry's key is a hash of everything its value depends on, so a stale entry is never
used, only left behind (`prune` removes what a build did not touch):

- the generator's version: every file of generator/ (code, templates, schemas);
- a document's reading (the document with its origin, and what its file's own rules found):
  its path and bytes, and whether the source text it names exists (a file its rules refused
  is not kept: it is read again, so a warm build reports what a clean one does); a file whose
  signature (times, size, inode) is the last build's is not read again to know its bytes'
  hash (`Cache._signature`);
- a document's citations: the same key (they depend on its text alone);
- a page: the build date, the registries (jurisdictions, organisations, the catalog, the
  list of source texts), the page's URL, view and parameters (the site's address only for
  what prints it: document pages and the open data), and the key of every document whose
  content the page shows (`PageJob.deps`);
- a per-document result of link/ (a document's tasks, its citations' targets): the document,
  the registries and the build date (and, for citations, which documents exist with which
  number and year).

An edit to one document renders again its page, the pages that cite it or that it cites, its
organisations' pages and the lists.

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
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Optional, Sequence

from generator.corpus.diagnostics import Diagnostic
from generator.corpus.load import LoadError, Loaded, read_data_file
from generator.corpus.read import DocumentRead, DocumentSource, load_checked, read_source
from generator.build.parallel import fork_map
from generator.build.record_log import RecordLog

GENERATOR = Path(__file__).resolve().parents[1]
GRACE_SECONDS = 24 * 3600  # entries untouched this long after a build are removed by prune
PRUNE_EVERY = 3600  # seconds between two prunes of one cache folder
SIGNATURES = "signatures.pickle"  # the files the last build read: path -> (signature, key)
RACY_SECONDS = 2  # a file changed this recently is read again (see Cache._signature)


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


def unpickled(path: Path) -> Any:
    """The value pickled in `path`, or None when there is none or it is broken (an entry of
    another Python, a half-written file): a broken entry is a miss, never an error."""
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        return None


@dataclass
class _Cached:
    read: DocumentRead  # with its diagnostics, and the document with its origin (where it reports)
    source_file: Optional[str]  # the source text the document names
    source_known: bool  # whether it existed when it was read


# Entries also kept in this process's memory, for a process that builds again and again (the
# preview server): (kind, key) -> value, the same content-addressed entries as on disk.
# `Cache.keep_only_used` leaves in it what the last build used and nothing else.
_MEMORY: dict[tuple[str, str], Any] = {}


@dataclass
class Cache:
    """The cache folder. `Cache.temporary()` gives one that is removed after the build (a
    clean build that keeps nothing); `Cache(None)` keeps nothing and holds no pages (for
    checking the data). With `memory`, entries are also kept in this process between builds."""

    folder: Optional[Path]
    memory: bool = False
    version: str = field(default_factory=generator_version)
    document_keys: dict[str, str] = field(default_factory=dict)  # document id -> key of its content
    hits: dict[str, int] = field(default_factory=dict)  # what came from the cache, per kind
    misses: dict[str, int] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)  # keys this build read or wrote (prune keeps them)
    started: float = field(default_factory=time.time)
    _folders: set[Path] = field(default_factory=set)  # folders known to exist
    _deps_keys: dict[tuple[str, ...], str] = field(default_factory=dict)  # see _deps_key
    _signatures: Optional[dict[str, tuple[Any, str]]] = None  # see _known_signatures
    _indexes: dict[str, RecordLog] = field(default_factory=dict)  # the page indexes, by name

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

    def _count(self, kind: str, hit: bool) -> None:
        counter = self.hits if hit else self.misses
        counter[kind] = counter.get(kind, 0) + 1

    def load(self, kind: str, key: str) -> Any:
        """The entry (from memory, else its pickle), or None (and never an exception for a
        broken entry)."""
        if self.folder is None:
            return None
        value = _MEMORY.get((kind, key)) if self.memory else None
        if value is None:
            value = unpickled(self.path(kind, key, ".pickle"))
            if value is None:
                self._count(kind, False)
                return None
            self.remember(kind, key, value)
        self._count(kind, True)
        self.used.add(key)
        return value

    def remember(self, kind: str, key: str, value: Any) -> None:
        if self.memory:
            _MEMORY[(kind, key)] = value

    def keep(self, name: str, value: Any) -> None:
        """Keep a value in this process's memory, by name (the preview's last good build)."""
        if self.memory:
            _MEMORY[("kept", name)] = value

    def recall(self, name: str) -> Any:
        return _MEMORY.get(("kept", name)) if self.memory else None

    def keep_only_used(self) -> None:
        """Forget, in memory, what this build did not use (the preview's memory stays the size
        of one build)."""
        for entry in [e for e in _MEMORY if e[0] != "kept" and e[1] not in self.used]:
            del _MEMORY[entry]

    def store(self, kind: str, key: str, value: Any) -> None:
        if self.folder is not None:
            self.write(self.path(kind, key, ".pickle"), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def write(self, path: Path, data: bytes) -> None:
        """Write atomically (a temporary file renamed into place): another build reading the
        cache sees the old entry or the new, never half of one."""
        self.write_with(path, lambda out: out.write(data))

    def write_with(self, path: Path, fill: Callable[[BinaryIO], Any]) -> None:
        """Write atomically what `fill` writes to the file it is given (piece by piece)."""
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with temporary.open("wb") as out:
                fill(out)
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    # --- stage 1: reading documents -------------------------------------------------------

    def _signature(self, path: Path, *depends: str) -> Optional[tuple[Any, ...]]:
        """What identifies a file's bytes without reading them, as git's index does: its
        times, size, inode and device (and what else its reading `depends` on). None for a
        file changed in the last RACY_SECONDS: a second edit in the same tick of a coarse
        clock would keep its signature, so it is read again until it is older."""
        try:
            info = os.lstat(path)
        except OSError:
            return None
        if info.st_mtime_ns > time.time_ns() - RACY_SECONDS * 1_000_000_000:
            return None
        times = (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino, info.st_dev)
        return (self.version, os.getcwd(), *depends, *times)

    def load_registry(
        self, path: Path, schema_name: str, root: Path
    ) -> tuple[Optional[Loaded], tuple[Diagnostic, ...]]:
        """load_checked for a registry file (organisations, places, the catalog); the preview
        keeps the result while the file's signature is unchanged (at 1,000 documents, loading
        the 64 registry files again took 0.15 s a rebuild)."""
        if not self.memory:
            return load_checked(path, schema_name, root)
        signature = self._signature(path, schema_name, str(root))
        known = _MEMORY.get(("kept", f"registry {path}"))
        if signature is not None and known is not None and known[0] == signature:
            return known[1]
        result = load_checked(path, schema_name, root)
        if signature is not None:
            _MEMORY[("kept", f"registry {path}")] = (signature, result)
        return result

    def _known_signatures(self) -> dict[str, tuple[Any, str]]:
        """path -> (signature, key) of the files the last build read (in this process's memory
        for the preview, else from the cache folder)."""
        if self._signatures is None:
            self._signatures = {}
            if self.memory:
                self._signatures = _MEMORY.get(("kept", "signatures")) or {}
            elif self.folder is not None:
                found = unpickled(self.folder / SIGNATURES)
                self._signatures = found if isinstance(found, dict) else {}
        return self._signatures

    def _content_key(self, source: DocumentSource, signatures: dict[str, tuple[Any, str]]) -> Optional[str]:
        """The key of a file's content: from the last build's when its signature is unchanged
        (at 10,000 documents, hashing 213 MB of YAML took 2 s), else a hash of its bytes.
        `signatures` receives this build's."""
        path = str(source.path)
        signature = self._signature(source.path, source.expected_id)
        known = self._known_signatures().get(path)
        if signature is not None and known is not None and known[0] == signature:
            signatures[path] = known
            return known[1]
        try:
            data = read_data_file(source.path, source.root, path)
        except (LoadError, OSError):
            return None  # read_source reports it
        key = digest(self.version, os.getcwd(), path, source.expected_id, data)
        if signature is not None:
            signatures[path] = (signature, key)
        return key

    def _keep_signatures(self, signatures: dict[str, tuple[Any, str]]) -> None:
        if signatures == self._known_signatures():
            return
        self._signatures = signatures
        if self.memory:
            _MEMORY[("kept", "signatures")] = signatures
        elif self.folder is not None:
            self.write(self.folder / SIGNATURES, pickle.dumps(signatures, protocol=pickle.HIGHEST_PROTOCOL))

    def read_documents(self, sources: list[DocumentSource]) -> Iterable[DocumentRead]:
        """read_source for every file: from the cache when its bytes were read before,
        else on every core (each worker stores what it read)."""
        signatures: dict[str, tuple[Any, str]] = {}
        keys = [self._content_key(s, signatures) if self.folder is not None else None for s in sources]
        if self.folder is not None:
            self._keep_signatures(signatures)
        found: list[Optional[DocumentRead]] = []
        for source, key in zip(sources, keys):
            hit = self.load("read", key) if key else None
            ok = isinstance(hit, _Cached) and (hit.source_file in source.known_sources) == hit.source_known
            found.append(hit.read if isinstance(hit, _Cached) and ok else None)
        missing = [i for i, read in enumerate(found) if read is None]

        def kept(i: int, result: DocumentRead) -> Optional[_Cached]:
            """What the cache keeps of a fresh read. A file a rule refused may have been
            refused for the source text it names, which only the modelled document records:
            such a read is not kept (it is read again)."""
            if not keys[i] or (result.document is None and result.id is not None):
                return None
            name = result.document.source_file if result.document else None
            return _Cached(result, name, name in sources[i].known_sources)

        def read(i: int) -> DocumentRead:
            result = read_source(sources[i])
            entry = kept(i, result)
            if entry is not None:
                self.store("read", keys[i] or "", entry)
            return result

        for i, fresh in zip(missing, fork_map(read, missing)):
            found[i] = fresh
            entry = kept(i, fresh)
            if entry is not None:
                self.remember("read", keys[i] or "", entry)
        for key, result in zip(keys, found):
            assert result is not None
            if key:
                self.used.add(key)
            if result.document is not None:
                self.document_keys[result.document.id] = key or ""
            yield result

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

        def one(doc_id: str) -> Any:
            result = extract(documents[doc_id])
            key = self.document_keys.get(doc_id)
            if key:
                self.store("cite", key, result)
            return result

        for doc_id, result in zip(missing, fork_map(one, missing)):
            found[doc_id] = result
            self.remember("cite", self.document_keys.get(doc_id) or "", result)
        return {doc_id: found[doc_id] for doc_id in documents}

    # --- stage 4: resolving, per document ------------------------------------------------

    def _stage_keys(self, stage: str, items: Sequence[Any], shared: str) -> list[Optional[str]]:
        """The key of each item's result in a stage of link/ (crossrefs.PerDocument): a
        document's tasks depend on it, the registries and the build date; its citations'
        targets on it, the registries and which documents exist with which number and year."""
        if self.folder is None:
            return [None] * len(items)
        if stage == "tasks":  # items: document ids
            ids = list(items)
            context = shared
        elif stage == "citations":  # items: documents
            ids = [d.id for d in items]
            context = digest(
                shared, *(f"{d.id}|{d.jurisdiction}|{d.symbol}|{d.issued.year if d.issued else ''}" for d in items)
            )
        else:
            return [None] * len(items)
        return [
            digest(self.version, stage, context, self.document_keys[i]) if self.document_keys.get(i) else None
            for i in ids
        ]

    def per_document(self, shared: str) -> Callable[[str, Callable[[Any], Any], Sequence[Any]], list[Any]]:
        """How link/ runs its per-document stages: on every core, each result kept under its key
        (`shared`: the registries and the build date)."""

        def run(stage: str, fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
            keys = self._stage_keys(stage, items, shared)
            found = [self.load(stage, key) if key else None for key in keys]
            missing = [i for i, value in enumerate(found) if value is None]

            def one(i: int) -> Any:
                value = fn(items[i])
                if keys[i]:
                    self.store(stage, keys[i] or "", value)
                return value

            for i, value in zip(missing, fork_map(one, missing)):
                found[i] = value
                if keys[i]:
                    self.remember(stage, keys[i] or "", value)
                    self.used.add(keys[i] or "")
            return found

        return run

    # --- stage 5: pages ------------------------------------------------------------------

    def page_key(self, shared: str, key_data: str, deps: tuple[str, ...]) -> str:
        return digest(self.version, shared, key_data, self._deps_key(deps))

    def _deps_key(self, deps: tuple[str, ...]) -> str:
        """The content of the documents `deps`, as one hash: remembered, since a document's
        page and its parts of the whole-corpus files share theirs (and every list its own)."""
        found = self._deps_keys.get(deps)
        if found is None:
            keys = self.document_keys
            found = self._deps_keys[deps] = digest(*(f"{d}={keys.get(d, '')}" for d in deps))
        return found

    def parts(self, name: str) -> dict[str, str]:
        """The parts kept for a file made of parts (see pages.py), by the file's name: part key
        -> text; empty when none were kept (or the entry is broken)."""
        if self.folder is None:
            return {}
        value = unpickled(self.path("parts", self.parts_used(name), ".pickle"))
        return value if isinstance(value, dict) else {}

    def parts_used(self, name: str) -> str:
        """Mark the parts of a file as used by this build (prune keeps them); their key."""
        key = digest("parts", name)
        self.used.add(key)
        return key

    def keep_parts(self, name: str, parts: dict[str, str]) -> None:
        """Keep this build's parts of a file (replacing the last build's)."""
        if self.folder is not None:  # pickled straight to the file: no second copy in memory
            path = self.path("parts", self.parts_used(name), ".pickle")
            self.write_with(path, lambda out: pickle.dump(parts, out, protocol=pickle.HIGHEST_PROTOCOL))

    # --- the page indexes: logs of records by key (record_log.py) -------------------------

    def _index(self, name: str) -> RecordLog:
        assert self.folder is not None
        return self._indexes.setdefault(name, RecordLog(self.folder / "page" / f"{name}.jsonl"))

    def load_index(self, name: str) -> dict[str, dict[str, Any]]:
        """key -> record of every page the index `name` lists."""
        return self._index(name).load() if self.folder is not None else {}

    def add_to_index(self, name: str, entries: dict[str, dict[str, Any]]) -> None:
        """Add records to an index, after load_index."""
        if self.folder is not None:
            self._index(name).add(entries, self.write)

    def prune(self) -> int:
        """Remove the entries this build did not use and no build wrote for GRACE_SECONDS
        (another build may be using younger ones), and their lines of the page indexes;
        returns how many files were removed. At most once every PRUNE_EVERY seconds (a walk of
        the whole folder: 2.8 s at 10,000 documents); a build that skips it leaves entries a
        little longer, nothing else."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        stamp = self.folder / "pruned"
        try:
            if stamp.stat().st_mtime > time.time() - PRUNE_EVERY:
                return 0
        except OSError:
            pass
        self.write(stamp, b"")
        removed: set[str] = set()
        limit = self.started - GRACE_SECONDS
        for path in self.folder.glob("*/*/*"):
            try:
                if path.name.split(".", 1)[0] in self.used or path.is_symlink() or path.stat().st_mtime >= limit:
                    continue
                path.unlink()
                removed.add(path.name.split(".", 1)[0])
            except OSError:
                continue
        for path in self.folder.glob("page/index-*.jsonl"):
            log = RecordLog(path)
            entries = log.load()
            if removed or log.lines > len(entries):
                log.rewrite({key: entry for key, entry in entries.items() if key not in removed}, self.write)
        return len(removed)
