"""Stage 3, model: the records of generator/corpus/model.py built from validated plain data.

A document built with its YAML file's positions keeps only those of the values later stages
report at (`located_paths`): the tables of a whole file cost more memory than its model.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from generator.corpus.diagnostics import DataPath, Origin
from generator.corpus.markup import parse_text
from generator.corpus.model import (
    Block,
    CatalogEntry,
    CitationPin,
    DocDate,
    DocNumber,
    Document,
    Footnote,
    Organization,
    Period,
    Recipient,
    Report,
    Role,
    Signer,
    StatedRelation,
    Task,
)
from generator.vn import anchors
from generator.vn.dates import PartialDate


def _day(text: str) -> dt.date:
    return PartialDate.parse(text).value


def make_date(raw: dict[str, Any]) -> DocDate:
    return DocDate(
        precision=raw["precision"],
        value=_day(raw["value"]) if raw.get("value") else None,
        source=raw.get("source"),
        cited_in=raw.get("cited_in"),
        not_before=_day(raw["not_before"]) if raw.get("not_before") else None,
        note=raw.get("note"),
    )


def make_blocks(raw: list[Any], parent_anchor: str, depth: int, numbers: tuple[str, ...] = ()) -> list[Block]:
    blocks: list[Block] = []
    unnumbered = 0
    for item in raw:
        spec: dict[str, Any] = {"type": "paragraph", "text": item} if isinstance(item, str) else item
        number = spec.get("number")
        if number is not None:
            anchor, path = anchors.numbered(spec["type"], number, numbers)
        else:
            unnumbered += 1
            anchor, path = anchors.unnumbered(parent_anchor, unnumbered), numbers
        marker = spec.get("marker")
        if marker is None and spec["type"] == "dash":
            marker = "-"
        blocks.append(
            Block(
                type=spec["type"],
                anchor=anchor,
                depth=depth,
                number=number,
                marker=marker,
                heading=parse_text(spec["heading"]) if spec.get("heading") else None,
                text=parse_text(spec["text"]) if spec.get("text") else None,
                children=make_blocks(spec.get("children", []), anchor, depth + 1, path),
            )
        )
    return blocks


def make_document(raw: dict[str, Any], origin: Origin | str = "") -> Document:
    """`origin`: the YAML file, as its path, or with its positions (see `located_paths`)."""
    number = raw.get("number")
    signer = raw.get("signer")
    period = raw.get("period")
    source = raw["source"]
    document = Document(
        id=raw["id"],
        kind=raw["kind"],
        issuer=raw["issuer"],
        system=raw["system"],
        date=make_date(raw["date"]),
        title=parse_text(raw["title"]),
        source_file=source["file"],
        source_note=source.get("note"),
        source_url=source.get("url"),
        number=DocNumber(**number) if number else None,
        place=raw.get("place"),
        heading=list(raw.get("heading", [])),
        subtitle=parse_text(raw["subtitle"]) if raw.get("subtitle") else None,
        period=Period(period["start"], period["end"]) if period else None,
        topics=list(raw.get("topics", [])),
        preamble=make_blocks(raw.get("preamble", []), anchors.PREAMBLE, 0),
        body=make_blocks(raw.get("body", []), "", 0),
        footnotes=[
            Footnote(id=f["id"], text=parse_text(f["text"]), marker=f.get("marker")) for f in raw.get("footnotes", [])
        ],
        signer=Signer(**signer) if signer else None,
        recipients=[Recipient(**r) for r in raw.get("recipients", [])],
        recipients_note=raw.get("recipients_note"),
        attachments=list(raw.get("attachments", [])),
        tasks=[
            Task(
                id=t["id"],
                unit=t["unit"],
                lead=list(t.get("lead", [])),
                support=list(t.get("support", [])),
                deadline=t.get("deadline"),
                summary=t.get("summary"),
                reports=[
                    Report(date=_day(r["date"]), status=r["status"], note=r.get("note"), link=r.get("link"))
                    for r in t.get("reports", [])
                ],
            )
            for t in raw.get("tasks", [])
        ],
        citations=[CitationPin(c["text"], c["target"]) for c in raw.get("citations", [])],
        relations=[StatedRelation(r["type"], r["target"]) for r in raw.get("relations", [])],
        origin=Origin(origin) if isinstance(origin, str) else origin,
    )
    if not isinstance(origin, str):
        document.origin = origin.keep(located_paths(document))
    return document


def located_paths(document: Document) -> Iterator[DataPath]:
    """The values of a document that rules across files and the link stage report at."""
    yield ("id",)
    yield ("issuer",)
    yield ("citations",)
    for key in ("number", "date"):
        yield (key, "cited_in")
    yield ("number", "value")
    yield ("number", "printed_as")
    yield ("date", "value")
    yield ("date", "not_before")
    for i in range(len(document.attachments)):
        yield ("attachments", i)
    for i in range(len(document.relations)):
        yield ("relations", i, "target")
    for i, task in enumerate(document.tasks):
        yield ("tasks", i, "deadline")
        for role in Role:
            for j in range(len(task.names(role))):
                yield ("tasks", i, role.value, j)
        for j in range(len(task.reports)):
            yield ("tasks", i, "reports", j, "date")
    for text_field in document.text_fields():
        yield text_field.path


def make_catalog_entry(raw: dict[str, Any]) -> CatalogEntry:
    date = raw.get("date")
    return CatalogEntry(
        id=raw["id"],
        kind=raw["kind"],
        issuer=raw["issuer"],
        number=raw.get("number"),
        date=PartialDate.parse(date) if date else None,
        title=raw.get("title"),
        url=raw.get("url"),
    )


def make_organization(raw: dict[str, Any]) -> Organization:
    return Organization(
        id=raw["id"],
        name=raw["name"],
        jurisdiction=raw["id"].split("/", 1)[0],
        aliases=list(raw.get("aliases", [])),
        parent=raw.get("parent"),
        header=list(raw.get("header", [])),
        abbreviation=raw.get("abbreviation"),
        local_aliases=list(raw.get("local_aliases", [])),
        group=bool(raw.get("group", False)),
    )
