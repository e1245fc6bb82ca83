"""Stage 3, model: typed, immutable-by-convention objects built from validated data.

Published documents (`Document`) and catalogued ones (`CatalogEntry`, cited but not published
here) both satisfy `Citable`: whatever a citation can point at has an id, a kind, a label, a
title, a date of issue (`issued`, a `PartialDate` or None) and a date to sort by. Code that
shows or orders a cited document uses `Corpus.citable(id)` and this protocol, not two branches.

The records are built from validated data in `generator/corpus/builders.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Iterator, Optional, Protocol

from generator.corpus.diagnostics import Origin
from generator.corpus.markup import Text
from generator.vn.dates import PartialDate, Precision
from generator.vn.kinds import KINDS


@dataclass
class Jurisdiction:
    id: str
    name: str  # "Thành phố Đà Nẵng"
    short_name: str  # "Đà Nẵng"


@dataclass
class Organization:
    id: str  # "<jurisdiction>/<slug>"
    name: str
    jurisdiction: str
    aliases: list[str] = field(default_factory=list)
    parent: Optional[str] = None
    header: list[str] = field(default_factory=list)  # lines printed top-left on its documents
    abbreviation: Optional[str] = None
    local_aliases: list[str] = field(default_factory=list)  # names used only inside the parent's documents
    group: bool = False  # a collective addressee ("Các cấp ủy đảng"), not one body


@dataclass
class DocDate:
    precision: str  # day | month | year | unknown
    value: Optional[dt.date] = None  # first day of the known period
    source: Optional[str] = None
    cited_in: Optional[str] = None
    not_before: Optional[dt.date] = None
    note: Optional[str] = None

    @property
    def known(self) -> bool:
        return self.precision != "unknown" and self.value is not None

    @property
    def issued(self) -> Optional[PartialDate]:
        """The date of issue at its precision; None when unknown."""
        if self.value is None or self.precision == "unknown":
            return None
        return PartialDate(self.value, Precision(self.precision))


@dataclass
class DocNumber:
    value: str
    source: str  # printed | cited
    printed_as: Optional[str] = None
    cited_in: Optional[str] = None
    note: Optional[str] = None

    @property
    def as_printed(self) -> str:
        """The number as the header prints it, without the "Số:" label."""
        if not self.printed_as:
            return self.value
        return re.sub(r"^\s*Số\s*:?\s*", "", self.printed_as)


class Citable(Protocol):
    """A document a citation can point at: published here, or only catalogued."""

    @property
    def id(self) -> str: ...  # "<jurisdiction>/<slug>"

    @property
    def kind(self) -> str: ...

    @property
    def published(self) -> bool: ...  # it has its own page with the full text

    @property
    def jurisdiction(self) -> str: ...

    @property
    def kind_name(self) -> str: ...

    @property
    def symbol(self) -> Optional[str]: ...  # the number (số, ký hiệu), canonical; None when unknown

    @property
    def issued(self) -> Optional[PartialDate]: ...  # date of issue at its precision; None when unknown

    @property
    def title_text(self) -> str: ...  # plain title; "" when unknown

    @property
    def sort_date(self) -> dt.date: ...  # the earliest the document can be dated (dt.date.min if unknown)

    def label(self) -> str: ...  # "Chỉ thị 08-CT/TU"


class _Identified:
    """Published documents and catalog entries: id "<jurisdiction>/<slug>" and a kind."""

    id: str
    kind: str

    @property
    def jurisdiction(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def kind_name(self) -> str:
        return KINDS[self.kind]


@dataclass
class Block:
    type: str  # part chapter article item point dash paragraph heading
    anchor: str
    depth: int
    number: Optional[str] = None
    marker: Optional[str] = None
    heading: Optional[Text] = None
    text: Optional[Text] = None
    children: list["Block"] = field(default_factory=list)

    @property
    def numbered(self) -> bool:
        return self.number is not None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Footnote:
    id: str
    text: Text
    marker: Optional[str] = None


@dataclass
class Signer:
    authority: Optional[str] = None
    position: Optional[str] = None
    name: Optional[str] = None


@dataclass
class Recipient:
    name: str
    note: Optional[str] = None


@dataclass
class Report:
    date: dt.date
    status: str  # done | in-progress
    note: Optional[str] = None
    link: Optional[str] = None


class Role(StrEnum):
    """What an organization does in a task: leads it (chủ trì) or supports it (phối hợp)."""

    LEAD = "lead"
    SUPPORT = "support"


@dataclass
class Task:
    id: str
    unit: str
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline: Optional[str] = None
    summary: Optional[str] = None
    reports: list[Report] = field(default_factory=list)

    def names(self, role: Role) -> list[str]:
        """The organization names as written for `role`."""
        return self.lead if role is Role.LEAD else self.support


@dataclass(frozen=True)
class Period:
    """The implementation period a document names ("giai đoạn 2021-2025"), in years."""

    start: int
    end: int


@dataclass(frozen=True)
class CitationPin:
    """A citation resolved by hand (YAML `citations`): the text as found, and its target."""

    text: str
    target: str


@dataclass(frozen=True)
class StatedRelation:
    """A relation written in the YAML (`relations`): its type and target document."""

    type: str
    target: str


@dataclass(frozen=True)
class TextField:
    """One text of a document, with where it is on the page and in the YAML file."""

    anchor: str  # block anchor; "van-ban" for title and subtitle; "fn-<id>" for a footnote
    field: str  # "title" | "subtitle" | "heading" | "text" | "footnote"
    text: Text
    path: tuple[str | int, ...]  # data path in the YAML file
    footnote: Optional[str] = None  # the footnote id, for a footnote


@dataclass
class Document(_Identified):
    id: str
    kind: str
    issuer: str
    system: str
    date: DocDate
    title: Text
    source_file: str
    number: Optional[DocNumber] = None
    place: Optional[str] = None
    heading: list[str] = field(default_factory=list)
    subtitle: Optional[Text] = None
    period: Optional[Period] = None
    topics: list[str] = field(default_factory=list)
    preamble: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    signer: Optional[Signer] = None
    recipients: list[Recipient] = field(default_factory=list)
    recipients_note: Optional[str] = None
    attachments: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    citations: list[CitationPin] = field(default_factory=list)
    relations: list[StatedRelation] = field(default_factory=list)
    source_note: Optional[str] = None
    source_url: Optional[str] = None
    # Its YAML file and the positions later stages report at (see builders.located_paths).
    origin: Origin = field(default_factory=lambda: Origin(""), compare=False, repr=False)

    @property
    def yaml_path(self) -> str:
        """Repository-relative path of the YAML file."""
        return self.origin.path

    @property
    def heading_lines(self) -> list[str]:
        return self.heading or [self.kind_name.upper()]

    def blocks(self):
        for block in self.preamble + self.body:
            yield from block.walk()

    def text_fields(self) -> Iterator[TextField]:
        """Every text field in reading order: title, subtitle, block headings and texts, footnotes."""
        yield TextField("van-ban", "title", self.title, ("title",))
        if self.subtitle:
            yield TextField("van-ban", "subtitle", self.subtitle, ("subtitle",))

        def walk(blocks: list[Block], path: tuple[str | int, ...]) -> Iterator[TextField]:
            for i, block in enumerate(blocks):
                if block.heading:
                    yield TextField(block.anchor, "heading", block.heading, path + (i, "heading"))
                if block.text:
                    yield TextField(block.anchor, "text", block.text, path + (i, "text"))
                yield from walk(block.children, path + (i, "children"))

        yield from walk(self.preamble, ("preamble",))
        yield from walk(self.body, ("body",))
        for i, note in enumerate(self.footnotes):
            yield TextField(f"fn-{note.id}", "footnote", note.text, ("footnotes", i, "text"), note.id)

    def texts(self) -> list[Text]:
        """Every text field in reading order: title, subtitle, block headings and texts, footnotes."""
        return [text_field.text for text_field in self.text_fields()]

    @property
    def published(self) -> bool:
        return True

    @property
    def symbol(self) -> Optional[str]:
        return self.number.value if self.number else None

    @property
    def issued(self) -> Optional[PartialDate]:
        return self.date.issued

    @property
    def title_text(self) -> str:
        return self.title.plain

    @property
    def sort_date(self) -> dt.date:
        return self.date.value or self.date.not_before or dt.date.min

    def label(self) -> str:
        """Short human name: "Chỉ thị 08-CT/TU" or "Chỉ thị (không rõ số)"."""
        if self.number:
            return f"{self.kind_name} {self.number.value}"
        return f"{self.kind_name} (không rõ số)"


@dataclass
class CatalogEntry(_Identified):
    """A cited document that is not published here (data/references.yaml)."""

    id: str
    kind: str
    issuer: str  # as the citing texts name it
    number: Optional[str] = None
    date: Optional[PartialDate] = None
    title: Optional[str] = None
    url: Optional[str] = None

    @property
    def published(self) -> bool:
        return False

    @property
    def symbol(self) -> Optional[str]:
        return self.number

    @property
    def issued(self) -> Optional[PartialDate]:
        return self.date

    @property
    def title_text(self) -> str:
        return self.title or ""

    @property
    def sort_date(self) -> dt.date:
        return self.date.value if self.date else dt.date.min

    def label(self) -> str:
        if self.number:
            return f"{self.kind_name} {self.number}"
        return self.title or self.kind_name


@dataclass
class Corpus:
    documents: dict[str, Document]
    organizations: dict[str, Organization]
    jurisdictions: dict[str, Jurisdiction]
    catalog: dict[str, CatalogEntry] = field(default_factory=dict)

    def find(self, doc_id: str) -> Optional[Citable]:
        """The published document or catalog entry with this id, if any."""
        document = self.documents.get(doc_id)
        return document if document is not None else self.catalog.get(doc_id)

    def citable(self, doc_id: str) -> Citable:
        """The published document or catalog entry with this id; KeyError if neither."""
        found = self.find(doc_id)
        if found is None:
            raise KeyError(doc_id)
        return found

    def citables(self) -> Iterator[Citable]:
        """Every published document, then every catalog entry."""
        yield from self.documents.values()
        yield from self.catalog.values()
