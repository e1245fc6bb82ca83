"""generator/vn/collation.py: Vietnamese alphabetical order (CLDR "vi"), not code-point order."""

from __future__ import annotations

import unicodedata

import pytest

from generator.vn.collation import sort_key, sorted_vi


@pytest.mark.parametrize(
    "ordered",
    [
        ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "o", "ô", "ơ", "u", "ư", "y"],  # the alphabet
        ["Ba", "Bà", "Bả", "Bã", "Bá", "Bạ"],  # tones: ngang, huyền, hỏi, ngã, sắc, nặng
        ["Ban Dân vận", "Ban Tuyên giáo", "Dân vận", "Đảng ủy", "Hà Nội", "Hà Tĩnh", "Mặt trận", "Sở Nội vụ", "Ủy ban"],
        ["Các cấp ủy đảng", "Các cơ quan liên quan", "Các đảng ủy trực thuộc", "Chi ủy", "Chính quyền các cấp"],
        ["Phòng Tuyên truyền", "Phòng Văn hóa", "Trung tâm", "Trường Chính trị", "Văn phòng Thành ủy"],
    ],
)
def test_vietnamese_order(ordered):
    assert sorted_vi(reversed(ordered)) == ordered
    assert sorted_vi(sorted(ordered, key=len)) == ordered


def test_not_code_point_order():
    names = ["Ủy ban nhân dân", "Văn phòng", "Đảng đoàn", "Mặt trận"]
    assert sorted(names) != sorted_vi(names)  # code points put Ủ and Đ after every letter
    assert sorted_vi(names) == ["Đảng đoàn", "Mặt trận", "Ủy ban nhân dân", "Văn phòng"]


def test_decomposed_text_sorts_as_its_composed_form():
    assert sort_key(unicodedata.normalize("NFD", "Hòa Vang")) == sort_key("Hòa Vang")
    assert sorted_vi([("b", "Ư"), ("a", "U")], key=lambda pair: pair[1]) == [("a", "U"), ("b", "Ư")]
