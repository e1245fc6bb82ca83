"""The phrases around a document number: the kind word before it, and the date and issuer
phrase after it ("Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ").
"""

from __future__ import annotations

import datetime as _dt
import re

from generator.vn.citations.patterns import KIND_ALT, KIND_CAP, SP, SPACES, SYLLABLE, WS, spaced

__all__ = ["KIND_TAIL", "KIND_TAIL_WINDOW", "LIST_SEP", "date_at", "issuer_at"]

# --- the kind word ---------------------------------------------------------------------------

# Kind word right before a number: searched in a short window that ends at the number.
KIND_TAIL = re.compile(
    rf"(?<![^\W\d_])(?P<kind>{KIND_ALT})"
    # "Chương trình phối hợp số …": up to two lowercase words between kind word and "số"
    rf"(?:(?:{SP}[a-zà-ỹđ]{{1,7}}){{0,2}}{WS}{{1,3}}số\b)?{WS}{{0,3}}:?{WS}{{0,3}}\Z",
    re.IGNORECASE,
)
KIND_TAIL_WINDOW = 40

# --- dates -----------------------------------------------------------------------------------

_DATE = re.compile(
    rf"(?:{WS}{{0,3}},{WS}{{0,3}}(?:ngày|Ngày|NGÀY){WS}{{1,3}}|{WS}{{1,3}}(?:(?:ngày|Ngày|NGÀY){WS}{{1,3}})?)"
    r"(?:(?P<d>\d{1,2})\s{0,2}(?P<s>[/.\-–])\s{0,2}(?P<m>\d{1,2})\s{0,2}(?P=s)\s{0,2}(?P<y>\d{4})"
    rf"|(?P<d2>\d{{1,2}}){WS}{{1,3}}tháng{WS}{{1,3}}(?P<m2>\d{{1,2}}){WS}{{1,3}}năm{WS}{{1,3}}(?P<y2>\d{{4}}))"
    r"(?![\d/])"
)


def date_at(text: str, pos: int) -> tuple[int, str] | None:
    m = _DATE.match(text, pos)
    if not m:
        return None
    d, mo, y = (
        (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
    )
    try:
        value = _dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if not 1900 <= value.year <= 2199:
        return None
    return m.end(), value.isoformat()


# --- issuer phrases --------------------------------------------------------------------------

_ISSUER_START = re.compile(rf"(?:{SP}{{0,2}},)?{WS}{{1,3}}(?:của{WS}{{1,3}}){{1,2}}(?=[^\W\d_])")
# Multi-syllable words of organization names, matched at a capitalised syllable (any case).
_ORG_WORDS = [
    "lao động - thương binh và xã hội",
    "nông nghiệp và phát triển nông thôn",
    "văn hóa, thể thao và du lịch",
    "tài nguyên và môi trường",
    "thông tin và truyền thông",
    "khoa học và công nghệ",
    "giáo dục và đào tạo",
    "kế hoạch và đầu tư",
    "giao thông vận tải",
    "ủy ban nhân dân",
    "hội đồng nhân dân",
    "viện kiểm sát",
    "chấp hành",
    "thường vụ",
    "thường trực",
    "chính trị",
    "bí thư",
    "trung ương",
    "chính phủ",
    "thủ tướng",
    "quốc hội",
    "thành ủy",
    "tỉnh ủy",
    "quận ủy",
    "huyện ủy",
    "thị ủy",
    "đảng ủy",
    "đảng bộ",
    "đảng đoàn",
    "ủy ban",
    "mặt trận",
    "tổ quốc",
    "dân vận",
    "tuyên giáo",
    "tổ chức",
    "kiểm tra",
    "văn phòng",
    "nội vụ",
    "tài chính",
    "cán sự",
    "chủ tịch",
    "công an",
    "tư pháp",
    "nội chính",
    "thanh tra",
    "lao động",
    "xây dựng",
    "y tế",
    "quốc phòng",
    "ngoại giao",
    "công thương",
    "đối ngoại",
    "kinh tế",
    "chỉ đạo",
    "tòa án",
    "kiểm toán",
    "ngân hàng",
    "nhà nước",
    "dân tộc",
    "tôn giáo",
    "thi đua",
    "khen thưởng",
    "nhân dân",
    "thành phố",
    "bộ tư lệnh",
    "tư lệnh",
    "quân sự",
    "biên phòng",
    "hội nghị",
]
_ORG_WORD = re.compile(
    "(?:" + "|".join(spaced(w) for w in sorted(_ORG_WORDS, key=len, reverse=True)) + r")(?![^\W_])",
    re.IGNORECASE,
)
# Lowercase words that may continue an issuer phrase.
_LOWER_OK = re.compile(
    r"(?:thành phố|thị xã|thị trấn|tỉnh|quận|huyện|xã|phường|nhân dân|trung ương|tối cao|đảng"
    r"|(?:khóa|khoá)\s{1,2}[IVXLC]+(?:\s?,\s?[IVXLC]+)*)(?![^\W_])"
)
_PAREN_OK = re.compile(
    r"\((?:[Kk]hóa|[Kk]hoá)\s{1,2}[IVXLC]+(?:\s?[,\-–]\s?[IVXLC]+)*\)"
    r"|\((?:UBND|HĐND|MTTQ|BTV|BCH|TW|TU|UBMTTQ|BCĐ)\)"
)
# Capitalised words that end an issuer phrase ("… của Bộ Chính trị Về …", "… Ban hành …").
_UPPER_STOP = re.compile(
    r"(?:Về|V/v|Theo|Tại|Trong|Nhằm|Để|Kèm|Ban\s{1,3}hành|Phê\s{1,3}duyệt|Triển\s{1,3}khai"
    r"|Thực\s{1,3}hiện|Sửa\s{1,3}đổi)(?![^\W_])"
)


def issuer_at(text: str, pos: int) -> tuple[int, int] | None:
    """Issuer phrase after `pos` ("của <Issuer>"): (start, end) of the issuer, or None."""
    m = _ISSUER_START.match(text, pos)
    if not m:
        return None
    start = i = m.end()
    end = None
    n = 0
    limit = len(text)
    while i < limit and n < 24:
        n += 1
        if text[i] == "(":
            p = _PAREN_OK.match(text, i)
            if not p or end is None:
                break
            j = p.end()
        else:
            w = SYLLABLE.match(text, i)
            if not w:
                break
            word = w.group()
            if word[0].isupper():
                org = _ORG_WORD.match(text, i)
                kind = KIND_CAP.match(text, i)
                if kind and not (org and org.end() > kind.end()):
                    break
                if _UPPER_STOP.match(text, i):
                    break
                j = org.end() if org else w.end()
            else:
                if end is None:
                    break
                low = _LOWER_OK.match(text, i)
                if not low:
                    break
                j = low.end()
        end = j
        s = SPACES.match(text, j)
        if not s:
            break
        i = s.end()
    if end is None:
        return None
    return start, end


# --- lists -----------------------------------------------------------------------------------

# Between two members of a list: ", ", ", và ", " và ".
LIST_SEP = re.compile(rf"(?:{SP}{{0,2}},{SP}{{0,2}}(?:và{SP}{{1,2}})?|{SP}{{1,2}}và{SP}{{1,2}})\Z")
