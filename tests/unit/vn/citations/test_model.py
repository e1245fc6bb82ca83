"""generator/vn/citations/model.py: the reported citation and its JSON form."""

from __future__ import annotations

import dataclasses

import pytest

from generator.vn.citations import Citation, extract
from generator.vn.citations.model import Found


def test_citation_json_shape():
    (c,) = extract("Thực hiện Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng")
    assert isinstance(c, Citation)
    assert c.to_json() == {
        "text": "Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng",
        "start": 10,
        "end": 65,
        "kind": "chi-thi",
        "number": "08-CT/TU",
        "date": "2021-08-05",
        "issuer": "Thành ủy Đà Nẵng",
    }
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.kind = "x"  # type: ignore[misc]


def test_found_starts_without_date_issuer_or_symbol():
    found = Found(3, 9, "luat")
    assert (found.number, found.date, found.issuer, found.symbol, found.has_kind_word) == (
        None,
        None,
        None,
        None,
        False,
    )
