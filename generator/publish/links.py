"""Views shared by every page: a link to a document, a timeline entry, a link maker for one page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from generator.publish import urls
from generator.publish.filters import vn_date
from generator.publish.views import TimelineItem


class Linker:
    """Links from one page: every URL a view holds is relative to its page."""

    def __init__(self, page_url: str):
        self.page_url = page_url

    def __call__(self, url: str) -> str:
        return urls.relative(self.page_url, url)


@dataclass(frozen=True, slots=True)
class DocLink:
    href: str
    label: str  # "Chỉ thị 08-CT/TU"
    catalog: bool = False  # only in the catalog (data/references.yaml), not published here


@dataclass(frozen=True, slots=True)
class TocEntry:
    """A line of a page's in-page contents ("Mục lục"): a part, a numbered item, a section."""

    href: str
    label: str
    children: list["TocEntry"]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    kind: str  # document | catalog | deadline
    current: bool
    iso: str
    date: str  # numeric Vietnamese date
    href: Optional[str]
    label: str
    detail: str


def timeline_entries(items: list[TimelineItem], link: Linker) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            item.kind,
            item.current,
            item.when.iso,
            vn_date(item.when),
            link(item.url) if item.url else None,
            item.label,
            item.detail,
        )
        for item in items
    ]
