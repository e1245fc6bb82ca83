"""generator/importer/bodies.py: issuing bodies from the capital lines that print them."""

from __future__ import annotations

import pytest

from generator.importer.bodies import describe, functional_case
from generator.vn import provinces


@pytest.mark.parametrize(
    "caps, name",
    [
        ("BAN TUYÊN GIÁO VÀ DÂN VẬN", "Ban Tuyên giáo và Dân vận"),
        ("BỘ Y TẾ", "Bộ Y tế"),
        ("SỞ NỘI VỤ", "Sở Nội vụ"),
        ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
        ("VỤ LÝ LUẬN CHÍNH TRỊ", "Vụ Lý luận chính trị"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG", "Ban Chấp hành Trung ương Đảng"),
        ("ĐĂNG KÝ", "Đăng ký"),  # "Đảng" only where the word is "Đảng"
    ],
)
def test_functional_case(caps, name):
    assert functional_case(caps) == name


# (lines, province of the jurisdiction, name, slug, province, central, joint with)
BODIES = [
    (
        ["ỦY BAN NHÂN", "DÂN", "TỈNH QUẢNG TRỊ"],
        None,
        "Ủy ban nhân dân tỉnh Quảng Trị",
        "ubnd-tinh",
        "Quảng Trị",
        False,
        (),
    ),
    (["UỶ BAN NHÂN DÂN", "TỈNH BẮC NINH"], None, "Ủy ban nhân dân tỉnh Bắc Ninh", "ubnd-tinh", "Bắc Ninh", False, ()),
    (
        ["ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"],
        None,
        "Ủy ban nhân dân thành phố Cần Thơ",
        "ubnd-thanh-pho",
        "Cần Thơ",
        False,
        (),
    ),
    (
        ["CHỦ TỊCH ỦY", "BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"],
        None,
        "Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp",
        "chu-tich-ubnd-tinh",
        "Đồng Tháp",
        False,
        (),
    ),
    (
        ["ỦY BAN NHÂN DÂN", "ỦY BAN MTTQ VIỆT NAM", "TỈNH ĐẮK LẮK"],
        None,
        "Ủy ban nhân dân tỉnh Đắk Lắk",
        "ubnd-tinh",
        "Đắk Lắk",
        False,
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk",),
    ),
    (
        ["BAN CHẤP HÀNH", "TRUNG ƯƠNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN"],
        None,
        "Ban Tuyên giáo và Dân vận Trung ương",
        "ban-tuyen-giao-va-dan-van-trung-uong",
        None,
        True,
        (),  # a unit of the Central Committee, not a second issuer
    ),
    (
        ["TRƯỞNG BAN TUYÊN GIÁO VÀ DÂN VẬN TRUNG ƯƠNG QUYẾT ĐỊNH"],
        None,
        "Ban Tuyên giáo và Dân vận Trung ương",
        "ban-tuyen-giao-va-dan-van-trung-uong",
        None,
        True,
        (),
    ),
    (["THỦ TƯỚNG CHÍNH PHỦ"], None, "Thủ tướng Chính phủ", "thu-tuong-chinh-phu", None, True, ()),
    (["BỘ TRƯỞNG BỘ Y TẾ"], None, "Bộ Y tế", "bo-y-te", None, True, ()),
    (
        ["THÀNH ỦY ĐÀ NẴNG", "BAN TUYÊN GIÁO"],
        None,
        "Ban Tuyên giáo Thành ủy Đà Nẵng",
        "ban-tuyen-giao-thanh-uy",
        "Đà Nẵng",
        False,
        (),
    ),
    (["TỈNH ỦY QUẢNG NAM"], None, "Tỉnh ủy Quảng Nam", "tinh-uy", "Quảng Nam", False, ()),
    (["HUYỆN ỦY HÒA VANG"], None, "Huyện ủy Hòa Vang", "huyen-uy-hoa-vang", None, False, ()),
    (["SỞ NỘI VỤ", "TỈNH LÂM ĐỒNG"], None, "Sở Nội vụ tỉnh Lâm Đồng", "so-noi-vu", "Lâm Đồng", False, ()),
    # a signer's "TM."/"T/M" line names no province: the document's jurisdiction completes it
    (["TM. ỦY BAN NHÂN DÂN"], "Hà Tĩnh", "Ủy ban nhân dân tỉnh Hà Tĩnh", "ubnd-tinh", "Hà Tĩnh", False, ()),
    (
        ["T/M BAN THƯỜNG VỤ"],
        "Đà Nẵng",
        "Ban Thường vụ Thành ủy Đà Nẵng",
        "ban-thuong-vu-thanh-uy",
        "Đà Nẵng",
        False,
        (),
    ),
    (
        ["BAN THƯỜNG VỤ THÀNH UỶ"],
        "Đà Nẵng",
        "Ban Thường vụ Thành ủy Đà Nẵng",
        "ban-thuong-vu-thanh-uy",
        "Đà Nẵng",
        False,
        (),
    ),
]


@pytest.mark.parametrize("lines, jurisdiction, name, slug, province, central, also", BODIES)
def test_describe(lines, jurisdiction, name, slug, province, central, also):
    body = describe(lines, provinces.find(jurisdiction) if jurisdiction else None)
    assert (body.name, body.slug, body.province.name if body.province else None) == (name, slug, province)
    assert (body.central, body.also) == (central, also)


def test_header_lines_are_rejoined_for_the_registry():
    assert describe(["CHỦ TỊCH ỦY", "BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"]).header == (
        "CHỦ TỊCH ỦY BAN NHÂN DÂN",
        "TỈNH ĐỒNG THÁP",
    )
    assert describe(["ỦY BAN NHÂN", "DÂN", "TỈNH QUẢNG TRỊ"]).header == ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ")


def test_templated_names_are_sure_of_their_case_others_are_not():
    assert not describe(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"]).guessed_case
    assert describe(["BỘ Y TẾ"]).guessed_case
    assert describe([]) is None and describe(["***"]) is None
