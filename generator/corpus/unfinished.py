"""Unfinished work is never published: `check` refuses a data file that still holds a TODO
comment or a placeholder value.

`python -m generator import` marks every value it is unsure of with "# TODO: kiểm tra …", and
`python -m generator new` and `catalog` write placeholder values ("(trích yếu của văn bản)")
where a person has to fill something in. Each one left is an error, "còn việc cần kiểm tra",
at its own line, so that the list `check` prints is the list of what remains to do.

`todo_comments(text, node)` finds the TODO comments of a YAML text (a "TODO" inside a quoted or
plain value is text, not a comment); the loader keeps them on `Loaded.todos`. `unfinished_work(loaded)`
turns them, and every placeholder value in the data, into located errors: a YAML rule
(corpus/rules.py), run on every file as it is loaded.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

import yaml

from generator.corpus.diagnostics import ERROR, Diagnostic, strings_in

if TYPE_CHECKING:  # load.py imports this module
    from generator.corpus.load import Loaded

__all__ = [
    "PLACEHOLDERS",
    "PLACEHOLDER_ISSUER",
    "PLACEHOLDER_JURISDICTION",
    "PLACEHOLDER_TITLE",
    "todo_comments",
    "unfinished_work",
]

MESSAGE = "còn việc cần kiểm tra"

# Values the skeleton, the importer and the catalog command write where a person must fill in.
PLACEHOLDER_TITLE = "(trích yếu của văn bản)"
PLACEHOLDER_ISSUER = "(chưa rõ cơ quan ban hành)"
PLACEHOLDER_JURISDICTION = "chua-ro"  # the jurisdiction part of an id the text does not give
PLACEHOLDERS: dict[str, str] = {
    PLACEHOLDER_TITLE: "chép trích yếu từ văn bản gốc",
    "(chưa có trích yếu)": "chép trích yếu từ văn bản gốc",
    "(Đoạn mở đầu của văn bản.)": "chép phần mở đầu (căn cứ ban hành) hoặc xóa trường preamble",
    "(Nội dung mục 1.)": "chép nội dung văn bản gốc",
    "(Gạch đầu dòng, nếu có.)": "chép gạch đầu dòng hoặc xóa khối này",
    PLACEHOLDER_ISSUER: "ghi tên cơ quan ban hành như văn bản dẫn chiếu ghi",
    "…": "ghi giá trị thật thay cho dấu “…” của mục mẫu",  # the entries `check` hints at (hints.py)
    "Tỉnh …": "ghi tên đầy đủ của địa bàn, ví dụ “Tỉnh Quảng Trị”",
}

_TODO = re.compile(r"#[^\n]*?\bTODO\b[^\n]*")


def _scalar_spans(node: yaml.Node) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            spans.append((current.start_mark.index, current.end_mark.index))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
    return spans


def todo_comments(text: str, node: yaml.Node | None) -> list[tuple[int, int, str]]:
    """(line, column, comment text) of each comment holding "TODO"; a "TODO" inside a value is
    text. Linear in the text; the node tree is walked only when the text holds "TODO"."""
    if "TODO" not in text:
        return []
    spans = sorted(_scalar_spans(node)) if node is not None else []
    found = []
    for m in _TODO.finditer(text):
        start = m.start()
        if start and text[start - 1] not in " \t\n":
            continue  # "#" inside a word is not a comment
        if any(a <= start < b for a, b in spans):
            continue
        line = text.count("\n", 0, start) + 1
        col = start - (text.rfind("\n", 0, start) + 1) + 1
        found.append((line, col, m.group().lstrip("# ").strip()))
    return found


def unfinished_work(loaded: Loaded) -> Iterator[Diagnostic]:
    """Errors for the TODO comments and placeholder values of one loaded file (a YAML rule)."""
    for line, col, comment in loaded.todos:
        yield Diagnostic(
            loaded.path, line, col, ERROR, f"{MESSAGE}: {comment}", "sửa giá trị nếu cần rồi xóa dòng TODO này"
        )
    for at, value in strings_in(loaded.data, ()):
        hint = PLACEHOLDERS.get(value.strip())
        if hint is None and at and at[-1] == "id" and value.startswith(PLACEHOLDER_JURISDICTION + "/"):
            hint = "thay “chua-ro” bằng mã địa bàn của văn bản (data/jurisdictions.yaml) và chuyển tệp vào thư mục đó"
        if hint is not None:
            line, col = loaded.where(at)
            yield Diagnostic(loaded.path, line, col, ERROR, f"{MESSAGE}: giá trị mẫu “{value}” chưa được thay", hint)
