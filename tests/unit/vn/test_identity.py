"""generator/vn/identity.py: the jurisdiction of a symbol, the embedded year, catalog ids."""

from __future__ import annotations

import pytest

from generator.vn import identity


@pytest.mark.parametrize(
    "number, citing, expected",
    [
        ("25-NQ/TW", "da-nang", "trung-uong"),
        ("1147-QĐ/BTGDVTW", "ha-noi", "trung-uong"),  # a central Party board
        ("30/CT-TTg", "ha-noi", "trung-uong"),
        ("34/2021/NĐ-CP", "da-nang", "trung-uong"),
        ("97/QH14", "ha-noi", "trung-uong"),
        ("03/2016/TTLT-BNV-BTC", "ha-tinh", "trung-uong"),  # joint, two ministries
        # joint Government and Central Committee of the Fatherland Front, both spellings
        ("19/2008/NQLT-CP-UBTUMTTQVN", "dak-lak", "trung-uong"),
        ("01/2015/NQLT-CP-UBTWMTTQVN", "dak-lak", "trung-uong"),
        ("08-CT/TU", "da-nang", "da-nang"),
        ("3504/QĐ-UBND", "ha-tinh", "ha-tinh"),
        ("2252/SNV-TCBC&TCPCP", "quang-tri", "quang-tri"),  # a department of the province
        ("01/QCPH-UBND-UBMTTQ", "dak-lak", "dak-lak"),  # joint, both provincial
        ("05-CTr/BDVTU-UBND", "da-nang", "da-nang"),
    ],
)
def test_scope(number, citing, expected):
    assert identity.scope(number, citing) == expected


def test_issuer_parts():
    assert identity.issuer_parts("25-NQ/TW") == ["TW"]
    assert identity.issuer_parts("19/2008/NQLT-CP-UBTUMTTQVN") == ["CP", "UBTUMTTQVN"]
    assert identity.issuer_parts("2252/SNV-TCBC&TCPCP") == ["TCBC&TCPCP"]


@pytest.mark.parametrize(
    "number, year", [("34/2021/NĐ-CP", 2021), ("25-NQ/TW", None), ("19/2008/NQLT-CP-UBTUMTTQVN", 2008)]
)
def test_embedded_year(number, year):
    assert identity.embedded_year(number) == year


def test_catalog_id():
    assert identity.catalog_id("cong-van", "2252/SNV-TCBC&TCPCP", 2025, "quang-tri") == (
        "quang-tri/cong-van-2252-snv-tcbc-tcpcp-2025"
    )
    assert identity.catalog_id("nghi-dinh", "34/2021/NĐ-CP", 2021, "trung-uong") == "trung-uong/nghi-dinh-34-2021-nd-cp"
