"""Is the text a directive at all, or a news article or web page about one?

A directive prints its own header: a national header, a number line, a place and date line,
a signer. An article reports on a document in the third person ("CTTĐT - Ngày 6/8, Ban
Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17 …"), introduces it ("Nội dung Chỉ thị như
sau:", "Dưới đây là …", "Toàn văn Công văn …"), and carries a web page's furniture ("TẢI VỀ",
"(Hình ảnh từ Internet)"). A text with no header of its own and at least one such sign is
not drafted as a document that could pass `check`; `article_signs` says which signs it shows.

A site's metadata block before a real header ("Số hiệu: …", "Loại văn bản: …", "Ngày ban
hành: …") is only noted: those lines are the site's, not the document's.
"""

from __future__ import annotations

import re

from generator.importer.header import Header
from generator.importer.lines import Line

__all__ = ["article_signs", "site_metadata"]

_SIGNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:\*\*)?TẢI VỀ\b"), "liên kết tải về của trang web"),
    (re.compile(r"^(?:CTTĐT|TTXVN|VOV|PV|\(?Chinhphu\.vn\)?|Báo [A-ZĐÀ-Ỹ])\s*[-–:]"), "dòng mở đầu của tin bài (“{}”)"),
    (
        re.compile(
            r"\bNội dung (?:Chỉ thị|Quyết định|Kế hoạch|Nghị quyết|Công văn|Thông báo|văn bản)\b[^.:]{0,40}như sau\s*:"
        ),
        "câu dẫn “{}”",
    ),
    (re.compile(r"^(?:Dưới đây là|Trên đây là thông tin)\b"), "câu của người viết bài (“{}”)"),
    (
        re.compile(r"\bToàn văn (?:Công văn|Chỉ thị|Quyết định|Kế hoạch|Nghị quyết|Thông tư|Nghị định)\b"),
        "tiêu đề bài viết (“{}”)",
    ),
    (re.compile(r"\(Hình ảnh từ Internet\)|\bra sao\?\s*$"), "chú thích của trang web (“{}”)"),
    (
        re.compile(
            r"^Ngày \d{1,2}/\d{1,2}(?:/\d{4})?,\s+[^.]{3,120}?\s+(?:đã\s+)?ban hành\s+(?:Chỉ thị|Quyết định|Kế hoạch|Công văn|Nghị quyết)"
        ),
        "câu tường thuật việc ban hành (“{}”)",
    ),
)
_METADATA = re.compile(
    r"^(?:Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|Số công báo|"
    r"Lĩnh vực|Tình trạng|Ngày hết hiệu lực)\s*:"
)


def _own_header(header: Header, late: bool) -> bool:
    """The text prints a header of its own: national header, number or place-and-date line."""
    return late or header.system is not None or header.number is not None or header.date is not None


def article_signs(lines: list[Line], header: Header, late_header: bool = False, window: int = 60) -> list[str]:
    """Why the text reads as an article or a web page about a document; [] for a directive."""
    if _own_header(header, late_header):
        return []
    signs: list[str] = []
    for line in lines[:window]:
        text = line.text.strip("*_# ")
        for pattern, label in _SIGNS:
            m = pattern.search(text)
            if m:
                sign = f"dòng {line.no}: " + label.format(m.group()[:60])
                if sign not in signs:
                    signs.append(sign)
                break
    return signs


def site_metadata(lines: list[Line], limit: int = 40) -> list[Line]:
    """Lines of a site's metadata block ("Số hiệu: …", "Loại văn bản: …") near the top."""
    return [line for line in lines[:limit] if _METADATA.match(line.text)]
