"""The preview server (`make serve`): what `mkdocs serve --dirty` needs beyond a build.

The generator is the same as a build's, with the same cache, so an edit renders again only the
pages it affects. What the preview adds, kept on disk under build/preview/ (no state lives in
memory between rebuilds):
- a small file per page naming its rendered body; it is rewritten only when the page changed,
  so MkDocs' --dirty rebuild writes just the changed pages;
- data errors as a page in place of every page (in Vietnamese: path:line:col, what is wrong,
  the hint) instead of a stale page, a traceback or a server that stops answering; the next
  good build brings the pages back;
- each warning logged once per server.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from generator.build.pages import PageRecord
from generator.corpus.diagnostics import Diagnostic


def _rewrite_if_changed(path: Path, text: str) -> bool:
    """Write `text` to `path` unless it holds it already; whether it was written."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def stub(record: PageRecord, folder: Path, state: str = "") -> tuple[Path, bool]:
    """The file MkDocs sees as the page's source: it names the body (and the error state),
    so its modification time changes exactly when the page shown does. With whether this
    call wrote it (the page changed)."""
    path = folder / "pages" / record.path
    return path, _rewrite_if_changed(path, f"{record.body}\n{state}\n")


def new_diagnostics(diagnostics: list[Diagnostic], folder: Path) -> list[Diagnostic]:
    """Errors every time; a warning only the first time this server sees it. A diagnostic is
    known by the hash of its fields: the file belongs to this server process, whose hashes do
    not change (formatting every warning instead took 0.1 s a rebuild at 1,000 documents)."""
    seen_file = folder / f"warnings-{os.getppid()}-{os.getpid()}.txt"
    try:
        seen = set(seen_file.read_text(encoding="utf-8").split())
    except OSError:
        seen = set()
    fresh, keys = [], []
    for diagnostic in diagnostics:
        key = format(hash(diagnostic) & 0xFFFFFFFFFFFFFFFF, "x")
        if diagnostic.is_error or key not in seen:
            fresh.append(diagnostic)
        keys.append(key)
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text("\n".join(sorted(seen | set(keys))), encoding="utf-8")
    return fresh


def error_state(errors: list[str], folder: Path) -> tuple[str, bool]:
    """This build's error state ("" when the data is clean) and whether it differs from the
    previous build's (then every page is rebuilt, to show or drop the error page)."""
    state = hashlib.blake2b("\n".join(errors).encode("utf-8"), digest_size=12).hexdigest() if errors else ""
    path = folder / "error-state"
    try:
        previous = path.read_text(encoding="utf-8")
    except OSError:
        previous = ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(state, encoding="utf-8")
    return state, state != previous
