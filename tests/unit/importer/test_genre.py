"""generator/importer/genre.py: a news article or web page about a document is not a directive."""

from __future__ import annotations

import pytest

from generator.importer import import_text
from generator.importer.header import find_kind_line, parse_header
from generator.importer.genre import article_signs, site_metadata
from generator.importer.lines import read_text

# Openings of real pages (a provincial portal's news item, a legal site's article).
ARTICLES = [
    (
        "CTTĐT - Ngày 6/8, Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17 về việc tăng cường sự lãnh đạo "
        "của các cấp ủy.\nNội dung Chỉ thị như sau:\nTrong những năm qua, quán triệt và thực hiện Kết luận số "
        "100 - KL/TW ngày 18/8/2014 của Ban Bí thư.",
        ["dòng mở đầu của tin bài", "câu dẫn"],
    ),
    (
        "# Toàn văn Công văn 3178/SNV-LĐVL&TN về hướng dẫn báo cáo tình hình sử dụng lao động tại tỉnh Lâm Đồng ra "
        'sao?\n\n*Dưới đây là thông tin về "Toàn văn Công văn 3178/SNV-LĐVL&TN"*\n\nNgày 26/11/2025, Sơ Nội vụ tỉnh '
        "Lâm Đồng ban hành Công văn 3178/SNV-LĐVL&TN năm 2025 về việc hướng dẫn báo cáo.\n\n**TẢI VỀ Toàn văn Công "
        "văn 3178/SNV-LĐVL&TN năm 2025 tại đây**",
        ["tiêu đề bài viết", "câu của người viết bài", "câu tường thuật", "liên kết tải về"],
    ),
]


@pytest.mark.parametrize("text, signs", ARTICLES)
def test_articles_are_recognised(text, signs):
    lines = read_text(text).lines
    found = article_signs(lines, parse_header(lines, find_kind_line(lines)))
    assert all(any(sign in f for f in found) for sign in signs), found
    draft = import_text(text, "bai-viet.txt")
    assert draft.not_directive == found
    assert "không phải toàn văn văn bản chỉ đạo" in "\n".join(draft.summary())
    assert "# TODO: kiểm tra tệp này có vẻ là bài viết" in draft.yaml  # and `check` refuses it


@pytest.mark.parametrize(
    "text",
    [
        # a directive that quotes such phrases is still a directive: it prints its own header
        "ĐẢNG CỘNG SẢN VIỆT NAM\nSố 17-CT/TU\nYên Bái, ngày 06 tháng 8 năm 2020\nCHỈ THỊ\nvề công tác điều tra\n"
        "Nội dung Chỉ thị như sau: các cấp ủy thực hiện.",
        "CHỈ THỊ\nvề công tác dân vận\nTrong những năm qua, công tác dân vận có chuyển biến.",
    ],
)
def test_directives_are_not_articles(text):
    lines = read_text(text).lines
    assert article_signs(lines, parse_header(lines, find_kind_line(lines))) == []


def test_site_metadata_lines():
    lines = read_text(
        "Số hiệu: 110/KH-UBND Loại văn bản: Văn bản khác\nNgày ban hành: 14/11/2013\nỦY BAN NHÂN DÂN"
    ).lines
    assert [l.no for l in site_metadata(lines)] == [1, 2]
    draft = import_text(
        "Số hiệu: 110/KH-UBND\nỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\nKẾ HOẠCH\nthực hiện\n1. Nội dung.", "x.txt"
    )
    assert any("thông tin của trang web" in line for line in draft.summary())
