"""Document numbers (số, ký hiệu): find them, read damaged forms, give the canonical form.

State: "16/CT-TTg", "34/2021/NĐ-CP", "97/QH14", "1613/UBND-KGVX". Party: "25-NQ/TW",
"28-CTr/TU", "05-CTr/BDVTU-UBND". The issuer part decides the system, and so the canonical
form: Party "N-TYPE/ISSUER", State "N/[YYYY/]TYPE-ISSUER". Slash and hyphen swapped, all
hyphens, stray spaces and line breaks, case slips and lost hyphens ("NĐCP") are read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.vn import kinds
from generator.vn.citations.patterns import HYPHENS
from generator.vn.text import modern_tones

__all__ = ["NUMBER", "Symbol", "parse_symbol", "canonical_number"]

_SEP = rf"\s{{0,3}}[{HYPHENS}/]\s{{0,3}}"
# A group of the symbol; two joined by "&" are one ("TCBC&TCPCP": Tổ chức cán bộ & Tổ chức
# phi chính phủ, a department's joint section) and keep the "&".
_GROUP = r"[A-ZĐ][A-Za-zĐđ0-9]{0,14}(?:&[A-ZĐ][A-Za-zĐđ0-9]{0,14})?(?![^\W_])"
NUMBER = re.compile(
    rf"(?<![\w/.{HYPHENS}])(?P<n>\d{{1,5}}[a-zđ]?)"
    rf"(?P<rest>(?:{_SEP}(?P<y>(?:19|20)\d\d)(?={_SEP}[A-ZĐ]))?(?:{_SEP}{_GROUP}){{1,5}})"
)
_GROUP_TOKEN = re.compile(rf"(?P<sep>\s{{0,3}}(?P<ch>[{HYPHENS}/])\s{{0,3}})(?P<g>[A-Za-zĐđ0-9]+(?:&[A-Za-zĐđ0-9]+)?)")

# Abbreviations whose canonical spelling is mixed case (looked up upper-cased).
_CASE = {"TTG": "TTg", "CTR": "CTr", "QĐI": "QĐi", "QYĐ": "QyĐ", "TTR": "TTr", "THU": "ThU"}
# Abbreviations typed without Đ (ASCII-only texts).
_ASCII_FOLD = {"QD": "QĐ", "ND": "NĐ", "HDND": "HĐND", "QDI": "QĐi", "QYD": "QyĐ"}

# Type abbreviations (State and Party), with a kind or not (generator/vn/kinds.py).
_TYPES = kinds.symbols()
# Types that make a symbol unmistakable without a kind word: those naming a kind in either
# system, and the joint circular (its kind word decides which kind).
_UNMISTAKABLE_TYPES = frozenset(t for t in _TYPES if kinds.symbol_kind(t, True) or kinds.symbol_kind(t, False)) | {
    "TTLT"
}
_TYPES_SORTED = sorted(_TYPES, key=len, reverse=True)

_PARTY_ISSUERS = {
    "TW",
    "TU",
    "VPTW",
    "BTCTW",
    "BDVTW",
    "BTGTW",
    "BTGDVTW",
    "BNCTW",
    "BKTTW",
    "BĐNTW",
    "UBKTTW",
    "BCSĐ",
    "BCS",
    "ĐĐ",
    "ĐU",
    "ĐUK",
    "QU",
    "HU",
    "TXU",
    "ThU",
    "ĐUQSTW",
    "ĐUCA",
    "BDVTU",
    "BTGTU",
    "BTCTU",
    "BNCTU",
    "UBKTTU",
    "VPTU",
    "BCĐ",
}
_STATE_ISSUERS = {
    "CP",
    "TTg",
    "UBND",
    "HĐND",
    "QH",
    "UBTVQH",
    "VPCP",
    "BNV",
    "BTC",
    "BTP",
    "BCA",
    "BQP",
    "BYT",
    "BCT",
    "BXD",
    "BGDĐT",
    "BLĐTBXH",
    "BKHĐT",
    "BTNMT",
    "BNNPTNT",
    "BTTTT",
    "BVHTTDL",
    "BGTVT",
    "BKHCN",
    "BNG",
    "NHNN",
    "TANDTC",
    "VKSNDTC",
    "KTNN",
    "TTCP",
    "UBDT",
    "MTTQ",
    "UBMTTQ",
    "UBTWMTTQVN",
    "MTTQVN",
    "SNV",
    "STC",
    "STP",
    "SYT",
    "SGDĐT",
    "CA",
}
_QH = re.compile(r"(?:UBTV)?QH\d{0,2}\Z")


def _is_party(issuer: str) -> bool:
    return issuer in _PARTY_ISSUERS or issuer.endswith(("TW", "TU")) or issuer.startswith(("ĐU", "ĐĐ", "BCS"))


def _is_known_issuer(issuer: str) -> bool:
    return issuer in _PARTY_ISSUERS or issuer in _STATE_ISSUERS or bool(_QH.match(issuer))


def _canon_group(g: str) -> str | None:
    up = g.upper()
    if up in _ASCII_FOLD:
        return _ASCII_FOLD[up]
    if up in _CASE:
        return _CASE[up]
    if g == up and any(c.isalpha() for c in g):
        if len(g) >= 2 or g in _TYPES:
            return g
    return None


def _split_merged(tok: str) -> list[str] | None:
    """`NĐCP` → [`NĐ`, `CP`], `QĐUBND` → [`QĐ`, `UBND`] (hyphen lost in extraction)."""
    up = tok.upper()
    for t in _TYPES_SORTED:
        if len(t) < len(tok) and up.startswith(t.upper()):
            rest = _canon_group(tok[len(t) :])
            if rest and _is_known_issuer(rest):
                return [t, rest]
    return None


@dataclass
class Symbol:
    start: int
    end: int
    canonical: str
    type: str | None
    issuers: tuple[str, ...]
    party: bool

    @property
    def issuer_key(self) -> str:
        return self.issuers[0] if self.issuers else ""

    def symbol_kind(self) -> str | None:
        if self.type is None:
            if self.issuers and not _QH.match(self.issuers[0]) and not self.party:
                return "cong-van"
            return None
        return kinds.symbol_kind(self.type, self.party)

    def unmistakable(self) -> bool:
        """Safe to take without a kind word."""
        if self.type is not None:
            return bool(self.issuers) and self.type in _UNMISTAKABLE_TYPES
        if not self.issuers:
            return False
        first = self.issuers[0]
        return bool(_QH.match(first)) or (_is_known_issuer(first) and len(self.issuers) >= 2)


def parse_symbol(m: re.Match, text: str) -> Symbol | None:
    num = m.group("n")
    year = m.group("y")
    rest_start = m.start("rest")
    pos = rest_start
    if year:
        # skip "<sep>YYYY"
        pos = m.end("y")
    groups: list[str] = []
    seps: list[str] = []
    end = pos
    rest_end = m.end("rest")
    while pos < rest_end:
        t = _GROUP_TOKEN.match(text, pos, rest_end)
        if not t:
            break
        g = _canon_group(t.group("g"))
        if g is None:
            break
        # a " - " with spaces on both sides after the first group joins nothing but a
        # known issuer ("05-CT/TW - UBND …" is prose, not a joint symbol)
        sep = t.group("sep")
        if groups and sep[:1].isspace() and sep[-1:].isspace() and "\n" not in sep and not _is_known_issuer(g):
            break
        groups.append(g)
        seps.append(t.group("ch"))
        end = t.end()
        pos = t.end()
    if not groups:
        return None
    # lost hyphen: one token holding type + issuer
    first = groups[0]
    if first not in _TYPES and not _is_known_issuer(first):
        split = _split_merged(first)
        if split:
            groups[0:1] = split
    if groups[0] in _TYPES:
        typ, issuers = groups[0], groups[1:]
    elif len(groups) >= 2 and not _is_known_issuer(groups[0]):
        typ, issuers = groups[0], groups[1:]
    else:
        typ, issuers = None, groups
    party = bool(issuers) and _is_party(issuers[0])
    if typ is not None and party and not year:
        canonical = f"{num}-{typ}/{'-'.join(issuers)}"
    else:
        parts = ([typ] if typ else []) + list(issuers)
        canonical = f"{num}/" + (f"{year}/" if year else "") + "-".join(parts)
    return Symbol(m.start(), end, canonical, typ, tuple(issuers), party)


def canonical_number(number: str) -> str | None:
    """Canonical form of a document number as printed ("4955-QĐ/UBND" → "4955/QĐ-UBND")."""
    s = modern_tones(unicodedata.normalize("NFC", number.strip()))
    m = NUMBER.match(s)
    if not m:
        return None
    parsed = parse_symbol(m, s)
    return parsed.canonical if parsed and parsed.end == len(s) else None
