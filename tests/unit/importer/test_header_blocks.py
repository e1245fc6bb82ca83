"""Header blocks of real documents → the jurisdiction in the draft's id and its issuer.

The table holds header blocks as the real texts print them (Quảng Trị, Bắc Ninh, Đắk Lắk, Cần
Thơ, Lai Châu, Đồng Tháp, Phú Yên, central bodies; copied from official documents, which are
not subject to copyright): "|" table cells, Word-table tabs, a "CỘNG" / "HÒA …" line split,
a body name split ("ỦY BAN NHÂN" / "DÂN"), OCR that merged the two columns, Party and central
headers, an authority line above "QUYẾT ĐỊNH:", a joint header. Each row says which
jurisdiction and issuer the draft must carry, and whether the importer may be sure of them:
`sure` False means the line must carry a TODO. None is confidently wrong.
"""

from __future__ import annotations

import pytest
import yaml

from generator.corpus.read import read_corpus
from generator.importer import import_text
from tests.conftest import DATA

BODY = "\n\nNội dung mở đầu của văn bản.\n\n1. Các sở, ngành triển khai thực hiện.\n"


@pytest.fixture(scope="module")
def registry():
    corpus = read_corpus(DATA).corpus
    return corpus.organizations, corpus.jurisdictions


# (name, text, jurisdiction, issuer, jurisdiction sure, issuer sure, new jurisdiction entry)
TABLE = [
    (
        "quang-tri-pipes-split-body-name",
        "|\n**ỦY BAN NHÂN\nDÂN **\nTỈNH QUẢNG TRỊ\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố 2696/QĐ-UBND\n|\n*Quảng Trị,\n"
        "ngày 18 tháng 11 năm 2025*\n|\n\n\n**QUYẾT ĐỊNH**\n\nBAN HÀNH ĐIỀU LỆ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ BẢO VỆ MÔI "
        "TRƯỜNG\nTỈNH QUẢNG TRỊ\n\n**ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ**\n\n*Căn cứ Luật Tổ chức chính\nquyền địa "
        "phương ngày 16 tháng 6 năm 2025;*\n\n**QUYẾT ĐỊNH:**\n\n**Điều 1.** Ban hành kèm theo Quyết định này Điều lệ.",
        "quang-tri",
        "quang-tri/ubnd-tinh",
        True,
        False,  # not in the registry: the draft says so and the entry is printed
        "quang-tri",
    ),
    (
        "bac-ninh-old-tone-placement",
        "|\n**UỶ BAN NHÂN DÂN**\nTỈNH BẮC NINH\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 141/KH-UBND\n|\n*Bắc Ninh, ngày 20\n"
        "tháng 11 năm 2025*\n|\n\n** **\n\n**KẾ HOẠCH**\n\nNÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC XÂY DỰNG\n"
        "CHÍNH SÁCH, PHÁP LUẬT TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2026 - 2030" + BODY,
        "bac-ninh",
        "bac-ninh/ubnd-tinh",
        True,
        False,
        "bac-ninh",
    ),
    (
        "dong-thap-chairman-number-on-next-line",
        "|\n**CHỦ TỊCH ỦY\nBAN NHÂN DÂN**\nTỈNH ĐỒNG THÁP\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố:\n144/2025/QĐ-CTUBND\n|\n*Đồng Tháp,\n"
        "ngày 02 tháng 12 năm 2025*\n|\n\n\n**QUYẾT ĐỊNH**\n\nBAN HÀNH QUY CHẾ VỀ QUẢN LÝ, SỬ DỤNG CHỮ KÝ SỐ" + BODY,
        "dong-thap",
        "dong-thap/chu-tich-ubnd-tinh",
        True,
        False,
        "dong-thap",
    ),
    (
        "dak-lak-joint-header-split-cong-hoa",
        "ỦY BAN NHÂN DÂN\nỦY BAN MTTQ VIỆT NAM\nTỈNH ĐẮK LẮK\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 01/QCPH/UBND-UBMTTQ\n|\nĐắk Lắk, ngày 27 tháng 10 "
        "năm 2017\n|\nQUY CHẾ\nPHỐI\nHỢP CÔNG TÁC GIỮA ỦY BAN NHÂN DÂN\nTỈNH VÀ ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM "
        "TỈNH GIAI ĐOẠN\n2017-2021\nCăn cứ Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của\n"
        "Bộ Chính trị ban hành kèm theo Quy chế Giám sát và phản\nbiện xã hội của MTTQ Việt Nam;" + BODY,
        "dak-lak",
        "dak-lak/ubnd-tinh",  # the first of the two; a TODO names the other
        True,
        False,
        "dak-lak",
    ),
    (
        "can-tho-word-table-tabs",
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ CẦN THƠ\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND\tCần Thơ, ngày 03 tháng 5 năm 2022\n\nKẾ HOẠCH\nThực hiện công tác dân vận năm 2022" + BODY,
        "can-tho",
        "can-tho/ubnd-thanh-pho",
        True,
        False,
        "can-tho",
    ),
    (
        "lai-chau-authority-line-no-issuer-block",
        "# CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n\nSố: /QĐ-UBND\n\nLai Châu, ngày tháng năm "
        "2025\n\n# QUYẾT ĐỊNH\n\nVề việc công bố danh mục thủ tục hành chính mới ban hành\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN "
        "TỈNH LAI CHÂU\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\n\n# QUYẾT ĐỊNH:\n\n"
        "Điều 1. Công bố kèm theo Quyết định này danh mục.",
        "lai-chau",
        "lai-chau/chu-tich-ubnd-tinh",
        True,
        False,
        "lai-chau",
    ),
    (
        "phu-yen-site-metadata-first",
        "Số hiệu: 110/KH-UBND Loại văn bản: Văn bản khác\nNơi ban hành: Tỉnh Phú Yên Người ký: Phạm Đình Cự\n\n"
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 110/KH-UBND\n\nPhú Yên, ngày 14 tháng 11 năm 2013\n\nKẾ HOẠCH\n\nTRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH HÀNH "
        "ĐỘNG SỐ 17-CTR/TU NGÀY 26/9/2013 CỦA TỈNH ỦY" + BODY,
        "phu-yen",
        "phu-yen/ubnd-tinh",
        True,
        False,
        "phu-yen",
    ),
    (
        "central-state-ocr-merged-columns-place-ha-noi",
        "Người ký: CÔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\n\nTHỦ TƯỚNG CHÍNH PHỦ CONG HOA XÃ HOI CHỦ NGHĨA VIỆT NAM\n"
        "—————— Độc lập - Tự do - Hạnh phúc\n\n_ Số:30 /CT-TTg Hà Nội, ngày 06 tháng 40 năm 2025\n\nCHỈ THỊ\n"
        "ve việc tiếp tục tăng cường công tác quản lý nhà nước\nđối với hoạt động sản xuất, kinh doanh than\n\n"
        "Ủy ban nhân dân tỉnh Quảng Ninh chỉ đạo các cơ quan thực hiện." + BODY,
        "trung-uong",  # never ha-noi, never quang-ninh
        "trung-uong/thu-tuong-chinh-phu",
        True,
        False,
        None,
    ),
    (
        "central-party-pipes-place-ha-noi",
        "|\nBAN CHẤP HÀNH\nTRUNG ƯƠNG\n**BAN TUYÊN GIÁO VÀ DÂN VẬN**\n*\n|\n**ĐẢNG CỘNG SẢN\nVIỆT NAM**\n"
        "---------------\n|\n|\nSố: 1147-QĐ/BTGDVTW\n|\n*Hà Nội, ngày 01\ntháng 12 năm 2025*\n|\n\n\n**QUYẾT ĐỊNH**\n\n"
        "BAN\nHÀNH QUY CHẾ BỒI DƯỠNG, GIẢNG DẠY CỦA TRUNG TÂM CHÍNH TRỊ XÃ, PHƯỜNG, ĐẶC KHU\n\n- Căn cứ Quyết định "
        "số 246-QĐ/TW,\nngày 24/01/2025 của Bộ Chính trị về chức năng, nhiệm vụ;\n\n**TRƯỞNG BAN TUYÊN GIÁO VÀ "
        "DÂN VẬN TRUNG ƯƠNG QUYẾT ĐỊNH**\n\n**Điều 1.** Ban hành kèm theo Quyết định này Quy chế.",
        "trung-uong",
        "trung-uong/ban-tuyen-giao-va-dan-van-trung-uong",
        True,
        False,
        None,
    ),
    (
        "central-ministry-word-table",
        "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số:           /TTr-BYT\tHà Nội, ngày        tháng       năm 2025\n\nTỜ TRÌNH\nDự án Luật Dân số\n"
        "Kính gửi: Chính phủ" + BODY,
        "trung-uong",
        "trung-uong/bo-y-te",
        True,
        False,
        None,
    ),
    (
        "quang-nam-party-committee-standing-board",
        "ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY QUẢNG NAM\n*\nSố 12-CT/TU\nQuảng Nam, ngày 3 tháng 2 năm 2022\n\nCHỈ THỊ\n"
        "về tăng cường công tác dân vận trong tình hình mới\n-----\nTrong thời gian qua, công tác dân vận có nhiều "
        "chuyển biến.\n\n1. Các cấp ủy đảng thực hiện.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n",
        "quang-nam",
        "quang-nam/ban-thuong-vu-tinh-uy",
        True,
        False,
        "quang-nam",
    ),
    (
        "registered-ha-tinh-pipes",
        "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| TỈNH HÀ TĨNH | Độc lập - Tự do - Hạnh phúc |\n"
        "|---|---|\n| Số: 16/CT-UBND | Hà Tĩnh, ngày  20  tháng 12  năm 2021 |\n\nCHỈ THỊ\n"
        "Về việc tiếp tục đổi mới công tác dân vận" + BODY,
        "ha-tinh",
        "ha-tinh/ubnd-tinh",
        True,
        True,
        None,
    ),
    (
        "registered-da-nang-party-unit",
        "THÀNH ỦY ĐÀ NẴNG\nBAN TUYÊN GIÁO\nSố 45 -KH/BTGTU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nĐà Nẵng, ngày 15 tháng 9 năm 2021\n"
        "KẾ HOẠCH\ntriển khai Chỉ thị số 08-CT/TU ngày 05/8/2021\ncủa Ban Thường vụ Thành ủy\nI- MỤC ĐÍCH\n"
        "1. Quán triệt sâu rộng.",
        "da-nang",
        "da-nang/ban-tuyen-giao-thanh-uy",
        True,
        True,
        None,
    ),
    (
        # the generic alias "UBND tỉnh" of Hà Tĩnh must not be borrowed for another province
        "unregistered-province-generic-alias-trap",
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 05/CT-UBND\nQuảng Nam, ngày 10 tháng 3 năm 2023\n\nCHỈ THỊ\nVề tăng cường kỷ luật hành chính\n\n"
        "UBND tỉnh yêu cầu các sở, ngành thực hiện." + BODY + "\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Dũng\n",
        "quang-nam",
        "quang-nam/ubnd-tinh",
        True,
        False,
        "quang-nam",
    ),
    (
        # a body named before "ban hành" inside a căn cứ line is cited, not the issuer
        "no-header-can-cu-trap",
        "QUY CHẾ\nphối hợp công tác\nCăn cứ Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị ban hành kèm "
        "theo Quy chế Giám sát và phản biện xã hội;\n1. Phạm vi điều chỉnh của quy chế.\n",
        None,  # nothing in the text says where it is from: "chua-ro" and a TODO, never trung-uong
        None,
        False,
        False,
        None,
    ),
    (
        "district-place-is-not-a-province",
        "HUYỆN ỦY HÒA VANG\nSố:        -CV/HU\nHòa Vang, ngày 05/8/2021\nV/v triển khai Chỉ thị số 08-CT/TU\n"
        "Kính gửi: Các chi bộ trực thuộc\nThực hiện chỉ đạo của cấp trên, Huyện ủy đề nghị các chi bộ thực hiện.\n",
        None,
        None,
        False,
        False,
        None,
    ),
    (
        "header-and-place-disagree",
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 20/KH-UBND\nHà Nam, ngày 10 tháng 3 năm 2023\nKẾ HOẠCH\nthực hiện "
        "công tác dân vận" + BODY,
        "bac-ninh",
        "bac-ninh/ubnd-tinh",
        False,  # the header's province is taken, with a TODO naming the place line
        False,
        "bac-ninh",
    ),
]


def _todo_above(yaml_text: str, key: str) -> list[str]:
    """The TODO comments right above `key:` at the top level."""
    lines = yaml_text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    found = []
    for line in reversed(lines[:index]):
        if not line.startswith("#"):
            break
        if line.startswith("# TODO"):
            found.append(line)
    return found


@pytest.mark.parametrize(
    "name, text, jurisdiction, issuer, jurisdiction_sure, issuer_sure, new_jurisdiction",
    TABLE,
    ids=[row[0] for row in TABLE],
)
def test_province_and_issuer(
    registry, name, text, jurisdiction, issuer, jurisdiction_sure, issuer_sure, new_jurisdiction
):
    organizations, jurisdictions = registry
    draft = import_text(text, f"{name}.txt", organizations=organizations, jurisdictions=jurisdictions)
    doc = draft.documents[0]
    data = yaml.safe_load(doc.yaml)
    assert data["id"].split("/", 1)[0] == (jurisdiction or "chua-ro")
    assert (data["issuer"] or None) == issuer
    id_todos = [t for t in _todo_above(doc.yaml, "id") if "địa bàn" in t]
    issuer_todos = _todo_above(doc.yaml, "issuer")
    assert bool(id_todos) != jurisdiction_sure, id_todos
    assert bool(issuer_todos) != issuer_sure, issuer_todos
    new = doc.new.jurisdiction
    assert (new.id if new else None) == new_jurisdiction
    if issuer and not issuer_sure and issuer not in organizations:
        # a new organization: its entry is printed, ready to paste, and is valid YAML
        org = doc.new.organization
        assert org is not None and org.id == issuer
        printed = "\n".join(draft.summary())
        assert f"- id: {issuer}" in printed
        entry_lines = "\n".join(doc.new.lines())
        entry = yaml.safe_load(
            "\n".join(l for l in entry_lines.splitlines() if not l.startswith(("Địa bàn", "Cơ quan")))
        )
        assert any(e.get("id") == issuer for e in entry)


def test_central_documents_are_never_filed_under_their_place(registry):
    organizations, jurisdictions = registry
    for row in TABLE:
        if row[2] == "trung-uong":
            draft = import_text(row[1], "x.txt", organizations=organizations, jurisdictions=jurisdictions)
            data = yaml.safe_load(draft.documents[0].yaml)
            assert data["id"].startswith("trung-uong/") and data.get("place") == "Hà Nội"


def test_a_new_province_comes_with_both_entries_and_the_right_names(registry):
    organizations, jurisdictions = registry
    text = TABLE[0][1]
    doc = import_text(text, "x.txt", organizations=organizations, jurisdictions=jurisdictions).documents[0]
    assert (doc.new.jurisdiction.name, doc.new.jurisdiction.short_name) == ("Tỉnh Quảng Trị", "Quảng Trị")
    org = doc.new.organization
    assert org.name == "Ủy ban nhân dân tỉnh Quảng Trị" and org.header == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"]
    lines = doc.new.lines()
    assert "data/jurisdictions.yaml" in lines[0] and any("data/organizations/quang-tri.yaml" in l for l in lines)
