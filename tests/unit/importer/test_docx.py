"""generator/importer/docx.py: a Word file's text, task tables as field lines; and through import_file."""

from __future__ import annotations

import pytest

from generator.importer import import_file
from tests.conftest import DATA


def test_docx(tmp_path):
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


def test_docx_header_table_becomes_the_header(tmp_path):
    """A header laid out as a Word table (body | national header; number | place and date)."""
    docx = pytest.importorskip("docx")
    from generator.importer.docx import read_docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = "Số: 06/CT-UBND"
    table.cell(1, 1).text = "Quảng Trị, ngày 25 tháng 11 năm 2025"
    document.add_paragraph("CHỈ THỊ")
    document.add_paragraph("Về việc tăng cường xử lý chồng lấn rừng")
    document.add_paragraph("1. Các sở, ngành triển khai thực hiện.")
    path = tmp_path / "chi-thi.docx"
    document.save(path)
    assert "TỈNH QUẢNG TRỊ" in read_docx(path).splitlines()
    data = import_file(path, data_dir=DATA).documents[0].plain
    assert data["id"] == "quang-tri/chi-thi-06-ct-ubnd-2025"
    assert data["issuer"] == "quang-tri/ubnd-tinh"
    assert data["date"] == {"value": "2025-11-25", "precision": "day", "source": "printed"}
