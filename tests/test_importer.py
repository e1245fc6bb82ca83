"""The importer (python -m generator import): the five sources against their curated YAML,
header variants, the pure parsing pieces, .docx input, and the round trip through `check`."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.vn.citations import extract
from generator.corpus.read import read_corpus
from generator.importer import Draft, import_file, import_text
from generator.importer.header import find_kind_line, parse_date_line, parse_header, parse_number
from generator.importer.lines import Line, read_text
from generator.importer.structure import build_tree, paragraphs, parse_marker, parse_trailer
from generator.importer.tasks import Registry, find_deadline, prose_tasks, split_names
from generator.corpus.builders import make_document
from generator.vn.text import fold_words
from generator.build.pipeline import check
from tests.conftest import DATA, ROOT, run_generator
from tests.support.yaml_fidelity import text_strings
from tests.support.sources import SOURCES
from tests.support.fidelity import coverage, source_words, words


@pytest.fixture(scope="module")
def corpus():
    read = read_corpus(DATA)
    assert read.ok
    return read.corpus


@pytest.fixture(scope="module")
def drafts(corpus) -> dict[str, Draft]:
    out = {}
    for name in SOURCES:
        text = (DATA / "sources" / name).read_text(encoding="utf-8")
        out[name] = import_text(text, name, organizations=corpus.organizations, jurisdictions=corpus.jurisdictions)
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _draft_document(plain: dict):
    return make_document(plain, "draft.yaml")


def _texts(document) -> list[str]:
    out = [document.title.plain] + ([document.subtitle.plain] if document.subtitle else [])
    for block in document.blocks():
        for text in (block.heading, block.text):
            if text:
                out.append(text.plain)
    out += [f.text.plain for f in document.footnotes]
    return out


def _task_key(task) -> tuple:
    # Lead names compared after fold; how a comma-separated list is cut into names ("các ban cán
    # sự đảng, đảng đoàn" as one registry name or two) does not change the folded whole.
    return task.unit, fold_words(" ".join(task.lead)), task.deadline or ""


def _block_keys(document) -> list[tuple]:
    return [
        (
            b.anchor,
            b.type,
            b.marker,
            _squash(b.heading.source if b.heading else ""),
            _squash(b.text.source if b.text else ""),
        )
        for b in document.blocks()
    ]


def _figures(curated, drafted) -> dict:
    blocks = _block_keys(curated)
    drafted_blocks = set(_block_keys(drafted))
    numbered = {b.anchor for b in curated.blocks() if b.numbered}
    drafted_numbered = {b.anchor for b in drafted.blocks() if b.numbered}
    tasks = Counter(_task_key(t) for t in curated.tasks)
    found = Counter(_task_key(t) for t in drafted.tasks)
    matched = sum(min(n, found[k]) for k, n in tasks.items())
    cited = {c.number for t in _texts(curated) for c in extract(t) if c.number}
    drafted_cited = {c.number for t in _texts(drafted) for c in extract(t) if c.number}
    return {
        "blocks": sum(b in drafted_blocks for b in blocks) / len(blocks),
        "items": len(numbered & drafted_numbered) / len(numbered) if numbered else 1.0,
        "items_missing": sorted(numbered - drafted_numbered),
        "tasks": matched / sum(tasks.values()) if tasks else 1.0,
        "tasks_missing": sorted((tasks - found).elements()),
        "tasks_found": len(drafted.tasks),
        "citations_equal": cited == drafted_cited,
        "citations_diff": sorted(cited ^ drafted_cited),
    }


def test_sources_against_curated(drafts, corpus, capsys):
    report = []
    total_tasks = matched_tasks = 0
    for name, ids in SOURCES.items():
        draft = drafts[name]
        assert len(draft.documents) == len(ids), name
        for doc_id, drafted_doc in zip(ids, draft.documents):
            curated = corpus.documents[doc_id]
            plain = drafted_doc.plain
            drafted = _draft_document(plain)
            # header fields, exact where the source prints them
            assert drafted.kind == curated.kind, doc_id
            assert drafted.heading == curated.heading, doc_id
            assert _squash(drafted.title.source) == _squash(curated.title.source), doc_id
            assert _squash(drafted.subtitle.source if drafted.subtitle else "") == _squash(
                curated.subtitle.source if curated.subtitle else ""
            ), doc_id
            assert drafted.place == curated.place, doc_id
            if curated.number and curated.number.source == "printed":
                assert drafted.number and drafted.number.source == "printed", doc_id
                assert (drafted.number.value, drafted.number.printed_as) == (
                    curated.number.value,
                    curated.number.printed_as,
                ), doc_id
            else:
                assert not drafted.number or drafted.number.source != "printed", doc_id
            if curated.date.source == "printed":
                assert (drafted.date.value, drafted.date.precision) == (curated.date.value, curated.date.precision)
            else:
                assert drafted.date.source != "printed", doc_id
            assert drafted.system == curated.system, doc_id
            assert drafted.issuer == curated.issuer, doc_id
            assert drafted.signer == curated.signer, doc_id
            assert drafted.recipients == curated.recipients, doc_id
            assert drafted.recipients_note == curated.recipients_note, doc_id
            assert [_squash(f.text.source) for f in drafted.footnotes] == [
                _squash(f.text.source) for f in curated.footnotes
            ]  # no-break spaces become spaces
            figures = _figures(curated, drafted)
            total_tasks += len(curated.tasks)
            matched_tasks += round(figures["tasks"] * len(curated.tasks))
            report.append(
                f"{doc_id}: mục {figures['items']:.0%}, khối giống hệt {figures['blocks']:.0%}, "
                f"nhiệm vụ {figures['tasks']:.0%} "
                f"({len(curated.tasks)} chuẩn, {figures['tasks_found']} tìm được), "
                f"dẫn chiếu {'khớp' if figures['citations_equal'] else figures['citations_diff']}"
            )
            assert figures["items"] >= 0.95, (doc_id, figures["items_missing"])
            assert figures["blocks"] >= 0.90, doc_id  # same anchor, type, marker, heading and text
            assert figures["tasks"] >= 0.90, (doc_id, figures["tasks_missing"])
            assert figures["citations_equal"], (doc_id, figures["citations_diff"])
    with capsys.disabled():
        print("\n" + "\n".join(report) + f"\nnhiệm vụ, tổng: {matched_tasks}/{total_tasks}")


def _draft_words(draft: Draft) -> list[str]:
    out: list[str] = []
    for doc in draft.documents:
        data = doc.plain

        number = data.get("number") or {}
        if number.get("source") == "printed":
            out += words(number.get("printed_as") or number.get("value") or "")
        out += words(data.get("place") or "")
        for key in ("heading", "title", "subtitle", "preamble", "body", "footnotes", "recipients", "recipients_note"):
            if key in data:
                out += words(" ".join(text_strings(data[key])))
        signer = data.get("signer", {})
        out += words(" ".join(signer.get(k, "") for k in ("authority", "position", "name")))
    return out


@pytest.mark.parametrize("name", list(SOURCES))
def test_every_word_lands_in_the_draft(drafts, name):
    source = source_words((DATA / "sources" / name).read_text(encoding="utf-8"))
    ratio, missing = coverage(source, _draft_words(drafts[name]))
    assert ratio >= 0.99, (ratio, missing[:40])
    # what is left out is kept as fields: the national header (system), the date, "Nơi nhận" (recipients)
    assert set(missing) <= set(words("ĐẢNG CỘNG SẢN VIỆT NAM ngày tháng năm Nơi nhận")) | set(
        re.findall(r"\d+", " ".join(missing))
    )


def test_drafts_pass_check(drafts, tmp_path):
    """All drafts, placed in a copy of data/ in place of the curated documents, pass `check`."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    shutil.rmtree(data / "documents")
    for draft in drafts.values():
        for path, text in draft.files().items():
            target = tmp_path / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    result = check(data)
    errors = [d.format() for d in result.diagnostics if d.is_error]
    assert not errors, errors
    assert run_generator("check", "--data", str(data)).returncode == 0


def test_yaml_is_stable_and_valid(drafts, corpus):
    for name, draft in drafts.items():
        again = import_text(
            (DATA / "sources" / name).read_text(encoding="utf-8"),
            name,
            organizations=corpus.organizations,
            jurisdictions=corpus.jurisdictions,
        )
        assert again.yaml == draft.yaml  # deterministic
        parts = draft.yaml.split("\n---\n")
        assert len(parts) == len(draft.documents)
        for part, doc in zip(parts, draft.documents):
            assert part.startswith("# yaml-language-server: $schema=../../../generator/schema/document.schema.json\n")
            assert yaml.safe_load(part) == doc.plain


def test_summary_lists_todos_with_their_lines(drafts):
    draft = drafts["ha-tinh-ubnd-chi-thi-dan-van-chinh-quyen.txt"]
    summary = draft.summary()
    lines = draft.yaml.splitlines()
    listed = [l for l in summary if re.match(r"^  dòng \d+: ", l)]
    assert listed and len(listed) == len(draft.todos())
    for entry in listed:
        no, message = re.match(r"^  dòng (\d+): (.*)$", entry).groups()
        assert lines[int(no) - 1].strip() == f"# TODO: {message}"
    assert any("nhiệm vụ" in l and "dẫn chiếu" in l for l in summary)
    assert any("cơ quan ban hành" in m for _, m in draft.todos())  # the issuer is guessed, not printed


def test_summary_says_why_check_would_fail():
    draft = import_text("CHỈ THỊ\nvề việc thử\n1. Nội dung.\n", "thu.txt")
    assert draft.documents[0].problems
    assert any("không xác định được cơ quan ban hành" in line for line in draft.summary())


# --- headers the team has not seen ---------------------------------------------------------

HEADERS = [
    # (text, number, printed_as, place, date, precision, kind, system, title)
    (
        "ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY HÀ TĨNH\n*\nSố 12-CT/TU\nHà Tĩnh, ngày 3 tháng 2 năm 2022\n\nCHỈ THỊ\n"
        "về tăng cường công tác dân vận\ntrong tình hình mới\n-----\nTrong thời gian qua, …",
        "12-CT/TU",
        None,
        "Hà Tĩnh",
        "2022-02-03",
        "day",
        "chi-thi",
        "party",
        "về tăng cường công tác dân vận trong tình hình mới",
    ),
    (
        "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| TỈNH HÀ TĨNH | Độc lập - Tự do - Hạnh phúc |\n"
        "|---|---|\n| Số: 16/CT-UBND | Hà Tĩnh, ngày  20  tháng 12  năm 2021 |\n\nCHỈ THỊ\n"
        "Về việc tiếp tục đổi mới công tác dân vận\n\nTrong những năm qua, …",
        "16/CT-UBND",
        None,
        "Hà Tĩnh",
        "2021-12-20",
        "day",
        "chi-thi",
        "state",
        "Về việc tiếp tục đổi mới công tác dân vận",
    ),
    (
        "THÀNH ỦY ĐÀ NẴNG\nBAN TUYÊN GIÁO\nSố 45 -KH/BTGTU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nĐà Nẵng, ngày 15 tháng 9 năm 2021\n"
        "KẾ HOẠCH\ntriển khai Chỉ thị số 08-CT/TU ngày 05/8/2021\ncủa Ban Thường vụ Thành ủy\nI- MỤC ĐÍCH",
        "45-KH/BTGTU",
        "Số 45 -KH/BTGTU",
        "Đà Nẵng",
        "2021-09-15",
        "day",
        "ke-hoach",
        "party",
        "triển khai Chỉ thị số 08-CT/TU ngày 05/8/2021 của Ban Thường vụ Thành ủy",
    ),
    (
        "**THÀNH ỦY HÀ NỘI**\n\\*\nSố 09-\nCT/TU\n**ĐẢNG CỘNG SẢN VIỆT NAM**\nHà Nội, ngày 10 tháng 01 năm 2022\n\n"
        "**CHỈ THỊ**\n**CỦA BAN THƯỜNG VỤ THÀNH ỦY**\n**về tăng cường lãnh đạo**\n**công tác dân vận**\n----\nNội dung.",
        "09-CT/TU",
        None,
        "Hà Nội",
        "2022-01-10",
        "day",
        "chi-thi",
        "party",
        "về tăng cường lãnh đạo công tác dân vận",
    ),
    (
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSỐ: 2547/QĐ-UBND\n"
        "Đà Nẵng, ngày 26 tháng 12 năm 2016\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ CÔNG TÁC DÂN VẬN\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ\nCăn cứ Luật Tổ chức chính quyền địa phương;",
        "2547/QĐ-UBND",
        None,
        "Đà Nẵng",
        "2016-12-26",
        "day",
        "quyet-dinh",
        "state",
        "VỀ VIỆC BAN HÀNH QUY CHẾ CÔNG TÁC DÂN VẬN",
    ),
    (
        "ĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Nam, ngày    tháng 5 năm 2023\nNGHỊ QUYẾT\nvề phát triển du lịch\n1. Mục tiêu",
        None,
        None,
        "Quảng Nam",
        "2023-05",
        "month",
        "nghi-quyet",
        "party",
        "về phát triển du lịch",
    ),
    (
        "HUYỆN ỦY HÒA VANG\nSố:        -CV/HU\nHòa Vang, ngày 05/8/2021\nV/v triển khai Chỉ thị số 08-CT/TU\n"
        "Kính gửi: Các chi bộ trực thuộc\nThực hiện …",
        None,
        None,
        "Hòa Vang",
        "2021-08-05",
        "day",
        "cong-van",
        None,
        "triển khai Chỉ thị số 08-CT/TU",
    ),
    (
        "CHỈ THỊ VỀ VIỆC TĂNG CƯỜNG KỶ LUẬT HÀNH CHÍNH\nHà Nội, ngày 1 tháng 3 năm 2020\nNội dung",
        None,
        None,
        "Hà Nội",
        "2020-03-01",
        "day",
        "chi-thi",
        None,
        "VỀ VIỆC TĂNG CƯỜNG KỶ LUẬT HÀNH CHÍNH",
    ),
]


@pytest.mark.parametrize("text, number, printed_as, place, date, precision, kind, system, title", HEADERS)
def test_header_variants(text, number, printed_as, place, date, precision, kind, system, title):
    lines = read_text(text).lines
    header = parse_header(lines, find_kind_line(lines))
    got_number = header.number.value if header.number else None
    assert got_number == number
    if number:
        printed = header.number.printed
        assert (printed if re.sub(r"^\s*(?:Số|SỐ)\s*:?\s*", "", printed) != number else None) == printed_as
    if date:
        if header.date is None:  # a date printed under the kind line
            header.date = next(parse_date_line(l.text) for l in lines if parse_date_line(l.text))
        assert (header.date.place, header.date.value, header.date.precision) == (place, date, precision)
    assert header.kind == kind
    assert header.system == system
    assert header.title == title


def test_header_variants_through_import(corpus):
    """The whole import on a header variant: issuer from the header lines, no TODO for it."""
    text = HEADERS[1][0] + "\n1. Các sở, ban ngành thực hiện.\n"
    draft = import_text(text, "ha-tinh-thu.txt", organizations=corpus.organizations, jurisdictions=corpus.jurisdictions)
    data = draft.documents[0].plain
    assert data["issuer"] == "ha-tinh/ubnd-tinh"
    assert data["number"] == {"value": "16/CT-UBND", "source": "printed"}
    assert data["id"] == "ha-tinh/chi-thi-16-ct-ubnd-2021"
    assert not any("cơ quan ban hành" in m for _, m in draft.todos())


# --- pure pieces ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Số 07- CT/TU", ("07-CT/TU", "Số 07- CT/TU")),
        ("Số: 16/CT-TTg", ("16/CT-TTg", "Số: 16/CT-TTg")),
        ("Số 2108-QĐ/TU", ("2108-QĐ/TU", "Số 2108-QĐ/TU")),
        ("SỐ: 1613/UBND-KGVX", ("1613/UBND-KGVX", "SỐ: 1613/UBND-KGVX")),
        ("Số:     /CT-UBND", (None, "Số: /CT-UBND")),
        ("Số lượng cán bộ tăng", None),
    ],
)
def test_number_lines(text, expected):
    parsed = parse_number(text)
    assert (parsed[0].value, parsed[0].printed) == expected if expected else parsed is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đà Nẵng, ngày 05 tháng 8 năm 2021", ("Đà Nẵng", "2021-08-05", "day")),
        ("Hà Nội, ngày  01  tháng 10 năm 2021", ("Hà Nội", "2021-10-01", "day")),
        ("Hà Tĩnh, ngày ... tháng 12 năm 2021", ("Hà Tĩnh", "2021-12", "month")),
        ("TP. Hồ Chí Minh, ngày 5/9/2016", ("TP. Hồ Chí Minh", "2016-09-05", "day")),
        ("ngày 30 tháng 02 năm 2021", None),
        ("Trong năm 2021, ngày càng nhiều", None),
    ],
)
def test_date_lines(text, expected):
    parsed = parse_date_line(text)
    assert (parsed.place, parsed.value, parsed.precision) == expected if expected else parsed is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I- MỤC ĐÍCH, YÊU CẦU", ("part", "I-", "I")),
        ("II. NỘI DUNG", ("part", "II.", "II")),
        ("Chương I", ("chapter", "Chương I", "I")),
        ("Điều 1. Ban hành kèm theo", ("article", "Điều 1.", "1")),
        ("1. Tiếp tục tuyên truyền", ("item", "1.", "1")),
        ("1- Về công tác tuyên truyền", ("item", "1-", "1")),
        ("2.1- Mục tiêu", ("item", "2.1-", "2.1")),
        ("3.1.2. Giải pháp", ("item", "3.1.2.", "3.1.2")),
        ("a) Thông qua các hội nghị", ("point", "a)", "a")),
        ("đ) Tổ chức sơ kết", ("point", "đ)", "đ")),
        ("- Chủ trì: Phòng Tuyên truyền", ("dash", "-", None)),
        ("– Căn cứ Luật", ("dash", "–", None)),
        ("+ Ý thứ hai", ("plus", "+", None)),
        ("5 năm giai đoạn 2021-2025 theo", None),
        ("19; trọng tâm là Chỉ thị", None),
        ("10/6, báo cáo năm trước ngày 15/11", None),
        ("2021 - 2025 và những năm tiếp theo", None),
        ("-----", None),
    ],
)
def test_markers(text, expected):
    m = parse_marker(text)
    assert ((m.type, m.marker, m.number) if m else None) == expected


def _lines(*texts: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(texts)]


W = "x" * 70  # a full-width line of filler, so the texts below count as hard-wrapped


@pytest.mark.parametrize(
    "texts, expected",
    [
        # a line that does not end a sentence is continued by the next, whatever its case
        (
            (f"{W} về công tác dân vận của", "Đảng, chính sách, pháp luật."),
            [f"{W} về công tác dân vận của Đảng, chính sách, pháp luật."],
        ),
        # a sentence end followed by lower case: the same paragraph
        ((f"{W} nâng lên;", "nhiều cơ quan đã triển khai."), [f"{W} nâng lên; nhiều cơ quan đã triển khai."]),
        # a sentence end followed by a capital: a new paragraph
        ((f"{W} thành phố.", "Tuy nhiên, bên cạnh đó."), [f"{W} thành phố.", "Tuy nhiên, bên cạnh đó."]),
        # words and numbers broken with a hyphen are rejoined without a space
        (
            (f"{W} sau đại dịch Covid-", "19; trọng tâm là Chỉ thị số 08-", "CT/TU."),
            [f"{W} sau đại dịch Covid-19; trọng tâm là Chỉ thị số 08-CT/TU."],
        ),
        # a lost footnote marker "(" … ")" across lines
        ((f"{W} triển khai thực hiện(", "), luôn xác định."), [f"{W} triển khai thực hiện(), luôn xác định."]),
        # a short heading line, then a capital: two paragraphs
        (
            (f"1- Phối hợp với Mặt trận {W}", "công tác dân vận", "Tăng cường phối hợp."),
            [f"Phối hợp với Mặt trận {W} công tác dân vận", "Tăng cường phối hợp."],
        ),
        # markers always start a block; caps lines stand alone
        (
            (
                f"{W} như sau:",
                "a) Thứ nhất;",
                "- Chủ trì: Phòng A.",
                "BAN THƯỜNG VỤ THÀNH UỶ",
                "QUYẾT ĐỊNH",
                "Điều 1. Nội dung.",
            ),
            [f"{W} như sau:", "Thứ nhất;", "Chủ trì: Phòng A.", "BAN THƯỜNG VỤ THÀNH UỶ", "QUYẾT ĐỊNH", "Nội dung."],
        ),
        # "Căn cứ" lines each start a paragraph, even after a full line ending in ";"
        (
            (
                f"Căn cứ Luật Tổ chức chính quyền địa phương {W};",
                "Căn cứ Chỉ thị số 33/CT-TTg;",
                "Theo đề nghị của Sở.",
            ),
            [
                f"Căn cứ Luật Tổ chức chính quyền địa phương {W};",
                "Căn cứ Chỉ thị số 33/CT-TTg;",
                "Theo đề nghị của Sở.",
            ],
        ),
        # a chapter marker alone: its title is the next line
        (("Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh"), ["QUY ĐỊNH CHUNG", "Phạm vi điều chỉnh"]),
    ],
)
def test_wrap_joining(texts, expected):
    assert [p.text for p in paragraphs(_lines(*texts), width=100, wrapped=True)] == expected


def test_page_numbers_decoration_and_tables_are_read_out():
    reading = read_text("Dòng một của văn bản\n\n5\n\n-----\n\\*\n| Ô một | Ô hai |\n|---|---|\nTrang 3\nDòng cuối")
    assert [l.text for l in reading.lines] == ["Dòng một của văn bản", "Ô một", "Ô hai", "Dòng cuối"]
    assert (reading.page_numbers, reading.decorations) == (2, 2)


def test_decomposed_characters_are_composed():
    decomposed = "Thành u\u0309y"  # "ủy" with a combining hook
    assert read_text(decomposed).lines[0].text == "Thành ủy"


def test_tree_nesting():
    paras = paragraphs(
        _lines(
            "Mở đầu văn bản.",
            "I- NỘI DUNG",
            "1- Về công tác tuyên truyền",
            "a) Thông qua hội nghị.",
            "- Chủ trì: Phòng A.",
            "- Phối hợp: Phòng B.",
            "b) Điểm hai.",
            "2.1- Mục con.",
            "Đoạn của mục con.",
            "- Ý một.",
            "Đoạn của ý một.",
            "II- TỔ CHỨC THỰC HIỆN",
            "1- Các phòng thực hiện.",
            "Kế hoạch này phổ biến đến chi bộ./.",
        )
    )
    preamble, body = build_tree(paras)
    assert [n.text for n in preamble] == ["Mở đầu văn bản."]
    part = body[0]
    assert (part.type, part.number, part.heading) == ("part", "I", "NỘI DUNG")
    item = part.children[0]
    assert (item.heading, item.text) == ("Về công tác tuyên truyền", None)
    point_a, point_b, sub = item.children
    assert [c.text for c in point_a.children] == ["Chủ trì: Phòng A.", "Phối hợp: Phòng B."]
    assert point_b.number == "b" and sub.number == "2.1"
    assert [c.type for c in sub.children] == ["paragraph", "dash"]
    assert sub.children[1].children[0].text == "Đoạn của ý một."
    assert body[1].number == "II" and body[2].text == "Kế hoạch này phổ biến đến chi bộ./."


def test_trailer():
    trailer = parse_trailer(
        _lines(
            "Nơi nhận:",
            "- Ban Bí thư Trung ương (để b/cáo),",
            "- Các ban cán sự đảng, đảng đoàn,",
            "Ban Thường vụ Thành đoàn,",
            "- Lưu: VT, VX, NC3.",
            "(Để báo cáo)",
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Nguyễn Văn An",
        )
    )
    assert trailer.recipients == [
        {"name": "Ban Bí thư Trung ương", "note": "để b/cáo"},
        {"name": "Các ban cán sự đảng, đảng đoàn, Ban Thường vụ Thành đoàn"},
        {"name": "Lưu: VT, VX, NC3"},
    ]
    assert trailer.recipients_note == "(Để báo cáo)"
    assert trailer.signer == {
        "authority": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        "position": "PHÓ CHỦ TỊCH",
        "name": "Nguyễn Văn An",
    }


@pytest.fixture(scope="module")
def registry(corpus):
    return Registry(corpus.organizations, "da-nang", "da-nang/ban-tuyen-giao-thanh-uy")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp.", ["Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp"]),
        (
            "Sở Thông tin và Truyền thông thành phố, các cơ quan báo chí.",
            ["Sở Thông tin và Truyền thông thành phố", "các cơ quan báo chí"],
        ),
        (
            "Ban Dân vận Thành ủy, Sở Thông tin và Truyền thông thành phố, các cơ quan báo chí",
            ["Ban Dân vận Thành ủy", "Sở Thông tin và Truyền thông thành phố", "các cơ quan báo chí"],
        ),
        (
            "Sở Tài nguyên và Môi trường, Sở Nội vụ và các sở liên quan",  # not in the registry
            ["Sở Tài nguyên và Môi trường", "Sở Nội vụ", "các sở liên quan"],
        ),
        ("Mặt trận Tổ quốc và các đoàn thể", ["Mặt trận Tổ quốc", "các đoàn thể"]),
    ],
)
def test_split_names(registry, value, expected):
    assert split_names(value, registry) == expected


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("xây dựng kế hoạch triển khai thực hiện, hoàn thành trong tháng 9/2021", "hoàn thành trong tháng 9/2021"),
        (
            "báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ) trước ngày 05 tháng 12 hằng năm.",
            "trước ngày 05 tháng 12 hằng năm",
        ),
        ("định kỳ hằng năm tổ chức sơ kết", "định kỳ hằng năm"),
        (
            "đối thoại trước kỳ họp thường kỳ của Hội đồng nhân dân thành phố theo Nghị định số 34/2021/NĐ-CP",
            "trước kỳ họp thường kỳ của Hội đồng nhân dân thành phố",
        ),
        (
            "(báo cáo 6 tháng trước ngày 10/6, báo cáo năm trước ngày 15/11, qua Phòng Tổng hợp)",
            "báo cáo 6 tháng trước ngày 10/6, báo cáo năm trước ngày 15/11",
        ),
        ("tham mưu đánh giá và tiến hành tổng kết vào năm 2020.", "tổng kết vào năm 2020"),
        ("góp phần hoàn thành thắng lợi nhiệm vụ", None),
        ("thi đua hằng năm của từng cơ quan", None),
    ],
)
def test_find_deadline(clause, expected):
    assert find_deadline(clause) == expected


def test_prose_tasks(corpus):
    registry = Registry(corpus.organizations, "da-nang", "da-nang/ban-thuong-vu-thanh-uy")
    text = (
        "Giao Ban Dân vận Thành ủy chủ trì, phối hợp với các cơ quan liên quan thường xuyên theo dõi, "
        "định kỳ hằng năm báo cáo Ban Thường vụ Thành ủy. Uỷ ban Kiểm tra Thành uỷ chủ trì, phối hợp với "
        "Ban Dân vận Thành uỷ hằng năm xây dựng kế hoạch kiểm tra; đồng thời hoàn thành trong quý IV-2016."
    )
    tasks = prose_tasks("muc-8-d1", text, registry)
    assert [(t.lead, t.support, t.deadline) for t in tasks] == [
        (["Ban Dân vận Thành ủy"], ["các cơ quan liên quan"], "định kỳ hằng năm"),
        (["Uỷ ban Kiểm tra Thành uỷ"], ["Ban Dân vận Thành uỷ"], "hằng năm"),
        (["Uỷ ban Kiểm tra Thành uỷ"], ["Ban Dân vận Thành uỷ"], "hoàn thành trong quý IV-2016"),
    ]
    assert prose_tasks("muc-1", "Tăng cường phối hợp với Mặt trận Tổ quốc.", registry) == []


def test_import_text_is_pure_and_tolerant():
    draft = import_text("", "rong.txt")
    assert draft.documents == [] and any("không có nội dung" in line for line in draft.summary())
    draft = import_text("Một dòng chữ không có gì.\n", "mot.txt")
    assert draft.documents[0].problems


# --- files: .docx and the command line ------------------------------------------------------


def test_docx(tmp_path, corpus):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "THÀNH ỦY ĐÀ NẴNG\nBAN TUYÊN GIÁO"
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    table.cell(1, 0).text = "Số 12-KH/BTGTU"
    table.cell(1, 1).text = "Đà Nẵng, ngày 20 tháng 9 năm 2021"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("triển khai công tác dân vận của Ban Tuyên giáo Thành ủy")
    document.add_paragraph("I- NỘI DUNG")
    document.add_paragraph("1- Về tuyên truyền")
    tasks = document.add_table(rows=2, cols=4)
    for i, label in enumerate(["Nội dung", "Chủ trì", "Phối hợp", "Thời gian thực hiện"]):
        tasks.cell(0, i).text = label
    for i, value in enumerate(
        [
            "a) Phổ biến Chỉ thị số 08-CT/TU.",
            "Phòng Tuyên truyền - Báo chí - Xuất bản",
            "Các phòng chức năng thuộc Ban",
            "Hoàn thành trong tháng 10/2021",
        ]
    ):
        tasks.cell(1, i).text = value
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- Lãnh đạo Ban,")
    document.add_paragraph("T/M BAN TUYÊN GIÁO")
    document.add_paragraph("TRƯỞNG BAN")
    document.add_paragraph("Đoàn Ngọc Hùng Anh")
    path = tmp_path / "Kế hoạch 12.docx"
    document.save(path)
    draft = import_file(path, data_dir=DATA)
    data = draft.documents[0].plain
    assert data["id"] == "da-nang/ke-hoach-12-kh-btgtu-2021"
    assert data["issuer"] == "da-nang/ban-tuyen-giao-thanh-uy"
    assert data["number"] == {"value": "12-KH/BTGTU", "source": "printed"}
    assert data["date"] == {"value": "2021-09-20", "precision": "day", "source": "printed"}
    assert data["system"] == "party"
    assert data["tasks"] == [
        {
            "id": "nv-i-1-a",
            "unit": "muc-i-1-a",
            "lead": ["Phòng Tuyên truyền - Báo chí - Xuất bản"],
            "support": ["Các phòng chức năng thuộc Ban"],
            "deadline": "Hoàn thành trong tháng 10/2021",
        }
    ]
    assert data["signer"] == {"authority": "T/M BAN TUYÊN GIÁO", "position": "TRƯỞNG BAN", "name": "Đoàn Ngọc Hùng Anh"}
    assert data["source"] == {"file": "ke-hoach-12.txt"}
    assert any("data/sources/ke-hoach-12.txt" in line for line in draft.summary())


def test_cli_import(tmp_path):
    out = tmp_path / "nhap.yaml"
    result = run_generator("import", str(DATA / "sources" / "ha-noi-chi-thi-07-ct-tu-2021.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Đã soạn bản nháp" in result.stderr and "nhiệm vụ" in result.stderr
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["number"]["value"] == "07-CT/TU"
    result = run_generator("import", str(DATA / "sources" / "ha-noi-chi-thi-07-ct-tu-2021.txt"))
    assert result.stdout.startswith("# yaml-language-server:")
    assert run_generator("import", str(tmp_path / "khong-co.txt")).returncode == 1
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"not a zip")
    result = run_generator("import", str(broken))
    assert result.returncode == 1 and "không đọc được" in result.stderr
