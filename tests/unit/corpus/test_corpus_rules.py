"""generator/corpus/corpus_rules.py: the registries and what documents name in them, each rule
with a corpus that breaks it and one that keeps it."""

from __future__ import annotations

import pytest

from generator.corpus import corpus_rules, rules
from generator.corpus.diagnostics import ERROR, Sink
from tests.support.corpus import JURISDICTIONS, ORGANIZATIONS, REFERENCES, VALID, make_sources

DOC = "data/documents/da-nang/thu-nghiem.yaml"
ORGS = "data/organizations/da-nang.yaml"
REFS = "data/references.yaml"
# VALID: line 1 id, 3 issuer, 5 date.  ORGANIZATIONS: lines 1 and 4 ids, 7 parent.  REFERENCES: 1 id, 4 date.

HA_NOI_ORG = "- {id: ha-noi/thanh-uy, name: Thành ủy Hà Nội}\n"
SECOND_DOC = VALID.replace("da-nang/thu-nghiem", "da-nang/ke-hoach-thu-nghiem")

# (rule, changes to the small corpus that break it, [(file, line)], message fragment)
CASES = [
    (corpus_rules.unique_jurisdictions,
     {"jurisdictions": JURISDICTIONS + "- {id: da-nang, name: Đà Nẵng, short_name: Đà Nẵng}\n"},
     [("data/jurisdictions.yaml", 3)], "mã địa bàn “da-nang” bị trùng"),
    (corpus_rules.organizations_in_their_files,
     {"organizations": {"da-nang": ORGANIZATIONS + HA_NOI_ORG}},
     [(ORGS, 8)], "cơ quan “ha-noi/thanh-uy” phải nằm trong tệp ha-noi.yaml"),
    (corpus_rules.organizations_in_declared_jurisdictions,
     {"organizations": {"da-nang": ORGANIZATIONS, "ha-tinh": "- {id: ha-tinh/tinh-uy, name: Tỉnh ủy Hà Tĩnh}\n"}},
     [("data/organizations/ha-tinh.yaml", 1)], "địa bàn “ha-tinh” chưa khai báo trong data/jurisdictions.yaml"),
    (corpus_rules.unique_organizations,
     {"organizations": {"da-nang": ORGANIZATIONS + "- {id: da-nang/thanh-uy, name: Thành ủy}\n"}},
     [(ORGS, 8)], "mã cơ quan “da-nang/thanh-uy” bị trùng"),
    (corpus_rules.parents_exist,
     {"organizations": {"da-nang": ORGANIZATIONS.replace("parent: da-nang/thanh-uy", "parent: da-nang/tinh-uy")}},
     [(ORGS, 7)], "không có cơ quan cấp trên “da-nang/tinh-uy”"),
    (corpus_rules.catalog_in_declared_jurisdictions,
     {"references": REFERENCES + "- {id: hue/cong-van-12-cv-tu-2019, kind: cong-van, issuer: Thành ủy Huế}\n"},
     [(REFS, 6)], "địa bàn “hue” chưa khai báo"),
    (corpus_rules.catalog_dates_exist,
     {"references": REFERENCES.replace("'2010-04-12'", "'2010-02-30'")},
     [(REFS, 4)], "ngày không tồn tại: 2010-02-30"),
    (corpus_rules.unique_catalog_ids,
     {"references": REFERENCES + REFERENCES.replace("1720-CV/TU", "1720/CV-TU")},
     [(REFS, 6)], "mã “da-nang/cong-van-1720-cv-tu-2010” bị trùng trong danh mục"),
    (corpus_rules.catalog_ids_not_published,
     {"references": REFERENCES + "- {id: da-nang/thu-nghiem, kind: chi-thi, issuer: Ban Thường vụ Thành ủy}\n"},
     [(REFS, 6)], "mã “da-nang/thu-nghiem” trùng với một văn bản đã công bố"),
    (corpus_rules.documents_in_declared_jurisdictions,
     {"documents": [VALID.replace("id: da-nang/", "id: hue/")]},
     [("data/documents/hue/thu-nghiem.yaml", 1)], "địa bàn “hue” chưa khai báo"),
    (corpus_rules.issuers_exist,
     {"documents": [VALID.replace("issuer: da-nang/ban-thuong-vu-thanh-uy", "issuer: da-nang/ban-thuong-vu")]},
     [(DOC, 3)], "không có cơ quan “da-nang/ban-thuong-vu” trong danh mục cơ quan"),
    (corpus_rules.attachments_exist,
     {"documents": [VALID + "attachments: [da-nang/ke-hoach-thu-nghiem, da-nang/de-an-thu-nghiem]\n", SECOND_DOC]},
     [(DOC, 10)], "không có văn bản kèm theo “da-nang/de-an-thu-nghiem”"),
    (corpus_rules.cited_in_documents_exist,
     {"documents": [VALID.replace("source: printed}", "source: cited, cited_in: da-nang/de-an-thu-nghiem}")]},
     [(DOC, 5)], "không có văn bản “da-nang/de-an-thu-nghiem”"),
]  # fmt: skip

# What keeps each rule: the same change made right.
KEPT = {
    corpus_rules.unique_jurisdictions: {"jurisdictions": JURISDICTIONS + "- {id: hue, name: Huế, short_name: Huế}\n"},
    corpus_rules.organizations_in_their_files: {"organizations": {"da-nang": ORGANIZATIONS, "ha-noi": HA_NOI_ORG}},
    corpus_rules.organizations_in_declared_jurisdictions: {
        "organizations": {"da-nang": ORGANIZATIONS, "ha-noi": HA_NOI_ORG}
    },
    corpus_rules.unique_organizations: {
        "organizations": {"da-nang": ORGANIZATIONS + "- {id: da-nang/thanh-uy-2, name: Thành ủy}\n"}
    },
    corpus_rules.parents_exist: {},
    corpus_rules.catalog_in_declared_jurisdictions: {
        "references": REFERENCES + "- {id: ha-noi/cong-van-12-cv-tu-2019, kind: cong-van, issuer: Thành ủy}\n"
    },
    corpus_rules.catalog_dates_exist: {"references": REFERENCES.replace("'2010-04-12'", "'2012-02-29'")},
    corpus_rules.unique_catalog_ids: {
        "references": REFERENCES + REFERENCES.replace("cong-van-1720-cv-tu-2010", "cong-van-1720-cv-tu-2011")
    },
    corpus_rules.catalog_ids_not_published: {},
    corpus_rules.documents_in_declared_jurisdictions: {"documents": [VALID.replace("id: da-nang/", "id: ha-noi/")]},
    corpus_rules.issuers_exist: {"documents": [VALID.replace("ban-thuong-vu-thanh-uy", "thanh-uy")]},
    corpus_rules.attachments_exist: {"documents": [VALID + "attachments: [da-nang/ke-hoach-thu-nghiem]\n", SECOND_DOC]},
    corpus_rules.cited_in_documents_exist: {
        "documents": [
            VALID.replace("source: printed}", "source: cited, cited_in: da-nang/ke-hoach-thu-nghiem}"),
            SECOND_DOC,
        ]
    },
}


def _sources(changes: dict):
    return make_sources(**{"documents": [VALID], **changes})


def test_every_corpus_rule_has_a_case_and_is_registered():
    tested = [rule for rule, *_ in CASES]
    assert set(tested) == set(KEPT) == {r for r in rules.CORPUS_RULES if r.__module__ == corpus_rules.__name__}


def test_the_small_corpus_passes_every_corpus_rule():
    sink = Sink()
    assert rules.run([rule for rule, *_ in CASES], sink, _sources({})) is False
    assert len(sink) == 0


@pytest.mark.parametrize("rule, changes, where, fragment", CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_a_corpus_rule_finds_its_problem_where_it_is(rule, changes, where, fragment):
    found = list(rule(_sources(changes)))
    assert [(d.path, d.line, d.severity) for d in found] == [(path, line, ERROR) for path, line in where], found
    assert fragment in found[0].message


@pytest.mark.parametrize("rule", list(KEPT), ids=lambda r: r.__name__)
def test_a_corpus_rule_keeps_quiet_when_the_change_is_right(rule):
    assert list(rule(_sources(KEPT[rule]))) == []


@pytest.mark.parametrize(
    "raw, exists",
    [
        ({"id": "x"}, True),
        ({"id": "x", "date": "2010-04-12"}, True),
        ({"id": "x", "date": "2010-04"}, True),
        ({"id": "x", "date": "2010"}, True),
        ({"id": "x", "date": "2012-02-29"}, True),
        ({"id": "x", "date": "2011-02-29"}, False),
        ({"id": "x", "date": "2010-13"}, False),
        ({"id": "x", "date": "2010-04-31"}, False),
    ],
)
def test_a_catalog_date_is_a_real_day_month_or_year(raw, exists):
    assert corpus_rules.catalog_date_exists(raw) is exists


def test_an_entry_with_a_date_that_does_not_exist_is_left_out_and_reported_once():
    references = REFERENCES + REFERENCES.replace("'2010-04-12'", "'2010-04-31'")
    sources = _sources({"references": references})
    assert list(sources.corpus.catalog) == ["da-nang/cong-van-1720-cv-tu-2010"]
    assert list(corpus_rules.unique_catalog_ids(sources)) == []
    assert [(d.line, d.message) for d in corpus_rules.catalog_dates_exist(sources)] == [
        (9, "ngày không tồn tại: 2010-04-31")
    ]


def test_an_undeclared_jurisdiction_gets_a_ready_to_paste_entry():
    found = list(corpus_rules.documents_in_declared_jurisdictions(_sources(CASES[9][1])))
    assert "data/jurisdictions.yaml: - {id: hue, name: Thành phố Huế, short_name: Huế}" in found[0].hint
