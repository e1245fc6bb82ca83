"""generator/importer/spelling.py: words check will refuse are named in a TODO at import."""

from __future__ import annotations

from generator.importer import import_text
from generator.importer.spelling import todo_message, unreadable_words


def test_unreadable_words_in_order_each_once():
    text = "Chỉ thị ve viéc tiếp tục; Tiép tục viéc bảo đảm quyén lợi, HĐND các tỉnh trungf€#®À"
    assert unreadable_words(text) == ["viéc", "Tiép", "quyén", "®À"]
    assert unreadable_words("Công tác dân vận của chính quyền các cấp; Đắk Lắk; Mátxcơva; UBKTTƯ") == []
    assert todo_message("Không có lỗi.") is None
    assert "“viéc”" in todo_message("về viéc")


def test_the_importer_marks_the_block_that_holds_one():
    draft = import_text("CHỈ THỊ\nve việc tăng cường\n1. Tiép tục thực hiện.\n2. Tiếp tục thực hiện.\n", "x.txt")
    lines = draft.yaml.splitlines()
    todo = next(i for i, l in enumerate(lines) if "“Tiép”" in l)
    assert lines[todo].lstrip().startswith("# TODO") and "Tiép tục" in "\n".join(lines[todo : todo + 5])
    assert sum("không phải chữ tiếng Việt" in l for l in lines) == 1
