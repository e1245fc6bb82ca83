"""The organization registry as the importer matches names against it: folded names, aliases
and abbreviations of one jurisdiction's organizations (plus central bodies), and the internal
names of the issuer's own units. A name is never looked up in another province's registry:
"UBND tỉnh" of Hà Tĩnh is not the UBND tỉnh of a document from Quảng Trị."""

from __future__ import annotations

import re
from typing import Optional

from generator.corpus.model import Organization
from generator.vn.text import fold_words

__all__ = ["Registry"]

_HARD_GAP = re.compile(r"[.;:!?\n]")


class Registry:
    """Folded organization names of one jurisdiction (plus central bodies and the internal
    names of the issuer's units), for matching names inside running text."""

    def __init__(
        self,
        organizations: dict[str, Organization] | None,
        jurisdiction: Optional[str] = None,
        issuer: Optional[str] = None,
    ):
        organizations = organizations or {}
        self.organizations = organizations
        self.names: dict[str, str] = {}  # folded name -> organization id
        ancestors = set()
        org_id = issuer
        while org_id and org_id not in ancestors:
            ancestors.add(org_id)
            org_id = organizations[org_id].parent if org_id in organizations else None
        for org in organizations.values():
            if org.jurisdiction not in (jurisdiction, "trung-uong"):
                continue  # no jurisdiction: central bodies only
            for name in [org.name, *org.aliases] + ([org.abbreviation] if org.abbreviation else []):
                self.names.setdefault(fold_words(name), org.id)
            if org.parent in ancestors:
                for name in org.local_aliases:
                    self.names[fold_words(name)] = org.id
        self.longest = max((len(n.split()) for n in self.names), default=0)

    def match(self, name: str) -> Optional[str]:
        return self.names.get(fold_words(name))

    def match_at(self, text: str, tokens: list[re.Match], i: int) -> int | None:
        """Index of the last token of the longest registry name starting at token i."""
        for length in range(min(self.longest, len(tokens) - i), 0, -1):
            span = tokens[i : i + length]
            if any(_HARD_GAP.search(text[a.end() : b.start()]) for a, b in zip(span, span[1:])):
                continue
            key = " ".join(fold_words(t.group()) for t in span)
            if key in self.names:
                return i + length - 1
        return None
