"""generator/corpus/integrity.py: the rules across files that keep ids, dates and identities
honest, each run on a small corpus in memory (tests/support/corpus.py builds it as
`read_corpus` does)."""

from __future__ import annotations

import os

import pytest

from generator.corpus import integrity, rules
from generator.corpus.diagnostics import ERROR
from tests.support.corpus import ORGANIZATIONS, REFERENCES, make_sources


def doc(doc_id: str = "da-nang/chi-thi-08-ct-tu-2021", extra: str = "", number: str | None = "08-CT/TU") -> str:
    """A document file; `extra` lines are appended after the source (line 10 onwards)."""
    number_line = f"number: {{value: {number}, source: printed}}\n" if number else "place: Đà Nẵng\n"
    return (
        f"id: {doc_id}\n"  # 1
        "kind: chi-thi\n"  # 2
        "issuer: da-nang/ban-thuong-vu-thanh-uy\n"  # 3
        "system: party\n"  # 4
        f"{number_line}"  # 5
        'date: {value: "2021-08-05", precision: day, source: printed}\n'  # 6
        "title: về tăng cường sự lãnh đạo của Đảng\n"  # 7
        "body:\n"  # 8
        '  - {type: item, number: "1", text: "Các cấp ủy đảng quán triệt."}\n'  # 9
        "source: {file: da-nang-chi-thi-08-ct-tu-2021.txt}\n" + extra  # 10
    )


def located(found) -> list[tuple[str, int]]:
    assert all(d.severity == ERROR for d in found)
    return [(d.path, d.line) for d in found]


def test_the_small_corpus_passes_every_rule(tmp_path):
    sources = make_sources([doc(), doc("da-nang/ke-hoach-115-kh-tu-2021", number="115-KH/TU")], data_dir=tmp_path)
    integrity_rules = [rule for rule in rules.CORPUS_RULES if rule.__module__ == integrity.__name__]
    assert len(integrity_rules) == 7
    for rule in integrity_rules:
        assert list(rule(sources)) == [], rule.__name__


# --- files -----------------------------------------------------------------------------------


def test_a_symbolic_link_in_the_data_folder_is_refused(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "that.txt").write_text("văn bản", encoding="utf-8")
    (tmp_path / "sources" / "link.txt").symlink_to(tmp_path / "sources" / "that.txt")
    found = integrity.data_files(make_sources([doc()], data_dir=tmp_path))
    assert [d.path for d in found] == [str(tmp_path / "sources" / "link.txt")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_the_data_folder_is_refused(tmp_path):
    os.mkfifo(tmp_path / "nguon.txt")
    found = integrity.data_files(make_sources([doc()], data_dir=tmp_path))
    assert len(found) == 1 and "không phải tệp thường" in found[0].message


# --- relations -------------------------------------------------------------------------------

RELATION = "relations:\n  - {{type: implements, target: {}}}\n"  # the target is on line 12


@pytest.mark.parametrize(
    "target, fragment",
    [
        ("da-nang/chi-thi-99-ct-tu-2020", "không có văn bản “da-nang/chi-thi-99-ct-tu-2020”"),
        ("ha-noi/chi-thi-08-ct-tu-2021", "chưa có trong data/references.yaml"),
        ("da-nang/ke-hoach-115-kh-tu-2021", "không thể có quan hệ với chính nó"),
    ],
)
def test_a_relation_to_nothing_or_to_itself_is_refused_at_its_target(target, fragment):
    text = doc("da-nang/ke-hoach-115-kh-tu-2021", RELATION.format(target), number="115-KH/TU")
    found = list(integrity.unknown_relation_targets(make_sources([doc(), text])))
    assert located(found) == [("data/documents/da-nang/ke-hoach-115-kh-tu-2021.yaml", 12)]
    assert fragment in found[0].message


@pytest.mark.parametrize("target", ["da-nang/chi-thi-08-ct-tu-2021", "da-nang/cong-van-1720-cv-tu-2010"])
def test_a_relation_to_a_published_or_catalogued_document_is_fine(target):
    text = doc("da-nang/ke-hoach-115-kh-tu-2021", RELATION.format(target), number="115-KH/TU")
    assert list(integrity.unknown_relation_targets(make_sources([doc(), text]))) == []


# --- ids that become file names --------------------------------------------------------------


@pytest.mark.parametrize(
    "slug, ok",
    [
        ("a" * integrity.MAX_NAME, True),
        ("a" * (integrity.MAX_NAME + 1), False),
        ("ke-hoach-" + "trien-khai-" * 8 + "x", True),  # 9 + 88 + 1 = 98 characters
        ("ke-hoach-" + "trien-khai-" * 9 + "x", False),  # 109
    ],
)
def test_an_id_segment_longer_than_a_file_name_may_be_is_refused(slug, ok):
    found = list(integrity.name_lengths(make_sources([doc(f"da-nang/{slug}")])))
    assert (found == []) == ok
    if not ok:
        assert located(found) == [(f"data/documents/da-nang/{slug}.yaml", 1)]
        assert f"tối đa {integrity.MAX_NAME} ký tự (phần này có {len(slug)})" in found[0].message


def test_long_ids_are_found_in_every_registry():
    long = "b" * (integrity.MAX_NAME + 1)
    organizations = ORGANIZATIONS + f"- {{id: da-nang/{long}, name: Ban Tuyên giáo Thành ủy Đà Nẵng}}\n"
    references = REFERENCES + f"- {{id: da-nang/{long}, kind: cong-van, issuer: Thành ủy}}\n"
    jurisdictions = f"- {{id: {long}, name: Tỉnh Hà Tĩnh, short_name: Hà Tĩnh}}\n"
    found = integrity.name_lengths(
        make_sources([], {"da-nang": organizations}, jurisdictions=jurisdictions, references=references)
    )
    assert sorted(located(list(found))) == [
        ("data/jurisdictions.yaml", 1),
        ("data/organizations/da-nang.yaml", 8),
        ("data/references.yaml", 6),
    ]


@pytest.mark.parametrize(
    "doc_id, clash",
    [
        ("da-nang/index", "index"),
        ("index/chi-thi-08-ct-tu-2021", "index"),
        ("da-nang/index-2021", None),
        ("da-nang/chi-thi-index", None),
        ("da-nang/muc-luc", None),
    ],
)
def test_an_id_that_would_be_a_folder_page_is_refused(doc_id, clash):
    found = list(integrity.reserved_names(make_sources([doc(doc_id)])))
    if clash is None:
        assert found == []
    else:
        assert located(found) == [(f"data/documents/{doc_id}.yaml", 1)]
        assert f"tên dành riêng “{clash}”" in found[0].message


def test_a_reserved_name_in_the_catalog_is_refused_where_it_is_written():
    references = REFERENCES + "- {id: da-nang/index, kind: cong-van, issuer: Thành ủy}\n"
    found = list(integrity.reserved_names(make_sources([], references=references)))
    assert located(found) == [("data/references.yaml", 6)]


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change, line, fragment",
    [
        (('"2021-08-05"', '"9999-08-05"'), 6, "ngày ban hành: năm 9999 nằm ngoài khoảng 1900–2200"),
        (('"2021-08-05"', '"1899-12-31"'), 6, "ngày ban hành: năm 1899"),
        (("source: printed}\ntitle", "source: printed, not_before: '2201-01-01'}\ntitle"), 6, "năm 2201"),
        ((None, "tasks:\n  - {id: a, unit: muc-1, deadline: trước ngày 31/12/9999}\n"), 12, "thời hạn: năm 9999"),
        ((None, "tasks:\n  - {id: a, unit: muc-1, deadline: Quý IV năm 2300}\n"), 12, "thời hạn: năm 2300"),
        (
            (None, "tasks:\n  - id: a\n    unit: muc-1\n    reports: [{date: '1800-01-10', status: done}]\n"),
            14,
            "ngày báo cáo: năm 1800",
        ),
    ],
)
def test_a_year_outside_the_range_is_refused_where_it_is_written(change, line, fragment):
    old, new = change
    text = doc(extra=new) if old is None else doc().replace(old, new, 1)
    assert text != doc()
    found = list(integrity.date_ranges(make_sources([text])))
    assert located(found) == [("data/documents/da-nang/chi-thi-08-ct-tu-2021.yaml", line)], found
    assert fragment in found[0].message


@pytest.mark.parametrize(
    "deadline",
    ["trước ngày 31/12/2200", "Quý IV năm 1900", "Thường xuyên", "trước ngày 30/6", "Năm 2025"],
)
def test_years_inside_the_range_and_deadlines_without_a_year_pass(deadline):
    text = doc(extra=f"tasks:\n  - {{id: a, unit: muc-1, deadline: {deadline}}}\n")
    assert list(integrity.date_ranges(make_sources([text]))) == []


def test_a_catalog_date_out_of_range_is_refused_in_the_catalog():
    references = REFERENCES.replace("'2010-04-12'", "'2210-04-12'")
    found = list(integrity.date_ranges(make_sources([], references=references)))
    assert located(found) == [("data/references.yaml", 4)] and "ngày: năm 2210" in found[0].message


# --- identity --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "second, duplicate",
    [
        (doc("da-nang/chi-thi-08-ct-tu-2021-ban-sao"), True),
        (doc("da-nang/chi-thi-08-ct-tu-2021-ban-sao", number="08-ct/tu"), True),  # case
        (doc("da-nang/chi-thi-08-ct-tu-2021-ban-sao", number="08 – CT/TU"), True),  # spaces, en dash
        (doc("da-nang/chi-thi-08-ct-tu-2021-ban-sao", number="09-CT/TU"), False),
        (doc("da-nang/chi-thi-08-ct-tu-2021-ban-sao").replace("2021-08-05", "2022-08-05"), False),
        (doc("da-nang/chi-thi-08-ct-tu-2021-ban-sao").replace("kind: chi-thi", "kind: ke-hoach"), False),
        (
            doc("da-nang/chi-thi-08-ct-tu-2021-ban-sao").replace("da-nang/ban-thuong-vu-thanh-uy", "da-nang/thanh-uy"),
            False,
        ),
        (doc("da-nang/chi-thi-08-ct-tu-2021-ban-sao", number=None), False),
    ],
)
def test_the_same_kind_number_issuer_and_date_is_one_document(second, duplicate):
    found = list(integrity.duplicate_identities(make_sources([doc(), second])))
    if not duplicate:
        assert found == []
    else:  # reported at the second in id order, naming the first
        assert located(found) == [("data/documents/da-nang/chi-thi-08-ct-tu-2021-ban-sao.yaml", 5)]
        assert "trùng với văn bản “da-nang/chi-thi-08-ct-tu-2021”" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "08-CT/TU",
        "2108-QĐ/TU",
        "08–CT/TƯ",  # an en dash and the letter Ư are what the paper prints
        "Ban Thường vụ Thành ủy Đà Nẵng",
        "SỞ TƯ PHÁP",
        "Hội đồng nhân dân (HĐND) thành phố",
        "Ủy ban nhân dân các cấp; “Chi ủy”",
    ],
)
def test_vietnamese_letters_digits_and_ordinary_signs_are_clean(text):
    assert integrity.character_problem(text) is None


@pytest.mark.parametrize(
    "text, fragments",
    [
        ("08-\u0421T/TU", ["U+0421 (CYRILLIC CAPITAL LETTER ES)", "trông giống “C”", "trộn chữ CYRILLIC và LATIN"]),
        ("\u039fBND thành phố", ["U+039F (GREEK CAPITAL LETTER OMICRON)", "trông giống “O”"]),
        ("\uff10\uff18-CT/TU", ["U+FF10 (FULLWIDTH DIGIT ZERO)", "không phải chữ cái tiếng Việt"]),
        ("\u00d0ảng ủy", ["U+00D0 (LATIN CAPITAL LETTER ETH)", "không phải chữ cái tiếng Việt"]),
        ("08\u200b-CT/TU", ["ký tự vô hình", "U+200B (ZERO WIDTH SPACE)"]),
        ("Ban\u00a0Dân vận", ["khoảng trắng đặc biệt", "U+00A0 (NO-BREAK SPACE)"]),
        ("Sở Tư\u00adpháp", ["U+00AD (SOFT HYPHEN)"]),
        ("Tha\u0300nh ủy", ["U+0300 (COMBINING GRAVE ACCENT)", "không dùng trong số, mã hoặc tên cơ quan"]),
        ("08-CT/TU\u2026", ["U+2026 (HORIZONTAL ELLIPSIS)"]),
    ],
)
def test_look_alike_invisible_and_decomposed_characters_are_named(text, fragments):
    problem = integrity.character_problem(text)
    assert problem is not None, text
    message, hint = problem
    for fragment in fragments:
        assert fragment in message
    assert hint.startswith(("xóa", "gõ lại"))


def test_identity_characters_checks_numbers_ids_and_registry_names_where_they_are():
    cyrillic_c = "\u0421"
    organizations = ORGANIZATIONS.replace(
        "aliases: [Thành uỷ Đà Nẵng, Thành ủy]", "aliases: [Thành ủy, Thành uỷ\u00a0]"
    )
    references = REFERENCES.replace("1720-CV/TU", f"1720-{cyrillic_c}V/TU")
    jurisdictions = "- {id: da-nang, name: Thành phố Đà Nẵng, short_name: Đà Nẵng\u2026}\n"
    found = list(
        integrity.identity_characters(
            make_sources(
                [doc(number=f"08-{cyrillic_c}T/TU")],
                {"da-nang": organizations},
                jurisdictions=jurisdictions,
                references=references,
            )
        )
    )
    assert sorted((d.path, d.line, d.message.split(" “")[0]) for d in found) == [
        ("data/documents/da-nang/chi-thi-08-ct-tu-2021.yaml", 5, "số, ký hiệu"),
        ("data/jurisdictions.yaml", 1, "địa bàn"),
        ("data/organizations/da-nang.yaml", 3, "tên gọi khác"),
        ("data/references.yaml", 3, "số, ký hiệu"),
    ]
    assert all(d.severity == ERROR and d.hint for d in found)


def test_a_sign_without_a_script_is_named_without_one():
    message, _ = integrity.character_problem("Sở 2²")
    assert "“²” U+00B2 (SUPERSCRIPT TWO) không phải chữ cái" in message and "COMMON" not in message
    message, _ = integrity.character_problem("Sở Nội vụ Аа")
    assert "(chữ CYRILLIC)" in message
