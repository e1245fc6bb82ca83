"""Task rows prepared for the task table (templates/_tasks.html.j2), on any page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from generator.link.tasks import OrgRef, ResolvedTask
from generator.publish import urls
from generator.publish.filters import vn_date
from generator.publish.labels import deadline_label, document_label, status_label
from generator.publish.links import Linker
from generator.publish.site import Site


@dataclass(frozen=True, slots=True)
class OrgName:
    name: str  # as written in the document
    href: Optional[str]  # its page, when the name matched the registry


@dataclass(frozen=True, slots=True)
class ReportView:
    date: str
    note: Optional[str]
    link: Optional[str]  # printed through safe_url


@dataclass(frozen=True, slots=True)
class TaskRow:
    anchor: str
    number: int  # STT within its document
    document_id: str
    doc_href: str
    doc_label: str
    unit_href: str
    text: str
    lead: list[OrgName]
    support: list[OrgName]
    lead_names: str  # data-lead: the sort key
    org_ids: str  # data-orgs: the filter key
    status: str
    status_label: str
    due: str  # data-due: ISO day it next falls due, else its last day; "9999" when none
    deadline_text: Optional[str]
    deadline_label: str
    reports: list[ReportView]


def _names(refs: list[OrgRef], link: Linker) -> list[OrgName]:
    return [OrgName(r.name, link(urls.organization(r.org_id)) if r.org_id else None) for r in refs]


def task_rows(tasks: Iterable[ResolvedTask], site: Site, link: Linker) -> list[TaskRow]:
    documents = site.corpus.documents
    rows = []
    for t in tasks:
        doc_href = link(urls.document(t.document_id))
        # The day it next falls due, else the last day it ran to: one order across documents.
        end = t.next_due or (t.runs[1] if t.runs else t.deadline.end if t.deadline else None)
        rows.append(
            TaskRow(
                anchor=t.anchor,
                number=t.number,
                document_id=t.document_id,
                doc_href=doc_href,
                doc_label=document_label(site.resolved, t.document_id),
                unit_href=f"{doc_href}#{t.unit}",
                text=t.text,
                lead=_names(t.lead, link),
                support=_names(t.support, link),
                lead_names="; ".join(r.name for r in t.lead),
                org_ids=" ".join(sorted(t.org_ids)),
                status=str(t.status),
                status_label=status_label(t.status, t.runs),
                due=end.isoformat() if end else "9999",
                deadline_text=t.deadline_text,
                deadline_label=deadline_label(t.deadline) if t.deadline_text else "",
                reports=[ReportView(vn_date(r.date), r.note, r.link) for r in t.reports],
            )
        )
    return rows
