"""generator/importer/lines.py: source text → clean lines: table cells (| and tabs), merged OCR columns, decorations, page numbers, NFC, emphasis markers."""

from __future__ import annotations

import pytest

from generator.importer.lines import balance_emphasis, read_text, split_columns


def test_page_numbers_decoration_and_tables_are_read_out():
    reading = read_text("Dòng một của văn bản\n\n5\n\n-----\n\\*\n| Ô một | Ô hai |\n|---|---|\nTrang 3\nDòng cuối")
    assert [l.text for l in reading.lines] == ["Dòng một của văn bản", "Ô một", "Ô hai", "Dòng cuối"]
    assert (reading.page_numbers, reading.decorations) == (2, 2)


def test_decomposed_characters_are_composed():
    decomposed = "Thành u\u0309y"  # "ủy" with a combining hook
    assert read_text(decomposed).lines[0].text == "Thành ủy"


def test_word_table_rows_split_at_tabs():
    reading = read_text(
        "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND\tCần Thơ, ngày 03 tháng 5 năm 2022\n- Lưu: VT, PC, CDS (03b).\tBỘ TRƯỞNG\n"
    )
    assert [l.text for l in reading.lines] == [
        "BỘ Y TẾ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",  # a leading tab is indentation, not a cell
        "Số: 12/KH-UBND",
        "Cần Thơ, ngày 03 tháng 5 năm 2022",
        "- Lưu: VT, PC, CDS (03b).",
        "BỘ TRƯỞNG",
    ]
    assert [l.no for l in reading.lines] == [1, 1, 2, 3, 3, 4, 4]
    assert reading.tab_rows == 3


@pytest.mark.parametrize(
    "line, parts",
    [
        # OCR merged the two header columns
        (
            "THỦ TƯỚNG CHÍNH PHỦ CONG HOA XÃ HOI CHỦ NGHĨA VIỆT NAM",
            ["THỦ TƯỚNG CHÍNH PHỦ", "CONG HOA XÃ HOI CHỦ NGHĨA VIỆT NAM"],
        ),
        ("_ Số:30 /CT-TTg Hà Nội, ngày 06 tháng 40 năm 2025", ["_ Số:30 /CT-TTg", "Hà Nội, ngày 06 tháng 40 năm 2025"]),
        ("Số: /TTr-BYT Hà Nội, ngày tháng năm 2025", ["Số: /TTr-BYT", "Hà Nội, ngày tháng năm 2025"]),
        # prose naming the country, and a "Số" that is not a number line, stay whole
        ("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013", None),
        ("Số lượng cán bộ tại Hà Nội, ngày 5 tháng 3 năm 2025 tăng", None),
    ],
)
def test_merged_columns_are_split(line, parts):
    assert split_columns(line) == (parts or [line])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("**ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),  # bold opened here, closed on the next line
        ("DÂN **", "DÂN"),
        ("*Hà Nội, ngày 01", "Hà Nội, ngày 01"),
        ("**Điều 1.** Ban hành", "**Điều 1.** Ban hành"),  # balanced: kept
        ("*Thời gian thực hiện: *Thường xuyên", "*Thời gian thực hiện: *Thường xuyên"),
        ("không có dấu", "không có dấu"),
    ],
)
def test_stray_emphasis_markers(text, expected):
    assert balance_emphasis(text) == expected


def test_a_marker_word_alone_on_its_line_is_joined_to_its_number():
    lines = read_text("**Điều\n18. Trách nhiệm của bộ phận**\n**Chương\nIV**\nTỔ CHỨC THỰC HIỆN").lines
    assert [l.text for l in lines] == ["**Điều 18. Trách nhiệm của bộ phận**", "**Chương IV**", "TỔ CHỨC THỰC HIỆN"]
    assert [l.no for l in lines] == [1, 3, 5]
