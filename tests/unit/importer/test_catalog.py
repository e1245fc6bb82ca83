"""generator/importer/catalog.py (`python -m generator catalog`): entries for every unresolved
citation, block-style YAML, quoted, with TODOs for what the texts do not say; the round trip
catalog → check (refused at the TODOs) → TODOs resolved → check clean, every citation resolved."""

from __future__ import annotations

import json

import yaml

from generator.build.pipeline import check
from generator.corpus.read import read_corpus
from generator.importer.catalog import collect, entries_yaml
from tests.conftest import run_generator
from tests.test_bad_input import VALID, write_doc

# A document citing what the data does not hold yet (phrases from real texts).
CITING = [
    "Căn cứ Nghị quyết Liên tịch số 19/2008/NQLT/CP-UBTUMTTQVN ngày 22/8/2008 của Chính phủ và Ủy ban Trung ương "
    "Mặt trận Tổ quốc Việt Nam về việc Ban hành Quy chế phối hợp công tác, “mẫu”: tạm thời;",
    "Theo đề nghị của Sở Nội vụ tại Công văn số 2252/SNV-TCBC&TCPCP ngày 05/9/2025 và Công văn số 2846/SNV- "
    "TCBC&TCPCP;",
    "Thực hiện Chỉ thị số 30/CT-TTg ngày 06/10/2025 về tăng cường quản lý than, kinh doanh than; Kết luận số "
    "100-KL/TW ngày 18/8/2014 của Ban Bí thư;",
    "Thực hiện Hướng dẫn số 7886/HD-BNV ngày 14/9/2025 của Bộ Nội vụ và Công văn số 7886/HD-BNV ngày 14/9/2025 "
    "của Bộ Nội vụ;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;",
]


def body(*paragraphs: str) -> str:
    """YAML list items of the body, each quoted (the texts hold ": ")."""
    return "\n  ".join(f"- {json.dumps(p, ensure_ascii=False)}" for p in paragraphs)


def _with_citing_document(data_copy):
    return write_doc(data_copy, VALID.replace("- Đoạn một.", body(*CITING)))


def _unresolved(data_dir) -> list[str]:
    return [d.message for d in check(data_dir).diagnostics if "chưa xác định" in d.message or "chưa có “" in d.message]


def test_entries_for_every_unresolved_citation(data_copy):
    _with_citing_document(data_copy)
    entries = collect(read_corpus(data_copy))
    by_id = {e.id: e for e in entries}
    # joint central symbols and central symbols go to trung-uong; a department's symbol keeps "&"
    assert "trung-uong/nghi-quyet-lien-tich-19-2008-nqlt-cp-ubtumttqvn" in by_id
    assert by_id["da-nang/cong-van-2252-snv-tcbc-tcpcp-2025"].number == "2252/SNV-TCBC&TCPCP"
    assert by_id["da-nang/cong-van-2846-snv-tcbc-tcpcp"].number == "2846/SNV-TCBC&TCPCP"
    assert "trung-uong/chi-thi-30-ct-ttg-2025" in by_id and "trung-uong/ket-luan-100-kl-tw-2014" in by_id
    # one number cited under two kinds is one entry, with a TODO naming both
    hd = [e for e in entries if e.number == "7886/HD-BNV"]
    assert len(hd) == 1 and hd[0].kind == "huong-dan" and "Công văn" in hd[0].notes[0]
    law = by_id["trung-uong/luat-thi-dua-khen-thuong"]
    assert law.data()["title"] == "Luật Thi đua, khen thưởng" and law.data()["issuer"] == "Quốc hội"


def test_yaml_is_block_style_quoted_and_says_what_is_missing(data_copy):
    _with_citing_document(data_copy)
    text = entries_yaml(collect(read_corpus(data_copy)))
    assert "{" not in text  # block style: a comma in a title cannot break an entry
    loaded = yaml.safe_load(text)
    joint = next(e for e in loaded if e.get("number") == "19/2008/NQLT-CP-UBTUMTTQVN")
    assert joint["title"] == "Ban hành Quy chế phối hợp công tác, “mẫu”: tạm thời"
    assert joint["date"] == "2008-08-22" and joint["kind"] == "nghi-quyet-lien-tich"
    # both issuers of the joint resolution, and a TODO asking to check them against the symbol
    assert joint["issuer"] == "Chính phủ và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"
    assert "ký hiệu của văn bản liên tịch (CP, UBTUMTTQVN)" in text
    ttg = next(e for e in loaded if e.get("number") == "30/CT-TTg")
    assert ttg["issuer"] == "Thủ tướng Chính phủ"  # the symbol names it without doubt
    assert ttg["title"] == "tăng cường quản lý than, kinh doanh than"
    undated = next(e for e in loaded if e.get("number") == "2846/SNV-TCBC&TCPCP")
    assert "date" not in undated and undated["issuer"] == "(chưa rõ cơ quan ban hành)"
    lines = text.splitlines()
    at = lines.index("  number: 2846/SNV-TCBC&TCPCP")
    todos = [l for l in lines[at : at + 6] if "# TODO" in l]
    assert any("ngày ban hành" in l for l in todos) and any("cơ quan ban hành" in l for l in todos)


def test_round_trip_catalog_then_check(data_copy):
    path = _with_citing_document(data_copy)
    assert len(_unresolved(data_copy)) >= 8
    before = (data_copy / "references.yaml").read_text(encoding="utf-8")
    result = run_generator("catalog", "--data", str(data_copy))
    assert result.returncode == 0, result.stderr
    after = (data_copy / "references.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # appended; the existing text is kept as it was
    # the TODOs are listed with their lines, and `check` refuses each of them
    listed = {int(l.split(":")[1]) for l in result.stderr.splitlines() if "references.yaml:" in l}
    todo_lines = {no for no, l in enumerate(after.splitlines(), 1) if l.lstrip().startswith("# TODO")}
    assert listed == todo_lines and todo_lines
    placeholders = {no for no, l in enumerate(after.splitlines(), 1) if "(chưa rõ cơ quan ban hành)" in l}
    errors = [d for d in check(data_copy).diagnostics if d.is_error]
    assert {d.line for d in errors if d.path.endswith("references.yaml")} == todo_lines | placeholders
    assert all(d.message.startswith("còn việc cần kiểm tra") for d in errors)
    # resolving the TODOs: the comments go, the placeholder issuer gets a real name
    resolved = "\n".join(l for l in after.splitlines() if not l.lstrip().startswith("# TODO"))
    resolved = resolved.replace("(chưa rõ cơ quan ban hành)", "Sở Nội vụ tỉnh")
    (data_copy / "references.yaml").write_text(resolved + "\n", encoding="utf-8")
    assert not [d.format() for d in check(data_copy).diagnostics if d.is_error]
    assert _unresolved(data_copy) == []  # every citation now resolves
    assert run_generator("check", "--data", str(data_copy)).returncode == 0
    # a second run has nothing to add
    again = run_generator("catalog", "--data", str(data_copy))
    assert again.returncode == 0 and "không cần thêm" in again.stderr
    assert (data_copy / "references.yaml").read_text(encoding="utf-8") == resolved + "\n"
    assert path.exists()


def test_dry_run_prints_without_writing(data_copy):
    _with_citing_document(data_copy)
    before = (data_copy / "references.yaml").read_text(encoding="utf-8")
    result = run_generator("catalog", "--dry-run", "--data", str(data_copy))
    assert result.returncode == 0 and "- id: trung-uong/chi-thi-30-ct-ttg-2025" in result.stdout
    assert (data_copy / "references.yaml").read_text(encoding="utf-8") == before


def test_broken_data_is_not_catalogued(data_copy):
    write_doc(data_copy, VALID.replace("title:", "tittle:"))
    result = run_generator("catalog", "--data", str(data_copy))
    assert result.returncode == 1 and "tittle" in result.stderr


def test_a_hand_pin_may_name_the_printed_number_alone(data_copy):
    """A pin whose text is the number as printed ("29- CT/TU") resolves every citation of it."""
    text = VALID.replace("- Đoạn một.", body("Thực hiện Chỉ thị số 29- CT/TU của Thành ủy và Chỉ thị 29-CT/TU."))
    text += "citations:\n- text: 29- CT/TU\n  target: da-nang/chi-thi-29-ct-tu-2013\n"
    write_doc(data_copy, text)
    assert not [d.format() for d in check(data_copy).diagnostics if d.is_error]
    assert _unresolved(data_copy) == []
    # and never a longer number that contains it
    other = VALID.replace("- Đoạn một.", body("Thực hiện Chỉ thị số 129-CT/TU.")).replace("thu-nghiem", "thu-nghiem-2")
    other += "citations:\n- text: 29-CT/TU\n  target: da-nang/chi-thi-29-ct-tu-2013\n"
    write_doc(data_copy, other, "da-nang/thu-nghiem-2.yaml")
    assert any("129-CT/TU" in m for m in _unresolved(data_copy))
