"""generator/importer/trailer.py: the signer block, recipients, footnotes."""

from __future__ import annotations

from generator.importer.lines import Line
from generator.importer.trailer import is_trailer_start, parse_footnotes, parse_trailer


def _lines(*texts: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(texts)]


def test_trailer():
    trailer = parse_trailer(
        _lines(
            "Nơi nhận:",
            "- Ban Bí thư Trung ương (để b/cáo),",
            "- Các ban cán sự đảng, đảng đoàn,",
            "Ban Thường vụ Thành đoàn,",
            "- Lưu: VT, VX, NC3.",
            "(Để báo cáo)",
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Nguyễn Văn An",
        )
    )
    assert trailer.recipients == [
        {"name": "Ban Bí thư Trung ương", "note": "để b/cáo"},
        {"name": "Các ban cán sự đảng, đảng đoàn, Ban Thường vụ Thành đoàn"},
        {"name": "Lưu: VT, VX, NC3"},
    ]
    assert trailer.recipients_note == "(Để báo cáo)"
    assert trailer.signer == {
        "authority": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        "position": "PHÓ CHỦ TỊCH",
        "name": "Nguyễn Văn An",
    }


def test_an_authority_line_split_by_the_layout_and_emphasis():
    trailer = parse_trailer(
        _lines(
            "*Nơi nhận:*",
            "- Bộ Tư pháp (b/c);",
            "- Lưu: VT, NC.",
            "**TM. ỦY BAN NHÂN",
            "DÂN**",
            "**KT. CHỦ TỊCH**",
            "**PHÓ CHỦ TỊCH**",
            "**Phạm Văn Thịnh**",
        )
    )
    assert trailer.signer == {
        "authority": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        "position": "PHÓ CHỦ TỊCH",
        "name": "Phạm Văn Thịnh",
    }
    assert trailer.recipients == [{"name": "Bộ Tư pháp", "note": "b/c"}, {"name": "Lưu: VT, NC"}]
    assert is_trailer_start("*Nơi nhận:*") and is_trailer_start("**KT. CHỦ TỊCH **")
    assert not is_trailer_start("Kết quả thực hiện năm 2025")


def test_footnotes():
    notes = parse_footnotes(_lines("[^1]: Chú thích một", "dòng tiếp theo", "[^2]: Chú thích hai", "- ý một"))
    assert [(n["id"], n["text"]) for n in notes] == [
        ("1", "Chú thích một dòng tiếp theo"),
        ("2", "Chú thích hai\n- ý một"),
    ]


def test_the_recipients_list_ends_at_a_full_stop():
    trailer = parse_trailer(
        _lines("Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, Hcc6.", "![](images/65e0.jpg)", "Phụ lục I DANH MỤC THỦ TỤC")
    )
    assert trailer.recipients == [{"name": "Như Điều 3"}, {"name": "Lưu: VT, Hcc6"}]
    assert [l.text for l in trailer.unknown] == ["![](images/65e0.jpg)", "Phụ lục I DANH MỤC THỦ TỤC"]
