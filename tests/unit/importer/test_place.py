"""generator/importer/place.py: which jurisdiction a document belongs to, from the document."""

from __future__ import annotations

import pytest

from generator.corpus.model import Jurisdiction, Organization
from generator.importer.bodies import describe
from generator.importer.place import Evidence, place, registered_id, symbol_scope
from generator.vn import provinces

JURISDICTIONS = {
    "trung-uong": Jurisdiction("trung-uong", "Trung ương", "Trung ương"),
    "ha-tinh": Jurisdiction("ha-tinh", "Tỉnh Hà Tĩnh", "Hà Tĩnh"),
    "da-nang": Jurisdiction("da-nang", "Thành phố Đà Nẵng", "Đà Nẵng"),
}
ORGANIZATIONS = {
    "da-nang/huyen-uy-hoa-vang": Organization(
        "da-nang/huyen-uy-hoa-vang", "Huyện ủy Hòa Vang", "da-nang", header=["HUYỆN ỦY HÒA VANG"]
    ),
}


def evidence(issuer=(), symbol=None, place_name=None, text="", source_name="x.txt"):
    bodies = tuple(b for b in (describe(list(issuer)),) if b)
    return Evidence(bodies, symbol, place_name, tuple(issuer), text, source_name)


@pytest.mark.parametrize(
    "symbol, central",
    [
        ("30/CT-TTg", True),
        ("1147-QĐ/BTGDVTW", True),
        ("/TTr-BYT", True),  # the number left blank
        ("19/2008/NQLT-CP-UBTUMTTQVN", True),
        ("97/QH14", True),
        ("06/CT-UBND", False),
        ("12-CT/TU", False),
        (None, False),
    ],
)
def test_symbol_scope(symbol, central):
    assert (symbol_scope(symbol) == "trung-uong") == central


# (evidence, id, certain, new jurisdiction id)
CASES = [
    # central, whatever the place
    (evidence(["THỦ TƯỚNG CHÍNH PHỦ"], "30/CT-TTg", "Hà Nội"), "trung-uong", True, None),
    (evidence(["BỘ Y TẾ"], None, "Hà Nội"), "trung-uong", True, None),
    (evidence([], "25-NQ/TW", "Hà Nội"), "trung-uong", True, None),
    # the header's province; a registered one keeps its id, a new one gets its slug and entry
    (evidence(["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH"], "16/CT-UBND", "Hà Tĩnh"), "ha-tinh", True, None),
    (evidence(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"], "06/CT-UBND", "Quảng Trị"), "quang-tri", True, "quang-tri"),
    (evidence(["TỈNH ỦY QUẢNG NAM"], "12-CT/TU", "Tam Kỳ"), "quang-nam", True, "quang-nam"),
    # header and place disagree: the header, with a doubt
    (evidence(["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"], None, "Hà Nam"), "bac-ninh", False, "bac-ninh"),
    # a central symbol with a provincial header: central, with a doubt
    (evidence(["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"], "12/CT-TTg", "Bắc Ninh"), "trung-uong", False, None),
    # no header: the place line, when it is a province
    (evidence([], "70/KH-UBND", "Cần Thơ"), "can-tho", True, "can-tho"),
    # a district is not a province; a registered header says where it is
    (evidence(["HUYỆN ỦY HÒA VANG"], None, "Hòa Vang"), "da-nang", True, None),
    # guesses, always uncertain: the province the text names most, the file name
    (evidence([], None, None, "Tỉnh Hà Tĩnh ... Hà Tĩnh ... Đà Nẵng"), "ha-tinh", False, None),
    (evidence([], None, None, "Không nêu địa danh.", "da-nang-chi-thi.txt"), "da-nang", False, None),
    (evidence([], None, None, "Hà Tĩnh và Đà Nẵng"), None, False, None),  # a tie is no answer
]


@pytest.mark.parametrize("found, jurisdiction, certain, new", CASES)
def test_place(found, jurisdiction, certain, new):
    placement = place(found, JURISDICTIONS, ORGANIZATIONS)
    assert (placement.id, placement.certain) == (jurisdiction, certain)
    assert (placement.new.id if placement.new else None) == new
    assert placement.how or jurisdiction is None
    if placement.new:
        province = provinces.by_slug(new)
        assert (placement.new.name, placement.new.short_name) == (province.full_name, province.name)


def test_registered_id_matches_names_not_just_slugs():
    renamed = {"dn": Jurisdiction("dn", "Thành phố Đà Nẵng", "Đà Nẵng")}
    assert registered_id(provinces.find("Đà Nẵng"), renamed) == "dn"
    assert registered_id(provinces.find("Quảng Trị"), renamed) is None
