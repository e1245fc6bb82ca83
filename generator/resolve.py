"""Stage 4, resolve: what follows from the documents taken together.

Indexes (by kind, issuer, year, jurisdiction), attachment links both ways, and the
implementation-period status computed against a fixed build date.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from generator.model import Corpus, Document


@dataclass
class Resolved:
    corpus: Corpus
    build_date: dt.date
    issued_with: dict[str, str] = field(default_factory=dict)  # attachment id -> issuing document id
    newest_first: list[str] = field(default_factory=list)
    by_kind: dict[str, list[str]] = field(default_factory=dict)
    by_issuer: dict[str, list[str]] = field(default_factory=dict)
    by_year: dict[int | None, list[str]] = field(default_factory=dict)
    by_jurisdiction: dict[str, list[str]] = field(default_factory=dict)

    def document(self, doc_id: str) -> Document:
        return self.corpus.documents[doc_id]


def sort_key(document: Document) -> tuple:
    """Newest first; an unknown date sorts by the earliest it can be, then by id."""
    date = document.date.value or document.date.not_before or dt.date.min
    return (-date.toordinal(), document.id)


def year_of(document: Document) -> int | None:
    return document.date.value.year if document.date.known else None


def period_status(document: Document, today: dt.date) -> str | None:
    if not document.period:
        return None
    start, end = document.period
    if today.year > end:
        return "Giai đoạn thực hiện đã kết thúc"
    if today.year < start:
        return "Chưa đến giai đoạn thực hiện"
    return "Đang trong giai đoạn thực hiện"


def resolve(corpus: Corpus, build_date: dt.date) -> Resolved:
    ordered = sorted(corpus.documents.values(), key=sort_key)
    resolved = Resolved(corpus=corpus, build_date=build_date, newest_first=[d.id for d in ordered])
    indexes = {
        "by_kind": (lambda d: d.kind),
        "by_issuer": (lambda d: d.issuer),
        "by_year": year_of,
        "by_jurisdiction": (lambda d: d.jurisdiction),
    }
    for name, key in indexes.items():
        groups: dict = defaultdict(list)
        for document in ordered:
            groups[key(document)].append(document.id)
        setattr(resolved, name, dict(groups))
    for document in ordered:
        for attachment in document.attachments:
            resolved.issued_with[attachment] = document.id
    return resolved
