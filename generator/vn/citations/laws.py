"""Laws cited by name ("Luật Tiếp cận thông tin", "Bộ luật Dân sự") and Party congress and
plenum resolutions cited by their conventional name ("Nghị quyết Đại hội lần thứ XIII của
Đảng", "Nghị quyết Trung ương 4 (khóa XII)").
"""

from __future__ import annotations

import re

from generator.vn.citations.patterns import KIND_CAP, SPACES, SYLLABLE, WS, spaced

__all__ = ["LAW_HEAD", "LAW_NUMBER", "NAMED_RESOLUTION", "law_end"]

# Law names that hold commas or function words (the generic rule stops at those).
_LAW_NAMES = [
    "Hòa giải, đối thoại tại Tòa án",
    "Hòa giải ở cơ sở",
    "Cán bộ, công chức",
    "Phòng, chống tham nhũng",
    "Phòng, chống ma túy",
    "Phòng, chống thiên tai",
    "Phòng, chống mua bán người",
    "Phòng, chống bạo lực gia đình",
    "Phòng, chống tác hại của rượu, bia",
    "Phòng, chống tác hại của thuốc lá",
    "Phòng, chống bệnh truyền nhiễm",
    "Phòng, chống rửa tiền",
    "Phòng, chống khủng bố",
    "Phòng cháy và chữa cháy",
    "Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Thi đua, khen thưởng",
    "Phổ biến, giáo dục pháp luật",
    "Tín ngưỡng, tôn giáo",
    "Khám bệnh, chữa bệnh",
    "Hôn nhân và gia đình",
    "Khoa học và công nghệ",
    "Thực hành tiết kiệm, chống lãng phí",
    "Quản lý, sử dụng tài sản công",
    "Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
    "An toàn, vệ sinh lao động",
    "Thể dục, thể thao",
    "Trật tự, an toàn giao thông đường bộ",
    "Đường sắt",
    "Tổ chức chính quyền địa phương",
    "Tổ chức Chính phủ",
    "Tổ chức Quốc hội",
    "Tổ chức Tòa án nhân dân",
    "Tổ chức Viện kiểm sát nhân dân",
    "Hoạt động giám sát của Quốc hội và Hội đồng nhân dân",
    "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
    "Mặt trận Tổ quốc Việt Nam",
    "Bảo vệ quyền lợi người tiêu dùng",
    "Thực hiện dân chủ ở cơ sở",
    "Ban hành văn bản quy phạm pháp luật",
    "Xử lý vi phạm hành chính",
]
# First words that make "Luật …" something other than a law's name.
_LAW_NOT_FIRST = {"Sửa", "Số", "Này", "Về", "Và"}
_LAW_LAWYERS = re.compile(r"Luật\s{1,3}sư(?![^\W_])")
_LAW_TITLE_ALT = "|".join(spaced(n) for n in sorted(_LAW_NAMES, key=len, reverse=True))
LAW_HEAD = re.compile(
    rf"(?<![^\W\d_])(?<!học )(?<!Khoa )(?<!Viện )(?<!ty )(?:Bộ luật|Luật|BỘ LUẬT|LUẬT){WS}{{1,3}}"
    rf"(?:(?P<known>{_LAW_TITLE_ALT})(?![^\W_])|(?=[A-ZĐÀ-Ỹ]))"
)
_LAW_STOP_WORDS = {
    "về",
    "nhằm",
    "để",
    "và",
    "của",
    "theo",
    "trong",
    "tại",
    "đối",
    "với",
    "đã",
    "được",
    "là",
    "có",
    "cho",
    "khi",
    "thì",
    "từ",
    "do",
    "nên",
    "mà",
    "như",
    "hoặc",
    "này",
    "đó",
    "các",
    "những",
    "một",
    "ngày",
    "năm",
    "số",
    "đến",
    "tới",
    "vào",
    "trên",
    "dưới",
    "sau",
    "trước",
    "bằng",
    "qua",
    "bị",
    "phải",
    "cần",
    "sẽ",
    "đang",
    "vẫn",
    "còn",
    "cũng",
    "đều",
    "nhưng",
    "hay",
    "thuộc",
    "gồm",
    "giữa",
    "hiện",
    "mới",
    "sửa",
    "thi",
    "đi",
    "vừa",
    "chưa",
    "không",
    "quy",
    "hướng",
    "ban",
    "tổ",
    "triển",
    "thực",
    "nêu",
    "ra",
    "lần",
    "tháng",
}
_LAW_MAX_SYLLABLES = 10
LAW_NUMBER = re.compile(rf"{WS}{{1,3}}(?:số|Số){WS}{{1,3}}(?=\d)")

_ROMAN = r"[IVXLC]{1,6}(?![^\W_])"
_PLACE = r"(?:tỉnh|thành phố|Thành phố|quận|huyện|thị xã)(?:\s[A-ZĐ][^\W\d_]*){0,3}"
_ORDINAL_WORD = (
    r"(?:nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?:\s(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám"
    r"|chín))?)(?![^\W_])"
)
_ORDINAL = r"(?:\d{1,2}(?!\d)|" + _ROMAN + ")"
_TERM = (
    r"(?:\s\((?:khóa|khoá)\s" + _ROMAN + r"(?:\s?[,\-–]\s?" + _ROMAN + r")*\)"
    r"|,?\s(?:khóa|khoá)\s" + _ROMAN + ")?"
)
NAMED_RESOLUTION = re.compile(
    r"(?<![^\W\d_])Nghị quyết\s"
    r"(?:"
    # Đại hội … lần thứ XIII (của Đảng | Đảng bộ thành phố)
    r"Đại hội(?:\sđại biểu)?(?:\s(?:Đảng\sbộ\s" + _PLACE + r"|Đảng|toàn quốc))?"
    r"(?:\stoàn quốc)?\s(?:lần thứ\s)?"
    + _ROMAN
    + r"(?:\s(?:của\s)?Đảng\sbộ\s"
    + _PLACE
    + r"|\s(?:của\s)?Đảng(?![^\W_]))?"
    r"|"
    # (Hội nghị) Trung ương 4 / Trung ương lần thứ tư (khóa XII)
    r"(?:Hội nghị\s)?Trung ương\s(?:lần thứ\s(?:"
    + _ORDINAL
    + "|"
    + _ORDINAL_WORD
    + r")|"
    + _ORDINAL
    + ")"
    + _TERM
    + r"|"
    # Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII
    r"Hội nghị\slần thứ\s(?:" + _ORDINAL + "|" + _ORDINAL_WORD + r")\s(?:Ban Chấp hành\s)?Trung ương"
    r"(?:\sĐảng(?![^\W_]))?" + _TERM + r")"
)


def law_end(text: str, m: re.Match) -> int:
    if m.group("known"):
        return m.end("known")
    i = m.end()
    end = None
    count = 0
    while count < _LAW_MAX_SYLLABLES:
        w = SYLLABLE.match(text, i)
        if not w:
            break
        word = w.group()
        if count == 0:
            if not word[0].isupper() or word in _LAW_NOT_FIRST:
                return -1
            if KIND_CAP.match(text, i) and not _LAW_LAWYERS.match(text, i):
                return -1  # "Luật Luật …", "Luật Quyết định …": not a name
        elif word in _LAW_STOP_WORDS or KIND_CAP.match(text, i):
            break
        count += 1
        end = w.end()
        sp = SPACES.match(text, end)
        if not sp:
            break
        i = sp.end()
    return end if end is not None else -1
