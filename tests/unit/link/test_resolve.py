"""generator/link/resolve.py and crossrefs.py: a small in-memory corpus plus a text, and the
target each citation resolves to or the diagnostic it gets, located in the citing YAML file."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.corpus.builders import make_catalog_entry, make_document, make_organization
from generator.corpus.diagnostics import ERROR, WARNING, Sink
from generator.corpus.load import load_text
from generator.corpus.model import Corpus, Jurisdiction
from generator.link.resolve import resolve

CITING = """\
id: da-nang/ke-hoach-1
kind: ke-hoach
issuer: da-nang/thanh-uy
system: party
date: {{value: "2022-03-01", precision: day, source: printed}}
title: triển khai
body:
  - "{text}"
tasks:
  - {{id: a, unit: mo-dau-d1, lead: [{lead}], deadline: "{deadline}"}}
source: {{file: x.txt}}
"""

DIRECTIVE = {
    "id": "da-nang/chi-thi-08-ct-tu-2021",
    "kind": "chi-thi",
    "issuer": "da-nang/thanh-uy",
    "system": "party",
    "number": {"value": "08-CT/TU", "source": "printed"},
    "date": {"value": "2021-08-05", "precision": "day", "source": "printed"},
    "title": "về công tác dân vận",
    "source": {"file": "x.txt"},
}
CATALOG = [
    {"id": "trung-uong/chi-thi-05-ct-tw-2016", "kind": "chi-thi", "number": "05-CT/TW", "date": "2016-05-15",
     "issuer": "Bộ Chính trị"},
    {"id": "da-nang/chi-thi-09-ct-tu-2019", "kind": "chi-thi", "number": "09-CT/TU", "date": "2019-01-02",
     "issuer": "Thành ủy"},
    {"id": "da-nang/chi-thi-09-ct-tu-2020", "kind": "chi-thi", "number": "09-CT/TU", "date": "2020-01-02",
     "issuer": "Thành ủy"},
    {"id": "trung-uong/luat-dan-chu", "kind": "luat", "issuer": "Quốc hội",
     "title": "Luật Thực hiện dân chủ ở cơ sở"},
]  # fmt: skip


def _targets_and_diagnostics(text: str, lead: str = "Thành ủy", deadline: str = "trong năm 2022"):
    loaded = load_text(CITING.format(text=text, lead=lead, deadline=deadline), "ke-hoach-1.yaml")
    citing = make_document(loaded.data, loaded.origin())
    directive = make_document(DIRECTIVE, "chi-thi.yaml")
    corpus = Corpus(
        documents={d.id: d for d in (citing, directive)},
        organizations={"da-nang/thanh-uy": make_organization({"id": "da-nang/thanh-uy", "name": "Thành ủy Đà Nẵng",
                                                              "aliases": ["Thành ủy"]})},
        jurisdictions={"da-nang": Jurisdiction("da-nang", "Thành phố Đà Nẵng", "Đà Nẵng")},
        catalog={raw["id"]: make_catalog_entry(raw) for raw in CATALOG},
    )  # fmt: skip
    sink = Sink()
    resolved = resolve(corpus, dt.date(2026, 11, 21), sink)
    return resolved.refs.cites.get(citing.id, []), [(d.line, d.col, d.severity, d.message) for d in sink.sorted()]


# (text of the citing document's paragraph, targets, diagnostic: (severity, message fragment) or None)
CASES = [
    ("Thực hiện Chỉ thị số 08-CT/TU ngày 05/8/2021 của Ban Thường vụ Thành ủy.",
     ["da-nang/chi-thi-08-ct-tu-2021"], None),
    ("Chỉ thị số 08-CT/TU của Thành ủy.", ["da-nang/chi-thi-08-ct-tu-2021"], None),
    ("Theo Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.", ["trung-uong/chi-thi-05-ct-tw-2016"], None),
    ("Chỉ thị số 09-CT/TU ngày 02/01/2020 của Thành ủy.", ["da-nang/chi-thi-09-ct-tu-2020"], None),
    ("Chỉ thị số 09-CT/TU của Thành ủy.", [], (ERROR, "khớp với nhiều văn bản")),
    ("Chỉ thị số 99-CT/TU ngày 01/01/2020 của Thành ủy.", [], (WARNING, "chưa xác định được văn bản")),
    ("Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10/11/2022.", ["trung-uong/luat-dan-chu"], None),
    ("Căn cứ Luật Không Có ngày 10/11/2022.", [], (WARNING, "chưa có “Luật Không Có ngày 10/11/2022”")),
]  # fmt: skip


@pytest.mark.parametrize("text, targets, diagnostic", CASES)
def test_a_citation_resolves_to_its_target_or_is_reported_where_it_is(text, targets, diagnostic):
    found, diagnostics = _targets_and_diagnostics(text)
    assert found == targets
    if diagnostic is None:
        assert diagnostics == []
    else:
        severity, fragment = diagnostic
        assert [(line, col, sev) for line, col, sev, _ in diagnostics] == [(8, 5, severity)]  # the body text
        assert fragment in diagnostics[0][3]


def test_task_diagnostics_are_located_at_the_name_and_the_deadline():
    _, diagnostics = _targets_and_diagnostics("Đoạn mở đầu.", lead="Thành ủy, Sở Không Có", deadline="khi nào xong")
    assert [(line, col, severity) for line, col, severity, _ in diagnostics] == [
        (10, 47, WARNING),  # the unknown organisation
        (10, 71, WARNING),  # the deadline nobody can read
    ]
    assert "Sở Không Có" in diagnostics[0][3] and "khi nào xong" in diagnostics[1][3]
