"""generator/corpus/read.py: a data folder read into a corpus, everything found in one sink."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.corpus.diagnostics import Sink
from generator.corpus.read import read_corpus, read_document
from generator.link.resolve import resolve

DOCUMENT = """\
id: da-nang/{slug}
kind: chi-thi
issuer: da-nang/thanh-uy
system: party
date: {{value: "2021-08-05", precision: day, source: printed}}
title: về thử nghiệm
body:
  - {{type: item, number: "1", text: Nội dung.}}
tasks:
  - id: a
    unit: muc-1
    lead: [Thành ủy, Sở Không Có]
source: {{file: nguon.txt}}
"""

REGISTRIES = {
    "jurisdictions.yaml": "- {id: da-nang, name: Thành phố Đà Nẵng, short_name: Đà Nẵng}\n",
    "organizations/da-nang.yaml": (
        "- {id: da-nang/thanh-uy, name: Thành ủy Đà Nẵng, aliases: [Thành ủy]}\n"
        "- {id: da-nang/ban, name: Ban, parent: da-nang/khong-co}\n"
    ),
    "references.yaml": (
        "- {id: da-nang/chi-thi-1, kind: chi-thi, issuer: Thành ủy, date: '2021-02-30'}\n"
        "- {id: da-nang/chi-thi-2, kind: chi-thi, issuer: Thành ủy, date: '2021-02-03'}\n"
    ),
    "sources/nguon.txt": "Văn bản.\n",
}


def _folder(root: Path, documents: dict[str, str]) -> Path:
    data = root / "data"
    for name, text in {**REGISTRIES, **documents}.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    return data


def test_read_then_resolve_report_to_one_sink_located_by_each_document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = _folder(tmp_path, {"documents/da-nang/mot.yaml": DOCUMENT.format(slug="mot")})
    sink = Sink()
    read = read_corpus(data, sink=sink)
    assert read.sink is sink and set(read.corpus.catalog) == {"da-nang/chi-thi-2"}  # the impossible date is out
    document = read.corpus.documents["da-nang/mot"]
    assert document.yaml_path == "data/documents/da-nang/mot.yaml"
    resolve(read.corpus, dt.date(2026, 11, 21), sink)
    assert [d.format() for d in read.diagnostics] == [
        "data/documents/da-nang/mot.yaml:12:22: cảnh báo: không tìm thấy cơ quan “Sở Không Có” trong danh mục"
        " (gợi ý: thêm tên này vào aliases của cơ quan trong data/organizations/)",
        "data/organizations/da-nang.yaml:2:40: lỗi: không có cơ quan cấp trên “da-nang/khong-co”",
        "data/references.yaml:1:66: lỗi: ngày không tồn tại: 2021-02-30",
    ]
    assert not read.ok


def test_of_two_documents_with_one_id_the_first_counts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    documents = {f"documents/da-nang/{slug}.yaml": DOCUMENT.format(slug="a") for slug in ("a", "b")}
    read = read_corpus(_folder(tmp_path, documents))
    assert read.corpus.documents["da-nang/a"].yaml_path == "data/documents/da-nang/a.yaml"
    assert [d.format() for d in read.diagnostics if "bị trùng" in d.message] == [
        "data/documents/da-nang/b.yaml:1:5: lỗi: mã văn bản “da-nang/a” bị trùng với data/documents/da-nang/a.yaml"
    ]


def test_a_document_file_is_read_on_its_own(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = _folder(tmp_path, {"documents/da-nang/mot.yaml": DOCUMENT.format(slug="mot")})
    path = data / "documents" / "da-nang" / "mot.yaml"
    read = read_document(path, "da-nang/mot", frozenset({"nguon.txt"}), data)
    assert read.id == "da-nang/mot" and read.document is not None and read.diagnostics == ()
    refused = read_document(path, "da-nang/khac", frozenset(), data)
    assert refused.id == "da-nang/mot" and refused.document is None
    assert [(d.line, d.col) for d in refused.diagnostics] == [(1, 5), (13, 16)]  # id, source file
