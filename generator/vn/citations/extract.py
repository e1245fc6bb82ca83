"""`extract(text)`: the citations of a text, in text order (see the package docstring)."""

from __future__ import annotations

import bisect
import re

from generator.vn.citations.aliases import with_aliases
from generator.vn.citations.laws import LAW_HEAD, LAW_NUMBER, NAMED_RESOLUTION, law_end
from generator.vn.citations.model import Citation, Found
from generator.vn.citations.numbers import NUMBER, Symbol, parse_symbol
from generator.vn.citations.patterns import KIND_BY_WORD, clean
from generator.vn.citations.phrases import KIND_TAIL, KIND_TAIL_WINDOW, LIST_SEP, date_at, issuer_at
from generator.vn.offsets import OffsetMap, to_nfc
from generator.vn.text import modern_tones

__all__ = ["extract"]


def extract(text: str) -> list[Citation]:
    """Every citation in `text`, in text order; `text` of each is `text[start:end]`."""
    if not isinstance(text, str):
        raise TypeError("extract() expects str")
    norm, mapping = to_nfc(text)
    s = modern_tones(norm)
    named = _named(s)
    found = _merged(_numbered(s, named), named)
    _share_after_lists(s, norm, found)
    found = with_aliases(s, found)
    return _citations(text, norm, mapping, found)


def _attach(s: str, found: Found, pos: int) -> None:
    """Attach the date and issuer phrase that follow `pos` (end of number or law name)."""
    d = date_at(s, pos)
    if d:
        pos, found.date = d
        found.end = pos
    iss = issuer_at(s, pos)
    if iss:
        found.issuer = iss
        found.end = iss[1]
        if not d:
            d = date_at(s, found.end)
            if d:
                found.end, found.date = d


def _named(s: str) -> list[Found]:
    """Laws and named resolutions, by start (a law may carry a number: "Luật Đất đai số 45/2013/QH13")."""
    named: list[Found] = []
    for m in LAW_HEAD.finditer(s):
        end = law_end(s, m)
        if end < 0:
            continue
        f = Found(m.start(), end, "luat", has_kind_word=True)
        ln = LAW_NUMBER.match(s, end)
        nm = NUMBER.match(s, ln.end()) if ln else None
        parsed = parse_symbol(nm, s) if nm else None
        if parsed:
            f.number, f.symbol, f.end = parsed.canonical, parsed, parsed.end
        _attach(s, f, f.end)
        named.append(f)
    for m in NAMED_RESOLUTION.finditer(s):
        f = Found(m.start(), m.end(), "nghi-quyet", has_kind_word=True)
        d = date_at(s, m.end())
        if d:
            f.end, f.date = d
        named.append(f)
    named.sort(key=lambda f: f.start)
    return named


def _numbered(s: str, named: list[Found]) -> list[Found]:
    """Citations built around a document number, with their kind word, date and issuer."""
    named_starts = [f.start for f in named]
    numbered: list[Found] = []
    taken_until = -1
    for m in NUMBER.finditer(s):
        if m.start() < taken_until:
            continue
        parsed = parse_symbol(m, s)
        if parsed is None:
            continue
        # already taken by a law name ("Luật … số N")?
        i = bisect.bisect_right(named_starts, m.start()) - 1
        law_symbol = named[i].symbol if i >= 0 else None
        if law_symbol is not None and law_symbol.start == parsed.start:
            continue
        f = _with_kind(s, parsed, numbered[-1] if numbered else None)
        if f is None:
            continue
        _attach(s, f, parsed.end)
        taken_until = f.end
        numbered.append(f)
    return numbered


def _with_kind(s: str, parsed: Symbol, prev: Found | None) -> Found | None:
    """The citation of a number: its kind from the kind word before it, from the list it
    continues ("Quyết định số 217-QĐ/TW và 218-QĐ/TW"), or from an unmistakable symbol."""
    k = KIND_TAIL.search(s, max(0, parsed.start - KIND_TAIL_WINDOW), parsed.start)
    if k:
        word = re.sub(r"\s+", " ", k.group("kind").lower())
        return Found(k.start(), parsed.end, KIND_BY_WORD[word], parsed.canonical, symbol=parsed, has_kind_word=True)
    if (
        prev is not None
        and prev.has_kind_word
        and prev.symbol is not None
        and prev.symbol.type == parsed.type
        and prev.end <= parsed.start
        and LIST_SEP.match(s, prev.end, parsed.start)
    ):
        kind = prev.kind
    elif parsed.unmistakable():
        kind = parsed.symbol_kind()
    else:
        return None
    return Found(parsed.start, parsed.end, kind, parsed.canonical, symbol=parsed)


def _merged(numbered: list[Found], named: list[Found]) -> list[Found]:
    """One sorted list without overlaps; a numbered citation wins over a named one."""
    merged: list[Found] = []
    for f in sorted(numbered + named, key=lambda f: (f.start, f.number is None)):
        if merged and f.start < merged[-1].end:
            if merged[-1].number is None and f.number is not None:
                merged[-1] = f
            continue
        merged.append(f)
    return merged


def _share_after_lists(s: str, norm: str, found: list[Found]) -> None:
    """A date / issuer printed once after a list is shared by the earlier members.

    "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị"
    (same kind and symbol type: date and issuer), "Nghị quyết số 15-NQ/TU và Chỉ thị số
    15-CT/TU của Ban Thường vụ Thành ủy" (parallel members, both dated or both undated: the
    issuer only). Never across different symbol issuers (TW vs TU vs UBND), never from
    "Kết luận số 114-KL/TW ngày … của …" back to an undated "Nghị quyết số 25-NQ/TW, ".
    """
    for idx in range(len(found) - 2, -1, -1):
        a, b = found[idx], found[idx + 1]
        if a.issuer is not None or a.shared_issuer is not None or a.symbol is None or b.symbol is None:
            continue
        if a.symbol.issuer_key != b.symbol.issuer_key or not a.symbol.issuer_key:
            continue
        if not LIST_SEP.match(s, a.end, b.start):
            continue
        same = a.kind == b.kind and a.symbol.type == b.symbol.type
        if not same and (a.date is None) != (b.date is None):
            continue
        if same and a.date is None and b.date is not None:
            a.date = b.date
        if b.issuer is not None:
            a.shared_issuer = clean(norm[b.issuer[0] : b.issuer[1]])
        elif b.shared_issuer is not None:
            a.shared_issuer = b.shared_issuer


def _citations(text: str, norm: str, mapping: OffsetMap | None, found: list[Found]) -> list[Citation]:
    """The citations as reported: offsets and text in the string the caller passed."""
    out: list[Citation] = []
    for f in found:
        issuer = clean(norm[f.issuer[0] : f.issuer[1]]) if f.issuer else f.shared_issuer
        if mapping is None:
            start, end = f.start, f.end
        else:
            start, end = mapping.start(f.start), mapping.end(f.end)
        if start >= end:
            continue
        out.append(Citation(text[start:end], start, end, f.kind, f.number, f.date, issuer))
    return out
