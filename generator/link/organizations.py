"""Organization names as written in documents -> registry entries.

Names are matched after folding (case, diacritics, tone placement, đ, punctuation), so
"Thành uỷ"/"Thành ủy" or "Khoa Giáo"/"Khoa giáo" need no alias. Matching is scoped: first
the internal names of the issuer's own units ("Chi ủy", "Lãnh đạo Ban"), then every name in
the document's jurisdiction.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import Iterator

from generator.corpus.model import Organization
from generator.vn.text import fold_words


class OrganizationIndex:
    def __init__(self, organizations: dict[str, Organization]):
        self.organizations = organizations
        self.by_name: dict[tuple[str, str], set[str]] = defaultdict(set)  # (jurisdiction, folded) -> ids
        self.local: dict[tuple[str, str], set[str]] = defaultdict(set)  # (parent id, folded) -> ids
        for org in organizations.values():
            for name in [org.name, *org.aliases] + ([org.abbreviation] if org.abbreviation else []):
                self.by_name[(org.jurisdiction, fold_words(name))].add(org.id)
            for name in org.local_aliases:
                self.local[(org.parent or "", fold_words(name))].add(org.id)

    def ambiguous_names(self) -> list[tuple[str, list[str]]]:
        """Names that point at two organizations in one scope (a registry error)."""
        found = []
        for table in (self.by_name, self.local):
            for (scope, name), ids in table.items():
                if len(ids) > 1:
                    found.append((f"{scope}: {name}", sorted(ids)))
        return found

    def match(self, name: str, jurisdiction: str, issuer: str) -> str | None:
        key = fold_words(name)
        for scope in self._ancestors(issuer):
            ids = self.local.get((scope, key))
            if ids:
                return min(ids)
        ids = self.by_name.get((jurisdiction, key))
        return min(ids) if ids else None

    def candidates(self, name: str, jurisdiction: str, limit: int = 3) -> list[str]:
        names: dict[str, str] = {}  # folded name -> a spelling of it
        for org in self.organizations.values():
            if org.jurisdiction == jurisdiction:
                for alias in [org.name, *org.aliases, *org.local_aliases]:
                    names.setdefault(fold_words(alias), alias)
        close = difflib.get_close_matches(fold_words(name), list(names), n=limit, cutoff=0.5)
        return [names[c] for c in close]

    def _ancestors(self, org_id: str) -> Iterator[str]:
        seen = set()
        current: str | None = org_id
        while current and current not in seen:
            seen.add(current)
            yield current
            parent = self.organizations.get(current)
            current = parent.parent if parent else None
