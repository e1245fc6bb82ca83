"""The provinces and centrally-run cities of Viet Nam, by name: to tell a province from a district
or a town in a document's header ("TỈNH QUẢNG TRỊ", "Quảng Trị, ngày …"), and to name a
jurisdiction that is not registered yet ("quang-tri", "Tỉnh Quảng Trị").

The list holds the 63 provinces and cities before the 2025 merger (documents of those years
are filed under the province that issued them) and "Huế", a centrally-run city since 2025.
The 34 provinces after 1 July 2025 all keep one of these names. Names are compared by
`fold_words`, so tone placement, case and "Hoà"/"Hòa" do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from generator.vn.text import fold_words, slug

__all__ = ["Province", "PROVINCES", "find", "by_slug", "named_in", "strip_prefix"]


@dataclass(frozen=True)
class Province:
    name: str  # "Quảng Trị", "Hồ Chí Minh"
    city: bool = False  # a centrally-run city (thành phố trực thuộc trung ương)

    @property
    def slug(self) -> str:
        return slug(self.name)

    @property
    def full_name(self) -> str:
        """ "Tỉnh Quảng Trị", "Thành phố Cần Thơ"."""
        return f"{'Thành phố' if self.city else 'Tỉnh'} {self.name}"

    @property
    def level(self) -> str:
        """The word before the name in running text: "tỉnh" or "thành phố"."""
        return "thành phố" if self.city else "tỉnh"


_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
_PROVINCES = (
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hải Dương",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
)

PROVINCES: tuple[Province, ...] = tuple(Province(n, True) for n in _CITIES) + tuple(Province(n) for n in _PROVINCES)

# Spellings that fold differently from the name: "Đăk Lăk" folds like "Đắk Lắk"; these do not.
_OTHER_SPELLINGS = {"dac lac": "dak lak", "dak lac": "dak lak", "tp ho chi minh": "ho chi minh", "tphcm": "ho chi minh"}
_BY_FOLD = {fold_words(p.name): p for p in PROVINCES}
_BY_SLUG = {p.slug: p for p in PROVINCES}
_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp)\s+")


def strip_prefix(folded: str) -> str:
    """ "tinh quang tri" -> "quang tri"; "thanh pho can tho" -> "can tho" (folded text)."""
    return _PREFIX.sub("", folded)


def find(name: str) -> Optional[Province]:
    """The province a whole name denotes: "Quảng Trị", "TỈNH QUẢNG TRỊ", "TP. Hồ Chí Minh",
    "Thành phố Cần Thơ". None for anything else ("Hòa Vang", "Buôn Ma Thuột")."""
    folded = fold_words(name)
    folded = _OTHER_SPELLINGS.get(folded, folded)
    folded = strip_prefix(folded)
    return _BY_FOLD.get(_OTHER_SPELLINGS.get(folded, folded))


def by_slug(jurisdiction: str) -> Optional[Province]:
    return _BY_SLUG.get(jurisdiction)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(_BY_FOLD, key=len, reverse=True)  # "thua thien hue" before "hue"
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(n) for n in names) + r")(?![a-z0-9])")


def named_in(text: str) -> list[Province]:
    """The provinces a text names, in order of first mention (folded, whole words)."""
    found: dict[str, Province] = {}
    for m in _pattern().finditer(fold_words(text)):
        province = _BY_FOLD[m.group()]
        found.setdefault(province.slug, province)
    return list(found.values())
