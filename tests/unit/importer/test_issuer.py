"""generator/importer/issuer.py: the issuer read from the document, looked up only among its
own jurisdiction's organizations; never from a citation."""

from __future__ import annotations

import pytest

from generator.corpus.read import read_corpus
from generator.importer.header import Header
from generator.importer.issuer import Sources, authority_lines, find_issuer, match
from generator.importer.bodies import describe
from generator.importer.structure import Node
from generator.vn import provinces
from tests.conftest import DATA


@pytest.fixture(scope="module")
def organizations():
    return read_corpus(DATA).corpus.organizations


def sources(issuer_lines=(), heading=("CHỈ THỊ",), title="", authority=(), signer=None, preamble=(), symbol=None):
    header = Header(issuer_lines=list(issuer_lines), heading=list(heading))
    header.title_lines = []
    nodes = [Node("paragraph", text=t) for t in preamble]
    return Sources(header, list(authority), signer or {}, nodes, [], symbol)


def test_header_block_in_a_registered_jurisdiction(organizations):
    found = find_issuer(
        sources(["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH"]), "ha-tinh", True, provinces.find("Hà Tĩnh"), organizations
    )
    assert (found.id, found.certain, found.new) == ("ha-tinh/ubnd-tinh", True, None)


def test_a_party_committee_header_with_its_standing_board_signing(organizations):
    found = find_issuer(
        sources(["THÀNH ỦY ĐÀ NẴNG"], signer={"authority": "T/M BAN THƯỜNG VỤ"}),
        "da-nang",
        True,
        provinces.find("Đà Nẵng"),
        organizations,
    )
    assert found.id == "da-nang/ban-thuong-vu-thanh-uy" and found.certain
    found = find_issuer(sources(["THÀNH ỦY ĐÀ NẴNG"]), "da-nang", True, provinces.find("Đà Nẵng"), organizations)
    assert found.id == "da-nang/thanh-uy"  # no board named: the committee itself


def test_never_another_provinces_organization(organizations):
    """Hà Tĩnh's "UBND tỉnh" alias must not stand for the UBND of Quảng Nam."""
    found = find_issuer(
        sources(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"], preamble=["UBND tỉnh ban hành Kế hoạch này."]),
        "quang-nam",
        True,
        provinces.find("Quảng Nam"),
        organizations,
    )
    assert found.id == "quang-nam/ubnd-tinh" and found.new is not None and not found.certain
    assert found.new.name == "Ủy ban nhân dân tỉnh Quảng Nam"
    assert found.new.header == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]


def test_never_from_a_citation_in_a_can_cu_line(organizations):
    preamble = [
        "Căn cứ Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị ban hành kèm theo Quy chế giám sát;",
        "Thực hiện Kết luận số 114-KL/TW của Ban Bí thư ban hành ngày 14/7/2015;",
    ]
    for jurisdiction in ("trung-uong", None):
        found = find_issuer(sources(preamble=preamble), jurisdiction, False, None, organizations)
        assert found.id is None, jurisdiction


def test_an_issuing_sentence_of_the_preamble_votes_within_the_jurisdiction(organizations):
    found = find_issuer(
        sources(preamble=["Ban Thường vụ Thành ủy ban hành Chỉ thị về tăng cường công tác dân vận."]),
        "da-nang",
        True,
        provinces.find("Đà Nẵng"),
        organizations,
    )
    assert found.id == "da-nang/ban-thuong-vu-thanh-uy" and not found.certain  # one sentence is a guess


def test_authority_line_above_quyet_dinh(organizations):
    nodes = [Node("heading", text="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"), Node("paragraph", text="Căn cứ Luật;")]
    assert authority_lines(nodes, [Node("article", number="1", text="Nội dung.")]) == [
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"
    ]
    found = find_issuer(
        sources(authority=["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"], heading=("QUYẾT ĐỊNH",)),
        "lai-chau",
        True,
        provinces.find("Lai Châu"),
        organizations,
    )
    assert found.id == "lai-chau/chu-tich-ubnd-tinh" and found.new.name == "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu"


def test_the_symbol_alone_is_a_guess(organizations):
    found = find_issuer(sources(symbol="70/KH-UBND"), "can-tho", True, provinces.find("Cần Thơ"), organizations)
    assert found.id == "can-tho/ubnd-thanh-pho" and not found.certain and "ký hiệu" in found.how[0]
    assert (
        find_issuer(sources(symbol="70/KH-SNV"), "can-tho", True, provinces.find("Cần Thơ"), organizations).id is None
    )


def test_joint_header_names_the_other_issuer(organizations):
    found = find_issuer(
        sources(["ỦY BAN NHÂN DÂN", "ỦY BAN MTTQ VIỆT NAM", "TỈNH ĐẮK LẮK"]),
        "dak-lak",
        True,
        provinces.find("Đắk Lắk"),
        organizations,
    )
    assert found.id == "dak-lak/ubnd-tinh" and "Mặt trận Tổ quốc" in found.notes[0]


def test_match_is_exact_before_an_alias(organizations):
    local = [o for o in organizations.values() if o.jurisdiction == "da-nang"]
    assert match(describe(["THÀNH ỦY ĐÀ NẴNG", "BAN TUYÊN GIÁO"]), local).id == "da-nang/ban-tuyen-giao-thanh-uy"
    assert match(describe(["SỞ NỘI VỤ", "THÀNH PHỐ ĐÀ NẴNG"]), local) is None
