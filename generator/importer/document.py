"""One drafted document: its part of the source (header, body, trailer, footnotes) read into
the YAML fields of docs/data-format.md."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from generator.corpus.model import Jurisdiction, Organization
from generator.corpus.unfinished import PLACEHOLDER_JURISDICTION
from generator.corpus.validate import schema
from generator.importer import emit
from generator.importer.blocks import dedupe_numbers, number_footnotes, raw_blocks, set_anchors, walk
from generator.importer.draft import DraftDocument, NewEntries
from generator.importer.emit import Todo
from generator.importer.fields import date_field, kind_field, number_field, system_field, title_fields
from generator.importer.header import Header, find_kind_line, late_header, parse_header
from generator.importer.issuer import Finding, Sources, authority_lines, find_issuer
from generator.importer.lines import Line
from generator.importer.place import Evidence, Placement, place
from generator.importer.registry import Registry
from generator.importer.spelling import todo_message
from generator.importer.structure import Node, build_tree, paragraphs, segment
from generator.importer.tasks import draft_tasks
from generator.importer.trailer import Trailer, parse_footnotes, parse_trailer
from generator.importer.bodies import describe
from generator.vn import anchors as anchor_rules
from generator.vn import identity, provinces
from generator.vn.citations import extract

__all__ = ["Part", "Context", "split_parts", "draft_document", "ordered"]

ATTACHED = "văn bản ban hành"  # how an attached document's jurisdiction and issuer are known


@dataclass
class Part:
    """One document's lines in the source."""

    header: Header
    body: list[Line]
    trailer: list[Line]
    notes: list[Line]
    late: bool = False  # the header was printed after the body (a Word table extracted last)


def split_parts(lines: list[Line]) -> list[Part]:
    parts: list[Part] = []
    pos = 0
    while pos < len(lines):
        k = find_kind_line(lines, pos)
        header = parse_header(lines, k, start=pos)
        body_end, trailer_end, notes_end = segment(lines, header.body_start)
        body = lines[header.body_start : body_end]
        late = False
        if not (header.number or header.date or header.system):
            found = late_header(lines, header.body_start, body_end)
            if found:
                late_part, start = found
                _merge_header(header, late_part)
                body = lines[header.body_start : start]
                late = True
        parts.append(Part(header, body, lines[body_end:trailer_end], lines[trailer_end:notes_end], late))
        if notes_end <= pos:
            break
        pos = notes_end
    return parts


def _merge_header(header: Header, late: Header) -> None:
    header.system = header.system or late.system
    header.number = header.number or late.number
    header.date = header.date or late.date
    header.issuer_lines = header.issuer_lines or late.issuer_lines
    header.other += late.other


@dataclass
class Context:
    """What every document of one import shares."""

    source_name: str
    all_text: str
    organizations: dict[str, Organization]
    jurisdictions: dict[str, Jurisdiction]
    known: set[tuple[str, str]]  # (jurisdiction, number) already in the data
    taken: set[str]
    width: float
    wrapped: bool
    slug_hint: Optional[tuple[str, Optional[int]]] = None


@dataclass
class _Read:
    """A part read into nodes."""

    preamble: list[Node]
    body: list[Node]
    trailer: Trailer
    footnotes: list[dict]
    authority: list[str] = field(default_factory=list)


def _read(part: Part, ctx: Context) -> _Read:
    preamble, body = build_tree(paragraphs(part.body, ctx.width, ctx.wrapped))
    return _Read(
        preamble, body, parse_trailer(part.trailer), parse_footnotes(part.notes), authority_lines(preamble, body)
    )


def _symbol(header: Header) -> Optional[str]:
    if header.number is None:
        return None
    if header.number.value:
        return header.number.value
    m = re.search(r"/\s*\S+", header.number.printed)
    return m.group().replace(" ", "") if m else None


def _where_and_who(part: Part, read: _Read, ctx: Context, parent: Optional[DraftDocument]) -> tuple[Placement, Finding]:
    header = part.header
    symbol = _symbol(header)
    if parent is not None:
        jurisdiction = parent.id.split("/", 1)[0]
        issuer = emit.plain(parent.data["issuer"]) or None
        return Placement(jurisdiction, ATTACHED, True), Finding(issuer, [ATTACHED], True)
    bodies = [b for b in (describe(header.issuer_lines), describe(read.authority[:1])) if b]
    evidence = Evidence(
        bodies=tuple(bodies),
        symbol=symbol,
        place=header.date.place if header.date else None,
        issuer_lines=tuple(header.issuer_lines),
        text=ctx.all_text,
        source_name=ctx.source_name,
    )
    placement = place(evidence, ctx.jurisdictions, ctx.organizations)
    province = _province(placement.id, ctx.jurisdictions)
    sources = Sources(header, read.authority, read.trailer.signer, read.preamble, read.body, symbol)
    finding = find_issuer(sources, placement.id, placement.certain, province, ctx.organizations)
    return placement, finding


def _province(jurisdiction: Optional[str], jurisdictions: dict[str, Jurisdiction]):
    if not jurisdiction:
        return None
    found = provinces.by_slug(jurisdiction)
    if found is None and jurisdiction in jurisdictions:
        found = provinces.find(jurisdictions[jurisdiction].short_name)
    return found


def _identity_fields(
    placement: Placement, finding: Finding, doc_id: str, number: Optional[str], problems: list[str]
) -> dict[str, Any]:
    """id and issuer, with a TODO on each line the importer is not sure of."""
    id_messages = []
    if not number and placement.how != ATTACHED:
        id_messages.append("mã văn bản (tên tệp) đặt tạm vì văn bản không in số")
    if placement.id is None:
        id_messages.append(
            "địa bàn: văn bản không cho biết; thay “chua-ro” bằng mã địa bàn trong data/jurisdictions.yaml"
        )
        problems.append("không xác định được địa bàn (thư mục data/documents/<địa bàn>/)")
    elif not placement.certain:
        doubt = f"; nhưng {'; '.join(placement.doubts)}" if placement.doubts else ""
        id_messages.append(f"địa bàn “{placement.id}” (theo {placement.how}{doubt})")
    issuer_messages = list(finding.notes)
    if not finding.id:
        issuer_messages.append("cơ quan ban hành: không xác định được; ghi mã cơ quan trong data/organizations/")
        problems.append("không xác định được cơ quan ban hành")
    elif finding.new is not None:
        issuer_messages.append(
            f"cơ quan “{finding.id}” chưa có trong data/organizations/ (đọc từ: {'; '.join(finding.how)}); "
            "thêm mục lệnh import đã in"
        )
    elif not finding.certain:
        issuer_messages.append(f"cơ quan ban hành (đoán từ: {'; '.join(finding.how)})")
    return {
        "id": Todo(doc_id, *id_messages) if id_messages else doc_id,
        "issuer": Todo(finding.id or "", *issuer_messages) if issuer_messages else finding.id,
    }


def draft_document(part: Part, index: int, parent: Optional[DraftDocument], ctx: Context) -> DraftDocument:
    header = part.header
    read = _read(part, ctx)
    placement, finding = _where_and_who(part, read, ctx, parent)
    problems: list[str] = []
    data: dict[str, Any] = {}
    number, number_fields = number_field(header)
    data.update(number_fields)
    dated = date_field(header)
    data.update(dated.fields)
    kind, kind_value = kind_field(header, number)
    doc_id = _document_id(kind, number, dated.year, placement.id, parent, ctx, index)
    data.update(_identity_fields(placement, finding, doc_id, number, problems))
    if number and _known(number, placement.id, ctx):
        problems.append(
            f"số, ký hiệu {number} đã có trong dữ liệu (văn bản đã công bố hoặc data/references.yaml); nếu là "
            "cùng văn bản thì không cần nhập lại, nếu chỉ có trong danh mục tham chiếu thì xóa mục đó"
        )
    data["kind"] = kind_value
    party = finding.body.party if finding.body else None
    data["system"] = system_field(header, number, party, read.trailer.signer, finding.id)
    if parent is not None:
        _as_attachment(data, parent, number)
    if header.date and header.date.place:
        data["place"] = header.date.place
    if header.heading:
        data["heading"] = header.heading
    data.update(title_fields(header))
    for key in ("title", "subtitle"):
        if key in data:
            data[key] = _checked(data[key], emit.plain(data[key]))
    _blocks(data, read)
    comments = _trailer_fields(data, read.trailer, header, part)
    registry = Registry(ctx.organizations, placement.id, finding.id)
    tasks = draft_tasks(read.body, registry, dated.year)
    if tasks.entries:
        data["tasks"] = tasks.entries
    data["source"] = {"file": ctx.source_name}
    stats = _stats(data, read, tasks, ctx, number, parent, placement.id)
    stats.update(jurisdiction=placement.how, issuer="; ".join(finding.how), unknown_names=tasks.unknown_names)
    new = NewEntries(placement.new, finding.new, bool(finding.body and finding.body.guessed_case))
    return DraftDocument(
        id=doc_id, kind=kind, data=ordered(data), header_comments=comments, problems=problems, stats=stats, new=new
    )


def _as_attachment(data: dict[str, Any], parent: DraftDocument, number: Optional[str]) -> None:
    """A document issued with another ("Ban hành kèm theo Quyết định số …") has no number of
    its own, the issuing document's system, and, when its header prints no date, the issuing
    document's date (cited from it)."""
    if not number:
        data.pop("#number", None)
    data["system"] = emit.plain(parent.data["system"])
    parent_date = emit.plain(parent.data.get("date", {}))
    if "#date" in data and parent_date.get("value") and parent_date.get("source") == "printed":
        data.pop("#date")
        data["date"] = {
            "value": parent_date["value"],
            "precision": parent_date["precision"],
            "source": "cited",
            "cited_in": parent.id,
        }


def _document_id(
    kind: str,
    number: Optional[str],
    year: Optional[int],
    jurisdiction: Optional[str],
    parent: Optional[DraftDocument],
    ctx: Context,
    index: int,
) -> str:
    from generator.importer.skeleton import make_slug

    if parent is not None:
        return f"{jurisdiction}/{kind}-kem-{parent.id.split('/', 1)[1]}"
    slug_number, slug_year = ctx.slug_hint if ctx.slug_hint and not number and index == 0 else (number, year)
    taken = {t.split("/", 1)[-1] for t in ctx.taken if t.startswith(f"{jurisdiction}/")}
    return f"{jurisdiction or PLACEHOLDER_JURISDICTION}/{make_slug(kind, slug_number, slug_year or year, taken)}"


def _blocks(data: dict[str, Any], read: _Read) -> None:
    dedupe_numbers(read.preamble)
    dedupe_numbers(read.body)
    for node in walk(read.preamble + read.body):
        message = todo_message(" ".join(t for t in (node.heading, node.text) if t))
        if message:
            node.todo.append(message)
    lost = number_footnotes(read.preamble + read.body, read.footnotes)
    if lost is not None:
        data["#footnotes"] = lost
    set_anchors(read.preamble, anchor_rules.PREAMBLE)
    set_anchors(read.body, "")
    if read.preamble:
        data["preamble"] = raw_blocks(read.preamble)
    data["body"] = raw_blocks(read.body) if read.body else Todo([], "không nhận ra phần nội dung")
    if read.footnotes:
        data["footnotes"] = [_checked({"id": n["id"], "text": n["text"]}, n["text"]) for n in read.footnotes]


def _checked(value: Any, text: str) -> Any:
    """The value, with a TODO when its text holds a word check will refuse."""
    message = todo_message(text)
    return Todo(value, message) if message else value


def _trailer_fields(data: dict[str, Any], trailer: Trailer, header: Header, part: Part) -> list[str]:
    """signer, recipients; comments for the lines no field took."""
    comments: list[str] = []
    if trailer.signer:
        signer = dict(trailer.signer)
        data["signer"] = Todo(signer, "khối chữ ký không có họ tên người ký") if "name" not in signer else signer
    if trailer.recipients:
        data["recipients"] = [_checked(r, r["name"] + " " + r.get("note", "")) for r in trailer.recipients]
    if trailer.recipients_note:
        data["recipients_note"] = trailer.recipients_note
    if trailer.unknown:
        comments.append("TODO: kiểm tra các dòng sau khối chữ ký chưa xếp được vào trường nào:")
        comments += [f"  dòng {l.no}: {l.text}" for l in trailer.unknown]
    if header.other:
        comments.append("TODO: kiểm tra các dòng đầu văn bản chưa xếp được vào trường nào:")
        comments += [f"  dòng {l.no}: {l.text}" for l in header.other]
    if header.issuer_lines:
        comments.append("Dòng tên cơ quan ban hành in trên văn bản: " + " / ".join(header.issuer_lines))
    if part.late:
        comments.append("Phần đầu văn bản (cơ quan, số, ngày) in sau phần nội dung (bảng Word); đã đọc từ đó.")
    return comments


def texts(data: dict) -> Iterable[str]:
    """Every text of a draft that may hold citations."""

    def walk_texts(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for item in node:
                yield from walk_texts(item)
        elif isinstance(node, dict):
            for key in ("heading", "text", "children"):
                if key in node:
                    yield from walk_texts(node[key])

    yield data.get("title", "")
    if data.get("subtitle"):
        yield data["subtitle"]
    for key in ("preamble", "body"):
        yield from walk_texts(data.get(key, []))
    for note in data.get("footnotes", []):
        yield note["text"]


def _known(number: str, jurisdiction: Optional[str], ctx: Context) -> bool:
    """The number is in the data already: published, or in the catalog, in its own scope."""
    return (identity.scope(number, jurisdiction or ""), number) in ctx.known


def _stats(data, read: _Read, tasks, ctx: Context, number, parent, jurisdiction) -> dict[str, Any]:
    citations = [c for t in texts(emit.plain(data)) for c in extract(t)]
    own = {number} | ({parent.plain.get("number", {}).get("value")} if parent else set())
    nodes = list(walk(read.preamble + read.body))
    return {
        "numbered": sum(n.number is not None for n in nodes),
        "blocks": len(nodes),
        "tasks": len(tasks.entries),
        "footnotes": len(read.footnotes),
        "citations": len(citations),
        "unresolved": sorted(
            {
                c.number
                for c in citations
                if c.number and c.number not in own and not _known(c.number, jurisdiction, ctx)
            }
        ),
    }


# A draft's keys in the order of the document schema's properties, a "#field" comment (a TODO
# where the field is missing) right above its field; "is it a directive at all?" first.
_FIELDS = {name: i for i, name in enumerate(schema("document.schema.json")["properties"])}


def _position(key: str) -> tuple[int, int]:
    if key == "#not_directive":
        return -1, 0
    return _FIELDS.get(key.lstrip("#"), len(_FIELDS)), 0 if key.startswith("#") else 1


def ordered(data: dict) -> dict:
    return {k: data[k] for k in sorted(data, key=_position)}
