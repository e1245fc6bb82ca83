"""Resolve every citation in every document to a published document or a catalog entry,
and derive backlinks and typed relations.

Resolution: a citation's key is (jurisdiction of its symbol, canonical number, year). A
local symbol ("08-CT/TU") belongs to the citing document's jurisdiction. A mention without
a date ("Kết luận 114-KL/TW") takes the target of an earlier dated mention of the same
number in the same document, else the only candidate; two candidates are an error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Mapping, Optional

from generator.vn import identity
import yaml

from generator.vn.citations import Citation, canonical_number, extract
from generator.corpus.diagnostics import ERROR, WARNING, Diagnostic, Sink
from generator.corpus.model import Block, Citable, Corpus, Document, TextField
from generator.vn.text import fold_words


class RelationType(StrEnum):
    """Typed relations between documents, in the order pages list them (labels: publish/labels.py)."""

    BASED_ON = "based-on"
    IMPLEMENTS = "implements"
    ISSUES = "issues"
    REPLACES = "replaces"
    AMENDS = "amends"
    REPEALS = "repeals"


_BLOCK_NOUN = {"part": "Phần", "chapter": "Chương", "article": "Điều", "item": "Mục", "point": "Điểm"}
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")
# "Thực hiện Chỉ thị số 08-CT/TU …, Kế hoạch số 20-KH/TU … và …, Ban … xây dựng kế hoạch":
# the verb opens the sentence and the first citation follows it directly.
_IMPLEMENTS = re.compile(r"^\W*(?:để\s+)?(?:tiếp tục\s+)?(?:thực hiện|triển khai(?:\s+thực hiện)?)\s*$", re.I)
_BASED_ON = re.compile(r"^\W*căn cứ\b", re.I)
_BEFORE = [
    (RelationType.REPLACES, re.compile(r"thay thế\s*(?:cho\s*)?$", re.I)),
    (RelationType.AMENDS, re.compile(r"sửa đổi,?\s*bổ sung(?:\s+một số điều của)?\s*$", re.I)),
    (RelationType.REPEALS, re.compile(r"bãi bỏ\s*$", re.I)),
]


@dataclass
class Mention:
    document_id: str
    anchor: str  # block anchor, "van-ban" for the title, "fn-<id>" for a footnote
    place: str  # human label of where it is: "Mục 3", "Phần II, Mục 1, Điểm a"
    field: str  # "text" | "heading" | "title" | "subtitle" | "footnote"
    citation: Citation
    sentence: str
    target: str  # the published document or catalog entry it resolved to


@dataclass(frozen=True)
class Relation:
    type: RelationType
    source: str
    target: str
    stated: bool  # written in YAML (or an attachment) rather than recognized from the text


@dataclass
class CrossRefs:
    """What resolution found; built once by `resolve_crossrefs`."""

    mentions: dict[tuple[str, str, str], list[Mention]] = field(default_factory=dict)  # (doc, anchor, field)
    cites: dict[str, list[str]] = field(default_factory=dict)  # doc -> targets, first-mention order
    cited_by: dict[str, list[Mention]] = field(default_factory=dict)  # target -> mentions elsewhere
    relations: list[Relation] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)  # for `python -m generator catalog`
    _outgoing: dict[str, list[Relation]] = field(init=False, repr=False, compare=False)
    _incoming: dict[str, list[Relation]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Indexed once: per-document scans would grow as n².
        self._outgoing, self._incoming = defaultdict(list), defaultdict(list)
        for relation in self.relations:
            self._outgoing[relation.source].append(relation)
            self._incoming[relation.target].append(relation)

    def outgoing(self, doc_id: str) -> list[Relation]:
        return self._outgoing.get(doc_id, [])

    def incoming(self, doc_id: str) -> list[Relation]:
        return self._incoming.get(doc_id, [])


def block_places(document: Document) -> dict[str, str]:
    """Anchor -> "Phần II, Mục 1, Điểm a" (unnumbered blocks: their numbered parent's place;
    at top level "Phần mở đầu", "Đoạn mở đầu" before the first numbered unit, "Đoạn kết" after)."""
    places: dict[str, str] = {}

    def walk(blocks: list[Block], trail: list[str], fallback: str, top: bool = False) -> None:
        seen_numbered = False
        for block in blocks:
            here = trail
            if block.number:
                seen_numbered = True
                noun = _BLOCK_NOUN.get(block.type, "Mục")
                here = trail + [f"{noun} {block.number}"]
            where = fallback if not (top and seen_numbered) else "Đoạn kết"
            places[block.anchor] = ", ".join(here) or where
            walk(block.children, here, where)

    walk(document.preamble, [], "Phần mở đầu")
    walk(document.body, [], "Đoạn mở đầu", top=True)
    return places


def _place(text_field: TextField, places: dict[str, str]) -> str:
    """Where a text is, for a reader: "Trích yếu", "Phần II, Mục 1", "Chú thích 3"."""
    if text_field.field in ("title", "subtitle"):
        return "Trích yếu"
    if text_field.footnote is not None:
        return f"Chú thích {text_field.footnote}"
    return places[text_field.anchor]


@dataclass(frozen=True)
class ExtractedField:
    """A text of a document with the citations found in it."""

    source: TextField
    place: str
    plain: str
    citations: list[Citation]


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence around [start, end) and its offset in text."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = _SENTENCE_END.search(text, end)
    finish = stop.end() if stop else len(text)
    return text[begin:finish].strip(), begin


def _year(citation: Citation) -> Optional[int]:
    if citation.date:
        return int(citation.date[:4])
    return identity.embedded_year(citation.number) if citation.number else None


def _law_key(citation: Citation) -> str:
    name = re.split(r"\s+ngày\s+\d", citation.text, maxsplit=1)[0]
    return fold_words(name)


@dataclass(frozen=True)
class _Candidate:
    doc_id: str
    year: Optional[int]  # None: matches a citation of any year


def _year_of(item: Citable) -> Optional[int]:
    """The year a citation must name to match; a catalog entry's may be read from its number."""
    if item.issued is not None:
        return item.issued.year
    if item.published or not item.symbol:
        return None
    return identity.embedded_year(item.symbol)


class _Index:
    """(scope, number) -> candidates over published documents and the catalog; laws by name."""

    def __init__(self, corpus: Corpus):
        self.by_number: dict[tuple[str, str], list[_Candidate]] = defaultdict(list)
        self.laws: dict[str, str] = {}
        for item in corpus.citables():
            if item.symbol:
                self.by_number[(item.jurisdiction, item.symbol)].append(_Candidate(item.id, _year_of(item)))
            elif not item.published and item.kind == "luat" and item.title_text:
                self.laws[fold_words(item.title_text)] = item.id

    def candidates(self, scope: str, number: str, year: Optional[int]) -> list[str]:
        found = self.by_number.get((scope, number), [])
        return [c.doc_id for c in found if year is None or c.year == year or c.year is None]


def _paste_entry(citation: Citation, scope: str) -> str:
    """A one-line catalog entry, quoted so that a comma or a colon in a value stays in it."""
    year = _year(citation)
    entry = {
        "id": identity.catalog_id(citation.kind or "cong-van", citation.number, year, scope),
        "kind": citation.kind or "cong-van",
    }
    if citation.number:
        entry["number"] = citation.number
    if citation.date:
        entry["date"] = citation.date
    entry["issuer"] = citation.issuer or "…"
    flow = yaml.safe_dump(entry, allow_unicode=True, default_flow_style=True, sort_keys=False, width=10**6).strip()
    return f"- {flow}"


@dataclass(frozen=True)
class Unresolved:
    """A citation no published document or catalog entry matches (see `python -m generator catalog`)."""

    document_id: str
    path: tuple  # where in the document: ("body", 2, "text")
    citation: Citation
    scope: str  # the jurisdiction its symbol belongs to


def pin_number(text: str) -> Optional[str]:
    """The canonical number a hand pin names: "Chỉ thị số 29-CT/TU", or the number as printed
    alone ("29- CT/TU")."""
    for citation in extract(text):
        if citation.number:
            return citation.number
    return canonical_number(text.strip())


Citations = Mapping[str, list[list[Citation]]]  # document id -> the citations of each text field


def document_citations(document: Document) -> list[list[Citation]]:
    """The citations of each text field of a document, in reading order (`text_fields`).
    Extraction is the costly part of resolution and depends on the document alone."""
    return [extract(text_field.text.plain) for text_field in document.text_fields()]


def _extracted(document: Document, citations: Optional[list[list[Citation]]]) -> list[ExtractedField]:
    """Every text of a document with its citations (extracted now unless given)."""
    places = block_places(document)
    text_fields = list(document.text_fields())
    found = citations if citations is not None else [extract(f.text.plain) for f in text_fields]
    return [
        ExtractedField(text_field, _place(text_field, places), text_field.text.plain, cited)
        for text_field, cited in zip(text_fields, found, strict=True)
    ]


def resolve_crossrefs(corpus: Corpus, sink: Sink, citations: Citations | None = None) -> CrossRefs:
    """Every document's citations resolved; what cannot be resolved reported to `sink`.
    `citations`: each document's extracted citations (`document_citations`), when the caller
    has them already (computed on every core, or from a cache); else extracted here."""
    index = _Index(corpus)
    mentions: dict[tuple[str, str, str], list[Mention]] = {}
    cites: dict[str, list[str]] = {}
    cited_by: dict[str, list[Mention]] = {}
    relations: dict[Relation, None] = {}  # ordered set: a list's `in` made this quadratic
    unresolved: list[Unresolved] = []
    for document in sorted(corpus.documents.values(), key=lambda d: d.id):
        resolver = _Resolver(corpus, index, document, sink, unresolved)
        targets: dict[str, None] = {}  # first-mention order
        for found in _extracted(document, citations.get(document.id) if citations is not None else None):
            implementing: set[int] = set()  # sentence starts opened by "Thực hiện <citation>"
            for citation in found.citations:
                target = resolver.target(citation, found.source.path)
                if target is None or target == document.id:
                    continue
                sentence, offset = _sentence(found.plain, citation.start, citation.end)
                mention = Mention(
                    document.id, found.source.anchor, found.place, found.source.field, citation, sentence, target
                )
                mentions.setdefault((document.id, mention.anchor, mention.field), []).append(mention)
                cited_by.setdefault(target, []).append(mention)
                targets[target] = None
                for relation in _recognized(mention, found.plain, offset, found.source.path, implementing):
                    relations[relation] = None
        cites[document.id] = list(targets)
        for attachment in document.attachments:
            relations[Relation(RelationType.ISSUES, document.id, attachment, True)] = None
        for stated in document.relations:
            relations[Relation(RelationType(stated.type), document.id, stated.target, True)] = None
    # A stated relation replaces one recognized between the same two documents.
    stated_pairs = {(r.source, r.target) for r in relations if r.stated}
    kept = [r for r in relations if r.stated or (r.source, r.target) not in stated_pairs]
    return CrossRefs(mentions, cites, cited_by, kept, unresolved)


def _recognized(
    mention: Mention, plain: str, sentence_start: int, path: tuple, implementing: set[int]
) -> list[Relation]:
    found = []
    head = plain[sentence_start : mention.citation.start]
    before = plain[max(0, mention.citation.start - 40) : mention.citation.start]
    if _IMPLEMENTS.match(head):
        implementing.add(sentence_start)
    if path[0] == "preamble" and _BASED_ON.match(head):
        found.append(Relation(RelationType.BASED_ON, mention.document_id, mention.target, False))
    elif sentence_start in implementing:
        found.append(Relation(RelationType.IMPLEMENTS, mention.document_id, mention.target, False))
    for kind, pattern in _BEFORE:
        if pattern.search(before):
            found.append(Relation(kind, mention.document_id, mention.target, False))
    return found


class _Resolver:
    """Resolves the citations of one document to targets, reporting what it cannot resolve."""

    def __init__(self, corpus: Corpus, index: _Index, document: Document, sink: Sink, unresolved: list[Unresolved]):
        self.corpus, self.index, self.document, self.sink = corpus, index, document, sink
        self.unresolved = unresolved
        self.local: dict[str, str] = {}  # number -> target within this document
        # A pin matches its exact text, or any citation of the number it names.
        self.pins = [(pin.text, pin_number(pin.text), pin.target) for pin in document.citations]

    def _report(self, path: tuple, severity: str, message: str, hint: str = "") -> None:
        self.sink.add(Diagnostic.at(self.document.origin.at(path), severity, message, hint))

    def target(self, citation: Citation, path: tuple) -> Optional[str]:
        for pinned_text, pinned_number, target in self.pins:
            if pinned_text == citation.text or (citation.number and pinned_number == citation.number):
                return self._pinned(citation, target)
        if citation.number:
            return self._numbered(citation, citation.number, path)
        if citation.kind == "luat":
            return self._law(citation, path)
        return None  # named resolutions etc. without a number: shown as plain text

    def _pinned(self, citation: Citation, target: str) -> Optional[str]:
        if self.corpus.find(target) is None:
            self._report(("citations",), ERROR, f"dẫn chiếu chỉnh tay trỏ tới “{target}” không tồn tại")
            return None
        if citation.number:
            self.local[citation.number] = target
        return target

    def _law(self, citation: Citation, path: tuple) -> Optional[str]:
        target = self.index.laws.get(_law_key(citation))
        if target is None:
            self.unresolved.append(Unresolved(self.document.id, path, citation, identity.CENTRAL))
            self._report(
                path,
                WARNING,
                f"chưa có “{citation.text}” trong danh mục văn bản được dẫn chiếu",
                "thêm vào data/references.yaml: - {id: trung-uong/luat-…, kind: luat, issuer: Quốc hội, title: …}",
            )
        return target

    def _numbered(self, citation: Citation, number: str, path: tuple) -> Optional[str]:
        scope = identity.scope(number, self.document.jurisdiction)
        year = _year(citation)
        candidates = self.index.candidates(scope, number, year)
        if year is None and number in self.local:
            return self.local[number]
        if len(candidates) == 1:
            self.local.setdefault(number, candidates[0])
            return candidates[0]
        if len(candidates) > 1:
            self._report(
                path,
                ERROR,
                f"“{citation.text}” khớp với nhiều văn bản: {', '.join(sorted(candidates))}",
                "ghi ngày của văn bản được dẫn chiếu, hoặc chỉ định trong trường citations",
            )
            return None
        self.unresolved.append(Unresolved(self.document.id, path, citation, scope))
        self._report(
            path,
            WARNING,
            f"chưa xác định được văn bản “{citation.text}”",
            "chạy “python -m generator catalog” để thêm mọi văn bản chưa có vào data/references.yaml, hoặc thêm "
            f"tay: {_paste_entry(citation, scope)}",
        )
        return None


def relation_sort_key(relation: Relation, corpus: Corpus) -> tuple:
    target = corpus.find(relation.target)
    when = target.sort_date if target is not None else dt.date.min
    return (list(RelationType).index(relation.type), when, relation.target)
