"""The end of a document: the signer block ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ
TỊCH" / name), the recipients ("Nơi nhận:"), and footnotes with the markers that point to them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from generator.importer.header import join_lines
from generator.importer.lines import LOST_MARK, Line, balance_emphasis, is_caps
from generator.vn.text import fold_words

__all__ = [
    "AUTHORITY",
    "RECIPIENTS",
    "Trailer",
    "count_markers",
    "is_footnote_start",
    "is_trailer_start",
    "parse_footnotes",
    "parse_trailer",
    "replace_markers",
]


# An authority line a layout cut inside the body's name ("TM. ỦY BAN NHÂN" / "DÂN").
_UNFINISHED = re.compile(r"(?:uy ban nhan|uy ban|hoi dong nhan|hoi dong|ban thuong|ban chap|ban chap hanh)$")


def _plain(text: str) -> str:
    """Without emphasis markers around it ("*Nơi nhận:*", "**KT. CHỦ TỊCH**")."""
    return balance_emphasis(text).strip("*_ ").strip()


# --- the signer block and recipients ---------------------------------------------------------

RECIPIENTS = re.compile(r"^(?:Nơi nhận|NƠI NHẬN|Nơi gửi)\s*:?\s*(?P<rest>.*)$")
AUTHORITY = re.compile(r"^(?:T/M|TM\.|TM|T\.M\.|KT\.|KT|K/T|TL\.|TL|TUQ\.|TUQ|Q\.|THỪA LỆNH|THAY MẶT|KÝ THAY)\s+\S")


def is_trailer_start(text: str) -> bool:
    text = _plain(text)
    return bool(RECIPIENTS.match(text) or (AUTHORITY.match(text) and is_caps(text)))


_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]*){1,5}$")
_NOTE = re.compile(r"\s*\((?P<note>[^()]{1,40})\)\s*[,;.]?\s*$")
_NOTE_WORDS = re.compile(r"để|b/c|báo cáo|t/h|thực hiện|biết|chỉ đạo|phối hợp|p/h|đ/b|b/cáo|theo dõi", re.IGNORECASE)


@dataclass
class Trailer:
    signer: dict = field(default_factory=dict)
    recipients: list[dict] = field(default_factory=list)
    recipients_note: Optional[str] = None
    unknown: list[Line] = field(default_factory=list)


def _recipient(text: str) -> dict:
    name, note = text, None
    m = _NOTE.search(text)
    if m and _NOTE_WORDS.search(m.group("note")) and m.start() > 0:
        name, note = text[: m.start()], m.group("note").strip()
    name = name.strip().rstrip(",;.").strip()
    return {"name": name, **({"note": note} if note else {})}


def parse_trailer(lines: list[Line]) -> Trailer:
    trailer = Trailer()
    mode = None
    pending: list[str] = []  # the lines of the current recipient

    def flush():
        if pending:
            trailer.recipients.append(_recipient(join_lines(pending)))
            pending.clear()

    authority: list[str] = []
    for line in lines:
        text = _plain(line.text)
        m = RECIPIENTS.match(text)
        if m:
            flush()
            mode = "recipients"
            if m.group("rest"):
                pending.append(m.group("rest").lstrip("-–• ").strip())
            continue
        if AUTHORITY.match(text) and is_caps(text):
            flush()
            mode = "signer"
            authority.append(text)
            continue
        if authority and _UNFINISHED.search(fold_words(authority[-1])) and text.isupper() and len(text.split()) <= 2:
            authority[-1] = f"{authority[-1]} {text}"  # "TM. ỦY BAN NHÂN" / "DÂN"
            continue
        dash = re.match(r"^[-–—•+]\s*(.+)$", text)
        if dash:
            flush()
            mode = "recipients"
            pending.append(dash.group(1))
            continue
        if mode == "recipients" and re.match(r"^\(.*\)\.?$", text):
            flush()
            trailer.recipients_note = text
            continue
        if (
            mode == "recipients"
            and pending
            and not is_caps(text)
            and not _NAME.match(text)
            and not pending[-1].rstrip().endswith(".")  # "- Lưu: VT, NC." ends the list
            and len(" ".join(pending)) < 300
        ):
            pending.append(text)  # a recipient wrapped over two lines
            continue
        if is_caps(text) and "position" not in trailer.signer:
            flush()
            mode = "signer"
            trailer.signer["position"] = text
            continue
        if _NAME.match(text) and "name" not in trailer.signer and (authority or "position" in trailer.signer):
            flush()
            mode = "signer"
            trailer.signer["name"] = text
            continue
        flush()
        trailer.unknown.append(line)
    flush()
    if authority:
        trailer.signer = {"authority": "\n".join(authority), **trailer.signer}
    return trailer


# --- footnotes ------------------------------------------------------------------------------

FOOTNOTE_START = re.compile(rf"^(?:\(\s*{LOST_MARK}\s*\)|{LOST_MARK}+|\[\^(?P<id>[A-Za-z0-9]+)\]:)\s*(?P<text>.*)$")


def is_footnote_start(text: str) -> bool:
    return FOOTNOTE_START.match(text) is not None


def parse_footnotes(lines: list[Line]) -> list[dict]:
    notes: list[dict] = []
    for line in lines:
        m = FOOTNOTE_START.match(line.text)
        if m:
            if not m.group("text").strip():
                continue  # a lone marker: the separator above the footnotes
            notes.append(
                {"id": m.group("id") or str(len(notes) + 1), "parts": [m.group("text").strip()], "line": line.no}
            )
        elif notes:
            notes[-1]["parts"].append(line.text)
    out = []
    for note in notes:
        text = note["parts"][0]
        for part in note["parts"][1:]:
            text += ("\n" if re.match(r"^[-–+•]", part) else " ") + part
        out.append({"id": note["id"], "text": text, "line": note["line"]})
    return out


INLINE_MARK = re.compile(rf"\(\s*{LOST_MARK}?\s*\)|{LOST_MARK}")


def count_markers(text: str) -> int:
    return len(INLINE_MARK.findall(text))


def replace_markers(text: str, next_id) -> str:
    def sub(m: re.Match) -> str:
        ref = f"[^{next_id()}]"
        return f"({ref})" if m.group().startswith("(") else ref

    return INLINE_MARK.sub(sub, text)
