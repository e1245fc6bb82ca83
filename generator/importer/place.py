"""Which jurisdiction a document belongs to (the first part of its id), from the document itself.

Evidence, strongest first:
  1. A central document: its symbol's issuer is a central body ("…/CT-TTg", "…-NQ/TW",
     "…/TTr-BYT", "…/QH15"), or its issuing body is one ("THỦ TƯỚNG CHÍNH PHỦ", "BỘ Y TẾ",
     "BAN CHẤP HÀNH TRUNG ƯƠNG"). It belongs to `trung-uong` whatever its place line says
     ("Hà Nội, ngày …").
  2. The province named by the issuing body's lines ("TỈNH QUẢNG TRỊ", "THÀNH ỦY ĐÀ NẴNG") or
     by the authority line above "QUYẾT ĐỊNH:" ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU").
  3. The place before the date, when it is a province ("Quảng Trị, ngày …"); a district or
     a town ("Hòa Vang, ngày …") is not.
  4. A registered organization whose header lines are the document's.
  5. Guesses, always marked for checking: the province the text names most often, the
     source file's name ("ha-tinh-…txt").

Evidence that disagrees (a header naming Bắc Ninh, a place line saying Hà Nam) leaves the
first reading marked for checking. A province not in data/jurisdictions.yaml still gets its
slug ("quang-tri"), and `Placement.new` holds the entry to add.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from generator.corpus.model import Jurisdiction, Organization
from generator.importer.bodies import Body
from generator.vn import identity, provinces
from generator.vn.provinces import Province
from generator.vn.text import fold_words

__all__ = ["Placement", "Evidence", "place", "registered_id", "symbol_scope"]

CENTRAL = identity.CENTRAL


@dataclass(frozen=True)
class Placement:
    id: Optional[str]  # None: nothing in the text says
    how: str  # Vietnamese: what it was read from
    certain: bool
    new: Optional[Jurisdiction] = None  # the entry to add to data/jurisdictions.yaml
    doubts: tuple[str, ...] = ()  # evidence that disagrees


@dataclass(frozen=True)
class Evidence:
    """What the document says about where it is from."""

    bodies: tuple[Body, ...] = ()  # the issuing body's lines, the authority line
    symbol: Optional[str] = None  # the number or, when the number is blank, its symbol ("/TTr-BYT")
    place: Optional[str] = None  # the place before the date
    issuer_lines: tuple[str, ...] = ()
    text: str = ""  # the whole text, for the last-resort guess
    source_name: str = ""


def symbol_scope(symbol: Optional[str]) -> Optional[str]:
    """trung-uong when the symbol's issuer part names central bodies only; else None."""
    if not symbol or "/" not in symbol:
        return None
    number = symbol if re.match(r"^\d", symbol) else "0" + symbol.lstrip()
    return CENTRAL if identity.scope(number, "") == CENTRAL else None


def registered_id(province: Province, jurisdictions: dict[str, Jurisdiction]) -> Optional[str]:
    """The id data/jurisdictions.yaml gives the province, if it is there."""
    if province.slug in jurisdictions:
        return province.slug
    for j in jurisdictions.values():
        if provinces.find(j.short_name) == province or provinces.find(j.name) == province:
            return j.id
    return None


def _new_entry(province: Province) -> Jurisdiction:
    return Jurisdiction(id=province.slug, name=province.full_name, short_name=province.name)


def _placed(province: Province, how: str, certain: bool, jurisdictions, doubts=()) -> Placement:
    known = registered_id(province, jurisdictions)
    return Placement(known or province.slug, how, certain, None if known else _new_entry(province), tuple(doubts))


def place(
    evidence: Evidence,
    jurisdictions: dict[str, Jurisdiction],
    organizations: dict[str, Organization],
) -> Placement:
    central = _central(evidence)
    named = [
        (b.province, f"dòng tên cơ quan “{' / '.join(b.header) or b.name}”") for b in evidence.bodies if b.province
    ]
    place_province = provinces.find(evidence.place) if evidence.place else None
    if central:
        doubts = [f"{how} thuộc {p.name}" for p, how in named]
        return Placement(CENTRAL, central, not doubts, None, tuple(doubts))
    if named:
        province, how = named[0]
        doubts = [f"{h} thuộc {p.name}" for p, h in named[1:] if p != province]
        if place_province and place_province != province:
            doubts.append(f"địa danh “{evidence.place}” ở dòng ngày tháng")
        return _placed(province, how, not doubts, jurisdictions, doubts)
    if place_province:
        return _placed(place_province, f"địa danh “{evidence.place}” ở dòng ngày tháng", True, jurisdictions)
    by_header = _registered_header(evidence.issuer_lines, organizations)
    if by_header:
        return Placement(by_header, "dòng tên cơ quan trùng với cơ quan đã có trong danh mục", True)
    return _guess(evidence, jurisdictions)


def _central(evidence: Evidence) -> Optional[str]:
    """How the document shows it is central, or None."""
    if symbol_scope(evidence.symbol):
        return f"ký hiệu “{evidence.symbol}” của cơ quan Trung ương"
    for body in evidence.bodies:
        if body.central:
            return f"cơ quan Trung ương “{body.name}”"
    return None


def _registered_header(lines: tuple[str, ...], organizations: dict[str, Organization]) -> Optional[str]:
    if not lines:
        return None
    printed = fold_words(" ".join(lines))
    found = {
        org.jurisdiction
        for org in organizations.values()
        if org.header and fold_words(" ".join(org.header)) == printed and org.jurisdiction != CENTRAL
    }
    return found.pop() if len(found) == 1 else None


def _guess(evidence: Evidence, jurisdictions: dict[str, Jurisdiction]) -> Placement:
    """Last resort: the province the text names most often, else the source file's name."""
    counts: Counter[Province] = Counter()
    folded = fold_words(evidence.text)
    for province in provinces.named_in(evidence.text):
        counts[province] = len(re.findall(rf"(?<![a-z0-9]){re.escape(fold_words(province.name))}(?![a-z0-9])", folded))
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        province, times = ranked[0]
        return _placed(province, f"đoán từ nội dung: tên {province.name} được nhắc {times} lần", False, jurisdictions)
    for j in sorted(jurisdictions, key=len, reverse=True):
        if j != CENTRAL and evidence.source_name.startswith(j + "-"):
            return Placement(j, f"đoán từ tên tệp nguồn “{evidence.source_name}”", False)
    return Placement(None, "", False)
