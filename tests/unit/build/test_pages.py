"""generator/build/pages.py: page records round-trip through the index, and files whose path
ends in .gz are stored compressed, the same bytes on every build."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from generator.build.pages import PageRecord, read_stored, stored
from generator.publish.page import Heading

CSV = '\ufeffVăn bản,STT,Nhiệm vụ\r\nChỉ thị 08-CT/TU,1,"=1+1"\r\n'.encode("utf-8")


def test_a_gz_path_is_stored_compressed_and_reads_back(tmp_path: Path):
    data = stored("api/tasks.csv.gz", CSV * 200)
    assert data[:2] == b"\x1f\x8b" and len(data) < len(CSV * 200) / 10
    assert gzip.decompress(data) == CSV * 200
    (tmp_path / "body").write_bytes(data)
    assert read_stored("api/tasks.csv.gz", tmp_path / "body") == (CSV * 200).decode("utf-8")


def test_compression_is_the_same_on_every_build():
    assert stored("api/tasks.json.gz", b'{"tasks": []}') == stored("api/tasks.json.gz", b'{"tasks": []}')
    assert gzip.decompress(stored("x.gz", b"a"))  # no file name or time in the header:
    assert stored("x.gz", b"a")[4:8] == b"\x00\x00\x00\x00"  # MTIME is zero


def test_other_files_are_stored_as_they_are(tmp_path: Path):
    assert stored("api/deadlines.ics", b"BEGIN:VCALENDAR") == b"BEGIN:VCALENDAR"
    assert stored("van-ban/da-nang/x.md", "Chỉ thị".encode("utf-8")) == "Chỉ thị".encode("utf-8")
    (tmp_path / "page.html").write_text("<p>Chỉ thị</p>", encoding="utf-8")
    assert read_stored("van-ban/x.md", tmp_path / "page.html") == "<p>Chỉ thị</p>"


def test_a_record_round_trips_through_json(tmp_path: Path):
    record = PageRecord(
        "van-ban/da-nang/x.md",
        {"title": 'Chỉ thị 08-CT/TU "x"'},
        [Heading(2, "muc-1", "1. Mục một")],
        "data/documents/da-nang/x.yaml",
        tmp_path / "body.html",
    )
    assert PageRecord.from_json(record.to_json()) == record


def test_an_edit_renders_again_only_the_parts_of_the_documents_it_touches(data_copy, tmp_path, monkeypatch):
    """The files of the whole corpus (tasks, calendar, documents) are joined from one part per
    document; after an edit, only the parts that show the edited document are rendered again,
    and the file is the same as a clean build's."""
    import datetime as dt

    from generator.build import pages
    from generator.build.cache import Cache
    from generator.build.pipeline import build

    date = dt.date(2026, 11, 21)
    build(data_copy, date, Cache(tmp_path / "cache"), "https://example.org/")
    edited = data_copy / "documents/da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu.yaml"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("Hoàn thành trong tháng 9/2021", "Hoàn thành trong tháng 12/2026", 1), "utf-8")
    rendered: list[tuple[str, str]] = []
    monkeypatch.setenv("OD_JOBS", "1")  # rendered in this process, where the calls are counted
    real = pages.render_part
    monkeypatch.setattr(
        pages, "render_part", lambda job, site, item: rendered.append((job.url, item)) or real(job, site, item)
    )
    warm = build(data_copy, date, Cache(tmp_path / "cache"), "https://example.org/")
    monkeypatch.undo()
    with Cache.temporary() as clean:
        expected = build(data_copy, date, clean, "https://example.org/")
        whole = {
            r.path: r.body.read_bytes() for r in expected.pages if r.path.startswith("api/") and "/ics/" not in r.path
        }
        assert {r.path: r.body.read_bytes() for r in warm.pages if r.path in whole} == whole
    documents = len(warm.resolved.newest_first)
    for path in ("api/tasks.json.gz", "api/tasks.csv.gz", "api/deadlines.ics"):
        items = [item for url, item in rendered if url == path]
        assert "da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu" in items
        assert 0 < len(items) < documents
    assert "api/documents.json.gz" in {url for url, _ in rendered}


@pytest.mark.parametrize("path", ["api/tasks.json.gz", "api/deadlines.ics"])
def test_a_file_written_piece_by_piece_has_the_bytes_of_the_whole(path):
    from generator.build.pages import stored_chunks

    chunks = ['{"build_date":"2026-11-21","tasks":[\n', '{"text":"Triển khai"}', ",\n", "ư" * 70_000, "", "\n]}\n"]
    chunks += [f"nhiệm vụ {i};" * 50 for i in range(200)]  # more than one deflate block
    whole = "".join(chunks).encode("utf-8")
    assert b"".join(stored_chunks(path, chunks)) == stored(path, whole)
    if path.endswith(".gz"):
        assert gzip.decompress(b"".join(stored_chunks(path, chunks))) == whole
