"""The page of an organisation (what it issued, its tasks and deadlines) and the pages of its
lists too long for that page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional, Sequence

from generator.link.tasks import ResolvedTask, RoleTasks, Status
from generator.publish import urls
from generator.publish.filters import vn_date
from generator.publish.links import Linker, TocEntry
from generator.publish.list_views import DocItem, doc_items
from generator.publish.paging import Pager, PagerView, pager_view
from generator.publish.site import Site
from generator.publish.task_view import TaskRow, task_rows

DUE_SOON_DAYS = 90


@dataclass(frozen=True, slots=True)
class TaskLink:
    """One line of "due soon" or "passed": the task, its document and its deadline."""

    href: str
    label: str  # "Kế hoạch 20-KH/TU, nhiệm vụ 3"
    text: str
    due_iso: str
    due: str
    deadline_text: Optional[str]


@dataclass(frozen=True)
class OrgView:
    id: str
    name: str
    jurisdiction: str
    jurisdiction_href: str
    parent: Optional[tuple[str, str]]  # (href, name)
    aliases: str
    group: bool
    documents: list[DocItem]
    due_soon: list[TaskLink]
    passed: list[TaskLink]
    lead: list[TaskRow]
    support: list[TaskRow]
    totals: dict[str, int]
    limit: int
    more_href: dict[str, str]  # list -> its own pages
    calendar_href: str
    build_date: str
    toc: list[TocEntry]
    open_rows: int  # a longer task table starts collapsed


def _task_link(t: ResolvedTask, site: Site, link: Linker) -> TaskLink:
    due = t.next_due
    return TaskLink(
        f"{link(urls.document(t.document_id))}#{t.anchor}",
        f"{site.views.target_label(t.document_id)}, nhiệm vụ {t.number}",
        t.text,
        due.isoformat() if due else "",
        vn_date(due) if due else "",
        t.deadline_text,
    )


def org_view(site: Site, org_id: str, limit: int) -> OrgView:
    """The organisation's page; each list capped at `limit`, the full lists have pages of their own."""
    resolved, corpus, today = site.resolved, site.corpus, site.build_date
    url = urls.organization(org_id)
    link = Linker(url)
    org = corpus.organizations[org_id]
    roles = resolved.tasks_by_org.get(org_id, RoleTasks())
    mine = roles.all()
    ids = resolved.by_issuer.get(org_id, [])
    soon = sorted(
        (t for t in mine if t.next_due and t.next_due <= today + dt.timedelta(days=DUE_SOON_DAYS)),
        key=lambda t: t.next_due or today,
    )
    passed = [t for t in mine if t.status is Status.OVERDUE_NO_REPORT]
    parent = corpus.organizations[org.parent] if org.parent else None
    return OrgView(
        id=org_id,
        name=org.name,
        jurisdiction=corpus.jurisdictions[org.jurisdiction].name,
        jurisdiction_href=link(urls.jurisdiction(org.jurisdiction)),
        parent=(link(urls.organization(parent.id)), parent.name) if parent else None,
        aliases="; ".join(org.aliases),
        group=org.group,
        documents=doc_items(ids[:limit], site, link),
        due_soon=[_task_link(t, site, link) for t in soon[:limit]],
        passed=[_task_link(t, site, link) for t in passed[:limit]],
        lead=task_rows(roles.lead[:limit], site, link),
        support=task_rows(roles.support[:limit], site, link),
        totals={
            "ids": len(ids),
            "lead": len(roles.lead),
            "support": len(roles.support),
            "due_soon": len(soon),
            "passed": len(passed),
        },
        limit=limit,
        more_href={name: link(url + name + "/") for name in ("van-ban", "chu-tri", "phoi-hop")},
        calendar_href=link(f"api/ics/{org_id}.ics"),
        build_date=vn_date(today),
        toc=_toc(bool(ids), len(roles.lead), len(roles.support)),
        open_rows=OPEN_ROWS,
    )


OPEN_ROWS = 8


def _toc(documents: bool, lead: int, support: int) -> list[TocEntry]:
    entries = [TocEntry("#van-ban-ban-hanh", "Văn bản ban hành", [])] if documents else []
    return entries + [
        TocEntry("#sap-den-han", "Sắp đến hạn (90 ngày tới)", []),
        TocEntry("#qua-han-chua-bao-cao", "Đã qua hạn, chưa có báo cáo", []),
        TocEntry("#chu-tri", f"Nhiệm vụ chủ trì ({lead})", []),
        TocEntry("#phoi-hop", f"Nhiệm vụ phối hợp ({support})", []),
    ]


# The lists an organisation page links to when they are longer than it shows:
# (path under the organisation, heading, noun).
ORG_LISTS = {
    "van-ban": ("Văn bản ban hành", "văn bản"),
    "chu-tri": ("Nhiệm vụ chủ trì", "nhiệm vụ chủ trì"),
    "phoi-hop": ("Nhiệm vụ phối hợp", "nhiệm vụ phối hợp"),
}


def org_list_items(site: Site, org_id: str, name: str) -> Sequence:
    """The full list `name` of an organisation: document ids or tasks."""
    if name == "van-ban":
        return site.resolved.by_issuer.get(org_id, [])
    roles = site.resolved.tasks_by_org.get(org_id, RoleTasks())
    return roles.lead if name == "chu-tri" else roles.support


@dataclass(frozen=True)
class OrgListView:
    heading: str
    org: str
    org_href: str
    noun: str
    total: int
    documents: Optional[list[DocItem]]
    rows: Optional[list[TaskRow]]
    pager: Optional[PagerView]


def org_list_view(
    site: Site, url: str, org_id: str, name: str, start: int, size: int, pager: Optional[Pager]
) -> OrgListView:
    link = Linker(url)
    items = org_list_items(site, org_id, name)
    piece = items[start : start + size]
    heading, noun = ORG_LISTS[name]
    return OrgListView(
        heading=heading,
        org=site.org_name(org_id),
        org_href=link(urls.organization(org_id)),
        noun=noun,
        total=len(items),
        documents=doc_items(piece, site, link) if name == "van-ban" else None,
        rows=task_rows(piece, site, link) if name != "van-ban" else None,
        pager=pager_view(pager, link),
    )
