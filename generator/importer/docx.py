"""The text of a Word file (.docx), as lines the importer reads like any text."""

from __future__ import annotations

from pathlib import Path

from generator.vn.text import fold_words

__all__ = ["MAX_DOCX_XML", "read_docx"]

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
