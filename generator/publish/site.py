"""What every page view is built from: the resolved corpus, its cross-reference facts and the
build's settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.corpus.model import Corpus
from generator.link.resolve import Resolved
from generator.publish.links import DocLink, Linker
from generator.publish.views import Views


@dataclass
class Site:
    resolved: Resolved
    data_dir: Path
    site_url: str = ""
    views: Views = field(init=False)

    def __post_init__(self) -> None:
        self.views = Views(self.resolved)

    @property
    def corpus(self) -> Corpus:
        return self.resolved.corpus

    @property
    def build_date(self) -> dt.date:
        return self.resolved.build_date

    def doc_link(self, target: str, link: Linker) -> DocLink:
        """A link to a published document or a catalog entry, from the page of `link`."""
        item = self.corpus.citable(target)
        return DocLink(link(self.views.target_url(target)), self.views.target_label(target), not item.published)

    def org_name(self, org_id: str) -> str:
        return self.corpus.organizations[org_id].name

    def prepare(self) -> None:
        """Build the shared lookup tables once, before worker processes fork."""
        self.views.prepare()
