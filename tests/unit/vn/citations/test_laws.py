"""generator/vn/citations/laws.py: laws cited by name and named Party resolutions."""

from __future__ import annotations

import pytest

from tests.unit.vn.citations.tables import C, records
from generator.vn.citations.laws import LAW_HEAD, NAMED_RESOLUTION, law_end

# (input, every citation expected in it, in order)
CASES = [
    # --- laws and named resolutions ----------------------------------------------------------------
    pytest.param(
        "theo Luật Tổ chức chính quyền địa phương ngày 19/6/2015, Luật Tiếp cận thông tin nhằm bảo đảm",
        [
            C("Luật Tổ chức chính quyền địa phương ngày 19/6/2015", "luat", None, "2015-06-19"),
            C("Luật Tiếp cận thông tin", "luat"),
        ],
        id="laws",
    ),
    pytest.param(
        "theo Luật Hòa giải, đối thoại tại Tòa án; Bộ luật Lao động về; Luật Cán bộ, công chức và Luật Viên chức",
        [
            C("Luật Hòa giải, đối thoại tại Tòa án", "luat"),
            C("Bộ luật Lao động", "luat"),
            C("Luật Cán bộ, công chức", "luat"),
            C("Luật Viên chức", "luat"),
        ],
        id="law-names-with-commas",
    ),
    pytest.param(
        "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 của Quốc hội; Luật Đất đai số 45/2013/QH13"
        " ngày 29/11/2013; Luật số 77/2015/QH13",
        [
            C(
                "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 của Quốc hội",
                "luat",
                None,
                "2015-06-19",
                "Quốc hội",
            ),
            C("Luật Đất đai số 45/2013/QH13 ngày 29/11/2013", "luat", "45/2013/QH13", "2013-11-29"),
            C("Luật số 77/2015/QH13", "luat", "77/2015/QH13"),
        ],
        id="laws-with-number",
    ),
    pytest.param(
        "theo Nghị quyết Đại hội lần thứ XXII Đảng bộ thành phố và Nghị quyết Đại hội lần thứ XIII của Đảng"
        " của Ban Tuyên giáo; Nghị quyết Trung ương 4 (khóa XI, XII), nhằm",
        [
            C("Nghị quyết Đại hội lần thứ XXII Đảng bộ thành phố", "nghi-quyet"),
            C("Nghị quyết Đại hội lần thứ XIII của Đảng", "nghi-quyet"),
            C("Nghị quyết Trung ương 4 (khóa XI, XII)", "nghi-quyet"),
        ],
        id="named-resolutions",
    ),
    pytest.param(
        "Thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013, của Ban Chấp hành Trung ương",
        [
            C(
                "Nghị quyết số 25-NQ/TW, ngày 03/6/2013, của Ban Chấp hành Trung ương",
                "nghi-quyet",
                "25-NQ/TW",
                "2013-06-03",
                "Ban Chấp hành Trung ương",
            )
        ],
        id="commas",
    ),
    pytest.param(
        "Hòa giải theo Luật Hoà giải, đối thoại tại Toà án",
        [C("Luật Hoà giải, đối thoại tại Toà án", "luat")],
        id="old-tone-placement",
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_laws_in_text(text, expected):
    assert records(text) == expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("Luật Tiếp cận thông tin nhằm", "Luật Tiếp cận thông tin"),
        ("Luật Phòng, chống tham nhũng và", "Luật Phòng, chống tham nhũng"),  # a known name with a comma
        ("Bộ luật Lao động về", "Bộ luật Lao động"),
        ("Luật Sửa đổi", None),
        ("Luật sư Nguyễn Văn A", None),  # a name starts with a capital letter
        ("luật pháp", None),
    ],
)
def test_law_name_extent(text, name):
    m = LAW_HEAD.search(text)
    end = law_end(text, m) if m else -1
    assert (text[m.start() : end] if m and end >= 0 else None) == name


@pytest.mark.parametrize(
    "text, found",
    [
        ("Nghị quyết Đại hội lần thứ XIII của Đảng", True),
        ("Nghị quyết Trung ương 4 (khóa XII)", True),
        ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII", True),
        ("Nghị quyết đại hội Đảng các cấp", False),  # no ordinal: not one document
    ],
)
def test_named_resolution(text, found):
    assert bool(NAMED_RESOLUTION.match(text)) == found
