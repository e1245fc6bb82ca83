"""`import_text`: a source text → a `Draft` of one or more documents (pure: no I/O)."""

from __future__ import annotations

from typing import Iterable, Optional

from generator.corpus.model import Jurisdiction, Organization
from generator.importer import emit
from generator.importer.document import Context, Part, draft_document, ordered, split_parts
from generator.importer.draft import Draft, DraftDocument
from generator.importer.emit import Todo
from generator.importer.genre import article_signs, site_metadata
from generator.importer.lines import read_text
from generator.importer.structure import line_width
from generator.vn.citations import extract
from generator.vn.kinds import KINDS

__all__ = ["import_text"]


def import_text(
    text: str,
    source_name: str,
    organizations: Optional[dict[str, Organization]] = None,
    jurisdictions: Optional[dict[str, Jurisdiction]] = None,
    known_numbers: Iterable[tuple[str, str]] = (),
    taken_ids: Iterable[str] = (),
) -> Draft:
    """Draft documents from a source text (pure: no I/O). `known_numbers` holds (jurisdiction,
    number) of the documents and catalog entries already in the data; `taken_ids` their ids."""
    reading = read_text(text)
    parts = split_parts(reading.lines)
    ctx = Context(
        source_name=source_name,
        all_text="\n".join(l.text for l in reading.lines),
        organizations=organizations or {},
        jurisdictions=jurisdictions or {},
        known=set(known_numbers),
        taken=set(taken_ids),
        width=0,
        wrapped=False,
    )
    ctx.width, ctx.wrapped = line_width([l for p in parts for l in p.body])
    ctx.slug_hint = _slug_hint(parts)
    draft = Draft(source_name=source_name, documents=[], reading=reading)
    if parts:
        draft.not_directive = article_signs(reading.lines, parts[0].header, parts[0].late)
    parent: Optional[DraftDocument] = None
    for index, part in enumerate(parts):
        doc = draft_document(part, index, parent, ctx)
        ctx.taken.add(doc.id)
        if parent is not None:
            parent.data.setdefault("attachments", []).append(doc.id)
            _cite_from_attachment(parent, doc)
        else:
            parent = doc
        draft.documents.append(doc)
    if not parts:
        draft.notes.append("Tệp không có nội dung (chỉ có dòng trống, số trang hoặc dòng trang trí).")
    metadata = site_metadata(reading.lines)
    if metadata:
        draft.notes.append(
            f"Đầu tệp có {len(metadata)} dòng thông tin của trang web (“{metadata[0].text[:40]}…”), không phải của "
            "văn bản; các thông tin ở đó không được dùng."
        )
    _write_yaml(draft)
    return draft


def _slug_hint(parts: list[Part]) -> Optional[tuple[str, Optional[int]]]:
    """A Quyết định that does not print its number, cited by the document it issues."""
    if len(parts) > 1 and not (parts[0].header.number and parts[0].header.number.value):
        for citation in extract(parts[1].header.subtitle or ""):
            if citation.kind == parts[0].header.kind and citation.number:
                return citation.number, int(citation.date[:4]) if citation.date else None
    return None


def _write_yaml(draft: Draft) -> None:
    for doc in draft.documents:
        if draft.not_directive:
            doc.data["#not_directive"] = Todo(
                None,
                "tệp này có vẻ là bài viết hoặc trang tin về văn bản, không phải toàn văn văn bản chỉ đạo "
                f"({draft.not_directive[0]}); đừng công bố bản nháp này mà hãy nhập toàn văn văn bản",
            )
        doc.data = ordered(doc.data)  # attachments may have been added
    for doc in draft.documents:
        others = [d.path for d in draft.documents if d is not doc]
        comments = [f"Bản nháp do “python -m generator import” soạn từ {draft.source_name}; lưu vào {doc.path}."]
        if others:
            comments.append("Tệp nguồn có nhiều văn bản; các văn bản khác: " + ", ".join(others) + ".")
        doc.yaml = emit.document(doc.data, comments + doc.header_comments)


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
