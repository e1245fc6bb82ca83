"""generator/importer/document.py: a source split into documents; one document's fields."""

from __future__ import annotations

from generator.importer import import_text
from generator.importer.document import split_parts
from generator.importer.lines import read_text

# A tờ trình whose header table was extracted after the body (a Word export).
LATE = (
    "TỜ TRÌNH\nDự án Luật Dân số\nKính gửi: Chính phủ\nI. SỰ CẦN THIẾT BAN HÀNH LUẬT\n"
    "1. Cơ sở chính trị, pháp lý của dự án Luật.\n"
    "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số:           /TTr-BYT\tHà Nội, ngày        tháng       năm 2025\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT, PC, CDS (03b).\tBỘ TRƯỞNG\n\nĐào Hồng Lan\n"
)


def test_a_header_printed_after_the_body_is_read_and_taken_out_of_the_body():
    parts = split_parts(read_text(LATE).lines)
    assert len(parts) == 1 and parts[0].late
    header = parts[0].header
    assert header.issuer_lines == ["BỘ Y TẾ"] and header.system == "state"
    assert header.date.place == "Hà Nội"
    assert [l.text for l in parts[0].body][-1] == "1. Cơ sở chính trị, pháp lý của dự án Luật."
    draft = import_text(LATE, "to-trinh.txt")
    data = draft.documents[0].plain
    assert data["id"].startswith("trung-uong/to-trinh-2025") and data["issuer"] == "trung-uong/bo-y-te"
    assert data["signer"] == {"position": "BỘ TRƯỞNG", "name": "Đào Hồng Lan"}
    yaml_text = draft.documents[0].yaml
    assert "in sau phần nội dung" in yaml_text
    assert "tờ trình là văn bản đề xuất gửi cấp trên" in yaml_text  # not a directive: a person decides
    assert "“Số: /TTr-BYT” chưa đọc được hoặc còn để trống" in yaml_text


def test_an_undated_unnumbered_draft_says_both():
    text = (
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: /QĐ-UBND\nLai Châu, ngày tháng năm 2025\n"
        "QUYẾT ĐỊNH\nVề việc công bố danh mục thủ tục hành chính\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n"
        "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/20210 của Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Công bố danh mục.\n"
    )
    doc = import_text(text, "qd.txt").documents[0]
    data = doc.plain
    assert "number" not in data and data["date"] == {"value": "2025", "precision": "year", "source": "printed"}
    assert data["id"] == "lai-chau/quyet-dinh-2025-1"
    assert "đặt tạm vì văn bản không in số" in doc.yaml and "ngày in trên văn bản chưa đủ" in doc.yaml
