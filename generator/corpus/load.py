"""Stage 1, load: read YAML files into plain Python data, remembering where each value sits.

Hardened for staff and hostile input alike:
- files: every file is opened below the data folder one path component at a time, never
  following a symbolic link (O_NOFOLLOW), and must be a regular file; a link to a file
  outside the repository (or to /proc/self/environ) is refused, not read;
- size and nesting depth are bounded before the C YAML parser sees the text (its composer
  recurses on the C stack: `[[[[…` 100,000 deep crashed the process);
- no YAML aliases (an exponential "billion laughs" expansion is refused, not expanded);
- no control, invisible or format characters, no Unicode noncharacters or lone surrogates;
- legacy-encoding mojibake (TCVN3, VNI) refused by what Vietnamese words can be;
- every string NFC-normalized.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

from generator.corpus import unfinished, yaml_errors
from generator.corpus.diagnostics import ERROR, Diagnostic, Origin
from generator.vn import mojibake

try:  # libyaml is much faster; the pure-Python loader gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40

Path_ = tuple  # a path into the data: keys (str) and list indices (int)

# Characters no data string may hold. C0/C1 controls (tab, LF and CR excepted); the
# invisible and format characters (Unicode's Default_Ignorable_Code_Point: soft hyphen,
# zero-width characters, word joiner, bidi controls, U+FEFF, Hangul fillers, variation
# selectors, tags…) and the line/paragraph separators; noncharacters (U+FFFE, U+FFFF,
# U+FDD0–U+FDEF, U+nFFFE/F), which XML 1.0 forbids; and lone surrogates, which a YAML
# "\ud800" escape can produce and no UTF-8 file can hold.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff" + "".join(
    f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(1, 17)
)
_FORBIDDEN_ANY = re.compile(f"[{_CONTROLS}{_INVISIBLE}{_NONCHARACTERS}]")
# Everything else in the Basic Multilingual Plane, as one fast class: the full class above is
# slow (its astral noncharacters), so it only runs from the first character outside this one.
_PLAIN = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\xac\xae-\u034e\u0350-\u061b\u061d-\u115e\u1161-\u17b3\u17b6-\u180a"
    "\u1810-\u200a\u2010-\u2027\u202f-\u205f\u2070-\u3163\u3165-\ud7ff\ue000-\ufdcf\ufdf0-\ufdff"
    "\ufe10-\ufefe\uff00-\uff9f\uffa1-\uffef\ufffc\ufffd]"
)


class _Forbidden:
    """search/match like a compiled pattern, for the characters no data string may hold."""

    @staticmethod
    def search(text: str, pos: int = 0):
        first = _PLAIN.search(text, pos)
        return _FORBIDDEN_ANY.search(text, first.start()) if first else None

    @staticmethod
    def match(text: str, pos: int = 0):
        return _FORBIDDEN_ANY.match(text, pos)


_FORBIDDEN = _Forbidden()
_CONTROL_ONLY = re.compile(f"[{_CONTROLS}]")
_INVISIBLE_ONLY = re.compile(f"[{_INVISIBLE}]")


def describe(char: str) -> str:
    """ "U+200B (ZERO WIDTH SPACE)": a character named so staff can find it."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def forbidden_message(char: str) -> tuple[str, str]:
    """Vietnamese message and hint for a character no data string may hold."""
    if _CONTROL_ONLY.match(char):
        return (
            f"chuỗi chứa ký tự điều khiển không in được {describe(char)}",
            "xóa ký tự này; thường do sao chép từ PDF hoặc Word",
        )
    if _INVISIBLE_ONLY.match(char):
        return (
            f"chuỗi chứa ký tự vô hình {describe(char)}",
            "xóa ký tự này (không nhìn thấy được nhưng làm sai số hiệu, tìm kiếm và liên kết);"
            " thường do sao chép từ PDF hoặc Word",
        )
    return (
        f"chuỗi chứa ký tự không hợp lệ {describe(char)} (không phải ký tự Unicode dùng được)",
        "xóa ký tự này",
    )


@dataclass
class Loaded:
    """One YAML file's data plus the position of every value and key in it."""

    path: str  # as given, used in messages
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    todos: list[tuple[int, int, str]] = field(default_factory=list)  # TODO comments (unfinished.py)

    def origin(self) -> Origin:
        """Where the values are (the same tables, not a copy)."""
        return Origin(self.path, self.positions, self.key_positions)

    def where(self, at: Path_, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `at`, or of its nearest ancestor."""
        return self.origin().where(at, key)


class LoadError(Exception):
    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


def _pos(node: yaml.Node | yaml.Event) -> tuple[int, int]:
    mark = node.start_mark  # the parser marks every node and event
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _err(path: str, at: tuple[int, int], message: str, hint: str = "") -> LoadError:
    return LoadError(Diagnostic(path, at[0], at[1], ERROR, message, hint))


def _check_text(path: str, text: str, at: tuple[int, int], escaped: bool = True) -> str:
    """A parsed string, refused or NFC. Only a file with a backslash can hold a YAML escape
    ("\\x1b", "\\ud800") that makes a character the raw text did not have."""
    if escaped:
        bad = _FORBIDDEN.search(text)
        if bad:
            raise _err(path, at, *forbidden_message(bad.group()))
    return unicodedata.normalize("NFC", text)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _check_raw(path: str, text: str) -> None:
    """Before parsing: forbidden characters and legacy-encoding mojibake, located."""
    bad = _FORBIDDEN.search(text)
    if bad and bad.group() != "\u00ad":  # the YAML reader's own message has no line or column
        raise _err(path, _line_col(text, bad.start()), *forbidden_message(bad.group()))
    nfc = text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    found = mojibake.find(nfc)
    # A soft hyphen is TCVN3's "ư" ("ng\u00adêi"), or a lone invisible hyphen from Word.
    if found and mojibake.find(found[1].replace("\u00ad", "")) is not None or found and bad is None:
        offset, word = found
        shown = "".join(f"<{describe(c)}>" if _FORBIDDEN.match(c) else c for c in word)
        raise _err(
            path,
            _line_col(nfc, offset),
            f"“{shown}” không phải chữ tiếng Việt: văn bản có vẻ gõ bằng bảng mã cũ (TCVN3/ABC hoặc VNI)"
            " bị đọc sai (mã hóa cũ)",
            "chuyển văn bản gốc sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi sao chép lại",
        )
    if bad:
        raise _err(path, _line_col(text, bad.start()), *forbidden_message(bad.group()))


_NESTING_EVENTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSING_EVENTS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _check_depth(path: str, text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before the composer (which recurses in C) runs.

    A cheap upper bound first: a block collection nests only through indentation or "- ",
    "? ", ": " at the start of a line, a flow collection only through "[" or "{". Only a
    text whose bound is over the limit is measured exactly, by the parser's events (an
    iterative state machine, stopped at the first node too deep)."""
    room = MAX_DEPTH - text.count("[") - text.count("{")  # bound: 1 + longest line prefix + brackets
    if room > 0 and not re.search(f"^[ \\t?:-]{{{room},}}", text, re.M):
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, _NESTING_EVENTS):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _err(
                        path,
                        _pos(event),
                        f"cấu trúc lồng quá sâu (hơn {MAX_DEPTH} cấp)",
                        "dữ liệu văn bản không cần lồng sâu như vậy; kiểm tra dấu [ { và thụt lề",
                    )
            elif isinstance(event, _CLOSING_EVENTS):
                depth -= 1
    except yaml.YAMLError:
        return  # invalid YAML: composing reports it, located, before it gets this deep


class _Converter:
    def __init__(self, loaded: Loaded, escaped: bool = True):
        self.loaded = loaded
        self.seen: set[int] = set()
        self.escaped = escaped

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
                value = _check_text(path, value, _pos(node), self.escaped)
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
                key = _check_text(path, key, _pos(key_node), self.escaped)
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
    _check_raw(path, text)
    _check_depth(path, text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:  # in Vietnamese, at the line of the mistake (yaml_errors.py)
        explained = yaml_errors.explain(text, exc)
        raise _err(path, (explained.line, explained.col), explained.message, explained.hint) from None
    except yaml.YAMLError as exc:
        raise _err(path, (1, 1), f"YAML không hợp lệ: {exc}") from None
    except RecursionError:
        raise _err(path, (1, 1), "cấu trúc lồng quá sâu") from None
    if node is None:
        raise _err(path, (1, 1), "tệp rỗng")
    colon_item = yaml_errors.colon_items(node)
    if colon_item is not None:
        raise _err(path, (colon_item.line, colon_item.col), colon_item.message, colon_item.hint)
    loaded.data = _Converter(loaded, escaped="\\" in text).convert(node, (), 0)
    loaded.todos = unfinished.todo_comments(text, node)
    return loaded


# --- files: read below the data folder, never through a symbolic link ---------------------

_OPEN_DIR = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_OPEN_FILE = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
LINK_MESSAGE = "là liên kết tượng trưng (symlink): dữ liệu chỉ được là tệp thường nằm trong data/"
LINK_HINT = "thay liên kết bằng chính nội dung tệp; trang không bao giờ đọc tệp qua liên kết"


def read_data_file(file: Path, root: Path, display: Optional[str] = None, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `file`, a regular file below `root`, opened one path component at a time
    without following any symbolic link (a link anywhere below `root` is refused, and so is
    a FIFO, a device or a directory). Raises LoadError with a Vietnamese message."""
    display = display or str(file)
    root = Path(root).resolve()
    try:
        parts = Path(os.path.abspath(file)).relative_to(root).parts
    except ValueError:
        raise _err(display, (1, 1), "tệp nằm ngoài thư mục dữ liệu data/", LINK_HINT) from None
    if not parts:
        raise _err(display, (1, 1), "không phải tệp dữ liệu")
    fd = os.open(root, _OPEN_DIR)
    try:
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            try:
                next_fd = os.open(part, _OPEN_FILE if last else _OPEN_DIR, dir_fd=fd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR) or os.path.islink(root.joinpath(*parts[: i + 1])):
                    where = "" if last else f"thư mục {'/'.join(parts[: i + 1])} "
                    raise _err(display, (1, 1), where + LINK_MESSAGE, LINK_HINT) from None
                raise _err(display, (1, 1), f"không đọc được tệp ({exc.strerror})") from None
            os.close(fd)
            fd = next_fd
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _err(display, (1, 1), "không phải tệp thường (thư mục, thiết bị hoặc FIFO)", LINK_HINT)
        if info.st_size > limit:
            raise _err(
                display,
                (1, 1),
                f"tệp quá lớn ({info.st_size:,} byte, tối đa {limit:,})",
                "tách văn bản kèm theo thành tệp riêng",
            )
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grew while being read
                raise _err(display, (1, 1), f"tệp quá lớn (tối đa {limit:,} byte)")
        return b"".join(chunks)
    finally:
        os.close(fd)


def load_file(file: Path, display: str | None = None, root: Path | None = None) -> Loaded:
    """Load a YAML file below `root` (default: its own folder), never through a link."""
    display = display or str(file)
    raw = read_data_file(file, root if root is not None else Path(os.path.abspath(file)).parent, display)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _err(display, (line, 1), "tệp không phải UTF-8", "lưu lại tệp với mã hóa UTF-8") from None
    return load_text(text, display)


def data_folder_diagnostics(root: Path, display) -> list[Diagnostic]:
    """Every symbolic link, and everything that is neither a folder nor a regular file, below
    the data folder: refused wherever it is, whether or not a document names it.
    `display(path)` gives the path shown in messages."""
    found: list[Diagnostic] = []
    pending = [Path(root)]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.append(Diagnostic(display(folder), 1, 1, ERROR, f"không đọc được thư mục ({exc.strerror})"))
            continue
        for entry in entries:
            if entry.is_symlink():
                found.append(Diagnostic(display(Path(entry.path)), 1, 1, ERROR, LINK_MESSAGE, LINK_HINT))
            elif entry.is_dir(follow_symlinks=False):
                pending.append(Path(entry.path))
            elif not entry.is_file(follow_symlinks=False):
                found.append(
                    Diagnostic(display(Path(entry.path)), 1, 1, ERROR, "không phải tệp thường (thiết bị hoặc FIFO)")
                )
    return found
