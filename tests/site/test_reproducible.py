"""Two builds of the same commit with the same build date give byte-identical output."""

from __future__ import annotations

import hashlib

from tests.conftest import BUILD_DATE, run_generator


def _digest(root):
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(built_site, tmp_path):
    again = tmp_path / "site"
    result = run_generator("site", "--out", str(again), "--build-date", BUILD_DATE)
    assert result.returncode == 0, result.stderr[-2000:]
    first, second = _digest(built_site), _digest(again)
    assert first.keys() == second.keys()
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == []
