"""Stage 4, resolve: what follows from the documents taken together.

Indexes (by kind, issuer, year, jurisdiction), attachment links both ways, tasks with their
organizations, deadlines and statuses on a fixed build date, and cross-references. The result,
`Resolved`, is built once, whole.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import Callable, Hashable, Iterable, Optional

from generator.corpus.diagnostics import Location, Sink
from generator.corpus.model import Corpus, Document, Role, Task
from generator.link.crossrefs import Citations, CrossRefs, resolve_crossrefs
from generator.link.organizations import OrganizationIndex
from generator.link.tasks import OrgRef, ResolvedTask, RoleTasks, duty_span, next_due, status
from generator.vn import deadlines
from generator.vn.deadlines import Deadline, DeadlineKind


@dataclass(frozen=True)
class TaskIndex:
    by_document: dict[str, list[ResolvedTask]]  # document id -> its tasks, in order
    by_organization: dict[str, RoleTasks]  # organization id -> tasks it leads and supports


@dataclass
class Resolved:
    corpus: Corpus
    build_date: dt.date
    newest_first: list[str]
    by_kind: dict[str, list[str]]
    by_issuer: dict[str, list[str]]
    by_year: dict[Optional[int], list[str]]
    by_jurisdiction: dict[str, list[str]]
    issued_with: dict[str, str]  # attachment id -> issuing document id
    tasks_by_doc: dict[str, list[ResolvedTask]]
    tasks_by_org: dict[str, RoleTasks]
    refs: CrossRefs

    @property
    def tasks(self) -> list[ResolvedTask]:
        return [task for doc_id in self.newest_first for task in self.tasks_by_doc.get(doc_id, [])]

    def document(self, doc_id: str) -> Document:
        return self.corpus.documents[doc_id]


class PeriodStatus(StrEnum):
    ENDED = "ended"
    NOT_STARTED = "not-started"
    RUNNING = "running"


def sort_key(document: Document) -> tuple:
    """Newest first; documents without a known date of issue after every dated one (among
    themselves by the earliest they can be, newest first), then by id."""
    return (not document.date.known, -document.sort_date.toordinal(), document.id)


def year_of(document: Document) -> Optional[int]:
    return document.issued.year if document.issued else None


def period_status(document: Document, today: dt.date) -> Optional[PeriodStatus]:
    if not document.period:
        return None
    if today.year > document.period.end:
        return PeriodStatus.ENDED
    if today.year < document.period.start:
        return PeriodStatus.NOT_STARTED
    return PeriodStatus.RUNNING


def _grouped(documents: Iterable[Document], key: Callable[[Document], Hashable]) -> dict:
    groups: dict = defaultdict(list)
    for document in documents:
        groups[key(document)].append(document.id)
    return dict(groups)


def resolve(
    corpus: Corpus, build_date: dt.date, sink: Sink | None = None, citations: Citations | None = None
) -> Resolved:
    """What follows from the documents taken together; what is wrong reported to `sink`
    (located by each document's origin). `citations`: each document's extracted citations
    (`document_citations`), when the caller computed them already (on several cores, or from
    a cache); else extracted here."""
    sink = Sink() if sink is None else sink
    ordered = sorted(corpus.documents.values(), key=sort_key)
    newest_first = [d.id for d in ordered]
    tasks = resolve_tasks(corpus, newest_first, build_date, sink)
    refs = resolve_crossrefs(corpus, sink, citations)
    return Resolved(
        corpus=corpus,
        build_date=build_date,
        newest_first=newest_first,
        by_kind=_grouped(ordered, lambda d: d.kind),
        by_issuer=_grouped(ordered, lambda d: d.issuer),
        by_year=_grouped(ordered, year_of),
        by_jurisdiction=_grouped(ordered, lambda d: d.jurisdiction),
        issued_with={attachment: d.id for d in ordered for attachment in d.attachments},
        tasks_by_doc=tasks.by_document,
        tasks_by_org=tasks.by_organization,
        refs=refs,
    )


# --- tasks ---------------------------------------------------------------------------


def resolve_tasks(corpus: Corpus, newest_first: list[str], today: dt.date, sink: Sink) -> TaskIndex:
    """Every document's tasks, and per organization the tasks it leads and supports."""
    index = OrganizationIndex(corpus.organizations)
    for scope, ids in index.ambiguous_names():
        sink.error(
            Location("data/organizations"),
            f"tên “{scope}” trùng giữa các cơ quan: {', '.join(ids)}",
            "mỗi tên gọi chỉ được thuộc một cơ quan trong một địa bàn",
        )
    by_document: dict[str, list[ResolvedTask]] = {}
    by_org: dict[str, RoleTasks] = defaultdict(RoleTasks)
    for doc_id in newest_first:
        document = corpus.documents[doc_id]
        rows = _document_tasks(document, index, today, sink)
        for row in rows:
            for role in Role:
                for org_id in dict.fromkeys(ref.org_id for ref in row.refs(role) if ref.org_id):
                    by_org[org_id].of(role).append(row)
        if rows:
            by_document[doc_id] = rows
    return TaskIndex(by_document, dict(by_org))


def _document_tasks(document: Document, index: OrganizationIndex, today: dt.date, sink: Sink) -> list[ResolvedTask]:
    """Resolve one document's tasks: organizations, deadline, status. Depends on the document,
    the registry and the build date only."""
    blocks = {block.anchor: block for block in document.blocks()}
    sections = {
        block.anchor: " ".join(filter(None, [top.marker, top.heading.plain])) if top.heading else ""
        for top in document.body
        for block in top.walk()
    }
    year = year_of(document)
    period = (document.period.start, document.period.end) if document.period else None
    period_end = dt.date(period[1], 12, 31) if period else None
    rows = []
    for i, task in enumerate(document.tasks):
        refs = {role: _org_refs(document, task, i, role, index, sink) for role in Role}
        parsed = _deadline(document, task, i, year, sink)
        unit = blocks.get(task.unit)
        text = task.summary or (
            unit.text.plain if unit and unit.text else unit.heading.plain if unit and unit.heading else ""
        )
        row = ResolvedTask(
            document_id=document.id,
            number=i + 1,
            id=task.id,
            unit=task.unit,
            anchor=f"nhiem-vu-{task.id}",
            text=text,
            lead=refs[Role.LEAD],
            support=refs[Role.SUPPORT],
            deadline_text=task.deadline,
            deadline=parsed,
            reports=task.reports,
            status=status(parsed, task.reports, today, period_end),
            next_due=next_due(parsed, today, period_end),
            section=sections.get(task.unit, ""),
            runs=duty_span(parsed, period),
        )
        row.org_ids.update(ref.org_id for ref in row.lead + row.support if ref.org_id)
        rows.append(row)
    return rows


def _org_refs(
    document: Document,
    task: Task,
    i: int,
    role: Role,
    index: OrganizationIndex,
    sink: Sink,
) -> list[OrgRef]:
    """The organizations named for `role` in the i-th task, matched in the registry."""
    found = []
    for j, name in enumerate(task.names(role)):
        org_id = index.match(name, document.jurisdiction, document.issuer)
        found.append(OrgRef(name=name, org_id=org_id))
        if org_id is None:
            close = index.candidates(name, document.jurisdiction)
            hint = (
                ("gần giống: " + "; ".join(f"“{c}”" for c in close))
                if close
                else "thêm tên này vào aliases của cơ quan trong data/organizations/"
            )
            sink.warning(
                document.origin.at(("tasks", i, role.value, j)), f"không tìm thấy cơ quan “{name}” trong danh mục", hint
            )
    return found


def _deadline(document: Document, task: Task, i: int, year: Optional[int], sink: Sink) -> Optional[Deadline]:
    """The i-th task's deadline parsed; a warning when the text cannot be read."""
    if not task.deadline:
        return None
    parsed = deadlines.parse(task.deadline, context_year=year)
    if parsed.kind is DeadlineKind.UNPARSED:
        sink.warning(
            document.origin.at(("tasks", i, "deadline")),
            f"chưa phân tích được thời hạn “{task.deadline}”; trang giữ nguyên văn",
            "không cần sửa nếu thời hạn đúng như văn bản",
        )
    return parsed
