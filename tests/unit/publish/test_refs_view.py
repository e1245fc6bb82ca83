"""generator/publish/refs_view.py: each related document shown once with its title on a page;
the diagram holds the typed relations and counts the plain citations listed below it."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.build.pipeline import read_and_resolve
from generator.publish import urls
from generator.publish.links import Linker
from generator.publish.refs_view import ref_sections
from generator.publish.site import Site
from tests.conftest import DATA

DIRECTIVE = "da-nang/chi-thi-08-ct-tu-2021"
PLAN = "da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu"


@pytest.fixture(scope="module")
def site():
    _, resolved = read_and_resolve(DATA, dt.date(2026, 11, 21))
    assert resolved is not None
    return Site(resolved, DATA)


def test_the_diagram_lists_typed_relations_and_counts_the_rest(site):
    refs = ref_sections(DIRECTIVE, site, Linker(urls.document(DIRECTIVE)), [])
    diagram = refs.diagram
    assert diagram is not None
    assert [(r.kind, r.verb, r.link.href) for r in diagram.incoming] == [
        ("implements", "Được triển khai bởi", "../ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu/")
    ]
    cited = site.resolved.refs.cites[DIRECTIVE]
    typed = {r.target for r in site.resolved.refs.outgoing(DIRECTIVE)}
    assert diagram.cited == len([t for t in cited if t not in typed]) > 0
    assert [c.link.label for c in refs.cites] == [site.views.target_label(t) for t in cited]  # listed below


def test_the_timeline_gives_a_title_only_where_the_page_shows_none(site):
    refs = ref_sections(PLAN, site, Linker(urls.document(PLAN)), site.resolved.tasks_by_doc[PLAN])
    cited = set(site.resolved.refs.cites[PLAN])
    assert refs.lineage
    for entry in refs.lineage:
        listed = [c.link.href for c in refs.cites] + [c.link.href for c in refs.cited_by]
        shown = entry.current or entry.href in listed
        assert (entry.detail == "") == shown, entry
    assert cited  # the plan cites documents, and their timeline lines carry no second title


def test_each_place_of_a_cited_document_is_listed_once_with_the_full_count(site):
    repeated = 0
    for doc_id in site.corpus.documents:
        for cited in ref_sections(doc_id, site, Linker(urls.document(doc_id)), []).cites:
            assert len(set(cited.places)) == len(cited.places) >= 1, cited
            assert cited.mentions >= len(cited.places)
            repeated += cited.mentions > len(cited.places)
    assert repeated  # some document cites another twice in one item: one link, the count says 2
