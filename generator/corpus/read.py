"""Read the whole data folder: load, validate and model every file, collecting diagnostics.

This is the front half of the pipeline (load -> validate -> model); it never renders.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.corpus import hints, integrity, unfinished, validate
from generator.corpus.diagnostics import ERROR, WARNING, Diagnostic
from generator.corpus.load import LoadError, Loaded, load_file
from generator.corpus.model import Corpus, Document, Jurisdiction, make_catalog_entry, make_document, make_organization
from generator.vn.dates import PartialDate


@dataclass
class ReadResult:
    corpus: Corpus | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    loaded: dict[str, Loaded] = field(default_factory=dict)  # document or catalog id -> its YAML
    catalog_index: dict[str, int] = field(default_factory=dict)  # catalog id -> position in references.yaml

    @property
    def ok(self) -> bool:
        return self.corpus is not None and not any(d.is_error for d in self.diagnostics)


def _display(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)
    return str(path.parent.resolve() / path.name) if relative.startswith("..") else relative  # never a link's target


def _load(path: Path, schema_name: str, diagnostics: list[Diagnostic], root: Path) -> Loaded | None:
    try:
        loaded = load_file(path, _display(path), root)
    except LoadError as exc:
        diagnostics.append(exc.diagnostic)
        return None
    diagnostics.extend(unfinished.diagnostics(loaded))  # TODO comments, placeholder values
    problems = validate.schema_diagnostics(loaded, schema_name)
    diagnostics.extend(problems)
    return None if problems else loaded


@dataclass
class _DocumentRead:
    loaded: Loaded | None  # None when the file could not be read or failed the schema
    diagnostics: list[Diagnostic]
    document: Document | None  # None when a per-file rule failed


ReadCache = dict  # path -> ((mtime_ns, size, sources), _DocumentRead); kept by a preview session


def _read_document(
    path: Path, expected_id: str, known_sources: frozenset[str], cache: ReadCache | None, root: Path
) -> _DocumentRead:
    """Load, validate and model one document file: everything that depends on it alone.

    With a cache (the preview server keeps one), an unchanged file is not read again and
    keeps the same Document object, so later stages can tell what changed."""
    stat = path.lstat()
    stamp = (stat.st_mtime_ns, stat.st_size, known_sources)
    if cache is not None and path in cache and cache[path][0] == stamp:
        return cache[path][1]
    diagnostics: list[Diagnostic] = []
    loaded = _load(path, "document.schema.json", diagnostics, root)
    document = None
    if loaded is not None:
        problems = validate.document_diagnostics(loaded, expected_id, known_sources)
        diagnostics.extend(problems)
        if not any(p.is_error for p in problems):
            document = make_document(loaded.data, loaded.path)
            diagnostics.extend(_structure_diagnostics(document, loaded))
    read = _DocumentRead(loaded, diagnostics, document)
    if cache is not None:
        cache[path] = (stamp, read)
    return read


def read_corpus(data_dir: Path, cache: ReadCache | None = None) -> ReadResult:
    diagnostics: list[Diagnostic] = []
    result = ReadResult(corpus=None, diagnostics=diagnostics)

    def add(loaded: Loaded, at: tuple, message: str, hint: str = "", severity: str = ERROR) -> None:
        line, col = loaded.where(at)
        diagnostics.append(Diagnostic(loaded.path, line, col, severity, message, hint))

    # Jurisdictions and organizations.
    jurisdictions: dict[str, Jurisdiction] = {}
    jur_file = data_dir / "jurisdictions.yaml"
    loaded_j = _load(jur_file, "jurisdictions.schema.json", diagnostics, data_dir) if jur_file.exists() else None
    if loaded_j:
        for i, raw in enumerate(loaded_j.data):
            if raw["id"] in jurisdictions:
                add(loaded_j, (i, "id"), f"mã địa bàn “{raw['id']}” bị trùng")
            jurisdictions[raw["id"]] = Jurisdiction(**raw)

    organizations = {}
    org_sources: dict[str, tuple[Loaded, int]] = {}
    for path in sorted((data_dir / "organizations").glob("*.yaml")):
        loaded = _load(path, "organizations.schema.json", diagnostics, data_dir)
        if not loaded:
            continue
        for i, raw in enumerate(loaded.data):
            org = make_organization(raw)
            if org.jurisdiction != path.stem:
                add(loaded, (i, "id"), f"cơ quan “{org.id}” phải nằm trong tệp {org.jurisdiction}.yaml")
            if org.jurisdiction not in jurisdictions:
                add(
                    loaded,
                    (i, "id"),
                    f"địa bàn “{org.jurisdiction}” chưa khai báo trong data/jurisdictions.yaml",
                    hints.jurisdiction_hint(org.jurisdiction),
                )
            if org.id in organizations:
                add(loaded, (i, "id"), f"mã cơ quan “{org.id}” bị trùng")
            organizations[org.id] = org
            org_sources[org.id] = (loaded, i)
    for org_id, (loaded, i) in org_sources.items():
        parent = organizations[org_id].parent
        if parent and parent not in organizations:
            add(loaded, (i, "parent"), f"không có cơ quan cấp trên “{parent}”")

    # Catalog of cited-but-unpublished documents.
    catalog = {}
    ref_file = data_dir / "references.yaml"
    loaded_r = _load(ref_file, "references.schema.json", diagnostics, data_dir) if ref_file.exists() else None
    if loaded_r:
        for i, raw in enumerate(loaded_r.data):
            jurisdiction = raw["id"].split("/", 1)[0]
            if jurisdiction not in jurisdictions:
                add(
                    loaded_r,
                    (i, "id"),
                    f"địa bàn “{jurisdiction}” chưa khai báo trong data/jurisdictions.yaml",
                    hints.jurisdiction_hint(jurisdiction),
                )
            if raw.get("date") and PartialDate.parse_or_none(raw["date"]) is None:
                add(loaded_r, (i, "date"), f"ngày không tồn tại: {raw['date']}")
                continue
            if raw["id"] in catalog:
                add(loaded_r, (i, "id"), f"mã “{raw['id']}” bị trùng trong danh mục")
            catalog[raw["id"]] = make_catalog_entry(raw)
            result.loaded[raw["id"]] = loaded_r
            result.catalog_index[raw["id"]] = i

    # Documents: data/documents/<jurisdiction>/<slug>.yaml
    known_sources = frozenset(p.name for p in (data_dir / "sources").glob("*.txt") if not p.is_symlink())
    doc_dir = data_dir / "documents"
    raw_docs: dict[str, Loaded] = {}
    models: dict[str, Document] = {}
    for path in sorted(doc_dir.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        relative = path.relative_to(doc_dir)
        if path.suffix not in (".yaml", ".yml") or len(relative.parts) != 2:
            diagnostics.append(
                Diagnostic(_display(path), 1, 1, ERROR, "tệp văn bản phải nằm ở data/documents/<địa bàn>/<tên>.yaml")
            )
            continue
        read = _read_document(path, f"{relative.parts[0]}/{path.stem}", known_sources, cache, data_dir)
        diagnostics.extend(read.diagnostics)
        if read.loaded is None:
            continue
        doc_id = read.loaded.data["id"]
        if doc_id in raw_docs:
            add(read.loaded, ("id",), f"mã văn bản “{doc_id}” bị trùng với {raw_docs[doc_id].path}")
            continue
        if read.document is not None:
            raw_docs[doc_id] = read.loaded
            models[doc_id] = read.document

    # References between files.
    for doc_id, loaded in raw_docs.items():
        data = loaded.data
        if doc_id.split("/")[0] not in jurisdictions:
            add(
                loaded,
                ("id",),
                f"địa bàn “{doc_id.split('/')[0]}” chưa khai báo trong data/jurisdictions.yaml",
                hints.jurisdiction_hint(doc_id.split("/")[0]),
            )
        if data["issuer"] not in organizations:
            add(
                loaded,
                ("issuer",),
                f"không có cơ quan “{data['issuer']}” trong danh mục cơ quan",
                hints.organization_hint(data["issuer"]),
            )
        for i, target in enumerate(data.get("attachments", [])):
            if target not in raw_docs:
                add(loaded, ("attachments", i), f"không có văn bản kèm theo “{target}”")
        for key in ("number", "date"):
            cited_in = (data.get(key) or {}).get("cited_in")
            if cited_in and cited_in not in raw_docs:
                add(loaded, (key, "cited_in"), f"không có văn bản “{cited_in}”")

    documents = models
    for doc_id in catalog:
        if doc_id in raw_docs:
            add(loaded_r, (result.catalog_index[doc_id], "id"), f"mã “{doc_id}” trùng với một văn bản đã công bố")
    result.loaded.update(raw_docs)
    result.corpus = Corpus(
        documents=documents, organizations=organizations, jurisdictions=jurisdictions, catalog=catalog
    )
    diagnostics.extend(
        integrity.diagnostics(
            data_dir,
            _display,
            documents,
            catalog,
            organizations,
            jurisdictions,
            result.loaded,
            result.catalog_index,
            org_sources,
            loaded_j,
        )
    )
    diagnostics[:] = sorted(set(diagnostics))  # a file refused on reading is also found by the folder scan
    return result


def _structure_diagnostics(document, loaded: Loaded) -> list[Diagnostic]:
    """Anchors unique, task units and footnote references that point somewhere."""
    found: list[Diagnostic] = []

    def add(at: tuple, message: str, hint: str = "", severity: str = ERROR) -> None:
        line, col = loaded.where(at)
        found.append(Diagnostic(loaded.path, line, col, severity, message, hint))

    anchors = Counter(block.anchor for block in document.blocks())
    for anchor, count in anchors.items():
        if count > 1:
            add(
                ("body",),
                f"neo “{anchor}” xuất hiện {count} lần: hai khối cùng số thứ tự ở cùng cấp",
                "kiểm tra trường number của các mục",
            )
    defined = {f.id for f in document.footnotes}
    used: set[str] = set()
    for block in document.blocks():
        for text in (block.heading, block.text):
            if text:
                used.update(text.footnote_refs)
    for ref in sorted(used - defined):
        add(("body",), f"chú thích [^{ref}] được dẫn nhưng chưa khai báo trong footnotes")
    for i, footnote in enumerate(document.footnotes):
        if footnote.id not in used:
            add(("footnotes", i), f"chú thích “{footnote.id}” không được dẫn trong nội dung", severity=WARNING)
    task_ids = Counter(task.id for task in document.tasks)
    for i, task in enumerate(document.tasks):
        if task.unit not in anchors:
            add(
                ("tasks", i, "unit"),
                f"không có khối nội dung có neo “{task.unit}”",
                "neo có dạng muc-2, muc-ii-1-a, dieu-1 (xem Hướng dẫn biên tập)",
            )
        if task_ids[task.id] > 1:
            add(("tasks", i, "id"), f"mã nhiệm vụ “{task.id}” bị trùng")
    return found
