"""generator/importer/blocks.py: nodes → YAML blocks with the anchors check computes; numbers
that would collide; lost footnote markers numbered."""

from __future__ import annotations

from generator.importer.blocks import dedupe_numbers, number_footnotes, raw_blocks, set_anchors
from generator.importer.emit import Todo, unwrap
from generator.importer.structure import Node


def test_raw_blocks_and_anchors():
    nodes = [
        Node(
            "part",
            number="I",
            marker="I.",
            heading="MỤC ĐÍCH",
            children=[Node("item", number="1", marker="1.", text="Một.")],
        ),
        Node("paragraph", text="Đoạn kết."),
    ]
    set_anchors(nodes, "")
    assert [nodes[0].anchor, nodes[0].children[0].anchor] == ["muc-i", "muc-i-1"]
    assert raw_blocks(nodes) == [
        {
            "type": "part",
            "number": "I",
            "marker": "I.",
            "heading": "MỤC ĐÍCH",
            "children": [{"type": "item", "number": "1", "marker": "1.", "text": "Một."}],
        },
        "Đoạn kết.",
    ]


def test_a_repeated_number_is_dropped_with_a_todo():
    nodes = [
        Node("item", number="1", marker="1.", text="a", line=3),
        Node("item", number="1", marker="1.", text="b", line=9),
    ]
    dedupe_numbers(nodes)
    assert [n.number for n in nodes] == ["1", None]
    block = raw_blocks(nodes)[1]
    assert isinstance(block, Todo) and "dòng 9" in unwrap(block)[1][0]


def test_lost_footnote_markers_are_numbered_in_order():
    nodes = [Node("paragraph", text="Một() hai\ufffd ba()")]
    notes = [{"id": "x", "text": "A"}, {"id": "y", "text": "B"}]
    assert number_footnotes(nodes, notes) is not None  # three markers, two notes: a TODO
    assert nodes[0].text == "Một([^1]) hai[^2] ba()" and [n["id"] for n in notes] == ["1", "2"]
    assert number_footnotes([Node("paragraph", text="Không có dấu.")], []) is None
