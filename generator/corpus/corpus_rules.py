"""Rules across files: the registries (jurisdictions, organizations, the catalog of cited
documents) and what documents name in them. Each is a named function of the `Sources` that
yields located diagnostics; `generator/corpus/rules.py` lists them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from generator.corpus import hints
from generator.corpus.diagnostics import ERROR, Diagnostic, Origin
from generator.corpus.load import Loaded
from generator.corpus.sources import Sources
from generator.vn.dates import PartialDate

UNDECLARED = "địa bàn “{}” chưa khai báo trong data/jurisdictions.yaml"


def _error(origin: Origin, at: tuple, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic.at(origin.at(at), ERROR, message, hint)


def _entries(file: Loaded | None) -> Iterator[tuple[Origin, dict[str, Any]]]:
    """Each entry of a registry file, with its origin."""
    if file is not None:
        origin = file.origin()
        for i, raw in enumerate(file.data):
            yield origin.entry(i), raw


def catalog_date_exists(raw: dict[str, Any]) -> bool:
    """A catalog entry's date, if any, is a real day, month or year (else it is left out)."""
    return not raw.get("date") or PartialDate.parse_or_none(raw["date"]) is not None


# --- jurisdictions and organizations ---------------------------------------------------------


def unique_jurisdictions(sources: Sources) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for origin, raw in _entries(sources.jurisdiction_file):
        if raw["id"] in seen:
            yield _error(origin, ("id",), f"mã địa bàn “{raw['id']}” bị trùng")
        seen.add(raw["id"])


def _organization_entries(sources: Sources) -> Iterator[tuple[Loaded, Origin, dict[str, Any]]]:
    for file in sources.organization_files:
        for origin, raw in _entries(file):
            yield file, origin, raw


def organizations_in_their_files(sources: Sources) -> Iterator[Diagnostic]:
    for file, origin, raw in _organization_entries(sources):
        jurisdiction = raw["id"].split("/", 1)[0]
        if jurisdiction != Path(file.path).stem:
            yield _error(origin, ("id",), f"cơ quan “{raw['id']}” phải nằm trong tệp {jurisdiction}.yaml")


def organizations_in_declared_jurisdictions(sources: Sources) -> Iterator[Diagnostic]:
    for _, origin, raw in _organization_entries(sources):
        jurisdiction = raw["id"].split("/", 1)[0]
        if jurisdiction not in sources.corpus.jurisdictions:
            yield _error(origin, ("id",), UNDECLARED.format(jurisdiction), hints.jurisdiction_hint(jurisdiction))


def unique_organizations(sources: Sources) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for _, origin, raw in _organization_entries(sources):
        if raw["id"] in seen:
            yield _error(origin, ("id",), f"mã cơ quan “{raw['id']}” bị trùng")
        seen.add(raw["id"])


def parents_exist(sources: Sources) -> Iterator[Diagnostic]:
    organizations = sources.corpus.organizations
    for org_id, origin in sources.organizations.items():
        parent = organizations[org_id].parent
        if parent and parent not in organizations:
            yield _error(origin, ("parent",), f"không có cơ quan cấp trên “{parent}”")


# --- the catalog of cited documents ----------------------------------------------------------


def catalog_in_declared_jurisdictions(sources: Sources) -> Iterator[Diagnostic]:
    for origin, raw in _entries(sources.reference_file):
        jurisdiction = raw["id"].split("/", 1)[0]
        if jurisdiction not in sources.corpus.jurisdictions:
            yield _error(origin, ("id",), UNDECLARED.format(jurisdiction), hints.jurisdiction_hint(jurisdiction))


def catalog_dates_exist(sources: Sources) -> Iterator[Diagnostic]:
    for origin, raw in _entries(sources.reference_file):
        if not catalog_date_exists(raw):
            yield _error(origin, ("date",), f"ngày không tồn tại: {raw['date']}")


def unique_catalog_ids(sources: Sources) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for origin, raw in _entries(sources.reference_file):
        if not catalog_date_exists(raw):
            continue  # left out of the catalog, reported by catalog_dates_exist
        if raw["id"] in seen:
            yield _error(origin, ("id",), f"mã “{raw['id']}” bị trùng trong danh mục")
        seen.add(raw["id"])


def catalog_ids_not_published(sources: Sources) -> Iterator[Diagnostic]:
    for ref_id, origin in sources.catalog.items():
        if ref_id in sources.corpus.documents:
            yield _error(origin, ("id",), f"mã “{ref_id}” trùng với một văn bản đã công bố")


# --- what documents name ---------------------------------------------------------------------


def documents_in_declared_jurisdictions(sources: Sources) -> Iterator[Diagnostic]:
    for document in sources.corpus.documents.values():
        if document.jurisdiction not in sources.corpus.jurisdictions:
            yield _error(
                document.origin,
                ("id",),
                UNDECLARED.format(document.jurisdiction),
                hints.jurisdiction_hint(document.jurisdiction),
            )


def issuers_exist(sources: Sources) -> Iterator[Diagnostic]:
    for document in sources.corpus.documents.values():
        if document.issuer not in sources.corpus.organizations:
            yield _error(
                document.origin,
                ("issuer",),
                f"không có cơ quan “{document.issuer}” trong danh mục cơ quan",
                hints.organization_hint(document.issuer),
            )


def attachments_exist(sources: Sources) -> Iterator[Diagnostic]:
    documents = sources.corpus.documents
    for document in documents.values():
        for i, target in enumerate(document.attachments):
            if target not in documents:
                yield _error(document.origin, ("attachments", i), f"không có văn bản kèm theo “{target}”")


def cited_in_documents_exist(sources: Sources) -> Iterator[Diagnostic]:
    """A number or date taken from another document names a published one."""
    documents = sources.corpus.documents
    for document in documents.values():
        for key, value in (("number", document.number), ("date", document.date)):
            cited_in = value.cited_in if value is not None else None
            if cited_in and cited_in not in documents:
                yield _error(document.origin, (key, "cited_in"), f"không có văn bản “{cited_in}”")
