"""generator/importer/registry.py: names matched only within one jurisdiction (and central bodies)."""

from __future__ import annotations

import re

from generator.corpus.model import Organization
from generator.importer.registry import Registry

ORGS = {
    o.id: o
    for o in (
        Organization("ha-tinh/ubnd-tinh", "Ủy ban nhân dân tỉnh Hà Tĩnh", "ha-tinh", aliases=["UBND tỉnh"]),
        Organization("da-nang/thanh-uy", "Thành ủy Đà Nẵng", "da-nang", aliases=["Thành ủy"]),
        Organization(
            "da-nang/ban-tuyen-giao-thanh-uy",
            "Ban Tuyên giáo Thành ủy Đà Nẵng",
            "da-nang",
            parent="da-nang/thanh-uy",
            local_aliases=["Phòng Tổng hợp"],
        ),
        Organization("trung-uong/bo-chinh-tri", "Bộ Chính trị", "trung-uong"),
    )
}


def test_a_generic_alias_belongs_to_its_own_jurisdiction():
    assert Registry(ORGS, "ha-tinh").match("UBND tỉnh") == "ha-tinh/ubnd-tinh"
    assert Registry(ORGS, "quang-nam").match("UBND tỉnh") is None
    assert Registry(ORGS, None).match("UBND tỉnh") is None  # unknown jurisdiction: central bodies only
    assert Registry(ORGS, None).match("Bộ Chính trị") == "trung-uong/bo-chinh-tri"
    assert Registry(ORGS, "ha-tinh").match("Bộ Chính trị") == "trung-uong/bo-chinh-tri"


def test_local_aliases_only_inside_the_parents_documents():
    assert Registry(ORGS, "da-nang").match("Phòng Tổng hợp") is None
    # inside the documents of the parent or of any unit under it
    assert Registry(ORGS, "da-nang", "da-nang/ban-tuyen-giao-thanh-uy").match("Phòng Tổng hợp") is not None
    assert Registry(ORGS, "ha-tinh", "ha-tinh/ubnd-tinh").match("Phòng Tổng hợp") is None
    inside = Registry(ORGS, "da-nang", "da-nang/thanh-uy")
    assert inside.match("Phòng Tổng hợp") == "da-nang/ban-tuyen-giao-thanh-uy"


def test_match_at_takes_the_longest_name():
    registry = Registry(ORGS, "da-nang")
    text = "Ban Tuyên giáo Thành ủy Đà Nẵng chủ trì"
    tokens = list(re.finditer(r"[^\W_]+", text))
    assert tokens[registry.match_at(text, tokens, 0)].group() == "Nẵng"
    assert registry.match_at("Ban. Tuyên giáo", list(re.finditer(r"[^\W_]+", "Ban. Tuyên giáo")), 0) is None
