"""generator/importer/header.py: national header, issuing body lines, number, place and date, kind line, title; headers printed after the body."""

from __future__ import annotations

import re

import pytest

from generator.importer.header import find_kind_line, late_header, parse_date_line, parse_header, parse_number
from generator.importer.lines import read_text

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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Số 07- CT/TU", ("07-CT/TU", "Số 07- CT/TU")),
        ("Số: 16/CT-TTg", ("16/CT-TTg", "Số: 16/CT-TTg")),
        ("Số 2108-QĐ/TU", ("2108-QĐ/TU", "Số 2108-QĐ/TU")),
        ("SỐ: 1613/UBND-KGVX", ("1613/UBND-KGVX", "SỐ: 1613/UBND-KGVX")),
        ("Số:     /CT-UBND", (None, "Số: /CT-UBND")),
        ("Số lượng cán bộ tăng", None),
        ("_ Số:30 /CT-TTg", ("30/CT-TTg", "Số: 30 /CT-TTg")),  # OCR junk before the label
        ("Số:           /TTr-BYT", (None, "Số: /TTr-BYT")),
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
        # a date line whose date is impossible: still the date line (its place is kept), date unknown
        ("ngày 30 tháng 02 năm 2021", (None, None, "unknown")),
        ("Hà Nội, ngày 06 tháng 40 năm 2025", ("Hà Nội", None, "unknown")),
        ("Trong năm 2021, ngày càng nhiều", None),
    ],
)
def test_date_lines(text, expected):
    parsed = parse_date_line(text)
    assert (parsed.place, parsed.value, parsed.precision) == expected if expected else parsed is None


# Header blocks of real documents (copied from official texts): what the block parser reads.
BLOCKS = [
    # (text, issuer lines, number, place, date, system, kind, title)
    (
        "|\n**ỦY BAN NHÂN\nDÂN **\nTỈNH QUẢNG TRỊ\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\n"
        "Độc lập - Tự do - Hạnh phúc\n|\nSố 2696/QĐ-UBND\n|\n*Quảng Trị,\nngày 18 tháng 11 năm 2025*\n|\n"
        "**QUYẾT ĐỊNH**\nBAN HÀNH ĐIỀU LỆ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ\nTỈNH QUẢNG TRỊ\n**ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ**\n",
        ["ỦY BAN NHÂN", "DÂN", "TỈNH QUẢNG TRỊ"],
        "2696/QĐ-UBND",
        "Quảng Trị",
        "2025-11-18",
        "state",
        "quyet-dinh",
        "BAN HÀNH ĐIỀU LỆ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ TỈNH QUẢNG TRỊ",
    ),
    (
        "ỦY BAN NHÂN DÂN\nỦY BAN MTTQ VIỆT NAM\nTỈNH ĐẮK LẮK\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n|\nSố: 01/QCPH/UBND-UBMTTQ\n|\nĐắk Lắk, ngày 27 tháng 10 năm 2017\n|\nQUY CHẾ\n"
        "PHỐI\nHỢP CÔNG TÁC GIỮA ỦY BAN NHÂN DÂN\nTỈNH VÀ ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH\nCăn cứ Luật;",
        ["ỦY BAN NHÂN DÂN", "ỦY BAN MTTQ VIỆT NAM", "TỈNH ĐẮK LẮK"],
        "01/QCPH-UBND-UBMTTQ",
        "Đắk Lắk",
        "2017-10-27",
        "state",
        "quy-che",
        "PHỐI HỢP CÔNG TÁC GIỮA ỦY BAN NHÂN DÂN TỈNH VÀ ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH",
    ),
    (
        "|\nBAN CHẤP HÀNH\nTRUNG ƯƠNG\n**BAN TUYÊN GIÁO VÀ DÂN VẬN**\n*\n|\n**ĐẢNG CỘNG SẢN\nVIỆT NAM**\n|\n"
        "Số: 1147-QĐ/BTGDVTW\n|\n*Hà Nội, ngày 01\ntháng 12 năm 2025*\n|\n**QUYẾT ĐỊNH**\n\nBAN\nHÀNH QUY CHẾ BỒI DƯỠNG\n"
        "- Căn cứ Quyết định số 246-QĐ/TW;",
        ["BAN CHẤP HÀNH", "TRUNG ƯƠNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN"],
        "1147-QĐ/BTGDVTW",
        "Hà Nội",
        "2025-12-01",
        "party",
        "quyet-dinh",
        "BAN HÀNH QUY CHẾ BỒI DƯỠNG",
    ),
    (
        "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/TTr-BYT\tHà Nội, ngày 05 tháng 6 năm 2025\nTỜ TRÌNH\nDự án Luật Dân số\nKính gửi: Chính phủ",
        ["BỘ Y TẾ"],
        "12/TTr-BYT",
        "Hà Nội",
        "2025-06-05",
        "state",
        "to-trinh",
        "Dự án Luật Dân số",
    ),
    (
        "THỦ TƯỚNG CHÍNH PHỦ CONG HOA XÃ HOI CHỦ NGHĨA VIỆT NAM\n—————— Độc lập - Tự do - Hạnh phúc\n"
        "_ Số:30 /CT-TTg Hà Nội, ngày 06 tháng 10 năm 2025\nCHỈ THỊ\nve việc tiếp tục tăng cường công tác quản lý\n\n"
        "Với tinh thần nghiêm túc.",
        ["THỦ TƯỚNG CHÍNH PHỦ"],
        "30/CT-TTg",
        "Hà Nội",
        "2025-10-06",
        "state",
        "chi-thi",
        "ve việc tiếp tục tăng cường công tác quản lý",
    ),
    (
        "Số 70/KH-UBND\n\nCần Thơ, ngày 15 tháng 9 năm 2025\n\n# KẾ HOẠCH Thực hiện công tác dân vận thành phố Cần Thơ\n\n"
        "Thực hiện Luật Thực hiện dân chủ ở cơ sở.",
        [],
        "70/KH-UBND",
        "Cần Thơ",
        "2025-09-15",
        None,
        "ke-hoach",
        "Thực hiện công tác dân vận thành phố Cần Thơ",
    ),
]


@pytest.mark.parametrize("text, issuer_lines, number, place, date, system, kind, title", BLOCKS)
def test_real_header_blocks(text, issuer_lines, number, place, date, system, kind, title):
    lines = read_text(text).lines
    header = parse_header(lines, find_kind_line(lines))
    assert header.issuer_lines == issuer_lines
    assert header.number.value == number
    assert (header.date.place, header.date.value) == (place, date)
    assert (header.system, header.kind, header.title) == (system, kind, title)


def test_header_printed_after_the_body():
    """A Word table of header cells extracted after the body (before "Nơi nhận")."""
    text = (
        "TỜ TRÌNH\nDự án Luật Dân số\nKính gửi: Chính phủ\nI. SỰ CẦN THIẾT\nNội dung tờ trình.\n"
        "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: /TTr-BYT\tHà Nội, ngày tháng năm 2025\nNơi nhận:\n- Như trên;\tBỘ TRƯỞNG\n"
    )
    lines = read_text(text).lines
    header = parse_header(lines, find_kind_line(lines))
    assert header.number is None and header.date is None
    end = next(i for i, l in enumerate(lines) if l.text.startswith("Nơi nhận"))
    late, start = late_header(lines, header.body_start, end)
    assert lines[start].text == "BỘ Y TẾ"
    assert late.issuer_lines == ["BỘ Y TẾ"] and late.system == "state"
    assert late.number.printed == "Số: /TTr-BYT" and late.number.value is None
    assert (late.date.place, late.date.precision) == ("Hà Nội", "year")
    assert late_header(lines, header.body_start, start) is None  # no national header in the body itself


def test_a_title_joined_into_the_preamble_gets_a_todo():
    lines = read_text("KẾ HOẠCH\ntriển khai thực hiện Chỉ thị của\nBan Thường vụ Tỉnh ủy\nCăn cứ Luật Tổ chức;").lines
    header = parse_header(lines, find_kind_line(lines))
    assert header.title == "triển khai thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy"
    assert header.title_todo and "dòng 3" in header.title_todo[0]
    lines = read_text("KẾ HOẠCH\ntriển khai thực hiện Chỉ thị\nsố 08-CT/TU của Thành ủy\nI. MỤC ĐÍCH").lines
    assert parse_header(lines, find_kind_line(lines)).title_todo == []  # a lower-case continuation is sure
