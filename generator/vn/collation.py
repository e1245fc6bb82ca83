"""Vietnamese alphabetical order: the CLDR "vi" collation, through ICU (PyICU).

Code-point order puts "Ủy ban" after "Z" and "Đảng" after every other letter. Vietnamese
dictionaries order the letters a ă â b c d đ e ê … o ô ơ … u ư … y, and the tones ngang,
huyền, hỏi, ngã, sắc, nặng ("Ba" < "Bà" < "Bả" < "Bã" < "Bá" < "Bạ") only where the letters
tie; CLDR's "vi" tailoring says exactly that, and ICU implements it. Every list of names the
site sorts uses `sort_key`; in the browser, `Intl.Collator("vi")` is the same collation.
"""

from __future__ import annotations

import unicodedata
from typing import Callable, Iterable, TypeVar

import icu  # type: ignore[import-untyped]

__all__ = ["sort_key", "sorted_vi"]

_COLLATOR = icu.Collator.createInstance(icu.Locale("vi"))
T = TypeVar("T")


def sort_key(text: str) -> bytes:
    """The collation key of a text (NFC first: the key of a decomposed text is the same)."""
    return bytes(_COLLATOR.getSortKey(unicodedata.normalize("NFC", text)))


def sorted_vi(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """`items` in Vietnamese alphabetical order of `key`; ties keep their order."""
    return sorted(items, key=lambda item: sort_key(key(item)))
