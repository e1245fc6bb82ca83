"""The header fields of a draft: number, date, kind, system, title, period, as YAML values with
a TODO wherever the text leaves the importer unsure. Nothing unknown is written as known: a
number or date the text does not print stays out, with a TODO saying how to add it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from generator.corpus.unfinished import PLACEHOLDER_TITLE
from generator.importer.emit import Todo
from generator.importer.header import Header
from generator.vn.citations import extract
from generator.vn.kinds import KINDS, symbol_kind
from generator.vn.text import fold_words

__all__ = ["number_field", "date_field", "kind_field", "system_field", "title_fields", "kind_from_number"]

_LABEL = re.compile(r"^\s*[_~*]*\s*(?:Số|SỐ|số)\s*:?\s*")


def number_field(header: Header) -> tuple[Optional[str], dict[str, Any]]:
    """The canonical number and the fields for it ("number", or a "#number" comment)."""
    if header.number and header.number.value:
        value = header.number.value
        number: dict[str, Any] = {"value": value}
        if _LABEL.sub("", header.number.printed) != value:
            number["printed_as"] = header.number.printed
        number["source"] = "printed"
        return value, {"number": number}
    if header.number:
        return None, {"#number": Todo(None, f"số, ký hiệu “{header.number.printed}” chưa đọc được hoặc còn để trống")}
    return None, {
        "#number": Todo(
            None,
            "văn bản không in số, ký hiệu; nếu văn bản khác dẫn chiếu số này, thêm number với source: cited và cited_in",
        )
    }


@dataclass
class DateField:
    fields: dict[str, Any]
    year: Optional[int]


def date_field(header: Header) -> DateField:
    if header.date and header.date.value:
        date: Any = {"value": header.date.value, "precision": header.date.precision, "source": "printed"}
        if header.date.precision != "day":
            date = Todo(date, f"ngày in trên văn bản chưa đủ (“{header.date.printed}”)")
        return DateField({"date": date}, int(header.date.value[:4]))
    if header.date:  # a date line whose day or month cannot be a date ("ngày 06 tháng 40")
        return DateField(
            {
                "date": {"precision": "unknown"},
                "#date": Todo(None, f"ngày in trên văn bản không đọc được (“{header.date.printed}”); ghi ngày đúng"),
            },
            None,
        )
    cited = [(c, c.date) for c in extract(header.subtitle or "") if c.date]
    if cited:
        citation, day = cited[0]
        date = Todo(
            {
                "value": day,
                "precision": "day",
                "source": "printed",
                "note": f"Ngày của {KINDS.get(citation.kind or '', 'văn bản')} ban hành kèm theo, ghi ở đầu "
                f"{KINDS.get(header.kind or '', 'văn bản')}.",
            },
            "ngày lấy từ dòng dưới trích yếu",
        )
        return DateField({"date": date}, int(day[:4]))
    return DateField(
        {
            "date": {"precision": "unknown"},
            "#date": Todo(
                None, "không thấy ngày ban hành; nếu suy ra được, ghi not_before hoặc value với source: cited"
            ),
        },
        None,
    )


def kind_from_number(number: Optional[str]) -> Optional[str]:
    """The kind the type in a canonical number names ("08-CT/TU" -> chi-thi), if it names one."""
    if not number:
        return None
    party = re.match(r"\d+[a-zđ]?-", number) is not None  # Party form N-TYPE/ISSUER
    for part in re.split(r"[-/]", number)[1:]:
        kind = symbol_kind(part, party)
        if kind:
            return kind
    return None


# Kinds that are not directives: a proposal to a higher body, a report. They can be published,
# but someone should decide to.
_NOT_DIRECTIVES = {"to-trinh": "tờ trình là văn bản đề xuất gửi cấp trên", "bao-cao": "báo cáo"}


def kind_field(header: Header, number: Optional[str]) -> tuple[str, Any]:
    """The kind slug, and the value to write (with a TODO when guessed or not a directive)."""
    kind = header.kind
    if kind is not None and kind not in KINDS:
        printed = header.heading[0] if header.heading else kind
        return kind, Todo(
            kind,
            f"loại “{printed}” chưa có trong danh mục loại văn bản (generator/vn/kinds.py và lược đồ); cần bổ sung "
            "loại này, hoặc chọn một loại có sẵn, trước khi công bố",
        )
    if kind is None:
        kind = kind_from_number(number) or "cong-van"
        return kind, Todo(kind, "loại văn bản: không thấy dòng tên loại (CHỈ THỊ, QUYẾT ĐỊNH…)")
    if kind in _NOT_DIRECTIVES:
        return kind, Todo(
            kind,
            f"loại văn bản: {_NOT_DIRECTIVES[kind]}, không phải văn bản chỉ đạo; chỉ công bố khi đã quyết định "
            "đưa lên trang",
        )
    return kind, kind


_STATE_WORDS = re.compile(r"\b(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|so|bo|chinh phu|thu tuong)\b")
_PARTY_WORDS = re.compile(r"\b(?:thanh uy|tinh uy|huyen uy|quan uy|dang|ban thuong vu|ban tuyen giao|ban dan van)\b")


def system_field(
    header: Header, number: Optional[str], party: Optional[bool], signer: dict, issuer: Optional[str] = None
) -> Any:
    """party | state: from the national header, else the number's form, the body, the signer."""
    if party is None and issuer:
        words = fold_words(issuer.split("/", 1)[-1].replace("-", " "))
        party = False if _STATE_WORDS.search(words) else True if _PARTY_WORDS.search(words) else None
    if header.system:
        return header.system
    guess, how = None, ""
    if number and re.match(r"^\d+[a-zđ]?-[^/]+/", number):
        guess, how = "party", "theo dạng số, ký hiệu của văn bản Đảng"
    elif number and re.match(r"^\d+[a-zđ]?/", number):
        guess, how = "state", "theo dạng số, ký hiệu của văn bản nhà nước"
    elif party is not None:
        guess, how = ("party" if party else "state"), "theo cơ quan ban hành"
    else:
        authority = signer.get("authority") or ""
        if authority.startswith("T/M"):
            guess, how = "party", "theo khối chữ ký"
        elif authority.startswith("TM."):
            guess, how = "state", "theo khối chữ ký"
    if guess is None:
        return Todo("party", "hệ thống văn bản: không thấy tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM” hay Quốc hiệu")
    return Todo(guess, f"hệ thống văn bản (suy ra {how})")


def title_fields(header: Header) -> dict[str, Any]:
    """title, subtitle and period."""
    out: dict[str, Any] = {}
    title = header.title
    if title:  # as printed, capitals included (CONTRIBUTING: "Giữ nguyên văn")
        out["title"] = Todo(title, *header.title_todo) if header.title_todo else title
    else:
        out["title"] = Todo(PLACEHOLDER_TITLE, "không tìm thấy trích yếu; chép trích yếu từ văn bản")
    if header.subtitle:
        out["subtitle"] = header.subtitle
    period = re.search(r"giai đoạn\s+(?:từ\s+)?(?:năm\s+)?((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)", title, re.I)
    if period and int(period.group(1)) <= int(period.group(2)):
        out["period"] = {"start": int(period.group(1)), "end": int(period.group(2))}
    return out
