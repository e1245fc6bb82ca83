"""generator/corpus/validate.py: the JSON Schemas, and their errors as located messages in
Vietnamese; the compiled validator and the explaining one give one result."""

from __future__ import annotations

import copy

import fastjsonschema
import jsonschema
import pytest

from generator.corpus import validate
from generator.corpus.diagnostics import ERROR
from generator.corpus.load import Loaded, load_text
from tests.support.corpus import VALID

SCHEMAS = sorted(path.name for path in validate.SCHEMA_DIR.glob("*.schema.json"))


def test_the_four_schemas_are_there():
    assert SCHEMAS == [
        "document.schema.json",
        "jurisdictions.schema.json",
        "organizations.schema.json",
        "references.schema.json",
    ]


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_schema_loads_once_and_is_a_valid_2020_12_schema(name):
    loaded = validate.schema(name)
    assert loaded is validate.schema(name)  # read once
    jsonschema.Draft202012Validator.check_schema(loaded)
    assert loaded["$schema"].endswith("2020-12/schema")


def test_an_unknown_schema_is_an_error_not_an_empty_schema():
    with pytest.raises(FileNotFoundError):
        validate.schema("khong-co.schema.json")


def _diagnostics(text: str, schema: str = "document.schema.json"):
    return validate.schema_diagnostics(load_text(text, "f.yaml"), schema)


def test_the_valid_document_has_no_diagnostics():
    assert _diagnostics(VALID) == []


# VALID, line by line: 1 id, 2 kind, 3 issuer, 4 system, 5 date, 6 title, 7 body, 8 "- Đoạn một.", 9 source
# (change to VALID, (line, col), message, hint fragment)
DOCUMENT_CASES = [
    (("title: về thử nghiệm\n", ""), (1, 1), "thiếu trường bắt buộc “title” trong (gốc)", "thêm dòng “title: …”"),
    (("system: party", "system: party\nplcae: Đà Nẵng"), (5, 1), "trường không hợp lệ “plcae”", "có phải là “place”?"),
    (("system: party", "system: party\nghi_chu: x"), (5, 1), "trường không hợp lệ “ghi_chu”",
     "các trường hợp lệ: id, kind,"),
    (("- Đoạn một.", "- {type: item, numbr: '1'}"), (8, 18), "trường không hợp lệ “numbr”", "có phải là “number”?"),
    (("kind: chi-thi", "kind: chỉ thị"), (2, 7), "kind: giá trị “chỉ thị” không hợp lệ", "chọn một trong: chi-thi,"),
    (("id: da-nang/thu-nghiem", "id: Đà-Nẵng/thu-nghiem"), (1, 5), "id: “Đà-Nẵng/thu-nghiem” không đúng định dạng",
     "chỉ chữ thường không dấu"),
    (("title: về thử nghiệm", "title: ''"), (6, 8), "title: không được để trống", ""),
    (("title: về thử nghiệm", "title: [về, thử nghiệm]"), (6, 8), "title: sai kiểu, cần chuỗi", "Hướng dẫn biên tập"),
    (("system: party", "system: party\nperiod: {start: 1920, end: 2025}"), (5, 17),
     "period.start: giá trị 1920 nằm ngoài khoảng cho phép", ""),
    (("system: party", "system: party\nheading: [" + ", ".join(["THÀNH ỦY ĐÀ NẴNG"] * 11) + "]"), (5, 10),
     "heading: quá dài (tối đa 10)", ""),
    (("- Đoạn một.", "- {type: item, number: '1', text: 5}"), (8, 37), "body[0].text: sai kiểu, cần chuỗi", ""),
]  # fmt: skip


@pytest.mark.parametrize("change, where, message, hint", DOCUMENT_CASES, ids=lambda c: str(c)[:30])
def test_a_schema_error_is_located_and_said_in_vietnamese(change, where, message, hint):
    old, new = change
    assert old in VALID
    found = _diagnostics(VALID.replace(old, new, 1))
    assert [(d.path, d.line, d.col, d.severity, d.message) for d in found] == [("f.yaml", *where, ERROR, message)]
    assert hint in found[0].hint


def test_a_block_of_the_wrong_type_says_which_types_it_may_be():
    found = _diagnostics(VALID.replace("- Đoạn một.", "- 5"))
    assert [(d.line, d.col) for d in found] == [(8, 5)]
    assert found[0].message.startswith("body[0]: ")
    assert "chuỗi" in found[0].message and "nhóm trường" in found[0].message
    assert "not valid" not in found[0].message  # no English from the validator


def test_every_error_of_a_file_is_reported_once_in_order():
    text = VALID.replace("kind: chi-thi", "kind: chi-thi-x").replace("system: party", "system: dang")
    found = _diagnostics(text.replace("title:", "tittle:"))  # a renamed required field: two errors
    assert [(d.line, d.message.split(":")[0]) for d in found] == [
        (1, "thiếu trường bắt buộc “title” trong (gốc)"),
        (2, "kind"),
        (4, "system"),
        (6, "trường không hợp lệ “tittle”"),
    ]


# (schema, file text, (line, col), message)
REGISTRY_CASES = [
    ("jurisdictions.schema.json", "- {id: da-nang, name: Thành phố Đà Nẵng}\n", (1, 3),
     "thiếu trường bắt buộc “short_name” trong [0]"),
    ("organizations.schema.json", "- id: da-nang/thanh-uy\n  name: Thành ủy Đà Nẵng\n  alias: [Thành ủy]\n",
     (3, 3), "trường không hợp lệ “alias”"),
    ("organizations.schema.json", "- id: Thành ủy\n  name: Thành ủy Đà Nẵng\n", (1, 7),
     "[0].id: “Thành ủy” không đúng định dạng"),
    ("references.schema.json", "- {id: da-nang/cong-van-1720, kind: cong-van, issuer: Thành ủy, date: 12/4/2010}\n",
     (1, 71), "[0].date: “12/4/2010” không đúng định dạng"),
]  # fmt: skip


@pytest.mark.parametrize("schema, text, where, message", REGISTRY_CASES)
def test_registry_files_are_checked_by_their_own_schema(schema, text, where, message):
    found = _diagnostics(text, schema)
    assert [(d.line, d.col) for d in found] == [where] and message in found[0].message, found


# --- one validation result, whichever validator ran ------------------------------------------

HOSTILE_VALUES = [
    ("id", "da-nang/thu-nghiem\n"),
    ("id", "da-nang/thu-nghiem\r"),
    ("id", "\nda-nang/thu-nghiem"),
    ("id", "da-nang/thu-nghiem\t"),
    ("id", "da-nang/thu-nghiem\x00"),
    ("id", "da-nang/thu-nghiem\x1b"),
    ("id", "da-nang/thu-nghiem\u2028"),
    ("id", "da-nang/thu nghiem"),
    ("id", "da-nang/thu-nghiem/../x"),
    ("id", "da-nang/thử-nghiệm"),
    ("number", {"value": "08-CT/TU\n", "source": "printed"}),
    ("date", {"value": "2021-08-05\n", "precision": "day", "source": "printed"}),
    ("source", {"file": "x.txt\n"}),
    ("source", {"file": "da-nang-chi-thi-08-ct-tu-2021.txt", "url": "https://x\njavascript:alert(1)"}),
    ("source", {"file": "da-nang-chi-thi-08-ct-tu-2021.txt", "url": 'https://x" onmouseover="alert(1)'}),
    ("source", {"file": "da-nang-chi-thi-08-ct-tu-2021.txt", "url": "javascript:alert(1)"}),
    ("source", {"file": "da-nang-chi-thi-08-ct-tu-2021.txt", "url": "https://example.org/a?b=c#d"}),
    ("id", "da-nang/thu-nghiem"),
]
ACCEPTED = [
    ("id", "da-nang/thu-nghiem"),
    ("source", {"file": "da-nang-chi-thi-08-ct-tu-2021.txt", "url": "https://example.org/a?b=c#d"}),
]


@pytest.mark.parametrize("field, value", HOSTILE_VALUES, ids=repr)
def test_both_validators_agree_on_hostile_values(field, value):
    data = load_text(VALID, "f.yaml").data
    data[field] = copy.deepcopy(value)
    try:
        validate._fast("document.schema.json")(data)
        fast_ok = True
    except fastjsonschema.JsonSchemaException:
        fast_ok = False
    explaining_ok = not list(validate._validator("document.schema.json").iter_errors(data))
    assert fast_ok == explaining_ok, (field, value)
    found = validate.schema_diagnostics(Loaded("f.yaml", data), "document.schema.json")
    assert bool(found) == (not fast_ok)
    assert fast_ok == ((field, value) in ACCEPTED), (field, value)


@pytest.mark.parametrize(
    "pattern, text, matches",
    [
        ("^[a-z0-9/-]+$", "da-nang/thu-nghiem", True),
        ("^[a-z0-9/-]+$", "da-nang/thu-nghiem\n", False),  # Python's re alone would match
        ("^\\S+$", "08-CT/TU\n", False),
        ("^x\\$$", "x$", True),  # an escaped dollar stays a dollar
        ("^x\\$$", "x$\n", False),
    ],
)
def test_a_dollar_in_a_pattern_is_the_end_of_the_string(pattern, text, matches):
    assert (validate._anchored(pattern).search(text) is not None) == matches


def test_a_rejection_is_never_lost_when_the_explaining_validator_finds_nothing(monkeypatch):
    monkeypatch.setattr(validate, "_validator", lambda name: type("V", (), {"iter_errors": lambda self, d: []})())
    found = validate.schema_diagnostics(Loaded("f.yaml", {"id": 1}), "document.schema.json")
    assert found and found[0].is_error


# (schema, a valid file's data, field of its first entry, hostile value)
REGISTRY_HOSTILE = [
    ("jurisdictions.schema.json", [{"id": "da-nang", "name": "Thành phố Đà Nẵng", "short_name": "Đà Nẵng"}], "id",
     "da-nang\n"),
    ("jurisdictions.schema.json", [{"id": "da-nang", "name": "Thành phố Đà Nẵng", "short_name": "Đà Nẵng"}], "id",
     "da nang"),
    ("organizations.schema.json", [{"id": "da-nang/thanh-uy", "name": "Thành ủy Đà Nẵng"}], "id",
     "da-nang/thanh-uy\n"),
    ("organizations.schema.json", [{"id": "da-nang/ban-a", "name": "Ban A", "parent": "da-nang/thanh-uy"}], "parent",
     "da-nang/thanh-uy\n"),
    ("references.schema.json", [{"id": "da-nang/cong-van-1720", "kind": "cong-van", "issuer": "Thành ủy"}], "id",
     "da-nang/cong-van-1720\n"),
    ("references.schema.json", [{"id": "da-nang/cong-van-1720", "kind": "cong-van", "issuer": "Thành ủy"}], "date",
     "2010-04-12\n"),
]  # fmt: skip


@pytest.mark.parametrize("schema, data, field, value", REGISTRY_HOSTILE)
def test_registry_ids_with_a_line_break_are_refused_by_both_validators(schema, data, field, value):
    assert validate.schema_diagnostics(Loaded("f.yaml", data), schema) == []
    hostile = copy.deepcopy(data)
    hostile[0][field] = value
    with pytest.raises(fastjsonschema.JsonSchemaException):
        validate._fast(schema)(hostile)
    assert list(validate._validator(schema).iter_errors(hostile))
    found = validate.schema_diagnostics(Loaded("f.yaml", hostile), schema)
    assert [d.message for d in found] == [f"[0].{field}: “{value}” không đúng định dạng"]


def test_a_hostile_value_in_a_message_never_forges_a_line_of_output():
    data = load_text(VALID, "f.yaml").data
    data["id"] = "da-nang/x\nf.yaml:1:1: lỗi: giả"
    found = validate.schema_diagnostics(Loaded("f.yaml", data), "document.schema.json")
    assert len(found) == 1 and found[0].message.startswith("id: “da-nang/x\nf.yaml")
    assert "\n" not in found[0].format()
