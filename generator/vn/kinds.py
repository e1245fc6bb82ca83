"""The vocabulary of document kinds, written once.

Every kind has its slug (data files, URLs), its Vietnamese name (sentence case, as in running
text), the other names texts give it ("qui định", "chương trình hành động", "bộ luật"), and
the abbreviations of its type in a document symbol. Party and State numbering share most
abbreviations ("08-CT/TU", "16/CT-TTg"); a few differ: "TT" is a Thông tri in Party numbering and
a Thông tư in State numbering, and a Party "QĐ" is a Quyết định or (before "QĐi") a Quy định, so
it names no kind on its own.

The JSON Schemas (generator/schema/*.schema.json) list the slugs in their "kind" enums, in
this order: tests/unit/vn/test_kinds.py fails when they differ from `VOCABULARY`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Kind", "VOCABULARY", "KINDS", "OTHER_SYMBOLS", "kind_words", "symbol_kind", "symbols"]


@dataclass(frozen=True)
class Kind:
    slug: str
    name: str  # sentence case: "Chỉ thị"
    aliases: tuple[str, ...] = ()  # other names in running text, lower case
    symbols: tuple[str, ...] = ()  # type abbreviations in both numbering systems
    party_symbols: tuple[str, ...] = ()  # … in Party numbering only ("N-TYPE/ISSUER")
    state_symbols: tuple[str, ...] = ()  # … in State numbering only ("N/[YYYY/]TYPE-ISSUER")


VOCABULARY: tuple[Kind, ...] = (
    Kind("chi-thi", "Chỉ thị", symbols=("CT",)),
    Kind("quyet-dinh", "Quyết định", state_symbols=("QĐ",)),
    Kind("ke-hoach", "Kế hoạch", symbols=("KH",)),
    Kind("de-an", "Đề án", symbols=("ĐA",)),
    Kind("nghi-quyet", "Nghị quyết", symbols=("NQ",)),
    Kind("ket-luan", "Kết luận", symbols=("KL",)),
    Kind("quy-dinh", "Quy định", aliases=("qui định",), symbols=("QyĐ", "QĐi")),
    Kind("quy-che", "Quy chế", symbols=("QC",)),
    Kind("dieu-le", "Điều lệ"),  # issued with a quyết định; no type abbreviation of its own
    Kind("chuong-trinh", "Chương trình", aliases=("chương trình hành động",), symbols=("CTr",)),
    Kind("huong-dan", "Hướng dẫn", symbols=("HD",)),
    Kind("thong-bao", "Thông báo", aliases=("thông báo kết luận",), symbols=("TB",)),
    Kind("thong-tri", "Thông tri", party_symbols=("TT",)),
    Kind("cong-van", "Công văn", symbols=("CV",)),
    Kind("bao-cao", "Báo cáo", symbols=("BC",)),
    Kind("to-trinh", "Tờ trình", symbols=("TTr",)),
    Kind("nghi-dinh", "Nghị định", symbols=("NĐ",)),
    Kind("thong-tu", "Thông tư", aliases=("thông tư liên tịch",), state_symbols=("TT",)),
    Kind("luat", "Luật", aliases=("bộ luật",), symbols=("L",)),
    Kind("nghi-quyet-lien-tich", "Nghị quyết liên tịch", symbols=("NQLT",)),
)

KINDS: dict[str, str] = {kind.slug: kind.name for kind in VOCABULARY}
"""Slug -> Vietnamese name, in vocabulary order."""

# Type abbreviations of documents that have no kind here (joint circulars and decisions,
# plans, minutes, contracts, dispatches, letters of authority, invitations, annexes…): a
# symbol holding one is still a document symbol.
OTHER_SYMBOLS: frozenset[str] = frozenset(
    {
        "TTLT",
        "QĐLT",
        "CTLT",
        "DA",
        "PA",
        "BB",
        "HĐ",
        "CĐ",
        "GUQ",
        "GM",
        "GGT",
        "GNP",
        "PG",
        "PC",
        "PB",
        "TC",
        "PL",
        "SL",
    }
)

_PARTY = {s: k.slug for k in VOCABULARY for s in k.symbols + k.party_symbols}
_STATE = {s: k.slug for k in VOCABULARY for s in k.symbols + k.state_symbols}


def symbol_kind(abbreviation: str, party: bool) -> str | None:
    """The kind a type abbreviation names in Party (`party`) or State numbering, if any."""
    return (_PARTY if party else _STATE).get(abbreviation)


def symbols() -> frozenset[str]:
    """Every type abbreviation a document symbol may hold, with a kind or not."""
    return frozenset(_PARTY) | frozenset(_STATE) | OTHER_SYMBOLS


def kind_words() -> list[tuple[str, str]]:
    """(word in lower case, slug) for every name and alias, longest first: a regular expression
    alternation built in this order prefers "thông tư liên tịch" to "thông tư"."""
    words = [(kind.name.lower(), kind.slug) for kind in VOCABULARY]
    words += [(alias, kind.slug) for kind in VOCABULARY for alias in kind.aliases]
    return sorted(words, key=lambda pair: len(pair[0]), reverse=True)
