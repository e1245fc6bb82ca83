"""generator/vn/offsets.py: NFC text with a map back to offsets in the original string."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from generator.vn.offsets import to_nfc


def test_nfc_text_needs_no_map():
    text = "Chỉ thị số 08-CT/TU"
    assert to_nfc(text) == (text, None)


def test_nfd_offsets_map_back():
    text = unicodedata.normalize("NFD", "Theo Nghị quyết số 25")
    nfc, mapping = to_nfc(text)
    assert nfc == "Theo Nghị quyết số 25" and mapping is not None
    start, end = nfc.index("Nghị"), nfc.index(" số")
    assert unicodedata.normalize("NFC", text[mapping.start(start) : mapping.end(end)]) == "Nghị quyết"


def test_offsets_inside_a_composed_letter_widen_to_the_whole_letter():
    text = "e\u0302\u0301"  # ế decomposed
    nfc, mapping = to_nfc(text)
    assert nfc == "ế"
    assert (mapping.start(0), mapping.end(1)) == (0, 3)


def test_long_text_maps_chunk_by_chunk():
    text = unicodedata.normalize("NFD", "Quyết định của Ủy ban. " * 1000)
    nfc, mapping = to_nfc(text)
    at = nfc.index("Ủy ban", 20_000)
    assert unicodedata.normalize("NFC", text[mapping.start(at) : mapping.end(at + 6)]) == "Ủy ban"


@given(st.text(alphabet=st.sampled_from("aeoduyAĐ \u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323.-/1"), max_size=80))
def test_every_span_maps_to_a_slice_with_the_same_nfc(text):
    nfc, mapping = to_nfc(text)
    for start in range(len(nfc) + 1):
        for end in range(start, min(len(nfc), start + 4) + 1):
            a, b = (start, end) if mapping is None else (mapping.start(start), mapping.end(end))
            assert 0 <= a <= b <= len(text)
            piece = unicodedata.normalize("NFC", text[a:b])
            assert nfc[start:end] in piece
