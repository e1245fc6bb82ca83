"""Stage 1, load: read YAML files into plain Python data, remembering where each value sits.

Hardened for staff and hostile input alike: size and depth limits, no YAML aliases (an
exponential "billion laughs" expansion is refused, not expanded), no control characters,
legacy-encoding mojibake refused, and every string NFC-normalized.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.corpus.diagnostics import ERROR, Diagnostic

try:  # libyaml is much faster; the pure-Python loader gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40

Path_ = tuple  # a path into the data: keys (str) and list indices (int)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
# Latin-1 letters and signs that Vietnamese never uses but TCVN3/VNI text read as
# Latin-1 is full of ("Uû ban nh©n d©n", "chaøo").
_MOJIBAKE = re.compile(r"[©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÑÖØÛÜÝÞßäåæçëîïñöøûüþÿ]")


@dataclass
class Loaded:
    """One YAML file's data plus the position of every value and key in it."""

    path: str  # as given, used in messages
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, at: Path_, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `at`, or of its nearest ancestor."""
        table = self.key_positions if key else self.positions
        probe = tuple(at)
        while probe:
            if probe in table:
                return table[probe]
            if key:  # fall back to value positions for a missing key position
                table = self.positions
                continue
            probe = probe[:-1]
        return self.positions.get((), (1, 1))


class LoadError(Exception):
    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _err(path: str, at: tuple[int, int], message: str, hint: str = "") -> LoadError:
    return LoadError(Diagnostic(path, at[0], at[1], ERROR, message, hint))


def _check_text(path: str, text: str, at: tuple[int, int]) -> str:
    bad = _CONTROL.search(text)
    if bad:
        raise _err(
            path,
            at,
            f"chuỗi chứa ký tự điều khiển không in được (U+{ord(bad.group()):04X})",
            "xóa ký tự này; thường do sao chép từ PDF hoặc Word",
        )
    if len(_MOJIBAKE.findall(text)) >= 2:
        raise _err(
            path,
            at,
            "chuỗi có vẻ là văn bản mã hóa cũ (TCVN3/VNI) bị đọc sai",
            "chuyển văn bản gốc sang Unicode (ví dụ bằng Unikey) rồi sao chép lại",
        )
    return unicodedata.normalize("NFC", text)


class _Converter:
    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.seen: set[int] = set()

    def convert(self, node: yaml.Node, at: Path_, depth: int) -> Any:
        path = self.loaded.path
        if depth > MAX_DEPTH:
            raise _err(path, _pos(node), f"cấu trúc lồng quá sâu (hơn {MAX_DEPTH} cấp)")
        if id(node) in self.seen:
            raise _err(
                path, _pos(node), "không dùng anchor/alias của YAML (&tên, *tên)", "viết đầy đủ nội dung thay cho *tên"
            )
        self.seen.add(id(node))
        self.loaded.positions[at] = _pos(node)
        if isinstance(node, yaml.ScalarNode):
            value = _scalar(node, path)
            if isinstance(value, str):
                value = _check_text(path, value, _pos(node))
            return value
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
            raise _err(path, _pos(node), f"kiểu YAML “{node.tag}” không được hỗ trợ", "bỏ thẻ ! trước giá trị")
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(child, at + (i,), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _err(path, _pos(key_node), "không dùng khóa gộp << của YAML")
                key = _scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, str):
                    raise _err(path, _pos(key_node), "tên trường phải là chuỗi")
                key = unicodedata.normalize("NFC", key)
                if key in result:
                    raise _err(path, _pos(key_node), f"trường “{key}” bị khai báo hai lần")
                self.loaded.key_positions[at + (key,)] = _pos(key_node)
                result[key] = self.convert(value_node, at + (key,), depth + 1)
            return result
        raise _err(path, _pos(node), "nút YAML không được hỗ trợ")  # pragma: no cover


_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_SAFE = yaml.constructor.SafeConstructor()
_SCALARS = {
    "tag:yaml.org,2002:str": lambda node: node.value,
    "tag:yaml.org,2002:timestamp": lambda node: node.value,  # dates stay as written; validate parses
    "tag:yaml.org,2002:null": lambda node: None,
    "tag:yaml.org,2002:bool": _SAFE.construct_yaml_bool,
    "tag:yaml.org,2002:int": _SAFE.construct_yaml_int,
    "tag:yaml.org,2002:float": _SAFE.construct_yaml_float,
}


def _scalar(node: yaml.ScalarNode, path: str) -> Any:
    build = _SCALARS.get(node.tag)
    if build is None:
        raise _err(path, _pos(node), f"kiểu YAML “{node.tag}” không được hỗ trợ", "bỏ thẻ ! trước giá trị")
    return build(node)


def load_text(text: str, path: str) -> Loaded:
    """Parse YAML text. Raises LoadError with a located Vietnamese message."""
    loaded = Loaded(path=path, data=None)
    if text.startswith("\ufeff"):
        text = text[1:]
    bad = _CONTROL.search(text)
    if bad:  # before parsing: the YAML reader's own message has no line or column
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise _err(
            path,
            (line, col),
            f"chuỗi chứa ký tự điều khiển không in được (U+{ord(bad.group()):04X})",
            "xóa ký tự này; thường do sao chép từ PDF hoặc Word",
        )
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (exc.problem or exc.context or "cú pháp không hợp lệ").strip()
        raise _err(
            path,
            at,
            f"YAML không hợp lệ: {problem}",
            "kiểm tra thụt lề (dùng dấu cách, không dùng tab) và dấu hai chấm sau tên trường",
        ) from None
    except yaml.YAMLError as exc:
        raise _err(path, (1, 1), f"YAML không hợp lệ: {exc}") from None
    except RecursionError:
        raise _err(path, (1, 1), "cấu trúc lồng quá sâu") from None
    if node is None:
        raise _err(path, (1, 1), "tệp rỗng")
    loaded.data = _Converter(loaded).convert(node, (), 0)
    return loaded


def load_file(file: Path, display: str | None = None) -> Loaded:
    display = display or str(file)
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _err(
            display,
            (1, 1),
            f"tệp quá lớn ({size:,} byte, tối đa {MAX_FILE_BYTES:,})",
            "tách văn bản kèm theo thành tệp riêng",
        )
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _err(display, (line, 1), "tệp không phải UTF-8", "lưu lại tệp với mã hóa UTF-8") from None
    return load_text(text, display)
