"""Views of the pages that follow the documents over time: the task tables (all tasks, or one
jurisdiction's) and the corpus timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from generator.link.tasks import ResolvedTask
from generator.publish.filters import vn_date
from generator.publish.labels import STATUS
from generator.publish.links import Linker, TimelineEntry, timeline_entries
from generator.publish.list_views import IndexItem
from generator.publish.paging import Pager, PagerView, pager_view
from generator.publish.site import Site
from generator.publish.task_view import TaskRow, task_rows
from generator.publish.views import TimelineItem


def tasks_by_jurisdiction(site: Site) -> dict[str, list[ResolvedTask]]:
    """Every task, newest document first, by the jurisdiction of its document."""

    def compute() -> dict[str, list[ResolvedTask]]:
        found: dict[str, list[ResolvedTask]] = {}
        for task in site.resolved.tasks:
            found.setdefault(task.document_id.split("/", 1)[0], []).append(task)
        return found

    return site.memo("tasks_by_jurisdiction", compute)


@dataclass(frozen=True)
class Filters:
    orgs: list[tuple[str, str]]  # (id, name)
    documents: list[tuple[str, str, str]]  # (id, label, title)
    statuses: list[tuple[str, str]]  # (slug, label)
    years: list[tuple[str, str]]  # (year of the last day, or "9999" for none; its label)


@dataclass(frozen=True)
class TasksView:
    total: int  # tasks on the site
    documents: int  # documents with tasks
    groups: list[IndexItem]  # the index of jurisdictions (a large site); else empty
    rows: list[TaskRow]
    filters: Optional[Filters]
    pager: Optional[PagerView]
    build_date: str
    downloads: dict[str, str]  # csv, json, ics -> href
    script_href: str


def _filters(tasks: Sequence[ResolvedTask], site: Site) -> Filters:
    corpus = site.corpus
    documents = list(dict.fromkeys(t.document_id for t in tasks))
    years = {t.deadline.end.isoformat()[:4] if t.deadline and t.deadline.end else "9999" for t in tasks}
    return Filters(
        orgs=sorted(
            {(o, corpus.organizations[o].name) for t in tasks for o in t.org_ids}, key=lambda pair: (pair[1], pair[0])
        ),  # names repeat across provinces
        documents=[(d, corpus.documents[d].label(), corpus.documents[d].title.plain) for d in documents],
        statuses=[(str(s), STATUS[s]) for s in STATUS if any(t.status == s for t in tasks)],
        years=[(y, y if y != "9999" else "Không có hạn cuối") for y in sorted(years)],
    )


def _downloads(link: Linker) -> dict[str, str]:
    return {"csv": link("api/tasks.csv"), "json": link("api/tasks.json"), "ics": link("api/deadlines.ics")}


def tasks_index_view(site: Site, url: str, groups: Sequence[tuple[str, int]]) -> TasksView:
    """The page of all tasks of a large site: one line per jurisdiction."""
    link, names = Linker(url), site.corpus.jurisdictions
    items = [IndexItem(link(f"nhiem-vu/{j}/"), names[j].name, count) for j, count in groups]
    resolved = site.resolved
    return TasksView(
        sum(len(rows) for rows in resolved.tasks_by_doc.values()),
        len(resolved.tasks_by_doc),
        items,
        [],
        None,
        None,
        vn_date(site.build_date),
        _downloads(link),
        link("assets/tasks.js"),
    )


def tasks_view(site: Site, url: str, tasks: Sequence[ResolvedTask], pager: Optional[Pager]) -> TasksView:
    """A sortable, filterable table of `tasks` (all of them, or a piece of one jurisdiction's)."""
    link = Linker(url)
    filters = _filters(tasks, site)
    return TasksView(
        len(tasks),
        len(filters.documents),
        [],
        task_rows(tasks, site, link),
        filters,
        pager_view(pager, link),
        vn_date(site.build_date),
        _downloads(link),
        link("assets/tasks.js"),
    )


@dataclass(frozen=True)
class TimelineView:
    index: list[IndexItem]  # a large site: one line per year, linking to its pages
    years: list[tuple[int, list[TimelineEntry]]]
    pager: Optional[PagerView]


def timeline_index_view(site: Site, url: str) -> TimelineView:
    link = Linker(url)
    years = site.views.corpus_timeline()
    return TimelineView([IndexItem(link(f"dong-thoi-gian/{y}/"), str(y), len(items)) for y, items in years], [], None)


def timeline_view(
    site: Site, url: str, years: Sequence[tuple[int, Sequence[TimelineItem]]], pager: Optional[Pager]
) -> TimelineView:
    link = Linker(url)
    return TimelineView([], [(y, timeline_entries(list(items), link)) for y, items in years], pager_view(pager, link))


def timeline_year(site: Site, year: int) -> list[TimelineItem]:
    return next((items for y, items in site.views.corpus_timeline() if y == year), [])
