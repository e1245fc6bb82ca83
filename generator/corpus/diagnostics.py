"""Staff-facing problems found in the data, located as path:line:col.

- `Diagnostic`: one problem, located, with a Vietnamese message and hint.
- `Origin`: where a record came from: its YAML file and the line and column of its values.
  Every published document carries one (`Document.origin`), so a later stage locates what it
  finds without asking the reader.
- `Sink`: the one collector every stage reports to (read, then resolve); each diagnostic is
  kept once, and given back sorted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping, Optional

ERROR = "lỗi"
_VISIBLE = {0x0D: "\\r", 0x0A: "\\n", 0x09: "\\t", 0x1B: "\\x1b"}
_INVISIBLE = re.compile("[\r\n\t\x1b]")
WARNING = "cảnh báo"

DataPath = tuple  # a path into a YAML file's data: keys (str) and list indices (int)
Positions = Mapping[DataPath, tuple[int, int]]  # data path -> line, column (1-based)


@dataclass(frozen=True)
class Location:
    path: str  # the file, as shown in messages
    line: int = 1  # 1-based
    col: int = 1  # 1-based


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int  # 1-based
    col: int  # 1-based
    severity: str  # ERROR or WARNING
    message: str
    hint: str = ""

    @classmethod
    def at(cls, where: Location, severity: str, message: str, hint: str = "") -> Diagnostic:
        return cls(where.path, where.line, where.col, severity, message, hint)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        if self.hint:
            text += f" (gợi ý: {self.hint})"
        # A quoted value's CR or LF must not forge a line of output. (A pattern, not
        # str.translate: that took 25 µs a line of Vietnamese text, 2 s for 82,000 warnings.)
        return _INVISIBLE.sub(lambda found: _VISIBLE[ord(found.group())], text)

    def github_annotation(self) -> str:
        """A GitHub Actions workflow command, shown inline on the pull request."""
        level = "error" if self.is_error else "warning"
        message = self.message + (f" (gợi ý: {self.hint})" if self.hint else "")
        # Workflow commands need %, CR and LF escaped in the message; , and : in properties.
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{level} file={path},line={self.line},col={self.col}::{message}"


class Origin:
    """Where a record's values are in its YAML file.

    `at(path)` locates the value at `path` (below the record's own `prefix` in the file: `(3,)`
    for the fourth entry of a list), or its nearest ancestor that has a position; the file's
    first line when none has. `keep(paths)` gives a smaller Origin that still locates those
    paths exactly: a document keeps only the positions later stages may report at."""

    __slots__ = ("path", "_values", "_keys", "_prefix")

    def __init__(
        self, path: str, values: Optional[Positions] = None, keys: Optional[Positions] = None, prefix: DataPath = ()
    ):
        self.path = path
        self._values: Positions = values if values is not None else {}
        self._keys: Positions = keys if keys is not None else {}
        self._prefix = prefix

    def where(self, at: DataPath, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or, with `key`, of the key) at `at`."""
        table = self._keys if key else self._values
        probe = self._prefix + tuple(at)
        while probe:
            if probe in table:
                return table[probe]
            if key:  # fall back to value positions for a missing key position
                table = self._values
                continue
            probe = probe[:-1]
        return self._values.get((), (1, 1))

    def at(self, at: DataPath = (), key: bool = False) -> Location:
        line, col = self.where(at, key)
        return Location(self.path, line, col)

    def entry(self, index: int | str) -> Origin:
        """The origin of the record at `index` below this one (an entry of a registry file)."""
        return Origin(self.path, self._values, self._keys, self._prefix + (index,))

    def keep(self, paths: Iterable[DataPath]) -> Origin:
        """An origin that locates `paths` (and the record itself) as this one does, and nothing else."""
        values = {tuple(at): self.where(at) for at in paths}
        values[()] = self.where(())
        return Origin(self.path, values)


class Sink:
    """Every diagnostic of one run: read and resolve report here, each diagnostic kept once."""

    def __init__(self) -> None:
        self._found: dict[Diagnostic, None] = {}  # an ordered set

    def add(self, diagnostic: Diagnostic) -> None:
        self._found[diagnostic] = None

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        for diagnostic in diagnostics:
            self._found[diagnostic] = None

    def error(self, where: Location, message: str, hint: str = "") -> None:
        self.add(Diagnostic.at(where, ERROR, message, hint))

    def warning(self, where: Location, message: str, hint: str = "") -> None:
        self.add(Diagnostic.at(where, WARNING, message, hint))

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self._found)

    def sorted(self) -> list[Diagnostic]:
        """Every diagnostic, by file, line and column."""
        return sorted(self._found)

    def __len__(self) -> int:
        return len(self._found)


def strings_in(node: Any, at: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    """Every string of a loaded YAML value with its data path, in file order (for rules that
    look at all text: placeholders, TODO markers, HTML)."""
    if isinstance(node, str):
        yield at, node
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from strings_in(item, at + (i,))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings_in(value, at + (key,))
