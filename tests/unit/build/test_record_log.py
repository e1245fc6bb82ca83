"""generator/build/record_log.py: a log of records by key that grows by what a build adds."""

from __future__ import annotations

from pathlib import Path

from generator.build.record_log import SLACK, RecordLog, encode


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_the_last_line_of_a_key_wins_and_a_broken_line_is_skipped(tmp_path):
    log = RecordLog(tmp_path / "page" / "index-html.jsonl")
    assert log.load() == {}
    log.add({"a": {"path": "a.md"}, "b": {"path": "b.md"}}, _write)
    before = log.path.read_bytes()
    again = RecordLog(log.path)
    again.load()
    again.add({"a": {"path": "moi.md", "meta": {"title": "Chỉ thị “08”"}}}, _write)
    after = log.path.read_bytes()
    assert after.startswith(before) and after.count(b"\n") == before.count(b"\n") + 1  # a line added
    with log.path.open("ab") as out:
        out.write(b'\n{"key": "c", "pa')  # a build killed while adding
    assert RecordLog(log.path).load() == {
        "a": {"path": "moi.md", "meta": {"title": "Chỉ thị “08”"}},
        "b": {"path": "b.md"},
    }


def test_a_log_of_mostly_replaced_lines_is_written_again(tmp_path):
    path = tmp_path / "index.jsonl"
    for n in range(SLACK + 200):
        log = RecordLog(path)
        log.load()
        log.add({"k": {"n": n}}, _write)
    assert len(path.read_bytes().splitlines()) <= SLACK + 3
    assert RecordLog(path).load() == {"k": {"n": SLACK + 199}}


def test_a_rewrite_keeps_exactly_the_records_given(tmp_path):
    log = RecordLog(tmp_path / "index.jsonl")
    log.add({"a": {"x": 1}, "b": {"x": 2}}, _write)
    log.rewrite({"b": {"x": 2}}, _write)
    assert RecordLog(log.path).load() == {"b": {"x": 2}}
    assert encode({}) == b""
