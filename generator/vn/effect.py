"""When a document says it takes effect: "Quyết định này có hiệu lực kể từ ngày ký."

`find_effect(text)` is a pure function over one text (standard library only, linear in the
length of the text). It recognises the clauses documents close with:

==============================================================  ====================================
clause                                                          result
==============================================================  ====================================
Quyết định này có hiệu lực kể từ ngày ký.                       SIGNING
Chỉ thị này có hiệu lực thi hành kể từ ngày ký ban hành.        SIGNING
Kế hoạch này có hiệu lực từ ngày ban hành.                      SIGNING
Quyết định này có hiệu lực từ ngày 01/01/2022.                  DATE 2022-01-01
Quyết định này có hiệu lực kể từ ngày 01 tháng 3 năm 2022.      DATE 2022-03-01
Quyết định này có hiệu lực sau 15 ngày kể từ ngày ký.           AFTER_DAYS 15
==============================================================  ====================================

The clause must be about the document itself: "này" ("this") stands before "có hiệu lực", or
the text starts with it ("Có hiệu lực kể từ ngày ký."). A clause about another document ("Quy
chế … ban hành kèm theo Quyết định số 10 có hiệu lực từ ngày 01/01/2020") and the common
"nâng cao hiệu lực, hiệu quả" say nothing here. Anything else is None: never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Iterable, Optional

__all__ = ["Effect", "EffectKind", "find_effect", "first_effect"]


class EffectKind(StrEnum):
    SIGNING = "signing"  # from the day it is signed (ngày ký, ngày ban hành)
    DATE = "date"  # from a date the clause names
    AFTER_DAYS = "after-days"  # a number of days after signing


@dataclass(frozen=True)
class Effect:
    kind: EffectKind
    text: str  # the clause as found (one sentence, as written)
    date: Optional[dt.date] = None  # DATE
    days: Optional[int] = None  # AFTER_DAYS

    def since(self, signed: Optional[dt.date]) -> Optional[dt.date]:
        """The first day in effect, given the day of signing (None when it cannot be known)."""
        if self.kind is EffectKind.DATE:
            return self.date
        if signed is None:
            return None
        return signed if self.kind is EffectKind.SIGNING else signed + dt.timedelta(days=self.days or 0)


_VERB = r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+"
_FROM = r"(?:(?:kể\s+)?từ\s+)"
_SIGNED = r"ngày\s+(?:ký|kí)(?:\s+ban\s+hành)?|ngày\s+ban\s+hành"
_NUMERIC = r"ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_WORDS = r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_CLAUSE = re.compile(
    rf"(?P<lead>\bnày\s+|^\s*){_VERB}(?:"
    rf"{_FROM}(?P<signed>{_SIGNED})"
    rf"|{_FROM}(?:{_NUMERIC}|{_WORDS})"
    rf"|sau\s+(?P<days>\d{{1,3}})\s+ngày,?\s+{_FROM}(?:{_SIGNED})"
    r")",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.;!?\n]*(?:[.;!?]|$)")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds text[start:end]."""
    left = max(text.rfind(c, 0, start) for c in ".;!?\n") + 1
    found = _SENTENCE.match(text, end)
    right = found.end() if found else len(text)
    return " ".join(text[left:right].split())


def find_effect(text: str) -> Optional[Effect]:
    """The first clause in `text` that says when the document itself takes effect; None if none."""
    text = unicodedata.normalize("NFC", text)
    for m in _CLAUSE.finditer(text):
        clause = _sentence(text, m.start("lead") if m.group("lead").strip() else m.start(), m.end())
        if m.group("signed"):
            return Effect(EffectKind.SIGNING, clause)
        if m.group("days"):
            return Effect(EffectKind.AFTER_DAYS, clause, days=int(m.group("days")))
        day, month, year = (
            int(g) for g in (m.group(3) or m.group(6), m.group(4) or m.group(7), m.group(5) or m.group(8))
        )
        try:
            return Effect(EffectKind.DATE, clause, date=dt.date(year, month, day))
        except ValueError:
            continue  # not a day: "ngày 31/02/2022" says nothing
    return None


def first_effect(texts: Iterable[str]) -> Optional[Effect]:
    """The first effect clause in a document's texts, taken in reading order."""
    for text in texts:
        found = find_effect(text)
        if found is not None:
            return found
    return None
