"""Regular-expression pieces shared by the citation parsers: white space, syllables, kind words."""

from __future__ import annotations

import re

from generator.vn import kinds

SP = r"[^\S\n]"  # horizontal white space
WS = r"\s"
HYPHENS = "-–‐‑"
SYLLABLE = re.compile(r"[^\W\d_]+")
# The space between two words of a phrase: a short run, across at most one line break.
SPACES = re.compile(r"[^\S\n]{1,3}\n?[^\S\n]{0,3}|\n[^\S\n]{0,3}")
WHITE_RUN = re.compile(r"\s+")

# Kind names and aliases, longer first: the alternation is tried left to right.
KIND_WORDS: list[tuple[str, str]] = kinds.kind_words()
KIND_BY_WORD = {w: k for w, k in KIND_WORDS}
KIND_ALT = "|".join(re.escape(w) for w, _ in KIND_WORDS)
# A capitalised kind word (stops an issuer phrase or a law title).
KIND_CAP = re.compile("(?:" + "|".join(re.escape(w[0].upper() + w[1:]) for w, _ in KIND_WORDS) + r")(?![^\W\d_])")


def spaced(phrase: str) -> str:
    """Regex for a phrase whose spaces may be any short run of white space (line breaks)."""
    return re.escape(phrase).replace(r"\ ", r"\s{1,3}")


def clean(phrase: str) -> str:
    """A phrase as reported: runs of white space made one space."""
    return WHITE_RUN.sub(" ", phrase)
