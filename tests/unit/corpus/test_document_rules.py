"""generator/corpus/document_rules.py: the rules on one document a schema cannot say, each
found where it is in the file, and quiet when the document is right."""

from __future__ import annotations

import pytest

from generator.corpus import document_rules, rules
from generator.corpus.builders import make_document
from generator.corpus.diagnostics import ERROR, WARNING, Sink
from generator.corpus.document_rules import DocumentFile
from generator.corpus.load import load_text
from tests.support.corpus import FULL

# FULL, line by line: 1 id, 2 kind, 3 issuer, 4 system, 5 number, 6 date, 7 title, 8 period, 9 body (its list at 10),
# 10 item 1, 11 footnotes, 12 footnote 1, 13 tasks, 14 task a, 15 unit, 16 reports, 17 source.


def _file(text: str) -> DocumentFile:
    return DocumentFile(load_text(text, "thu.yaml"), "da-nang/thu", frozenset({"nguon.txt"}))


def _changed(old: str, new: str) -> str:
    assert old in FULL
    return FULL.replace(old, new, 1)


def test_the_full_document_passes_every_rule():
    file = _file(FULL)
    sink = Sink()
    assert rules.run(rules.FILE_RULES, sink, file) is False
    document = make_document(file.loaded.data, file.loaded.origin())
    assert rules.run(rules.DOCUMENT_RULES, sink, document, file.loaded.origin()) is False
    assert len(sink) == 0


# --- the file, before it is modelled ---------------------------------------------------------

DATE = '{value: "2021-08-05", precision: day, source: printed}'

# (change to FULL, rule, line, severity, message fragment)
FILE_CASES = [
    (("id: da-nang/thu", "id: da-nang/khac"), document_rules.id_matches_file, 1, ERROR,
     "mã “da-nang/khac” không khớp với vị trí tệp (cần “da-nang/thu”)"),
    (("id: da-nang/thu", "id: ha-noi/thu"), document_rules.id_matches_file, 1, ERROR, "cần “da-nang/thu”"),
    ((DATE, '{value: "2021-08", precision: day, source: printed}'), document_rules.date_matches_precision, 6,
     ERROR, "ngày “2021-08” không khớp độ chính xác “day”"),
    ((DATE, '{value: "2021-08-05", precision: year, source: printed}'), document_rules.date_matches_precision, 6,
     ERROR, "không khớp độ chính xác “year”"),
    ((DATE, '{value: "2021-02-30", precision: day, source: printed}'), document_rules.date_matches_precision, 6,
     ERROR, "ngày không tồn tại: 2021-02-30"),
    ((DATE, '{value: "2021-13", precision: month, source: printed}'), document_rules.date_matches_precision, 6,
     ERROR, "ngày không tồn tại: 2021-13"),
    ((DATE, '{value: "2021-08-05", precision: unknown, source: printed}'), document_rules.date_matches_precision,
     6, ERROR, "ngày có độ chính xác “unknown” thì không ghi giá trị"),
    ((DATE, "{precision: month, source: printed}"), document_rules.date_matches_precision, 6, ERROR,
     "thiếu “value” cho ngày có độ chính xác “month”"),
    (('date: "2022-01-10"', 'date: "2022-02-30"'), document_rules.dates_exist, 16, ERROR,
     "ngày không tồn tại: 2022-02-30"),
    ((DATE, '{precision: unknown, not_before: "2021-02-29", source: printed}'), document_rules.dates_exist, 6,
     ERROR, "ngày không tồn tại: 2021-02-29"),
    (("source: printed}\ndate", "source: cited}\ndate"), document_rules.cited_values_name_their_document, 5,
     ERROR, "số lấy từ văn bản khác"),
    ((DATE, '{value: "2021-08-05", precision: day, source: cited}'), document_rules.cited_values_name_their_document,
     6, ERROR, "ngày lấy từ văn bản khác"),
    ((DATE, '{value: "2021-08-05", precision: day, source: printed, cited_in: da-nang/de-an}'),
     document_rules.cited_values_name_their_document, 6, ERROR, "và ngược lại"),
    (("start: 2021, end: 2025", "start: 2025, end: 2021"), document_rules.period_in_order, 8, ERROR,
     "năm bắt đầu sau năm kết thúc"),
    (("file: nguon.txt", "file: nguon-khac.txt"), document_rules.source_file_exists, 17, ERROR,
     "không có tệp nguồn “nguon-khac.txt” trong data/sources/"),
    (("title: về thử nghiệm", "title: về <b>thử</b> nghiệm"), document_rules.no_html_in_strings, 7, WARNING,
     "thẻ HTML"),
    (("    unit: muc-1\n", "    unit: muc-1\n    summary: Báo cáo <script>alert(1)</script>\n"),
     document_rules.no_html_in_strings, 16, WARNING, "không chạy mã"),
    (("text: Chú thích.", "text: 'Xem <!-- ghi chú -->'"), document_rules.no_html_in_strings, 12, WARNING,
     "thẻ HTML"),
]  # fmt: skip

# (change to FULL, rule): the same rule, with a change it must let through
FILE_KEPT = [
    ((DATE, '{value: "2021-08", precision: month, source: printed}'), document_rules.date_matches_precision),
    ((DATE, '{value: "2021", precision: year, source: printed}'), document_rules.date_matches_precision),
    ((DATE, '{value: "2024-02-29", precision: day, source: printed}'), document_rules.date_matches_precision),
    ((DATE, "{precision: unknown, source: printed}"), document_rules.date_matches_precision),
    ((DATE, '{precision: unknown, not_before: "2021-08", source: printed}'), document_rules.dates_exist),
    ((DATE, '{value: "2021-08-05", precision: day, source: cited, cited_in: da-nang/de-an}'),
     document_rules.cited_values_name_their_document),
    (("source: printed}\ndate", "source: cited, cited_in: da-nang/de-an}\ndate"),
     document_rules.cited_values_name_their_document),
    (("start: 2021, end: 2025", "start: 2021, end: 2021"), document_rules.period_in_order),
    (("period: {start: 2021, end: 2025}\n", ""), document_rules.period_in_order),
    (("title: về thử nghiệm", "title: 'về tỷ lệ < 5% và > 3%'"), document_rules.no_html_in_strings),
    (("title: về thử nghiệm", "title: về thử nghiệm -> kết quả"), document_rules.no_html_in_strings),
]  # fmt: skip


@pytest.mark.parametrize("change, rule, line, severity, fragment", FILE_CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_a_file_rule_finds_its_problem_where_it_is(change, rule, line, severity, fragment):
    found = list(rule(_file(_changed(*change))))
    assert [(d.path, d.line, d.severity) for d in found] == [("thu.yaml", line, severity)], found
    assert fragment in found[0].message
    assert list(rule(_file(FULL))) == []


@pytest.mark.parametrize("change, rule", FILE_KEPT, ids=lambda c: getattr(c, "__name__", ""))
def test_a_file_rule_lets_a_right_document_through(change, rule):
    assert list(rule(_file(_changed(*change)))) == []


def test_every_wrong_report_date_is_found():
    text = _changed(
        'reports: [{date: "2022-01-10", status: done}]',
        'reports: [{date: "2022-02-30", status: done}, {date: "2022-03-01", status: done},'
        ' {date: "2022-04-31", status: in-progress}]',
    )
    found = list(document_rules.dates_exist(_file(text)))
    assert [d.message for d in found] == ["ngày không tồn tại: 2022-02-30", "ngày không tồn tại: 2022-04-31"]


# --- the modelled document -------------------------------------------------------------------

ITEM = 'text: "Nội dung[^1]."}'

# (change to FULL, rule, lines, severity, message fragment)
DOCUMENT_CASES = [
    ((ITEM, ITEM + '\n  - {type: item, number: "1"}'), document_rules.unique_anchors, {11}, ERROR,
     "neo “muc-1” xuất hiện 2 lần"),
    ((ITEM, ITEM + '\n  - {type: part, number: "II", children: [{type: item, number: "1"}, {type: item, number: "1"}]}'),
     document_rules.unique_anchors, {11}, ERROR, "neo “muc-ii-1” xuất hiện 2 lần"),  # at the second
    (("Nội dung[^1].", "Nội dung[^1][^2]."), document_rules.footnotes_defined, {10}, ERROR,
     "chú thích [^2] được dẫn nhưng chưa khai báo"),
    ((ITEM, ITEM + '\n  - {type: item, number: "2", text: "Thêm[^7]."}'), document_rules.footnotes_defined, {11},
     ERROR, "chú thích [^7] được dẫn"),  # at the text that holds it
    (("Nội dung[^1].", "Nội dung."), document_rules.footnotes_cited, {12}, WARNING,
     "chú thích “1” không được dẫn trong nội dung"),
    (("unit: muc-1", "unit: muc-9"), document_rules.task_units_exist, {15}, ERROR,
     "không có khối nội dung có neo “muc-9”"),
    (("  - id: a\n", "  - {id: a, unit: muc-1}\n  - id: a\n"), document_rules.unique_task_ids, {14, 15}, ERROR,
     "mã nhiệm vụ “a” bị trùng"),
]  # fmt: skip

# (change to FULL, rule): the same rule, with a change it must let through
DOCUMENT_KEPT = [
    ((ITEM, ITEM + '\n  - {type: item, number: "2"}'), document_rules.unique_anchors),
    ((ITEM, ITEM + '\n  - {type: part, number: "II", children: [{type: item, number: "1"}]}'),
     document_rules.unique_anchors),  # muc-ii-1 is not muc-1
    ((ITEM, ITEM + '\n  - {type: item, number: "2", heading: "Tiêu đề[^1]"}'), document_rules.footnotes_defined),
    ((ITEM, 'text: "Nội dung."}\n  - {type: item, number: "2", heading: "Tiêu đề[^1]"}'),
     document_rules.footnotes_cited),  # cited in a heading counts
    (("unit: muc-1", "unit: muc-ii-1"), document_rules.task_units_exist),
    (("  - id: a\n", "  - {id: b, unit: muc-1}\n  - id: a\n"), document_rules.unique_task_ids),
]  # fmt: skip


def _document_found(text: str, rule) -> list:
    loaded = load_text(text, "thu.yaml")
    return list(rule(make_document(loaded.data, loaded.origin()), loaded.origin()))


@pytest.mark.parametrize(
    "change, rule, lines, severity, fragment", DOCUMENT_CASES, ids=lambda c: getattr(c, "__name__", "")
)
def test_a_document_rule_finds_its_problem_where_it_is(change, rule, lines, severity, fragment):
    found = _document_found(_changed(*change), rule)
    assert found and {(d.line, d.severity) for d in found} == {(line, severity) for line in lines}, found
    assert fragment in found[0].message
    assert _document_found(FULL, rule) == []


@pytest.mark.parametrize("change, rule", DOCUMENT_KEPT, ids=lambda c: getattr(c, "__name__", ""))
def test_a_document_rule_lets_a_right_document_through(change, rule):
    text = _changed(*change)
    if rule is document_rules.task_units_exist:
        text = text.replace(ITEM, ITEM + '\n  - {type: part, number: "II", children: [{type: item, number: "1"}]}')
    assert _document_found(text, rule) == []


def test_every_rule_of_this_module_has_cases():
    tested = {rule for _, rule, *_ in FILE_CASES + DOCUMENT_CASES}
    written = {r for r in rules.FILE_RULES + rules.DOCUMENT_RULES if r.__module__ == document_rules.__name__}
    assert tested == written
