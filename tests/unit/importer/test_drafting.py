"""generator/importer/drafting.py: import_text is pure and tolerant; attached documents; the numbers already in the data."""

from __future__ import annotations

from generator.importer import import_text


def test_import_text_is_pure_and_tolerant():
    draft = import_text("", "rong.txt")
    assert draft.documents == [] and any("không có nội dung" in line for line in draft.summary())
    draft = import_text("Một dòng chữ không có gì.\n", "mot.txt")
    assert draft.documents[0].problems


DECISION = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố 2696/QĐ-UBND\n"
    "Quảng Trị, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\nBAN HÀNH ĐIỀU LỆ CỦA QUỸ BẢO VỆ MÔI TRƯỜNG\n"
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nCăn cứ Luật Bảo vệ môi trường;\nQUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Điều lệ của Quỹ.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Nam\n"
    "ĐIỀU LỆ\nTỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ\n(Ban hành kèm theo Quyết định số 2696/QĐ-UBND của UBND tỉnh Quảng Trị)\n"
    "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nĐiều lệ này quy định tổ chức của Quỹ.\n"
)


def test_an_attached_document_takes_what_the_decision_settles():
    draft = import_text(DECISION, "qd.txt")
    decision, attached = (d.plain for d in draft.documents)
    assert decision["attachments"] == ["quang-tri/dieu-le-kem-quyet-dinh-2696-qd-ubnd-2025"]
    assert attached["id"] == "quang-tri/dieu-le-kem-quyet-dinh-2696-qd-ubnd-2025"
    assert (attached["issuer"], attached["system"]) == (decision["issuer"], decision["system"])
    # its subtitle prints no date: the decision's, cited from it
    assert attached["date"] == {
        "value": "2025-11-18",
        "precision": "day",
        "source": "cited",
        "cited_in": "quang-tri/quyet-dinh-2696-qd-ubnd-2025",
    }
    assert "number" not in attached
    attached_yaml = draft.documents[1].yaml
    assert "không in số" not in attached_yaml and "đặt tạm" not in attached_yaml  # nothing to ask
    assert attached["kind"] == "dieu-le" and "chưa có trong danh mục" not in attached_yaml


def test_numbers_already_in_the_data_count_in_their_own_jurisdiction():
    text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 06/CT-UBND\nQuảng Trị, ngày 25 tháng 11 năm 2025\nCHỈ THỊ\nVề việc\n1. Nội dung."
    other_province = import_text(text, "x.txt", known_numbers=[("da-nang", "06/CT-UBND")])
    assert not other_province.documents[0].problems
    same = import_text(text, "x.txt", known_numbers=[("quang-tri", "06/CT-UBND")])
    assert "đã có trong dữ liệu" in same.documents[0].problems[0]
    central = "Căn cứ Chỉ thị số 05/CT-TTg ngày 18/5/2022 của Thủ tướng Chính phủ;\n1. Nội dung."
    cited = import_text(text.replace("1. Nội dung.", central), "x.txt", known_numbers=[("trung-uong", "05/CT-TTg")])
    assert cited.documents[0].stats["unresolved"] == []
