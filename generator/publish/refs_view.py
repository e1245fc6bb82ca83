"""The cross-reference sections of a document or catalog page, prepared for templates/_refs.html.j2:
the relation diagram, what the document cites (and where), what cites it (with the sentence),
and its timeline."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.link.tasks import ResolvedTask
from generator.publish import urls
from generator.publish.labels import CITES, PREDICATES
from generator.publish.links import DocLink, Linker, TimelineEntry, timeline_entries
from generator.publish.site import Site

BACKLINK_DOCUMENTS = 200  # citing documents listed on a page; the rest are in api/documents.json.gz


@dataclass(frozen=True, slots=True)
class RelationItem:
    kind: str  # a relation type ("based-on"…) or "cites"
    verb: str
    link: DocLink


@dataclass(frozen=True)
class Diagram:
    outgoing: list[RelationItem]  # what this document is based on, implements, replaces…
    incoming: list[RelationItem]  # what is based on it, implements it…
    more_out: int
    more_in: int
    cited: int  # other documents it cites: listed in its section "Văn bản được dẫn chiếu"
    citing: int  # other documents citing it: listed in "Được dẫn chiếu bởi"
    cites_verb: str
    cited_by_verb: str


@dataclass(frozen=True, slots=True)
class CitedItem:
    link: DocLink
    title: str
    mentions: int  # how many times this page cites it
    places: list[tuple[str, str]]  # (anchor, "mục 3") where, each place once


@dataclass(frozen=True, slots=True)
class Backlink:
    href: str
    place: str
    count: int  # mentions in that unit
    before: str
    cited: str
    after: str


@dataclass(frozen=True, slots=True)
class CitingDocument:
    link: DocLink
    title: str
    units: list[Backlink]


@dataclass(frozen=True)
class RefSections:
    label: str  # this document's label, for the diagram
    diagram: Diagram | None
    cites: list[CitedItem] = field(default_factory=list)
    cited_by: list[CitingDocument] = field(default_factory=list)  # newest first, capped
    citing_total: int = 0  # documents citing this one
    open_data_href: str = ""
    lineage: list[TimelineEntry] = field(default_factory=list)  # empty unless it relates documents
    dues: list[TimelineEntry] = field(default_factory=list)


def _diagram(doc_id: str, site: Site, link: Linker) -> Diagram | None:
    found = site.views.diagram(doc_id)
    if found["empty"]:
        return None
    outgoing = [RelationItem(r.type, PREDICATES[r.type].verb, site.doc_link(r.target, link)) for r in found["outgoing"]]
    incoming = [
        RelationItem(r.type, PREDICATES[r.type].reverse_verb, site.doc_link(r.source, link)) for r in found["incoming"]
    ]
    return Diagram(
        outgoing,
        incoming,
        found["more_out"],
        found["more_in"],
        found["cited"],
        found["citing"],
        CITES.verb,
        CITES.reverse_verb,
    )


def _cites(doc_id: str, site: Site, link: Linker) -> list[CitedItem]:
    views = site.views
    items = []
    for target in site.resolved.refs.cites.get(doc_id, []):
        mentions = views.mentions_in(doc_id, target)
        places = list(dict.fromkeys((m.anchor, m.place.lower()) for m in mentions))
        items.append(CitedItem(site.doc_link(target, link), views.target_title(target), len(mentions), places))
    return items


def _cited_by(doc_id: str, site: Site, link: Linker) -> tuple[list[CitingDocument], int, set[str]]:
    """The documents citing `doc_id` (the newest BACKLINK_DOCUMENTS), how many there are, and
    the ids of those listed."""
    views = site.views
    groups = views.grouped_mentions(site.resolved.refs.cited_by.get(doc_id, []))
    shown = []
    for citing, units in groups[:BACKLINK_DOCUMENTS]:
        page = link(urls.document(citing))
        backlinks = [Backlink(f"{page}#{m.anchor}", m.place, count, *views.snippet(m)) for m, count in units]
        shown.append(CitingDocument(site.doc_link(citing, link), views.target_title(citing), backlinks))
    return shown, len(groups), {citing for citing, _ in groups[:BACKLINK_DOCUMENTS]}


def ref_sections(doc_id: str, site: Site, link: Linker, tasks: list[ResolvedTask] | None = None) -> RefSections:
    """The sections of a document page (`tasks` given) or of a catalog page (no tasks, no
    list of what it cites, no timeline)."""
    cited_by, total, listed = _cited_by(doc_id, site, link)
    if tasks is None:
        return RefSections(
            site.views.target_label(doc_id),
            _diagram(doc_id, site, link),
            [],
            cited_by,
            total,
            link("api/documents.json.gz"),
        )
    lineage = site.views.lineage_of(doc_id)
    # Documents whose title the page shows already (itself, what it cites, what cites it): their
    # line of the timeline is the date and the link.
    titled = {doc_id, *site.resolved.refs.cites.get(doc_id, []), *listed}
    lineage = [replace(item, detail="") if item.source in titled else item for item in lineage]
    return RefSections(
        label=site.views.target_label(doc_id),
        diagram=_diagram(doc_id, site, link),
        cites=_cites(doc_id, site, link),
        cited_by=cited_by,
        citing_total=total,
        open_data_href=link("api/documents.json.gz"),
        lineage=timeline_entries(lineage, link) if len(lineage) > 1 else [],
        dues=timeline_entries(site.views.deadline_items(tasks), link),
    )
