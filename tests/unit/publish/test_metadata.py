"""generator/publish/metadata.py: what a document page says about itself to machines (title,
description, share card, schema.org Legislation), on a small corpus in memory; nothing the
texts do not say is claimed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from generator.link.resolve import resolve
from generator.publish import metadata
from generator.publish.filters import script_json
from generator.publish.site import Site
from tests.support.corpus import make_sources

SITE_URL = "https://example.github.io/open-directives/"
DIRECTIVE = "da-nang/chi-thi-08-ct-tu-2021"
PLAN = "da-nang/ke-hoach-115-kh-tu-2021"
DECISION = "da-nang/quyet-dinh-2108-qd-tu-2016"
PROJECT = "da-nang/de-an-kem-quyet-dinh-2108"
OLD = "da-nang/chi-thi-05-ct-tu-2015"
LONG = "da-nang/thong-bao-01-tb-tu-2021"
HOSTILE_TITLE = 'về tăng cường "sự lãnh đạo" </script><script>alert(1)</script> <!-- của Đảng'


def _doc(doc_id, kind, number, date, title, body, extra=""):
    number_line = f"number: {{value: {number}, source: printed}}\n" if number else ""
    return (
        f"id: {doc_id}\nkind: {kind}\nissuer: da-nang/ban-thuong-vu-thanh-uy\nsystem: party\n{number_line}"
        f"date: {date}\ntitle: {json.dumps(title, ensure_ascii=False)}\nbody:\n  - '{body}'\n"
        f"source: {{file: nguon.txt}}\n{extra}"
    )


DAY = '{value: "2021-08-05", precision: day, source: printed}'
MONTH = '{value: "2016-02", precision: month, source: printed}'
IN_FORCE = "Chỉ thị này có hiệu lực kể từ ngày ký."
DOCUMENTS = [
    _doc(DIRECTIVE, "chi-thi", "08-CT/TU", DAY, HOSTILE_TITLE, IN_FORCE,
         f"relations:\n  - {{type: replaces, target: {OLD}}}\n"),
    _doc(OLD, "chi-thi", "05-CT/TU", '{value: "2015", precision: year, source: printed}', "Về công tác dân vận",
         "Các cấp ủy thực hiện."),
    _doc(PLAN, "ke-hoach", "115-KH/TU", "{precision: unknown, not_before: '2021-08-05'}",
         "Triển khai thực hiện Chỉ thị", "Các cấp ủy thực hiện.",
         f"relations:\n  - {{type: implements, target: {DIRECTIVE}}}\n"
         "  - {type: based-on, target: da-nang/cong-van-1720-cv-tu-2010}\n"),
    _doc(DECISION, "quyet-dinh", "2108-QĐ/TU", MONTH, "về việc ban hành Đề án",
         "Quyết định này có hiệu lực kể từ ngày ký.", f"attachments: [{PROJECT}]\n"),
    _doc(PROJECT, "de-an", None, MONTH, "Nâng cao chất lượng công tác dân vận", "Nội dung."),
    _doc(LONG, "thong-bao", "01-TB/TU", DAY, "về " + "công tác dân vận " * 40, "Nội dung."),
]  # fmt: skip


@pytest.fixture(scope="module")
def site() -> Site:
    resolved = resolve(make_sources(DOCUMENTS).corpus, dt.date(2026, 11, 21))
    return Site(resolved, Path("data"), SITE_URL)


def _description(site, doc_id):
    return metadata.description(site.corpus.documents[doc_id], site)


@pytest.mark.parametrize(
    "doc_id, expected",
    [
        (DIRECTIVE, f"Chỉ thị 08-CT/TU ngày 05/8/2021 của Ban Thường vụ Thành ủy Đà Nẵng {HOSTILE_TITLE}"),
        (OLD, "Chỉ thị 05-CT/TU năm 2015 của Ban Thường vụ Thành ủy Đà Nẵng về công tác dân vận"),
        (PLAN, "Kế hoạch 115-KH/TU của Ban Thường vụ Thành ủy Đà Nẵng: Triển khai thực hiện Chỉ thị"),
        (DECISION, "Quyết định 2108-QĐ/TU tháng 02 năm 2016 của Ban Thường vụ Thành ủy Đà Nẵng về việc ban hành Đề án"),
        (PROJECT, ("Đề án kèm theo Quyết định 2108-QĐ/TU tháng 02 năm 2016 của Ban Thường vụ Thành ủy Đà Nẵng:"
                   " Nâng cao chất lượng công tác dân vận")),
    ],
)  # fmt: skip
def test_the_description_says_kind_number_date_issuer_and_title_as_far_as_known(site, doc_id, expected):
    assert _description(site, doc_id) == expected


def test_an_unknown_date_is_not_claimed_even_with_an_earliest_day(site):
    found = _description(site, PLAN)
    assert "ngày" not in found and "2021" not in found
    assert "legislationDate" not in metadata.document_meta(PLAN, site)["vb_legislation"]


def test_a_long_title_is_cut_at_a_word(site):
    found = _description(site, LONG)
    assert found.startswith("Thông báo 01-TB/TU ngày 05/8/2021 của Ban Thường vụ Thành ủy Đà Nẵng về công tác")
    whole = "Thông báo 01-TB/TU ngày 05/8/2021 của Ban Thường vụ Thành ủy Đà Nẵng " + " ".join(
        ["về"] + ["công tác dân vận"] * 40
    )
    assert found.endswith("…") and len(found) <= metadata.DESCRIPTION_LENGTH + 1
    kept = found[:-1]
    assert whole.startswith(kept) and whole[len(kept)] == " "  # cut between two words


def test_front_matter_titles_are_plain_and_the_json_ld_cannot_close_its_script(site):
    meta = metadata.document_meta(DIRECTIVE, site)
    for text in (meta["title"], meta["description"], meta["vb_share"]["title"], meta["vb_share"]["description"]):
        assert "<" not in text and ">" not in text and '"sự lãnh đạo"' in text
    assert meta["title"].startswith("Chỉ thị 08-CT/TU – về tăng cường")
    assert meta["vb_share"] == {
        "type": "article",
        "title": meta["title"],
        "description": meta["description"],
        "url": SITE_URL + "van-ban/da-nang/chi-thi-08-ct-tu-2021/",
    }
    legislation = meta["vb_legislation"]
    assert legislation["name"] == HOSTILE_TITLE  # data; escaped where it is printed
    printed = str(script_json(legislation))
    assert "</script" not in printed and "<!--" not in printed and json.loads(printed) == legislation


def test_legislation_fields_of_a_dated_numbered_directive(site):
    address = SITE_URL + "van-ban/da-nang/chi-thi-08-ct-tu-2021/"
    found = metadata.legislation(site.corpus.documents[DIRECTIVE], site, address)
    assert found["@context"] == "https://schema.org" and found["@type"] == "Legislation"
    assert found["@id"] == found["url"] == address
    assert found["alternateName"] == "Chỉ thị 08-CT/TU" and found["legislationIdentifier"] == "08-CT/TU"
    assert found["legislationType"] == "Chỉ thị"
    assert found["legislationDate"] == "2021-08-05"
    assert found["legislationPassedBy"] == {"@type": "Organization", "name": "Ban Thường vụ Thành ủy Đà Nẵng"}
    assert found["legislationJurisdiction"] == {"@type": "AdministrativeArea", "name": "Thành phố Đà Nẵng"}
    assert found["legislationLegalValue"] == "https://schema.org/UnofficialLegalValue"  # a copy, for reference
    assert found["inLanguage"] == "vi"
    assert found["legislationLegalForce"] == "https://schema.org/InForce"  # its text says so
    assert found["legislationChanges"] == [
        {
            "@type": "Legislation",
            "name": "Chỉ thị 05-CT/TU",
            "url": SITE_URL + "van-ban/da-nang/chi-thi-05-ct-tu-2015/",
            "legislationIdentifier": "05-CT/TU",
        }
    ]


def test_a_replaced_document_is_not_in_force_and_says_nothing_of_it_otherwise(site):
    found = metadata.document_meta(OLD, site)["vb_legislation"]
    assert found["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert found["legislationDate"] == "2015"


def test_without_an_effect_clause_or_a_date_no_force_and_no_date_are_claimed(site):
    found = metadata.document_meta(PLAN, site)["vb_legislation"]
    assert "legislationLegalForce" not in found and "legislationDate" not in found
    assert found["legislationApplies"] == [
        {
            "@type": "Legislation",
            "name": "Chỉ thị 08-CT/TU",
            "url": SITE_URL + "van-ban/da-nang/chi-thi-08-ct-tu-2021/",
            "legislationIdentifier": "08-CT/TU",
        }
    ]
    cited = found["isBasedOn"]  # a catalogued document: its own page among the references
    assert [c["name"] for c in cited] == ["Công văn 1720-CV/TU"]
    assert cited[0]["url"] == SITE_URL + "tham-chieu/da-nang/cong-van-1720-cv-tu-2010/"


def test_an_attachment_is_part_of_its_decision_and_has_no_number_of_its_own(site):
    decision = metadata.document_meta(DECISION, site)["vb_legislation"]
    project = metadata.document_meta(PROJECT, site)["vb_legislation"]
    assert decision["legislationDate"] == "2016-02"  # the month, as printed
    assert [part["url"] for part in decision["hasPart"]] == [SITE_URL + "van-ban/da-nang/de-an-kem-quyet-dinh-2108/"]
    assert "legislationIdentifier" not in project
    assert project["alternateName"] == "Đề án kèm theo Quyết định 2108-QĐ/TU"
    assert project["isPartOf"]["name"] == "Quyết định 2108-QĐ/TU"
    assert project["isPartOf"]["url"] == SITE_URL + "van-ban/da-nang/quyet-dinh-2108-qd-tu-2016/"
