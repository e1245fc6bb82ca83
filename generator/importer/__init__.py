"""Draft YAML documents from the text of a directive: `python -m generator import FILE`.

`import_text(text, source_name, organizations=…)` is a pure function over the text (plus the
registries it is given); `import_file(path, data_dir=…)` reads a .txt/.md/.docx file and the
data folder's registries. Both return a `Draft`: `.yaml` is the draft to save and review,
`.summary()` the Vietnamese lines for the terminal.

Conventions (see docs in the module docstrings of this package):
  * A source that holds several documents (a Quyết định and the Đề án it issues) yields one
    YAML document each, in source order, separated by a line "---". Each starts with a comment
    naming the file it belongs in; the first lists the others in `attachments`. Split the
    stream at the "---" lines before saving (`Draft.files()` gives the split).
  * Whatever the importer is unsure of gets a comment "# TODO: kiểm tra …" right above the
    value; the summary lists each with its line in the draft. The comments may stay: `check`
    ignores them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from generator.vn import anchors as anchor_rules
from generator.vn.citations import extract
from generator.vn.text import slug as slugify
from generator.importer import emit
from generator.importer.emit import Todo
from generator.importer.header import Header, find_kind_line, join_lines, parse_header
from generator.importer.lines import LOST_MARK, Line, Reading, is_caps, read_text
from generator.importer.structure import (
    Node,
    build_tree,
    count_markers,
    line_width,
    paragraphs,
    parse_footnotes,
    parse_trailer,
    replace_markers,
    segment,
)
from generator.importer.tasks import (
    FoundTask,
    Registry,
    check_deadline,
    field_name,
    field_task,
    prose_tasks,
    unknown_names,
)
from generator.vn.kinds import KINDS, symbol_kind
from generator.corpus.builders import make_blocks
from generator.corpus.model import Jurisdiction, Organization
from generator.vn.text import fold_words

__all__ = ["Draft", "DraftDocument", "import_text", "import_file", "read_docx"]

SEPARATOR = "---"


@dataclass
class DraftDocument:
    id: str
    kind: str
    data: dict  # with emit.Todo wrappers
    header_comments: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # why `check` would fail
    stats: dict[str, Any] = field(default_factory=dict)
    yaml: str = ""

    @property
    def path(self) -> str:
        jurisdiction, slug = self.id.split("/", 1)
        return f"data/documents/{jurisdiction}/{slug}.yaml"

    @property
    def plain(self) -> dict:
        return emit.plain(self.data)


@dataclass
class Draft:
    source_name: str
    documents: list[DraftDocument]
    reading: Reading
    notes: list[str] = field(default_factory=list)

    @property
    def yaml(self) -> str:
        return f"{SEPARATOR}\n".join(d.yaml for d in self.documents)

    def files(self) -> dict[str, str]:
        """The draft split into files: repository path -> YAML text."""
        return {d.path: d.yaml for d in self.documents}

    def todos(self) -> list[tuple[int, str]]:
        """(line in .yaml, message) of every TODO comment."""
        found = []
        for no, line in enumerate(self.yaml.splitlines(), start=1):
            m = re.match(r"^\s*# TODO: (.*)$", line)
            if m:
                found.append((no, m.group(1)))
        return found

    def summary(self) -> list[str]:
        out = [f"Đã soạn bản nháp từ {self.source_name}: {len(self.documents)} văn bản."]
        if len(self.documents) > 1:
            out.append(
                f"Bản nháp gồm {len(self.documents)} văn bản ngăn cách bởi dòng “{SEPARATOR}”; tách thành các tệp:"
            )
        for i, doc in enumerate(self.documents, start=1):
            s = doc.stats
            number = doc.plain.get("number", {}).get("value") or "không rõ số"
            out.append(f"Văn bản {i}: {KINDS[doc.kind]} ({number}) → {doc.path}")
            cites = f"{s['citations']} dẫn chiếu"
            if s["unresolved"]:
                cites += f" ({len(s['unresolved'])} chưa có trong dữ liệu: {', '.join(s['unresolved'][:8])}"
                cites += "…)" if len(s["unresolved"]) > 8 else ")"
            out.append(
                f"  {s['numbered']} khối có đánh số, {s['blocks']} khối nội dung, {s['tasks']} nhiệm vụ, "
                f"{s['footnotes']} chú thích, {cites}."
            )
            for problem in doc.problems:
                out.append(f"  Chưa qua được kiểm tra (python -m generator check): {problem}.")
        todos = self.todos()
        if todos:
            out.append(f"Cần kiểm tra {len(todos)} chỗ (dòng ghi chú “# TODO” trong bản nháp):")
            out += [f"  dòng {no}: {message}" for no, message in todos]
        else:
            out.append("Không có chỗ nào cần kiểm tra thêm.")
        dropped = []
        if self.reading.page_numbers:
            dropped.append(f"{self.reading.page_numbers} số trang lẻ")
        if self.reading.decorations:
            dropped.append(f"{self.reading.decorations} dòng trang trí")
        if dropped:
            out.append("Đã bỏ " + ", ".join(dropped) + ".")
        out += self.notes
        return out


# --- helpers --------------------------------------------------------------------------------


def _jurisdiction(
    header: Header,
    text: str,
    source_name: str,
    jurisdictions: dict[str, Jurisdiction],
    organizations: dict[str, Organization],
) -> tuple[Optional[str], str]:
    """The jurisdiction of a document and how it was found."""
    local = {j.id: j for j in jurisdictions.values() if j.id != "trung-uong"}
    if header.date and header.date.place:
        place = re.sub(r"^(?:tp|thanh pho|tinh|thi xa|quan|huyen)\s+", "", fold_words(header.date.place))
        for j in local.values():
            if place in (fold_words(j.short_name), fold_words(j.name)):
                return j.id, "địa danh"
    if header.issuer_lines:
        lines = [fold_words(l) for l in header.issuer_lines]
        for org in organizations.values():
            if (
                org.header
                and [fold_words(h) for h in org.header] == lines[: len(org.header)]
                and org.jurisdiction in local
            ):
                return org.jurisdiction, "dòng tên cơ quan"
        joined = " ".join(lines)
        for j in local.values():
            if fold_words(j.short_name) in joined:
                return j.id, "dòng tên cơ quan"
    folded = fold_words(text)
    counts = {j.id: len(re.findall(rf"\b{re.escape(fold_words(j.short_name))}\b", folded)) for j in local.values()}
    if counts and max(counts.values()) > 0:
        best = max(counts, key=lambda k: (counts[k], k))
        if list(counts.values()).count(counts[best]) == 1:
            return best, f"tên địa bàn trong văn bản ({counts[best]} lần)"
    for jurisdiction_id in sorted(local, key=len, reverse=True):
        if source_name.startswith(jurisdiction_id + "-"):
            return jurisdiction_id, "tên tệp nguồn"
    return None, ""


_AUTH_PREFIX = re.compile(r"^(?:T/M|TM\.?|T\.M\.|KT\.?|K/T|TL\.?|TUQ\.?|Q\.|THỪA LỆNH|THAY MẶT|KÝ THAY)\s+")
_ACTS = re.compile(
    r"\s*(?:\(viết tắt[^)]*\)\s*)?(?:yêu cầu|ban hành|quyết định|chỉ thị|xây dựng kế hoạch|"
    r"thông báo|kết luận|hướng dẫn)\b"
)


def _issuer(
    header: Header,
    registry: Registry,
    organizations: dict[str, Organization],
    trailer_signer: dict,
    preamble: list[Node],
    body: list[Node],
) -> tuple[Optional[str], list[str], bool]:
    """The issuer's organization id, the evidence, and whether it is certain."""
    scores: dict[str, float] = defaultdict(float)
    why: dict[str, list[str]] = defaultdict(list)

    def vote(org_id: Optional[str], points: float, reason: str) -> None:
        if org_id and org_id in organizations and not organizations[org_id].group:
            scores[org_id] += points
            if reason not in why[org_id]:
                why[org_id].append(reason)

    if header.issuer_lines:
        lines = [fold_words(l) for l in header.issuer_lines]
        vote(registry.match(" ".join(header.issuer_lines)), 6, "dòng tên cơ quan")
        for org in organizations.values():
            if (
                org.id in {v for v in registry.names.values()}
                and org.header
                and [fold_words(h) for h in org.header] == lines
            ):
                vote(org.id, 5, "dòng tên cơ quan")
    for extra in header.heading[1:]:
        vote(registry.match(re.sub(r"^CỦA\s+", "", extra)), 4, f"dòng “{extra}”")
    authority = (trailer_signer.get("authority") or "").split("\n")[0]
    if authority:
        who = fold_words(_AUTH_PREFIX.sub("", authority))
        for org in organizations.values():
            if org.id in set(registry.names.values()) and not org.group and fold_words(org.name).startswith(who):
                vote(org.id, 3, f"khối chữ ký “{authority}”")
    for text, points, reason in ((header.title, 4, "trích yếu"), (header.subtitle or "", 4, "dòng dưới trích yếu")):
        for m in re.finditer(r"\bcủa\s+", text):
            chain = _registry_name_at(text, registry, m.end())
            if chain:
                vote(registry.match(chain), points, reason)
    for node in preamble:
        text = node.text or ""
        for m in re.finditer(r"[A-ZĐÀ-Ỹ]", text):
            if m.start() and text[m.start() - 1] not in " (“":
                continue
            name = _registry_name_at(text, registry, m.start())
            if name and _ACTS.match(text, m.start() + len(name)):
                vote(registry.match(name), 3, "phần mở đầu")
    for node in body:
        if node.type == "heading" and node.text:
            vote(registry.match(node.text), 4, f"dòng “{node.text}”")
    if not scores:
        return None, [], False
    ranked = sorted(scores, key=lambda k: (-scores[k], k))
    best = ranked[0]
    certain = scores[best] >= 7 and (len(ranked) == 1 or scores[ranked[1]] * 2 <= scores[best])
    return best, why[best] + [f"khác: {o}" for o in ranked[1:3]], certain


def _registry_name_at(text: str, registry: Registry, start: int) -> Optional[str]:
    tokens = list(re.finditer(r"[^\W_]+", text[start : start + 200]))
    if not tokens:
        return None
    chunk = text[start : start + 200]
    last = registry.match_at(chunk, tokens, 0)
    return chunk[: tokens[last].end()] if last is not None else None


def _system(header: Header, number: Optional[str], issuer: Optional[str], signer: dict) -> tuple[Optional[str], str]:
    if header.system:
        return header.system, ""
    if number:
        if re.match(r"^\d+[a-zđ]?-[^/]+/", number):
            return "party", "theo dạng số, ký hiệu của văn bản Đảng"
        if re.match(r"^\d+[a-zđ]?/", number):
            return "state", "theo dạng số, ký hiệu của văn bản nhà nước"
    if issuer:
        f = fold_words(issuer.split("/", 1)[-1].replace("-", " "))
        if re.search(r"\b(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|so|bo|chinh phu)\b", f):
            return "state", "theo cơ quan ban hành"
        if re.search(r"\b(?:thanh uy|tinh uy|huyen uy|quan uy|dang|ban thuong vu|ban tuyen giao|ban dan van)\b", f):
            return "party", "theo cơ quan ban hành"
    authority = signer.get("authority") or ""
    if authority.startswith("T/M"):
        return "party", "theo khối chữ ký"
    if authority.startswith("TM."):
        return "state", "theo khối chữ ký"
    return None, ""


def make_slug(kind: str, number: Optional[str], year: Optional[int], taken: Iterable[str] = ()) -> str:
    from generator.importer.skeleton import make_slug as shared

    return shared(kind, number, year, taken)


def _raw_blocks(nodes: list[Node]) -> list[Any]:
    out: list[Any] = []
    for node in nodes:
        if node.type == "paragraph" and not node.children and not node.todo:
            out.append(node.text or "")
            continue
        raw: dict[str, Any] = {"type": node.type}
        for key in ("number", "marker", "heading", "text"):
            value = getattr(node, key)
            if value is not None:
                raw[key] = value
        if node.children:
            raw["children"] = _raw_blocks(node.children)
        out.append(Todo(raw, *node.todo) if node.todo else raw)
    return out


def _set_anchors(nodes: list[Node], parent: str) -> None:
    blocks = make_blocks(emit.plain(_raw_blocks(nodes)), parent, 0)

    def pair(ns: list[Node], bs: list) -> None:
        for n, b in zip(ns, bs):
            n.anchor = b.anchor
            pair(n.children, b.children)

    pair(nodes, blocks)


def _walk(nodes: list[Node]) -> Iterable[Node]:
    for node in nodes:
        yield from node.walk()


def _dedupe_numbers(nodes: list[Node], todo: list[str]) -> None:
    """Two siblings with one number would share an anchor: keep the print, flag the second."""
    seen: dict[tuple[str, str], int] = {}
    for node in nodes:
        if node.number is not None:
            key = (node.type, node.number)
            if key in seen:
                node.todo.append(
                    f"số thứ tự “{node.marker}” lặp lại ở cùng cấp (dòng {node.line} của văn bản gốc); "
                    "đã bỏ số để neo không trùng"
                )
                node.number = None
            else:
                seen[key] = 1
        _dedupe_numbers(node.children, todo)


# --- one document ---------------------------------------------------------------------------


@dataclass
class _Parts:
    header: Header
    body: list[Line]
    trailer: list[Line]
    notes: list[Line]


def _split(lines: list[Line]) -> list[_Parts]:
    parts: list[_Parts] = []
    pos = 0
    while pos < len(lines):
        k = find_kind_line(lines, pos)
        header = parse_header(lines, k, start=pos)
        body_end, trailer_end, notes_end = segment(lines, header.body_start)
        parts.append(
            _Parts(
                header, lines[header.body_start : body_end], lines[body_end:trailer_end], lines[trailer_end:notes_end]
            )
        )
        if notes_end <= pos:
            break
        pos = notes_end
    return parts


def _texts(data: dict) -> Iterable[str]:
    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)
        elif isinstance(node, dict):
            for key in ("heading", "text", "children"):
                if key in node:
                    yield from walk(node[key])

    yield data.get("title", "")
    if data.get("subtitle"):
        yield data["subtitle"]
    for key in ("preamble", "body"):
        yield from walk(data.get(key, []))
    for note in data.get("footnotes", []):
        yield note["text"]


def import_text(
    text: str,
    source_name: str,
    organizations: Optional[dict[str, Organization]] = None,
    jurisdictions: Optional[dict[str, Jurisdiction]] = None,
    known_numbers: Iterable[str] = (),
    taken_ids: Iterable[str] = (),
) -> Draft:
    """Draft documents from a source text (pure: no I/O)."""
    organizations = organizations or {}
    jurisdictions = jurisdictions or {}
    known = set(known_numbers)
    taken = set(taken_ids)
    reading = read_text(text)
    parts = _split(reading.lines)
    width, wrapped = line_width([l for p in parts for l in p.body])
    draft = Draft(source_name=source_name, documents=[], reading=reading)
    parent: Optional[DraftDocument] = None
    all_text = "\n".join(l.text for l in reading.lines)
    slug_hint = None
    if len(parts) > 1 and not (parts[0].header.number and parts[0].header.number.value):
        # a Quyết định that does not print its number, cited by the document it issues
        for citation in extract(parts[1].header.subtitle or ""):
            if citation.kind == parts[0].header.kind and citation.number:
                slug_hint = (citation.number, int(citation.date[:4]) if citation.date else None)
                break
    for index, part in enumerate(parts):
        doc = _document(
            part,
            index,
            parent,
            source_name,
            all_text,
            organizations,
            jurisdictions,
            known,
            taken,
            width,
            wrapped,
            slug_hint if index == 0 else None,
        )
        taken.add(doc.id)
        if parent is not None:
            attachments = parent.data.setdefault("attachments", [])
            attachments.append(doc.id)
            _cite_from_attachment(parent, doc)
        else:
            parent = doc
        draft.documents.append(doc)
    if not parts:
        draft.notes.append("Tệp không có nội dung (chỉ có dòng trống, số trang hoặc dòng trang trí).")
    # order the parent's keys again now that attachments may have been added
    for doc in draft.documents:
        doc.data = _ordered(doc.data)
    for doc in draft.documents:
        others = [d.path for d in draft.documents if d is not doc]
        comments = [f"Bản nháp do “python -m generator import” soạn từ {source_name}; lưu vào {doc.path}."]
        if others:
            comments.append("Tệp nguồn có nhiều văn bản; các văn bản khác: " + ", ".join(others) + ".")
        doc.yaml = emit.document(doc.data, comments + doc.header_comments)
    return draft


_ORDER = [
    "id",
    "#kind",
    "kind",
    "#number",
    "number",
    "#issuer",
    "issuer",
    "#system",
    "system",
    "place",
    "#date",
    "date",
    "heading",
    "#title",
    "title",
    "subtitle",
    "period",
    "topics",
    "preamble",
    "body",
    "#footnotes",
    "footnotes",
    "#signer",
    "signer",
    "recipients",
    "recipients_note",
    "attachments",
    "tasks",
    "source",
]


def _ordered(data: dict) -> dict:
    return {k: data[k] for k in sorted(data, key=lambda k: _ORDER.index(k) if k in _ORDER else 99)}


def _cite_from_attachment(parent: DraftDocument, attachment: DraftDocument) -> None:
    """A Quyết định that does not print its number or date: take them from the line under the
    attached document's title ("Ban hành kèm theo Quyết định số 2108-QĐ/TU ngày 05-9-2016")."""
    subtitle = attachment.plain.get("subtitle") or ""
    data = parent.data
    for citation in extract(subtitle):
        if citation.kind != parent.kind or not citation.number:
            continue
        if "number" not in data:
            data["number"] = Todo(
                {
                    "value": citation.number,
                    "source": "cited",
                    "cited_in": attachment.id,
                    "note": f"Bản văn bản nhận được không in số, ký hiệu; {KINDS[attachment.kind]} ban hành kèm theo ghi "
                    f"“{citation.text}”.",
                },
                "số, ký hiệu lấy từ văn bản ban hành kèm theo",
            )
            data.pop("#number", None)
        date = emit.plain(data.get("date", {}))
        if citation.date and date.get("precision") == "unknown":
            data["date"] = Todo(
                {"value": citation.date, "precision": "day", "source": "cited", "cited_in": attachment.id},
                "ngày lấy từ văn bản ban hành kèm theo",
            )
            data.pop("#date", None)
        break


def _document(
    part: _Parts,
    index: int,
    parent: Optional[DraftDocument],
    source_name: str,
    all_text: str,
    organizations: dict[str, Organization],
    jurisdictions: dict[str, Jurisdiction],
    known: set[str],
    taken: set[str],
    width: float,
    wrapped: bool,
    slug_hint: Optional[tuple[str, Optional[int]]] = None,
) -> DraftDocument:
    header = part.header
    problems: list[str] = []
    header_comments: list[str] = []
    paras = paragraphs(part.body, width, wrapped)
    preamble, body = build_tree(paras)
    trailer = parse_trailer(part.trailer)
    footnotes = parse_footnotes(part.notes)

    # where and who
    jurisdiction: Optional[str]
    if parent is not None:
        jurisdiction = parent.id.split("/", 1)[0]
        jur_how = "văn bản ban hành"
    else:
        jurisdiction, jur_how = _jurisdiction(header, all_text, source_name, jurisdictions, organizations)
    registry = Registry(organizations, jurisdiction)
    issuer, evidence, certain = _issuer(header, registry, organizations, trailer.signer, preamble, body)
    if parent is not None:
        issuer, certain = emit.plain(parent.data["issuer"]), True
        evidence = ["văn bản ban hành"]
    if jurisdiction is None and issuer:
        jurisdiction = issuer.split("/", 1)[0]
    issuer_value: Any = issuer or ""
    if not issuer:
        issuer_value = Todo("", "cơ quan ban hành: không xác định được; ghi mã cơ quan trong data/organizations/")
        problems.append("không xác định được cơ quan ban hành")
    elif not certain:
        issuer_value = Todo(issuer, f"cơ quan ban hành (đoán từ: {'; '.join(evidence)})")
    registry = Registry(organizations, jurisdiction, issuer)

    # number, date, place
    data: dict[str, Any] = {}
    number_value: Optional[str] = None
    if header.number and header.number.value:
        number_value = header.number.value
        number: dict[str, Any] = {"value": number_value}
        as_printed = re.sub(r"^\s*(?:Số|SỐ|số)\s*:?\s*", "", header.number.printed)
        if as_printed != number_value:
            number["printed_as"] = header.number.printed
        number["source"] = "printed"
        data["number"] = number
    elif header.number:
        data["#number"] = Todo(None, f"số, ký hiệu “{header.number.printed}” chưa đọc được hoặc còn để trống")
    else:
        data["#number"] = Todo(
            None,
            "văn bản không in số, ký hiệu; nếu văn bản khác dẫn chiếu số này, thêm "
            "number với source: cited và cited_in",
        )
    date: Any
    year: Optional[int] = None
    if header.date:
        date = {"value": header.date.value, "precision": header.date.precision, "source": "printed"}
        year = int(header.date.value[:4])
        if header.date.precision != "day":
            date = Todo(date, f"ngày in trên văn bản chưa đủ (“{header.date.printed}”)")
    elif header.subtitle and (cited := next((c for c in extract(header.subtitle) if c.date), None)) and cited.date:
        date = Todo(
            {
                "value": cited.date,
                "precision": "day",
                "source": "printed",
                "note": f"Ngày của {KINDS.get(cited.kind or '', 'văn bản')} ban hành kèm theo, ghi ở đầu "
                f"{KINDS.get(header.kind or '', 'văn bản')}.",
            },
            "ngày lấy từ dòng dưới trích yếu",
        )
        year = int(cited.date[:4])
    else:
        date = {"precision": "unknown"}
        data["#date"] = Todo(
            None, "không thấy ngày ban hành; nếu suy ra được, ghi not_before hoặc value với source: cited"
        )
    kind = header.kind
    kind_value: Any = kind
    if kind is None:
        guess = _kind_from_number(number_value)
        kind = guess or "cong-van"
        kind_value = Todo(kind, "loại văn bản: không thấy dòng tên loại (CHỈ THỊ, QUYẾT ĐỊNH…)")

    # id
    if parent is not None:
        slug = f"{kind}-kem-{parent.id.split('/', 1)[1]}"
    else:
        slug_number, slug_year = slug_hint if slug_hint and not number_value else (number_value, year)
        slug = make_slug(
            kind,
            slug_number,
            slug_year or year,
            {t.split("/", 1)[-1] for t in taken if t.startswith(f"{jurisdiction}/")},
        )
    doc_id = f"{jurisdiction or 'chua-ro'}/{slug}"
    if jurisdiction is None:
        problems.append("không xác định được địa bàn (thư mục data/documents/<địa bàn>/)")
    if number_value and number_value in known:
        problems.append(
            f"số, ký hiệu {number_value} đã có trong dữ liệu (văn bản đã công bố hoặc "
            "data/references.yaml); nếu là cùng văn bản thì không cần nhập lại, nếu chỉ có trong "
            "danh mục tham chiếu thì xóa mục đó để dẫn chiếu không bị trùng"
        )
    id_value: Any = doc_id if number_value else Todo(doc_id, "mã văn bản (tên tệp) đặt tạm vì văn bản không in số")
    data["id"] = id_value
    data["kind"] = kind_value
    data["issuer"] = issuer_value
    system, system_how = _system(header, number_value, issuer, trailer.signer)
    if system is None:
        data["system"] = Todo("party", "hệ thống văn bản: không thấy tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM” hay Quốc hiệu")
    elif system_how:
        data["system"] = Todo(system, f"hệ thống văn bản (suy ra {system_how})")
    else:
        data["system"] = system
    if header.date and header.date.place:
        data["place"] = header.date.place
    data["date"] = date
    if header.heading:
        data["heading"] = header.heading
    title = header.title
    if title:
        data["title"] = (
            title
            if not all(is_caps(l.text) for l in header.title_lines)
            else Todo(title, "trích yếu in hoa: giữ như in hay viết thường")
        )
    else:
        data["title"] = Todo("(chưa có trích yếu)", "không tìm thấy trích yếu; chép trích yếu từ văn bản")
    if header.subtitle:
        data["subtitle"] = header.subtitle
    period = re.search(r"giai đoạn\s+(?:từ\s+)?(?:năm\s+)?((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", title)
    if period and int(period.group(1)) <= int(period.group(2)):
        data["period"] = {"start": int(period.group(1)), "end": int(period.group(2))}

    # blocks, footnotes and their markers
    _dedupe_numbers(preamble, [])
    _dedupe_numbers(body, [])
    markers = sum(count_markers(n.text or "") + count_markers(n.heading or "") for n in _walk(preamble + body))
    if footnotes:
        counter = iter(range(1, len(footnotes) + 1))
        remaining = [len(footnotes)]

        def next_id() -> int:
            remaining[0] -= 1
            return next(counter)

        for node in _walk(preamble + body):
            for key in ("heading", "text"):
                value = getattr(node, key)
                if value and remaining[0] > 0 and count_markers(value):
                    setattr(node, key, _replace_some(value, next_id, remaining))
        for i, note in enumerate(footnotes, start=1):
            note["id"] = str(i)
    if markers and markers != len(footnotes):
        data["#footnotes"] = Todo(
            None,
            f"{markers} ký hiệu chú thích bị mất trong nội dung (dấu “()” hoặc "
            f"“{LOST_MARK}”) nhưng có {len(footnotes)} chú thích; ghép lại bằng [^số]",
        )
    _set_anchors(preamble, anchor_rules.PREAMBLE)
    _set_anchors(body, "")
    if preamble:
        data["preamble"] = _raw_blocks(preamble)
    data["body"] = _raw_blocks(body) if body else Todo([], "không nhận ra phần nội dung")
    if footnotes:
        data["footnotes"] = [{"id": n["id"], "text": n["text"]} for n in footnotes]

    # signer and recipients
    if trailer.signer:
        signer = dict(trailer.signer)
        messages = []
        if "name" not in signer:
            messages.append("khối chữ ký không có họ tên người ký")
        data["signer"] = Todo(signer, *messages)
    if trailer.recipients:
        data["recipients"] = trailer.recipients
    if trailer.recipients_note:
        data["recipients_note"] = trailer.recipients_note
    if trailer.unknown:
        header_comments.append("Các dòng sau khối chữ ký chưa xếp được vào trường nào (TODO: kiểm tra):")
        header_comments += [f"  dòng {l.no}: {l.text}" for l in trailer.unknown]
    leftovers = header.other
    if leftovers:
        header_comments.append("Các dòng đầu văn bản chưa xếp được vào trường nào (TODO: kiểm tra):")
        header_comments += [f"  dòng {l.no}: {l.text}" for l in leftovers]
    if header.issuer_lines:
        header_comments.append("Dòng tên cơ quan ban hành in trên văn bản: " + " / ".join(header.issuer_lines))

    # tasks
    tasks = _tasks(body, registry, year)
    if tasks:
        data["tasks"] = tasks
    source: dict[str, Any] = {"file": source_name}
    data["source"] = source

    # figures for the summary
    texts = list(_texts(emit.plain(data)))
    citations = [c for t in texts for c in extract(t)]
    own = {number_value} | ({parent.plain.get("number", {}).get("value")} if parent else set())
    unresolved = sorted({c.number for c in citations if c.number and c.number not in known | own})
    nodes = list(_walk(preamble + body))
    stats = {
        "numbered": sum(n.number is not None for n in nodes),
        "blocks": len(nodes),
        "tasks": len(tasks),
        "footnotes": len(footnotes),
        "citations": len(citations),
        "unresolved": unresolved,
        "jurisdiction": jur_how,
    }
    return DraftDocument(
        id=doc_id, kind=kind, data=_ordered(data), header_comments=header_comments, problems=problems, stats=stats
    )


def _replace_some(text: str, next_id, remaining: list[int]) -> str:
    out, pos = [], 0
    from generator.importer.structure import INLINE_MARK

    for m in INLINE_MARK.finditer(text):
        if remaining[0] <= 0:
            break
        out.append(text[pos : m.start()])
        out.append(replace_markers(m.group(), next_id))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _kind_from_number(number: Optional[str]) -> Optional[str]:
    """The kind the type in a canonical number names ("08-CT/TU" -> chi-thi), if it names one."""
    if not number:
        return None
    party = re.match(r"\d+[a-zđ]?-", number) is not None  # Party form N-TYPE/ISSUER
    for part in re.split(r"[-/]", number)[1:]:
        kind = symbol_kind(part, party)
        if kind:
            return kind
    return None


# Sections that assess or explain rather than assign: no tasks are read from their text.
_NO_TASK_SECTIONS = re.compile(
    r"^(?:thuc trang|tinh hinh|ket qua|danh gia|muc dich|muc tieu|quan diem|yeu cau|"
    r"pham vi|su can thiet|can cu)"
)


def _assigning(nodes: list[Node]) -> Iterable[Node]:
    for node in nodes:
        title = fold_words(node.heading or "")
        if title and _NO_TASK_SECTIONS.match(title):
            continue
        yield node
        yield from _assigning(node.children)


def _tasks(body: list[Node], registry: Registry, year: Optional[int]) -> list[Any]:
    found: list[FoundTask] = []
    for node in _assigning(body):
        fields: dict[str, str] = {}
        for child in node.children:
            m = child.task_field
            if m:
                key = field_name(m.group("field"))
                fields[key] = (fields[key] + ", " + m.group("value")) if key in fields else m.group("value")
        if fields and node.anchor:
            found.append(field_task(node.anchor, fields, registry, node.line))
            continue
        if node.type in ("heading",) or node.task_field or not node.text:
            continue
        found += prose_tasks(node.anchor, node.text, registry, node.line)
    out: list[Any] = []
    per_unit: dict[str, int] = defaultdict(int)
    for task in found:
        per_unit[task.unit] += 1
    counters: dict[str, int] = defaultdict(int)
    used: set[str] = set()
    for task in found:
        base = "nv-" + re.sub(r"^muc-", "", task.unit)
        counters[task.unit] += 1
        task_id = f"{base}-{counters[task.unit]}" if per_unit[task.unit] > 1 else base
        while task_id in used:
            task_id += "-x"
        used.add(task_id)
        entry: dict[str, Any] = {"id": task_id, "unit": task.unit}
        if task.summary:
            entry["summary"] = task.summary
        if task.lead:
            entry["lead"] = task.lead
        if task.support:
            entry["support"] = task.support
        if task.deadline:
            entry["deadline"] = task.deadline
        messages = list(task.todo)
        unknown = unknown_names(task, registry)
        if unknown:
            messages.append("tên cơ quan chưa có trong danh mục: " + "; ".join(f"“{n}”" for n in unknown))
        if not task.lead:
            messages.append("nhiệm vụ chưa rõ cơ quan chủ trì")
        deadline_todo = check_deadline(task.deadline, year)
        if deadline_todo:
            messages.append(deadline_todo)
        out.append(Todo(entry, *messages) if messages else entry)
    return out


# --- files ----------------------------------------------------------------------------------


MAX_DOCX_XML = 50_000_000  # bytes of uncompressed parts; a real directive is a few megabytes


def _check_docx_size(path: Path) -> None:
    """Refuse a zip bomb before anything is decompressed: the sizes in the zip's directory
    (a 0.9 MB file declared 4.8 GB of XML). zipfile never inflates a part past its declared size."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValueError(f"tệp .docx hỏng hoặc không phải định dạng Word 2007 trở lên ({exc})") from None
    if total > MAX_DOCX_XML:
        raise ValueError(
            f"tệp .docx giải nén ra {total:,} byte, quá giới hạn {MAX_DOCX_XML:,} byte; "
            "có thể là tệp nén độc hại (zip bomb) — lưu lại văn bản thành tệp .docx mới hoặc .txt"
        )


def read_docx(path: Path) -> str:
    """The text of a .docx: paragraphs and tables in document order, one line per paragraph;
    a table cell's paragraphs become lines of their own; a task table (columns Chủ trì /
    Phối hợp / Thời gian) becomes "- Chủ trì: …" lines under each row's content."""
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - python-docx is pinned in requirements/site.txt
        raise ValueError("cần gói python-docx để đọc tệp .docx (make site cài đặt gói này)") from None
    _check_docx_size(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises its own errors for a damaged or non-.docx file
        raise ValueError(f"tệp .docx hỏng hoặc không phải định dạng Word 2007 trở lên ({exc})") from None
    out: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.extend(Paragraph(element, document).text.split("\n"))
            out.append("")
        elif tag == "tbl":
            out.extend(_table_lines(Table(element, document)))
            out.append("")
    return "\n".join(out)


def _cell_lines(cell) -> list[str]:
    return [line for p in cell.paragraphs for line in p.text.split("\n")]


def _table_lines(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        rows.append(cells)
    columns: dict[str, int] = {}
    if rows:
        for i, cell in enumerate(rows[0]):
            label = fold_words(" ".join(_cell_lines(cell)))
            if "chu tri" in label:
                columns["Chủ trì"] = i
            elif "phoi hop" in label:
                columns["Phối hợp"] = i
            elif "thoi gian" in label or "thoi han" in label or "tien do" in label:
                columns["Thời gian thực hiện"] = i
    out: list[str] = []
    if "Chủ trì" in columns:
        out += [" | ".join(" ".join(_cell_lines(c)) for c in rows[0])]  # the header row, as table debris
        for cells in rows[1:]:
            fields = set(columns.values())
            content = [line for i, c in enumerate(cells) if i not in fields for line in _cell_lines(c)]
            out += [line for line in content if line.strip()]
            for label, i in columns.items():
                if i < len(cells):
                    value = " ".join(l.strip() for l in _cell_lines(cells[i]) if l.strip())
                    if value:
                        out.append(f"- {label}: {value}")
        return out
    for cells in rows:
        for cell in cells:
            out += _cell_lines(cell)
    return out


def _source_name(path: Path) -> str:
    name = path.name.lower()
    if re.match(r"^[a-z0-9][a-z0-9.-]*\.txt$", name):
        return name
    return (slugify(path.stem) or "van-ban") + ".txt"


def import_file(path: Path, data_dir: Path) -> Draft:
    """Read a .txt, .md or .docx file and draft its documents against the data folder."""
    from generator.corpus.read import read_corpus

    path = Path(path)
    if path.suffix.lower() == ".docx":
        text = read_docx(path)
    else:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(f"tệp không phải UTF-8 (byte {exc.start}); lưu lại tệp với mã hóa UTF-8") from None
    read = read_corpus(Path(data_dir))
    corpus = read.corpus
    organizations = corpus.organizations if corpus else {}
    jurisdictions = corpus.jurisdictions if corpus else {}
    known: set[str] = set()
    taken: set[str] = set()
    if corpus:
        known |= {d.number.value for d in corpus.documents.values() if d.number}
        known |= {e.number for e in corpus.catalog.values() if e.number}
        taken |= set(corpus.documents)
    source_name = _source_name(path)
    draft = import_text(
        text,
        source_name,
        organizations=organizations,
        jurisdictions=jurisdictions,
        known_numbers=known,
        taken_ids=taken,
    )
    sources = Path(data_dir) / "sources"
    if not (sources / source_name).exists():
        if path.suffix.lower() == ".docx":
            draft.notes.append(
                f"Lưu văn bản gốc dạng văn bản thuần (UTF-8) vào data/sources/{source_name} "
                "(trường source.file trỏ tới tệp này)."
            )
        else:
            draft.notes.append(f"Chép tệp nguồn vào data/sources/{source_name} (trường source.file trỏ tới tệp này).")
    return draft
