"""generator/vn/citations/numbers.py: document numbers, State and Party, damaged forms, canonical form."""

from __future__ import annotations

import re

import pytest

from tests.unit.vn.citations.tables import C, records
from generator.vn.citations.numbers import NUMBER, canonical_number, parse_symbol

# (input, every citation expected in it, in order)
CASES = [
    # --- State numbers -----------------------------------------------------------------------------
    pytest.param(
        "Căn cứ Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường",
        [
            C(
                "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ",
                "chi-thi",
                "16/CT-TTg",
                "2016-05-16",
                "Thủ tướng Chính phủ",
            )
        ],
        id="state",
    ),
    pytest.param(
        "theo Quyết định số 3504/QĐ-UBND ngày 22/10/2021 của UBND tỉnh về ban hành",
        [
            C(
                "Quyết định số 3504/QĐ-UBND ngày 22/10/2021 của UBND tỉnh",
                "quyet-dinh",
                "3504/QĐ-UBND",
                "2021-10-22",
                "UBND tỉnh",
            )
        ],
        id="state-ubnd",
    ),
    pytest.param(
        "Nghị định số 34/2021/NĐ-CP ngày 29/3/2021 của Chính phủ quy định chi tiết",
        [
            C(
                "Nghị định số 34/2021/NĐ-CP ngày 29/3/2021 của Chính phủ",
                "nghi-dinh",
                "34/2021/NĐ-CP",
                "2021-03-29",
                "Chính phủ",
            )
        ],
        id="legal-normative",
    ),
    pytest.param(
        "theo Nghị quyết số 119/2020/QH14 ngày 19/6/2020 của Quốc hội và",
        [
            C(
                "Nghị quyết số 119/2020/QH14 ngày 19/6/2020 của Quốc hội",
                "nghi-quyet",
                "119/2020/QH14",
                "2020-06-19",
                "Quốc hội",
            )
        ],
        id="national-assembly",
    ),
    pytest.param(
        "Nghị quyết số 97/QH14 ngày 27/11/2019 của Quốc hội về thí điểm",
        [C("Nghị quyết số 97/QH14 ngày 27/11/2019 của Quốc hội", "nghi-quyet", "97/QH14", "2019-11-27", "Quốc hội")],
        id="national-assembly-no-year",
    ),
    pytest.param(
        "Công văn số 1613/UBND-KGVX ngày 12/5/2020 của UBND thành phố về việc",
        [
            C(
                "Công văn số 1613/UBND-KGVX ngày 12/5/2020 của UBND thành phố",
                "cong-van",
                "1613/UBND-KGVX",
                "2020-05-12",
                "UBND thành phố",
            )
        ],
        id="cong-van",
    ),
    # --- Party numbers -----------------------------------------------------------------------------
    pytest.param(
        "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về “Tăng",
        [
            C(
                "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI)",
                "nghi-quyet",
                "25-NQ/TW",
                "2013-06-03",
                "Ban Chấp hành Trung ương Đảng (khóa XI)",
            )
        ],
        id="party",
    ),
    pytest.param(
        "(Ban hành kèm theo Quyết định số 2108-QĐ/TU ngày 05-9-2016 của Ban Thường vụ Thành uỷ)",
        [
            C(
                "Quyết định số 2108-QĐ/TU ngày 05-9-2016 của Ban Thường vụ Thành uỷ",
                "quyet-dinh",
                "2108-QĐ/TU",
                "2016-09-05",
                "Ban Thường vụ Thành uỷ",
            )
        ],
        id="party-hyphen-date",
    ),
    pytest.param(
        "Chương trình hành động số 28-CTr/TU ngày 31-7-2013 của Thành ủy về thực hiện",
        [
            C(
                "Chương trình hành động số 28-CTr/TU ngày 31-7-2013 của Thành ủy",
                "chuong-trinh",
                "28-CTr/TU",
                "2013-07-31",
                "Thành ủy",
            )
        ],
        id="party-mixed-case",
    ),
    pytest.param(
        "Quy định số 08-QĐi/TW ngày 25/10/2019 của Ban Chấp hành Trung ương về",
        [
            C(
                "Quy định số 08-QĐi/TW ngày 25/10/2019 của Ban Chấp hành Trung ương",
                "quy-dinh",
                "08-QĐi/TW",
                "2019-10-25",
                "Ban Chấp hành Trung ương",
            )
        ],
        id="party-qdi",
    ),
    pytest.param(
        "Hướng dẫn số 36-HD/VPTW, Báo cáo số 123-BC/TU, Tờ trình số 45/TTr-UBND, Thông báo số 12-TB/TW,"
        " Đề án số 07-ĐA/TU, Thông tri số 03-TT/TU và Thông tư số 12/2019/TT-BNV",
        [
            C("Hướng dẫn số 36-HD/VPTW", "huong-dan", "36-HD/VPTW"),
            C("Báo cáo số 123-BC/TU", "bao-cao", "123-BC/TU"),
            C("Tờ trình số 45/TTr-UBND", "to-trinh", "45/TTr-UBND"),
            C("Thông báo số 12-TB/TW", "thong-bao", "12-TB/TW"),
            C("Đề án số 07-ĐA/TU", "de-an", "07-ĐA/TU"),
            C("Thông tri số 03-TT/TU", "thong-tri", "03-TT/TU"),
            C("Thông tư số 12/2019/TT-BNV", "thong-tu", "12/2019/TT-BNV"),
        ],
        id="other-kinds",
    ),
    # --- joint symbols, letter suffix --------------------------------------------------------------
    pytest.param(
        "Nghị quyết liên tịch số 01/2015/NQLT-CP-UBTWMTTQVN ngày 15/6/2015 của Chính phủ và",
        [
            C(
                "Nghị quyết liên tịch số 01/2015/NQLT-CP-UBTWMTTQVN ngày 15/6/2015 của Chính phủ",
                "nghi-quyet-lien-tich",
                "01/2015/NQLT-CP-UBTWMTTQVN",
                "2015-06-15",
                "Chính phủ",
            )
        ],
        id="joint-state",
    ),
    pytest.param(
        "theo Chương trình phối hợp số 05-CTr/BDVTU-UBND ngày 01/02/2020 giữa hai cơ quan",
        [
            C(
                "Chương trình phối hợp số 05-CTr/BDVTU-UBND ngày 01/02/2020",
                "chuong-trinh",
                "05-CTr/BDVTU-UBND",
                "2020-02-01",
            )
        ],
        id="joint-party",
    ),
    pytest.param(
        "Quyết định số 12a/QĐ-UBND ngày 03/01/2020 về",
        [C("Quyết định số 12a/QĐ-UBND ngày 03/01/2020", "quyet-dinh", "12a/QĐ-UBND", "2020-01-03")],
        id="letter-suffix",
    ),
    # --- damaged numbers ---------------------------------------------------------------------------
    pytest.param(
        "(Quyết định 4955-QĐ/UBND) và", [C("Quyết định 4955-QĐ/UBND", "quyet-dinh", "4955/QĐ-UBND")], id="swapped-state"
    ),
    pytest.param(
        "theo Quyết định số 217/QĐ-TW về", [C("Quyết định số 217/QĐ-TW", "quyet-dinh", "217-QĐ/TW")], id="swapped-party"
    ),
    pytest.param(
        "Chỉ thị số 06-CT-UBND ngày 30/8/2021 của UBND thành phố về phát động",
        [
            C(
                "Chỉ thị số 06-CT-UBND ngày 30/8/2021 của UBND thành phố",
                "chi-thi",
                "06/CT-UBND",
                "2021-08-30",
                "UBND thành phố",
            )
        ],
        id="all-hyphens",
    ),
    pytest.param(
        "Quyết định số 1206 /QĐ-HVTC ngày 10/6/2019 và Chỉ thị số 07- CT/TU",
        [
            C("Quyết định số 1206 /QĐ-HVTC ngày 10/6/2019", "quyet-dinh", "1206/QĐ-HVTC", "2019-06-10"),
            C("Chỉ thị số 07- CT/TU", "chi-thi", "07-CT/TU"),
        ],
        id="stray-spaces",
    ),
    pytest.param(
        "Chỉ thị 16/CT-TTG; Chương trình hành động số 28-CTR/TU; Chương trình hành động số 28-Ctr/TU",
        [
            C("Chỉ thị 16/CT-TTG", "chi-thi", "16/CT-TTg"),
            C("Chương trình hành động số 28-CTR/TU", "chuong-trinh", "28-CTr/TU"),
            C("Chương trình hành động số 28-Ctr/TU", "chuong-trinh", "28-CTr/TU"),
        ],
        id="case-slips",
    ),
    pytest.param(
        "theo Nghị định số 34/2021/NĐCP của Chính phủ và Quyết định số 3504/QĐUBND",
        [
            C("Nghị định số 34/2021/NĐCP của Chính phủ", "nghi-dinh", "34/2021/NĐ-CP", None, "Chính phủ"),
            C("Quyết định số 3504/QĐUBND", "quyet-dinh", "3504/QĐ-UBND"),
        ],
        id="lost-hyphen",
    ),
    pytest.param(
        "Nghị quyết số 25-\nNQ/TW ngày 03/6/\n2013 của Ban Chấp\nhành Trung ương Đảng về",
        [
            C(
                "Nghị quyết số 25-\nNQ/TW ngày 03/6/\n2013 của Ban Chấp\nhành Trung ương Đảng",
                "nghi-quyet",
                "25-NQ/TW",
                "2013-06-03",
                "Ban Chấp hành Trung ương Đảng",
            )
        ],
        id="line-breaks",
    ),
    pytest.param(
        "Nghị định 30/2020/ND-CP ngày 05/3/2020",
        [C("Nghị định 30/2020/ND-CP ngày 05/3/2020", "nghi-dinh", "30/2020/NĐ-CP", "2020-03-05")],
        id="ascii-d",
    ),
    pytest.param(
        "CHỈ THỊ SỐ 08-CT/TU NGÀY 05/8/2021",
        [C("CHỈ THỊ SỐ 08-CT/TU NGÀY 05/8/2021", "chi-thi", "08-CT/TU", "2021-08-05")],
        id="upper-case",
    ),
    # --- short mentions and defined short names ----------------------------------------------------
    pytest.param(
        "(Chỉ thị 16/CT-TTg) tiếp tục; Kết luận 114-KL/TW; Chỉ thị số 08-CT/TU",
        [
            C("Chỉ thị 16/CT-TTg", "chi-thi", "16/CT-TTg"),
            C("Kết luận 114-KL/TW", "ket-luan", "114-KL/TW"),
            C("Chỉ thị số 08-CT/TU", "chi-thi", "08-CT/TU"),
        ],
        id="short-mentions",
    ),
    pytest.param(
        "theo 34/2021/NĐ-CP và văn bản số 123/UBND-VX",
        [C("34/2021/NĐ-CP", "nghi-dinh", "34/2021/NĐ-CP"), C("123/UBND-VX", "cong-van", "123/UBND-VX")],
        id="bare-number",
    ),
    pytest.param(
        # a department's section joined by "&" (file 08 of the real texts), with a stray space
        "ý kiến của Sở Nội vụ tại Công văn số 2252/SNV-TCBC&TCPCP ngày 05/9/2025 và Công văn số 2846/SNV- TCBC&TCPCP",
        [
            C("Công văn số 2252/SNV-TCBC&TCPCP ngày 05/9/2025", "cong-van", "2252/SNV-TCBC&TCPCP", "2025-09-05"),
            C("Công văn số 2846/SNV- TCBC&TCPCP", "cong-van", "2846/SNV-TCBC&TCPCP"),
        ],
        id="ampersand",
    ),
    pytest.param("Văn phòng ĐĐBQH&HĐND tỉnh, Ban TG&DVTU", [], id="ampersand-not-a-number"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_numbers_in_text(text, expected):
    assert records(text) == expected


@pytest.mark.parametrize(
    "printed, canonical",
    [
        ("16/CT-TTg", "16/CT-TTg"),
        ("4955-QĐ/UBND", "4955/QĐ-UBND"),
        ("217/QĐ-TW", "217-QĐ/TW"),
        ("06-CT-UBND", "06/CT-UBND"),
        ("1206 /QĐ-HVTC", "1206/QĐ-HVTC"),
        ("07- CT/TU", "07-CT/TU"),
        ("16/CT-TTG", "16/CT-TTg"),
        ("28-CTR/TU", "28-CTr/TU"),
        ("34/2021/NĐCP", "34/2021/NĐ-CP"),
        ("3504/QĐUBND", "3504/QĐ-UBND"),
        ("05-CTr/BDVTU-UBND", "05-CTr/BDVTU-UBND"),
        ("01/2015/NQLT-CP-UBTWMTTQVN", "01/2015/NQLT-CP-UBTWMTTQVN"),
        ("08-QĐi/TW", "08-QĐi/TW"),
        ("97/QH14", "97/QH14"),
        ("12a/QĐ-UBND", "12a/QĐ-UBND"),
        ("3178/SNV-LĐVL&TN", "3178/SNV-LĐVL&TN"),
        ("2846/SNV- TCBC&TCPCP", "2846/SNV-TCBC&TCPCP"),
        ("19/2008/NQLT/CP-UBTUMTTQVN", "19/2008/NQLT-CP-UBTUMTTQVN"),
        ("2021-2025", None),
    ],
)
def test_canonical_number(printed, canonical):
    assert canonical_number(printed) == canonical


def _symbol(text: str):
    m = NUMBER.match(text)
    assert m, text
    return parse_symbol(m, text)


@pytest.mark.parametrize(
    "text, type_, issuers, party, kind, unmistakable",
    [
        ("08-CT/TU", "CT", ("TU",), True, "chi-thi", True),
        ("16/CT-TTg", "CT", ("TTg",), False, "chi-thi", True),
        ("05-TT/TU", "TT", ("TU",), True, "thong-tri", True),
        ("05/2015/TT-BNV", "TT", ("BNV",), False, "thong-tu", True),
        ("217-QĐ/TW", "QĐ", ("TW",), True, None, True),  # Quyết định or Quy định: the kind word decides
        ("1613/UBND-KGVX", None, ("UBND", "KGVX"), False, "cong-van", True),
        ("97/QH14", None, ("QH14",), False, None, True),
        ("12/BC", "BC", (), False, "bao-cao", False),  # a type without an issuer needs a kind word
        ("12-AB/XY", "AB", ("XY",), False, None, False),
    ],
)
def test_symbol(text, type_, issuers, party, kind, unmistakable):
    symbol = _symbol(text)
    assert (symbol.type, symbol.issuers, symbol.party) == (type_, issuers, party)
    assert symbol.symbol_kind() == kind
    assert symbol.unmistakable() == unmistakable


def test_symbol_spans_the_number_as_printed():
    text = "25 - NQ / TW ngày"
    symbol = _symbol(text)
    assert (symbol.start, symbol.end, symbol.canonical) == (0, 12, "25-NQ/TW")


def test_no_number_inside_a_word_or_a_longer_number():
    assert [m.group() for m in NUMBER.finditer("A12-CT/TU 1.25-NQ/TW /08-CT/TU")] == []
    assert re.sub(r"\s", "", NUMBER.search("theo 08 - CT /TU,").group()) == "08-CT/TU"
