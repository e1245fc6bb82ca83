"""generator/build/cache.py: a build with a warm cache after an edit renders again only what the
edit can affect, and its output is byte for byte that of a clean build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.build.cache import Cache
from generator.build.pipeline import build

DATE = dt.date(2026, 11, 21)
PLAN = "documents/da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu.yaml"
DIRECTIVE = "documents/da-nang/chi-thi-08-ct-tu-2021.yaml"
HANOI = "documents/ha-noi/chi-thi-07-ct-tu-2021.yaml"

EDITS = {
    "title of the plan": (PLAN, "title: ", "title: Sửa thử – "),
    "a task lead": (PLAN, "- Phòng Tuyên truyền - Báo chí - Xuất bản", "- Ban Dân vận Thành ủy"),
    "a citation removed": (DIRECTIVE, "Chỉ thị số 29-CT/TU", "Chỉ thị"),
    "a deadline": (PLAN, "Hoàn thành trong tháng 9/2021", "Hoàn thành trong tháng 12/2026"),
    "a document far from the others": (HANOI, "title: ", "title: Sửa thử – "),
}


def _output(data: Path, cache: Cache, markdown: bool) -> dict[str, object]:
    built = build(data, DATE, cache, "https://example.org/", markdown=markdown)
    assert built.ok, [d.format() for d in built.read.diagnostics if d.is_error]
    out: dict[str, object] = {r.path: (r.body.read_bytes(), r.meta, r.toc, r.edit_path) for r in built.pages}
    out.update(built.data_files)
    out.update({path: source.read_bytes() for path, source in built.copied.items()})
    return out


def _edit(data: Path, name: str) -> None:
    path, old, new = EDITS[name]
    target = data / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("markdown", [False, True], ids=["html", "markdown"])
@pytest.mark.parametrize("name", EDITS)
def test_an_edit_renders_only_what_it_affects_and_matches_a_clean_build(data_copy, tmp_path, name, markdown):
    cache = Cache(tmp_path / "cache")
    before = _output(data_copy, cache, markdown)
    _edit(data_copy, name)
    warm = Cache(tmp_path / "cache")
    after = _output(data_copy, warm, markdown)
    with Cache.temporary() as clean:
        expected = _output(data_copy, clean, markdown)
    assert after.keys() == expected.keys()
    assert [path for path in expected if after[path] != expected[path]] == []
    assert [path for path in expected if before.get(path) != expected[path]]  # the edit did change pages
    assert 0 < warm.misses["page"] < len([p for p in expected if p.endswith(".md")]) / 2
    assert warm.hits["read"] == len(list((data_copy / "documents").rglob("*.yaml"))) - 1  # only the edited file re-read


def test_a_registry_edit_renders_every_page(data_copy, tmp_path):
    _output(data_copy, Cache(tmp_path / "cache"), False)
    orgs = data_copy / "organizations" / "da-nang.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace(
            "name: Ban Dân vận Thành ủy Đà Nẵng", "name: Ban Dân vận Thành ủy thành phố Đà Nẵng"
        ),
        encoding="utf-8",
    )
    warm = Cache(tmp_path / "cache")
    after = _output(data_copy, warm, False)
    assert warm.hits["page"] == 0 and warm.misses["page"] > 100
    assert warm.hits["read"] == len(list((data_copy / "documents").rglob("*.yaml")))  # documents are not re-read
    with Cache.temporary() as clean:
        assert after == _output(data_copy, clean, False)


def test_an_unchanged_rebuild_renders_nothing(data_copy, tmp_path):
    first = _output(data_copy, Cache(tmp_path / "cache"), False)
    warm = Cache(tmp_path / "cache")
    assert _output(data_copy, warm, False) == first
    assert warm.misses.get("page") == 0 and warm.misses.get("read", 0) == 0


def test_a_broken_entry_is_a_miss_not_an_error(data_copy, tmp_path):
    first = _output(data_copy, Cache(tmp_path / "cache"), False)
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    for entry in (tmp_path / "cache" / "page").rglob("*.json"):
        entry.write_text("{", encoding="utf-8")
    warm = Cache(tmp_path / "cache")
    assert _output(data_copy, warm, False) == first
    assert warm.hits.get("read", 0) == 0 and warm.hits["page"] == 0


def test_the_key_changes_with_the_build_date(data_copy, tmp_path):
    cache = Cache(tmp_path / "cache")
    build(data_copy, DATE, cache)
    later = Cache(tmp_path / "cache")
    built = build(data_copy, DATE + dt.timedelta(days=400), later)
    assert built.ok and later.hits["page"] == 0  # statuses depend on the date: every page again


def _diagnostics(data: Path, cache: Cache) -> list[str]:
    return [d.format() for d in build(data, DATE, cache).read.diagnostics]


def test_a_warm_build_reports_what_a_clean_build_reports(data_copy, tmp_path):
    plan = data_copy / PLAN  # names an organisation the registry lacks: a warning located in the plan
    plan.write_text(plan.read_text(encoding="utf-8").replace(EDITS["a task lead"][1], "- Sở Không Có", 1), "utf-8")
    _diagnostics(data_copy, Cache(tmp_path / "cache"))
    _edit(data_copy, "a document far from the others")
    warm = Cache(tmp_path / "cache")
    found = _diagnostics(data_copy, warm)
    assert warm.hits["read"] == len(list((data_copy / "documents").rglob("*.yaml"))) - 1  # the plan from the cache
    with Cache.temporary() as clean:
        assert found == _diagnostics(data_copy, clean)
    line = next(i for i, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if "Sở Không Có" in text)
    where = f"{plan}:{line}:5: cảnh báo: không tìm thấy cơ quan “Sở Không Có”"  # by the cached document's origin
    assert [d for d in found if "Sở Không Có" in d and d.startswith(where)]


def test_a_file_refused_for_its_missing_source_text_is_read_again_once_it_is_added(data_copy, tmp_path):
    source = next(
        p
        for p in (data_copy / "sources").glob("*.txt")
        if f"file: {p.name}" in (data_copy / PLAN).read_text(encoding="utf-8")
    )
    hidden = source.rename(tmp_path / source.name)
    refused = _diagnostics(data_copy, Cache(tmp_path / "cache"))
    assert [d for d in refused if source.name in d and "lỗi" in d]
    hidden.rename(source)
    with Cache.temporary() as clean:
        assert _diagnostics(data_copy, Cache(tmp_path / "cache")) == _diagnostics(data_copy, clean)
