"""generator/importer/draft.py: the summary (what check will refuse, TODOs with their lines, registry entries to add) and the draft's files."""

from __future__ import annotations

from generator.importer import import_text


def test_summary_says_why_check_would_fail():
    draft = import_text("CHỈ THỊ\nvề việc thử\n1. Nội dung.\n", "thu.txt")
    assert draft.documents[0].problems
    assert any("không xác định được cơ quan ban hành" in line for line in draft.summary())


QUANG_TRI = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 06/CT-UBND\n"
    "Quảng Trị, ngày 25 tháng 11 năm 2025\nCHỈ THỊ\nVề việc tăng cường xử lý chồng lấn rừng\n"
    "1. Sở Nông nghiệp và Môi trường chủ trì thực hiện, tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 25/12 "
    "hàng năm.\n"
)


def test_summary_lists_every_todo_with_its_line_and_the_entries_to_add():
    draft = import_text(QUANG_TRI, "quang-tri.txt")
    summary = draft.summary()
    lines = draft.yaml.splitlines()
    listed = [l for l in summary if l.startswith("  dòng ")]
    assert listed and len(listed) == len(draft.todos())
    for entry in listed:
        no, message = entry[len("  dòng ") :].split(": ", 1)
        assert lines[int(no) - 1].strip() == f"# TODO: {message}"
    text = "\n".join(summary)
    assert "Địa bàn: quang-tri (dòng tên cơ quan “ỦY BAN NHÂN DÂN / TỈNH QUẢNG TRỊ”)" in text
    assert "thêm vào cuối data/jurisdictions.yaml:\n- id: quang-tri\n  name: Tỉnh Quảng Trị" in text
    assert "tạo tệp data/organizations/quang-tri.yaml:" in text
    assert draft.files() == {"data/documents/quang-tri/chi-thi-06-ct-ubnd-2025.yaml": draft.yaml}


def test_a_draft_without_todos_says_so():
    from generator.corpus.read import read_corpus
    from tests.conftest import DATA

    corpus = read_corpus(DATA).corpus
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 16/CT-UBND\n"
        "Hà Tĩnh, ngày 20 tháng 12 năm 2021\nCHỈ THỊ\nVề việc tiếp tục đổi mới công tác dân vận\n"
        "1. Sở Nội vụ chủ trì thực hiện.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nVõ Trọng Hải\n"
    )
    draft = import_text(text, "x.txt", organizations=corpus.organizations, jurisdictions=corpus.jurisdictions)
    assert draft.todos() == [] and "Không có chỗ nào cần kiểm tra thêm." in draft.summary()
