"""generator/build/pages.py: page records round-trip through the index, and files whose path
ends in .gz are stored compressed, the same bytes on every build."""

from __future__ import annotations

import gzip
from pathlib import Path

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
