"""Blocks built from the YAML body: anchors (deep links to a numbered item) and markers."""

from __future__ import annotations

import pytest

from generator.corpus.builders import make_blocks
from generator.vn import anchors


@pytest.mark.parametrize(
    "spec, expected",
    [
        ([{"type": "item", "number": "3"}], ["muc-3"]),
        (
            [
                {
                    "type": "part",
                    "number": "II",
                    "children": [
                        {
                            "type": "item",
                            "number": "1",
                            "children": [{"type": "point", "number": "a"}, {"type": "point", "number": "đ"}, "đoạn"],
                        }
                    ],
                }
            ],
            ["muc-ii", "muc-ii-1", "muc-ii-1-a", "muc-ii-1-dd", "muc-ii-1-d1"],
        ),
        ([{"type": "item", "number": "2", "children": [{"type": "item", "number": "2.1"}]}], ["muc-2", "muc-2-1"]),
        (
            [{"type": "article", "number": "1", "children": ["x", {"type": "dash", "text": "y"}]}],
            ["dieu-1", "dieu-1-d1", "dieu-1-d2"],
        ),
        (["a", "b", {"type": "item", "number": "1"}], ["d1", "d2", "muc-1"]),
    ],
)
def test_anchors(spec, expected):
    blocks = make_blocks(spec, "", 0)
    assert [b.anchor for top in blocks for b in top.walk()] == expected


def test_preamble_anchors_are_prefixed():
    assert [b.anchor for b in make_blocks(["x", "y"], anchors.PREAMBLE, 0)] == ["mo-dau-d1", "mo-dau-d2"]


def test_dash_marker_defaults_to_hyphen():
    assert make_blocks([{"type": "dash", "text": "x"}], "", 0)[0].marker == "-"
