"""What the extractor reports (`Citation`), and what it finds on the way (`Found`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.vn.citations.numbers import Symbol

__all__ = ["Citation", "Found"]


@dataclass(frozen=True)
class Citation:
    text: str  # exactly input[start:end]
    start: int
    end: int
    kind: str | None
    number: str | None  # canonical
    date: str | None  # "YYYY-MM-DD"
    issuer: str | None  # as printed, white space made one space

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "number": self.number,
            "date": self.date,
            "issuer": self.issuer,
        }


@dataclass
class Found:
    """A citation being assembled, in offsets of the normalized text."""

    start: int
    end: int
    kind: str | None
    number: str | None = None
    date: str | None = None
    issuer: tuple[int, int] | None = None  # span of the issuer phrase
    symbol: Symbol | None = None  # the parsed number
    has_kind_word: bool = False
    shared_issuer: str | None = None  # printed once after a list, taken from a later member
