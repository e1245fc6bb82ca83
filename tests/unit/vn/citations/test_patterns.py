"""generator/vn/citations/patterns.py: shared pieces of the citation grammar."""

from __future__ import annotations

import re

from generator.vn.citations.patterns import KIND_BY_WORD, KIND_CAP, SPACES, clean, spaced


def test_spaced_phrase_accepts_short_runs_and_line_breaks():
    pattern = re.compile(spaced("Ban Chấp hành"))
    assert pattern.fullmatch("Ban Chấp hành")
    assert pattern.fullmatch("Ban\nChấp   hành")
    assert not pattern.fullmatch("Ban     Chấp hành")  # more than three spaces


def test_clean_makes_white_space_one_space():
    assert clean("Ban  Chấp\nhành\tTrung ương") == "Ban Chấp hành Trung ương"


def test_capitalised_kind_words_stop_at_a_word_end():
    assert KIND_CAP.match("Chỉ thị số").group() == "Chỉ thị"
    assert KIND_CAP.match("Nghị quyết liên tịch").group() == "Nghị quyết liên tịch"
    assert not KIND_CAP.match("Luậtsư")
    assert not KIND_CAP.match("chỉ thị")


def test_kind_words_cover_names_and_aliases():
    assert KIND_BY_WORD["qui định"] == KIND_BY_WORD["quy định"] == "quy-dinh"
    assert KIND_BY_WORD["bộ luật"] == "luat"


def test_spaces_between_words():
    assert SPACES.match("  \n ").group() == "  \n "
    assert SPACES.match("\n\n").group() == "\n"  # one line break at most
