"""generator/corpus/rules.py: every rule is a named function in one of the lists, run by one loop."""

from __future__ import annotations

import inspect

from generator.corpus import corpus_rules, document_rules, integrity, rules, unfinished
from generator.corpus.builders import make_document
from generator.corpus.diagnostics import ERROR, WARNING, Diagnostic, Location, Sink
from generator.corpus.load import load_text
from tests.support.corpus import FULL

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


def test_a_document_keeps_the_positions_later_stages_report_at():
    loaded = load_text(FULL.replace("    unit: muc-1\n", "    unit: muc-1\n    lead: [Sở A, Sở B]\n"), "thu.yaml")
    document = make_document(loaded.data, loaded.origin())
    assert document.yaml_path == "thu.yaml"
    assert document.origin.at(("tasks", 0, "lead", 1)) == Location("thu.yaml", 16, 18)
    assert document.origin.at(("body", 0, "text")) == loaded.origin().at(("body", 0, "text"))
    assert document.origin.at(("number", "value")) == Location("thu.yaml", 5, 17)
    assert make_document(loaded.data, "x.yaml").origin.at(("id",)) == Location("x.yaml", 1, 1)
