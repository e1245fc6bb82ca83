"""Read the whole data folder: load, validate and model every file, and run the rules.

This is the front half of the pipeline (load -> validate -> model); it never renders. What
it finds goes to one `Sink`, which the link stage reports to next. A document keeps its
origin (its file and the positions later stages report at); the rest of each file's
position tables, and its raw data, are dropped once the file's rules have run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from generator.corpus import rules, validate
from generator.corpus.builders import make_catalog_entry, make_document, make_organization
from generator.corpus.corpus_rules import catalog_date_exists
from generator.corpus.diagnostics import Diagnostic, Location, Origin, Sink
from generator.corpus.document_rules import DocumentFile
from generator.corpus.load import LoadError, Loaded, load_file
from generator.corpus.model import CatalogEntry, Corpus, Document, Jurisdiction, Organization
from generator.corpus.sources import Sources

LAYOUT = "tệp văn bản phải nằm ở data/documents/<địa bàn>/<tên>.yaml"


@dataclass
class ReadResult:
    corpus: Corpus  # everything that could be read; build it only when `ok`
    sink: Sink  # what reading found; the link stage reports here too

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.sink.sorted()

    @property
    def ok(self) -> bool:
        return not self.sink.has_errors


def _display(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)
    return str(path.parent.resolve() / path.name) if relative.startswith("..") else relative  # never a link's target


def _load(path: Path, schema_name: str, root: Path, sink: Sink) -> Optional[Loaded]:
    """A YAML file below `root` that passed its schema; None (reported) when it did not."""
    try:
        loaded = load_file(path, _display(path), root)
    except LoadError as exc:
        sink.add(exc.diagnostic)
        return None
    rules.run(rules.YAML_RULES, sink, loaded)
    problems = validate.schema_diagnostics(loaded, schema_name)
    sink.extend(problems)
    return None if problems else loaded


def load_checked(path: Path, schema_name: str, root: Path) -> tuple[Optional[Loaded], tuple[Diagnostic, ...]]:
    """A registry file loaded and checked on its own: (the file or None, what was found)."""
    sink = Sink()
    loaded = _load(path, schema_name, root, sink)
    return loaded, tuple(sink.sorted())


LoadChecked = Callable[[Path, str, Path], tuple[Optional[Loaded], tuple[Diagnostic, ...]]]


def _registry(path: Path, schema_name: str, root: Path, sink: Sink, load: LoadChecked) -> Optional[Loaded]:
    loaded, diagnostics = load(path, schema_name, root)
    sink.extend(diagnostics)
    return loaded


# --- documents ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRead:
    """One document file read on its own: everything that depends on that file alone."""

    id: Optional[str]  # None when the file could not be loaded or failed its schema
    id_at: Location  # where the id is written
    document: Optional[Document]  # None when a rule on the file found an error
    diagnostics: tuple[Diagnostic, ...]


def read_document(path: Path, expected_id: str, known_sources: frozenset[str], root: Path) -> DocumentRead:
    """Load, validate and model one document file, and run the rules on it alone."""
    sink = Sink()
    loaded = _load(path, "document.schema.json", root, sink)
    if loaded is None:
        return DocumentRead(None, Location(_display(path)), None, tuple(sink.sorted()))
    origin = loaded.origin()
    document = None
    if not rules.run(rules.FILE_RULES, sink, DocumentFile(loaded, expected_id, known_sources)):
        document = make_document(loaded.data, origin)
        rules.run(rules.DOCUMENT_RULES, sink, document, origin)
    return DocumentRead(loaded.data["id"], origin.at(("id",)), document, tuple(sink.sorted()))


@dataclass(frozen=True)
class DocumentSource:
    """A document file to read, and what its reading depends on besides its bytes."""

    path: Path
    expected_id: str  # "<jurisdiction folder>/<file stem>"
    known_sources: frozenset[str]  # the source texts in data/sources/
    root: Path  # the data folder


def read_source(source: DocumentSource) -> DocumentRead:
    return read_document(source.path, source.expected_id, source.known_sources, source.root)


ReadAll = Callable[[list[DocumentSource]], Iterable[DocumentRead]]


def read_documents(sources: list[DocumentSource]) -> Iterable[DocumentRead]:
    """Read the document files one after another (the build passes a parallel, cached version)."""
    return map(read_source, sources)


def _documents(data_dir: Path, read_all: ReadAll, sink: Sink) -> dict[str, Document]:
    """data/documents/<jurisdiction>/<slug>.yaml; of two files with one id, the first counts."""
    known_sources = frozenset(p.name for p in (data_dir / "sources").glob("*.txt") if not p.is_symlink())
    doc_dir = data_dir / "documents"
    documents: dict[str, Document] = {}
    sources: list[DocumentSource] = []
    for path in sorted(doc_dir.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        relative = path.relative_to(doc_dir)
        if path.suffix not in (".yaml", ".yml") or len(relative.parts) != 2:
            sink.error(Location(_display(path)), LAYOUT)
            continue
        sources.append(DocumentSource(path, f"{relative.parts[0]}/{path.stem}", known_sources, data_dir))
    for read in read_all(sources):
        sink.extend(read.diagnostics)
        if read.id is None:
            continue
        if read.id in documents:
            sink.error(read.id_at, f"mã văn bản “{read.id}” bị trùng với {documents[read.id].yaml_path}")
        elif read.document is not None:
            documents[read.id] = read.document
    return documents


# --- registries --------------------------------------------------------------------------------


def _jurisdictions(file: Optional[Loaded]) -> dict[str, Jurisdiction]:
    return {raw["id"]: Jurisdiction(**raw) for raw in file.data} if file is not None else {}


def _organizations(files: list[Loaded]) -> tuple[dict[str, Organization], dict[str, Origin]]:
    """Every organization, and the origin of its entry (the last, if it is repeated)."""
    organizations: dict[str, Organization] = {}
    origins: dict[str, Origin] = {}
    for file in files:
        origin = file.origin()
        for i, raw in enumerate(file.data):
            organization = make_organization(raw)
            organizations[organization.id] = organization
            origins[organization.id] = origin.entry(i)
    return organizations, origins


def _catalog(file: Optional[Loaded]) -> tuple[dict[str, CatalogEntry], dict[str, Origin]]:
    """The catalog of cited documents; an entry whose date does not exist is left out."""
    catalog: dict[str, CatalogEntry] = {}
    origins: dict[str, Origin] = {}
    if file is not None:
        origin = file.origin()
        for i, raw in enumerate(file.data):
            if catalog_date_exists(raw):
                catalog[raw["id"]] = make_catalog_entry(raw)
                origins[raw["id"]] = origin.entry(i)
    return catalog, origins


# --- the whole folder --------------------------------------------------------------------------


def read_corpus(
    data_dir: Path, read_all: ReadAll = read_documents, sink: Sink | None = None, load: LoadChecked = load_checked
) -> ReadResult:
    """Every file of `data_dir`, modelled; what is wrong reported to `sink` (a new one if None).
    `read_all` reads the document files and `load` each registry file (the build passes cached
    versions; the documents are read on every core)."""
    sink = Sink() if sink is None else sink
    jurisdictions_path, references_path = data_dir / "jurisdictions.yaml", data_dir / "references.yaml"
    jurisdiction_file = (
        _registry(jurisdictions_path, "jurisdictions.schema.json", data_dir, sink, load)
        if jurisdictions_path.exists()
        else None
    )
    organization_files = [
        loaded
        for path in sorted((data_dir / "organizations").glob("*.yaml"))
        if (loaded := _registry(path, "organizations.schema.json", data_dir, sink, load)) is not None
    ]
    reference_file = (
        _registry(references_path, "references.schema.json", data_dir, sink, load) if references_path.exists() else None
    )
    organizations, organization_origins = _organizations(organization_files)
    catalog, catalog_origins = _catalog(reference_file)
    corpus = Corpus(
        documents=_documents(data_dir, read_all, sink),
        organizations=organizations,
        jurisdictions=_jurisdictions(jurisdiction_file),
        catalog=catalog,
    )
    sources = Sources(
        data_dir,
        _display,
        corpus,
        catalog=catalog_origins,
        organizations=organization_origins,
        jurisdiction_file=jurisdiction_file,
        organization_files=organization_files,
        reference_file=reference_file,
    )
    rules.run(rules.CORPUS_RULES, sink, sources)
    return ReadResult(corpus, sink)
