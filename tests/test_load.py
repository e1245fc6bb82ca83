"""The loader: positions, normalization, and refusal of hostile YAML."""

from __future__ import annotations

import unicodedata

import pytest

from generator.corpus.load import MAX_FILE_BYTES, LoadError, load_file, load_text


def test_positions_are_one_based_line_and_column():
    loaded = load_text("id: a/b\nbody:\n  - x\n  - text: y\n", "f.yaml")
    assert loaded.where(("id",)) == (1, 5)
    assert loaded.where(("body", 1, "text")) == (4, 11)
    assert loaded.where(("body", 1, "text"), key=True) == (4, 5)
    assert loaded.where(("body", 7)) == (2, 1) or loaded.where(("body", 7))[0] == 3


def test_text_is_nfc_normalized():
    nfd = unicodedata.normalize("NFD", "Hòa Vang, Thành ủy")
    loaded = load_text(f"title: {nfd}\n", "f.yaml")
    assert loaded.data["title"] == unicodedata.normalize("NFC", nfd)


def test_dates_stay_strings():
    assert load_text("d: 2021-08-05\n", "f.yaml").data["d"] == "2021-08-05"


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("a: &x [1, 2]\nb: *x\n", "anchor/alias"),
        ("a: &a ['l','l']\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n", "anchor/alias"),
        ("a: b\x07c\n", "ký tự điều khiển"),
        ("title: Uû ban nh©n d©n\n", "mã hóa cũ"),
        ("title: chaøo moïi ngöôøi\n", "mã hóa cũ"),
        ("a: 1\na: 2\n", "hai lần"),
        ("<<: {a: 1}\n", "khóa gộp"),
        ("a: !!python/object:os.system x\n", "không được hỗ trợ"),
        ("[" * 200 + "]" * 200, "lồng quá sâu"),
        ("", "tệp rỗng"),
        ("a: [1\n", "YAML không hợp lệ"),
    ],
)
def test_hostile_yaml_is_refused_with_a_location(text, fragment):
    with pytest.raises(LoadError) as info:
        load_text(text, "f.yaml")
    diagnostic = info.value.diagnostic
    assert fragment in diagnostic.message
    assert diagnostic.path == "f.yaml" and diagnostic.line >= 1 and diagnostic.col >= 1


def test_huge_file_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("w") as fh:
        fh.write("title: ")
        fh.write("a" * (MAX_FILE_BYTES + 10))
    with pytest.raises(LoadError) as info:
        load_file(big)
    assert "quá lớn" in info.value.diagnostic.message


def test_non_utf8_file_is_refused(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Hòa\n".encode("utf-16"))
    with pytest.raises(LoadError) as info:
        load_file(path)
    assert "UTF-8" in info.value.diagnostic.message


def test_vietnamese_letters_are_not_mistaken_for_mojibake():
    text = "title: Ủy ban nhân dân; Hòa Vang; thuỷ lợi; Đảng; “Dân vận khéo” – ổn, ừ, ỹ\n"
    assert load_text(text, "f.yaml").data["title"].startswith("Ủy ban")
