"""Stage 4, resolve: what follows from the documents taken together.

Indexes (by kind, issuer, year, jurisdiction), attachment links both ways, and the
implementation-period status computed against a fixed build date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from generator.vn import deadlines
from generator.link.crossrefs import CrossRefs, resolve_crossrefs
from generator.corpus.diagnostics import ERROR, WARNING, Diagnostic
from generator.corpus.model import Corpus, Document
from generator.link.organizations import OrganizationIndex
from generator.link.tasks import OrgRef, ResolvedTask, next_due, status

Locate = Callable[[str, tuple], tuple[str, int, int]]  # document id, data path -> file, line, col


@dataclass
class Resolved:
    corpus: Corpus
    build_date: dt.date
    issued_with: dict[str, str] = field(default_factory=dict)  # attachment id -> issuing document id
    newest_first: list[str] = field(default_factory=list)
    by_kind: dict[str, list[str]] = field(default_factory=dict)
    by_issuer: dict[str, list[str]] = field(default_factory=dict)
    by_year: dict[int | None, list[str]] = field(default_factory=dict)
    by_jurisdiction: dict[str, list[str]] = field(default_factory=dict)
    tasks_by_doc: dict[str, list[ResolvedTask]] = field(default_factory=dict)
    tasks_by_org: dict[str, dict[str, list[ResolvedTask]]] = field(default_factory=dict)  # org -> lead/support
    diagnostics: list[Diagnostic] = field(default_factory=list)
    refs: CrossRefs = field(default_factory=CrossRefs)

    @property
    def tasks(self) -> list[ResolvedTask]:
        return [task for doc_id in self.newest_first for task in self.tasks_by_doc.get(doc_id, [])]

    def document(self, doc_id: str) -> Document:
        return self.corpus.documents[doc_id]


def sort_key(document: Document) -> tuple:
    """Newest first; an unknown date sorts by the earliest it can be, then by id."""
    return (-document.sort_date.toordinal(), document.id)


def year_of(document: Document) -> int | None:
    return document.date.value.year if document.date.known else None


def period_status(document: Document, today: dt.date) -> str | None:
    if not document.period:
        return None
    if today.year > document.period.end:
        return "Giai đoạn thực hiện đã kết thúc"
    if today.year < document.period.start:
        return "Chưa đến giai đoạn thực hiện"
    return "Đang trong giai đoạn thực hiện"


def _no_location(doc_id: str, at: tuple) -> tuple[str, int, int]:
    return doc_id, 1, 1


def _document_tasks(
    document: Document, index: OrganizationIndex, today: dt.date, locate: Locate
) -> tuple[list[ResolvedTask], list[Diagnostic]]:
    """Resolve one document's tasks: organizations, deadline, status. Depends on the document,
    the registry and the build date only, so a preview session can keep the result."""
    diagnostics: list[Diagnostic] = []
    doc_id = document.id
    blocks = {block.anchor: block for block in document.blocks()}
    sections = {
        block.anchor: " ".join(filter(None, [top.marker, top.heading.plain])) if top.heading else ""
        for top in document.body
        for block in top.walk()
    }
    year = document.date.value.year if document.date.known else None
    rows = []
    for i, task in enumerate(document.tasks):
        refs = {}
        for role in ("lead", "support"):
            refs[role] = []
            for j, name in enumerate(getattr(task, role)):
                org_id = index.match(name, document.jurisdiction, document.issuer)
                refs[role].append(OrgRef(name=name, org_id=org_id))
                if org_id is None:
                    path, line, col = locate(doc_id, ("tasks", i, role, j))
                    close = index.candidates(name, document.jurisdiction)
                    hint = (
                        ("gần giống: " + "; ".join(f"“{c}”" for c in close))
                        if close
                        else "thêm tên này vào aliases của cơ quan trong data/organizations/"
                    )
                    diagnostics.append(
                        Diagnostic(path, line, col, WARNING, f"không tìm thấy cơ quan “{name}” trong danh mục", hint)
                    )
        parsed = deadlines.parse(task.deadline, context_year=year) if task.deadline else None
        if parsed is not None and parsed.kind == "unparsed":
            path, line, col = locate(doc_id, ("tasks", i, "deadline"))
            diagnostics.append(
                Diagnostic(
                    path,
                    line,
                    col,
                    WARNING,
                    f"chưa phân tích được thời hạn “{task.deadline}”; trang giữ nguyên văn",
                    "không cần sửa nếu thời hạn đúng như văn bản",
                )
            )
        unit = blocks.get(task.unit)
        text = task.summary or (
            unit.text.plain if unit and unit.text else unit.heading.plain if unit and unit.heading else ""
        )
        row = ResolvedTask(
            document_id=doc_id,
            number=i + 1,
            id=task.id,
            unit=task.unit,
            anchor=f"nhiem-vu-{task.id}",
            text=text,
            lead=refs["lead"],
            support=refs["support"],
            deadline_text=task.deadline,
            deadline=parsed,
            reports=task.reports,
            status=status(parsed, task.reports, today),
            next_due=next_due(parsed, today),
            section=sections.get(task.unit, ""),
        )
        row.org_ids.update(ref.org_id for ref in refs["lead"] + refs["support"] if ref.org_id)
        rows.append(row)
    return rows, diagnostics


def _registry_signature(corpus: Corpus) -> int:
    return hash(
        tuple(
            (o.id, o.name, tuple(o.aliases), tuple(o.local_aliases), o.parent, o.abbreviation)
            for o in corpus.organizations.values()
        )
    )


def resolve_tasks(resolved: Resolved, locate: Locate, cache: dict | None = None) -> None:
    corpus = resolved.corpus
    index = OrganizationIndex(corpus.organizations)
    for scope, ids in index.ambiguous_names():
        resolved.diagnostics.append(
            Diagnostic(
                "data/organizations",
                1,
                1,
                ERROR,
                f"tên “{scope}” trùng giữa các cơ quan: {', '.join(ids)}",
                "mỗi tên gọi chỉ được thuộc một cơ quan trong một địa bàn",
            )
        )
    today = resolved.build_date
    signature = (_registry_signature(corpus), today) if cache is not None else None
    by_org: dict[str, dict[str, list[ResolvedTask]]] = defaultdict(lambda: {"lead": [], "support": []})
    for doc_id in resolved.newest_first:
        document = corpus.documents[doc_id]
        hit = cache.get(doc_id) if cache is not None else None
        if hit is not None and hit[0] is document and hit[1] == signature:
            rows, diagnostics = hit[2], hit[3]
        else:
            rows, diagnostics = _document_tasks(document, index, today, locate)
            if cache is not None:
                cache[doc_id] = (document, signature, rows, diagnostics)
        resolved.diagnostics.extend(diagnostics)
        for row in rows:
            for role in ("lead", "support"):
                for org_id in dict.fromkeys(ref.org_id for ref in getattr(row, role) if ref.org_id):
                    by_org[org_id][role].append(row)
        if rows:
            resolved.tasks_by_doc[doc_id] = rows
    resolved.tasks_by_org = dict(by_org)


def resolve(
    corpus: Corpus,
    build_date: dt.date,
    locate: Locate = _no_location,
    extract_cache: dict | None = None,
    task_cache: dict | None = None,
) -> Resolved:
    ordered = sorted(corpus.documents.values(), key=sort_key)
    resolved = Resolved(corpus=corpus, build_date=build_date, newest_first=[d.id for d in ordered])
    indexes = {
        "by_kind": (lambda d: d.kind),
        "by_issuer": (lambda d: d.issuer),
        "by_year": year_of,
        "by_jurisdiction": (lambda d: d.jurisdiction),
    }
    for name, key in indexes.items():
        groups: dict = defaultdict(list)
        for document in ordered:
            groups[key(document)].append(document.id)
        setattr(resolved, name, dict(groups))
    for document in ordered:
        for attachment in document.attachments:
            resolved.issued_with[attachment] = document.id
    resolve_tasks(resolved, locate, task_cache)
    resolved.refs = resolve_crossrefs(corpus, locate, extract_cache)
    resolved.diagnostics.extend(resolved.refs.diagnostics)
    return resolved
