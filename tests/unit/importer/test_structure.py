"""generator/importer/structure.py: markers, hard-wrapped lines joined into paragraphs (and the joins that get a TODO), the block tree, task field lines."""

from __future__ import annotations

import pytest

from generator.importer.lines import Line
from generator.importer.structure import build_tree, paragraphs, parse_marker


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I- MỤC ĐÍCH, YÊU CẦU", ("part", "I-", "I")),
        ("II. NỘI DUNG", ("part", "II.", "II")),
        ("Chương I", ("chapter", "Chương I", "I")),
        ("Điều 1. Ban hành kèm theo", ("article", "Điều 1.", "1")),
        ("1. Tiếp tục tuyên truyền", ("item", "1.", "1")),
        ("1- Về công tác tuyên truyền", ("item", "1-", "1")),
        ("2.1- Mục tiêu", ("item", "2.1-", "2.1")),
        ("3.1.2. Giải pháp", ("item", "3.1.2.", "3.1.2")),
        ("a) Thông qua các hội nghị", ("point", "a)", "a")),
        ("đ) Tổ chức sơ kết", ("point", "đ)", "đ")),
        ("- Chủ trì: Phòng Tuyên truyền", ("dash", "-", None)),
        ("– Căn cứ Luật", ("dash", "–", None)),
        ("+ Ý thứ hai", ("plus", "+", None)),
        ("5 năm giai đoạn 2021-2025 theo", None),
        ("19; trọng tâm là Chỉ thị", None),
        ("10/6, báo cáo năm trước ngày 15/11", None),
        ("2021 - 2025 và những năm tiếp theo", None),
        ("-----", None),
    ],
)
def test_markers(text, expected):
    m = parse_marker(text)
    assert ((m.type, m.marker, m.number) if m else None) == expected


def _lines(*texts: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(texts)]


W = "x" * 70  # a full-width line of filler, so the texts below count as hard-wrapped


@pytest.mark.parametrize(
    "texts, expected",
    [
        # a line that does not end a sentence is continued by the next, whatever its case
        (
            (f"{W} về công tác dân vận của", "Đảng, chính sách, pháp luật."),
            [f"{W} về công tác dân vận của Đảng, chính sách, pháp luật."],
        ),
        # a sentence end followed by lower case: the same paragraph
        ((f"{W} nâng lên;", "nhiều cơ quan đã triển khai."), [f"{W} nâng lên; nhiều cơ quan đã triển khai."]),
        # a sentence end followed by a capital: a new paragraph
        ((f"{W} thành phố.", "Tuy nhiên, bên cạnh đó."), [f"{W} thành phố.", "Tuy nhiên, bên cạnh đó."]),
        # words and numbers broken with a hyphen are rejoined without a space
        (
            (f"{W} sau đại dịch Covid-", "19; trọng tâm là Chỉ thị số 08-", "CT/TU."),
            [f"{W} sau đại dịch Covid-19; trọng tâm là Chỉ thị số 08-CT/TU."],
        ),
        # a lost footnote marker "(" … ")" across lines
        ((f"{W} triển khai thực hiện(", "), luôn xác định."), [f"{W} triển khai thực hiện(), luôn xác định."]),
        # a short heading line, then a capital: two paragraphs
        (
            (f"1- Phối hợp với Mặt trận {W}", "công tác dân vận", "Tăng cường phối hợp."),
            [f"Phối hợp với Mặt trận {W} công tác dân vận", "Tăng cường phối hợp."],
        ),
        # markers always start a block; caps lines stand alone
        (
            (
                f"{W} như sau:",
                "a) Thứ nhất;",
                "- Chủ trì: Phòng A.",
                "BAN THƯỜNG VỤ THÀNH UỶ",
                "QUYẾT ĐỊNH",
                "Điều 1. Nội dung.",
            ),
            [f"{W} như sau:", "Thứ nhất;", "Chủ trì: Phòng A.", "BAN THƯỜNG VỤ THÀNH UỶ", "QUYẾT ĐỊNH", "Nội dung."],
        ),
        # "Căn cứ" lines each start a paragraph, even after a full line ending in ";"
        (
            (
                f"Căn cứ Luật Tổ chức chính quyền địa phương {W};",
                "Căn cứ Chỉ thị số 33/CT-TTg;",
                "Theo đề nghị của Sở.",
            ),
            [
                f"Căn cứ Luật Tổ chức chính quyền địa phương {W};",
                "Căn cứ Chỉ thị số 33/CT-TTg;",
                "Theo đề nghị của Sở.",
            ],
        ),
        # a chapter marker alone: its title is the next line
        (("Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh"), ["QUY ĐỊNH CHUNG", "Phạm vi điều chỉnh"]),
    ],
)
def test_wrap_joining(texts, expected):
    assert [p.text for p in paragraphs(_lines(*texts), width=100, wrapped=True)] == expected


def test_tree_nesting():
    paras = paragraphs(
        _lines(
            "Mở đầu văn bản.",
            "I- NỘI DUNG",
            "1- Về công tác tuyên truyền",
            "a) Thông qua hội nghị.",
            "- Chủ trì: Phòng A.",
            "- Phối hợp: Phòng B.",
            "b) Điểm hai.",
            "2.1- Mục con.",
            "Đoạn của mục con.",
            "- Ý một.",
            "Đoạn của ý một.",
            "II- TỔ CHỨC THỰC HIỆN",
            "1- Các phòng thực hiện.",
            "Kế hoạch này phổ biến đến chi bộ./.",
        )
    )
    preamble, body = build_tree(paras)
    assert [n.text for n in preamble] == ["Mở đầu văn bản."]
    part = body[0]
    assert (part.type, part.number, part.heading) == ("part", "I", "NỘI DUNG")
    item = part.children[0]
    assert (item.heading, item.text) == ("Về công tác tuyên truyền", None)
    point_a, point_b, sub = item.children
    assert [c.text for c in point_a.children] == ["Chủ trì: Phòng A.", "Phối hợp: Phòng B."]
    assert point_b.number == "b" and sub.number == "2.1"
    assert [c.type for c in sub.children] == ["paragraph", "dash"]
    assert sub.children[1].children[0].text == "Đoạn của ý một."
    assert body[1].number == "II" and body[2].text == "Kế hoạch này phổ biến đến chi bộ./."


@pytest.mark.parametrize(
    "text, expected",
    [
        # Markdown exports wrap markers in emphasis
        (
            "**Điều 1.** Ban hành kèm theo Quyết định này",
            ("article", "Điều 1.", "1", "Ban hành kèm theo Quyết định này"),
        ),
        ("**1**. **Mục đích**", ("item", "1.", "1", "**Mục đích**")),
        ("**1. **100% đội ngũ cán bộ", ("item", "1.", "1", "100% đội ngũ cán bộ")),
        ("**I. MỤC ĐÍCH,", ("part", "I.", "I", "MỤC ĐÍCH,")),
        ("**Chương IV**", ("chapter", "Chương IV", "IV", "")),
        ("**Nơi nhận:**", None),
        ("1. 2021 - 2025 và những năm tiếp theo", None),  # a figure after a number is not an item
    ],
)
def test_markers_in_emphasis(text, expected):
    m = parse_marker(text)
    assert ((m.type, m.marker, m.number, m.rest) if m else None) == expected


def test_a_dash_line_continuing_a_wrapped_sentence_is_joined_with_a_todo():
    paras = paragraphs(
        _lines(
            f"{W} tăng cường sự lãnh đạo của cấp ủy, tổ chức chính trị",
            "- xã hội cấp xã trong công tác dân vận.",
            "- Các sở, ngành thực hiện.",
        ),
        width=100,
        wrapped=True,
    )
    assert [p.text for p in paras] == [
        f"{W} tăng cường sự lãnh đạo của cấp ủy, tổ chức chính trị - xã hội cấp xã trong công tác dân vận.",
        "Các sở, ngành thực hiện.",
    ]
    assert len(paras[0].todo) == 1 and "dòng 2" in paras[0].todo[0] and not paras[1].todo
    preamble, body = build_tree(paras)
    assert (preamble + body)[0].todo == paras[0].todo  # the TODO travels to the block


def test_field_lines_in_italics_and_broken_labels_make_a_task_unit():
    paras = paragraphs(
        _lines(
            "1. Rà soát, kiện toàn đội ngũ cán bộ",
            "- Thường xuyên rà soát, kiện toàn đội ngũ cán bộ, công chức.",
            "*Đơn vị chủ trì tham mưu thực",
            "hiện: *Sở Tư pháp.",
            "*Đơn vị phối hợp: *Sở Nội",
            "vụ, Sở Tài chính.",
            "*Thời gian thực hiện: *Thường",
            "xuyên.",
        ),
        width=80,
        wrapped=True,
    )
    _, body = build_tree(paras)
    fields = [n.task_field for n in body[0].walk() if n.task_field]
    assert [(m.group("field"), m.group("value")) for m in fields] == [
        ("chủ trì tham mưu thực hiện", "Sở Tư pháp."),
        ("phối hợp", "Sở Nội vụ, Sở Tài chính."),
        ("Thời gian thực hiện", "Thường xuyên."),
    ]


def test_a_caps_heading_wrapped_after_a_comma_stays_one_heading():
    paras = paragraphs(_lines("**I. MỤC ĐÍCH,", "YÊU CẦU**", "1. Mục đích"), width=80, wrapped=True)
    assert [(p.marker.marker if p.marker else None, p.text) for p in paras] == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("1.", "Mục đích"),
    ]


def test_an_attached_document_of_a_kind_not_in_the_vocabulary_starts_a_new_part():
    from generator.importer.structure import segment

    lines = _lines(
        "Điều 1. Ban hành kèm theo Quyết định này Điều lệ.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Hoàng Nam",
        "ĐIỀU LỆ",
        "TỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ",
        "*(Ban hành kèm theo Quyết định số 2696/QĐ-UBND)*",
        "Chương I",
    )
    body_end, trailer_end, notes_end = segment(lines, 0)
    assert (body_end, trailer_end, notes_end) == (1, 4, 4)  # the signer's position is not a heading
