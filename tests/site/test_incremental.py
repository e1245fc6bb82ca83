"""The whole site, byte for byte: a build after a one-document edit, with the cache of the
build before it, equals a clean build (`--no-cache`) of the edited data."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.conftest import BUILD_DATE, run_generator

PLAN = "documents/da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu.yaml"


def _digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _site(data: Path, out: Path, cache: Path, *options: str) -> dict[str, str]:
    env = {"OD_DATA_DIR": str(data), "OD_CACHE_DIR": str(cache)}
    result = run_generator("site", "--out", str(out), "--build-date", BUILD_DATE, *options, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return _digest(out)


def test_an_incremental_site_equals_a_clean_one(data_copy, tmp_path):
    cache = tmp_path / "cache"
    before = _site(data_copy, tmp_path / "first", cache)
    plan = data_copy / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: ", "title: Sửa thử – ", 1), encoding="utf-8")
    incremental = _site(data_copy, tmp_path / "incremental", cache)
    clean = _site(data_copy, tmp_path / "clean", tmp_path / "unused", "--no-cache")
    assert not (tmp_path / "unused").exists()  # --no-cache keeps nothing
    assert incremental.keys() == clean.keys()
    assert sorted(name for name in clean if incremental[name] != clean[name]) == []
    changed = sorted(name for name in clean if before.get(name) != clean[name])
    assert "van-ban/da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu/index.html" in changed
