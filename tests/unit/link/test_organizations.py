"""generator/link/organizations.py: names as documents write them -> registry entries, after
folding, first among the issuer's own units, then in the document's jurisdiction."""

from __future__ import annotations

import pytest

from generator.corpus.model import Organization
from generator.link.organizations import OrganizationIndex

BTG = "da-nang/ban-tuyen-giao-thanh-uy"
REGISTRY = [
    Organization("da-nang/thanh-uy", "Thành ủy Đà Nẵng", "da-nang", aliases=["Thành ủy"]),
    Organization(
        "da-nang/ban-thuong-vu-thanh-uy",
        "Ban Thường vụ Thành ủy Đà Nẵng",
        "da-nang",
        aliases=["Ban Thường vụ Thành ủy"],
        parent="da-nang/thanh-uy",
    ),
    Organization(
        BTG,
        "Ban Tuyên giáo Thành ủy Đà Nẵng",
        "da-nang",
        aliases=["Ban Tuyên giáo Thành ủy"],
        abbreviation="BTGTU",
        parent="da-nang/thanh-uy",
    ),
    Organization(
        "da-nang/btgtu-phong-van-hoa",
        "Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp (Ban Tuyên giáo Thành ủy Đà Nẵng)",
        "da-nang",
        parent=BTG,
        local_aliases=["Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp"],
    ),
    Organization(
        "da-nang/btgtu-chi-uy",
        "Chi ủy Ban Tuyên giáo Thành ủy Đà Nẵng",
        "da-nang",
        parent=BTG,
        local_aliases=["Chi ủy"],
    ),
    Organization(
        "da-nang/btgtu-lanh-dao-ban",
        "Lãnh đạo Ban Tuyên giáo Thành ủy Đà Nẵng",
        "da-nang",
        parent=BTG,
        local_aliases=["Lãnh đạo Ban"],
    ),
    Organization("da-nang/so-tu-phap", "Sở Tư pháp thành phố Đà Nẵng", "da-nang", aliases=["Sở Tư pháp"]),
    Organization("ha-noi/thanh-uy", "Thành ủy Hà Nội", "ha-noi", aliases=["Thành ủy", "Thành uỷ"]),
    Organization("ha-noi/so-tu-phap", "Sở Tư pháp thành phố Hà Nội", "ha-noi", aliases=["Sở Tư pháp"]),
]


@pytest.fixture(scope="module")
def index() -> OrganizationIndex:
    return OrganizationIndex({org.id: org for org in REGISTRY})


# (name as written, jurisdiction of the document, its issuer, organisation found)
MATCHES = [
    # the name, an alias, the abbreviation
    ("Ban Tuyên giáo Thành ủy Đà Nẵng", "da-nang", "da-nang/ban-thuong-vu-thanh-uy", BTG),
    ("Ban Tuyên giáo Thành ủy", "da-nang", "da-nang/ban-thuong-vu-thanh-uy", BTG),
    ("BTGTU", "da-nang", "da-nang/ban-thuong-vu-thanh-uy", BTG),
    # spelling variants fold to one: old tone placement, case, punctuation, spaces
    ("Ban Tuyên giáo Thành uỷ", "da-nang", "da-nang/ban-thuong-vu-thanh-uy", BTG),
    ("BAN TUYÊN GIÁO THÀNH ỦY", "da-nang", "da-nang/ban-thuong-vu-thanh-uy", BTG),
    ("Ban  Tuyên giáo, Thành ủy.", "da-nang", "da-nang/ban-thuong-vu-thanh-uy", BTG),
    ("Ban Thường vụ Thành ủy", "da-nang", BTG, "da-nang/ban-thuong-vu-thanh-uy"),
    # one name, each jurisdiction its own
    ("Thành ủy", "da-nang", "da-nang/ban-thuong-vu-thanh-uy", "da-nang/thanh-uy"),
    ("Thành uỷ", "ha-noi", "ha-noi/thanh-uy", "ha-noi/thanh-uy"),
    ("Sở Tư pháp", "ha-noi", "ha-noi/thanh-uy", "ha-noi/so-tu-phap"),
    ("Sở Tư Pháp", "da-nang", "da-nang/thanh-uy", "da-nang/so-tu-phap"),
    # the issuer's own units, by the names used inside its documents
    ("Chi ủy", "da-nang", BTG, "da-nang/btgtu-chi-uy"),
    ("Chi uỷ", "da-nang", BTG, "da-nang/btgtu-chi-uy"),
    ("Lãnh đạo Ban", "da-nang", BTG, "da-nang/btgtu-lanh-dao-ban"),
    ("Phòng Văn hoá, Văn nghệ - Khoa Giáo và Tổng hợp", "da-nang", BTG, "da-nang/btgtu-phong-van-hoa"),
    # and inside the documents of its units (the issuer's ancestors are searched too)
    ("Lãnh đạo Ban", "da-nang", "da-nang/btgtu-chi-uy", "da-nang/btgtu-lanh-dao-ban"),
]

# (name as written, jurisdiction, issuer): nothing is found
UNKNOWN = [
    # a unit's local name stays inside its issuer
    ("Chi ủy", "da-nang", "da-nang/ban-thuong-vu-thanh-uy"),
    ("Lãnh đạo Ban", "da-nang", "da-nang/thanh-uy"),
    ("Chi ủy", "ha-noi", "ha-noi/thanh-uy"),
    # a name of another jurisdiction
    ("Ban Tuyên giáo Thành ủy", "ha-noi", "ha-noi/thanh-uy"),
    ("BTGTU", "ha-noi", "ha-noi/thanh-uy"),
    # names the registry does not hold, however close
    ("Ban Tuyên giáo", "da-nang", "da-nang/ban-thuong-vu-thanh-uy"),
    ("Ban Tuyên giáo Thành ủy Đà Nẵng mới", "da-nang", "da-nang/ban-thuong-vu-thanh-uy"),
    ("Sở Tài chính", "da-nang", "da-nang/thanh-uy"),
    ("", "da-nang", "da-nang/thanh-uy"),
    ("Thành ủy", "ha-tinh", "ha-tinh/tinh-uy"),  # an issuer not in the registry
]


@pytest.mark.parametrize("name, jurisdiction, issuer, expected", MATCHES)
def test_a_name_as_written_finds_its_organisation(index, name, jurisdiction, issuer, expected):
    assert index.match(name, jurisdiction, issuer) == expected


@pytest.mark.parametrize("name, jurisdiction, issuer", UNKNOWN)
def test_a_name_outside_its_scope_or_unknown_finds_nothing(index, name, jurisdiction, issuer):
    assert index.match(name, jurisdiction, issuer) is None


def test_the_issuers_own_unit_comes_before_a_name_of_the_jurisdiction():
    registry = {org.id: org for org in REGISTRY}
    registry["da-nang/van-phong"] = Organization(
        "da-nang/van-phong", "Văn phòng Thành ủy", "da-nang", aliases=["Lãnh đạo Ban"]
    )
    index = OrganizationIndex(registry)
    assert index.match("Lãnh đạo Ban", "da-nang", BTG) == "da-nang/btgtu-lanh-dao-ban"
    assert index.match("Lãnh đạo Ban", "da-nang", "da-nang/thanh-uy") == "da-nang/van-phong"


def test_a_loop_of_parents_ends():
    looped = {
        "x/a": Organization("x/a", "Ban A", "x", parent="x/b"),
        "x/b": Organization("x/b", "Ban B", "x", parent="x/a", local_aliases=["Tổ công tác"]),
    }
    index = OrganizationIndex(looped)
    assert index.match("Tổ công tác", "x", "x/a") == "x/b"  # a unit of x/a, by its local name
    assert index.match("Tổ công tác", "x", "x/b") == "x/b"  # x/a is an ancestor of x/b
    assert index.match("Không có", "x", "x/a") is None  # and the walk up the loop stops


def test_the_registry_has_no_ambiguous_names_and_a_shared_name_is_found(index):
    assert index.ambiguous_names() == []  # "Thành ủy" and "Sở Tư pháp" are in two jurisdictions
    registry = {org.id: org for org in REGISTRY}
    registry["da-nang/so-tu-phap-2"] = Organization(
        "da-nang/so-tu-phap-2", "Sở Tư pháp Đà Nẵng", "da-nang", aliases=["Sở Tư Pháp"]
    )
    registry["da-nang/btgtu-chi-uy-2"] = Organization(
        "da-nang/btgtu-chi-uy-2", "Chi ủy 2", "da-nang", parent=BTG, local_aliases=["Chi uỷ"]
    )
    assert OrganizationIndex(registry).ambiguous_names() == [
        ("da-nang: so tu phap", ["da-nang/so-tu-phap", "da-nang/so-tu-phap-2"]),
        (f"{BTG}: chi uy", ["da-nang/btgtu-chi-uy", "da-nang/btgtu-chi-uy-2"]),
    ]


@pytest.mark.parametrize(
    "name, jurisdiction, expected",
    [
        ("Ban Tuyên giáo", "da-nang", "Ban Tuyên giáo Thành ủy"),
        ("Ban Thường vụ Thành", "da-nang", "Ban Thường vụ Thành ủy"),
        ("Phòng Văn hóa Văn nghệ Khoa giáo Tổng hợp", "da-nang", "Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp"),
    ],
)
def test_an_unknown_name_is_offered_close_spellings_of_its_jurisdiction(index, name, jurisdiction, expected):
    assert index.match(name, jurisdiction, "da-nang/thanh-uy") is None
    found = index.candidates(name, jurisdiction)
    assert expected in found and len(found) <= 3


def test_candidates_never_come_from_another_jurisdiction(index):
    found = index.candidates("Sở Tư pháp thành phố Hà Nội", "da-nang")
    assert found[0] == "Sở Tư pháp thành phố Đà Nẵng" and not any("Hà Nội" in name for name in found)
    assert index.candidates("Thanh uy", "ha-noi") == ["Thành ủy", "Thành ủy Hà Nội"]  # Hà Nội's own
    assert index.candidates("Ban Tuyên giáo Thành ủy", "ha-noi") == []  # Hà Nội's list has none close
    assert index.candidates("Kho bạc Nhà nước", "da-nang") == []


@pytest.mark.parametrize("name", ["Hải quan", "Sở Tài chính"])
def test_a_name_that_shares_only_a_few_letters_gets_no_suggestion(index, name):
    assert index.candidates(name, "da-nang") == []
