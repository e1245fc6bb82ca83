"""Anchors of numbered and unnumbered blocks: stable, ASCII, unique within their parent."""

from __future__ import annotations

import pytest

from generator.vn import anchors


@pytest.mark.parametrize(
    "number, expected",
    [("3", "3"), ("II", "ii"), ("2.1", "2-1"), ("đ", "dd"), ("a", "a"), ("1a", "1a")],
)
def test_number_slug(number, expected):
    assert anchors.number_slug(number) == expected


def test_numbered_blocks_nest_under_their_ancestors():
    anchor, path = anchors.numbered("part", "II", ())
    assert anchor == "muc-ii"
    child, _ = anchors.numbered("item", "1", path)
    assert child == "muc-ii-1"
    assert anchors.numbered("article", "5", ())[0] == "dieu-5"
    assert anchors.numbered("chapter", "IV", ())[0] == "chuong-iv"


def test_unnumbered_paragraphs_take_their_number_under_their_parent():
    assert anchors.unnumbered("", 1) == "d1"
    assert anchors.unnumbered("dieu-1", 2) == "dieu-1-d2"
    assert anchors.unnumbered(anchors.PREAMBLE, 1) == "mo-dau-d1"
