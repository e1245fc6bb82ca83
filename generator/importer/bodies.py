"""Issuing bodies as a document prints them: the header block ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG
TRỊ"), the authority line above "QUYẾT ĐỊNH:" ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"), the
signer's authority ("TM. ỦY BAN NHÂN DÂN"), a heading line ("CỦA BAN THƯỜNG VỤ THÀNH ỦY").

`describe(lines)` reads such capital lines into a `Body`: its name in running-text case
("Ủy ban nhân dân tỉnh Quảng Trị"), the slug an organization id would use ("ubnd-tinh"), the
province it names, whether it is a central body. Names of the common bodies come from
templates (their case is known); any other name is lower-cased with the first word of each
function capitalized ("BỘ Y TẾ" → "Bộ Y tế"), and `Body.guessed_case` says so.

Pure functions over text; no registry is consulted here (see issuer.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from generator.vn import provinces
from generator.vn.provinces import Province
from generator.vn.text import fold_words, modern_tones, slug

__all__ = ["Body", "describe", "committee_board", "functional_case", "AUTHORITY_PREFIX"]

# "TM.", "T/M", "KT.", "K/T", "TL.", "TUQ." and their words: who signs for whom.
AUTHORITY_PREFIX = re.compile(
    r"^(?:T/M|TM\.?|T\.M\.|KT\.?|K/T|TL\.?|TUQ\.?|Q\.|THỪA LỆNH|THAY MẶT|KÝ THAY)\s+", re.IGNORECASE
)


@dataclass(frozen=True)
class Body:
    name: str  # "Ủy ban nhân dân tỉnh Quảng Trị"
    slug: str  # "ubnd-tinh": the part of an organization id after "<jurisdiction>/"
    province: Optional[Province] = None
    central: bool = False
    party: Optional[bool] = None  # a Party body (True), a State body (False), unknown (None)
    committee: bool = False  # a Party committee ("Tỉnh ủy X"), whose standing board issues most texts
    abbreviation: Optional[str] = None
    aliases: tuple[str, ...] = ()
    header: tuple[str, ...] = ()  # the header lines as printed, rejoined where a line was split
    guessed_case: bool = False
    also: tuple[str, ...] = field(default=())  # other bodies of a joint header, by name


# --- case ------------------------------------------------------------------------------------

_KEEP = {  # words and phrases with a fixed case inside a name (lower case -> as written)
    "trung ương": "Trung ương",
    "chính phủ": "Chính phủ",
    "quốc hội": "Quốc hội",
    "việt nam": "Việt Nam",
    "mặt trận tổ quốc": "Mặt trận Tổ quốc",
    "mttq": "MTTQ",
    "đảng": "Đảng",
    "nhà nước": "Nhà nước",
}
# Words naming a kind of body or unit: the word after them starts the body's own name
# ("Ban Tuyên giáo", "Bộ Y tế", "Sở Nội vụ", "Vụ Lý luận chính trị", "Hội đồng Quản lý").
_TYPE_WORDS = {"ban", "bo", "so", "cuc", "vu", "phong", "dong", "tam"}
_SEPARATORS = {"và", "-", "–"}


def functional_case(caps: str) -> str:
    """ "BAN TUYÊN GIÁO VÀ DÂN VẬN" → "Ban Tuyên giáo và Dân vận"; "VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    → "Văn hóa, Thể thao và Du lịch": the first word of the name and of each function after a
    body word, "và", "," or "-" capitalized, the rest lower case."""
    words = modern_tones(caps.strip()).lower().split()
    out: list[str] = []
    capital = True
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            fixed = _KEEP.get(" ".join(words[i : i + size]).rstrip(","))
            if fixed and len(fixed.split()) == size:
                out.append(fixed + ("," if words[i + size - 1].endswith(",") else ""))
                i += size
                capital = out[-1].endswith(",")
                break
        else:
            word = words[i]
            out.append(word[:1].upper() + word[1:] if capital and word not in _SEPARATORS else word)
            capital = word in _SEPARATORS or word.endswith(",") or fold_words(word) in _TYPE_WORDS
            i += 1
    return " ".join(out)


# --- templates ---------------------------------------------------------------------------------

_LEVEL_WORDS = re.compile(r"\s*\b(?:tinh|thanh pho|tp)\s*$")


def _level(province: Optional[Province]) -> str:
    return province.level if province else "tỉnh"


def _in(province: Optional[Province]) -> str:
    return f" {province.level} {province.name}" if province else ""


def _state(kind: str, province: Optional[Province]) -> Body:
    level = _level(province)
    short = "tinh" if level == "tỉnh" else "thanh-pho"
    where = _in(province)
    if kind == "ubnd":
        return Body(
            f"Ủy ban nhân dân{where}",
            f"ubnd-{short}",
            province,
            party=False,
            abbreviation=f"UBND {level}",
            aliases=tuple(a for a in (f"UBND{where}", f"Ủy ban nhân dân {level}") if a.strip()),
        )
    if kind == "chu-tich":
        return Body(
            f"Chủ tịch Ủy ban nhân dân{where}",
            f"chu-tich-ubnd-{short}",
            province,
            party=False,
            aliases=tuple(a for a in (f"Chủ tịch UBND{where}", f"Chủ tịch UBND {level}") if a.strip()),
        )
    if kind == "hdnd":
        return Body(
            f"Hội đồng nhân dân{where}",
            f"hdnd-{short}",
            province,
            party=False,
            abbreviation=f"HĐND {level}",
            aliases=(f"HĐND{where}",),
        )
    if kind == "thuong-truc-hdnd":
        return Body(f"Thường trực Hội đồng nhân dân{where}", f"thuong-truc-hdnd-{short}", province, party=False)
    if kind == "mttq":
        return Body(
            f"Ủy ban Mặt trận Tổ quốc Việt Nam{where}",
            f"uy-ban-mttq-{short}",
            province,
            party=False,
            abbreviation=f"Ủy ban MTTQ Việt Nam {level}",
            aliases=(f"Ủy ban MTTQ Việt Nam{where}", f"Ủy ban MTTQ {level}"),
        )
    raise ValueError(kind)


def _committee(province: Optional[Province]) -> tuple[str, str]:
    """ "Tỉnh ủy" / "tinh-uy", or "Thành ủy" / "thanh-uy" for a centrally-run city."""
    return ("Thành ủy", "thanh-uy") if province and province.city else ("Tỉnh ủy", "tinh-uy")


def committee_board(body: Body) -> Body:
    """The standing board of a Party committee ("Ban Thường vụ Tỉnh ủy Quảng Trị")."""
    word, short = _committee(body.province)
    where = f" {body.province.name}" if body.province else ""
    return Body(
        f"Ban Thường vụ {word}{where}",
        f"ban-thuong-vu-{short}",
        body.province,
        party=True,
        aliases=(f"Ban Thường vụ {word}",),
        header=body.header,
    )


# Central bodies by their folded name: (name, slug, party).
_CENTRAL = {
    "thu tuong chinh phu": ("Thủ tướng Chính phủ", "thu-tuong-chinh-phu", False),
    "chinh phu": ("Chính phủ", "chinh-phu", False),
    "quoc hoi": ("Quốc hội", "quoc-hoi", False),
    "uy ban thuong vu quoc hoi": ("Ủy ban Thường vụ Quốc hội", "uy-ban-thuong-vu-quoc-hoi", False),
    "van phong chinh phu": ("Văn phòng Chính phủ", "van-phong-chinh-phu", False),
    "bo chinh tri": ("Bộ Chính trị", "bo-chinh-tri", True),
    "ban bi thu": ("Ban Bí thư", "ban-bi-thu", True),
    "ban chap hanh trung uong": ("Ban Chấp hành Trung ương Đảng", "ban-chap-hanh-trung-uong", True),
    "ban chap hanh trung uong dang": ("Ban Chấp hành Trung ương Đảng", "ban-chap-hanh-trung-uong", True),
    "van phong trung uong dang": ("Văn phòng Trung ương Đảng", "van-phong-trung-uong-dang", True),
}


# --- describe ----------------------------------------------------------------------------------

_BODY_START = re.compile(
    r"^(?:chu tich |pho chu tich )?(?:uy ban|hoi dong|thuong truc|so |bo |ban |tinh uy|thanh uy|huyen uy|"
    r"dang uy|van phong|thu tuong|chinh phu|quoc hoi|cuc |vu )"
)


def _split_joint(lines: list[str]) -> list[list[str]]:
    """ "ỦY BAN NHÂN DÂN" / "ỦY BAN MTTQ VIỆT NAM" / "TỈNH ĐẮK LẮK": two bodies of one province.
    Lines are grouped so that each group starts with a body's first word once the group
    before names a whole body; a unit under a Party committee ("BAN CHẤP HÀNH TRUNG ƯƠNG" /
    "BAN TUYÊN GIÁO") stays with it; a province line belongs to every group."""
    groups: list[list[str]] = []
    province_lines: list[str] = []
    for line in lines:
        folded = fold_words(line)
        if provinces.find(line) and not _BODY_START.match(folded):
            province_lines.append(line)
            continue
        starts = bool(groups) and bool(_BODY_START.match(folded)) and _complete(" ".join(groups[-1]))
        if starts and _COMMITTEE.match(fold_words(" ".join(groups[-1]))) and _UNIT.match(folded):
            starts = False  # the committee's own unit, not a second issuer
        if not groups or starts:
            groups.append([line])
        else:
            groups[-1].append(line)
    return [g + province_lines for g in groups] or ([province_lines] if province_lines else [])


_COMMITTEE = re.compile(r"^(?:ban chap hanh trung uong(?: dang)?|(?:tinh|thanh|huyen|quan|thi|dang) uy\b.*)$")
_UNIT = re.compile(r"^(?:ban|van phong|uy ban kiem tra|truong chinh tri)\b")


def _complete(text: str) -> bool:
    """A group of lines that already names a whole body ("ỦY BAN NHÂN DÂN"), not a part of one
    split over lines ("ỦY BAN NHÂN" / "DÂN", "CHỦ TỊCH ỦY" / "BAN NHÂN DÂN")."""
    folded = fold_words(text)
    if re.search(r"(?:nhan dan|viet nam|trung uong|chinh phu|quoc hoi|(?:tinh|thanh|huyen|quan|thi|dang) uy)$", folded):
        return True
    return bool(re.match(r"^(?:so|bo|ban|cuc|vu) \w+ \w+", folded)) or bool(_COMMITTEE.match(folded))


# The head of a body standing for it in an authority line: "TRƯỞNG BAN TUYÊN GIÁO …" issues
# for the Ban, "BỘ TRƯỞNG BỘ Y TẾ" for the Bộ, "GIÁM ĐỐC SỞ NỘI VỤ" for the Sở.
_HEAD_OF = re.compile(r"^(?:TRƯỞNG\s+(?=BAN\b)|BỘ TRƯỞNG\s+(?=BỘ\b)|GIÁM ĐỐC\s+(?=SỞ\b)|CỤC TRƯỞNG\s+(?=CỤC\b))")


def describe(lines: list[str], jurisdiction_province: Optional[Province] = None) -> Optional[Body]:
    """The body that capital lines name; the first one when they name several (a joint
    header; the others are in `Body.also`). `jurisdiction_province` completes a line that
    names no province ("TM. ỦY BAN NHÂN DÂN" of a document from Quảng Trị)."""
    lines = [AUTHORITY_PREFIX.sub("", l.strip().strip("*_ ")) for l in lines if l.strip().strip("*_ ")]
    lines = [_HEAD_OF.sub("", re.sub(r"\s+QUYẾT ĐỊNH\s*:?$", "", modern_tones(l.upper()))) for l in lines]
    if not lines:
        return None
    groups = _split_joint(lines)
    bodies = [b for b in (_one(g, jurisdiction_province) for g in groups) if b]
    if not bodies:
        return None
    first = bodies[0]
    return replace(first, also=tuple(b.name for b in bodies[1:])) if len(bodies) > 1 else first


def _header_lines(lines: list[str]) -> tuple[str, ...]:
    """The header lines as an organization's `header` lists them: a body's name split over
    lines by the layout ("ỦY BAN NHÂN" / "DÂN") joined again; the province line on its own."""
    out: list[str] = []
    pending: list[str] = []
    for line in lines:
        line = re.sub(r"\s+", " ", line.strip())
        if provinces.find(line) and not _BODY_START.match(fold_words(line)):
            if pending:
                out.append(" ".join(pending))
                pending = []
            out.append(line)
            continue
        pending.append(line)
        if _complete(" ".join(pending)):
            out.append(" ".join(pending))
            pending = []
    if pending:
        out.append(" ".join(pending))
    return tuple(out)


def _one(lines: list[str], fallback: Optional[Province]) -> Optional[Body]:
    text = " ".join(lines)
    folded = fold_words(text)
    named = provinces.named_in(text)
    province = named[0] if len(named) == 1 else None
    rest = folded
    if province:
        rest = re.sub(rf"\b(?:(?:tinh|thanh pho|tp)\s+)?{re.escape(fold_words(province.name))}\b", " ", rest)
        rest = re.sub(r"\s+", " ", rest).strip()
    body = _template(rest, province or (fallback if not named else None), text)
    if body is None:
        return None
    return replace(body, header=_header_lines(lines)) if not body.central or body.header == () else body


def _template(rest: str, province: Optional[Province], text: str) -> Optional[Body]:
    rest = _LEVEL_WORDS.sub("", rest).strip()
    if rest in _CENTRAL:
        name, short, party = _CENTRAL[rest]
        return Body(name, short, central=True, party=party)
    m = re.fullmatch(r"ban chap hanh trung uong(?: dang)? (ban .+)", rest)
    if m or re.fullmatch(r"ban .+ trung uong", rest):
        core = m.group(1) if m else rest[: -len(" trung uong")]
        words = _caps_words(text, core)
        name = functional_case(words) + " Trung ương"
        return Body(name, slug(name), central=True, party=True, guessed_case=True)
    if re.fullmatch(r"bo (?!chinh tri).+", rest):
        name = functional_case(_caps_words(text, rest))
        return Body(name, slug(name), central=True, party=False, guessed_case=True)
    local = _local(rest, province, text)
    if local:
        return local
    if not rest:
        return None
    name = functional_case(_caps_words(text, rest)) + _in(province)
    return Body(name, slug(_caps_words(text, rest)), province, guessed_case=True)


_DISTRICT = {"huyen": "Huyện", "quan": "Quận", "thi": "Thị"}


def _local(rest: str, province: Optional[Province], text: str) -> Optional[Body]:
    if rest in ("chu tich uy ban nhan dan", "chu tich ubnd"):
        return _state("chu-tich", province)
    if rest in ("uy ban nhan dan", "ubnd"):
        return _state("ubnd", province)
    if rest in ("hoi dong nhan dan", "hdnd"):
        return _state("hdnd", province)
    if rest in ("thuong truc hoi dong nhan dan", "thuong truc hdnd"):
        return _state("thuong-truc-hdnd", province)
    if re.fullmatch(r"uy ban (?:mttq|mat tran to quoc)(?: viet nam)?", rest):
        return _state("mttq", province)
    word, short = _committee(province)
    where = f" {province.name}" if province else ""
    committee = Body(f"{word}{where}", short, province, party=True, committee=True, aliases=(word,))
    if rest in ("ban thuong vu", "ban thuong vu tinh uy", "ban thuong vu thanh uy") and province:
        return committee_board(committee)  # "T/M BAN THƯỜNG VỤ", "BAN THƯỜNG VỤ THÀNH ỦY" of a province's text
    m = re.fullmatch(r"(ban .+|van phong|uy ban kiem tra) (?:tinh|thanh) uy", rest)
    if m and province:
        rest = f"{short.replace('-', ' ')} {m.group(1)}"  # "BAN TUYÊN GIÁO THÀNH ỦY": the committee's unit
    m = re.fullmatch(r"(?:tinh uy|thanh uy)(?: (.+))?", rest)
    if m and province:
        board = m.group(1)
        if not board:
            return committee
        if board == "ban thuong vu":
            return committee_board(committee)
        name = functional_case(_caps_words(text, board))
        return Body(
            f"{name} {word}{where}",
            f"{slug(name)}-{short}",
            province,
            party=True,
            aliases=(f"{name} {word}",),
            guessed_case=not board.startswith(("ban ", "van phong")),
        )
    m = re.fullmatch(r"(huyen|quan|thi) uy (.+)", rest)
    if m:  # a district committee: its province is not in its name
        place = " ".join(w[:1].upper() + w[1:] for w in _caps_words(text, m.group(2)).lower().split())
        name = f"{_DISTRICT[m.group(1)]} ủy {place}"
        return Body(name, slug(name), province, party=True, committee=True)
    m = re.fullmatch(r"so (.+)", rest)
    if m:
        name = functional_case(_caps_words(text, rest))
        return Body(f"{name}{_in(province)}", slug(name), province, party=False, aliases=(name,), guessed_case=True)
    return None


def _caps_words(text: str, folded_part: str) -> str:
    """The words of `text` (as printed) whose fold is `folded_part`."""
    words = re.findall(r"[^\W_]+(?:[-–][^\W_]+)*|[,\-–]", text)
    target = folded_part.split()
    folded = [fold_words(w) for w in words]
    for start in range(len(words)):
        picked: list[str] = []
        j = start
        k = 0
        while j < len(words) and k < len(target):
            if not folded[j]:  # punctuation
                if picked:
                    picked.append(words[j])
                j += 1
                continue
            if folded[j] != target[k]:
                break
            picked.append(words[j])
            j += 1
            k += 1
        if k == len(target):
            return " ".join(picked).replace(" ,", ",")
    return folded_part
