"""Citation extractor: find references to other documents in running Vietnamese text.

`extract(text)` is a pure function. It returns `Citation`s in text order; `text` of each is
exactly `input[start:end]` of the string passed in, whatever its Unicode normalization.

What it recognizes
------------------
1. A document number (số, ký hiệu), State (`16/CT-TTg`, `34/2021/NĐ-CP`, `97/QH14`,
   `1613/UBND-KGVX`) or Party (`25-NQ/TW`, `28-CTr/TU`, `05-CTr/BDVTU-UBND`), including the
   damaged forms of real texts (slash and hyphen swapped, all hyphens, stray spaces and line
   breaks, case slips, lost hyphens such as `NĐCP`). The number is reported in canonical form:
   the issuer part decides Party (`N-TYPE/ISSUER`) versus State (`N/[YYYY/]TYPE-ISSUER`).
   It is a citation when a kind word ("Chỉ thị", "Quyết định số", …) stands right before it,
   or, without one, when the symbol is unmistakably a document symbol (a known type
   abbreviation plus an issuer, or a known issuer such as `UBND`, `QH14`).
2. Laws cited by name: "Luật"/"Bộ luật" + title ("Luật Tiếp cận thông tin"), number null.
3. Party congress and plenum resolutions cited by their conventional name ("Nghị quyết Đại hội
   lần thứ XIII của Đảng", "Nghị quyết Trung ương 4 (khóa XII)"), number null: these names
   identify one document each by a closed pattern (an ordinal is required).

Documents named only by a descriptive title ("Quy chế công tác dân vận của hệ thống chính
trị") are deliberately not extracted: without a number the extent of the title cannot be
told from the text, and the same words are used generically ("Quy chế dân chủ ở cơ sở").

After the number (or law name) come, when attached: the date ("ngày 03/6/2013",
", ngày 03/6/2013", "05-9-2016", "ngày 05 tháng 8 năm 2021") and the issuer phrase
("của Ban Bí thư", "của Bộ Chính trị (khóa XI)"). `text` spans from the kind word through the
last attached part. A date or issuer printed once after a list ("Quyết định số 217-QĐ/TW và
Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị") is shared by the earlier members of
the list when their symbols have the same issuer part (the date only between members of the
same kind; the issuer only between parallel members); `text` of those stays kind + number.
A short name the text defines right after a citation ("(sau đây gọi tắt là Chỉ thị 16)") is
a citation of the same document wherever it recurs (kind and number, no date or issuer).
The issuer is reported as printed, in NFC, with runs of white space made one space.

Matching works on the NFC form of the input with old-style tone placement folded
("hoà"→"hòa", "uỷ"→"ủy"; same length, so offsets are unchanged); offsets are mapped back to
the original string. Every regular expression is compiled once and has bounded repetition
only, so the run time is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass

from generator.vn import kinds
from generator.vn.text import modern_tones

__all__ = ["Citation", "extract", "canonical_number"]


@dataclass(frozen=True)
class Citation:
    text: str
    start: int
    end: int
    kind: str | None
    number: str | None
    date: str | None  # "YYYY-MM-DD"
    issuer: str | None

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "number": self.number,
            "date": self.date,
            "issuer": self.issuer,
        }


# --- kind words ------------------------------------------------------------------------------

# Kind names and aliases, longer first: the alternation is tried left to right.
_KIND_WORDS: list[tuple[str, str]] = kinds.kind_words()
_KIND_BY_WORD = {w: k for w, k in _KIND_WORDS}
_KIND_ALT = "|".join(re.escape(w) for w, _ in _KIND_WORDS)
_SP = r"[^\S\n]"  # horizontal white space
_WS = r"\s"

# Kind word right before a number: searched in a short window that ends at the number.
_KIND_TAIL = re.compile(
    rf"(?<![^\W\d_])(?P<kind>{_KIND_ALT})"
    # "Chương trình phối hợp số …": up to two lowercase words between kind word and "số"
    rf"(?:(?:{_SP}[a-zà-ỹđ]{{1,7}}){{0,2}}{_WS}{{1,3}}số\b)?{_WS}{{0,3}}:?{_WS}{{0,3}}\Z",
    re.IGNORECASE,
)
_KIND_TAIL_WINDOW = 40
# A capitalised kind word (stops an issuer phrase or a law title).
_KIND_CAP = re.compile("(?:" + "|".join(re.escape(w[0].upper() + w[1:]) for w, _ in _KIND_WORDS) + r")(?![^\W\d_])")

# --- document numbers ------------------------------------------------------------------------

_HYPHENS = "-–‐‑"
_SEP = rf"\s{{0,3}}[{_HYPHENS}/]\s{{0,3}}"
_GROUP = r"[A-ZĐ][A-Za-zĐđ0-9]{0,14}(?![^\W_])"
_NUMBER = re.compile(
    rf"(?<![\w/.{_HYPHENS}])(?P<n>\d{{1,5}}[a-zđ]?)"
    rf"(?P<rest>(?:{_SEP}(?P<y>(?:19|20)\d\d)(?={_SEP}[A-ZĐ]))?(?:{_SEP}{_GROUP}){{1,5}})"
)
_GROUP_TOKEN = re.compile(rf"(?P<sep>\s{{0,3}}(?P<ch>[{_HYPHENS}/])\s{{0,3}})(?P<g>[A-Za-zĐđ0-9]+)")

# Abbreviations whose canonical spelling is mixed case (looked up upper-cased).
_CASE = {"TTG": "TTg", "CTR": "CTr", "QĐI": "QĐi", "QYĐ": "QyĐ", "TTR": "TTr", "THU": "ThU"}
# Abbreviations typed without Đ (ASCII-only texts).
_ASCII_FOLD = {"QD": "QĐ", "ND": "NĐ", "HDND": "HĐND", "QDI": "QĐi", "QYD": "QyĐ"}

# Type abbreviations (State and Party), with a kind or not (generator/vn/kinds.py).
_TYPES = kinds.symbols()
# Types that make a symbol unmistakable without a kind word: those naming a kind in either
# system, and the joint circular (its kind word decides which kind).
_UNMISTAKABLE_TYPES = frozenset(t for t in _TYPES if kinds.symbol_kind(t, True) or kinds.symbol_kind(t, False)) | {
    "TTLT"
}
_TYPES_SORTED = sorted(_TYPES, key=len, reverse=True)

_PARTY_ISSUERS = {
    "TW",
    "TU",
    "VPTW",
    "BTCTW",
    "BDVTW",
    "BTGTW",
    "BTGDVTW",
    "BNCTW",
    "BKTTW",
    "BĐNTW",
    "UBKTTW",
    "BCSĐ",
    "BCS",
    "ĐĐ",
    "ĐU",
    "ĐUK",
    "QU",
    "HU",
    "TXU",
    "ThU",
    "ĐUQSTW",
    "ĐUCA",
    "BDVTU",
    "BTGTU",
    "BTCTU",
    "BNCTU",
    "UBKTTU",
    "VPTU",
    "BCĐ",
}
_STATE_ISSUERS = {
    "CP",
    "TTg",
    "UBND",
    "HĐND",
    "QH",
    "UBTVQH",
    "VPCP",
    "BNV",
    "BTC",
    "BTP",
    "BCA",
    "BQP",
    "BYT",
    "BCT",
    "BXD",
    "BGDĐT",
    "BLĐTBXH",
    "BKHĐT",
    "BTNMT",
    "BNNPTNT",
    "BTTTT",
    "BVHTTDL",
    "BGTVT",
    "BKHCN",
    "BNG",
    "NHNN",
    "TANDTC",
    "VKSNDTC",
    "KTNN",
    "TTCP",
    "UBDT",
    "MTTQ",
    "UBMTTQ",
    "UBTWMTTQVN",
    "MTTQVN",
    "SNV",
    "STC",
    "STP",
    "SYT",
    "SGDĐT",
    "CA",
}
_QH = re.compile(r"(?:UBTV)?QH\d{0,2}\Z")


def _is_party(issuer: str) -> bool:
    return issuer in _PARTY_ISSUERS or issuer.endswith(("TW", "TU")) or issuer.startswith(("ĐU", "ĐĐ", "BCS"))


def _is_known_issuer(issuer: str) -> bool:
    return issuer in _PARTY_ISSUERS or issuer in _STATE_ISSUERS or bool(_QH.match(issuer))


def _canon_group(g: str) -> str | None:
    up = g.upper()
    if up in _ASCII_FOLD:
        return _ASCII_FOLD[up]
    if up in _CASE:
        return _CASE[up]
    if g == up and any(c.isalpha() for c in g):
        if len(g) >= 2 or g in _TYPES:
            return g
    return None


def _split_merged(tok: str) -> list[str] | None:
    """`NĐCP` → [`NĐ`, `CP`], `QĐUBND` → [`QĐ`, `UBND`] (hyphen lost in extraction)."""
    up = tok.upper()
    for t in _TYPES_SORTED:
        if len(t) < len(tok) and up.startswith(t.upper()):
            rest = _canon_group(tok[len(t) :])
            if rest and _is_known_issuer(rest):
                return [t, rest]
    return None


@dataclass
class _Number:
    start: int
    end: int
    canonical: str
    type: str | None
    issuers: tuple[str, ...]
    party: bool

    @property
    def issuer_key(self) -> str:
        return self.issuers[0] if self.issuers else ""

    def symbol_kind(self) -> str | None:
        if self.type is None:
            if self.issuers and not _QH.match(self.issuers[0]) and not self.party:
                return "cong-van"
            return None
        return kinds.symbol_kind(self.type, self.party)

    def unmistakable(self) -> bool:
        """Safe to take without a kind word."""
        if self.type is not None:
            return bool(self.issuers) and self.type in _UNMISTAKABLE_TYPES
        if not self.issuers:
            return False
        first = self.issuers[0]
        return bool(_QH.match(first)) or (_is_known_issuer(first) and len(self.issuers) >= 2)


def _parse_number(m: re.Match, fold: str) -> _Number | None:
    num = m.group("n")
    year = m.group("y")
    rest_start = m.start("rest")
    pos = rest_start
    if year:
        # skip "<sep>YYYY"
        pos = m.end("y")
    groups: list[str] = []
    seps: list[str] = []
    end = pos
    rest_end = m.end("rest")
    while pos < rest_end:
        t = _GROUP_TOKEN.match(fold, pos, rest_end)
        if not t:
            break
        g = _canon_group(t.group("g"))
        if g is None:
            break
        # a " - " with spaces on both sides after the first group joins nothing but a
        # known issuer ("05-CT/TW - UBND …" is prose, not a joint symbol)
        sep = t.group("sep")
        if groups and sep[:1].isspace() and sep[-1:].isspace() and "\n" not in sep and not _is_known_issuer(g):
            break
        groups.append(g)
        seps.append(t.group("ch"))
        end = t.end()
        pos = t.end()
    if not groups:
        return None
    # lost hyphen: one token holding type + issuer
    first = groups[0]
    if first not in _TYPES and not _is_known_issuer(first):
        split = _split_merged(first)
        if split:
            groups[0:1] = split
    if groups[0] in _TYPES:
        typ, issuers = groups[0], groups[1:]
    elif len(groups) >= 2 and not _is_known_issuer(groups[0]):
        typ, issuers = groups[0], groups[1:]
    else:
        typ, issuers = None, groups
    party = bool(issuers) and _is_party(issuers[0])
    if typ is not None and party and not year:
        canonical = f"{num}-{typ}/{'-'.join(issuers)}"
    else:
        parts = ([typ] if typ else []) + list(issuers)
        canonical = f"{num}/" + (f"{year}/" if year else "") + "-".join(parts)
    return _Number(m.start(), end, canonical, typ, tuple(issuers), party)


def canonical_number(number: str) -> str | None:
    """Canonical form of a document number as printed ("4955-QĐ/UBND" → "4955/QĐ-UBND")."""
    s = modern_tones(unicodedata.normalize("NFC", number.strip()))
    m = _NUMBER.match(s)
    if not m:
        return None
    parsed = _parse_number(m, s)
    return parsed.canonical if parsed and parsed.end == len(s) else None


# --- dates -----------------------------------------------------------------------------------

_DATE = re.compile(
    rf"(?:{_WS}{{0,3}},{_WS}{{0,3}}(?:ngày|Ngày|NGÀY){_WS}{{1,3}}|{_WS}{{1,3}}(?:(?:ngày|Ngày|NGÀY){_WS}{{1,3}})?)"
    r"(?:(?P<d>\d{1,2})\s{0,2}(?P<s>[/.\-–])\s{0,2}(?P<m>\d{1,2})\s{0,2}(?P=s)\s{0,2}(?P<y>\d{4})"
    rf"|(?P<d2>\d{{1,2}}){_WS}{{1,3}}tháng{_WS}{{1,3}}(?P<m2>\d{{1,2}}){_WS}{{1,3}}năm{_WS}{{1,3}}(?P<y2>\d{{4}}))"
    r"(?![\d/])"
)


def _date_at(fold: str, pos: int) -> tuple[int, str] | None:
    m = _DATE.match(fold, pos)
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

_WHITE_RUN = re.compile(r"\s+")


def _spaced(phrase: str) -> str:
    """Regex for a phrase whose spaces may be any short run of white space (line breaks)."""
    return re.escape(phrase).replace(r"\ ", r"\s{1,3}")


_ISSUER_START = re.compile(rf"(?:{_SP}{{0,2}},)?{_WS}{{1,3}}(?:của{_WS}{{1,3}}){{1,2}}(?=[^\W\d_])")
_SYLLABLE = re.compile(r"[^\W\d_]+")
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
    "(?:" + "|".join(_spaced(w) for w in sorted(_ORG_WORDS, key=len, reverse=True)) + r")(?![^\W_])",
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
_SPACES = re.compile(r"[^\S\n]{1,3}\n?[^\S\n]{0,3}|\n[^\S\n]{0,3}")


def _issuer_at(fold: str, pos: int) -> tuple[int, int] | None:
    """Issuer phrase after `pos` ("của <Issuer>"): (start, end) of the issuer, or None."""
    m = _ISSUER_START.match(fold, pos)
    if not m:
        return None
    start = i = m.end()
    end = None
    n = 0
    limit = len(fold)
    while i < limit and n < 24:
        n += 1
        if fold[i] == "(":
            p = _PAREN_OK.match(fold, i)
            if not p or end is None:
                break
            j = p.end()
        else:
            w = _SYLLABLE.match(fold, i)
            if not w:
                break
            word = w.group()
            if word[0].isupper():
                org = _ORG_WORD.match(fold, i)
                kind = _KIND_CAP.match(fold, i)
                if kind and not (org and org.end() > kind.end()):
                    break
                if _UPPER_STOP.match(fold, i):
                    break
                j = org.end() if org else w.end()
            else:
                if end is None:
                    break
                low = _LOWER_OK.match(fold, i)
                if not low:
                    break
                j = low.end()
        end = j
        s = _SPACES.match(fold, j)
        if not s:
            break
        i = s.end()
    if end is None:
        return None
    return start, end


# --- laws and named resolutions --------------------------------------------------------------

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
_LAW_TITLE_ALT = "|".join(_spaced(n) for n in sorted(_LAW_NAMES, key=len, reverse=True))
_LAW_HEAD = re.compile(
    rf"(?<![^\W\d_])(?<!học )(?<!Khoa )(?<!Viện )(?<!ty )(?:Bộ luật|Luật|BỘ LUẬT|LUẬT){_WS}{{1,3}}"
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
_LAW_NUMBER = re.compile(rf"{_WS}{{1,3}}(?:số|Số){_WS}{{1,3}}(?=\d)")

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
_NAMED_RESOLUTION = re.compile(
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


def _law_end(fold: str, m: re.Match) -> int:
    if m.group("known"):
        return m.end("known")
    i = m.end()
    end = None
    count = 0
    while count < _LAW_MAX_SYLLABLES:
        w = _SYLLABLE.match(fold, i)
        if not w:
            break
        word = w.group()
        if count == 0:
            if not word[0].isupper() or word in _LAW_NOT_FIRST:
                return -1
            if _KIND_CAP.match(fold, i) and not _LAW_LAWYERS.match(fold, i):
                return -1  # "Luật Luật …", "Luật Quyết định …": not a name
        elif word in _LAW_STOP_WORDS or _KIND_CAP.match(fold, i):
            break
        count += 1
        end = w.end()
        sp = _SPACES.match(fold, end)
        if not sp:
            break
        i = sp.end()
    return end if end is not None else -1


# --- Unicode: NFC with an offset map, and tone-placement folding -----------------------------

_NON_ASCII_SEGMENT = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
_BASE_AND_MARKS = re.compile(r"(?s).[\u0300-\u036f]+")
# Starters (combining class 0) that can still compose with the character before them.
_COMPOSING_STARTERS = frozenset(
    "\u09be\u09d7\u0b3e\u0b56\u0b57\u0bbe\u0bd7\u0c56\u0cc2\u0cd5\u0cd6\u0d3e\u0d57"
    "\u0dcf\u0ddf\u102e\u1b35"
    + "".join(chr(c) for c in range(0x1161, 0x1176))
    + "".join(chr(c) for c in range(0x11A8, 0x11C3))
)


def _pieces(segment: str) -> list[tuple[int, int]]:
    """Cut a segment before every starter that cannot compose with what precedes it."""
    cuts = [0]
    for i in range(1, len(segment)):
        c = segment[i]
        if not unicodedata.combining(c) and c not in _COMPOSING_STARTERS:
            cuts.append(i)
    cuts.append(len(segment))
    return list(zip(cuts, cuts[1:]))


class _ChunkMap:
    """Offsets within one chunk whose NFC form differs from the chunk itself.

    The chunk is cut into pieces (a starter and what composes with it); the pieces that change
    under NFC are recorded. An offset inside a changed piece maps to the piece's start (for a
    start offset) or end (for an end offset). If cutting into pieces does not reproduce the
    NFC of the whole chunk (exotic compositions), the whole chunk is one piece.
    """

    def __init__(self, chunk: str, nfc: str):
        for mode in ("marks", "fine", "coarse"):
            self.norm_starts: list[int] = []
            self.norm_ends: list[int] = []
            self.orig_starts: list[int] = []
            self.orig_ends: list[int] = []
            parts: list[str] = []
            last = norm_len = 0
            # "marks": a letter and the combining diacritics after it (all Vietnamese needs);
            # "fine": any starter and what composes with it; "coarse": non-ASCII runs
            segments = _BASE_AND_MARKS.finditer(chunk) if mode == "marks" else _NON_ASCII_SEGMENT.finditer(chunk)
            for m in segments:
                seg = m.group()
                if mode != "marks" and unicodedata.is_normalized("NFC", seg):
                    continue
                for a, b in _pieces(seg) if mode == "fine" else [(0, len(seg))]:
                    piece = seg[a:b]
                    piece_nfc = unicodedata.normalize("NFC", piece)
                    if piece_nfc == piece:
                        continue
                    a += m.start()
                    b += m.start()
                    parts.append(chunk[last:a])
                    norm_len += a - last
                    self.norm_starts.append(norm_len)
                    self.orig_starts.append(a)
                    parts.append(piece_nfc)
                    norm_len += len(piece_nfc)
                    self.norm_ends.append(norm_len)
                    self.orig_ends.append(b)
                    last = b
            parts.append(chunk[last:])
            if "".join(parts) == nfc:
                return
        self.norm_starts, self.norm_ends = [0], [len(nfc)]
        self.orig_starts, self.orig_ends = [0], [len(chunk)]

    def start(self, p: int) -> int:
        i = bisect.bisect_right(self.norm_starts, p) - 1
        if i < 0:
            return p
        if p < self.norm_ends[i]:
            return self.orig_starts[i]
        return self.orig_ends[i] + (p - self.norm_ends[i])

    def end(self, p: int) -> int:
        i = bisect.bisect_left(self.norm_ends, p)  # first changed piece ending at or after p
        if i < len(self.norm_ends) and self.norm_starts[i] < p:
            return self.orig_ends[i]
        if i == 0:
            return p
        return self.orig_ends[i - 1] + (p - self.norm_ends[i - 1])


_CHUNK = 4096


class _OffsetMap:
    """NFC form of a string, with a map from NFC offsets back to the original's.

    The string is cut into chunks of about 4 KB, always before an ASCII character (ASCII never
    composes with what precedes it, so the chunks normalize independently). Chunks that NFC
    leaves alone map by a shift; a changed chunk gets a fine map, built only when an offset
    falls inside it (citations are sparse), so the cost stays close to one `normalize` call.
    """

    def __init__(self, original: str):
        self.original = original
        self.orig_starts: list[int] = []
        self.norm_starts: list[int] = []
        self.chunks: list[tuple[int, int, int, str | None]] = []  # orig start, end, norm len, nfc
        self.fine: dict[int, _ChunkMap] = {}
        parts: list[str] = []
        pos = norm_pos = 0
        n = len(original)
        while pos < n:
            cut = min(pos + _CHUNK, n)
            while cut < n and ord(original[cut]) > 0x7F:
                cut += 1
            chunk = original[pos:cut]
            if unicodedata.is_normalized("NFC", chunk):
                nfc, changed = chunk, None
            else:
                nfc = unicodedata.normalize("NFC", chunk)
                changed = nfc
            self.orig_starts.append(pos)
            self.norm_starts.append(norm_pos)
            self.chunks.append((pos, cut, len(nfc), changed))
            parts.append(nfc)
            norm_pos += len(nfc)
            pos = cut
        self.text = "".join(parts)

    def _locate(self, p: int, at_end: bool) -> int:
        i = bisect.bisect_right(self.norm_starts, p) - 1
        if at_end and i > 0 and self.norm_starts[i] == p:
            i -= 1  # an end offset belongs to the chunk before
        if i < 0:
            return p
        orig_start, orig_end, norm_len, changed = self.chunks[i]
        local = p - self.norm_starts[i]
        if changed is None:
            return orig_start + local
        fine = self.fine.get(i)
        if fine is None:
            fine = self.fine[i] = _ChunkMap(self.original[orig_start:orig_end], changed)
        return orig_start + (fine.end(local) if at_end else fine.start(local))

    def start(self, p: int) -> int:
        return self._locate(p, False)

    def end(self, p: int) -> int:
        return self._locate(p, True)


# --- extraction ------------------------------------------------------------------------------


@dataclass
class _Found:
    start: int
    end: int
    kind: str | None
    number: str | None
    date: str | None
    issuer: tuple[int, int] | None
    number_obj: _Number | None = None
    has_kind_word: bool = False
    shared_issuer: str | None = None


def _attach(fold: str, found: _Found, pos: int) -> None:
    """Attach the date and issuer phrase that follow `pos` (end of number or law name)."""
    d = _date_at(fold, pos)
    if d:
        pos, found.date = d
        found.end = pos
    iss = _issuer_at(fold, pos)
    if iss:
        found.issuer = iss
        found.end = iss[1]
        if not d:
            d = _date_at(fold, found.end)
            if d:
                found.end, found.date = d


_ALIAS_DEF = re.compile(
    rf"{_WS}{{0,3}}\((?:sau đây{_SP}{{1,2}})?(?:gọi|viết)(?:{_SP}{{1,2}}tắt)?{_SP}{{1,2}}(?:là{_SP}{{1,2}})?[“\"]?"
    rf"(?P<alias>(?:{_KIND_ALT}){_SP}{{1,2}}(?:số{_SP}{{1,2}})?\d{{1,5}}[a-z]?)[”\"]?\)",
    re.IGNORECASE,
)
_ALIAS_END = re.compile(rf"(?![\w/{_HYPHENS}]|[.,]\d)")


_MAX_ALIASES = 64


def _alias_key(alias: str) -> str:
    return _WHITE_RUN.sub(" ", alias.lower())


def _with_aliases(fold: str, found: list[_Found]) -> list[_Found]:
    """Later mentions of a short name defined right after a numbered citation.

    `found` is sorted and free of overlaps; so is the result. One pass over the text with all
    the short names at once; a mention refers to the latest definition before it.
    """
    definitions: dict[str, tuple[list[int], list[_Found]]] = {}
    for f in found:
        if f.number is None:
            continue
        m = _ALIAS_DEF.match(fold, f.end)
        if m:
            key = _alias_key(m.group("alias"))
            if key not in definitions and len(definitions) >= _MAX_ALIASES:
                continue
            starts, targets = definitions.setdefault(key, ([], []))
            starts.append(m.start("alias"))
            targets.append(f)
    if not definitions:
        return found
    pattern = re.compile(
        r"(?<![^\W_])(?:"
        + "|".join(_spaced(k) for k in sorted(definitions, key=len, reverse=True))
        + ")"
        + _ALIAS_END.pattern,
        re.IGNORECASE,
    )
    first = min(starts[0] for starts, _ in definitions.values())
    out: list[_Found] = []
    i = 0
    for m in pattern.finditer(fold, first):
        starts, targets = definitions[_alias_key(m.group())]
        d = bisect.bisect_right(starts, m.start()) - 1
        if d < 0:
            continue
        while i < len(found) and found[i].end <= m.start():
            out.append(found[i])
            i += 1
        if i < len(found) and found[i].start < m.end():
            continue  # inside, or overlapping, a citation already found
        if out and out[-1].end > m.start():
            continue
        target = targets[d]
        out.append(_Found(m.start(), m.end(), target.kind, target.number, None, None, has_kind_word=True))
    out.extend(found[i:])
    return out


def _clean(phrase: str) -> str:
    return _WHITE_RUN.sub(" ", phrase)


_LIST_SEP = re.compile(rf"(?:{_SP}{{0,2}},{_SP}{{0,2}}(?:và{_SP}{{1,2}})?|{_SP}{{1,2}}và{_SP}{{1,2}})\Z")


def extract(text: str) -> list[Citation]:
    if not isinstance(text, str):
        raise TypeError("extract() expects str")
    if unicodedata.is_normalized("NFC", text):
        mapping = None
        norm = text
    else:
        mapping = _OffsetMap(text)
        norm = mapping.text
    fold = modern_tones(norm)

    taken_until = -1

    # 1. laws and named resolutions (they may carry a number: "Luật Đất đai số 45/2013/QH13")
    named: list[_Found] = []
    for m in _LAW_HEAD.finditer(fold):
        end = _law_end(fold, m)
        if end < 0:
            continue
        f = _Found(m.start(), end, "luat", None, None, None, has_kind_word=True)
        ln = _LAW_NUMBER.match(fold, end)
        if ln:
            nm = _NUMBER.match(fold, ln.end())
            if nm:
                parsed = _parse_number(nm, fold)
                if parsed:
                    f.number, f.number_obj, f.end = parsed.canonical, parsed, parsed.end
        _attach(fold, f, f.end)
        named.append(f)
    for m in _NAMED_RESOLUTION.finditer(fold):
        f = _Found(m.start(), m.end(), "nghi-quyet", None, None, None, has_kind_word=True)
        d = _date_at(fold, m.end())
        if d:
            f.end, f.date = d
        named.append(f)
    named.sort(key=lambda f: f.start)
    named_starts = [f.start for f in named]

    # 2. numbers
    numbered: list[_Found] = []
    for m in _NUMBER.finditer(fold):
        if m.start() < taken_until:
            continue
        parsed = _parse_number(m, fold)
        if parsed is None:
            continue
        # already taken by a law name ("Luật … số N")?
        i = bisect.bisect_right(named_starts, m.start()) - 1
        if i >= 0 and named[i].number_obj is not None and named[i].number_obj.start == parsed.start:
            continue
        k = _KIND_TAIL.search(fold, max(0, parsed.start - _KIND_TAIL_WINDOW), parsed.start)
        if k:
            word = re.sub(r"\s+", " ", k.group("kind").lower())
            f = _Found(
                k.start(), parsed.end, _KIND_BY_WORD[word], parsed.canonical, None, None, parsed, has_kind_word=True
            )
        else:
            kind = None
            prev = numbered[-1] if numbered else None
            if (
                prev is not None
                and prev.has_kind_word
                and prev.number_obj is not None
                and prev.number_obj.type == parsed.type
                and prev.end <= parsed.start
                and _LIST_SEP.match(fold, prev.end, parsed.start)
            ):
                kind = prev.kind  # "Quyết định số 217-QĐ/TW và 218-QĐ/TW"
            elif parsed.unmistakable():
                kind = parsed.symbol_kind()
            else:
                continue
            f = _Found(parsed.start, parsed.end, kind, parsed.canonical, None, None, parsed)
        _attach(fold, f, parsed.end)
        taken_until = f.end
        numbered.append(f)

    # 3. merge, numbered citations win over overlapping named ones
    merged: list[_Found] = []
    for f in sorted(numbered + named, key=lambda f: (f.start, f.number is None)):
        if merged and f.start < merged[-1].end:
            if merged[-1].number is None and f.number is not None:
                merged[-1] = f
            continue
        merged.append(f)

    # 4. a date / issuer printed once after a list is shared by the earlier members:
    #    "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị"
    #    (same kind and symbol type: date and issuer), "Nghị quyết số 15-NQ/TU và Chỉ thị số
    #    15-CT/TU của Ban Thường vụ Thành ủy" (parallel members, both dated or both undated:
    #    the issuer only). Never across different symbol issuers (TW vs TU vs UBND), never
    #    from "Kết luận số 114-KL/TW ngày … của …" back to an undated "Nghị quyết số 25-NQ/TW, ".
    for idx in range(len(merged) - 2, -1, -1):
        a, b = merged[idx], merged[idx + 1]
        if a.issuer is not None or a.shared_issuer is not None or a.number_obj is None or b.number_obj is None:
            continue
        if a.number_obj.issuer_key != b.number_obj.issuer_key or not a.number_obj.issuer_key:
            continue
        if not _LIST_SEP.match(fold, a.end, b.start):
            continue
        same = a.kind == b.kind and a.number_obj.type == b.number_obj.type
        if not same and (a.date is None) != (b.date is None):
            continue
        if same and a.date is None and b.date is not None:
            a.date = b.date
        if b.issuer is not None:
            a.shared_issuer = _clean(norm[b.issuer[0] : b.issuer[1]])
        elif b.shared_issuer is not None:
            a.shared_issuer = b.shared_issuer

    # 5. short names the text defines in parentheses: "(sau đây gọi tắt là Chỉ thị 16)"
    merged = _with_aliases(fold, merged)

    out: list[Citation] = []
    for f in merged:
        issuer = _clean(norm[f.issuer[0] : f.issuer[1]]) if f.issuer else f.shared_issuer
        if mapping is None:
            start, end = f.start, f.end
        else:
            start, end = mapping.start(f.start), mapping.end(f.end)
        if start >= end:
            continue
        out.append(Citation(text[start:end], start, end, f.kind, f.number, f.date, issuer))
    return out
