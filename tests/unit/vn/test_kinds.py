"""generator/vn/kinds.py: the one vocabulary of document kinds, and the schemas that repeat it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.vn.kinds import KINDS, OTHER_SYMBOLS, VOCABULARY, kind_words, symbol_kind, symbols

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "generator" / "schema"


@pytest.mark.parametrize(
    "schema, path",
    [
        ("document.schema.json", ("properties", "kind", "enum")),
        ("references.schema.json", ("items", "properties", "kind", "enum")),
    ],
)
def test_schema_enums_equal_the_vocabulary(schema, path):
    node = json.loads((SCHEMA_DIR / schema).read_text(encoding="utf-8"))
    for key in path:
        node = node[key]
    assert node == [kind.slug for kind in VOCABULARY]


def test_slugs_names_and_words_are_unique():
    assert len(KINDS) == len(VOCABULARY)
    words = [word for word, _ in kind_words()]
    assert len(words) == len(set(words))
    assert all(word == word.lower() for word in words)


def test_kind_words_put_longer_words_first():
    words = [word for word, _ in kind_words()]
    for i, word in enumerate(words):
        assert all(not other.startswith(word) or other == word for other in words[i + 1 :])
    assert dict(kind_words())["thông tư liên tịch"] == "thong-tu"
    assert dict(kind_words())["chỉ thị"] == "chi-thi"


@pytest.mark.parametrize(
    "abbreviation, party, kind",
    [
        ("CT", True, "chi-thi"),
        ("CT", False, "chi-thi"),
        ("TT", True, "thong-tri"),
        ("TT", False, "thong-tu"),
        ("QĐ", False, "quyet-dinh"),
        ("QĐ", True, None),  # a Party QĐ is a Quyết định or an older Quy định
        ("QĐi", True, "quy-dinh"),
        ("CTr", True, "chuong-trinh"),
        ("TTLT", False, None),
        ("UBND", False, None),
    ],
)
def test_symbol_kind(abbreviation, party, kind):
    assert symbol_kind(abbreviation, party) == kind


def test_symbols_hold_every_kind_abbreviation_and_the_others():
    every = symbols()
    assert OTHER_SYMBOLS <= every
    for kind in VOCABULARY:
        assert set(kind.symbols + kind.party_symbols + kind.state_symbols) <= every
    assert not any(symbol_kind(s, True) or symbol_kind(s, False) for s in OTHER_SYMBOLS)
