"""generator/corpus/model.py: typed records built from validated data, and the Citable protocol."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.corpus.model import (
    CatalogEntry,
    Citable,
    CitationPin,
    Corpus,
    Period,
    Role,
    StatedRelation,
)
from generator.corpus.builders import make_catalog_entry, make_document
from generator.vn.dates import PartialDate, Precision


def _raw(**extra):
    raw = {
        "id": "da-nang/chi-thi-08-ct-tu-2021",
        "kind": "chi-thi",
        "issuer": "da-nang/thanh-uy",
        "system": "party",
        "date": {"precision": "day", "value": "2021-08-05", "source": "printed"},
        "number": {"value": "08-CT/TU", "source": "printed"},
        "title": "Về tăng cường *công tác* dân vận",
        "source": {"file": "x.txt"},
        "preamble": ["Căn cứ Chỉ thị số 16/CT-TTg"],
        "body": [{"type": "item", "number": "1", "heading": "Nội dung", "children": ["Thực hiện[^1]."]}],
        "footnotes": [{"id": "1", "text": "Chú thích."}],
        "tasks": [{"id": "t1", "unit": "muc-1", "lead": ["Ban Tuyên giáo"], "support": ["Sở Nội vụ"]}],
        "period": {"start": 2021, "end": 2025},
        "citations": [{"text": "Chỉ thị số 16/CT-TTg", "target": "trung-uong/chi-thi-16-ct-ttg-2016"}],
        "relations": [{"type": "implements", "target": "trung-uong/chi-thi-16-ct-ttg-2016"}],
    }
    raw.update(extra)
    return raw


def test_records_are_named():
    document = make_document(_raw(), "data/documents/da-nang/chi-thi-08-ct-tu-2021.yaml")
    assert document.period == Period(2021, 2025)
    assert document.citations == [CitationPin("Chỉ thị số 16/CT-TTg", "trung-uong/chi-thi-16-ct-ttg-2016")]
    assert document.relations == [StatedRelation("implements", "trung-uong/chi-thi-16-ct-ttg-2016")]
    task = document.tasks[0]
    assert task.names(Role.LEAD) == ["Ban Tuyên giáo"] and task.names(Role.SUPPORT) == ["Sở Nội vụ"]


def test_text_fields_in_reading_order_with_yaml_paths():
    document = make_document(_raw(), "x.yaml")
    fields = [(f.anchor, f.field, f.text.plain, f.path) for f in document.text_fields()]
    assert fields == [
        ("van-ban", "title", "Về tăng cường công tác dân vận", ("title",)),
        ("mo-dau-d1", "text", "Căn cứ Chỉ thị số 16/CT-TTg", ("preamble", 0, "text")),
        ("muc-1", "heading", "Nội dung", ("body", 0, "heading")),
        ("muc-1-d1", "text", "Thực hiện.", ("body", 0, "children", 0, "text")),
        ("fn-1", "footnote", "Chú thích.", ("footnotes", 0, "text")),
    ]
    assert document.texts() == [f.text for f in document.text_fields()]


def test_published_document_and_catalog_entry_share_one_protocol():
    document = make_document(_raw(), "x.yaml")
    entry = make_catalog_entry(
        {"id": "trung-uong/chi-thi-16-ct-ttg-2016", "kind": "chi-thi", "issuer": "Thủ tướng", "number": "16/CT-TTg"}
        | {"date": "2016-05"}
    )
    law = make_catalog_entry(
        {
            "id": "trung-uong/luat-tiep-can-thong-tin",
            "kind": "luat",
            "issuer": "Quốc hội",
            "title": "Tiếp cận thông tin",
        }
    )
    items: list[Citable] = [document, entry, law]
    assert [i.published for i in items] == [True, False, False]
    assert [i.symbol for i in items] == ["08-CT/TU", "16/CT-TTg", None]
    assert [i.label() for i in items] == ["Chỉ thị 08-CT/TU", "Chỉ thị 16/CT-TTg", "Tiếp cận thông tin"]
    assert [i.title_text for i in items] == ["Về tăng cường công tác dân vận", "", "Tiếp cận thông tin"]
    assert [i.issued for i in items] == [
        PartialDate(dt.date(2021, 8, 5)),
        PartialDate(dt.date(2016, 5, 1), Precision.MONTH),
        None,
    ]
    assert [i.sort_date for i in items] == [dt.date(2021, 8, 5), dt.date(2016, 5, 1), dt.date.min]
    assert [i.jurisdiction for i in items] == ["da-nang", "trung-uong", "trung-uong"]


def test_unknown_date_sorts_by_not_before():
    raw = _raw(date={"precision": "unknown", "not_before": "2021-09-01", "source": "printed"})
    document = make_document(raw, "x.yaml")
    assert document.issued is None and document.sort_date == dt.date(2021, 9, 1)


def test_corpus_finds_either_kind_of_document():
    document = make_document(_raw(), "x.yaml")
    entry = CatalogEntry("trung-uong/x", "luat", "Quốc hội", title="X")
    corpus = Corpus({document.id: document}, {}, {}, {entry.id: entry})
    assert corpus.citable(document.id) is document and corpus.citable(entry.id) is entry
    assert corpus.find("nowhere/x") is None
    assert [i.id for i in corpus.citables()] == [document.id, entry.id]
    with pytest.raises(KeyError):
        corpus.citable("nowhere/x")
