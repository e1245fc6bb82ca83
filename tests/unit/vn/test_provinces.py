"""generator/vn/provinces.py: provinces by name, whatever the spelling; a district is not one."""

from __future__ import annotations

import pytest

from generator.vn import provinces


@pytest.mark.parametrize(
    "name, slug, full_name",
    [
        ("Quảng Trị", "quang-tri", "Tỉnh Quảng Trị"),
        ("TỈNH QUẢNG TRỊ", "quang-tri", "Tỉnh Quảng Trị"),
        ("Thành phố Cần Thơ", "can-tho", "Thành phố Cần Thơ"),
        ("TP. Hồ Chí Minh", "ho-chi-minh", "Thành phố Hồ Chí Minh"),
        ("Đăk Lăk", "dak-lak", "Tỉnh Đắk Lắk"),
        ("Thanh Hoá", "thanh-hoa", "Tỉnh Thanh Hóa"),  # old tone placement
        ("THÀNH PHỐ HUẾ", "hue", "Thành phố Huế"),
        ("Thừa Thiên Huế", "thua-thien-hue", "Tỉnh Thừa Thiên Huế"),
    ],
)
def test_find(name, slug, full_name):
    province = provinces.find(name)
    assert (province.slug, province.full_name) == (slug, full_name)
    assert provinces.by_slug(slug) == province


@pytest.mark.parametrize("name", ["Hòa Vang", "Buôn Ma Thuột", "Trung ương", "", "Quảng"])
def test_not_a_province(name):
    assert provinces.find(name) is None


def test_the_list():
    assert len(provinces.PROVINCES) == 64 and len({p.slug for p in provinces.PROVINCES}) == 64
    assert sum(p.city for p in provinces.PROVINCES) == 6


def test_named_in_takes_the_longest_name_first_and_whole_words():
    found = provinces.named_in("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ gửi Hà Nội; tỉnh Quảng Ninh, Hà Nội")
    assert [p.name for p in found] == ["Thừa Thiên Huế", "Hà Nội", "Quảng Ninh"]
    assert provinces.named_in("Hà Nam Định") == [provinces.find("Hà Nam")]
