"""generator/corpus/diagnostics.py: locations, origins (a file's positions) and the one sink."""

from __future__ import annotations

from generator.corpus.diagnostics import ERROR, WARNING, Diagnostic, Location, Origin, Sink
from generator.corpus.load import load_text

YAML = """\
id: da-nang/x
tasks:
  - id: a
    lead: [Sở Nội vụ, Ban Tuyên giáo]
  - id: b
    deadline: trong năm 2022
entries:
  - {id: one, name: Một}
  - {id: two, name: Hai}
"""


def test_origin_locates_a_value_or_its_nearest_ancestor():
    origin = load_text(YAML, "f.yaml").origin()
    assert origin.at(("tasks", 0, "lead", 1)) == Location("f.yaml", 4, 23)
    assert origin.at(("tasks", 1, "deadline")) == Location("f.yaml", 6, 15)
    assert origin.at(("tasks", 1, "summary")) == Location("f.yaml", 5, 5)  # absent: its task
    assert origin.at(("nothing", 3)) == Location("f.yaml", 1, 1)
    assert origin.at(("tasks", 0, "id"), key=True) == Location("f.yaml", 3, 5)
    assert Origin("g.yaml").at(("id",)) == Location("g.yaml", 1, 1)  # no positions: the first line


def test_an_entry_is_located_below_its_prefix():
    origin = load_text(YAML, "f.yaml").origin().entry("entries").entry(1)
    assert origin.at(("name",)) == Location("f.yaml", 9, 21)
    assert origin.at(()) == Location("f.yaml", 9, 5)


def test_kept_paths_are_located_as_before_and_the_rest_falls_back_to_the_record():
    origin = load_text(YAML, "f.yaml").origin()
    kept = origin.keep([("tasks", 0, "lead", 1), ("tasks", 1, "deadline"), ("tasks", 1, "absent")])
    for at in [("tasks", 0, "lead", 1), ("tasks", 1, "deadline"), ("tasks", 1, "absent")]:
        assert kept.at(at) == origin.at(at)
    assert kept.at(("tasks", 0, "id")) == Location("f.yaml", 1, 1)  # not kept


def test_the_sink_keeps_each_diagnostic_once_and_gives_them_back_sorted():
    sink = Sink()
    sink.warning(Location("b.yaml", 2, 1), "hai")
    sink.error(Location("a.yaml", 9, 1), "một", "gợi ý")
    sink.add(Diagnostic("b.yaml", 2, 1, WARNING, "hai"))
    assert not Sink().has_errors and sink.has_errors and len(sink) == 2
    assert sink.sorted() == [
        Diagnostic("a.yaml", 9, 1, ERROR, "một", "gợi ý"),
        Diagnostic("b.yaml", 2, 1, WARNING, "hai"),
    ]
    assert sink.sorted()[0].format() == "a.yaml:9:1: lỗi: một (gợi ý: gợi ý)"


def test_strings_in_walks_a_loaded_value_in_file_order_with_data_paths():
    from generator.corpus.diagnostics import strings_in

    data = {"title": "Chỉ thị", "body": ["Mục 1", {"text": "Mục 2", "number": 2}], "n": None}
    assert list(strings_in(data)) == [(("title",), "Chỉ thị"), (("body", 0), "Mục 1"), (("body", 1, "text"), "Mục 2")]
    assert list(strings_in("x", ("a",))) == [(("a",), "x")]


def test_a_formatted_diagnostic_shows_control_characters_instead_of_obeying_them():
    from generator.corpus.diagnostics import WARNING, Diagnostic

    text = Diagnostic("a.yaml", 3, 5, WARNING, "tiêu đề “x\r\ny\tz\x1b[31m”", "sửa\ndòng").format()
    assert text == "a.yaml:3:5: cảnh báo: tiêu đề “x\\r\\ny\\tz\\x1b[31m” (gợi ý: sửa\\ndòng)"
