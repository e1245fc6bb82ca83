"""A `Site` in memory for the tests of the page views (generator/publish/*_view*.py): documents
written as YAML by `doc`, resolved on a fixed build date, with a registry whose names only sort
right in Vietnamese order ("Đảng ủy" and "Ủy ban" come after "Z" by code point)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

from tests.support.corpus import REFERENCES, make_sources

SITE_URL = "https://example.github.io/open-directives/"
BUILD_DATE = dt.date(2026, 11, 21)
ISSUER = "da-nang/ban-thuong-vu-thanh-uy"

JURISDICTIONS = """\
- {id: da-nang, name: Thành phố Đà Nẵng, short_name: Đà Nẵng}
- {id: ha-noi, name: Thành phố Hà Nội, short_name: Hà Nội}
- {id: bac-ninh, name: Tỉnh Bắc Ninh, short_name: Bắc Ninh}
"""

DA_NANG = """\
- id: da-nang/thanh-uy
  name: Thành ủy Đà Nẵng
  aliases: [Thành ủy]
  header: [THÀNH ỦY ĐÀ NẴNG]
- id: da-nang/ban-thuong-vu-thanh-uy
  name: Ban Thường vụ Thành ủy Đà Nẵng
  aliases: [Ban Thường vụ Thành ủy]
  parent: da-nang/thanh-uy
  header: [THÀNH ỦY ĐÀ NẴNG]
- id: da-nang/van-phong-thanh-uy
  name: Văn phòng Thành ủy Đà Nẵng
  aliases: [Văn phòng Thành ủy]
  parent: da-nang/thanh-uy
- id: da-nang/uy-ban-kiem-tra-thanh-uy
  name: Ủy ban Kiểm tra Thành ủy Đà Nẵng
  aliases: [Ủy ban Kiểm tra Thành ủy]
  parent: da-nang/thanh-uy
- id: da-nang/dang-uy-khoi
  name: Đảng ủy Khối các cơ quan thành phố
  aliases: [Đảng ủy Khối]
- id: da-nang/ban-dan-van-thanh-uy
  name: Ban Dân vận Thành ủy Đà Nẵng
  aliases: [Ban Dân vận Thành ủy]
  parent: da-nang/thanh-uy
"""

HA_NOI = """\
- id: ha-noi/thanh-uy
  name: Thành ủy Hà Nội
  aliases: [Thành ủy]
"""

BAC_NINH = """\
- id: bac-ninh/tinh-uy
  name: Tỉnh ủy Bắc Ninh
  aliases: [Tỉnh ủy]
"""

ORGANIZATIONS = {"da-nang": DA_NANG, "ha-noi": HA_NOI, "bac-ninh": BAC_NINH}


def day(value: str, source: str = "printed", cited_in: str | None = None) -> str:
    """A date of issue: "2021-08-05" (day), "2016-02" (month) or "2015" (year)."""
    precision = {10: "day", 7: "month", 4: "year"}[len(value)]
    cited = f", cited_in: {cited_in}" if cited_in else ""
    return f'{{value: "{value}", precision: {precision}, source: {source}{cited}}}'


def unknown(not_before: str | None = None, note: str | None = None) -> str:
    parts = ["precision: unknown"]
    if not_before:
        parts.append(f"not_before: '{not_before}'")
    if note:
        parts.append(f"note: {json.dumps(note, ensure_ascii=False)}")
    return "{" + ", ".join(parts) + "}"


def numbered_items(count: int) -> str:
    """A body of `count` numbered items ("1. Việc 1." …), as YAML lines, for tasks to sit in
    (units muc-1, muc-2…)."""
    return "".join(f"  - {{type: item, number: '{i}', text: 'Việc {i}.'}}\n" for i in range(1, count + 1))


def doc(
    doc_id: str,
    kind: str = "chi-thi",
    number: str | None = None,
    date: str = day("2021-08-05"),
    title: str = "về thử nghiệm",
    body: str = "  - Nội dung.\n",
    extra: str = "",
    issuer: str = ISSUER,
    number_source: str = "printed",
    number_cited_in: str | None = None,
) -> str:
    """A document's YAML; `body` and `extra` are YAML lines (`extra`: relations, tasks…)."""
    number_line = ""
    if number:
        cited = f", cited_in: {number_cited_in}" if number_cited_in else ""
        number_line = f"number: {{value: {number}, source: {number_source}{cited}}}\n"
    return (
        f"id: {doc_id}\nkind: {kind}\nissuer: {issuer}\nsystem: party\n{number_line}date: {date}\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\nbody:\n{body}source: {{file: nguon.txt}}\n{extra}"
    )


def make_site(
    documents: Iterable[str],
    build_date: dt.date = BUILD_DATE,
    references: str | None = REFERENCES,
    organizations: dict[str, str] | None = None,
):
    """The documents resolved on `build_date`, as the page builders get them."""
    from generator.link.resolve import resolve
    from generator.publish.site import Site

    sources = make_sources(
        documents,
        organizations=ORGANIZATIONS if organizations is None else organizations,
        jurisdictions=JURISDICTIONS,
        references=references,
    )
    return Site(resolve(sources.corpus, build_date), Path("data"), SITE_URL)
