"""generator/publish/paging.py: lists over pages, and the pager's links."""

from __future__ import annotations

from generator.publish.links import Linker
from generator.publish.paging import Pager, chunks, paged, pager_view


def test_chunks_and_pages():
    assert chunks([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert chunks([], 2) == [[]]
    assert [(url, list(items), pager) for url, items, pager in paged("nam/2021/", [1, 2, 3], 5)] == [
        ("nam/2021/", [1, 2, 3], None)
    ]
    urls = [url for url, _, _ in paged("nam/2021/", list(range(7)), 3)]
    assert urls == ["nam/2021/", "nam/2021/trang-2/", "nam/2021/trang-3/"]


def test_the_pager_links_first_last_and_neighbours_with_gaps():
    view = pager_view(Pager(5, 9, "nam/2021/"), Linker("nam/2021/trang-5/"))
    assert view is not None and (view.number, view.count) == (5, 9)
    assert view.links == [
        (1, "../"),
        (None, None),
        (3, "../trang-3/"),
        (4, "../trang-4/"),
        (5, ""),
        (6, "../trang-6/"),
        (7, "../trang-7/"),
        (None, None),
        (9, "../trang-9/"),
    ]
    assert pager_view(None, Linker("x/")) is None
