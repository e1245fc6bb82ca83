"""Legacy-encoding mojibake (TCVN3, VNI read as Latin-1), found by what Vietnamese text can be,
and refused by the loader with the word and its position."""

from __future__ import annotations

import unicodedata

import pytest

from generator.corpus.load import LoadError, load_text
from generator.vn.mojibake import find, is_vietnamese_word
from tests.conftest import ROOT
from tests.support.legacy import tcvn3, vni


SOURCES = sorted((ROOT / "data" / "sources").glob("*.txt"))


def test_a_single_mojibake_word_is_caught():
    with pytest.raises(LoadError) as info:
        load_text("title: Thành phố Hµ Néi\n", "f.yaml")
    diagnostic = info.value.diagnostic
    assert "“Hµ” không phải chữ tiếng Việt" in diagnostic.message and "mã hóa cũ" in diagnostic.message
    assert (diagnostic.line, diagnostic.col) == (1, 18)
    assert find("Néi") == (0, "Néi") and find("Hµ") == (0, "Hµ")


def test_every_vietnamese_letter_in_both_cases_is_normal():
    vowels = "aăâeêioôơuưy"
    marks = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    letters = [unicodedata.normalize("NFC", v + m) for v in vowels for m in marks] + ["đ"]
    assert len(set(letters)) == 73
    for letter in letters:
        for form in (letter, letter.upper()):
            assert find(form) is None, form  # a one-letter syllable, or đ
            assert load_text(f"title: {form} {form}\n", "f.yaml").data["title"] == f"{form} {form}"
    from generator.corpus.integrity import character_problem

    every = "".join(letters)
    assert character_problem(every + every.upper() + " Ban Thường vụ 08-CT/TƯ, QĐ-UBND") is None


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_clean_sources_pass_and_their_legacy_forms_are_caught(source):
    text = source.read_text(encoding="utf-8")
    assert find(unicodedata.normalize("NFC", text)) is None
    lines = [line.strip() for line in text.splitlines() if len(line.split()) >= 4 and not line.isascii()]
    for line in lines[:: max(1, len(lines) // 6)][:6]:
        for convert in (tcvn3, vni):
            garbled = convert(line)
            assert find(garbled) is not None, (convert.__name__, line, garbled)
            with pytest.raises(LoadError) as info:
                load_text(f"title: '{garbled.replace(chr(39), chr(39) * 2)}'\n", "f.yaml")
            assert "mã hóa cũ" in info.value.diagnostic.message or "U+00AD" in info.value.diagnostic.message


def test_every_data_file_reads_as_vietnamese():
    for path in sorted((ROOT / "data").rglob("*")):
        if path.suffix in (".yaml", ".txt", ".md"):
            assert find(unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))) is None, path


@pytest.mark.parametrize(
    "word",
    ["Lênin", "Mátxcơva", "Ăngghen", "Nguyễn", "quyết", "giữ", "khuya", "thuở", "hoà", "Đắk Lắk", "UBKTTƯ", "m²"],
)
def test_borrowed_names_abbreviations_and_units_are_not_mojibake(word):
    assert find(word) is None


@pytest.mark.parametrize(
    "word, expected",
    [("Nguyễn", True), ("khuya", True), ("Đắk", True), ("Néi", False), ("Hµ", False), ("ViÖt", False)],
)
def test_a_word_is_vietnamese_by_its_onset_rhyme_and_tone(word, expected):
    assert is_vietnamese_word(word) is expected
