"""generator/vn/citations/aliases.py: short names a text defines for a citation."""

from __future__ import annotations

import pytest

from tests.unit.vn.citations.tables import C, records
from generator.vn.citations.aliases import with_aliases
from generator.vn.citations.model import Found

# (input, every citation expected in it, in order)
CASES = [
    # --- short mentions and defined short names ----------------------------------------------------
    pytest.param(
        "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ (sau đây gọi tắt là Chỉ thị 16). "
        "Thực hiện Chỉ thị 16, các cơ quan; Chỉ thị 160 không phải",
        [
            C(
                "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ",
                "chi-thi",
                "16/CT-TTg",
                "2016-05-16",
                "Thủ tướng Chính phủ",
            ),
            C("Chỉ thị 16", "chi-thi", "16/CT-TTg"),
            C("Chỉ thị 16", "chi-thi", "16/CT-TTg"),
        ],
        id="defined-short-name",
    ),
    pytest.param(
        "Kế hoạch số 20-KH/TU (gọi tắt là Kế hoạch 20) và Chỉ thị số 08-CT/TU (sau đây gọi là Chỉ thị 08). "
        "Kế hoạch 20 và Chỉ thị 08 nêu",
        [  # the short name inside its definition is a mention too
            C("Kế hoạch số 20-KH/TU", "ke-hoach", "20-KH/TU"),
            C("Kế hoạch 20", "ke-hoach", "20-KH/TU"),
            C("Chỉ thị số 08-CT/TU", "chi-thi", "08-CT/TU"),
            C("Chỉ thị 08", "chi-thi", "08-CT/TU"),
            C("Kế hoạch 20", "ke-hoach", "20-KH/TU"),
            C("Chỉ thị 08", "chi-thi", "08-CT/TU"),
        ],
        id="two-short-names",
    ),
    pytest.param(
        "Chỉ thị 16 trước khi định nghĩa; Chỉ thị số 16/CT-TTg (gọi tắt là Chỉ thị 16)",
        [C("Chỉ thị số 16/CT-TTg", "chi-thi", "16/CT-TTg"), C("Chỉ thị 16", "chi-thi", "16/CT-TTg")],
        id="mention-before-definition",
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_aliases_in_text(text, expected):
    assert records(text) == expected


def test_with_aliases_adds_mentions_in_order():
    text = "Chỉ thị số 16/CT-TTg (gọi tắt là Chỉ thị 16); theo Chỉ thị 16."
    cited = Found(0, 20, "chi-thi", "16/CT-TTg", has_kind_word=True)
    found = with_aliases(text, [cited])
    defined, later = text.index("Chỉ thị 16"), text.rindex("Chỉ thị 16")
    assert [(f.start, f.end, f.kind, f.number) for f in found] == [
        (0, 20, "chi-thi", "16/CT-TTg"),
        (defined, defined + 10, "chi-thi", "16/CT-TTg"),
        (later, later + 10, "chi-thi", "16/CT-TTg"),
    ]


def test_without_a_definition_nothing_changes():
    found = [Found(0, 20, "chi-thi", "16/CT-TTg")]
    assert with_aliases("Chỉ thị số 16/CT-TTg; Chỉ thị 16", found) is found
