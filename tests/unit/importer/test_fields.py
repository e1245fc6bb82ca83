"""generator/importer/fields.py: number, date, kind, system and title fields, with a TODO
wherever the text leaves them unsure; nothing unknown written as known."""

from __future__ import annotations

import pytest

from generator.importer.emit import Todo, plain, unwrap
from generator.importer.fields import date_field, kind_field, kind_from_number, number_field, system_field, title_fields
from generator.importer.header import Header, PrintedDate, PrintedNumber
from generator.importer.lines import Line


def todo_messages(value) -> list[str]:
    return unwrap(value)[1]


def test_number_field():
    header = Header(number=PrintedNumber("2696/QĐ-UBND", "Số 2696/QĐ-UBND", True))
    assert number_field(header) == ("2696/QĐ-UBND", {"number": {"value": "2696/QĐ-UBND", "source": "printed"}})
    header = Header(number=PrintedNumber("07-CT/TU", "Số 07- CT/TU", True))
    assert number_field(header)[1]["number"]["printed_as"] == "Số 07- CT/TU"
    value, fields = number_field(Header(number=PrintedNumber(None, "Số: /QĐ-UBND", False)))
    assert value is None and "number" not in fields and "còn để trống" in todo_messages(fields["#number"])[0]
    value, fields = number_field(Header())
    assert value is None and "không in số" in todo_messages(fields["#number"])[0]


def test_date_field():
    printed = date_field(Header(date=PrintedDate("Quảng Trị", "2025-11-25", "day", "Quảng Trị, ngày 25 …")))
    assert printed.fields == {"date": {"value": "2025-11-25", "precision": "day", "source": "printed"}}
    assert printed.year == 2025
    partial = date_field(Header(date=PrintedDate("Lai Châu", "2025", "year", "Lai Châu, ngày tháng năm 2025")))
    assert plain(partial.fields["date"])["precision"] == "year" and todo_messages(partial.fields["date"])
    impossible = date_field(Header(date=PrintedDate("Hà Nội", None, "unknown", "Hà Nội, ngày 06 tháng 40 năm 2025")))
    assert impossible.fields["date"] == {"precision": "unknown"} and impossible.year is None
    assert "tháng 40" in todo_messages(impossible.fields["#date"])[0]
    none = date_field(Header())
    assert none.fields["date"] == {"precision": "unknown"} and "#date" in none.fields


@pytest.mark.parametrize(
    "kind, number, value, todo",
    [
        ("chi-thi", None, "chi-thi", None),
        (None, "08-CT/TU", "chi-thi", "không thấy dòng tên loại"),
        (None, None, "cong-van", "không thấy dòng tên loại"),
        ("to-trinh", None, "to-trinh", "không phải văn bản chỉ đạo"),
        ("phuong-an", None, "phuong-an", "chưa có trong danh mục loại văn bản"),
    ],
)
def test_kind_field(kind, number, value, todo):
    header = Header(kind=kind, heading=["PHƯƠNG ÁN"] if kind == "phuong-an" else [])
    slug, written = kind_field(header, number)
    assert slug == value and plain(written) == value
    messages = todo_messages(written)
    assert (messages[0] if messages else None) is None if todo is None else todo in messages[0]


def test_kind_from_number():
    assert [kind_from_number(n) for n in ("08-CT/TU", "16/CT-TTg", "2108-QĐ/TU", "123/UBND-VX", None)] == [
        "chi-thi",
        "chi-thi",
        None,  # a Party "QĐ" is a Quyết định or a Quy định
        None,
        None,
    ]


def test_system_field():
    assert system_field(Header(system="party"), None, None, {}) == "party"
    guessed = system_field(Header(), "06/CT-UBND", None, {})
    assert isinstance(guessed, Todo) and plain(guessed) == "state"
    assert plain(system_field(Header(), None, True, {})) == "party"
    assert plain(system_field(Header(), None, None, {}, "da-nang/ban-thuong-vu-thanh-uy")) == "party"
    assert plain(system_field(Header(), None, None, {"authority": "TM. ỦY BAN NHÂN DÂN"})) == "state"
    unknown = system_field(Header(), None, None, {})
    assert "không thấy tiêu đề" in todo_messages(unknown)[0]


def test_title_fields_keep_capitals_and_read_the_period():
    header = Header(title_lines=[Line(1, "NÂNG CAO NĂNG LỰC TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2026 - 2030")])
    fields = title_fields(header)
    assert fields["title"] == "NÂNG CAO NĂNG LỰC TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2026 - 2030"  # as printed, no TODO
    assert fields["period"] == {"start": 2026, "end": 2030}
    assert "không tìm thấy trích yếu" in todo_messages(title_fields(Header())["title"])[0]
