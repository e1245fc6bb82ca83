"""Citation extractor (generator/citations.py): hard cases, the labelled set, Unicode, properties."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.vn.citations import Citation, canonical_number, extract
from generator.corpus.model import make_document

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "data" / "documents"
LABELS = ROOT / "tests" / "data" / "citations"
KIND_SLUGS = set(
    json.loads((ROOT / "generator" / "schema" / "document.schema.json").read_text(encoding="utf-8"))["properties"][
        "kind"
    ]["enum"]
)


def C(text, kind, number=None, date=None, issuer=None):
    return (text, kind, number, date, issuer)


def records(text: str) -> list[tuple]:
    return [(c.text, c.kind, c.number, c.date, c.issuer) for c in extract(text)]


# (input, every citation expected in it, in order)
HARD_CASES = [
    # --- State numbers ------------------------------------------------------------------
    pytest.param(
        "Căn cứ Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường",
        [
            C(
                "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ",
                "chi-thi",
                "16/CT-TTg",
                "2016-05-16",
                "Thủ tướng Chính phủ",
            )
        ],
        id="state",
    ),
    pytest.param(
        "theo Quyết định số 3504/QĐ-UBND ngày 22/10/2021 của UBND tỉnh về ban hành",
        [
            C(
                "Quyết định số 3504/QĐ-UBND ngày 22/10/2021 của UBND tỉnh",
                "quyet-dinh",
                "3504/QĐ-UBND",
                "2021-10-22",
                "UBND tỉnh",
            )
        ],
        id="state-ubnd",
    ),
    pytest.param(
        "Nghị định số 34/2021/NĐ-CP ngày 29/3/2021 của Chính phủ quy định chi tiết",
        [
            C(
                "Nghị định số 34/2021/NĐ-CP ngày 29/3/2021 của Chính phủ",
                "nghi-dinh",
                "34/2021/NĐ-CP",
                "2021-03-29",
                "Chính phủ",
            )
        ],
        id="legal-normative",
    ),
    pytest.param(
        "theo Nghị quyết số 119/2020/QH14 ngày 19/6/2020 của Quốc hội và",
        [
            C(
                "Nghị quyết số 119/2020/QH14 ngày 19/6/2020 của Quốc hội",
                "nghi-quyet",
                "119/2020/QH14",
                "2020-06-19",
                "Quốc hội",
            )
        ],
        id="national-assembly",
    ),
    pytest.param(
        "Nghị quyết số 97/QH14 ngày 27/11/2019 của Quốc hội về thí điểm",
        [C("Nghị quyết số 97/QH14 ngày 27/11/2019 của Quốc hội", "nghi-quyet", "97/QH14", "2019-11-27", "Quốc hội")],
        id="national-assembly-no-year",
    ),
    pytest.param(
        "Công văn số 1613/UBND-KGVX ngày 12/5/2020 của UBND thành phố về việc",
        [
            C(
                "Công văn số 1613/UBND-KGVX ngày 12/5/2020 của UBND thành phố",
                "cong-van",
                "1613/UBND-KGVX",
                "2020-05-12",
                "UBND thành phố",
            )
        ],
        id="cong-van",
    ),
    # --- Party numbers ------------------------------------------------------------------
    pytest.param(
        "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về “Tăng",
        [
            C(
                "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI)",
                "nghi-quyet",
                "25-NQ/TW",
                "2013-06-03",
                "Ban Chấp hành Trung ương Đảng (khóa XI)",
            )
        ],
        id="party",
    ),
    pytest.param(
        "(Ban hành kèm theo Quyết định số 2108-QĐ/TU ngày 05-9-2016 của Ban Thường vụ Thành uỷ)",
        [
            C(
                "Quyết định số 2108-QĐ/TU ngày 05-9-2016 của Ban Thường vụ Thành uỷ",
                "quyet-dinh",
                "2108-QĐ/TU",
                "2016-09-05",
                "Ban Thường vụ Thành uỷ",
            )
        ],
        id="party-hyphen-date",
    ),
    pytest.param(
        "Chương trình hành động số 28-CTr/TU ngày 31-7-2013 của Thành ủy về thực hiện",
        [
            C(
                "Chương trình hành động số 28-CTr/TU ngày 31-7-2013 của Thành ủy",
                "chuong-trinh",
                "28-CTr/TU",
                "2013-07-31",
                "Thành ủy",
            )
        ],
        id="party-mixed-case",
    ),
    pytest.param(
        "Quy định số 08-QĐi/TW ngày 25/10/2019 của Ban Chấp hành Trung ương về",
        [
            C(
                "Quy định số 08-QĐi/TW ngày 25/10/2019 của Ban Chấp hành Trung ương",
                "quy-dinh",
                "08-QĐi/TW",
                "2019-10-25",
                "Ban Chấp hành Trung ương",
            )
        ],
        id="party-qdi",
    ),
    pytest.param(
        "Hướng dẫn số 36-HD/VPTW, Báo cáo số 123-BC/TU, Tờ trình số 45/TTr-UBND, Thông báo số 12-TB/TW,"
        " Đề án số 07-ĐA/TU, Thông tri số 03-TT/TU và Thông tư số 12/2019/TT-BNV",
        [
            C("Hướng dẫn số 36-HD/VPTW", "huong-dan", "36-HD/VPTW"),
            C("Báo cáo số 123-BC/TU", "bao-cao", "123-BC/TU"),
            C("Tờ trình số 45/TTr-UBND", "to-trinh", "45/TTr-UBND"),
            C("Thông báo số 12-TB/TW", "thong-bao", "12-TB/TW"),
            C("Đề án số 07-ĐA/TU", "de-an", "07-ĐA/TU"),
            C("Thông tri số 03-TT/TU", "thong-tri", "03-TT/TU"),
            C("Thông tư số 12/2019/TT-BNV", "thong-tu", "12/2019/TT-BNV"),
        ],
        id="other-kinds",
    ),
    # --- joint symbols, letter suffix -------------------------------------------------------
    pytest.param(
        "Nghị quyết liên tịch số 01/2015/NQLT-CP-UBTWMTTQVN ngày 15/6/2015 của Chính phủ và",
        [
            C(
                "Nghị quyết liên tịch số 01/2015/NQLT-CP-UBTWMTTQVN ngày 15/6/2015 của Chính phủ",
                "nghi-quyet-lien-tich",
                "01/2015/NQLT-CP-UBTWMTTQVN",
                "2015-06-15",
                "Chính phủ",
            )
        ],
        id="joint-state",
    ),
    pytest.param(
        "theo Chương trình phối hợp số 05-CTr/BDVTU-UBND ngày 01/02/2020 giữa hai cơ quan",
        [
            C(
                "Chương trình phối hợp số 05-CTr/BDVTU-UBND ngày 01/02/2020",
                "chuong-trinh",
                "05-CTr/BDVTU-UBND",
                "2020-02-01",
            )
        ],
        id="joint-party",
    ),
    pytest.param(
        "Quyết định số 12a/QĐ-UBND ngày 03/01/2020 về",
        [C("Quyết định số 12a/QĐ-UBND ngày 03/01/2020", "quyet-dinh", "12a/QĐ-UBND", "2020-01-03")],
        id="letter-suffix",
    ),
    # --- damaged numbers ----------------------------------------------------------------------
    pytest.param(
        "(Quyết định 4955-QĐ/UBND) và", [C("Quyết định 4955-QĐ/UBND", "quyet-dinh", "4955/QĐ-UBND")], id="swapped-state"
    ),
    pytest.param(
        "theo Quyết định số 217/QĐ-TW về", [C("Quyết định số 217/QĐ-TW", "quyet-dinh", "217-QĐ/TW")], id="swapped-party"
    ),
    pytest.param(
        "Chỉ thị số 06-CT-UBND ngày 30/8/2021 của UBND thành phố về phát động",
        [
            C(
                "Chỉ thị số 06-CT-UBND ngày 30/8/2021 của UBND thành phố",
                "chi-thi",
                "06/CT-UBND",
                "2021-08-30",
                "UBND thành phố",
            )
        ],
        id="all-hyphens",
    ),
    pytest.param(
        "Quyết định số 1206 /QĐ-HVTC ngày 10/6/2019 và Chỉ thị số 07- CT/TU",
        [
            C("Quyết định số 1206 /QĐ-HVTC ngày 10/6/2019", "quyet-dinh", "1206/QĐ-HVTC", "2019-06-10"),
            C("Chỉ thị số 07- CT/TU", "chi-thi", "07-CT/TU"),
        ],
        id="stray-spaces",
    ),
    pytest.param(
        "Chỉ thị 16/CT-TTG; Chương trình hành động số 28-CTR/TU; Chương trình hành động số 28-Ctr/TU",
        [
            C("Chỉ thị 16/CT-TTG", "chi-thi", "16/CT-TTg"),
            C("Chương trình hành động số 28-CTR/TU", "chuong-trinh", "28-CTr/TU"),
            C("Chương trình hành động số 28-Ctr/TU", "chuong-trinh", "28-CTr/TU"),
        ],
        id="case-slips",
    ),
    pytest.param(
        "theo Nghị định số 34/2021/NĐCP của Chính phủ và Quyết định số 3504/QĐUBND",
        [
            C("Nghị định số 34/2021/NĐCP của Chính phủ", "nghi-dinh", "34/2021/NĐ-CP", None, "Chính phủ"),
            C("Quyết định số 3504/QĐUBND", "quyet-dinh", "3504/QĐ-UBND"),
        ],
        id="lost-hyphen",
    ),
    pytest.param(
        "Nghị quyết số 25-\nNQ/TW ngày 03/6/\n2013 của Ban Chấp\nhành Trung ương Đảng về",
        [
            C(
                "Nghị quyết số 25-\nNQ/TW ngày 03/6/\n2013 của Ban Chấp\nhành Trung ương Đảng",
                "nghi-quyet",
                "25-NQ/TW",
                "2013-06-03",
                "Ban Chấp hành Trung ương Đảng",
            )
        ],
        id="line-breaks",
    ),
    pytest.param(
        "Nghị định 30/2020/ND-CP ngày 05/3/2020",
        [C("Nghị định 30/2020/ND-CP ngày 05/3/2020", "nghi-dinh", "30/2020/NĐ-CP", "2020-03-05")],
        id="ascii-d",
    ),
    pytest.param(
        "CHỈ THỊ SỐ 08-CT/TU NGÀY 05/8/2021",
        [C("CHỈ THỊ SỐ 08-CT/TU NGÀY 05/8/2021", "chi-thi", "08-CT/TU", "2021-08-05")],
        id="upper-case",
    ),
    # --- dates ---------------------------------------------------------------------------------
    pytest.param(
        "Kế hoạch số 20-KH/TU, ngày 09/7/2021 của Thành ủy Đà Nẵng về",
        [
            C(
                "Kế hoạch số 20-KH/TU, ngày 09/7/2021 của Thành ủy Đà Nẵng",
                "ke-hoach",
                "20-KH/TU",
                "2021-07-09",
                "Thành ủy Đà Nẵng",
            )
        ],
        id="date-after-comma",
    ),
    pytest.param(
        "Chỉ thị số 08-CT/TU ngày 05 tháng 8 năm 2021 của Ban Thường vụ Thành ủy.",
        [
            C(
                "Chỉ thị số 08-CT/TU ngày 05 tháng 8 năm 2021 của Ban Thường vụ Thành ủy",
                "chi-thi",
                "08-CT/TU",
                "2021-08-05",
                "Ban Thường vụ Thành ủy",
            )
        ],
        id="date-in-words",
    ),
    pytest.param(
        "Nghị quyết 05/2019/NQ-HĐND ngày 31/13/2019",
        [C("Nghị quyết 05/2019/NQ-HĐND", "nghi-quyet", "05/2019/NQ-HĐND")],
        id="invalid-date-not-taken",
    ),
    pytest.param(
        "theo Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị về",
        [
            C("Quyết định số 217-QĐ/TW", "quyet-dinh", "217-QĐ/TW", "2013-12-12", "Bộ Chính trị"),
            C(
                "Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị",
                "quyet-dinh",
                "218-QĐ/TW",
                "2013-12-12",
                "Bộ Chính trị",
            ),
        ],
        id="shared-date",
    ),
    pytest.param(
        "Quyết định số 217-QĐ/TW, 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI); giám sát",
        [
            C("Quyết định số 217-QĐ/TW", "quyet-dinh", "217-QĐ/TW", "2013-12-12", "Bộ Chính trị (khóa XI)"),
            C(
                "218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)",
                "quyet-dinh",
                "218-QĐ/TW",
                "2013-12-12",
                "Bộ Chính trị (khóa XI)",
            ),
        ],
        id="shared-kind-word",
    ),
    pytest.param(
        "Nghị quyết số 15-NQ/TU và Chỉ thị số 15-CT/TU của Ban Thường vụ Thành ủy; tăng cường",
        [
            C("Nghị quyết số 15-NQ/TU", "nghi-quyet", "15-NQ/TU", None, "Ban Thường vụ Thành ủy"),
            C("Chỉ thị số 15-CT/TU của Ban Thường vụ Thành ủy", "chi-thi", "15-CT/TU", None, "Ban Thường vụ Thành ủy"),
        ],
        id="shared-issuer",
    ),
    pytest.param(
        "Chỉ thị số 06-CT/TU và Quyết định số 3504/QĐ-UBND ngày 22/10/2021 của UBND tỉnh",
        [
            C("Chỉ thị số 06-CT/TU", "chi-thi", "06-CT/TU"),
            C(
                "Quyết định số 3504/QĐ-UBND ngày 22/10/2021 của UBND tỉnh",
                "quyet-dinh",
                "3504/QĐ-UBND",
                "2021-10-22",
                "UBND tỉnh",
            ),
        ],
        id="no-sharing-across-issuers",
    ),
    pytest.param(
        "trọng tâm là Nghị quyết số 25-NQ/TW, Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về",
        [
            C("Nghị quyết số 25-NQ/TW", "nghi-quyet", "25-NQ/TW"),
            C(
                "Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư",
                "ket-luan",
                "114-KL/TW",
                "2015-07-14",
                "Ban Bí thư",
            ),
        ],
        id="no-sharing-when-not-parallel",
    ),
    pytest.param(
        "Trên đây là Kế hoạch triển khai Chỉ thị số 08-CT/TU ngày 05/8/2021, Kế hoạch số 20-KH/TU ngày"
        " 09/7/2021 của Ban Thường vụ Thành ủy và",
        [
            C("Chỉ thị số 08-CT/TU ngày 05/8/2021", "chi-thi", "08-CT/TU", "2021-08-05", "Ban Thường vụ Thành ủy"),
            C(
                "Kế hoạch số 20-KH/TU ngày 09/7/2021 của Ban Thường vụ Thành ủy",
                "ke-hoach",
                "20-KH/TU",
                "2021-07-09",
                "Ban Thường vụ Thành ủy",
            ),
        ],
        id="shared-issuer-parallel-dates",
    ),
    # --- issuer phrase stops ----------------------------------------------------------------------
    pytest.param(
        "Quyết định số 4955/QĐ-UBND ngày 25-7-2014 của Ủy ban nhân dân (UBND) thành phố quy định thực hiện",
        [
            C(
                "Quyết định số 4955/QĐ-UBND ngày 25-7-2014 của Ủy ban nhân dân (UBND) thành phố",
                "quyet-dinh",
                "4955/QĐ-UBND",
                "2014-07-25",
                "Ủy ban nhân dân (UBND) thành phố",
            )
        ],
        id="issuer-abbreviation",
    ),
    pytest.param(
        "Quyết định số 269-QĐ/TU ngày 30/11/2021 của Ban Thường vụ Tỉnh ủy ban hành Quy chế",
        [
            C(
                "Quyết định số 269-QĐ/TU ngày 30/11/2021 của Ban Thường vụ Tỉnh ủy",
                "quyet-dinh",
                "269-QĐ/TU",
                "2021-11-30",
                "Ban Thường vụ Tỉnh ủy",
            )
        ],
        id="issuer-stops-at-ban-hanh",
    ),
    pytest.param(
        "Quy định số 3056/QĐ-UBND ngày 27-5-2015 của UBND thành phố Quy định về trách nhiệm",
        [
            C(
                "Quy định số 3056/QĐ-UBND ngày 27-5-2015 của UBND thành phố",
                "quy-dinh",
                "3056/QĐ-UBND",
                "2015-05-27",
                "UBND thành phố",
            )
        ],
        id="issuer-stops-at-kind-word",
    ),
    pytest.param(
        "Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng về lãnh đạo (viết tắt là “Chỉ thị số 08-CT/TU”),",
        [
            C(
                "Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng",
                "chi-thi",
                "08-CT/TU",
                "2021-08-05",
                "Thành ủy Đà Nẵng",
            ),
            C("Chỉ thị số 08-CT/TU", "chi-thi", "08-CT/TU"),
        ],
        id="abbreviation-with-number",
    ),
    pytest.param(
        "Thông tư 12/2020/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội về",
        [
            C(
                "Thông tư 12/2020/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội",
                "thong-tu",
                "12/2020/TT-BLĐTBXH",
                None,
                "Bộ Lao động - Thương binh và Xã hội",
            )
        ],
        id="ministry",
    ),
    # --- short mentions and defined short names ----------------------------------------------------
    pytest.param(
        "(Chỉ thị 16/CT-TTg) tiếp tục; Kết luận 114-KL/TW; Chỉ thị số 08-CT/TU",
        [
            C("Chỉ thị 16/CT-TTg", "chi-thi", "16/CT-TTg"),
            C("Kết luận 114-KL/TW", "ket-luan", "114-KL/TW"),
            C("Chỉ thị số 08-CT/TU", "chi-thi", "08-CT/TU"),
        ],
        id="short-mentions",
    ),
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
        "theo 34/2021/NĐ-CP và văn bản số 123/UBND-VX",
        [C("34/2021/NĐ-CP", "nghi-dinh", "34/2021/NĐ-CP"), C("123/UBND-VX", "cong-van", "123/UBND-VX")],
        id="bare-number",
    ),
    # --- laws and named resolutions --------------------------------------------------------------
    pytest.param(
        "theo Luật Tổ chức chính quyền địa phương ngày 19/6/2015, Luật Tiếp cận thông tin nhằm bảo đảm",
        [
            C("Luật Tổ chức chính quyền địa phương ngày 19/6/2015", "luat", None, "2015-06-19"),
            C("Luật Tiếp cận thông tin", "luat"),
        ],
        id="laws",
    ),
    pytest.param(
        "theo Luật Hòa giải, đối thoại tại Tòa án; Bộ luật Lao động về; Luật Cán bộ, công chức và Luật Viên chức",
        [
            C("Luật Hòa giải, đối thoại tại Tòa án", "luat"),
            C("Bộ luật Lao động", "luat"),
            C("Luật Cán bộ, công chức", "luat"),
            C("Luật Viên chức", "luat"),
        ],
        id="law-names-with-commas",
    ),
    pytest.param(
        "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 của Quốc hội; Luật Đất đai số 45/2013/QH13"
        " ngày 29/11/2013; Luật số 77/2015/QH13",
        [
            C(
                "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 của Quốc hội",
                "luat",
                None,
                "2015-06-19",
                "Quốc hội",
            ),
            C("Luật Đất đai số 45/2013/QH13 ngày 29/11/2013", "luat", "45/2013/QH13", "2013-11-29"),
            C("Luật số 77/2015/QH13", "luat", "77/2015/QH13"),
        ],
        id="laws-with-number",
    ),
    pytest.param(
        "theo Nghị quyết Đại hội lần thứ XXII Đảng bộ thành phố và Nghị quyết Đại hội lần thứ XIII của Đảng"
        " của Ban Tuyên giáo; Nghị quyết Trung ương 4 (khóa XI, XII), nhằm",
        [
            C("Nghị quyết Đại hội lần thứ XXII Đảng bộ thành phố", "nghi-quyet"),
            C("Nghị quyết Đại hội lần thứ XIII của Đảng", "nghi-quyet"),
            C("Nghị quyết Trung ương 4 (khóa XI, XII)", "nghi-quyet"),
        ],
        id="named-resolutions",
    ),
    pytest.param(
        "Thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013, của Ban Chấp hành Trung ương",
        [
            C(
                "Nghị quyết số 25-NQ/TW, ngày 03/6/2013, của Ban Chấp hành Trung ương",
                "nghi-quyet",
                "25-NQ/TW",
                "2013-06-03",
                "Ban Chấp hành Trung ương",
            )
        ],
        id="commas",
    ),
    pytest.param(
        "Hòa giải theo Luật Hoà giải, đối thoại tại Toà án",
        [C("Luật Hoà giải, đối thoại tại Toà án", "luat")],
        id="old-tone-placement",
    ),
]

NEGATIVE_CASES = [
    pytest.param("giai đoạn 2021-2025, 2021 - 2025, nhiệm kỳ 2020-2025 và (2009-2010)", id="periods"),
    pytest.param("ngày 03/6/2013, ngày 05-9-2016 và ngày 05 tháng 8 năm 2021", id="dates"),
    pytest.param("1. Quán triệt\n2.1- Tổ chức\n1- UBND tỉnh chỉ đạo; 2/ UBND-các huyện", id="item-numbers"),
    pytest.param("Điều 1. Ban hành; Điều 2-3; khoản 3 Điều 63", id="articles"),
    pytest.param("Ban Chấp hành Đảng bộ thành phố khóa XXI (khóa XI, XII)", id="terms"),
    pytest.param("đạt 95% kế hoạch, tăng 12,5%; 1.200 hộ", id="percentages"),
    pytest.param("Điện thoại: 0236.3822.123, 0236-3822-123, (024) 3825 1234", id="phones"),
    pytest.param("Covid-19, quý IV-2016, ISO 9001:2015, TCVN 5-2017, mã 12-AB/XY", id="other-codes"),
    pytest.param("theo số 12/BC ngày 1/1/2020; Số 1/KH", id="type-without-issuer"),
    pytest.param(
        "Chỉ thị này; Quyết định này có hiệu lực; Quy chế dân chủ ở cơ sở; Nghị quyết đại hội"
        " Đảng các cấp nhiệm kỳ 2020 - 2025",
        id="no-number",
    ),
    pytest.param("Trường Đại học Luật Hà Nội; Luật sư Nguyễn Văn A; luật pháp; Luật pháp", id="not-laws"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text, expected", HARD_CASES)
def test_hard_cases(text, expected):
    assert records(text) == expected


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_negative_cases(text):
    assert extract(text) == []


def test_citation_json_shape():
    (c,) = extract("Thực hiện Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng")
    assert isinstance(c, Citation)
    assert c.to_json() == {
        "text": "Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng",
        "start": 10,
        "end": 65,
        "kind": "chi-thi",
        "number": "08-CT/TU",
        "date": "2021-08-05",
        "issuer": "Thành ủy Đà Nẵng",
    }
    with pytest.raises(Exception):
        c.kind = "x"  # frozen


@pytest.mark.parametrize(
    "printed, canonical",
    [
        ("16/CT-TTg", "16/CT-TTg"),
        ("4955-QĐ/UBND", "4955/QĐ-UBND"),
        ("217/QĐ-TW", "217-QĐ/TW"),
        ("06-CT-UBND", "06/CT-UBND"),
        ("1206 /QĐ-HVTC", "1206/QĐ-HVTC"),
        ("07- CT/TU", "07-CT/TU"),
        ("16/CT-TTG", "16/CT-TTg"),
        ("28-CTR/TU", "28-CTr/TU"),
        ("34/2021/NĐCP", "34/2021/NĐ-CP"),
        ("3504/QĐUBND", "3504/QĐ-UBND"),
        ("05-CTr/BDVTU-UBND", "05-CTr/BDVTU-UBND"),
        ("01/2015/NQLT-CP-UBTWMTTQVN", "01/2015/NQLT-CP-UBTWMTTQVN"),
        ("08-QĐi/TW", "08-QĐi/TW"),
        ("97/QH14", "97/QH14"),
        ("12a/QĐ-UBND", "12a/QĐ-UBND"),
        ("2021-2025", None),
    ],
)
def test_canonical_number(printed, canonical):
    assert canonical_number(printed) == canonical


# --- the labelled set -------------------------------------------------------------------------


def document_fields(document: dict) -> list[str]:
    """Plain text of every text field, in document order, as the site shows it."""
    return [text.plain for text in make_document(document, "").texts()]


def _document_for(label_file: Path) -> Path:
    (path,) = DOCUMENTS.glob(f"*/{label_file.stem}.yaml")
    return path


LABEL_FILES = sorted(LABELS.glob("*.yaml"))


def _key(kind, number, date, text):
    """Scored triple; a citation without a number (a law by name) is matched by its text."""
    return ("n", kind, number, date) if number else ("t", kind, text)


def _score(label_file: Path):
    labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
    document = yaml.safe_load(_document_for(label_file).read_text(encoding="utf-8"))
    got = [c for field in document_fields(document) for c in extract(field)]
    expected = Counter(_key(l["kind"], l["number"], l["date"], l["text"]) for l in labels)
    found = Counter(_key(c.kind, c.number, c.date, c.text) for c in got)
    tp = sum((expected & found).values())
    return labels, got, tp, sum(found.values()), sum(expected.values()), expected - found, found - expected


def test_labelled_files_match_documents():
    assert LABEL_FILES, "no labelled files"
    for label_file in LABEL_FILES:
        labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        document = yaml.safe_load(_document_for(label_file).read_text(encoding="utf-8"))
        text = "\n".join(document_fields(document))
        pos = 0
        for label in labels:
            assert set(label) == {"text", "kind", "number", "date", "issuer"}, label
            assert label["kind"] in KIND_SLUGS, label
            at = text.find(label["text"], pos)
            assert at >= 0, f"{label_file.name}: not in the text, in order: {label['text']!r}"
            pos = at + 1


def test_labelled_set_precision_recall(capsys):
    total_tp = total_found = total_expected = 0
    lines = []
    for label_file in LABEL_FILES:
        _, _, tp, n_found, n_expected, missed, spurious = _score(label_file)
        total_tp += tp
        total_found += n_found
        total_expected += n_expected
        precision = tp / n_found if n_found else 1.0
        recall = tp / n_expected if n_expected else 1.0
        lines.append(
            f"{label_file.stem}: precision {precision:.3f} ({tp}/{n_found}), recall {recall:.3f} ({tp}/{n_expected})"
        )
        lines += [f"    missed   {k}" for k in missed.elements()]
        lines += [f"    spurious {k}" for k in spurious.elements()]
    precision = total_tp / total_found
    recall = total_tp / total_expected
    lines.append(
        f"overall: precision {precision:.3f} ({total_tp}/{total_found}), "
        f"recall {recall:.3f} ({total_tp}/{total_expected})"
    )
    report = "\n".join(lines)
    with capsys.disabled():  # shown even under -q
        print("\n" + report)
    assert precision >= 0.99 and recall >= 0.99, report


def test_labelled_set_text_and_issuer():
    """Beyond the scored triples: span text and issuer phrase agree with the labels."""
    agree = total = 0
    differences = []
    for label_file in LABEL_FILES:
        labels, got, *_ = _score(label_file)
        remaining = list(got)
        for label in labels:
            match = next(
                (
                    c
                    for c in remaining
                    if c.text == label["text"]
                    and c.kind == label["kind"]
                    and c.number == label["number"]
                    and c.date == label["date"]
                ),
                None,
            )
            total += 1
            if match is not None and match.issuer == label["issuer"]:
                agree += 1
                remaining.remove(match)
            else:
                differences.append(f"{label_file.stem}: {label}")
    assert agree / total >= 0.99, "\n".join(differences)


# --- Unicode ----------------------------------------------------------------------------------


def _all_fields() -> list[str]:
    fields = []
    for label_file in LABEL_FILES:
        document = yaml.safe_load(_document_for(label_file).read_text(encoding="utf-8"))
        fields += document_fields(document)
    return fields


def _nfc_view(text: str) -> list[tuple]:
    result = extract(text)
    for c in result:
        assert text[c.start : c.end] == c.text
    return [(unicodedata.normalize("NFC", c.text), c.kind, c.number, c.date, c.issuer) for c in result]


def test_nfc_and_nfd_give_the_same_result():
    """Same citations for NFC and NFD input; offsets point into the string given (so NFD spans are
    longer) and `text` is the original slice, equal to the NFC one once normalized."""
    fields = _all_fields()
    # one long text as well: the NFD path maps offsets chunk by chunk (about 4 KB each)
    texts = fields + [p.values[0] for p in HARD_CASES] + ["\n".join(fields)]
    for text in texts:
        nfc = unicodedata.normalize("NFC", text)
        nfd = unicodedata.normalize("NFD", text)
        assert _nfc_view(nfd) == _nfc_view(nfc), text


def test_nfd_offsets_point_into_the_original():
    text = "Theo Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng về"
    nfd = unicodedata.normalize("NFD", text)
    (c,) = extract(nfd)
    assert nfd[c.start : c.end] == c.text
    assert c.start == len(unicodedata.normalize("NFD", "Theo "))
    assert unicodedata.normalize("NFC", c.text) == (
        "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng"
    )
    assert c.issuer == "Ban Chấp hành Trung ương Đảng"  # reported in NFC
    mixed = text[:20] + unicodedata.normalize("NFD", text[20:])  # partly decomposed
    assert _nfc_view(mixed) == _nfc_view(text)


# --- properties -------------------------------------------------------------------------------


def _check_invariants(text: str) -> list[Citation]:
    result = extract(text)
    previous_end = 0
    for c in result:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.start >= previous_end  # sorted, not overlapping
        previous_end = c.end
        assert c.kind is None or c.kind in KIND_SLUGS
        assert set(c.to_json()) == {"text", "start", "end", "kind", "number", "date", "issuer"}
    return result


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    _check_invariants(text)


FRAGMENTS = [
    "Chỉ thị",
    "Nghị quyết",
    "Quyết định",
    "Kết luận",
    "Luật",
    "Bộ luật",
    "Chương trình hành động",
    "Quy định",
    "Công văn",
    "số",
    "Số",
    "SỐ",
    " ",
    "  ",
    "\n",
    "\t",
    "25-NQ/TW",
    "16/CT-TTg",
    "34/2021/NĐ-CP",
    "4955-QĐ/UBND",
    "06-CT-UBND",
    "1206 /QĐ-HVTC",
    "NĐCP",
    "QĐ",
    "CTr",
    "TTG",
    "BDVTU",
    "UBND",
    "QH14",
    "TW",
    "TU",
    "25",
    "2021",
    "12a",
    "-",
    "/",
    "–",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "“",
    "”",
    '"',
    "ngày",
    "03/6/2013",
    "05-9-2016",
    "05 tháng 8 năm 2021",
    "31/2/2021",
    "của",
    "Ban Bí thư",
    "Thủ tướng Chính phủ",
    "Ban Chấp hành Trung ương Đảng",
    "(khóa XI)",
    "(UBND)",
    "về",
    "và",
    "Tiếp cận thông tin",
    "Hòa giải, đối thoại tại Tòa án",
    "Tổ chức",
    "Đại hội lần thứ XIII",
    "Trung ương 4",
    "(sau đây gọi tắt là Chỉ thị 16)",
    "Chỉ thị 16",
    "2021-2025",
    "Điều 1",
    "1.",
    "2.1-",
    "khóa XI",
    "95%",
    "0236.3822.123",
    "Đ",
    "đ",
    "\u0301",
    "\u0323",
    "\u0300",
    "\xa0",
    "ủy",
    "uỷ",
    "hoà",
    "Hòa",
    "a\u0301",
    "Ð",
    "ǅ",
    "İ",
    "ß",
    "\U0001f600",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_properties_on_vietnamese_fragments(parts):
    text = "".join(parts)
    _check_invariants(text)
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    _check_invariants(nfd)
    assert _nfc_view(nfd) == _nfc_view(nfc)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=20), st.text(max_size=20))
def test_properties_with_noise(parts, noise):
    text = noise.join(parts)
    _check_invariants(text)


def test_linear_on_pathological_input():
    """No catastrophic backtracking: long runs of separators, digits and kind words."""
    import time

    for chunk in [
        "1-" * 50_000,
        "Chỉ thị số " * 20_000,
        "25-NQ/TW-" * 20_000,
        "của Ban " * 20_000,
        "1 / " * 50_000,
        "Luật Tổ " * 20_000,
        "ngày 1/1/" * 20_000,
        "A" * 200_000,
        "12-AB/" * 30_000,
    ]:
        started = time.perf_counter()
        _check_invariants(chunk)
        assert time.perf_counter() - started < 10, chunk[:20]


# --- command line -----------------------------------------------------------------------------


def test_cli_cite_reads_stdin():
    result = subprocess.run(
        [sys.executable, "-m", "generator", "cite"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        input="Thực hiện Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng\n",
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {
            "text": "Chỉ thị số 08-CT/TU ngày 05/8/2021 của Thành ủy Đà Nẵng",
            "start": 10,
            "end": 65,
            "kind": "chi-thi",
            "number": "08-CT/TU",
            "date": "2021-08-05",
            "issuer": "Thành ủy Đà Nẵng",
        }
    ]
