"""generator/vn/citations/phrases.py: the kind word before a number, the date and issuer after it."""

from __future__ import annotations

import pytest

from tests.unit.vn.citations.tables import C, records
from generator.vn.citations.phrases import KIND_TAIL, KIND_TAIL_WINDOW, LIST_SEP, date_at, issuer_at

# (input, every citation expected in it, in order)
CASES = [
    # --- dates -------------------------------------------------------------------------------------
    pytest.param(
        "Kế hoạch số 20-KH/TU, ngày 09/7/2021 của Thành ủy Đà Nẵng về",
        [
            C(
                "Kế hoạch số 20-KH/TU, ngày 09/7/2021 của Thành ủy Đà Nẵng",
                "ke-hoach",
                "20-KH/TU",
                "2021-07-09",
                "Thành ủy Đà Nẵng",
            )
        ],
        id="date-after-comma",
    ),
    pytest.param(
        "Chỉ thị số 08-CT/TU ngày 05 tháng 8 năm 2021 của Ban Thường vụ Thành ủy.",
        [
            C(
                "Chỉ thị số 08-CT/TU ngày 05 tháng 8 năm 2021 của Ban Thường vụ Thành ủy",
                "chi-thi",
                "08-CT/TU",
                "2021-08-05",
                "Ban Thường vụ Thành ủy",
            )
        ],
        id="date-in-words",
    ),
    pytest.param(
        "Nghị quyết 05/2019/NQ-HĐND ngày 31/13/2019",
        [C("Nghị quyết 05/2019/NQ-HĐND", "nghi-quyet", "05/2019/NQ-HĐND")],
        id="invalid-date-not-taken",
    ),
    pytest.param(
        "theo Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị về",
        [
            C("Quyết định số 217-QĐ/TW", "quyet-dinh", "217-QĐ/TW", "2013-12-12", "Bộ Chính trị"),
            C(
                "Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị",
                "quyet-dinh",
                "218-QĐ/TW",
                "2013-12-12",
                "Bộ Chính trị",
            ),
        ],
        id="shared-date",
    ),
    pytest.param(
        "Quyết định số 217-QĐ/TW, 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI); giám sát",
        [
            C("Quyết định số 217-QĐ/TW", "quyet-dinh", "217-QĐ/TW", "2013-12-12", "Bộ Chính trị (khóa XI)"),
            C(
                "218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)",
                "quyet-dinh",
                "218-QĐ/TW",
                "2013-12-12",
                "Bộ Chính trị (khóa XI)",
            ),
        ],
        id="shared-kind-word",
    ),
    pytest.param(
        "Nghị quyết số 15-NQ/TU và Chỉ thị số 15-CT/TU của Ban Thường vụ Thành ủy; tăng cường",
        [
            C("Nghị quyết số 15-NQ/TU", "nghi-quyet", "15-NQ/TU", None, "Ban Thường vụ Thành ủy"),
            C("Chỉ thị số 15-CT/TU của Ban Thường vụ Thành ủy", "chi-thi", "15-CT/TU", None, "Ban Thường vụ Thành ủy"),
        ],
        id="shared-issuer",
    ),
    pytest.param(
        "Chỉ thị số 06-CT/TU và Quyết định số 3504/QĐ-UBND ngày 22/10/2021 của UBND tỉnh",
        [
            C("Chỉ thị số 06-CT/TU", "chi-thi", "06-CT/TU"),
            C(
                "Quyết định số 3504/QĐ-UBND ngày 22/10/2021 của UBND tỉnh",
                "quyet-dinh",
                "3504/QĐ-UBND",
                "2021-10-22",
                "UBND tỉnh",
            ),
        ],
        id="no-sharing-across-issuers",
    ),
    pytest.param(
        "trọng tâm là Nghị quyết số 25-NQ/TW, Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về",
        [
            C("Nghị quyết số 25-NQ/TW", "nghi-quyet", "25-NQ/TW"),
            C(
                "Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư",
                "ket-luan",
                "114-KL/TW",
                "2015-07-14",
                "Ban Bí thư",
            ),
        ],
        id="no-sharing-when-not-parallel",
    ),
    pytest.param(
        "Trên đây là Kế hoạch triển khai Chỉ thị số 08-CT/TU ngày 05/8/2021, Kế hoạch số 20-KH/TU ngày"
        " 09/7/2021 của Ban Thường vụ Thành ủy và",
        [
            C("Chỉ thị số 08-CT/TU ngày 05/8/2021", "chi-thi", "08-CT/TU", "2021-08-05", "Ban Thường vụ Thành ủy"),
            C(
                "Kế hoạch số 20-KH/TU ngày 09/7/2021 của Ban Thường vụ Thành ủy",
                "ke-hoach",
                "20-KH/TU",
                "2021-07-09",
                "Ban Thường vụ Thành ủy",
            ),
        ],
        id="shared-issuer-parallel-dates",
    ),
    # --- issuer phrase stops -----------------------------------------------------------------------
    pytest.param(
        "Quyết định số 4955/QĐ-UBND ngày 25-7-2014 của Ủy ban nhân dân (UBND) thành phố quy định thực hiện",
        [
            C(
                "Quyết định số 4955/QĐ-UBND ngày 25-7-2014 của Ủy ban nhân dân (UBND) thành phố",
                "quyet-dinh",
                "4955/QĐ-UBND",
                "2014-07-25",
                "Ủy ban nhân dân (UBND) thành phố",
            )
        ],
        id="issuer-abbreviation",
    ),
    pytest.param(
        "Quyết định số 269-QĐ/TU ngày 30/11/2021 của Ban Thường vụ Tỉnh ủy ban hành Quy chế",
        [
            C(
                "Quyết định số 269-QĐ/TU ngày 30/11/2021 của Ban Thường vụ Tỉnh ủy",
                "quyet-dinh",
                "269-QĐ/TU",
                "2021-11-30",
                "Ban Thường vụ Tỉnh ủy",
            )
        ],
        id="issuer-stops-at-ban-hanh",
    ),
    pytest.param(
        "Quy định số 3056/QĐ-UBND ngày 27-5-2015 của UBND thành phố Quy định về trách nhiệm",
        [
            C(
                "Quy định số 3056/QĐ-UBND ngày 27-5-2015 của UBND thành phố",
                "quy-dinh",
                "3056/QĐ-UBND",
                "2015-05-27",
                "UBND thành phố",
            )
        ],
        id="issuer-stops-at-kind-word",
    ),
    pytest.param(
        "Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng về lãnh đạo (viết tắt là “Chỉ thị số 08-CT/TU”),",
        [
            C(
                "Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng",
                "chi-thi",
                "08-CT/TU",
                "2021-08-05",
                "Thành ủy Đà Nẵng",
            ),
            C("Chỉ thị số 08-CT/TU", "chi-thi", "08-CT/TU"),
        ],
        id="abbreviation-with-number",
    ),
    pytest.param(
        "Thông tư 12/2020/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội về",
        [
            C(
                "Thông tư 12/2020/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội",
                "thong-tu",
                "12/2020/TT-BLĐTBXH",
                None,
                "Bộ Lao động - Thương binh và Xã hội",
            )
        ],
        id="ministry",
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_phrases_in_text(text, expected):
    assert records(text) == expected


@pytest.mark.parametrize(
    "after, date",
    [
        (" ngày 03/6/2013 của", "2013-06-03"),
        (", ngày 03/6/2013", "2013-06-03"),
        (" 05-9-2016", "2016-09-05"),
        (" ngày 05 tháng 8 năm 2021", "2021-08-05"),
        (" ngày 31/2/2021", None),  # no such day
        (" ngày 03/6/1850", None),  # out of range
        (" ngày 03/6-2013", None),  # mixed separators
        (" về việc", None),
    ],
)
def test_date_at(after, date):
    found = date_at(after, 0)
    assert (found[1] if found else None) == date
    if found:
        assert found[0] == len(after.split(" của")[0])


@pytest.mark.parametrize(
    "after, issuer",
    [
        (" của Ban Bí thư về", "Ban Bí thư"),
        (" của Bộ Chính trị (khóa XI) về", "Bộ Chính trị (khóa XI)"),
        (" của Ủy ban nhân dân thành phố Đà Nẵng Về việc", "Ủy ban nhân dân thành phố Đà Nẵng"),
        (" của Thủ tướng Chính phủ Ban hành Quy chế", "Thủ tướng Chính phủ"),
        (" của các cơ quan", None),  # lower case: not a name
        (" về Ban Bí thư", None),
    ],
)
def test_issuer_at(after, issuer):
    found = issuer_at(after, 0)
    assert (after[found[0] : found[1]] if found else None) == issuer


@pytest.mark.parametrize(
    "before, kind",
    [
        ("theo Chỉ thị số ", "Chỉ thị"),
        ("Chương trình phối hợp số ", "Chương trình"),
        ("Nghị quyết liên tịch số ", "Nghị quyết liên tịch"),
        ("QUYẾT ĐỊNH SỐ: ", "QUYẾT ĐỊNH"),
        ("theo văn bản số ", None),
        ("Phó Chỉ thị viên ", None),
    ],
)
def test_kind_word_before_a_number(before, kind):
    m = KIND_TAIL.search(before, max(0, len(before) - KIND_TAIL_WINDOW), len(before))
    assert (m.group("kind") if m else None) == kind


@pytest.mark.parametrize("between, is_list", [(", ", True), (" và ", True), (", và ", True), (" của ", False)])
def test_list_separator(between, is_list):
    assert bool(LIST_SEP.match(between)) == is_list
