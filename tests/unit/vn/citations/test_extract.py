"""generator/vn/citations/extract.py: the whole extractor on real documents (the labelled set),
on text it must leave alone, on NFC and NFD input, on arbitrary text, and from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.corpus.builders import make_document
from generator.vn.citations import Citation, extract
from tests.unit.vn.citations import test_aliases, test_laws, test_numbers, test_phrases
from tests.unit.vn.citations.tables import KIND_SLUGS, ROOT

DOCUMENTS = ROOT / "data" / "documents"
LABELS = ROOT / "tests" / "data" / "citations"
ALL_CASES = test_numbers.CASES + test_phrases.CASES + test_laws.CASES + test_aliases.CASES

NEGATIVE_CASES = [
    pytest.param("giai đoạn 2021-2025, 2021 - 2025, nhiệm kỳ 2020-2025 và (2009-2010)", id="periods"),
    pytest.param("ngày 03/6/2013, ngày 05-9-2016 và ngày 05 tháng 8 năm 2021", id="dates"),
    pytest.param("1. Quán triệt\n2.1- Tổ chức\n1- UBND tỉnh chỉ đạo; 2/ UBND-các huyện", id="item-numbers"),
    pytest.param("Điều 1. Ban hành; Điều 2-3; khoản 3 Điều 63", id="articles"),
    pytest.param("Ban Chấp hành Đảng bộ thành phố khóa XXI (khóa XI, XII)", id="terms"),
    pytest.param("đạt 95% kế hoạch, tăng 12,5%; 1.200 hộ", id="percentages"),
    pytest.param("Điện thoại: 0236.3822.123, 0236-3822-123, (024) 3825 1234", id="phones"),
    pytest.param("Covid-19, quý IV-2016, ISO 9001:2015, TCVN 5-2017, mã 12-AB/XY", id="other-codes"),
    pytest.param("theo số 12/BC ngày 1/1/2020; Số 1/KH", id="type-without-issuer"),
    pytest.param(
        "Chỉ thị này; Quyết định này có hiệu lực; Quy chế dân chủ ở cơ sở; Nghị quyết đại hội"
        " Đảng các cấp nhiệm kỳ 2020 - 2025",
        id="no-number",
    ),
    pytest.param("Trường Đại học Luật Hà Nội; Luật sư Nguyễn Văn A; luật pháp; Luật pháp", id="not-laws"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_negative_cases(text):
    assert extract(text) == []


# --- the labelled set -------------------------------------------------------------------------


def document_fields(document: dict) -> list[str]:
    """Plain text of every text field, in document order, as the site shows it."""
    return [text.plain for text in make_document(document, "").texts()]


def _document_for(label_file: Path) -> Path:
    (path,) = DOCUMENTS.glob(f"*/{label_file.stem}.yaml")
    return path


LABEL_FILES = sorted(LABELS.glob("*.yaml"))


def _key(kind, number, date, text):
    """Scored triple; a citation without a number (a law by name) is matched by its text."""
    return ("n", kind, number, date) if number else ("t", kind, text)


def _score(label_file: Path):
    labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
    document = yaml.safe_load(_document_for(label_file).read_text(encoding="utf-8"))
    got = [c for field in document_fields(document) for c in extract(field)]
    expected = Counter(_key(l["kind"], l["number"], l["date"], l["text"]) for l in labels)
    found = Counter(_key(c.kind, c.number, c.date, c.text) for c in got)
    tp = sum((expected & found).values())
    return labels, got, tp, sum(found.values()), sum(expected.values()), expected - found, found - expected


def test_labelled_files_match_documents():
    assert LABEL_FILES, "no labelled files"
    for label_file in LABEL_FILES:
        labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        document = yaml.safe_load(_document_for(label_file).read_text(encoding="utf-8"))
        text = "\n".join(document_fields(document))
        pos = 0
        for label in labels:
            assert set(label) == {"text", "kind", "number", "date", "issuer"}, label
            assert label["kind"] in KIND_SLUGS, label
            at = text.find(label["text"], pos)
            assert at >= 0, f"{label_file.name}: not in the text, in order: {label['text']!r}"
            pos = at + 1


def test_labelled_set_precision_recall(capsys):
    total_tp = total_found = total_expected = 0
    lines = []
    for label_file in LABEL_FILES:
        _, _, tp, n_found, n_expected, missed, spurious = _score(label_file)
        total_tp += tp
        total_found += n_found
        total_expected += n_expected
        precision = tp / n_found if n_found else 1.0
        recall = tp / n_expected if n_expected else 1.0
        lines.append(
            f"{label_file.stem}: precision {precision:.3f} ({tp}/{n_found}), recall {recall:.3f} ({tp}/{n_expected})"
        )
        lines += [f"    missed   {k}" for k in missed.elements()]
        lines += [f"    spurious {k}" for k in spurious.elements()]
    precision = total_tp / total_found
    recall = total_tp / total_expected
    lines.append(
        f"overall: precision {precision:.3f} ({total_tp}/{total_found}), "
        f"recall {recall:.3f} ({total_tp}/{total_expected})"
    )
    report = "\n".join(lines)
    with capsys.disabled():  # shown even under -q
        print("\n" + report)
    assert precision >= 0.99 and recall >= 0.99, report


def test_labelled_set_text_and_issuer():
    """Beyond the scored triples: span text and issuer phrase agree with the labels."""
    agree = total = 0
    differences = []
    for label_file in LABEL_FILES:
        labels, got, *_ = _score(label_file)
        remaining = list(got)
        for label in labels:
            match = next(
                (
                    c
                    for c in remaining
                    if c.text == label["text"]
                    and c.kind == label["kind"]
                    and c.number == label["number"]
                    and c.date == label["date"]
                ),
                None,
            )
            total += 1
            if match is not None and match.issuer == label["issuer"]:
                agree += 1
                remaining.remove(match)
            else:
                differences.append(f"{label_file.stem}: {label}")
    assert agree / total >= 0.99, "\n".join(differences)


# --- Unicode ----------------------------------------------------------------------------------


def _all_fields() -> list[str]:
    fields = []
    for label_file in LABEL_FILES:
        document = yaml.safe_load(_document_for(label_file).read_text(encoding="utf-8"))
        fields += document_fields(document)
    return fields


def _nfc_view(text: str) -> list[tuple]:
    result = extract(text)
    for c in result:
        assert text[c.start : c.end] == c.text
    return [(unicodedata.normalize("NFC", c.text), c.kind, c.number, c.date, c.issuer) for c in result]


def test_nfc_and_nfd_give_the_same_result():
    """Same citations for NFC and NFD input; offsets point into the string given (so NFD spans are
    longer) and `text` is the original slice, equal to the NFC one once normalized."""
    fields = _all_fields()
    # one long text as well: the NFD path maps offsets chunk by chunk (about 4 KB each)
    texts = fields + [p.values[0] for p in ALL_CASES] + ["\n".join(fields)]
    for text in texts:
        nfc = unicodedata.normalize("NFC", text)
        nfd = unicodedata.normalize("NFD", text)
        assert _nfc_view(nfd) == _nfc_view(nfc), text


def test_nfd_offsets_point_into_the_original():
    text = "Theo Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng về"
    nfd = unicodedata.normalize("NFD", text)
    (c,) = extract(nfd)
    assert nfd[c.start : c.end] == c.text
    assert c.start == len(unicodedata.normalize("NFD", "Theo "))
    assert unicodedata.normalize("NFC", c.text) == (
        "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng"
    )
    assert c.issuer == "Ban Chấp hành Trung ương Đảng"  # reported in NFC
    mixed = text[:20] + unicodedata.normalize("NFD", text[20:])  # partly decomposed
    assert _nfc_view(mixed) == _nfc_view(text)


# --- properties -------------------------------------------------------------------------------


def _check_invariants(text: str) -> list[Citation]:
    result = extract(text)
    previous_end = 0
    for c in result:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.start >= previous_end  # sorted, not overlapping
        previous_end = c.end
        assert c.kind is None or c.kind in KIND_SLUGS
        assert set(c.to_json()) == {"text", "start", "end", "kind", "number", "date", "issuer"}
    return result


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    _check_invariants(text)


FRAGMENTS = [
    "Chỉ thị",
    "Nghị quyết",
    "Quyết định",
    "Kết luận",
    "Luật",
    "Bộ luật",
    "Chương trình hành động",
    "Quy định",
    "Công văn",
    "số",
    "Số",
    "SỐ",
    " ",
    "  ",
    "\n",
    "\t",
    "25-NQ/TW",
    "16/CT-TTg",
    "34/2021/NĐ-CP",
    "4955-QĐ/UBND",
    "06-CT-UBND",
    "1206 /QĐ-HVTC",
    "NĐCP",
    "QĐ",
    "CTr",
    "TTG",
    "BDVTU",
    "UBND",
    "QH14",
    "TW",
    "TU",
    "25",
    "2021",
    "12a",
    "-",
    "/",
    "–",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "“",
    "”",
    '"',
    "ngày",
    "03/6/2013",
    "05-9-2016",
    "05 tháng 8 năm 2021",
    "31/2/2021",
    "của",
    "Ban Bí thư",
    "Thủ tướng Chính phủ",
    "Ban Chấp hành Trung ương Đảng",
    "(khóa XI)",
    "(UBND)",
    "về",
    "và",
    "Tiếp cận thông tin",
    "Hòa giải, đối thoại tại Tòa án",
    "Tổ chức",
    "Đại hội lần thứ XIII",
    "Trung ương 4",
    "(sau đây gọi tắt là Chỉ thị 16)",
    "Chỉ thị 16",
    "2021-2025",
    "Điều 1",
    "1.",
    "2.1-",
    "khóa XI",
    "95%",
    "0236.3822.123",
    "Đ",
    "đ",
    "\u0301",
    "\u0323",
    "\u0300",
    "\xa0",
    "ủy",
    "uỷ",
    "hoà",
    "Hòa",
    "a\u0301",
    "Ð",
    "ǅ",
    "İ",
    "ß",
    "\U0001f600",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_properties_on_vietnamese_fragments(parts):
    text = "".join(parts)
    _check_invariants(text)
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    _check_invariants(nfd)
    assert _nfc_view(nfd) == _nfc_view(nfc)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=20), st.text(max_size=20))
def test_properties_with_noise(parts, noise):
    text = noise.join(parts)
    _check_invariants(text)


def test_linear_on_pathological_input():
    """No catastrophic backtracking: long runs of separators, digits and kind words."""
    import time

    for chunk in [
        "1-" * 50_000,
        "Chỉ thị số " * 20_000,
        "25-NQ/TW-" * 20_000,
        "của Ban " * 20_000,
        "1 / " * 50_000,
        "Luật Tổ " * 20_000,
        "ngày 1/1/" * 20_000,
        "A" * 200_000,
        "12-AB/" * 30_000,
    ]:
        started = time.perf_counter()
        _check_invariants(chunk)
        assert time.perf_counter() - started < 10, chunk[:20]


# --- command line -----------------------------------------------------------------------------


def test_cli_cite_reads_stdin():
    result = subprocess.run(
        [sys.executable, "-m", "generator", "cite"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        input="Thực hiện Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng\n",
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {
            "text": "Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng",
            "start": 10,
            "end": 65,
            "kind": "chi-thi",
            "number": "08-CT/TU",
            "date": "2021-08-05",
            "issuer": "Thành ủy Đà Nẵng",
        }
    ]
