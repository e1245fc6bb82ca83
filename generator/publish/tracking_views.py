"""Views of the pages that follow the documents over time: the task tables (all tasks, or one
jurisdiction's) and the corpus timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from generator.link.tasks import ResolvedTask
from generator.publish.filters import vn_date
from generator.publish.labels import STATUS, document_label
from generator.publish.links import Linker, TimelineEntry, TocEntry, timeline_entries
from generator.publish.list_views import IndexItem
from generator.publish.paging import Pager, PagerView, pager_view
from generator.publish.site import Site
from generator.publish.task_view import TaskRow, task_rows
from generator.publish.views import TimelineItem
from generator.vn.collation import sorted_vi
from generator.vn.text import slug


def tasks_by_jurisdiction(site: Site) -> dict[str, list[ResolvedTask]]:
    """Every task, newest document first, by the jurisdiction of its document."""
    found: dict[str, list[ResolvedTask]] = {}
    for task in site.resolved.tasks:
        found.setdefault(task.document_id.split("/", 1)[0], []).append(task)
    return found


@dataclass(frozen=True)
class Filters:
    orgs: list[tuple[str, list[tuple[str, str]]]]  # (place, [(id, name)]), in Vietnamese alphabetical order
    documents: list[tuple[str, str, str]]  # (id, label, title)
    statuses: list[tuple[str, str]]  # (slug, label), in the order of the status codes
    years: list[tuple[str, str]]  # (year of the last day, or "9999" for none; its label)
    sorts: list[tuple[str, str]]  # (value kept in the URL, label); "" is the documents' order


@dataclass(frozen=True, slots=True)
class DocGroup:
    """The row that heads a document's tasks in the table of all tasks."""

    anchor: str
    heading: str  # "Chỉ thị 08-CT/TU – về lãnh đạo … (7 nhiệm vụ)"


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
    doc_groups: dict[str, DocGroup]  # document id -> the row heading its tasks
    toc: list[TocEntry]


SORTS = [
    ("", "Theo văn bản (mới nhất trước)"),
    ("han", "Theo thời hạn (sớm nhất trước)"),
    ("chu-tri", "Theo cơ quan chủ trì (A–Z)"),
    ("trang-thai", "Theo trạng thái"),
]


def _org_options(tasks: Sequence[ResolvedTask], site: Site) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each organisation named in the tasks once, by place, in Vietnamese alphabetical order."""
    corpus = site.corpus
    by_place: dict[str, dict[str, str]] = {}
    for org_id in {o for t in tasks for o in t.org_ids}:
        org = corpus.organizations[org_id]
        by_place.setdefault(org.jurisdiction, {})[org_id] = org.name
    places = sorted_vi(by_place, key=lambda j: corpus.jurisdictions[j].short_name)
    return [
        (corpus.jurisdictions[j].name, sorted_vi(by_place[j].items(), key=lambda pair: pair[1] + "\x00" + pair[0]))
        for j in places
    ]


def _filters(tasks: Sequence[ResolvedTask], site: Site) -> Filters:
    corpus = site.corpus
    documents = list(dict.fromkeys(t.document_id for t in tasks))
    years = {t.deadline.end.isoformat()[:4] if t.deadline and t.deadline.end else "9999" for t in tasks}
    return Filters(
        orgs=_org_options(tasks, site),
        documents=[(d, document_label(site.resolved, d), corpus.documents[d].title.plain) for d in documents],
        statuses=[(str(s), STATUS[s]) for s in STATUS if any(t.status == s for t in tasks)],
        years=[(y, y if y != "9999" else "Văn bản không nêu hạn cuối") for y in sorted(years)],
        sorts=SORTS,
    )


def _doc_groups(tasks: Sequence[ResolvedTask], site: Site) -> dict[str, DocGroup]:
    counts: dict[str, int] = {}
    for t in tasks:
        counts[t.document_id] = counts.get(t.document_id, 0) + 1
    documents = site.corpus.documents
    return {
        d: DocGroup(
            "van-ban-" + slug(d),  # task rows are "nhiem-vu-…": never the same
            f"{document_label(site.resolved, d)} – {documents[d].title.plain} ({n} nhiệm vụ)",
        )
        for d, n in counts.items()
    }


def _tasks_toc(groups: dict[str, DocGroup], site: Site) -> list[TocEntry]:
    entries = [TocEntry("#" + g.anchor, document_label(site.resolved, d), []) for d, g in groups.items()]
    return entries + [TocEntry("#tai-ve", "Tải về (CSV, JSON, lịch .ics)", [])]


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
        {},
        [],
    )


def tasks_view(site: Site, url: str, tasks: Sequence[ResolvedTask], pager: Optional[Pager]) -> TasksView:
    """A sortable, filterable table of `tasks` (all of them, or a piece of one jurisdiction's)."""
    link = Linker(url)
    filters = _filters(tasks, site)
    groups = _doc_groups(tasks, site)
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
        groups,
        _tasks_toc(groups, site),
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
