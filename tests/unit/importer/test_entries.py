"""generator/importer/entries.py: registry entries ready to paste, block style, quoted right."""

from __future__ import annotations

import yaml

from generator.corpus.model import Jurisdiction, Organization
from generator.importer.entries import jurisdiction_entry, organization_entry


def test_jurisdiction_entry():
    text = jurisdiction_entry(Jurisdiction("quang-tri", "Tỉnh Quảng Trị", "Quảng Trị"))
    assert text == "- id: quang-tri\n  name: Tỉnh Quảng Trị\n  short_name: Quảng Trị\n"


def test_organization_entry_round_trips_hostile_values():
    org = Organization(
        "quang-tri/ubnd-tinh",
        'Ủy ban: "nhân dân" # tỉnh',
        "quang-tri",
        aliases=["UBND tỉnh, Quảng Trị", "- UBND"],
        header=["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"],
        abbreviation="UBND tỉnh",
    )
    text = organization_entry(org)
    assert "{" not in text.splitlines()[0]  # block style
    assert yaml.safe_load(text) == [
        {
            "id": "quang-tri/ubnd-tinh",
            "name": 'Ủy ban: "nhân dân" # tỉnh',
            "abbreviation": "UBND tỉnh",
            "aliases": ["UBND tỉnh, Quảng Trị", "- UBND"],
            "header": ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"],
        }
    ]


def test_a_guessed_name_carries_a_todo():
    text = organization_entry(Organization("trung-uong/bo-y-te", "Bộ Y tế", "trung-uong"), guessed_case=True)
    assert text.splitlines()[1].strip() == "# TODO: kiểm tra cách viết hoa tên cơ quan (đọc từ dòng in hoa)"
