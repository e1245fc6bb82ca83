"""generator/vn/text.py: the one fold, the word key and slug derived from it, tone placement."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.vn.text import fold, fold_words, modern_tones, slug


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đảng", "dang"),
        ("Thành ủy Đà Nẵng", "thanh uy da nang"),
        ("DÂN VẬN KHÉO", "dan van kheo"),
        ("08-CT/TU", "08-ct/tu"),  # punctuation kept: fold maps letters only
        ("Nghị quyết (khóa XIII)", "nghi quyet (khoa xiii)"),
        ("", ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


def test_fold_is_the_same_on_nfd_input():
    text = "Ủy ban nhân dân thành phố Hà Nội"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == "uy ban nhan dan thanh pho ha noi"


def test_fold_keeps_offsets_of_nfc_text():
    text = "Kế hoạch số 20-KH/TU của Ban Thường vụ"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Thành uỷ", "Thành ủy"),
        ("Phòng Văn hóa, Văn nghệ - Khoa Giáo - Tổng hợp", "Phòng Văn hoá, Văn nghệ – Khoa giáo – Tổng hợp"),
        ("  Ban  Tuyên giáo ", "ban tuyen giao"),
    ],
)
def test_fold_words_merges_spelling_variants(a, b):
    assert fold_words(a) == fold_words(b)


def test_fold_words_keeps_letters_and_digits_only():
    assert fold_words("Số: 08-CT/TU, ngày 05/8/2021.") == "so 08 ct tu ngay 05 8 2021"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Chỉ thị 08-CT/TU", "chi-thi-08-ct-tu"),
        ("Luật Tiếp cận thông tin", "luat-tiep-can-thong-tin"),
        ("34/2021/NĐ-CP", "34-2021-nd-cp"),
        ("--Đà Nẵng--", "da-nang"),
    ],
)
def test_slug(text, expected):
    assert slug(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hoà bình", "hòa bình"),
        ("Thành uỷ", "Thành ủy"),
        ("khoẻ", "khỏe"),
        ("quý", "quý"),  # "uy" after q is not the old placement
        ("hòa", "hòa"),
        ("toán", "toán"),  # the tone sits on the last vowel: nothing to move
    ],
)
def test_modern_tones(text, expected):
    assert modern_tones(text) == expected


@given(st.text())
def test_modern_tones_keeps_the_length(text):
    text = unicodedata.normalize("NFC", text)
    assert len(modern_tones(text)) == len(text)


@given(st.text())
def test_slug_is_url_safe(text):
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug(text))
    assert not slug(text).startswith("-") and not slug(text).endswith("-")
