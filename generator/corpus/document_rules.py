"""Rules on one document alone, which a schema cannot say.

File rules see the YAML file after its schema passed, before it is modelled; an error keeps
the document out of the corpus. Document rules see the modelled document (anchors, footnotes,
tasks) and where its values are. Each is a named function that yields located diagnostics;
`generator/corpus/rules.py` lists them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from generator.corpus.diagnostics import ERROR, WARNING, DataPath, Diagnostic, Origin, strings_in
from generator.corpus.load import Loaded
from generator.corpus.markup import contains_html
from generator.corpus.model import Document
from generator.vn.dates import PartialDate


@dataclass(frozen=True)
class DocumentFile:
    """A document's YAML file that passed its schema."""

    loaded: Loaded
    expected_id: str  # "<jurisdiction folder>/<file name without .yaml>"
    known_sources: frozenset[str]  # the file names in data/sources/

    def at(self, at: DataPath, message: str, hint: str = "", severity: str = ERROR, key: bool = False) -> Diagnostic:
        line, col = self.loaded.where(at, key=key)
        return Diagnostic(self.loaded.path, line, col, severity, message, hint)


# --- the file, before it is modelled ---------------------------------------------------------


def id_matches_file(file: DocumentFile) -> Iterator[Diagnostic]:
    found = file.loaded.data["id"]
    if found != file.expected_id:
        yield file.at(
            ("id",),
            f"mã “{found}” không khớp với vị trí tệp (cần “{file.expected_id}”)",
            "mã văn bản là <địa bàn>/<tên tệp không có .yaml>",
        )


_PRECISION_PARTS = {"day": 3, "month": 2, "year": 1}


def date_matches_precision(file: DocumentFile) -> Iterator[Diagnostic]:
    date = file.loaded.data["date"]
    precision = date["precision"]
    value = date.get("value")
    if precision == "unknown":
        if value:
            yield file.at(
                ("date", "value"),
                "ngày có độ chính xác “unknown” thì không ghi giá trị",
                "xóa “value” hoặc đổi “precision”",
            )
    elif not value:
        yield file.at(("date",), f"thiếu “value” cho ngày có độ chính xác “{precision}”")
    elif len(value.split("-")) != _PRECISION_PARTS[precision]:
        yield file.at(
            ("date", "value"),
            f"ngày “{value}” không khớp độ chính xác “{precision}”",
            "day: YYYY-MM-DD, month: YYYY-MM, year: YYYY",
        )
    elif PartialDate.parse_or_none(value) is None:
        yield file.at(("date", "value"), f"ngày không tồn tại: {value}", "kiểm tra ngày và tháng")


def dates_exist(file: DocumentFile) -> Iterator[Diagnostic]:
    """The earliest date of issue, and every report date."""
    data = file.loaded.data
    not_before = data["date"].get("not_before")
    if not_before and PartialDate.parse_or_none(not_before) is None:
        yield file.at(("date", "not_before"), f"ngày không tồn tại: {not_before}")
    for i, task in enumerate(data.get("tasks", [])):
        for j, report in enumerate(task.get("reports", [])):
            if PartialDate.parse_or_none(report["date"]) is None:
                yield file.at(("tasks", i, "reports", j, "date"), f"ngày không tồn tại: {report['date']}")


def cited_values_name_their_document(file: DocumentFile) -> Iterator[Diagnostic]:
    data = file.loaded.data
    date = data["date"]
    if (date.get("source") == "cited") != bool(date.get("cited_in")):
        yield file.at(("date",), "ngày lấy từ văn bản khác (source: cited) phải ghi “cited_in”, và ngược lại")
    number = data.get("number")
    if number and (number["source"] == "cited") != bool(number.get("cited_in")):
        yield file.at(("number",), "số lấy từ văn bản khác (source: cited) phải ghi “cited_in”, và ngược lại")


def period_in_order(file: DocumentFile) -> Iterator[Diagnostic]:
    period = file.loaded.data.get("period")
    if period and period["start"] > period["end"]:
        yield file.at(("period",), "năm bắt đầu sau năm kết thúc")


def source_file_exists(file: DocumentFile) -> Iterator[Diagnostic]:
    name = file.loaded.data["source"]["file"]
    if name not in file.known_sources:
        yield file.at(
            ("source", "file"),
            f"không có tệp nguồn “{name}” trong data/sources/",
            "thêm tệp văn bản gốc vào data/sources/",
        )


def no_html_in_strings(file: DocumentFile) -> Iterator[Diagnostic]:
    for at, text in strings_in(file.loaded.data, ()):
        if contains_html(text):
            yield file.at(
                at,
                "chuỗi chứa thẻ HTML; trang sẽ hiển thị nguyên văn như chữ, không chạy mã",
                "xóa thẻ HTML nếu không cố ý",
                severity=WARNING,
            )


# --- the modelled document -------------------------------------------------------------------


def unique_anchors(document: Document, origin: Origin) -> Iterator[Diagnostic]:
    """Two blocks with the same number at the same level would share a deep link."""
    located = list(document.located_blocks())
    counts = Counter(block.anchor for block, _ in located)
    seen: set[str] = set()
    for block, path in located:
        if counts[block.anchor] > 1 and block.anchor in seen:  # at the second and later ones
            yield Diagnostic.at(
                origin.at(path + ("number",)),
                ERROR,
                f"neo “{block.anchor}” xuất hiện {counts[block.anchor]} lần: hai khối cùng số thứ tự ở cùng cấp",
                "kiểm tra trường number của các mục",
            )
        seen.add(block.anchor)


def _footnote_refs(document: Document) -> set[str]:
    return {
        ref for block in document.blocks() for text in (block.heading, block.text) if text for ref in text.footnote_refs
    }


def footnotes_defined(document: Document, origin: Origin) -> Iterator[Diagnostic]:
    """A reference [^n] with no footnote n: reported at each text that holds it."""
    defined = {footnote.id for footnote in document.footnotes}
    for text_field in document.text_fields():
        if text_field.field not in ("heading", "text"):  # the blocks' texts, as _footnote_refs reads
            continue
        for ref in text_field.text.footnote_refs:
            if ref not in defined:
                yield Diagnostic.at(
                    origin.at(text_field.path),
                    ERROR,
                    f"chú thích [^{ref}] được dẫn nhưng chưa khai báo trong footnotes",
                )


def footnotes_cited(document: Document, origin: Origin) -> Iterator[Diagnostic]:
    used = _footnote_refs(document)
    for i, footnote in enumerate(document.footnotes):
        if footnote.id not in used:
            yield Diagnostic.at(
                origin.at(("footnotes", i)), WARNING, f"chú thích “{footnote.id}” không được dẫn trong nội dung"
            )


def task_units_exist(document: Document, origin: Origin) -> Iterator[Diagnostic]:
    anchors = {block.anchor for block in document.blocks()}
    for i, task in enumerate(document.tasks):
        if task.unit not in anchors:
            yield Diagnostic.at(
                origin.at(("tasks", i, "unit")),
                ERROR,
                f"không có khối nội dung có neo “{task.unit}”",
                "neo có dạng muc-2, muc-ii-1-a, dieu-1 (xem Hướng dẫn biên tập)",
            )


def unique_task_ids(document: Document, origin: Origin) -> Iterator[Diagnostic]:
    counts = Counter(task.id for task in document.tasks)
    for i, task in enumerate(document.tasks):
        if counts[task.id] > 1:
            yield Diagnostic.at(origin.at(("tasks", i, "id")), ERROR, f"mã nhiệm vụ “{task.id}” bị trùng")
