"""Vietnamese text: the one fold, the keys and slugs derived from it, and tone placement.

`fold` is the one comparison form of Vietnamese text: lower case, no diacritics, đ -> d
("Đảng" -> "dang"). It maps character by character, so it never moves a character to another
offset except where a decomposed letter and its marks become one letter. The search index and
content/assets/search.js fold the same way.

`fold_words` and `slug` are derived from it: the folded words only (letters and digits),
separated by one space or by a hyphen. Names compared by `fold_words` match whatever their
case, diacritics, tone placement, đ or punctuation ("Thành uỷ" = "Thành ủy", "Khoa Giáo -
Tổng hợp" = "Khoa giáo – Tổng hợp").

`modern_tones` is not a fold: it keeps every letter and mark and only moves a tone mark from
the old-style place to the new one ("hoà" -> "hòa", "uỷ" -> "ủy"), with the length unchanged, so
offsets in its result are offsets in its input.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_words", "slug", "modern_tones"]

# Combining marks dropped by the fold (the blocks search.js drops as well).
_MARKS = re.compile(r"[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


class _FoldTable(dict[int, str]):
    """str.translate table, filled on first sight of each character: its folded form."""

    def __missing__(self, code: int) -> str:
        text = chr(code).replace("đ", "d").replace("Đ", "D")
        folded = unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", text))).lower()
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d: "Đảng Cộng sản" -> "dang cong san"."""
    return unicodedata.normalize("NFC", text).translate(_FOLD)


def fold_words(text: str) -> str:
    """The folded letters and digits, one space between words: "Thành uỷ," -> "thanh uy"."""
    return _NON_WORD.sub(" ", fold(text)).strip()


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """URL and file-name form: "Chỉ thị 08-CT/TU" -> "chi-thi-08-ct-tu"."""
    return fold_words(text).replace(" ", "-")


# Old tone placement -> new ("hoà" -> "hòa", "uỷ" -> "ủy"); not after "q" ("quý").
_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![^\W\d_])")


def _move_tone(m: re.Match[str]) -> str:
    first, second = m.group(1), m.group(2)
    decomposed = unicodedata.normalize("NFD", second)
    base, marks = decomposed[0], decomposed[1:]
    if first.lower() == "o" and base.lower() not in "ae":
        return m.group()
    if first.lower() == "u" and base.lower() != "y":
        return m.group()
    return unicodedata.normalize("NFC", first + marks) + base


def modern_tones(text: str) -> str:
    """NFC text with old-style tone placement moved ("hoà" -> "hòa"); same length as the input."""
    if not _OLD_TONE.search(text):
        return text
    out = _OLD_TONE.sub(_move_tone, text)
    return out if len(out) == len(text) else text
