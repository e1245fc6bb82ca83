"""YAML syntax errors as office staff understand them: a Vietnamese message at the line where
the mistake is, with the fix.

The YAML reader reports where it noticed a problem, which is often not where the mistake is:
a quote left open on line 2 is noticed on line 5, when the next quote closes it. `explain`
reads the text around the reader's position and names the common mistakes:

  * a value opened with a quote and not closed on its line (the line that opened it);
  * a colon inside an unquoted value ("title: Về việc: …"), or at its end;
  * a tab used for indentation;
  * a line indented more or less than the fields beside it;

and `colon_items` finds a list item ending in ":" ("- Căn cứ các văn bản sau:"), which YAML
reads, without any error, as a field name with no value.

Pure functions over the text and the reader's error; the loader (load.py) calls them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Optional

import yaml

__all__ = ["Explained", "explain", "colon_items"]


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    col: int  # 1-based
    message: str
    hint: str


_KEY_VALUE = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?:(?P<key>[A-Za-z_][\w-]*):\s+)?(?P<value>.*)$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _mark(exc: yaml.MarkedYAMLError) -> tuple[int, int]:
    mark = exc.problem_mark or exc.context_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _open_quote(line: str) -> Optional[str]:
    """The quote a value on this line opens and does not close, if any."""
    m = _KEY_VALUE.match(line)
    value = m.group("value") if m else ""
    if not value or value[0] not in "\"'":
        return None
    quote, rest = value[0], value[1:]
    if quote == '"':
        closed = re.search(r'(?<!\\)(?:\\\\)*"', rest)
    else:
        closed = re.search(r"'(?!')", rest.replace("''", "  "))
    return None if closed else quote


def _unclosed(lines: list[str], upto: int) -> Optional[int]:
    """The line (1-based) that opened a quoted value which is still open at line `upto`, or
    which the first quote on line `upto` closed (the reader then trips over the rest)."""
    opened: Optional[int] = None
    quote = ""
    for no, line in enumerate(lines[:upto], start=1):
        if opened is None:
            q = _open_quote(line)
            if q:
                opened, quote = no, q
        elif re.search(r'(?<!\\)"' if quote == '"' else r"'(?!')", line):
            if no == upto:
                return opened
            opened = None
    return opened


def _previous(lines: list[str], no: int) -> Optional[str]:
    """The nearest line above line `no` that holds data (not blank, not a comment)."""
    for line in reversed(lines[: no - 1]):
        if line.strip() and not line.lstrip().startswith("#"):
            return line
    return None


def _quote_fix(line: str) -> str:
    m = _KEY_VALUE.match(line)
    if not m:
        return 'đặt giá trị trong dấu nháy: "…"'
    value = m.group("value").strip()
    head = (m.group("dash") or "") + (f"{m.group('key')}: " if m.group("key") else "")
    return f"đặt giá trị trong dấu nháy: {head}{json.dumps(value, ensure_ascii=False)}"


def explain(text: str, exc: yaml.MarkedYAMLError) -> Explained:
    """What went wrong and where, for the reader's error `exc` on `text`."""
    lines = text.split("\n")
    line, col = _mark(exc)
    problem = (exc.problem or "").lower()
    context = (exc.context or "").lower()
    opened = _unclosed(lines, min(line, len(lines)))
    if "quoted scalar" in context and exc.context_mark is not None:
        start = exc.context_mark.line + 1
        opened = start if _open_quote(lines[start - 1]) else opened
    if opened is not None and opened <= line:
        quote = _open_quote(lines[opened - 1]) or '"'
        return Explained(
            opened,
            lines[opened - 1].find(quote) + 1,
            f"thiếu dấu nháy đóng: giá trị mở bằng {quote} ở dòng này nhưng không đóng "
            f"(YAML đọc tiếp đến dòng {line} mới thấy lỗi)",
            f"thêm dấu {quote} vào cuối giá trị trên cùng dòng; dùng dấu nháy thẳng {quote}, không dùng “ ”",
        )
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in current[: max(col, 1)] or ("character" in problem and "\t" in current):
        return Explained(
            line,
            current.find("\t") + 1,
            "dòng thụt lề bằng phím Tab",
            "thay Tab bằng dấu cách: YAML chỉ cho thụt lề bằng dấu cách (mỗi cấp 2 dấu cách)",
        )
    if "mapping values are not allowed" in problem:
        return _mapping_value(lines, line, col)
    if "expected key" in problem or "expected <block end>" in problem or "expected '-'" in problem:
        return _indentation(lines, line)
    return Explained(
        line,
        col,
        f"YAML không hợp lệ ({exc.problem or exc.context or 'cú pháp'})",
        "kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm sau tên trường, và đặt giá trị có "
        "dấu “:” hoặc “#” trong dấu nháy",
    )


def _mapping_value(lines: list[str], line: int, col: int) -> Explained:
    """ "mapping values are not allowed": a colon in an unquoted value, or a line indented
    under a value as if it were a field of it."""
    current = lines[line - 1]
    key = re.match(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(?:\s|$)", current)
    if key and col - 1 >= key.end() - 1:  # a second colon, after the field's own
        return Explained(
            line,
            col,
            "dấu hai chấm trong giá trị chưa đặt trong dấu nháy: YAML hiểu phần trước dấu “:” là tên trường",
            _quote_fix(current),
        )
    return _indentation(lines, line)


def _indentation(lines: list[str], line: int) -> Explained:
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    previous = _previous(lines, line)
    here = _indent(current)
    siblings = sorted({_indent(l) for l in lines[: line - 1] if l.strip() and not l.lstrip().startswith("#")})
    if previous is None:
        expected = "0"
    else:
        nearest = [n for n in siblings if n <= here] or [0]
        expected = str(nearest[-1] if nearest[-1] != here else _indent(previous))
    return Explained(
        line,
        here + 1,
        f"thụt lề sai: dòng này lùi {here} dấu cách, không thẳng cột với các dòng cùng cấp ({expected} dấu cách)",
        "các trường cùng cấp phải thẳng cột; mỗi cấp con lùi thêm 2 dấu cách; dòng tiếp theo của một giá trị dài "
        "thì đặt cả giá trị trong dấu nháy trên một dòng",
    )


def colon_items(node: yaml.Node) -> Optional[Explained]:
    """A list item ending in ":" ("- Căn cứ các văn bản sau:"): YAML reads it as a field with no
    value. A field name never holds a space, so a key with one and no value is such an item."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.SequenceNode):
            for item in current.value:
                if isinstance(item, yaml.MappingNode) and len(item.value) == 1:
                    key, value = item.value[0]
                    if (
                        isinstance(key, yaml.ScalarNode)
                        and not key.style  # plain: None or "" depending on the reader
                        and " " in key.value
                        and isinstance(value, yaml.ScalarNode)
                        and value.value == ""
                    ):
                        line, col = key.start_mark.line + 1, key.start_mark.column + 1
                        return Explained(
                            line,
                            col,
                            "mục danh sách kết thúc bằng dấu hai chấm: YAML hiểu cả dòng là tên một trường",
                            f"đặt cả dòng trong dấu nháy: - {json.dumps(key.value + ':', ensure_ascii=False)}",
                        )
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(v for _, v in current.value)
    return None
