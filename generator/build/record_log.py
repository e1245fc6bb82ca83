"""A log of records by key: one JSON line per record, the last line of a key winning.

The page index of the cache (generator/build/cache.py) is one: a build that renders a few
pages adds a few lines instead of rewriting every page's record (111 MB at 10,000 documents).
A line broken by a build killed while adding is skipped. Once the replaced lines are as many
as the live ones, the log is written again without them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

Records = dict[str, dict[str, Any]]
SLACK = 1000  # replaced lines always tolerated (a small log is not rewritten for a few)


def encode(records: Records) -> bytes:
    lines = (json.dumps({"key": key, **record}, ensure_ascii=False) for key, record in records.items())
    return "\n".join(lines).encode("utf-8")


@dataclass
class RecordLog:
    path: Path
    lines: int = 0  # lines in the file when it was last read or written
    records: int = 0  # distinct keys among them

    def load(self) -> Records:
        """Every record of the log (none when there is no log)."""
        found: Records = {}
        try:
            lines = self.path.read_bytes().splitlines()
        except OSError:
            lines = []
        for line in lines:
            try:
                entry = json.loads(line)
                found[entry.pop("key")] = entry
            except (ValueError, KeyError, AttributeError, TypeError):
                continue
        self.lines, self.records = len(lines), len(found)
        return found

    def add(self, records: Records, write: Callable[[Path, bytes], None]) -> None:
        """Append `records` (after `load`); rewrite the log instead once it is mostly replaced
        lines. `write` writes a whole file atomically."""
        if not records:
            return
        if self.lines + len(records) > 2 * (self.records + len(records)) + SLACK:
            everything = self.load()
            everything.update(records)
            self.rewrite(everything, write)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("ab") as log:  # one write: a build killed meanwhile breaks one line at most
            log.write(b"\n" + encode(records))
        self.lines += len(records) + 1
        self.records += len(records)  # at most: a key may have been there already

    def rewrite(self, records: Records, write: Callable[[Path, bytes], None]) -> None:
        write(self.path, encode(records))
        self.lines = self.records = len(records)
