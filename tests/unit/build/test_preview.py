"""generator/build/preview.py: the stub files MkDocs' dirty rebuild watches, warnings once per
server, and the error state that swaps every page for the error page and back. The preview
server itself is tested in tests/site/test_preview.py."""

from __future__ import annotations

import os
from pathlib import Path

from generator.build.pages import PageRecord
from generator.build.preview import error_state, new_diagnostics, stub
from generator.corpus.diagnostics import ERROR, WARNING, Diagnostic


def _record(tmp_path: Path, body: str = "a.html") -> PageRecord:
    return PageRecord("van-ban/da-nang/x.md", {}, [], None, tmp_path / body)


def test_a_stub_is_rewritten_only_when_the_page_shown_changes(tmp_path: Path):
    folder = tmp_path / "preview"
    path, written = stub(_record(tmp_path), folder)
    assert path == folder / "pages" / "van-ban/da-nang/x.md" and written
    os.utime(path, (1, 1))
    assert stub(_record(tmp_path), folder) == (path, False)
    assert path.stat().st_mtime == 1  # same body, same state: untouched, MkDocs skips it
    assert stub(_record(tmp_path, "b.html"), folder) == (path, True)
    assert path.stat().st_mtime != 1 and "b.html" in path.read_text(encoding="utf-8")
    os.utime(path, (1, 1))
    assert stub(_record(tmp_path, "b.html"), folder, state="abc") == (path, True)
    assert path.stat().st_mtime != 1  # an error appeared: the page shown changes


def test_errors_every_time_warnings_once(tmp_path: Path):
    warning = Diagnostic("data/documents/da-nang/x.yaml", 3, 5, WARNING, "chưa phân tích được thời hạn")
    error = Diagnostic("data/documents/da-nang/x.yaml", 1, 1, ERROR, "thiếu trường bắt buộc “title”")
    assert new_diagnostics([warning, error], tmp_path) == [warning, error]
    assert new_diagnostics([warning, error], tmp_path) == [error]


def test_the_error_state_says_when_it_changes(tmp_path: Path):
    assert error_state([], tmp_path) == ("", False)
    state, changed = error_state(["x.yaml:1:1: lỗi: a"], tmp_path)
    assert state and changed
    assert error_state(["x.yaml:1:1: lỗi: a"], tmp_path) == (state, False)
    other, changed = error_state(["x.yaml:2:1: lỗi: b"], tmp_path)
    assert other != state and changed
    assert error_state([], tmp_path) == ("", True)  # fixed: every page comes back
