"""Citations resolved across the five documents: links, backlinks, relations, open data."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
import yaml

from generator.vn import identity
from tests.conftest import DATA

PLAN = "da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu"
DIRECTIVE = "da-nang/chi-thi-08-ct-tu-2021"
NQ25 = "trung-uong/nghi-quyet-25-nq-tw-2013"


@pytest.fixture(scope="module")
def resolved():
    import datetime as dt

    from generator.build.pipeline import read_and_resolve

    read, result = read_and_resolve(DATA, dt.date(2026, 11, 21))
    assert result is not None and read.ok, [d.format() for d in read.diagnostics if d.is_error]
    return result


@pytest.mark.parametrize(
    "number, citing, expected",
    [
        ("25-NQ/TW", "da-nang", "trung-uong"),
        ("08-CT/TU", "da-nang", "da-nang"),
        ("08-CT/TU", "ha-noi", "ha-noi"),
        ("16/CT-TTg", "ha-tinh", "trung-uong"),
        ("34/2021/NĐ-CP", "da-nang", "trung-uong"),
        ("97/QH14", "ha-noi", "trung-uong"),
        ("3504/QĐ-UBND", "ha-tinh", "ha-tinh"),
        ("05-CTr/BDVTU-UBND", "da-nang", "da-nang"),
    ],
)
def test_scope_of_a_symbol(number, citing, expected):
    assert identity.scope(number, citing) == expected


def test_no_citation_is_left_unresolved():
    import datetime as dt

    from generator.build.pipeline import check

    problems = [
        d.format()
        for d in check(DATA, dt.date(2026, 11, 21)).diagnostics
        if "chưa xác định" in d.message or "khớp với nhiều" in d.message
    ]
    assert problems == []


def test_plan_links_to_the_directive_and_is_listed_back(resolved, built_site):
    assert DIRECTIVE in resolved.refs.cites[PLAN]
    page = (built_site / "van-ban" / PLAN / "index.html").read_text(encoding="utf-8")
    assert 'class="vb-cite" href="../chi-thi-08-ct-tu-2021/"' in page
    directive = (built_site / "van-ban" / DIRECTIVE / "index.html").read_text(encoding="utf-8")
    backlinks = directive.split('id="duoc-dan-chieu-boi"', 1)[1]
    assert f'href="../ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu/#d1"' in backlinks  # the item
    assert "<mark>Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng</mark>" in backlinks  # the sentence
    assert "Được triển khai bởi" in directive


def test_nq25_is_cited_by_every_source_but_one(built_site):
    data = json.loads((built_site / "api" / "documents.json").read_text(encoding="utf-8"))
    records = {r["id"]: r for r in data["documents"]}
    assert records[NQ25]["published"] is False
    assert set(records[NQ25]["cited_by"]) == {
        "da-nang/chi-thi-08-ct-tu-2021",
        "da-nang/quyet-dinh-2108-qd-tu-2016",
        "da-nang/de-an-kem-quyet-dinh-2108-qd-tu-2016",
        PLAN,
        "ha-noi/chi-thi-07-ct-tu-2021",
    }
    for record in records.values():
        for target in record["cites"]:
            assert record["id"] in records[target]["cited_by"]


def test_local_symbols_resolve_within_the_jurisdiction(resolved):
    targets = {
        m.target for mentions in resolved.refs.mentions.values() for m in mentions if m.citation.number == "29-CT/TU"
    }
    assert targets == {"da-nang/chi-thi-29-ct-tu-2013"}
    variants = {
        m.citation.text.split(" ngày")[0]: m.target
        for mentions in resolved.refs.mentions.values()
        for m in mentions
        if m.citation.number == "06/CT-UBND"
    }
    assert any("06-CT-UBND" in text for text in variants) and any("06/CT-UBND" in text for text in variants)
    assert set(variants.values()) == {"da-nang/chi-thi-06-ct-ubnd-2021"}
    assert {
        m.target for mentions in resolved.refs.mentions.values() for m in mentions if m.citation.number == "06-CT/TU"
    } == {"ha-tinh/chi-thi-06-ct-tu-2016"}


def test_relations_recognized_and_stated(resolved):
    relations = {(r.type, r.source, r.target) for r in resolved.refs.relations}
    assert ("implements", PLAN, DIRECTIVE) in relations
    assert ("based-on", "da-nang/quyet-dinh-2108-qd-tu-2016", NQ25) in relations
    assert ("issues", "da-nang/quyet-dinh-2108-qd-tu-2016", "da-nang/de-an-kem-quyet-dinh-2108-qd-tu-2016") in relations


def test_catalog_page_lists_backlinks(built_site):
    page = (built_site / "tham-chieu" / NQ25 / "index.html").read_text(encoding="utf-8")
    assert "Văn bản chưa được công bố toàn văn" in page
    assert page.count('class="vb-backlink-doc"') == 5


def test_ambiguous_citation_is_an_error_naming_both(data_copy):
    from tests.conftest import run_generator

    refs = data_copy / "references.yaml"
    refs.write_text(
        refs.read_text(encoding="utf-8") + "- {id: trung-uong/ket-luan-114-kl-tw-2003, kind: ket-luan, "
        "number: 114-KL/TW, date: '2003-01-01', issuer: Ban Bí thư}\n",
        encoding="utf-8",
    )
    from tests.test_bad_input import VALID, write_doc

    write_doc(data_copy, VALID.replace("- Đoạn một.", "- Thực hiện tốt Kết luận 114-KL/TW của Ban Bí thư."))
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 1
    assert (
        "khớp với nhiều văn bản: trung-uong/ket-luan-114-kl-tw-2003, trung-uong/ket-luan-114-kl-tw-2015"
        in result.stderr
    )


def test_unknown_citation_gets_a_ready_to_paste_entry(data_copy):
    from tests.conftest import run_generator

    refs = data_copy / "references.yaml"
    kept = [line for line in refs.read_text(encoding="utf-8").split("\n- ") if "number: 05-NQ/TU" not in line]
    refs.write_text("\n- ".join(kept), encoding="utf-8")
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 0
    line = next(l for l in result.stderr.splitlines() if "05-NQ/TU" in l and "references.yaml" in l)
    assert "python -m generator catalog" in line
    pasted = "- {" + line.split("- {", 1)[1].rsplit("})", 1)[0] + "}"
    assert yaml.safe_load(pasted) == [
        {
            "id": "da-nang/nghi-quyet-05-nq-tu-2021",
            "kind": "nghi-quyet",
            "number": "05-NQ/TU",
            "date": "2021-06-17",
            "issuer": "Thành ủy",
        }
    ]


def test_paste_entry_keeps_a_comma_and_a_colon_inside_the_value():
    from generator.link.crossrefs import _paste_entry
    from generator.vn.citations import Citation

    issuer = "UBND tỉnh, thành phố: Hà Nội # không phải ghi chú"
    citation = Citation("Công văn số 12/UBND-VX", 0, 22, "cong-van", "12/UBND-VX", None, issuer)
    entry = yaml.safe_load(_paste_entry(citation, "ha-noi"))[0]
    assert entry == {"id": "ha-noi/cong-van-12-ubnd-vx", "kind": "cong-van", "number": "12/UBND-VX", "issuer": issuer}


def test_atom_feed_is_valid_and_newest_first(built_site):
    root = ET.parse(built_site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 6
    updated = [e.find("a:updated", ns).text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert all(e.find("a:id", ns).text and e.find("a:title", ns).text for e in entries)


def test_corpus_timeline_shows_the_lineage_in_order(built_site):
    page = (built_site / "dong-thoi-gian" / "index.html").read_text(encoding="utf-8")
    lineage = [
        "Quyết định 290-QĐ/TW",
        "Nghị quyết 25-NQ/TW",
        "Kết luận 114-KL/TW",
        "Quyết định 2108-QĐ/TU",
        "Chỉ thị 08-CT/TU",
    ]
    positions = [page.index(label) for label in lineage]
    assert positions == sorted(positions)
    assert '<time datetime="2013-06-03">' in page
