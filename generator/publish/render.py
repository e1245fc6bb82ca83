"""Stage 5, render: which pages the site has, and each page rendered once by its template.

`plan(site)` lists every page as a `PageJob`: its URL, the view that prepares it, the view's
parameters and the documents whose content it shows (the incremental build's dependencies).
`render_page(job, site)` turns one job into a `Page`: HTML for the MkDocs adapter, or Markdown
(`markdown=True`) that any MkDocs-compatible builder can build. Every text from YAML reaches
the page through markupsafe escaping and the filters of generator/publish/filters.py;
templates never mark YAML text as safe.

Long lists are split so no page grows with the corpus (LIST_LIMIT…); the limits are read here,
at planning time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.corpus.diagnostics import Diagnostic
from generator.corpus.validate import SCHEMA_DIR, schema
from generator.link.tasks import RoleTasks
from generator.publish import urls
from generator.publish.document_view import document_view
from generator.publish.metadata import document_meta
from generator.publish import exports
from generator.publish.filters import FILTERS, heading_text, md_heading, one_line, page_title, safe_url, script_json
from generator.publish.filters import vn_date, vn_long_date
from generator.publish.links import Linker
from generator.publish.list_views import jurisdictions_view, kinds_view, latest_view, list_view
from generator.publish.list_views import organizations_view, reference_title, reference_view, references_view
from generator.publish.list_views import years_view
from generator.publish.org_view import ORG_LISTS, org_list_items, org_list_view, org_view
from generator.publish.page import Heading, Page, toc_of
from generator.publish.paging import Pager, paged
from generator.publish.schema_doc import GuideView, guide_sections
from generator.publish.site import Site
from generator.publish.tracking_views import tasks_by_jurisdiction, tasks_index_view, tasks_view
from generator.publish.tracking_views import timeline_index_view, timeline_view, timeline_year
from generator.vn.collation import sort_key
from generator.vn.kinds import KINDS

__all__ = [  # the output filters are part of this stage's interface
    "LIST_LIMIT",
    "ORG_LIMIT",
    "TASKS_LIMIT",
    "TIMELINE_LIMIT",
    "PageJob",
    "Site",
    "md_heading",
    "one_line",
    "page_title",
    "copied_files",
    "plan",
    "render_chunks",
    "render_page",
    "render_part",
    "safe_url",
    "script_json",
    "vn_date",
    "vn_long_date",
]

TEMPLATE_DIR = Path(__file__).parent / "templates"

# Past these sizes a list, the task table or the timeline is split so no page grows with the
# corpus (a phone should never download megabytes of HTML).
LIST_LIMIT = 300
TASKS_LIMIT = 1500
TIMELINE_LIMIT = 1500
ORG_LIMIT = 300  # rows of one list on an organisation page; a longer list gets its own pages
LATEST = 10  # newest documents on the home page
FRAGMENT = "_fragments/latest.md"  # the newest documents, for the hand-written home page (content/index.md)


@dataclass(frozen=True)
class PageJob:
    url: str
    kind: str  # the view that prepares it (VIEWS)
    args: tuple[Any, ...] = ()  # the view's parameters: plain values
    deps: tuple[str, ...] = ()  # documents whose content the page shows
    # A file of the whole corpus made of parts (exports.WholeFile): each item with the
    # documents its part shows, so that a part is rendered again only when they change.
    parts: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def key_data(self) -> str:
        """What identifies the page's output besides its documents' content (the cache key)."""
        return json.dumps([self.url, self.kind, self.args], ensure_ascii=False, default=repr)


# --- the plan ------------------------------------------------------------------------------


def _document_deps(doc_id: str, site: Site) -> tuple[str, ...]:
    """The documents a document's page shows something of: what it cites and what cites it,
    relations both ways, where its number or date comes from, its attachments."""
    resolved, documents = site.resolved, site.corpus.documents
    refs = resolved.refs
    document = documents[doc_id]
    found = {doc_id, *refs.cites.get(doc_id, []), *site.views.citing_documents(doc_id), *document.attachments}
    found.update(r.target for r in refs.outgoing(doc_id))
    found.update(r.source for r in refs.incoming(doc_id))
    for source in (document.number, document.date):
        if source is not None and source.cited_in:
            found.add(source.cited_in)
    if doc_id in resolved.issued_with:
        found.add(resolved.issued_with[doc_id])
    return tuple(sorted(d for d in found if d in documents))


def _org_deps(org_id: str, site: Site) -> tuple[str, ...]:
    roles = site.resolved.tasks_by_org.get(org_id, RoleTasks())
    found = {*site.resolved.by_issuer.get(org_id, []), *(t.document_id for t in roles.all())}
    return tuple(sorted(found))


def _task_docs(tasks: Any) -> tuple[str, ...]:
    return tuple(sorted({t.document_id for t in tasks}))


def _reference_deps(ref_id: str, site: Site) -> tuple[str, ...]:
    """The documents a catalog entry's page shows: those that cite it or relate to it."""
    refs = site.resolved.refs
    return tuple(sorted({*site.views.citing_documents(ref_id), *(r.source for r in refs.incoming(ref_id))}))


def _document_jobs(site: Site, deps: dict[str, tuple[str, ...]]) -> Iterator[PageJob]:
    for doc_id in site.corpus.documents:
        # A document's page prints its own address (sharing tags, the printed copy's link): the
        # site's URL is one of its parameters, as it is of the open data's (no other page's).
        yield PageJob(urls.document(doc_id), "document", (doc_id, site.site_url), deps[doc_id])
    for org_id in site.corpus.organizations:
        yield PageJob(urls.organization(org_id), "organization", (org_id,), _org_deps(org_id, site))


def _organization_lists(site: Site) -> Iterator[PageJob]:
    """The full lists of an organisation whose page shows only the first ORG_LIMIT rows."""
    for org_id in site.corpus.organizations:
        for name in ORG_LISTS:
            items = org_list_items(site, org_id, name)
            if len(items) <= ORG_LIMIT:
                continue
            base = f"{urls.organization(org_id)}{name}/"
            for n, start in enumerate(range(0, len(items), ORG_LIMIT), 1):
                pager = Pager(n, -(-len(items) // ORG_LIMIT), base)
                piece = items[start : start + ORG_LIMIT]
                deps = tuple(piece) if name == "van-ban" else _task_docs(piece)
                yield PageJob(pager.url(n), "org_list", (org_id, name, start, ORG_LIMIT, pager), deps)


def _lists(site: Site) -> Iterator[PageJob]:
    resolved, everything = site.resolved, tuple(site.resolved.newest_first)
    newest = resolved.newest_first
    yield PageJob("van-ban/", "list", ("Tất cả văn bản", tuple(newest[:LIST_LIMIT]), len(newest), None), everything)
    yield PageJob("loai/", "kinds", (), everything)
    for kind, ids in resolved.by_kind.items():
        yield PageJob(urls.kind(kind), "list", (KINDS[kind], tuple(ids[:LIST_LIMIT]), len(ids), None), tuple(ids))
    yield PageJob("nam/", "years", (), everything)
    for year, ids in resolved.by_year.items():  # the complete archive, LIST_LIMIT per page
        title = f"Năm {year}" if year is not None else "Không rõ năm ban hành"
        for url, piece, pager in paged(urls.year(year), ids, LIST_LIMIT):
            yield PageJob(url, "list", (title, tuple(piece), len(ids), pager), tuple(piece))
    yield PageJob("dia-ban/", "jurisdictions", (), everything)
    for jur_id, jurisdiction in site.corpus.jurisdictions.items():  # every org page links to its own
        ids = resolved.by_jurisdiction.get(jur_id, [])
        yield PageJob(
            urls.jurisdiction(jur_id), "list", (jurisdiction.name, tuple(ids[:LIST_LIMIT]), len(ids), None), tuple(ids)
        )
    yield PageJob("co-quan/", "organizations", (), everything)


def _references(site: Site) -> Iterator[PageJob]:
    yield PageJob("tham-chieu/", "references", (), tuple(site.resolved.newest_first))
    for ref_id in site.corpus.catalog:
        yield PageJob(urls.reference(ref_id), "reference", (ref_id,), _reference_deps(ref_id, site))


def _timeline(site: Site) -> Iterator[PageJob]:
    """One page while the corpus is small; a page per year once it would be too long."""
    years = site.views.corpus_timeline()
    sources = {year: tuple(sorted({i.source for i in items})) for year, items in years}
    if sum(len(items) for _, items in years) <= TIMELINE_LIMIT:
        yield PageJob(
            "dong-thoi-gian/",
            "timeline",
            ([(y, 0, len(items)) for y, items in years], None),
            tuple(site.resolved.newest_first),
        )
        return
    yield PageJob("dong-thoi-gian/", "timeline_index", (), tuple(site.resolved.newest_first))
    for year, items in years:
        for url, piece, pager in paged(f"dong-thoi-gian/{year}/", range(len(items)), TIMELINE_LIMIT):
            start, end = piece[0], piece[-1] + 1
            yield PageJob(url, "timeline", ([(year, start, end)], pager), sources[year])


def _tasks(site: Site) -> Iterator[PageJob]:
    """All tasks on one sortable page while small; a page per jurisdiction once large."""
    by_place = tasks_by_jurisdiction(site)
    total = sum(len(rows) for rows in by_place.values())
    if total <= TASKS_LIMIT:
        yield PageJob("nhiem-vu/", "tasks", (None, 0, total, None), tuple(site.resolved.newest_first))
        return
    names = site.corpus.jurisdictions
    groups = sorted(((j, len(rows)) for j, rows in by_place.items()), key=lambda g: sort_key(names[g[0]].short_name))
    yield PageJob("nhiem-vu/", "tasks_index", (tuple(groups),), tuple(site.resolved.newest_first))
    for jur_id, rows in by_place.items():
        for url, piece, pager in paged(f"nhiem-vu/{jur_id}/", range(len(rows)), TASKS_LIMIT):
            start, end = piece[0], piece[-1] + 1
            yield PageJob(url, "tasks", (jur_id, start, end, pager), _task_docs(rows[start:end]))


WHOLE_FILES: dict[str, exports.WholeFile] = {
    "api/tasks.json.gz": exports.TASKS_JSON,
    "api/tasks.csv.gz": exports.TASKS_CSV,
    "api/deadlines.ics": exports.DEADLINES_CALENDAR,
    "api/documents.json.gz": exports.DOCUMENTS_JSON,
}


def _open_data(site: Site, deps: dict[str, tuple[str, ...]]) -> Iterator[PageJob]:
    """The open-data files: the whole corpus first (the largest jobs start first), each in
    parts that show what a document's page shows; then each organisation's calendar."""
    everything = tuple(site.resolved.newest_first)
    for path, whole in WHOLE_FILES.items():
        parts = tuple((item, deps.get(item) or _reference_deps(item, site)) for item in whole.items(site.resolved))
        yield PageJob(path, "data", (path, site.site_url), everything, parts)  # absolute links: the site's URL
    yield PageJob("feed.xml", "data", ("feed.xml", site.site_url), everything)
    for org_id in sorted(site.resolved.tasks_by_org):
        yield PageJob(f"api/ics/{org_id}.ics", "calendar", (org_id, site.site_url), _org_deps(org_id, site))


def plan(site: Site, open_data: bool = True) -> list[PageJob]:
    """Every page and open-data file of the site (`open_data=False`: the pages only), the
    largest and most numerous first."""
    deps = {doc_id: _document_deps(doc_id, site) for doc_id in site.corpus.documents}
    jobs = list(_open_data(site, deps)) if open_data else []
    jobs += _document_jobs(site, deps)
    jobs += _organization_lists(site)
    jobs += _lists(site)
    jobs += _references(site)
    jobs += _timeline(site)
    jobs.append(PageJob("huong-dan-bien-tap/", "guide"))
    jobs += _tasks(site)
    latest = tuple(site.resolved.newest_first[:LATEST])
    jobs.append(PageJob(FRAGMENT, "latest", (latest,), latest))
    return jobs


# --- one page ------------------------------------------------------------------------------

View = tuple[str, Any, dict[str, Any]]  # template, view, front matter


def _document(site: Site, job: PageJob) -> View:
    doc_id, _site_url = job.args  # the URL is in the job for its cache key; the view reads site.site_url
    return "document.html.j2", document_view(doc_id, site), document_meta(doc_id, site)


def _organization(site: Site, job: PageJob) -> View:
    (org_id,) = job.args
    view = org_view(site, org_id, ORG_LIMIT)
    return "organization.html.j2", view, {"title": page_title(view.name)}


def _org_list(site: Site, job: PageJob) -> View:
    view = org_list_view(site, job.url, *job.args)
    return "org_list.html.j2", view, {"title": page_title(f"{view.org} – {view.heading}")}


def _list(site: Site, job: PageJob) -> View:
    title, ids, total, pager = job.args
    return "list.html.j2", list_view(site, job.url, title, ids, total, pager), {"title": page_title(title)}


def _index(template: str, title: str, build: Callable[[Site, str], Any]) -> Callable[[Site, PageJob], View]:
    def view(site: Site, job: PageJob) -> View:
        return template, build(site, job.url), {"title": title}

    return view


def _reference(site: Site, job: PageJob) -> View:
    (ref_id,) = job.args
    meta = {"title": page_title(reference_title(site, ref_id)), "vb_search": True}
    return "reference.html.j2", reference_view(site, job.url, ref_id), meta


def _timeline_page(site: Site, job: PageJob) -> View:
    spans, pager = job.args
    years = [(year, timeline_year(site, year)[start:end]) for year, start, end in spans]
    return "timeline.html.j2", timeline_view(site, job.url, years, pager), {"title": "Dòng thời gian"}


def _tasks_page(site: Site, job: PageJob) -> View:
    jur_id, start, end, pager = job.args
    rows = site.resolved.tasks if jur_id is None else tasks_by_jurisdiction(site)[jur_id]
    return "tasks.html.j2", tasks_view(site, job.url, rows[start:end], pager), _TASKS_META


def _tasks_index(site: Site, job: PageJob) -> View:
    (groups,) = job.args
    return "tasks.html.j2", tasks_index_view(site, job.url, groups), _TASKS_META


def _guide(site: Site, job: PageJob) -> View:
    link = Linker(job.url)
    view = GuideView(link("schema/document.schema.json"), link("dong-gop/"), guide_sections(schema))
    return "editing_guide.html.j2", view, {"title": "Hướng dẫn biên tập"}


def _latest(site: Site, job: PageJob) -> View:
    (ids,) = job.args
    return "latest.html.j2", latest_view(site, ids), {}


_TASKS_META: dict[str, Any] = {"title": "Nhiệm vụ được giao", "hide": ["toc"]}

VIEWS: dict[str, Callable[[Site, PageJob], View]] = {
    "document": _document,
    "organization": _organization,
    "org_list": _org_list,
    "list": _list,
    "kinds": _index("index.html.j2", "Văn bản theo loại", kinds_view),
    "years": _index("index.html.j2", "Văn bản theo năm ban hành", years_view),
    "jurisdictions": _index("index.html.j2", "Văn bản theo địa bàn", jurisdictions_view),
    "organizations": _index("organizations.html.j2", "Cơ quan, tổ chức", organizations_view),
    "references": _index("references.html.j2", "Văn bản được dẫn chiếu", references_view),
    "reference": _reference,
    "timeline_index": _index("timeline.html.j2", "Dòng thời gian", timeline_index_view),
    "timeline": _timeline_page,
    "tasks": _tasks_page,
    "tasks_index": _tasks_index,
    "guide": _guide,
    "latest": _latest,
}


def compile_templates(markdown: bool) -> None:
    """Compile every template now: worker processes forked after this share them."""
    env = environment(markdown)
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)


@lru_cache(maxsize=2)
def environment(markdown: bool) -> Environment:
    """The templates, writing HTML (the fast path) or Markdown headings (the portable path)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=one_line,
    )
    env.filters.update(FILTERS)
    env.globals["markdown"] = markdown
    return env


def render_part(job: PageJob, site: Site, item: str) -> str:
    """One part of a file of the whole corpus (an item of `job.parts`)."""
    return WHOLE_FILES[job.url].part(site.resolved, site.views, site.site_url, item)


def render_chunks(job: PageJob, site: Site, parts: Iterable[str]) -> Iterator[str]:
    """A file of the whole corpus piece by piece, joined from `parts` (one per item of
    `job.parts`)."""
    return WHOLE_FILES[job.url].chunks(site.resolved, site.views, site.site_url, parts)


def render_page(job: PageJob, site: Site, markdown: bool = False) -> Page:
    """One page, rendered once: HTML with its table of contents, or Markdown. An open-data
    file is a page without front matter or table of contents (a file of the whole corpus is
    made of parts: `render_chunks`)."""
    if job.kind == "data":
        whole = WHOLE_FILES.get(job.url)
        if whole is not None:
            return Page(job.url, {}, whole.text(site.resolved, site.views, site.site_url))
        return Page(job.url, {}, exports.atom_feed(site.resolved, site.site_url))
    if job.kind == "calendar":
        return Page(job.url, {}, exports.organization_calendar(site.resolved, job.args[0], site.site_url))
    template, view, meta = VIEWS[job.kind](site, job)
    context = {"title": meta.get("title", ""), "title_id": _TITLE_IDS.get(job.kind, "")}
    body = environment(markdown).get_template(template).render(page=view, **context)
    path = job.url if job.kind == "latest" else urls.markdown_path(job.url)
    edit = site.corpus.documents[job.args[0]].yaml_path if job.kind == "document" else None
    toc = [] if markdown else toc_of(body)
    if job.kind == "document" and not markdown:
        # The title heads the contents: the theme's skip link goes to the first entry (the
        # title, not the first heading after the whole text), and its sidebar lists the rest.
        toc.insert(0, Heading(1, "van-ban", str(heading_text(meta["title"]))))
    return Page(path, meta, body, toc, edit)


_TITLE_IDS = {
    "kinds": "van-ban-theo-loai",
    "years": "van-ban-theo-nam-ban-hanh",
    "jurisdictions": "van-ban-theo-dia-ban",
}


# --- files published as they are --------------------------------------------------------


def copied_files(site: Site) -> dict[str, Path]:
    """Files published as they are: the source texts and the JSON Schemas."""
    files = {
        urls.source_file(source): site.data_dir / "sources" / source
        for source in sorted({d.source_file for d in site.corpus.documents.values()})
    }
    files.update({f"schema/{p.name}": p for p in sorted(SCHEMA_DIR.glob("*.json"))})
    return files


def preview_errors(errors: list[Diagnostic]) -> str:
    """The page the preview shows in place of every page while the data has errors."""
    return environment(False).get_template("preview_errors.html.j2").render(errors=errors)
