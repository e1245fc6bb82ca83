"""generator/corpus/unfinished.py: TODO comments and placeholder values are errors at their lines."""

from __future__ import annotations

import pytest

from generator.corpus.load import load_text
from generator.corpus.unfinished import PLACEHOLDERS, todo_comments, unfinished_work


def found(text: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.message) for d in list(unfinished_work(load_text(text, "f.yaml")))]


def test_todo_comments_are_errors_at_their_lines():
    text = (
        "# TODO: kiểm tra địa bàn\n"
        "id: quang-tri/chi-thi-1\n"
        "title: Về việc  # TODO: kiểm tra trích yếu\n"
        "body:\n"
        "  # TODO kiểm tra khối này\n"
        "  - Đoạn một.\n"
    )
    assert [(line, col) for line, col, _ in found(text)] == [(1, 1), (3, 17), (5, 3)]
    assert all(m.startswith("còn việc cần kiểm tra: TODO") for _, _, m in found(text))


@pytest.mark.parametrize(
    "text",
    [
        'title: "Việc cần làm: TODO # TODO trong chuỗi"\n',  # inside a quoted value: text, not a comment
        "title: Ghi chú#TODO liền chữ\n",  # "#" inside a word does not start a comment
        "title: |\n  # TODO dòng của một khối văn bản\n",  # a line of a block scalar
        "# Ghi chú bình thường\ntitle: Không còn việc gì\n",
    ],
)
def test_todo_inside_a_value_is_text(text):
    assert found(text) == []


def test_placeholders_are_errors_at_their_values():
    text = "id: chua-ro/chi-thi-1\ntitle: (trích yếu của văn bản)\nbody:\n- (Nội dung mục 1.)\n- Nội dung thật.\n"
    assert [(line, message.split(":", 1)[0]) for line, _, message in found(text)] == [
        (1, "còn việc cần kiểm tra"),
        (2, "còn việc cần kiểm tra"),
        (4, "còn việc cần kiểm tra"),
    ]
    assert all(p.startswith("(") and p.endswith(")") or "…" in p for p in PLACEHOLDERS)


def test_todo_comments_are_linear_and_skip_texts_without_todo():
    assert todo_comments("a: b\n" * 10_000, None) == []
    long = "a: b\n" * 5_000 + "# TODO: x\n"
    assert todo_comments(long, None) == [(5001, 1, "TODO: x")]
