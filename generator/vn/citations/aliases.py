"""Short names a text defines for a citation ("(sau đây gọi tắt là Chỉ thị 16)"): each later
mention of the short name is a citation of the same document (kind and number only)."""

from __future__ import annotations

import bisect
import re

from generator.vn.citations.model import Found
from generator.vn.citations.patterns import HYPHENS, KIND_ALT, SP, WHITE_RUN, WS, spaced

__all__ = ["with_aliases"]

_ALIAS_DEF = re.compile(
    rf"{WS}{{0,3}}\((?:sau đây{SP}{{1,2}})?(?:gọi|viết)(?:{SP}{{1,2}}tắt)?{SP}{{1,2}}(?:là{SP}{{1,2}})?[“\"]?"
    rf"(?P<alias>(?:{KIND_ALT}){SP}{{1,2}}(?:số{SP}{{1,2}})?\d{{1,5}}[a-z]?)[”\"]?\)",
    re.IGNORECASE,
)
_ALIAS_END = re.compile(rf"(?![\w/{HYPHENS}]|[.,]\d)")
_MAX_ALIASES = 64

Definitions = dict[str, tuple[list[int], list[Found]]]  # short name -> (where defined, cited document)


def _alias_key(alias: str) -> str:
    return WHITE_RUN.sub(" ", alias.lower())


def _definitions(text: str, found: list[Found]) -> Definitions:
    """Short names defined in parentheses right after a numbered citation, in text order."""
    definitions: Definitions = {}
    for f in found:
        if f.number is None:
            continue
        m = _ALIAS_DEF.match(text, f.end)
        if m:
            key = _alias_key(m.group("alias"))
            if key not in definitions and len(definitions) >= _MAX_ALIASES:
                continue
            starts, targets = definitions.setdefault(key, ([], []))
            starts.append(m.start("alias"))
            targets.append(f)
    return definitions


def with_aliases(text: str, found: list[Found]) -> list[Found]:
    """`found` plus the later mentions of the short names it defines.

    `found` is sorted and free of overlaps; so is the result. One pass over the text with all
    the short names at once; a mention refers to the latest definition before it.
    """
    definitions = _definitions(text, found)
    if not definitions:
        return found
    pattern = re.compile(
        r"(?<![^\W_])(?:"
        + "|".join(spaced(k) for k in sorted(definitions, key=len, reverse=True))
        + ")"
        + _ALIAS_END.pattern,
        re.IGNORECASE,
    )
    first = min(starts[0] for starts, _ in definitions.values())
    out: list[Found] = []
    i = 0
    for m in pattern.finditer(text, first):
        starts, targets = definitions[_alias_key(m.group())]
        d = bisect.bisect_right(starts, m.start()) - 1
        if d < 0:
            continue
        while i < len(found) and found[i].end <= m.start():
            out.append(found[i])
            i += 1
        if i < len(found) and found[i].start < m.end():
            continue  # inside, or overlapping, a citation already found
        if out and out[-1].end > m.start():
            continue
        target = targets[d]
        out.append(Found(m.start(), m.end(), target.kind, target.number, has_kind_word=True))
    out.extend(found[i:])
    return out
