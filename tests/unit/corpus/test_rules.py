"""generator/corpus/rules.py: every rule is a named function in one of the lists, run by one loop."""

from __future__ import annotations

import inspect

import pytest

from generator.corpus import corpus_rules, document_rules, integrity, rules, unfinished
from generator.corpus.builders import make_document
from generator.corpus.diagnostics import ERROR, WARNING, Diagnostic, Location, Sink
from generator.corpus.document_rules import DocumentFile
from generator.corpus.load import load_text

LISTS = [rules.YAML_RULES, rules.FILE_RULES, rules.DOCUMENT_RULES, rules.CORPUS_RULES]
SUBJECTS = {"Loaded", "DocumentFile", "Document", "Sources"}  # what a rule takes first


def _rule_functions():
    for module in (document_rules, corpus_rules, integrity, unfinished):
        for name, function in inspect.getmembers(module, inspect.isfunction):
            parameters = list(inspect.signature(function).parameters.values())
            if function.__module__ == module.__name__ and not name.startswith("_") and parameters:
                if parameters[0].annotation in SUBJECTS and "Diagnostic" in str(function.__annotations__["return"]):
                    yield function


def test_every_rule_is_registered_once_and_every_registered_rule_is_named():
    registered = [rule for rules_list in LISTS for rule in rules_list]
    assert all(rule.__name__ != "<lambda>" and not rule.__name__.startswith("_") for rule in registered)
    assert len(registered) == len(set(registered))
    written = set(_rule_functions())
    assert len(written) > 20 and written == set(registered)


def test_run_reports_everything_and_says_whether_it_was_an_error():
    def warns(subject):
        yield Diagnostic("f.yaml", subject, 1, WARNING, "cảnh báo")

    def fails(subject):
        yield Diagnostic("f.yaml", subject, 1, ERROR, "lỗi")

    sink = Sink()
    assert rules.run([warns], sink, 1) is False
    assert rules.run([warns, fails], sink, 2) is True
    assert [(d.line, d.severity) for d in sink.sorted()] == [(1, WARNING), (2, WARNING), (2, ERROR)]


VALID = """\
id: da-nang/thu
kind: chi-thi
issuer: da-nang/thanh-uy
system: party
number: {value: 01-CT/TU, source: printed}
date: {value: "2021-08-05", precision: day, source: printed}
title: về thử nghiệm
period: {start: 2021, end: 2025}
body:
  - {type: item, number: "1", text: "Nội dung[^1]."}
footnotes:
  - {id: "1", text: Chú thích.}
tasks:
  - id: a
    unit: muc-1
    reports: [{date: "2022-01-10", status: done}]
source: {file: nguon.txt}
"""

# (change to VALID, rule, line, message fragment)
FILE_CASES = [
    (("id: da-nang/thu", "id: da-nang/khac"), document_rules.id_matches_file, 1, "không khớp với vị trí tệp"),
    (('"2021-08-05", precision: day', '"2021-08", precision: day'), document_rules.date_matches_precision, 6,
     "không khớp độ chính xác"),
    (('"2021-08-05", precision: day', '"2021-02-30", precision: day'), document_rules.date_matches_precision, 6,
     "ngày không tồn tại: 2021-02-30"),
    (("precision: day,", "precision: unknown,"), document_rules.date_matches_precision, 6, "“unknown”"),
    (('date: "2022-01-10"', 'date: "2022-02-30"'), document_rules.dates_exist, 16, "ngày không tồn tại"),
    (("source: printed}\ndate", "source: cited}\ndate"), document_rules.cited_values_name_their_document, 5,
     "số lấy từ văn bản khác"),
    (("start: 2021, end: 2025", "start: 2025, end: 2021"), document_rules.period_in_order, 8, "năm bắt đầu"),
    (("file: nguon.txt", "file: khac.txt"), document_rules.source_file_exists, 17, "không có tệp nguồn"),
    (("title: về thử nghiệm", "title: về <b>thử</b>"), document_rules.no_html_in_strings, 7, "thẻ HTML"),
]  # fmt: skip


def _file(text: str) -> DocumentFile:
    return DocumentFile(load_text(text, "thu.yaml"), "da-nang/thu", frozenset({"nguon.txt"}))


def test_the_valid_document_passes_every_rule():
    file = _file(VALID)
    sink = Sink()
    assert rules.run(rules.FILE_RULES, sink, file) is False
    document = make_document(file.loaded.data, file.loaded.origin())
    assert rules.run(rules.DOCUMENT_RULES, sink, document, file.loaded.origin()) is False
    assert len(sink) == 0


@pytest.mark.parametrize("change, rule, line, fragment", FILE_CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_a_file_rule_finds_its_problem_where_it_is(change, rule, line, fragment):
    old, new = change
    assert old in VALID
    found = list(rule(_file(VALID.replace(old, new, 1))))
    assert [(d.path, d.line) for d in found] == [("thu.yaml", line)], found
    assert fragment in found[0].message
    assert list(rule(_file(VALID))) == []


# (change to VALID, rule, lines, severity, message fragment)
DOCUMENT_CASES = [
    (('text: "Nội dung[^1]."}', 'text: "Nội dung[^1]."}\n  - {type: item, number: "1"}'),
     document_rules.unique_anchors, {10}, ERROR, "neo “muc-1” xuất hiện 2 lần"),
    (("Nội dung[^1].", "Nội dung[^2]."), document_rules.footnotes_defined, {10}, ERROR, "[^2]"),
    (("Nội dung[^1].", "Nội dung."), document_rules.footnotes_cited, {12}, WARNING, "không được dẫn"),
    (("unit: muc-1", "unit: muc-9"), document_rules.task_units_exist, {15}, ERROR, "“muc-9”"),
    (("  - id: a\n", "  - {id: a, unit: muc-1}\n  - id: a\n"), document_rules.unique_task_ids, {14, 15}, ERROR,
     "mã nhiệm vụ “a” bị trùng"),
]  # fmt: skip


@pytest.mark.parametrize(
    "change, rule, lines, severity, fragment", DOCUMENT_CASES, ids=lambda c: getattr(c, "__name__", "")
)
def test_a_document_rule_finds_its_problem_where_it_is(change, rule, lines, severity, fragment):
    old, new = change
    assert old in VALID
    loaded = _file(VALID.replace(old, new, 1)).loaded
    found = list(rule(make_document(loaded.data, loaded.origin()), loaded.origin()))
    assert found and {(d.line, d.severity) for d in found} == {(line, severity) for line in lines}, found
    assert fragment in found[0].message


def test_a_document_keeps_the_positions_later_stages_report_at():
    loaded = load_text(VALID.replace("    unit: muc-1\n", "    unit: muc-1\n    lead: [Sở A, Sở B]\n"), "thu.yaml")
    document = make_document(loaded.data, loaded.origin())
    assert document.yaml_path == "thu.yaml"
    assert document.origin.at(("tasks", 0, "lead", 1)) == Location("thu.yaml", 16, 18)
    assert document.origin.at(("body", 0, "text")) == loaded.origin().at(("body", 0, "text"))
    assert document.origin.at(("number", "value")) == Location("thu.yaml", 5, 17)
    assert make_document(loaded.data, "x.yaml").origin.at(("id",)) == Location("x.yaml", 1, 1)
