"""generator/publish/exports.py: the shape of the open-data files that this branch changed."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from generator.build.pipeline import read_and_resolve
from generator.publish import exports
from generator.publish.views import Views
from tests.conftest import DATA


@pytest.fixture(scope="module")
def resolved():
    read, result = read_and_resolve(DATA, dt.date(2026, 11, 21))
    assert result is not None
    return result


def test_tasks_and_documents_json_have_one_record_per_line(resolved):
    for text, key in (
        (exports.tasks_json(resolved), "tasks"),
        (exports.documents_json(resolved, Views(resolved)), "documents"),
    ):
        data = json.loads(text)
        lines = text.split("\n")
        assert lines[0] == f'{{"build_date":"2026-11-21","{key}":['
        assert len(lines) == len(data[key]) + 3  # head, records, "]}", and the final newline
        assert all(json.loads(line.rstrip(",")) in data[key] for line in lines[1:-2])


def test_the_feed_holds_the_newest_documents_only(resolved, monkeypatch):
    atom = "{http://www.w3.org/2005/Atom}"
    whole = ET.fromstring(exports.atom_feed(resolved, "https://example.org/")).findall(f"{atom}entry")
    newest = sorted((e.findtext(f"{atom}updated") for e in whole), reverse=True)
    assert len(whole) == len(resolved.newest_first)
    monkeypatch.setattr(exports, "FEED_ENTRIES", 2)
    entries = ET.fromstring(exports.atom_feed(resolved, "https://example.org/")).findall(f"{atom}entry")
    assert [e.findtext(f"{atom}updated") for e in entries] == newest[:2]  # by their <updated> stamp
    assert [e.findtext(f"{atom}id") for e in entries] == [e.findtext(f"{atom}id") for e in whole[:2]]
