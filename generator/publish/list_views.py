"""Views of the list pages: all documents, by kind, year and place, the catalog, the indexes,
and the home page's newest documents. Each builder returns the view its template prints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional, Sequence

from generator.publish import urls
from generator.publish.filters import vn_date
from generator.publish.links import Linker
from generator.publish.paging import Pager, PagerView, pager_view
from generator.publish.refs_view import RefSections, ref_sections
from generator.publish.site import Site
from generator.vn.collation import sort_key, sorted_vi
from generator.vn.kinds import KINDS
from generator.vn.text import slug


@dataclass(frozen=True, slots=True)
class DocItem:
    href: str
    label: str
    title: str
    issuer: str
    date: Optional[str]  # numeric; None when unknown
    after: Optional[str] = None  # unknown date: the day it was issued after, when the data says so


@dataclass(frozen=True, slots=True)
class IndexItem:
    href: str
    name: str
    count: int


@dataclass(frozen=True)
class ListView:
    title: str
    title_id: str
    total: int
    items: list[DocItem]
    pager: Optional[PagerView]
    years_href: str  # the complete archive, when this page shows only the newest


@dataclass(frozen=True)
class IndexView:
    items: list[IndexItem]


@dataclass(frozen=True)
class GroupedIndexView:
    groups: list[tuple[str, str, list[IndexItem]]]  # (anchor, heading, items)


def doc_items(ids: Sequence[str], site: Site, link: Linker) -> list[DocItem]:
    corpus = site.corpus
    items = []
    for doc_id in ids:
        d = corpus.documents[doc_id]
        issued = d.date.issued if d.date.known else None
        items.append(
            DocItem(
                link(urls.document(doc_id)),
                site.views.target_label(doc_id),
                d.title.plain,
                corpus.organizations[d.issuer].name,
                vn_date(issued) if issued else None,
                vn_date(d.date.not_before) if not issued and d.date.not_before else None,
            )
        )
    return items


def list_view(site: Site, url: str, title: str, ids: Sequence[str], total: int, pager: Optional[Pager]) -> ListView:
    link = Linker(url)
    return ListView(title, slug(title), total, doc_items(ids, site, link), pager_view(pager, link), link("nam/"))


def latest_view(site: Site, ids: Sequence[str]) -> ListView:
    """The newest documents, for the home page (content/index.md, a page at the site root)."""
    return list_view(site, "", "", ids, len(ids), None)


def kinds_view(site: Site, url: str) -> IndexView:
    link = Linker(url)
    return IndexView(
        sorted_vi(
            (IndexItem(link(urls.kind(k)), KINDS[k], len(ids)) for k, ids in site.resolved.by_kind.items()),
            key=lambda item: item.name,
        )
    )


def jurisdictions_view(site: Site, url: str) -> IndexView:
    link, names = Linker(url), site.corpus.jurisdictions
    by_place = sorted(site.resolved.by_jurisdiction.items(), key=lambda pair: sort_key(names[pair[0]].short_name))
    return IndexView([IndexItem(link(urls.jurisdiction(j)), names[j].name, len(ids)) for j, ids in by_place])


def years_view(site: Site, url: str) -> IndexView:
    link, by_year = Linker(url), site.resolved.by_year
    items = [
        IndexItem(link(urls.year(y)), f"Năm {y}", len(by_year[y]))
        for y in sorted((y for y in by_year if y is not None), reverse=True)
    ]
    if None in by_year:
        items.append(IndexItem(link(urls.year(None)), "Không rõ năm ban hành", len(by_year[None])))
    return IndexView(items)


def organizations_view(site: Site, url: str) -> GroupedIndexView:
    link, corpus, by_issuer = Linker(url), site.corpus, site.resolved.by_issuer
    by_place: dict[str, list] = {}
    for org in corpus.organizations.values():
        by_place.setdefault(org.jurisdiction, []).append(org)
    groups = []
    for jur_id, jur in sorted_vi(corpus.jurisdictions.items(), key=lambda pair: pair[1].short_name):
        orgs = sorted_vi(by_place.get(jur_id, []), key=lambda o: o.name)
        if orgs:
            items = [IndexItem(link(urls.organization(o.id)), o.name, len(by_issuer.get(o.id, []))) for o in orgs]
            groups.append((jur_id, jur.name, items))
    return GroupedIndexView(groups)


@dataclass(frozen=True, slots=True)
class CatalogItem:
    href: str
    label: str
    date: Optional[str]
    title: Optional[str]  # shown when the label is the number
    citing: int  # documents citing it


@dataclass(frozen=True)
class CatalogView:
    total: int
    groups: list[tuple[str, str, list[CatalogItem]]]  # (anchor, place, entries)


def references_view(site: Site, url: str) -> CatalogView:
    link, corpus, views = Linker(url), site.corpus, site.views
    entries = sorted(
        corpus.catalog.values(), key=lambda e: (e.jurisdiction, e.date.value if e.date else dt.date.min, e.id)
    )
    by_place: dict[str, list[CatalogItem]] = {}
    for e in entries:
        by_place.setdefault(e.jurisdiction, []).append(
            CatalogItem(
                link(urls.reference(e.id)),
                e.label(),
                vn_date(e.date) if e.date else None,
                e.title if e.title and e.number else None,
                len(views.citing_documents(e.id)),
            )
        )
    places = sorted_vi(corpus.jurisdictions.items(), key=lambda pair: pair[1].short_name)
    groups = [(j, jur.name, by_place[j]) for j, jur in places if j in by_place]
    return CatalogView(len(entries), groups)


@dataclass(frozen=True)
class ReferenceView:
    """The page of a catalogued document: what the citing documents say of it."""

    kind_name: str
    number: Optional[str]
    title: Optional[str]
    url: Optional[str]  # its official text elsewhere, printed through safe_url
    issuer: str
    jurisdiction: str
    year: Optional[int]
    date_iso: Optional[str]
    date: Optional[str]
    refs: RefSections


def reference_view(site: Site, url: str, ref_id: str) -> ReferenceView:
    entry = site.corpus.catalog[ref_id]
    return ReferenceView(
        kind_name=entry.kind_name,
        number=entry.number,
        title=entry.title,
        url=entry.url,
        issuer=entry.issuer,
        jurisdiction=site.corpus.jurisdictions[entry.jurisdiction].name,
        year=entry.date.year if entry.date else None,
        date_iso=entry.date.iso if entry.date else None,
        date=vn_date(entry.date) if entry.date else None,
        refs=ref_sections(ref_id, site, Linker(url)),
    )


def reference_title(site: Site, ref_id: str) -> str:
    entry = site.corpus.catalog[ref_id]
    return entry.label() + (" – " + entry.title if entry.title and entry.number else "")
