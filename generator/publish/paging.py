"""Long lists split over pages (…/trang-2/, …/trang-3/) so that no page grows with the corpus."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional, Sequence, TypeVar

from generator.publish.links import Linker

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    """Page `number` of `count` of a list whose first page is at `first_url` (then …/trang-N/)."""

    number: int
    count: int
    first_url: str

    def url(self, n: int) -> str:
        return self.first_url if n == 1 else f"{self.first_url}trang-{n}/"

    def shown(self) -> list[int]:
        """The page numbers the pager links: first, last, and two either side of this one."""
        return sorted({1, self.count, *range(max(1, self.number - 2), min(self.count, self.number + 2) + 1)})


@dataclass(frozen=True)
class PagerView:
    number: int
    count: int
    links: list[tuple[Optional[int], Optional[str]]]  # (n, href); href "" for this page; (None, None) for a gap


def pager_view(pager: Optional[Pager], link: Linker) -> Optional[PagerView]:
    if pager is None:
        return None
    links: list[tuple[Optional[int], Optional[str]]] = []
    previous = 0
    for n in pager.shown():
        if previous and n > previous + 1:
            links.append((None, None))
        links.append((n, "" if n == pager.number else link(pager.url(n))))
        previous = n
    return PagerView(pager.number, pager.count, links)


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` in pieces of `size`; one (possibly empty) piece when short."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items]


def paged(url: str, items: Sequence[T], size: int) -> Iterator[tuple[str, Sequence[T], Optional[Pager]]]:
    """(page URL, its items, its pager) for `items` over as many pages as it takes; no pager
    when one page holds them all."""
    pieces = chunks(items, size)
    for n, piece in enumerate(pieces, 1):
        pager = Pager(n, len(pieces), url) if len(pieces) > 1 else None
        yield (pager.url(n) if pager else url), piece, pager
