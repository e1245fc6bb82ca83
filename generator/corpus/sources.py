"""What a rule across files sees: the corpus as read, and where each record came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from generator.corpus.diagnostics import Origin
from generator.corpus.load import Loaded
from generator.corpus.model import Corpus


@dataclass(frozen=True)
class Sources:
    """A published document's origin is `Document.origin`; the registries' are here."""

    data_dir: Path
    display: Callable[[Path], str]  # a path as messages show it
    corpus: Corpus
    catalog: dict[str, Origin] = field(default_factory=dict)  # catalog id -> its entry in references.yaml
    organizations: dict[str, Origin] = field(default_factory=dict)  # organization id -> its (last) entry
    jurisdiction_file: Optional[Loaded] = None  # data/jurisdictions.yaml, if it passed its schema
    organization_files: list[Loaded] = field(default_factory=list)  # data/organizations/*.yaml that did
    reference_file: Optional[Loaded] = None  # data/references.yaml, if it did
