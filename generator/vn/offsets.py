"""NFC with a map from offsets in the NFC text back to offsets in the original string.

Parsers work on NFC text; what they report must point into the string they were given,
whatever its normalization. `to_nfc(text)` returns the NFC text and, when normalizing changed
anything, an `OffsetMap` whose `start(p)`/`end(p)` map an NFC start/end offset back.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

__all__ = ["OffsetMap", "to_nfc"]

_NON_ASCII_SEGMENT = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
_BASE_AND_MARKS = re.compile(r"(?s).[\u0300-\u036f]+")
# Starters (combining class 0) that can still compose with the character before them.
_COMPOSING_STARTERS = frozenset(
    "\u09be\u09d7\u0b3e\u0b56\u0b57\u0bbe\u0bd7\u0c56\u0cc2\u0cd5\u0cd6\u0d3e\u0d57"
    "\u0dcf\u0ddf\u102e\u1b35"
    + "".join(chr(c) for c in range(0x1161, 0x1176))
    + "".join(chr(c) for c in range(0x11A8, 0x11C3))
)


def _pieces(segment: str) -> list[tuple[int, int]]:
    """Cut a segment before every starter that cannot compose with what precedes it."""
    cuts = [0]
    for i in range(1, len(segment)):
        c = segment[i]
        if not unicodedata.combining(c) and c not in _COMPOSING_STARTERS:
            cuts.append(i)
    cuts.append(len(segment))
    return list(zip(cuts, cuts[1:]))


class _ChunkMap:
    """Offsets within one chunk whose NFC form differs from the chunk itself.

    The chunk is cut into pieces (a starter and what composes with it); the pieces that change
    under NFC are recorded. An offset inside a changed piece maps to the piece's start (for a
    start offset) or end (for an end offset). If cutting into pieces does not reproduce the
    NFC of the whole chunk (exotic compositions), the whole chunk is one piece.
    """

    def __init__(self, chunk: str, nfc: str):
        for mode in ("marks", "fine", "coarse"):
            self.norm_starts: list[int] = []
            self.norm_ends: list[int] = []
            self.orig_starts: list[int] = []
            self.orig_ends: list[int] = []
            parts: list[str] = []
            last = norm_len = 0
            # "marks": a letter and the combining diacritics after it (all Vietnamese needs);
            # "fine": any starter and what composes with it; "coarse": non-ASCII runs
            segments = _BASE_AND_MARKS.finditer(chunk) if mode == "marks" else _NON_ASCII_SEGMENT.finditer(chunk)
            for m in segments:
                seg = m.group()
                if mode != "marks" and unicodedata.is_normalized("NFC", seg):
                    continue
                for a, b in _pieces(seg) if mode == "fine" else [(0, len(seg))]:
                    piece = seg[a:b]
                    piece_nfc = unicodedata.normalize("NFC", piece)
                    if piece_nfc == piece:
                        continue
                    a += m.start()
                    b += m.start()
                    parts.append(chunk[last:a])
                    norm_len += a - last
                    self.norm_starts.append(norm_len)
                    self.orig_starts.append(a)
                    parts.append(piece_nfc)
                    norm_len += len(piece_nfc)
                    self.norm_ends.append(norm_len)
                    self.orig_ends.append(b)
                    last = b
            parts.append(chunk[last:])
            if "".join(parts) == nfc:
                return
        self.norm_starts, self.norm_ends = [0], [len(nfc)]
        self.orig_starts, self.orig_ends = [0], [len(chunk)]

    def start(self, p: int) -> int:
        i = bisect.bisect_right(self.norm_starts, p) - 1
        if i < 0:
            return p
        if p < self.norm_ends[i]:
            return self.orig_starts[i]
        return self.orig_ends[i] + (p - self.norm_ends[i])

    def end(self, p: int) -> int:
        i = bisect.bisect_left(self.norm_ends, p)  # first changed piece ending at or after p
        if i < len(self.norm_ends) and self.norm_starts[i] < p:
            return self.orig_ends[i]
        if i == 0:
            return p
        return self.orig_ends[i - 1] + (p - self.norm_ends[i - 1])


_CHUNK = 4096


class OffsetMap:
    """NFC form of a string, with a map from NFC offsets back to the original's.

    The string is cut into chunks of about 4 KB, always before an ASCII character (ASCII never
    composes with what precedes it, so the chunks normalize independently). Chunks that NFC
    leaves alone map by a shift; a changed chunk gets a fine map, built only when an offset
    falls inside it (citations are sparse), so the cost stays close to one `normalize` call.
    """

    def __init__(self, original: str):
        self.original = original
        self.orig_starts: list[int] = []
        self.norm_starts: list[int] = []
        self.chunks: list[tuple[int, int, int, str | None]] = []  # orig start, end, norm len, nfc
        self.fine: dict[int, _ChunkMap] = {}
        parts: list[str] = []
        pos = norm_pos = 0
        n = len(original)
        while pos < n:
            cut = min(pos + _CHUNK, n)
            while cut < n and ord(original[cut]) > 0x7F:
                cut += 1
            chunk = original[pos:cut]
            if unicodedata.is_normalized("NFC", chunk):
                nfc, changed = chunk, None
            else:
                nfc = unicodedata.normalize("NFC", chunk)
                changed = nfc
            self.orig_starts.append(pos)
            self.norm_starts.append(norm_pos)
            self.chunks.append((pos, cut, len(nfc), changed))
            parts.append(nfc)
            norm_pos += len(nfc)
            pos = cut
        self.text = "".join(parts)

    def _locate(self, p: int, at_end: bool) -> int:
        i = bisect.bisect_right(self.norm_starts, p) - 1
        if at_end and i > 0 and self.norm_starts[i] == p:
            i -= 1  # an end offset belongs to the chunk before
        if i < 0:
            return p
        orig_start, orig_end, norm_len, changed = self.chunks[i]
        local = p - self.norm_starts[i]
        if changed is None:
            return orig_start + local
        fine = self.fine.get(i)
        if fine is None:
            fine = self.fine[i] = _ChunkMap(self.original[orig_start:orig_end], changed)
        return orig_start + (fine.end(local) if at_end else fine.start(local))

    def start(self, p: int) -> int:
        return self._locate(p, False)

    def end(self, p: int) -> int:
        return self._locate(p, True)


def to_nfc(text: str) -> tuple[str, OffsetMap | None]:
    """The NFC form of `text`, and the map back to `text` (None when `text` is already NFC)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    mapping = OffsetMap(text)
    return mapping.text, mapping
