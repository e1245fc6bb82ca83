"""generator/vn/effect.py: the clause that says when a document takes effect, from real texts."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.vn.effect import Effect, EffectKind, find_effect, first_effect

S, D, A = EffectKind.SIGNING, EffectKind.DATE, EffectKind.AFTER_DAYS


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("Quyết định này có hiệu lực kể từ ngày ký.", S, None),  # Quyết định 2108-QĐ/TU, Điều 3
        ("Chỉ thị này có hiệu lực thi hành kể từ ngày ký ban hành.", S, None),
        ("Kế hoạch này có hiệu lực từ ngày ban hành.", S, None),
        ("Quyết định này có hiệu lực kể từ ngày kí.", S, None),
        ("Quy định này có hiệu lực thi hành từ ngày ký", S, None),
        ("Có hiệu lực kể từ ngày ký.", S, None),
        ("Điều 4. Quyết định này có hiệu lực từ ngày 01/01/2022.", D, dt.date(2022, 1, 1)),
        ("Quyết định này có hiệu lực thi hành kể từ ngày 15.3.2017", D, dt.date(2017, 3, 15)),
        ("Nghị quyết này có hiệu lực kể từ ngày 01 tháng 3 năm 2022.", D, dt.date(2022, 3, 1)),
        ("Quyết định này có hiệu lực sau 15 ngày kể từ ngày ký.", A, 15),
        ("Quyết định này có hiệu lực sau 10 ngày, kể từ ngày ký ban hành.", A, 10),
        ("QUYẾT ĐỊNH NÀY CÓ HIỆU LỰC KỂ TỪ NGÀY KÝ.", S, None),
    ],
)
def test_clauses(text, kind, value):
    found = find_effect(text)
    assert found is not None and found.kind is kind
    assert (found.date if kind is D else found.days if kind is A else None) == value
    assert "hiệu lực" in found.text.lower() and found.text == " ".join(found.text.split())


@pytest.mark.parametrize(
    "text",
    [
        "Nâng cao hiệu lực, hiệu quả quản lý, điều hành của các cơ quan nhà nước.",  # 08-CT/TU, mục 3
        "Quy chế ban hành kèm theo Quyết định số 10/QĐ-UBND có hiệu lực từ ngày 01/01/2020.",  # another document
        "Các văn bản trước đây trái với Quyết định này đều bãi bỏ.",
        "Quyết định này có hiệu lực từ ngày 31/02/2022.",  # no such day
        "Quyết định này có hiệu lực kể từ ngày công bố.",  # not a day the page can know
        "",
    ],
)
def test_no_clause(text):
    assert find_effect(text) is None


def test_the_sentence_is_kept_whole_and_the_first_clause_wins():
    found = first_effect(
        ["Điều 2. Giao Ban Dân vận.", "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Các đồng chí…"]
    )
    assert found == Effect(S, "Quyết định này có hiệu lực kể từ ngày ký.")
    assert first_effect(["không có gì"]) is None


def test_since():
    signed = dt.date(2016, 10, 19)
    assert Effect(S, "").since(signed) == signed
    assert Effect(S, "").since(None) is None
    assert Effect(A, "", days=15).since(signed) == dt.date(2016, 11, 3)
    assert Effect(D, "", date=dt.date(2022, 1, 1)).since(None) == dt.date(2022, 1, 1)
