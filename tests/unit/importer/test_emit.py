"""generator/importer/emit.py: the YAML writer that puts a TODO comment above a value."""

from __future__ import annotations

import yaml

from generator.importer.emit import Todo, document, plain, scalar


def test_todo_comments_sit_above_their_value_and_the_yaml_round_trips():
    data = {
        "id": Todo("da-nang/x", "một"),
        "#number": Todo(None, "hai"),
        "title": "Về: “a”, b # c",
        "body": [Todo({"type": "item", "text": "x"}, "ba"), "đoạn"],
    }
    text = document(data, ["Đầu tệp"])
    lines = text.splitlines()
    assert lines[1] == "# Đầu tệp"
    assert lines[2:4] == ["# TODO: kiểm tra một", "id: da-nang/x"]
    assert "# TODO: kiểm tra hai" in lines and "# TODO: kiểm tra ba" in lines
    assert (
        yaml.safe_load(text)
        == plain(data)
        == {
            "id": "da-nang/x",
            "title": "Về: “a”, b # c",
            "body": [{"type": "item", "text": "x"}, "đoạn"],
        }
    )


def test_scalars_are_quoted_by_yaml():
    for value in ["2021-08-05", "yes", "a: b", "#x", " lead", "dòng\nhai", "08", "'"]:
        assert yaml.safe_load(f"k: {scalar(value)}") == {"k": value}
