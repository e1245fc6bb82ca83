"""Words `check` will refuse as legacy-encoding mojibake (generator/vn/mojibake.py): OCR slips
("viéc", "củai") and text typed in TCVN3/VNI read as Unicode. The importer marks each text that
holds one with a TODO naming the words, so the reviewer fixes them against the source before
`check` refuses the file."""

from __future__ import annotations

from generator.vn import mojibake

__all__ = ["unreadable_words", "todo_message"]

_MAX = 5  # words named in one message


def unreadable_words(text: str) -> list[str]:
    """The words of `text` that Vietnamese cannot contain, in text order, each once."""
    found: list[str] = []
    pos = 0
    while pos < len(text) and len(found) < 50:
        hit = mojibake.find(text[pos:])
        if hit is None:
            break
        offset, word = hit
        if word not in found:
            found.append(word)
        pos += offset + max(len(word), 1)
    return found


def todo_message(text: str) -> str | None:
    words = unreadable_words(text)
    if not words:
        return None
    shown = ", ".join(f"“{w}”" for w in words[:_MAX]) + ("…" if len(words) > _MAX else "")
    return f"{shown} không phải chữ tiếng Việt (lỗi nhận dạng chữ hoặc bảng mã cũ); sửa theo bản gốc, check không nhận"
