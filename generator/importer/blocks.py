"""The block tree as YAML data: nodes → the `preamble`/`body` lists of docs/data-format.md,
anchors as `check` computes them, numbers that would collide, footnote markers numbered."""

from __future__ import annotations

from typing import Any, Iterable

from generator.corpus.builders import make_blocks
from generator.importer import emit
from generator.importer.emit import Todo
from generator.importer.lines import LOST_MARK
from generator.importer.structure import Node
from generator.importer.trailer import INLINE_MARK, count_markers, replace_markers

__all__ = ["raw_blocks", "set_anchors", "walk", "dedupe_numbers", "number_footnotes"]


def raw_blocks(nodes: list[Node]) -> list[Any]:
    out: list[Any] = []
    for node in nodes:
        if node.type == "paragraph" and not node.children and not node.todo:
            out.append(node.text or "")
            continue
        raw: dict[str, Any] = {"type": node.type}
        for key in ("number", "marker", "heading", "text"):
            value = getattr(node, key)
            if value is not None:
                raw[key] = value
        if node.children:
            raw["children"] = raw_blocks(node.children)
        out.append(Todo(raw, *node.todo) if node.todo else raw)
    return out


def set_anchors(nodes: list[Node], parent: str) -> None:
    """Give each node the anchor `check` will give its block."""
    blocks = make_blocks(emit.plain(raw_blocks(nodes)), parent, 0)

    def pair(ns: list[Node], bs: list) -> None:
        for n, b in zip(ns, bs):
            n.anchor = b.anchor
            pair(n.children, b.children)

    pair(nodes, blocks)


def walk(nodes: list[Node]) -> Iterable[Node]:
    for node in nodes:
        yield from node.walk()


def dedupe_numbers(nodes: list[Node]) -> None:
    """Two siblings with one number would share an anchor: keep the print, flag the second."""
    seen: set[tuple[str, str]] = set()
    for node in nodes:
        if node.number is not None:
            key = (node.type, node.number)
            if key in seen:
                node.todo.append(
                    f"số thứ tự “{node.marker}” lặp lại ở cùng cấp (dòng {node.line} của văn bản gốc); "
                    "đã bỏ số để neo không trùng"
                )
                node.number = None
            else:
                seen.add(key)
        dedupe_numbers(node.children)


def number_footnotes(nodes: list[Node], footnotes: list[dict]) -> Todo | None:
    """Lost footnote markers ("()", "\ufffd") become [^1], [^2]… in text order, as many as
    there are footnotes; a TODO when the counts differ."""
    markers = sum(count_markers(n.text or "") + count_markers(n.heading or "") for n in walk(nodes))
    if footnotes:
        remaining = [len(footnotes)]
        counter = iter(range(1, len(footnotes) + 1))

        def next_id() -> int:
            remaining[0] -= 1
            return next(counter)

        for node in walk(nodes):
            for key in ("heading", "text"):
                value = getattr(node, key)
                if value and remaining[0] > 0 and count_markers(value):
                    setattr(node, key, _replace_some(value, next_id, remaining))
        for i, note in enumerate(footnotes, start=1):
            note["id"] = str(i)
    if markers and markers != len(footnotes):
        return Todo(
            None,
            f"{markers} ký hiệu chú thích bị mất trong nội dung (dấu “()” hoặc "
            f"“{LOST_MARK}”) nhưng có {len(footnotes)} chú thích; ghép lại bằng [^số]",
        )
    return None


def _replace_some(text: str, next_id, remaining: list[int]) -> str:
    out, pos = [], 0
    for m in INLINE_MARK.finditer(text):
        if remaining[0] <= 0:
            break
        out.append(text[pos : m.start()])
        out.append(replace_markers(m.group(), next_id))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)
