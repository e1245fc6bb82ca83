"""generator/publish/search_index.py: terms, the fold, and adjacent pairs that never cross a
break. The built index is tested in tests/site/test_search.py."""

from __future__ import annotations

from generator.publish.search_index import fold, index_terms, segments, terms


def test_terms_fold_numbers_and_d():
    assert terms("ĐẢNG CỘNG SẢN") == ["dang", "cong", "san"]
    assert terms("Hoà Vang, hòa") == ["hoa", "vang", "hoa"]
    assert terms("Số 2108-QĐ/TU") == ["so", "2108", "qd", "tu"]


def test_fold():
    assert fold("Đảng Cộng Sản") == "dang cong san"
    assert fold("Hoà") == fold("hòa") == "hoa"
    assert fold("thuỷ") == fold("thủy") == "thuy"


def test_pairs_do_not_cross_breaks():
    counts, length = index_terms("Lương Nguyễn Minh Triết (phó bí thư)\nĐà Nẵng, ngày 05/8/2021; 08-CT/TU")
    assert length == 16
    assert [k for k in counts if " " in k] == [
        "luong nguyen",
        "nguyen minh",
        "minh triet",
        "pho bi",
        "bi thu",
        "da nang",
        "ngay 05",
        "05 8",
        "8 2021",
        "08 ct",
        "ct tu",
    ]
    assert segments("Mục II.1.a và 1.000 người - chính trị - xã hội") == [
        ["muc", "ii", "1", "a", "va", "1", "000", "nguoi", "chinh", "tri", "xa", "hoi"]
    ]
    assert segments("“Dân vận khéo”. Hòa Vang: a … b") == [["dan", "van", "kheo"], ["hoa", "vang"], ["a"], ["b"]]
