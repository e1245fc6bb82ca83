"""Stage 5, render: Jinja2 templates turn the resolved corpus into Markdown pages.

The output is plain Markdown (front matter, headings with explicit ids, raw HTML blocks),
so any MkDocs-compatible builder can turn it into a site. Every text from YAML reaches the
page through markupsafe escaping; templates never mark YAML text as safe.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.publish import urls
from generator.publish.exports import exports, open_data
from generator.vn.dates import PartialDate, long_date, numeric_date
from generator.vn.kinds import KINDS
from generator.corpus.markup import Text
from generator.corpus.model import Document
from generator.link.resolve import Resolved, period_status, year_of
from generator.link.tasks import RoleTasks, Status
from generator.publish.labels import PERIOD, STATUS, deadline_label
from generator.publish.views import Views
from generator.corpus.validate import SCHEMA_DIR

TEMPLATE_DIR = Path(__file__).parent / "templates"

# Past these sizes a list, the task table or the timeline is split so no page grows with the
# corpus (a phone should never download megabytes of HTML).
LIST_LIMIT = 300
TASKS_LIMIT = 1500
TIMELINE_LIMIT = 1500
ORG_LIMIT = 300  # rows of one list on an organisation page; a longer list gets its own pages


@dataclass
class Pager:
    """Page `number` of `count` of a list whose first page is at `first_url` (then …/trang-N/)."""

    number: int
    count: int
    first_url: str

    def url(self, n: int) -> str:
        return self.first_url if n == 1 else f"{self.first_url}trang-{n}/"

    def shown(self) -> list[int]:
        return sorted({1, self.count, *range(max(1, self.number - 2), min(self.count, self.number + 2) + 1)})


def _paged(add, url: str, template: str, key: str, items: list, size: int, **context) -> None:
    """`items` over as many pages as it takes, `size` per page; one page (no pager) when short."""
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items]
    for n, chunk in enumerate(chunks, 1):
        pager = Pager(n, len(chunks), url) if len(chunks) > 1 else None
        add(url if n == 1 else f"{url}trang-{n}/", template, **{key: chunk}, pager=pager, **context)


@dataclass
class RenderedSite:
    pages: dict[str, str] = field(default_factory=dict)  # docs-relative .md path -> Markdown
    fragments: dict[str, str] = field(default_factory=dict)  # name -> Markdown for hand-written pages
    files: dict[str, Path] = field(default_factory=dict)  # docs-relative path -> file to copy
    data_files: dict[str, str] = field(default_factory=dict)  # docs-relative path -> text (exports)
    edit_paths: dict[str, str] = field(default_factory=dict)  # .md path -> repository YAML path


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")


def md_heading(value) -> Markup:
    """Text safe inside a Markdown ATX heading: HTML-escaped, Markdown syntax neutralised.

    Only & < > are escaped: a heading is HTML text, not an attribute, and the table of
    contents shows a character reference such as &#39; literally (“Ban &#39;A&#39;”)."""
    if isinstance(value, Text):
        value = value.plain
    text = " ".join(str(value).split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Markup(_MD_SPECIAL.sub(r"\\\1", text))


_LINE_BREAKS = re.compile("[\r\n\u2028\u2029\x85]+")


def one_line(value):
    """Jinja finalize: a text value printed into a page never spans lines. A blank line inside
    a raw HTML block ends the block in Markdown, and what follows would be read as Markdown
    (a [link](javascript:…) or a heading); in HTML a line break is only a space."""
    if type(value) is str and ("\n" in value or "\r" in value or "\u2028" in value or "\u2029" in value):
        return _LINE_BREAKS.sub(" ", value)
    return value


_SAFE_URL = re.compile(r"^(?:https?://[^\s\"'<>`\\^{|}]+|(?!//)[^\s:\"'<>`\\^{|}]*)\Z", re.I)


def safe_url(value) -> str:
    """A URL for an href: absolute http(s) or relative, never javascript:, data: or a quote;
    anything else becomes "#" (the schema refuses them already; this is the last line)."""
    text = str(value or "")
    return text if _SAFE_URL.match(text) else "#"


def script_json(value) -> Markup:
    """JSON for a <script> element: <, >, & and U+2028/U+2029 as \\u escapes, so no value can
    close the element (</script>) or break the script's line."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


def page_title(value) -> str:
    """Plain page title for front matter: themes may print it unescaped, so no < or >."""
    if isinstance(value, Text):
        value = value.plain
    return " ".join(str(value).split()).replace("<", "‹").replace(">", "›")


def vn_date(value: dt.date | PartialDate | None) -> str:
    """The numeric form of a day or a partial date, "05/8/2021" (see generator/vn/dates.py)."""
    if value is None:
        return "không rõ"
    return value.numeric() if isinstance(value, PartialDate) else numeric_date(value)


def vn_long_date(value: dt.date | PartialDate) -> str:
    """The long form, as on paper: "ngày 05 tháng 8 năm 2021" (see generator/vn/dates.py)."""
    return value.long() if isinstance(value, PartialDate) else long_date(value)


class Renderer:
    def __init__(self, resolved: Resolved, data_dir: Path, site_url: str = "", reuse: "Reuse | None" = None):
        self.reuse = reuse
        self.resolved = resolved
        self.data_dir = data_dir
        self.site_url = site_url
        self.corpus = resolved.corpus
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATE_DIR),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=StrictUndefined,
            finalize=one_line,
        )
        self.env.filters.update(mdh=md_heading, page_title=page_title, vn_date=vn_date, vn_long_date=vn_long_date)
        self.env.filters.update(safe_url=safe_url, script_json=script_json)
        self.views = Views(resolved)
        self.env.globals.update(
            KINDS=KINDS, urls=urls, deadline_label=deadline_label, status_labels=STATUS, **self.views.context()
        )

    def _page(self, template: str, url: str, **context) -> str:
        def link(to_url: str) -> str:
            return urls.relative(url, to_url)

        return self.env.get_template(template).render(
            url=url,
            link=link,
            corpus=self.corpus,
            resolved=self.resolved,
            build_date=self.resolved.build_date,
            **context,
        )

    def document_page(self, doc_id: str) -> str:
        document = self.corpus.documents[doc_id]
        url = urls.document(doc_id)

        mentions = self.resolved.refs.mentions

        def html(text: Text | None, anchor: str = "", field: str = "") -> Markup:
            """A text field with every resolved citation in it turned into a link."""
            if not text:
                return Markup("")
            found = mentions.get((doc_id, anchor, field))
            if not found:
                return text.html()
            ranges = [
                (
                    m.citation.start,
                    m.citation.end,
                    urls.relative(url, self.views.target_url(m.target)),
                    self.views.target_label(m.target) + " – " + self.views.target_title(m.target),
                )
                for m in found
            ]
            return text.html(link_at=lambda start, end: [r for r in ranges if start <= r[0] and r[1] <= end])

        return self._page(
            "document.md.j2",
            url,
            doc=document,
            issuer=self.corpus.organizations[document.issuer],
            jurisdiction=self.corpus.jurisdictions[document.jurisdiction],
            status=_period_label(document, self.resolved.build_date),
            issued_with=self.resolved.issued_with.get(doc_id),
            tasks=self.resolved.tasks_by_doc.get(doc_id, []),
            task_groups=_grouped(self.resolved.tasks_by_doc.get(doc_id, [])),
            year=year_of(document),
            html=html,
        )

    def organization_page(self, org_id: str) -> str:
        resolved, today = self.resolved, self.resolved.build_date
        roles = resolved.tasks_by_org.get(org_id, RoleTasks())
        mine = roles.all()
        ids = resolved.by_issuer.get(org_id, [])
        due_soon = sorted(
            (t for t in mine if t.next_due and t.next_due <= today + dt.timedelta(days=90)),
            key=lambda t: t.next_due or today,  # every one has a next due date
        )
        passed = [t for t in mine if t.status is Status.OVERDUE_NO_REPORT]
        return self._page(  # each list capped at ORG_LIMIT; the full lists have pages of their own
            "organization.md.j2",
            urls.organization(org_id),
            org=self.corpus.organizations[org_id],
            ids=ids[:ORG_LIMIT],
            lead=roles.lead[:ORG_LIMIT],
            support=roles.support[:ORG_LIMIT],
            due_soon=due_soon[:ORG_LIMIT],
            passed=passed[:ORG_LIMIT],
            totals={
                "ids": len(ids),
                "lead": len(roles.lead),
                "support": len(roles.support),
                "due_soon": len(due_soon),
                "passed": len(passed),
            },
            limit=ORG_LIMIT,
        )

    def _organization_lists(self, add) -> None:
        """The full lists of an organisation whose page shows only the first ORG_LIMIT rows."""
        for org_id, org in self.corpus.organizations.items():
            base = urls.organization(org_id)
            roles = self.resolved.tasks_by_org.get(org_id, RoleTasks())
            lists: list[tuple[str, str, list[Any], str, str]] = [
                ("van-ban/", "ids", self.resolved.by_issuer.get(org_id, []), "Văn bản ban hành", "văn bản"),
                ("chu-tri/", "rows", roles.lead, "Nhiệm vụ chủ trì", "nhiệm vụ chủ trì"),
                ("phoi-hop/", "rows", roles.support, "Nhiệm vụ phối hợp", "nhiệm vụ phối hợp"),
            ]
            for path, key, items, heading, noun in lists:
                if len(items) > ORG_LIMIT:
                    _paged(
                        add,
                        base + path,
                        "org_list.md.j2",
                        key,
                        items,
                        ORG_LIMIT,
                        org=org,
                        heading=heading,
                        noun=noun,
                        total=len(items),
                    )

    def _timeline(self, add) -> None:
        """One page while the corpus is small; a page per year once it would be too long."""
        years = self.views.corpus_timeline()
        if sum(len(items) for _, items in years) <= TIMELINE_LIMIT:
            add("dong-thoi-gian/", "timeline.md.j2", years=years, split=False)
            return
        add("dong-thoi-gian/", "timeline.md.j2", years=years, split=True)
        for year, items in years:
            chunks = [items[i : i + TIMELINE_LIMIT] for i in range(0, len(items), TIMELINE_LIMIT)]
            _paged(
                add, f"dong-thoi-gian/{year}/", "timeline.md.j2", "years", [(year, c) for c in chunks], 1, split=False
            )

    def _tasks(self, add, keep) -> None:
        """All tasks on one sortable page while small; a page per jurisdiction once large."""
        tasks = self.resolved.tasks
        if len(tasks) <= TASKS_LIMIT:
            add("nhiem-vu/", "tasks.md.j2", rows=tasks, **self._task_filters(tasks), groups=None)
            return
        by_jurisdiction: dict[str, list] = {}
        for task in tasks:
            by_jurisdiction.setdefault(task.document_id.split("/", 1)[0], []).append(task)
        groups = sorted(
            ((self.corpus.jurisdictions[j], len(rows)) for j, rows in by_jurisdiction.items()),
            key=lambda group: group[0].name,
        )
        add("nhiem-vu/", "tasks.md.j2", rows=[], groups=groups, **self._task_filters([]))
        for jur_id, rows in by_jurisdiction.items():
            if self.reuse is not None and jur_id not in self.reuse.jurisdictions:
                keep(f"nhiem-vu/{jur_id}/")
                continue
            for n, start in enumerate(range(0, len(rows), TASKS_LIMIT), 1):  # a page per TASKS_LIMIT rows
                chunk = rows[start : start + TASKS_LIMIT]
                pager = (
                    Pager(n, -(-len(rows) // TASKS_LIMIT), f"nhiem-vu/{jur_id}/") if len(rows) > TASKS_LIMIT else None
                )
                add(
                    pager.url(n) if pager else f"nhiem-vu/{jur_id}/",
                    "tasks.md.j2",
                    rows=chunk,
                    groups=None,
                    pager=pager,
                    **self._task_filters(chunk),
                )

    def _task_filters(self, tasks) -> dict:
        return {
            "filter_orgs": sorted(
                {(o, self.corpus.organizations[o].name) for t in tasks for o in t.org_ids},
                key=lambda pair: (pair[1], pair[0]),
            ),  # names repeat across provinces
            "filter_statuses": [(s, STATUS[s]) for s in STATUS if any(t.status == s for t in tasks)],
            "filter_years": sorted(
                {t.deadline.end.isoformat()[:4] if t.deadline and t.deadline.end else "9999" for t in tasks}
            ),
            "filter_documents": list(dict.fromkeys(t.document_id for t in tasks)),
        }

    def render(self) -> RenderedSite:
        site = RenderedSite()
        documents = self.corpus.documents
        resolved = self.resolved
        previous = self.reuse.site.pages if self.reuse is not None else {}

        def keep(url: str) -> None:  # preview: this page (and its further pages) cannot have changed
            path = urls.markdown_path(url)
            site.pages[path] = previous[path]
            more = url + "trang-"
            site.pages.update({p: md for p, md in previous.items() if p.startswith(more)})

        def add(url: str, template: str, **context) -> str:
            path = urls.markdown_path(url)
            site.pages[path] = self._page(template, url, **context)
            return path

        # The per-document and per-organization pages are most of the work: render them on
        # every core (fork: the children share the resolved corpus, only Markdown comes back).
        items = [("doc", d) for d in documents] + [("org", o) for o in self.corpus.organizations]
        if self.reuse is not None:  # preview: only what the edit can have changed
            fresh = [
                (k, i) for k, i in items if i in (self.reuse.documents if k == "doc" else self.reuse.organizations)
            ]
            rendered = {(k, i): md for k, i, md in _in_parallel(self, fresh)}
        else:
            rendered = {(k, i): md for k, i, md in _in_parallel(self, items)}
        for kind, item_id in items:
            url = urls.document(item_id) if kind == "doc" else urls.organization(item_id)
            path = urls.markdown_path(url)
            markdown = rendered.get((kind, item_id))
            site.pages[path] = markdown if markdown is not None else previous[path]
            if kind == "doc":
                site.edit_paths[path] = documents[item_id].yaml_path
        add("co-quan/", "organizations.md.j2")
        self._organization_lists(add)
        newest = resolved.newest_first
        add("van-ban/", "list.md.j2", title="Tất cả văn bản", ids=newest[:LIST_LIMIT], total=len(newest))
        add("loai/", "kinds.md.j2")
        for kind, ids in resolved.by_kind.items():
            add(urls.kind(kind), "list.md.j2", title=KINDS[kind], ids=ids[:LIST_LIMIT], total=len(ids))
        add("nam/", "years.md.j2", years=sorted((y for y in resolved.by_year if y is not None), reverse=True))
        for year, ids in resolved.by_year.items():  # the complete archive, LIST_LIMIT per page
            title = f"Năm {year}" if year is not None else "Không rõ năm ban hành"
            _paged(add, urls.year(year), "list.md.j2", "ids", ids, LIST_LIMIT, title=title, total=len(ids))
        add("dia-ban/", "jurisdictions.md.j2")
        for jur_id, jurisdiction in self.corpus.jurisdictions.items():  # every org page links to its own
            ids = resolved.by_jurisdiction.get(jur_id, [])
            add(urls.jurisdiction(jur_id), "list.md.j2", title=jurisdiction.name, ids=ids[:LIST_LIMIT], total=len(ids))
        add(
            "tham-chieu/",
            "references.md.j2",
            entries=sorted(
                self.corpus.catalog.values(),
                key=lambda e: (e.jurisdiction, e.date.value if e.date else dt.date.min, e.id),
            ),
        )
        for ref_id, entry in self.corpus.catalog.items():
            if self.reuse is not None and ref_id not in self.reuse.catalog:
                path = urls.markdown_path(urls.reference(ref_id))
                site.pages[path] = self.reuse.site.pages[path]
                continue
            add(urls.reference(ref_id), "reference.md.j2", entry=entry)
        self._timeline(add)
        add("huong-dan-bien-tap/", "editing_guide.md.j2", sections=schema_sections())
        self._tasks(add, keep)
        site.fragments["latest"] = self._page("latest.md.j2", "", ids=resolved.newest_first[:10])
        for source in sorted({d.source_file for d in documents.values()}):
            site.files[urls.source_file(source)] = self.data_dir / "sources" / source
        for schema_file in sorted(SCHEMA_DIR.glob("*.json")):
            site.files[f"schema/{schema_file.name}"] = schema_file
        if self.reuse is not None:  # preview: open-data exports are refreshed by a full build only
            site.data_files.update(self.reuse.site.data_files)
        else:
            site.data_files.update(exports(resolved, self.site_url))
            site.data_files.update(open_data(resolved, self.views, self.site_url))
        return site


_SCHEMA_SECTIONS = [  # (file, anchor, where the data lives)
    ("document.schema.json", "van-ban", "data/documents/<địa bàn>/<tên>.yaml"),
    ("organizations.schema.json", "co-quan", "data/organizations/<địa bàn>.yaml"),
    ("jurisdictions.schema.json", "dia-ban", "data/jurisdictions.yaml"),
    ("references.schema.json", "tham-chieu", "data/references.yaml"),
]


def schema_sections() -> list[dict]:
    from generator.publish.schema_doc import fields
    from generator.corpus.validate import schema

    sections = []
    for name, anchor, where in _SCHEMA_SECTIONS:
        root = schema(name)
        sections.append(
            {
                "id": anchor,
                "title": root["title"],
                "description": root["description"],
                "file": where,
                "fields": list(fields(root)),
            }
        )
    return sections


_ACTIVE: "Renderer | None" = None  # the renderer forked workers inherit
_PARALLEL_MIN = 400  # below this many pages, starting workers costs more than it saves


def _render_items(items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    renderer = _ACTIVE
    assert renderer is not None, "set by _in_parallel before the workers start"
    return [
        (kind, item_id, renderer.document_page(item_id) if kind == "doc" else renderer.organization_page(item_id))
        for kind, item_id in items
    ]


def _jobs() -> int:
    try:
        return max(1, int(os.environ.get("OD_JOBS", "0")) or len(os.sched_getaffinity(0)))
    except (ValueError, AttributeError):
        return 1


def _in_parallel(renderer: "Renderer", items: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    global _ACTIVE
    jobs = _jobs()
    if jobs < 2 or len(items) < _PARALLEL_MIN or "fork" not in multiprocessing.get_all_start_methods():
        _ACTIVE = renderer
        return _render_items(items)
    _ACTIVE = renderer
    chunks = [items[i : i + 100] for i in range(0, len(items), 100)]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return [row for chunk in pool.map(_render_items, chunks) for row in chunk]
    finally:
        _ACTIVE = None


def _period_label(document: Document, today: dt.date) -> str | None:
    found = period_status(document, today)
    return PERIOD[found] if found else None


def _grouped(tasks):
    """Tasks grouped by the top-level unit that holds them, in document order."""
    groups: dict[str, list] = {}
    for task in tasks:
        groups.setdefault(task.section, []).append(task)
    return list(groups.items())


@dataclass
class Reuse:
    """A previous render, and the document and organization pages that must be redone."""

    site: RenderedSite
    documents: set[str]
    organizations: set[str]
    catalog: set[str] = field(default_factory=set)  # catalog pages (their backlinks may change)
    jurisdictions: set[str] = field(default_factory=set)  # task pages per jurisdiction


def render(resolved: Resolved, data_dir: Path, site_url: str = "", reuse: Reuse | None = None) -> RenderedSite:
    return Renderer(resolved, data_dir, site_url, reuse).render()
