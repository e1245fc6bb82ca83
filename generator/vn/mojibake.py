"""Legacy-encoding mojibake, found by what Vietnamese text can be.

Text typed in the TCVN3 (ABC) or VNI fonts and read as Latin-1/Windows-1252 turns
"Hà Nội" into "Hµ Néi" (TCVN3) and "Việt" into "Vieät" (VNI). One such word is as wrong as
a page of them, so nothing here counts odd characters. Instead a word is refused when NFC
Vietnamese cannot contain it:

- a letter Vietnamese does not use, from the Latin-1 range the legacy fonts land in
  ("µ", "ñ", "ä", "ø"…), or a Latin-1 sign that TCVN3 uses for a letter touching a letter
  ("nh©n", "c¸c", "ng\u00adêi" with its invisible soft hyphen);
- a word whose letters are all Vietnamese but which is not a sequence of Vietnamese
  syllables: consonants, then one of the vowel groups Vietnamese has (with the tone mark on
  a vowel that can carry it), then a final consonant ("Néi": no syllable has the vowels
  "ei"; "caùc": "au" never carries its tone on the "u").

Consonant clusters are taken leniently, so borrowed names spelt the Vietnamese way pass
("Lênin", "Mátxcơva", "Ăngghen"); all-capital words are abbreviations ("UBKTTƯ") and are
only checked letter by letter. Pure function over text; standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

_TONE_MARKS = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}  # huyền sắc hỏi ngã nặng
_QUALITY = {("a", "\u0302"): "â", ("a", "\u0306"): "ă", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô"}
_QUALITY.update({("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"})
_VOWELS = set("aăâeêioôơuưy")
_CODAS = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t", "k"}  # k: "Đắk Lắk"

# Vowel groups (without tone) and the positions that may carry the tone mark. Groups whose
# last vowel is a glide (ai, ao, ưu…) take no final consonant.
_GROUPS: dict[str, tuple[set[int], bool]] = {}


def _groups(spec: str, tones: set[int], coda: bool) -> None:
    for group in spec.split():
        _GROUPS[group] = (tones, coda)


_groups("a ă â e ê i o ô ơ u ư y", {0}, True)
_groups("ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu", {0}, False)
_groups("oa oe uy oo", {0, 1}, True)
_groups("iê yê uô ươ oă uâ uê uơ", {1}, True)
_groups("iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyu", {1}, False)
_groups("uyê", {2}, True)


@lru_cache(maxsize=4096)
def _letter(char: str) -> Optional[tuple[str, bool]]:
    """(base letter with its quality mark, has a tone mark), or None if Vietnamese has no such letter."""
    if char in "đĐ":
        return "đ", False
    decomposed = unicodedata.normalize("NFD", char.lower())
    base, marks = decomposed[0], decomposed[1:]
    if not ("a" <= base <= "z"):
        return None
    tones = [m for m in marks if m in _TONE_MARKS]
    quality = [m for m in marks if m not in _TONE_MARKS]
    if len(tones) > 1 or len(quality) > 1 or (tones and base not in _VOWELS):
        return None
    if quality:
        qualified = _QUALITY.get((base, quality[0]))
        if qualified is None:
            return None
        base = qualified
    return base, bool(tones)


def is_vietnamese_letter(char: str) -> bool:
    """A letter of the Vietnamese alphabet (with any marks it can carry), or an ASCII letter or digit."""
    return char.isascii() and char.isalnum() or _letter(char) is not None


def _rhymes(letters: list[tuple[str, bool]], start: int, first: bool) -> list[int]:
    """Ends of the syllables that can start at `start` (onset, vowel group, final consonant)."""
    i, n = start, len(letters)
    while i < n and letters[i][0] not in _VOWELS:
        i += 1
    onset = "".join(b for b, _ in letters[start:i])
    if i == n or (not onset and not first):
        return []  # no vowel; or a vowel-initial syllable inside a word ("Né|i")
    starts = [i]
    if onset.endswith("q") and letters[i][0] == "u":
        starts = [i + 1]  # "qu": the u belongs to the onset
    elif onset.endswith("g") and letters[i][0] == "i" and i + 1 < n and letters[i + 1][0] in _VOWELS:
        starts.append(i + 1)  # "gi" + vowel ("giữ", "giêng"), or "g" + "i…" ("gìn")
    ends = []
    for begin in starts:
        stop = begin
        while stop < n and letters[stop][0] in _VOWELS:
            stop += 1
        group = "".join(b for b, _ in letters[begin:stop])
        if group not in _GROUPS:
            continue
        tones, takes_coda = _GROUPS[group]
        marked = [k for k in range(begin, stop) if letters[k][1]]
        if len(marked) > 1 or (marked and marked[0] - begin not in tones):
            continue
        for coda in sorted(_CODAS, key=len, reverse=True):
            end = stop + len(coda)
            if "".join(b for b, _ in letters[stop:end]) == coda and (takes_coda or not coda):
                ends.append(end)
    return ends


@lru_cache(maxsize=65536)
def is_vietnamese_word(word: str) -> bool:
    """True when `word` (letters only, NFC) can be Vietnamese: one or more syllables."""
    found = [_letter(c) for c in word]
    letters = [letter for letter in found if letter is not None]
    if len(letters) < len(found):
        return False
    if not any(base in _VOWELS for base, _ in letters):
        return True  # an abbreviation: "HĐND", "BCĐ"
    if len(word) > 1 and word.isupper():
        return True  # an abbreviation in capitals: every letter is Vietnamese
    reachable = {0}
    for start in range(len(letters)):
        if start in reachable:
            reachable.update(_rhymes(letters, start, first=start == 0))
    return len(letters) in reachable


_READ_OK: set[str] = set()  # tokens already found to read as Vietnamese (or plain ASCII)


def _latin(word: str) -> bool:
    # Words of other scripts (a Russian name, a Chinese term) are not legacy-font mojibake.
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in word)


def _all_vietnamese(run: str) -> bool:
    # \w also matches signs such as "²" ("m²"): only runs of letters are words.
    words = [run] if run.isalpha() else "".join(c if c.isalpha() else " " for c in run).split()
    return all(is_vietnamese_word(w) or not _latin(w) for w in words)


# Latin-1 signs that TCVN3 uses for Vietnamese letters: never inside a Vietnamese word.
_SIGNS = "¡¢£¤¥¦§¨©ª¬\u00ad®µ¶·¸¹¼½¾×÷"
_LETTER = r"[^\W\d_]"
_SIGN_IN_WORD = re.compile(rf"(?<={_LETTER})[{_SIGNS}«]|[{_SIGNS}»](?={_LETTER})")
_WORD = re.compile(rf"{_LETTER}+")


_ANY_SIGN = re.compile(f"[{_SIGNS}«»]")


def find(text: str) -> Optional[tuple[int, str]]:
    """Offset and text of the first mojibake word in NFC `text`, or None when it reads as Vietnamese."""
    first: Optional[tuple[int, str]] = None
    if _ANY_SIGN.search(text):  # rare in Vietnamese: only then the slower look-around search
        sign = _SIGN_IN_WORD.search(text)
        if sign:
            start = sign.start()
            while start > 0 and (text[start - 1].isalpha() or text[start - 1] in _SIGNS):
                start -= 1
            end = sign.end()
            while end < len(text) and (text[end].isalpha() or text[end] in _SIGNS):
                end += 1
            first = (start, text[start:end])
    suspects = set()
    for token in set(text.split()) - _READ_OK:  # whitespace-separated: split and set are fast
        bad = [] if token.isascii() else [w for w in _WORD.findall(token) if not (w.isascii() or _all_vietnamese(w))]
        if bad:
            suspects.update(bad)
        elif len(_READ_OK) < 200_000:  # a bounded memo: most tokens repeat across documents
            _READ_OK.add(token)
    if suspects:
        for match in _WORD.finditer(text):
            if match.group() in suspects:
                if first is None or match.start() < first[0]:
                    first = (match.start(), match.group())
                break
    return first
