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


# --- files: never through a symbolic link (issue: nothing untrusted gets published) ---------

import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from generator.corpus.load import read_data_file  # noqa: E402


def test_regular_file_below_the_root_is_read(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.yaml").write_text("title: x\n", encoding="utf-8")
    assert read_data_file(tmp_path / "a" / "x.yaml", tmp_path) == b"title: x\n"


@pytest.mark.parametrize("target", ["/etc/hostname", "/proc/self/environ", "inside"])
def test_a_symbolic_link_is_never_followed(tmp_path, target):
    (tmp_path / "inside").write_text("secret", encoding="utf-8")
    link = tmp_path / "x.yaml"
    link.symlink_to(target if target.startswith("/") else tmp_path / target)
    with pytest.raises(LoadError) as info:
        read_data_file(link, tmp_path, "data/x.yaml")
    assert "liên kết tượng trưng" in info.value.diagnostic.message
    assert info.value.diagnostic.format().startswith("data/x.yaml:1:1: lỗi: ")


def test_a_linked_folder_is_never_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.yaml").write_text("title: x\n", encoding="utf-8")
    root = tmp_path / "data"
    root.mkdir()
    (root / "documents").symlink_to(outside)
    with pytest.raises(LoadError) as info:
        read_data_file(root / "documents" / "x.yaml", root)
    assert "thư mục documents là liên kết tượng trưng" in info.value.diagnostic.message


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    with pytest.raises(LoadError) as info:
        read_data_file(fifo, tmp_path)
    assert "không phải tệp thường" in info.value.diagnostic.message


def test_a_file_outside_the_root_is_refused(tmp_path):
    (tmp_path / "x.yaml").write_text("a: 1\n")
    (tmp_path / "data").mkdir()
    with pytest.raises(LoadError):
        read_data_file(tmp_path / "data" / ".." / "x.yaml", tmp_path / "data")


# --- nesting is bounded before the C parser sees the text ------------------------------------


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, "a: " + "{a: " * 100_000 + "}" * 100_000, "- " * 100_000 + "x\n"],
    ids=["flow sequences", "flow mappings", "block sequences"],
)
def test_deep_nesting_never_crashes_the_process(tmp_path, text):
    """libyaml's composer recurses on the C stack: 100,000 levels crashed it (exit 139)."""
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    code = (
        "import sys; from generator.corpus.load import load_file, LoadError\n"
        "try:\n    load_file(__import__('pathlib').Path(sys.argv[1]), 'deep.yaml')\n"
        "except LoadError as e:\n    print(e.diagnostic.format()); sys.exit(1)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])  # not -11 (SIGSEGV)
    assert result.stdout.startswith("deep.yaml:1:") and "lồng quá sâu (hơn 40 cấp)" in result.stdout


def test_nesting_at_the_limit_and_brackets_in_strings_are_fine():
    at_limit = "[" * 40 + "x" + "]" * 40
    assert load_text(at_limit, "f.yaml").data
    quoted = 'title: "' + "[" * 500 + "\"\nnote: '" + "{" * 500 + "'\n"
    assert load_text(quoted, "f.yaml").data["title"] == "[" * 500


# --- characters no string may hold, named ----------------------------------------------------


@pytest.mark.parametrize(
    "char, name",
    [
        ("\u200b", "ký tự vô hình U+200B (ZERO WIDTH SPACE)"),
        ("\u2060", "ký tự vô hình U+2060 (WORD JOINER)"),
        ("\u00ad", "ký tự vô hình U+00AD (SOFT HYPHEN)"),
        ("\ufeff", "ký tự vô hình U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
        ("\u202e", "ký tự vô hình U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\u2066", "ký tự vô hình U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ("\u3164", "ký tự vô hình U+3164 (HANGUL FILLER)"),
        ("\u115f", "ký tự vô hình U+115F (HANGUL CHOSEONG FILLER)"),
        ("\ufe0f", "ký tự vô hình U+FE0F (VARIATION SELECTOR-16)"),
        ("\u2028", "ký tự vô hình U+2028 (LINE SEPARATOR)"),
        ("\x1b", "ký tự điều khiển không in được U+001B"),
        ("\x85", "ký tự điều khiển không in được U+0085"),
        ("\ufffe", "ký tự không hợp lệ U+FFFE"),
        ("\uffff", "ký tự không hợp lệ U+FFFF"),
        ("\U0001fffe", "ký tự không hợp lệ U+1FFFE"),
    ],
)
def test_invisible_control_and_noncharacters_are_refused_by_name(char, name):
    with pytest.raises(LoadError) as info:
        load_text(f"id: da-nang/x\ntitle: Hòa{char}Vang\n", "f.yaml")
    assert name in info.value.diagnostic.message
    assert (info.value.diagnostic.line, info.value.diagnostic.col) == (2, 11)


@pytest.mark.parametrize("escape", ["\\ud800", "\\x1b", "\\u200b", "\\uFFFE", "\\u2029"])
def test_yaml_escapes_cannot_smuggle_them_in(escape):
    with pytest.raises(LoadError) as info:
        load_text(f'title: "Hòa{escape}Vang"\n', "f.yaml")
    message = info.value.diagnostic.message
    assert ("U+" in message or "invalid Unicode character" in message) and info.value.diagnostic.line == 1


# --- one validation result, whichever validator ran ------------------------------------------

HOSTILE_VALUES = [
    ("id", "da-nang/thu-nghiem\n"),
    ("id", "da-nang/thu-nghiem\r"),
    ("id", "\nda-nang/thu-nghiem"),
    ("id", "da-nang/thu-nghiem\t"),
    ("id", "da-nang/thu nghiem"),
    ("id", "da-nang/thu-nghiem/../x"),
    ("number", {"value": "08-CT/TU\n", "source": "printed"}),
    ("date", {"value": "2021-08-05\n", "precision": "day", "source": "printed"}),
    ("source", {"file": "x.txt\n"}),
    ("source", {"file": "da-nang-chi-thi-08-ct-tu-2021.txt", "url": "https://x\njavascript:alert(1)"}),
    ("source", {"file": "da-nang-chi-thi-08-ct-tu-2021.txt", "url": 'https://x" onmouseover="alert(1)'}),
    ("source", {"file": "da-nang-chi-thi-08-ct-tu-2021.txt", "url": "javascript:alert(1)"}),
    ("source", {"file": "da-nang-chi-thi-08-ct-tu-2021.txt", "url": "https://example.org/a?b=c#d"}),
    ("id", "da-nang/thu-nghiem"),
]


@pytest.mark.parametrize("field, value", HOSTILE_VALUES)
def test_both_validators_agree_on_hostile_values(field, value):
    import copy

    import fastjsonschema

    from generator.corpus import validate
    from generator.corpus.load import Loaded

    data = load_text(
        "id: da-nang/thu-nghiem\nkind: chi-thi\nissuer: da-nang/ban-thuong-vu-thanh-uy\nsystem: party\n"
        "date: {value: '2021-08-05', precision: day, source: printed}\ntitle: về thử nghiệm\n"
        "body: [Đoạn một.]\nsource: {file: da-nang-chi-thi-08-ct-tu-2021.txt}\n",
        "f.yaml",
    ).data
    data[field] = copy.deepcopy(value)
    try:
        validate._fast("document.schema.json")(data)
        fast_ok = True
    except fastjsonschema.JsonSchemaException:
        fast_ok = False
    explaining_ok = not list(validate._validator("document.schema.json").iter_errors(data))
    assert fast_ok == explaining_ok, (field, value)
    found = validate.schema_diagnostics(Loaded("f.yaml", data), "document.schema.json")
    assert bool(found) == (not fast_ok)
    expected_ok = value in ("da-nang/thu-nghiem",) or (isinstance(value, dict) and value.get("url", "").endswith("#d"))
    assert fast_ok == expected_ok, (field, value)


def test_a_rejection_is_never_lost_when_the_explaining_validator_finds_nothing(monkeypatch):
    from generator.corpus import validate
    from generator.corpus.load import Loaded

    monkeypatch.setattr(validate, "_validator", lambda name: type("V", (), {"iter_errors": lambda self, d: []})())
    found = validate.schema_diagnostics(Loaded("f.yaml", {"id": 1}), "document.schema.json")
    assert found and found[0].is_error


# --- legacy-encoding mojibake, by what Vietnamese text can be ---------------------------------

from generator.vn.mojibake import find  # noqa: E402
from tests.support.legacy import tcvn3, vni  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
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


def test_a_message_never_prints_a_raw_line_break():
    from generator.corpus.diagnostics import ERROR, Diagnostic

    text = Diagnostic("f.yaml", 1, 1, ERROR, "không có cơ quan “a\r\nf.yaml:9:9: lỗi: giả”").format()
    assert "\n" not in text and "\r" not in text and "a\\r\\nf.yaml:9:9" in text


def test_files_copied_into_the_site_are_never_read_through_a_link(tmp_path):
    from generator.build.write import copy_regular_file

    (tmp_path / "secret").write_text("SECRET", encoding="utf-8")
    (tmp_path / "nguon.txt").symlink_to(tmp_path / "secret")
    with pytest.raises(LoadError):
        copy_regular_file(tmp_path / "nguon.txt", tmp_path / "out.txt")
    assert not (tmp_path / "out.txt").exists()
    (tmp_path / "that.txt").write_text("văn bản", encoding="utf-8")
    copy_regular_file(tmp_path / "that.txt", tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "văn bản"
