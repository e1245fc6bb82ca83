"""generator/publish/links.py: every link a page prints is relative to that page (the site works
from any folder and from a file:// copy), and a timeline entry is a timeline item made printable:
its date as far as known, in the one numeric spelling, and a link only when it has a page."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.publish.links import Linker, TimelineEntry, timeline_entries
from generator.publish.views import TimelineItem
from generator.vn.dates import PartialDate, Precision


@pytest.mark.parametrize(
    "page, url, expected",
    [
        ("", "van-ban/da-nang/x/", "van-ban/da-nang/x/"),  # the home page
        ("van-ban/da-nang/x/", "van-ban/da-nang/y/", "../y/"),
        ("van-ban/da-nang/x/", "co-quan/da-nang/y/", "../../../co-quan/da-nang/y/"),
        ("van-ban/da-nang/x/", "van-ban/da-nang/x/", "./"),  # itself
        ("van-ban/da-nang/x/", "van-ban/da-nang/x/#muc-1", "#muc-1"),  # a unit on the same page
        ("nhiem-vu/", "van-ban/da-nang/x/#nhiem-vu-a", "../van-ban/da-nang/x/#nhiem-vu-a"),
        ("nhiem-vu/", "api/tasks.csv", "../api/tasks.csv"),  # a file
        ("co-quan/da-nang/y/chu-tri/", "co-quan/da-nang/y/", "../"),
        ("van-ban/da-nang/x/", "", "../../../"),  # the site root
    ],
)
def test_a_linker_makes_links_relative_to_its_page(page, url, expected):
    link = Linker(page)
    assert link(url) == expected and link.page_url == page


def test_a_linker_never_leaves_the_site_or_names_a_host():
    for page in ("", "nam/2021/", "van-ban/da-nang/x/"):
        found = Linker(page)("van-ban/da-nang/y/")
        assert "//" not in found and not found.startswith("/")


ITEMS = [
    TimelineItem(PartialDate(dt.date(2021, 8, 5)), "document", "Chỉ thị 08-CT/TU", "van-ban/da-nang/x/",
                 "về dân vận", True, "da-nang/x"),
    TimelineItem(PartialDate(dt.date(2016, 2, 1), Precision.MONTH), "catalog", "Công văn 12-CV/TU",
                 "tham-chieu/da-nang/y/"),
    TimelineItem(PartialDate(dt.date(2015, 1, 1), Precision.YEAR), "document", "Nghị quyết 01-NQ/TU"),
    TimelineItem(PartialDate(dt.date(2021, 9, 30)), "deadline", "Nhiệm vụ 1", "van-ban/da-nang/x/#nhiem-vu-a",
                 "hạn cuối 30/9/2021"),
]  # fmt: skip


def test_timeline_entries_print_each_date_as_far_as_known_and_link_from_the_page():
    assert timeline_entries(ITEMS, Linker("van-ban/da-nang/x/")) == [
        TimelineEntry("document", True, "2021-08-05", "05/8/2021", "./", "Chỉ thị 08-CT/TU", "về dân vận"),
        TimelineEntry("catalog", False, "2016-02", "tháng 02/2016", "../../../tham-chieu/da-nang/y/",
                      "Công văn 12-CV/TU", ""),
        TimelineEntry("document", False, "2015", "2015", None, "Nghị quyết 01-NQ/TU", ""),  # no page: no link
        TimelineEntry("deadline", False, "2021-09-30", "30/9/2021", "#nhiem-vu-a", "Nhiệm vụ 1", "hạn cuối 30/9/2021"),
    ]  # fmt: skip


def test_timeline_entries_keep_the_order_they_are_given():
    entries = timeline_entries(list(reversed(ITEMS)), Linker(""))
    assert [e.label for e in entries] == [i.label for i in reversed(ITEMS)]
    assert timeline_entries([], Linker("")) == []
