"""What an import produces: the drafted documents, their YAML, and the Vietnamese summary for
the terminal (what was found, what `check` will refuse, every TODO with its line, the registry
entries to add)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from generator.corpus.model import Jurisdiction, Organization
from generator.importer import emit
from generator.importer.entries import jurisdiction_entry, organization_entry
from generator.importer.lines import Reading
from generator.vn.kinds import KINDS

__all__ = ["Draft", "DraftDocument", "NewEntries", "SEPARATOR"]

SEPARATOR = "---"


@dataclass
class NewEntries:
    """Registry entries the draft needs and the registry lacks."""

    jurisdiction: Optional[Jurisdiction] = None
    organization: Optional[Organization] = None
    guessed_case: bool = False

    def lines(self) -> list[str]:
        out: list[str] = []
        if self.jurisdiction:
            out.append(
                f"Địa bàn “{self.jurisdiction.id}” chưa có trong danh mục; thêm vào cuối data/jurisdictions.yaml:"
            )
            out += jurisdiction_entry(self.jurisdiction).splitlines()
        if self.organization:
            org = self.organization
            where = f"data/organizations/{org.jurisdiction}.yaml"
            first = "tạo tệp" if self.jurisdiction else "thêm vào cuối"
            out.append(f"Cơ quan “{org.id}” chưa có trong danh mục; {first} {where}:")
            if self.jurisdiction:
                out.append("# yaml-language-server: $schema=../../generator/schema/organizations.schema.json")
            out += organization_entry(org, self.guessed_case).splitlines()
        return out


@dataclass
class DraftDocument:
    id: str
    kind: str
    data: dict  # with emit.Todo wrappers
    header_comments: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # why `check` would fail
    stats: dict[str, Any] = field(default_factory=dict)
    new: NewEntries = field(default_factory=NewEntries)
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
    not_directive: list[str] = field(default_factory=list)  # why the text reads as an article

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
        if self.not_directive:
            out += _article_lines(self.not_directive)
        if len(self.documents) > 1:
            out.append(
                f"Bản nháp gồm {len(self.documents)} văn bản ngăn cách bởi dòng “{SEPARATOR}”; tách thành các tệp:"
            )
        for i, doc in enumerate(self.documents, start=1):
            out += _document_lines(i, doc)
        out += self._todo_lines()
        dropped = []
        if self.reading.page_numbers:
            dropped.append(f"{self.reading.page_numbers} số trang lẻ")
        if self.reading.decorations:
            dropped.append(f"{self.reading.decorations} dòng trang trí")
        if dropped:
            out.append("Đã bỏ " + ", ".join(dropped) + ".")
        if self.reading.tab_rows:
            out.append(f"Đã tách {self.reading.tab_rows} dòng bảng Word (ô ngăn bằng tab) thành từng ô.")
        if self.reading.merged_columns:
            out.append(f"Đã tách {self.reading.merged_columns} dòng tiêu đề bị dính hai cột.")
        for doc in self.documents:
            out += doc.new.lines()
        out += self.notes
        return out

    def _todo_lines(self) -> list[str]:
        todos = self.todos()
        if not todos:
            return ["Không có chỗ nào cần kiểm tra thêm."]
        out = [
            f"Cần kiểm tra {len(todos)} chỗ (dòng ghi chú “# TODO” trong bản nháp; "
            "“python -m generator check” báo lỗi cho đến khi xóa hết):"
        ]
        return out + [f"  dòng {no}: {message}" for no, message in todos]


def _article_lines(signs: list[str]) -> list[str]:
    return (
        [
            "Tệp này có vẻ là bài viết hoặc trang tin về một văn bản, không phải toàn văn văn bản chỉ đạo "
            "(không có Quốc hiệu, số, ký hiệu hay ngày ban hành của chính nó). Dấu hiệu:"
        ]
        + [f"  {sign}" for sign in signs]
        + ["Hãy tìm toàn văn văn bản (bản có số, ký hiệu, ngày ban hành và chữ ký) để nhập."]
    )


def _document_lines(i: int, doc: DraftDocument) -> list[str]:
    s = doc.stats
    number = doc.plain.get("number", {}).get("value") or "không rõ số"
    out = [f"Văn bản {i}: {KINDS.get(doc.kind, doc.kind)} ({number}) → {doc.path}"]
    if s.get("jurisdiction"):
        out.append(f"  Địa bàn: {doc.id.split('/', 1)[0]} ({s['jurisdiction']}).")
    if s.get("issuer"):
        out.append(f"  Cơ quan ban hành: {doc.plain.get('issuer') or 'chưa rõ'} ({s['issuer']}).")
    cites = f"{s['citations']} dẫn chiếu"
    if s["unresolved"]:
        cites += f" ({len(s['unresolved'])} chưa có trong dữ liệu: {', '.join(s['unresolved'][:8])}"
        cites += "…)" if len(s["unresolved"]) > 8 else ")"
    out.append(
        f"  {s['numbered']} khối có đánh số, {s['blocks']} khối nội dung, {s['tasks']} nhiệm vụ, "
        f"{s['footnotes']} chú thích, {cites}."
    )
    if s["unresolved"]:
        out.append("  Thêm các văn bản được dẫn chiếu vào danh mục: python -m generator catalog")
    if s.get("unknown_names"):
        names = ", ".join(f"“{n}”" for n in s["unknown_names"][:10])
        more = "…" if len(s["unknown_names"]) > 10 else ""
        out.append(f"  Tên cơ quan trong nhiệm vụ chưa có trong danh mục: {names}{more}.")
    for problem in doc.problems:
        out.append(f"  Chưa qua được kiểm tra (python -m generator check): {problem}.")
    return out
