"""generator/publish/site.py: what every page view is built from. Mostly plumbing over the
resolved corpus; what it promises is a link to any citable document (published, or only in the
catalog, and then marked so), an organisation's name, and views built once and shared."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.link.resolve import resolve
from generator.publish.links import DocLink, Linker
from generator.publish.site import Site
from tests.support.corpus import make_sources
from tests.support.site import BUILD_DATE, SITE_URL, day, doc, make_site

DIRECTIVE = "da-nang/chi-thi-08-ct-tu-2021"
PLAN = "da-nang/ke-hoach-115-kh-tu-2021"
CATALOG = "da-nang/cong-van-1720-cv-tu-2010"
DOCUMENTS = [
    doc(DIRECTIVE, number="08-CT/TU", body="  - Thực hiện Công văn số 1720-CV/TU ngày 12/4/2010.\n"),
    doc(PLAN, kind="ke-hoach", number="115-KH/TU", date=day("2021-09-01"), body="  - Theo Chỉ thị số 08-CT/TU.\n"),
]


@pytest.fixture(scope="module")
def site() -> Site:
    return make_site(DOCUMENTS)


@pytest.mark.parametrize(
    "page, target, expected",
    [
        (f"van-ban/{PLAN}/", DIRECTIVE, DocLink("../chi-thi-08-ct-tu-2021/", "Chỉ thị 08-CT/TU")),
        ("", DIRECTIVE, DocLink(f"van-ban/{DIRECTIVE}/", "Chỉ thị 08-CT/TU")),
        (f"van-ban/{DIRECTIVE}/", CATALOG, DocLink(f"../../../tham-chieu/{CATALOG}/", "Công văn 1720-CV/TU", True)),
    ],
)
def test_a_link_to_a_document_published_or_only_catalogued(site, page, target, expected):
    assert site.doc_link(target, Linker(page)) == expected


def test_a_link_to_an_unknown_id_fails_loudly(site):
    with pytest.raises(KeyError):
        site.doc_link("da-nang/khong-co", Linker(""))


def test_it_reads_through_to_the_resolved_corpus(site):
    assert site.corpus is site.resolved.corpus
    assert site.build_date == BUILD_DATE and site.site_url == SITE_URL
    assert site.org_name("da-nang/ban-thuong-vu-thanh-uy") == "Ban Thường vụ Thành ủy Đà Nẵng"
    assert site.views.resolved is site.resolved  # one set of views, over the same facts


def test_prepared_lookups_answer_as_the_lazy_ones_do():
    sources = make_sources(DOCUMENTS)
    lazy = Site(resolve(sources.corpus, dt.date(2026, 11, 21)), Path("data"))
    prepared = Site(resolve(make_sources(DOCUMENTS).corpus, dt.date(2026, 11, 21)), Path("data"))
    prepared.prepare()
    assert prepared.site_url == ""
    for site in (lazy, prepared):
        assert [m.document_id for m in site.views.mentions_in(PLAN, DIRECTIVE)] == [PLAN]
        assert [d for d, _ in site.views.grouped_mentions(site.views.mentions_in(PLAN, DIRECTIVE))] == [PLAN]
        assert site.views.citing_documents(CATALOG) == [DIRECTIVE]
