"""Word-order fidelity between a source text and published text.

A source "word" is a run of letters/digits. Page-break debris (lines holding
only a page number) is dropped from the source before comparing.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

_WORD = re.compile(r"\w+")
_PAGE_NUMBER_LINE = re.compile(r"^\s*\d{1,3}\s*$")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).replace("\ufffd", " ")
    return [w.casefold() for w in _WORD.findall(text)]


def source_words(text: str) -> list[str]:
    kept = [line for line in text.splitlines() if not _PAGE_NUMBER_LINE.match(line)]
    return words("\n".join(kept))


def coverage(source: list[str], published: list[str]) -> tuple[float, list[str]]:
    """Share of source words found, in order, in the published words.

    Returns the ratio and the source words that were not matched.
    """
    if not source:
        return 1.0, []
    matcher = difflib.SequenceMatcher(a=source, b=published, autojunk=False)
    matched = [False] * len(source)
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            matched[i] = True
    missing = [w for w, ok in zip(source, matched) if not ok]
    return sum(matched) / len(source), missing
