"""Identity of a cited document: which jurisdiction its symbol belongs to, and its key.

"08-CT/TU" exists in every province: a local symbol (TU, UBND, HĐND, BDVTU…) means the
citing document's own jurisdiction. Party numbering restarts every term ("25-NQ/TW"
exists for 2003, 2008 and 2013), so the year is part of the key when the text gives one.
"""

from __future__ import annotations

import re
from typing import Optional

from generator.vn.text import slug

CENTRAL = "trung-uong"

# Issuer abbreviations of central bodies. Anything else is taken as local.
_CENTRAL_ISSUER = re.compile(
    r"^(?:[A-ZĐa-zđ]*TW|TTg|CP|VPCP|QH\d*|UBTVQH\d*|CTN|TTCP|KTNN|TANDTC|VKSNDTC|NHNN|MTTQVN|UBT[WU]MTTQVN|"
    r"BNV|BTC|BTP|BCA|BQP|BYT|BGDĐT|BTTTT|BKHĐT|BCT|BXD|BNNPTNT|BNNMT|BLĐTBXH|BVHTTDL|BTNMT|BGTVT|BKHCN|BNG|"
    r"BDTTG|UBDT|TLĐLĐVN)$"
)
_EMBEDDED_YEAR = re.compile(r"/((?:19|20)\d\d)/")


def issuer_parts(number: str) -> list[str]:
    """The issuer abbreviations of a symbol: after the slash (Party) or the type (State)."""
    if "/" not in number:
        return []
    head, _, tail = number.rpartition("/")
    if "-" in head.split("/")[-1] and not re.search(r"\d", tail):  # Party form N-TYPE/ISSUER
        return [p for p in tail.split("-") if p]
    parts = tail.split("-")  # State form N/TYPE-ISSUER[-ISSUER] or N/YYYY/TYPE-ISSUER
    return [p for p in parts[1:] if p] if len(parts) > 1 else parts


def scope(number: str, citing_jurisdiction: str) -> str:
    """The jurisdiction a symbol belongs to: trung-uong when every issuer part is a central body
    (a joint symbol of two central bodies too: "…/NQLT-CP-UBTUMTTQVN"), else the citing one."""
    parts = issuer_parts(number)
    if parts and all(_CENTRAL_ISSUER.match(p) for p in parts):
        return CENTRAL
    if re.search(r"/QH\d+$", number):
        return CENTRAL
    return citing_jurisdiction


def embedded_year(number: str) -> Optional[int]:
    match = _EMBEDDED_YEAR.search(number)
    return int(match.group(1)) if match else None


def catalog_id(kind: str, number: Optional[str], year: Optional[int], jurisdiction: str, title: str = "") -> str:
    """The id a ready-to-paste catalog entry gets: <jurisdiction>/<kind>-<number>-<year>."""
    name = slug(number) if number else slug(title)[:60].strip("-")
    kind_slug = "" if not number and name.split("-")[0] in ("luat", "bo") else kind  # "luat-tiep-can-…"
    parts = [kind_slug, name] + ([str(year)] if year and (not number or str(year) not in name) else [])
    return f"{jurisdiction}/" + "-".join(p for p in parts if p)
