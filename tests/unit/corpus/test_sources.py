"""generator/corpus/sources.py: what a rule across files sees, as `read_corpus` fills it in."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.corpus import read
from generator.corpus.diagnostics import Location
from generator.corpus.model import Corpus
from generator.corpus.sources import Sources
from tests.support.corpus import JURISDICTIONS, ORGANIZATIONS, REFERENCES, VALID, write_doc


def test_a_bare_sources_has_empty_registries_of_its_own():
    first = Sources(Path("data"), str, Corpus({}, {}, {}))
    second = Sources(Path("data"), str, Corpus({}, {}, {}))
    assert (first.catalog, first.organizations, first.organization_files) == ({}, {}, [])
    assert first.jurisdiction_file is None and first.reference_file is None
    assert first.catalog is not second.catalog and first.organization_files is not second.organization_files


def test_sources_cannot_be_changed_by_a_rule():
    sources = Sources(Path("data"), str, Corpus({}, {}, {}))
    with pytest.raises(dataclasses.FrozenInstanceError):
        sources.corpus = Corpus({}, {}, {})  # type: ignore[misc]


@pytest.fixture
def seen(tmp_path, monkeypatch):
    """The `Sources` that read_corpus hands to the rules across files, for a small data folder."""
    data = tmp_path / "data"
    (data / "organizations").mkdir(parents=True)
    (data / "sources").mkdir()
    (data / "sources" / "da-nang-chi-thi-08-ct-tu-2021.txt").write_text("Chỉ thị", encoding="utf-8")
    (data / "jurisdictions.yaml").write_text(JURISDICTIONS, encoding="utf-8")
    (data / "organizations" / "da-nang.yaml").write_text(ORGANIZATIONS, encoding="utf-8")
    wrong_date = "- {id: da-nang/cong-van-12-cv-tu-2010, kind: cong-van, issuer: Thành ủy, date: '2010-02-30'}\n"
    (data / "references.yaml").write_text(REFERENCES + wrong_date, encoding="utf-8")
    write_doc(data, VALID)
    captured = []
    real_run = read.rules.run

    def run(rule_list, sink, subject, *args):
        if isinstance(subject, Sources):
            captured.append(subject)
        return real_run(rule_list, sink, subject, *args)

    monkeypatch.setattr(read.rules, "run", run)
    monkeypatch.chdir(tmp_path)
    result = read.read_corpus(data)
    assert len(captured) == 1
    return captured[0], result


def test_read_corpus_hands_the_rules_every_registry_and_where_each_entry_is(seen):
    sources, result = seen
    assert sources.corpus is result.corpus
    assert list(sources.corpus.documents) == ["da-nang/thu-nghiem"]
    assert sources.organizations.keys() == sources.corpus.organizations.keys()
    assert sources.organizations["da-nang/ban-thuong-vu-thanh-uy"].at(("parent",)) == Location(
        "data/organizations/da-nang.yaml", 7, 11
    )
    assert sources.catalog["da-nang/cong-van-1720-cv-tu-2010"].at(("date",)) == Location("data/references.yaml", 4, 9)
    assert [file.path for file in sources.organization_files] == ["data/organizations/da-nang.yaml"]
    assert sources.jurisdiction_file.path == "data/jurisdictions.yaml"
    assert sources.display(Path("data/references.yaml")) == "data/references.yaml"


def test_a_catalog_entry_with_a_date_that_does_not_exist_is_in_the_file_but_not_the_catalog(seen):
    sources, result = seen
    assert len(sources.reference_file.data) == 2
    assert list(sources.catalog) == list(sources.corpus.catalog) == ["da-nang/cong-van-1720-cv-tu-2010"]
    assert [(d.path, d.line) for d in result.diagnostics] == [("data/references.yaml", 6)]
