"""generator/build/cache.py: a build with a warm cache after an edit renders again only what the
edit can affect, and its output is byte for byte that of a clean build."""

from __future__ import annotations

import datetime as dt
import os
import time
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
    for entry in (tmp_path / "cache" / "page").glob("index-*"):
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


def test_the_sites_address_is_in_the_keys_of_what_prints_it_only(data_copy, tmp_path):
    """Document pages print their own address (sharing tags, the printed copy's link), the
    open data its absolute links: a build for another address renders those again, and reuses
    every other page, the reading and the resolving."""
    first = build(data_copy, DATE, Cache(tmp_path / "cache"), "https://a.example/")
    warm = Cache(tmp_path / "cache")
    built = build(data_copy, DATE, warm, "https://b.example/")
    assert built.ok and warm.misses.get("read", 0) == 0
    documents = [r for r in first.pages if r.path.startswith("van-ban/") and r.path.count("/") == 2]
    open_data = [r for r in first.pages if not r.path.endswith(".md")]
    assert documents and open_data
    assert warm.misses["page"] == len(documents) + len(open_data) and warm.hits["page"] > 100
    pages = {r.path: r.body.read_bytes() for r in built.pages}
    assert any(b"https://b.example/van-ban/" in body for body in pages.values())
    assert not any(b"https://a.example/" in body for body in pages.values())
    with Cache.temporary() as clean:
        assert pages == {r.path: r.body.read_bytes() for r in build(data_copy, DATE, clean, "https://b.example/").pages}


def test_another_version_of_the_generator_uses_no_entry(data_copy, tmp_path):
    build(data_copy, DATE, Cache(tmp_path / "cache"))
    other = Cache(tmp_path / "cache", version="another generator")
    assert build(data_copy, DATE, other).ok
    assert sum(other.hits.values()) == 0 and other.misses["page"] > 100 and other.misses["read"] > 0


def test_the_version_covers_code_templates_and_schemas(tmp_path, monkeypatch):
    import shutil

    from generator.build import cache as cache_module

    copy = tmp_path / "generator"
    shutil.copytree(cache_module.GENERATOR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "GENERATOR", copy)
    versions = {cache_module.generator_version()}
    for name in ("publish/templates/document.html.j2", "schema/document.schema.json", "publish/urls.py"):
        with (copy / name).open("a", encoding="utf-8") as f:
            f.write("\n")
        versions.add(cache_module.generator_version())
    assert len(versions) == 4


def _age(data: Path, seconds: int = 3600) -> None:
    """Every data file as if written `seconds` ago (older than the racy window)."""
    past = time.time() - seconds
    for path in data.rglob("*.yaml"):
        os.utime(path, (past, past))


def _documents_read(monkeypatch, data: Path) -> list[str]:
    from generator.build import cache as cache_module

    read: list[str] = []
    real = cache_module.read_data_file

    def counting(path, *args, **kwargs):
        if "documents" in Path(path).parts:
            read.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(cache_module, "read_data_file", counting)
    return read


def test_a_file_whose_signature_is_unchanged_is_not_read_to_know_its_key(data_copy, tmp_path, monkeypatch):
    _age(data_copy)
    first = _output(data_copy, Cache(tmp_path / "cache"), False)
    read = _documents_read(monkeypatch, data_copy)
    warm = Cache(tmp_path / "cache")
    assert _output(data_copy, warm, False) == first
    assert read == [] and warm.misses.get("read", 0) == 0


def test_an_edit_that_keeps_the_size_and_the_time_is_still_seen(data_copy, tmp_path):
    _age(data_copy)
    _output(data_copy, Cache(tmp_path / "cache"), False)
    path = data_copy / PLAN
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: X", 1)[:-1], encoding="utf-8")  # one byte in, one out
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # the old modification time
    assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns
    after = _output(data_copy, Cache(tmp_path / "cache"), False)
    with Cache.temporary() as clean:
        assert after == _output(data_copy, clean, False)


def test_a_file_changed_just_now_is_read_again_by_the_next_build(data_copy, tmp_path, monkeypatch):
    """A signature taken in the same tick of the clock as an edit could stay the same after a
    second edit (coarse file-system times): none is kept for so young a file."""
    _age(data_copy)
    os.utime(data_copy / PLAN)  # now: inside the racy window
    _output(data_copy, Cache(tmp_path / "cache"), False)
    read = _documents_read(monkeypatch, data_copy)
    _output(data_copy, Cache(tmp_path / "cache"), False)
    assert read == [Path(PLAN).name]


def test_prune_walks_the_folder_at_most_once_an_hour(tmp_path):
    old = time.time() - 2 * 24 * 3600

    def stale(name: str) -> Path:
        cache = Cache(tmp_path / "cache", version="v")
        path = cache.path("page", name, ".html")
        cache.write(path, b"<p>cu</p>")
        os.utime(path, (old, old))
        return path

    first = stale("aa11")
    assert Cache(tmp_path / "cache", version="v").prune() == 1 and not first.exists()
    second = stale("bb22")
    assert Cache(tmp_path / "cache", version="v").prune() == 0 and second.exists()  # pruned within the hour
    os.utime(tmp_path / "cache" / "pruned", (old, old))
    assert Cache(tmp_path / "cache", version="v").prune() == 1 and not second.exists()


def test_the_page_index_is_a_log_that_grows_by_the_pages_rendered(tmp_path):
    cache = Cache(tmp_path / "cache", version="v")
    assert cache.load_index("index-html") == {}
    cache.add_to_index("index-html", {f"k{i}": {"path": f"p{i}.md"} for i in range(3)})
    log = tmp_path / "cache" / "page" / "index-html.jsonl"
    size = log.stat().st_size
    again = Cache(tmp_path / "cache", version="v")
    assert again.load_index("index-html") == {f"k{i}": {"path": f"p{i}.md"} for i in range(3)}
    again.add_to_index("index-html", {"k1": {"path": "moi.md"}})
    assert log.stat().st_size < size + 40  # one line added, nothing rewritten
    with log.open("ab") as broken:  # a build killed while adding
        broken.write(b'\n{"key": "k9", "pa')
    third = Cache(tmp_path / "cache", version="v")
    assert third.load_index("index-html") == {
        "k0": {"path": "p0.md"},
        "k1": {"path": "moi.md"},
        "k2": {"path": "p2.md"},
    }


def test_the_preview_loads_a_registry_again_only_when_it_changes(data_copy, tmp_path, monkeypatch):
    from generator.build import cache as cache_module

    _age(data_copy)
    loaded: list[str] = []
    real = cache_module.load_checked
    monkeypatch.setattr(cache_module, "load_checked", lambda path, *rest: loaded.append(path.name) or real(path, *rest))
    cache_module._MEMORY.clear()
    try:
        first = _output(data_copy, Cache(tmp_path / "cache", memory=True), False)
        registries = len(loaded)
        assert registries >= 3 and "da-nang.yaml" in loaded
        loaded.clear()
        assert _output(data_copy, Cache(tmp_path / "cache", memory=True), False) == first
        assert loaded == []
        orgs = data_copy / "organizations" / "da-nang.yaml"
        orgs.write_text(orgs.read_text(encoding="utf-8").replace("Ban Dân vận Thành ủy Đà Nẵng", "Ban Dân vận Đà Nẵng"))
        after = _output(data_copy, Cache(tmp_path / "cache", memory=True), False)
        assert loaded == ["da-nang.yaml"]
        with Cache.temporary() as clean:
            assert after == _output(data_copy, clean, False)
    finally:
        cache_module._MEMORY.clear()
