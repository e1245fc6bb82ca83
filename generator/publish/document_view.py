"""The page of a published document, prepared for templates/document.html.j2.

Everything the template prints is here, already looked up: names, labels, relative links, the
text of every block with its citations as links, the task rows and the cross-reference
sections. The template makes no call back into the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from generator.corpus.model import Block, Document
from generator.link.resolve import period_status, year_of
from generator.link.tasks import ResolvedTask
from generator.link.validity import DocumentValidity, Validity, validity
from generator.publish import urls
from generator.publish.filters import page_title, vn_date, vn_long_date
from generator.publish.labels import NO_DATA, PERIOD, VALIDITY, document_label
from generator.publish.links import DocLink, Linker, TocEntry
from generator.publish.refs_view import RefSections, ref_sections
from generator.publish.site import Site
from generator.publish.task_view import TaskRow, task_rows
from generator.publish.text_view import Link, TextView, text_view


@dataclass(frozen=True, slots=True)
class BlockView:
    type: str
    anchor: str
    depth: int
    level: int  # heading level of a unit with a heading: h2 at the top, at most h6
    marker: Optional[str]
    heading: Optional[str]  # plain text: "I- MỤC ĐÍCH, YÊU CẦU" (marker included)
    text: Optional[TextView]
    children: list["BlockView"]


@dataclass(frozen=True, slots=True)
class Footnote:
    id: str
    text: TextView


@dataclass(frozen=True)
class TaskGroup:
    """The tasks of one top-level unit, shown as a collapsible group."""

    title: str  # "II- NỘI DUNG THỰC HIỆN"; "" when the tasks sit outside any part
    rows: list[TaskRow]
    statuses: list[tuple[str, int]]  # (status words, how many), most frequent first
    open: bool  # shown open (a short list); a long one starts collapsed


@dataclass(frozen=True)
class Header:
    """The paper's header: issuer lines, number, national or party line, place and date."""

    issuer_lines: list[str]
    party: bool
    number: Optional[str]  # as printed, without "Số:"
    issued_with: Optional[DocLink]  # no number of its own: the document it was issued with
    number_cited: bool  # the number comes from another document (footnote mark)
    place: Optional[str]
    date_long: Optional[str]  # "ngày 05 tháng 8 năm 2021"; None when unknown
    date_cited: bool


@dataclass(frozen=True)
class Facts:
    """The information box beside the text."""

    kind_name: str
    kind_href: str
    number: Optional[str]
    number_from: Optional[DocLink]  # the document that gives the number
    issuer: str
    issuer_href: str
    jurisdiction: str
    jurisdiction_href: str
    year: Optional[int]
    year_href: Optional[str]
    date_iso: Optional[str]  # known date: its ISO form (PartialDate.iso)
    date_sort: Optional[str]  # known date: first day, ISO
    date: Optional[str]  # known date, numeric
    date_from: Optional[DocLink]
    not_before: Optional[str]
    date_note: Optional[str]
    period: Optional[str]  # "2021–2025"
    status: Optional[str]  # the implementation period, on the build date
    validity: Optional[str]  # in effect or not, from the text ("có hiệu lực kể từ ngày ký")
    validity_source: Optional[str]  # the clause it comes from, quoted
    validity_by: Optional[DocLink]  # the document that replaces or repeals it
    no_data: str  # what the box says when the corpus knows nothing
    build_date: str
    signer: Optional[str]
    signer_position: Optional[str]
    attachments: list[tuple[str, str]]  # (href, “kind ‘title’”)
    issued_with: Optional[DocLink]
    topics: str


@dataclass(frozen=True)
class Closing:
    recipients: list[tuple[str, Optional[str]]]  # (name, note)
    recipients_note: Optional[str]
    has_signer: bool
    authority: list[str]
    position: Optional[str]
    signer: Optional[str]


@dataclass(frozen=True)
class DocumentView:
    id: str
    header: Header
    heading_lines: list[str]
    title: TextView
    subtitle: Optional[TextView]
    facts: Facts
    source_href: str
    source_url: Optional[str]  # printed through safe_url
    source_note: Optional[str]
    preamble: list[BlockView]
    body: list[BlockView]
    footnotes: list[Footnote]
    closing: Closing
    task_count: int
    task_groups: list[TaskGroup]
    unassigned: list[tuple[str, str]]  # numbered items naming no lead: (href, number)
    build_date: str
    refs: RefSections
    toc: list[TocEntry]  # the in-page contents
    address: str  # the page's address, printed at the end of the paper copy
    print_notes: list[str]  # how each number or date the original does not print was obtained


class _Texts:
    """The text fields of one document with their resolved citations as links."""

    def __init__(self, site: Site, doc_id: str, link: Linker):
        self.site, self.doc_id, self.link = site, doc_id, link
        self.mentions = site.resolved.refs.mentions

    def __call__(self, text, anchor: str, field: str) -> TextView:
        found = self.mentions.get((self.doc_id, anchor, field))
        if not found:
            return text_view(text)
        views = self.site.views
        links = [
            Link(
                m.citation.start,
                m.citation.end,
                self.link(views.target_url(m.target)),
                views.target_label(m.target) + " – " + views.target_title(m.target),
            )
            for m in found
        ]
        return text_view(text, links)

    def blocks(self, blocks: list[Block]) -> list[BlockView]:
        return [
            BlockView(
                b.type,
                b.anchor,
                b.depth,
                min(b.depth + 2, 6),
                b.marker,
                (f"{b.marker} {b.heading.plain}" if b.marker else b.heading.plain) if b.heading else None,
                self(b.text, b.anchor, "text") if b.text else None,
                self.blocks(b.children),
            )
            for b in blocks
        ]


def _header(document: Document, site: Site, link: Linker) -> Header:
    issuer = site.corpus.organizations[document.issuer]
    issued = document.date.issued
    parent = site.resolved.issued_with.get(document.id)
    return Header(
        issuer_lines=issuer.header or [issuer.name.upper()],
        party=document.system == "party",
        number=document.number.as_printed if document.number else None,
        issued_with=site.doc_link(parent, link) if parent and document.number is None else None,
        number_cited=bool(document.number and document.number.source == "cited"),
        place=document.place,
        date_long=vn_long_date(issued) if document.date.known and issued else None,
        date_cited=document.date.source == "cited",
    )


def _validity(found: Optional[DocumentValidity]) -> tuple[Optional[str], Optional[str]]:
    """(the words, the clause quoted) of a document's validity."""
    if found is None:
        return None, None
    words = VALIDITY[found.code]
    if found.code in (Validity.IN_EFFECT, Validity.NOT_YET):
        words += f" ngày {vn_date(found.since)}" if found.since else " ngày ký (không rõ ngày ký)"
    return words, f"“{found.effect.text}”" if found.effect else None


def _facts(document: Document, site: Site, link: Linker) -> Facts:
    corpus, date = site.corpus, document.date
    year = year_of(document)
    number = document.number
    status = period_status(document, site.build_date)
    issued_with = site.resolved.issued_with.get(document.id)
    signer = document.signer
    known = date.known and date.issued is not None
    valid = validity(document, corpus, site.resolved.refs, site.build_date)
    valid_words, valid_source = _validity(valid)
    return Facts(
        kind_name=document.kind_name,
        kind_href=link(urls.kind(document.kind)),
        number=number.value if number else None,
        number_from=site.doc_link(number.cited_in, link)
        if number and number.source == "cited" and number.cited_in
        else None,
        issuer=corpus.organizations[document.issuer].name,
        issuer_href=link(urls.organization(document.issuer)),
        jurisdiction=corpus.jurisdictions[document.jurisdiction].name,
        jurisdiction_href=link(urls.jurisdiction(document.jurisdiction)),
        year=year,
        year_href=link(urls.year(year)) if known else None,
        date_iso=date.issued.iso if known and date.issued else None,
        date_sort=date.value.isoformat() if known and date.value else None,
        date=vn_date(date.issued) if known else None,
        date_from=site.doc_link(date.cited_in, link) if known and date.source == "cited" and date.cited_in else None,
        not_before=vn_date(date.not_before) if not known and date.not_before else None,
        date_note=date.note,
        period=f"{document.period.start}–{document.period.end}" if document.period else None,
        status=PERIOD[status] if status else None,
        validity=valid_words,
        validity_source=valid_source,
        validity_by=site.doc_link(valid.by, link) if valid and valid.by else None,
        no_data=NO_DATA,
        build_date=vn_date(site.build_date),
        signer=signer.name if signer and signer.name else None,
        signer_position=signer.position if signer and signer.name else None,
        attachments=[
            (link(urls.document(a)), f"{corpus.documents[a].kind_name} “{corpus.documents[a].title.plain}”")
            for a in document.attachments
        ],
        issued_with=site.doc_link(issued_with, link) if issued_with else None,
        topics=", ".join(document.topics),
    )


def _closing(document: Document) -> Closing:
    signer = document.signer
    return Closing(
        recipients=[(r.name, r.note) for r in document.recipients],
        recipients_note=document.recipients_note,
        has_signer=signer is not None,
        authority=signer.authority.split("\n") if signer and signer.authority else [],
        position=signer.position if signer else None,
        signer=signer.name if signer else None,
    )


OPEN_TASKS = 8  # a task list this short is shown open; a longer one starts collapsed


def _grouped(rows: list[TaskRow], tasks: list[ResolvedTask]) -> list[TaskGroup]:
    """Tasks grouped by the top-level unit that holds them, in document order; each group
    counts its statuses, so a collapsed group still says what it holds."""
    groups: dict[str, list[tuple[TaskRow, ResolvedTask]]] = {}
    for row, task in zip(rows, tasks):
        groups.setdefault(task.section, []).append((row, task))
    found = []
    for title, pairs in groups.items():
        counts: dict[str, int] = {}
        for row, _ in pairs:
            counts[row.status_label] = counts.get(row.status_label, 0) + 1
        statuses = sorted(counts.items(), key=lambda kv: -kv[1])
        found.append(TaskGroup(title, [row for row, _ in pairs], statuses, len(rows) <= OPEN_TASKS))
    return found


def _unassigned(document: Document, tasks: list[ResolvedTask], link_prefix: str = "#") -> list[tuple[str, str]]:
    """The numbered items (mục) of the body that hold no task with a named lead: (href, number)."""
    led = {t.unit for t in tasks if t.lead}
    found = []
    for top in document.body:
        for block in top.walk():
            if block.type != "item" or not block.numbered:
                continue
            if not any(b.anchor in led for b in block.walk()):
                found.append((link_prefix + block.anchor, block.number or ""))
    return found


_TOC_WORDS = 12  # words of an item's text when it has no heading


def _toc_label(block: Block) -> str:
    if block.heading:
        return f"{block.marker} {block.heading.plain}" if block.marker else block.heading.plain
    words = (block.text.plain if block.text else "").split()
    text = " ".join(words[:_TOC_WORDS]) + ("…" if len(words) > _TOC_WORDS else "")
    return f"{block.marker} {text}" if block.marker else text


def _toc_blocks(blocks: list[Block], depth: int = 0) -> list[TocEntry]:
    """Parts, chapters, articles and numbered items (two levels); points and dashes stay out."""
    entries = []
    for block in blocks:
        listed = bool(block.heading) or (block.type in ("item", "article") and block.numbered)
        children = _toc_blocks(block.children, depth + 1) if depth < 1 else []
        if listed:
            entries.append(TocEntry("#" + block.anchor, _toc_label(block), children))
        else:
            entries.extend(children)
    return entries


def _toc(document: Document, tasks: int, refs: RefSections) -> list[TocEntry]:
    entries = _toc_blocks(document.body)
    if document.footnotes:
        entries.append(TocEntry("#chu-thich", "Chú thích", []))
    entries.append(TocEntry("#noi-nhan", "Nơi nhận, người ký", []))
    if tasks:
        entries.append(TocEntry("#nhiem-vu", f"Nhiệm vụ được giao ({tasks})", []))
    if refs.diagram:
        entries.append(TocEntry("#quan-he", "Quan hệ với văn bản khác", []))
    if refs.cites:
        entries.append(TocEntry("#van-ban-duoc-dan-chieu", "Văn bản được dẫn chiếu", []))
    entries.append(TocEntry("#duoc-dan-chieu-boi", "Được dẫn chiếu bởi", []))
    if refs.lineage or refs.dues:
        entries.append(TocEntry("#dong-thoi-gian", "Dòng thời gian", []))
    return entries


def _print_notes(document: Document, site: Site) -> list[str]:
    """How each number or date the original does not print was obtained, for the paper copy."""
    notes = []
    number, date = document.number, document.date
    parent = site.resolved.issued_with.get(document.id)
    if number is None:
        if parent:
            notes.append(f"Văn bản ban hành kèm theo {document_label(site.resolved, parent)}, không mang số riêng.")
        else:
            notes.append("Số, ký hiệu: văn bản không ghi; trang không tự đặt số.")
    elif number.source == "cited" and number.cited_in:
        notes.append(
            f"Số {number.value}: văn bản không in số; số lấy theo {document_label(site.resolved, number.cited_in)}."
        )
    if not date.known:
        after = f" Văn bản được ban hành sau ngày {vn_date(date.not_before)}." if date.not_before else ""
        notes.append(f"Ngày ban hành: văn bản không ghi.{after}" + (f" {date.note}" if date.note else ""))
    elif date.source == "cited" and date.cited_in and date.issued:
        notes.append(
            f"Ngày ban hành {vn_date(date.issued)}: văn bản không in ngày; ngày lấy theo "
            f"{document_label(site.resolved, date.cited_in)}."
        )
    return notes


def document_view(doc_id: str, site: Site) -> DocumentView:
    document = site.corpus.documents[doc_id]
    link = Linker(urls.document(doc_id))
    texts = _Texts(site, doc_id, link)
    tasks = site.resolved.tasks_by_doc.get(doc_id, [])
    refs = ref_sections(doc_id, site, link, tasks)
    return DocumentView(
        id=doc_id,
        header=_header(document, site, link),
        heading_lines=document.heading_lines,
        title=texts(document.title, "van-ban", "title"),
        subtitle=texts(document.subtitle, "van-ban", "subtitle") if document.subtitle else None,
        facts=_facts(document, site, link),
        source_href=link(urls.source_file(document.source_file)),
        source_url=document.source_url,
        source_note=document.source_note.strip().strip(".") if document.source_note else None,
        preamble=texts.blocks(document.preamble),
        body=texts.blocks(document.body),
        footnotes=[Footnote(f.id, texts(f.text, "fn-" + f.id, "footnote")) for f in document.footnotes],
        closing=_closing(document),
        task_count=len(tasks),
        task_groups=_grouped(task_rows(tasks, site, link), tasks),
        unassigned=_unassigned(document, tasks) if tasks else [],
        build_date=vn_date(site.build_date),
        refs=refs,
        toc=_toc(document, len(tasks), refs),
        address=site.site_url + urls.document(doc_id),
        print_notes=_print_notes(document, site),
    )
