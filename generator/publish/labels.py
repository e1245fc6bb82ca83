"""The site's Vietnamese words for what the generator computes, written once, as data.

Statuses of tasks and of implementation periods, the verbs of relations between documents
(a `Predicate` names a relation from each end, like Peachjam's `Predicate(verb,
reverse_verb)`), and the parse of a deadline in plain words. Dates inside labels are spelled
by the one formatter (generator/vn/dates.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from generator.link.crossrefs import RelationType
from generator.link.resolve import PeriodStatus, Resolved
from generator.link.tasks import Status
from generator.link.validity import Validity
from generator.vn.dates import PartialDate, Precision, long_day_month, numeric_date
from generator.vn.deadlines import Deadline, DeadlineKind

__all__ = [
    "CITES",
    "NO_DATA",
    "PERIOD",
    "PREDICATES",
    "STATUS",
    "VALIDITY",
    "Predicate",
    "deadline_label",
    "document_label",
    "status_label",
]

STATUS: dict[Status, str] = {
    Status.DONE_ON_TIME: "Đã hoàn thành đúng hạn",
    Status.DONE_LATE: "Hoàn thành trễ hạn",
    Status.DONE: "Đã hoàn thành",
    Status.IN_PROGRESS: "Chưa đến hạn",
    Status.OVERDUE: "Quá hạn (theo báo cáo)",
    Status.ONGOING: "Thường xuyên",
    Status.PERIOD_ENDED: "Giai đoạn đã kết thúc; chưa có báo cáo",
    Status.OVERDUE_NO_REPORT: "Đã qua hạn; chưa có báo cáo",
    Status.NO_DATE: "Thời hạn không ghi ngày cụ thể",
    Status.NO_DEADLINE: "Văn bản không nêu thời hạn",
}
# Missing data is said as such, never as "không có" (which would state a fact).
NO_DATA = "Chưa có dữ liệu"


def _years(start: Optional[dt.date], end: dt.date) -> Optional[str]:
    """ "2021–2025" when a span is whole years, else None."""
    if start and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}–{end.year}" if start.year != end.year else str(end.year)
    return None


def status_label(code: Status, runs: Optional[tuple[Optional[dt.date], dt.date]] = None) -> str:
    """The words of one task's status; a duty that runs over a span names it: "Giai đoạn
    2021–2025 đã kết thúc; chưa có báo cáo", "Thường xuyên (2021–2025)"."""
    if runs is None or code not in (Status.PERIOD_ENDED, Status.ONGOING):
        return STATUS[code]
    start, end = runs
    years = _years(start, end)
    if code is Status.ONGOING:
        return f"Thường xuyên ({years})" if years else f"Thường xuyên (đến {numeric_date(end)})"
    if years:
        return f"Giai đoạn {years} đã kết thúc; chưa có báo cáo"
    return f"Thời gian thực hiện đã kết thúc ngày {numeric_date(end)}; chưa có báo cáo"


PERIOD: dict[PeriodStatus, str] = {
    PeriodStatus.ENDED: "Giai đoạn thực hiện đã kết thúc",
    PeriodStatus.NOT_STARTED: "Chưa đến giai đoạn thực hiện",
    PeriodStatus.RUNNING: "Đang trong giai đoạn thực hiện",
}


# Whether a document is in effect (generator/link/validity.py); a day or a document follows.
VALIDITY: dict[Validity, str] = {
    Validity.IN_EFFECT: "Có hiệu lực từ",
    Validity.NOT_YET: "Chưa có hiệu lực; có hiệu lực từ",
    Validity.REPLACED: "Đã được thay thế bởi",
    Validity.REPEALED: "Đã bị bãi bỏ bởi",
}


@dataclass(frozen=True)
class Predicate:
    verb: str  # on the page of the source: "Căn cứ" <target>
    reverse_verb: str  # on the page of the target: "Là căn cứ của" <source>


PREDICATES: dict[RelationType, Predicate] = {
    RelationType.BASED_ON: Predicate("Căn cứ", "Là căn cứ của"),
    RelationType.IMPLEMENTS: Predicate("Triển khai", "Được triển khai bởi"),
    RelationType.ISSUES: Predicate("Ban hành kèm theo", "Được ban hành kèm theo"),
    RelationType.REPLACES: Predicate("Thay thế", "Bị thay thế bởi"),
    RelationType.AMENDS: Predicate("Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi"),
    RelationType.REPEALS: Predicate("Bãi bỏ", "Bị bãi bỏ bởi"),
}
CITES = Predicate("Dẫn chiếu", "Được dẫn chiếu bởi")  # a citation without a typed relation


def document_label(resolved: Resolved, doc_id: str) -> str:
    """A document's short name: "Chỉ thị 08-CT/TU"; a document without a number of its own that
    was issued with another names that one ("Đề án kèm theo Quyết định 2108-QĐ/TU"), since an
    attachment has no number; otherwise "Chỉ thị (không rõ số)". Catalog entries name themselves."""
    corpus = resolved.corpus
    document = corpus.documents.get(doc_id)
    if document is None:
        return corpus.citable(doc_id).label()
    parent = resolved.issued_with.get(doc_id)
    if document.number is None and parent is not None:
        return f"{document.kind_name} kèm theo {corpus.documents[parent].label()}"
    return document.label()


# --- a deadline in words ------------------------------------------------------------------

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _rule_label(rrule: str) -> str:
    parts = dict(p.split("=", 1) for p in rrule.split(";"))
    freq, interval = parts.get("FREQ"), int(parts.get("INTERVAL", "1"))
    if freq == "YEARLY":
        base = "hằng năm" if interval == 1 else f"{interval} năm một lần"
        if "BYMONTH" in parts and "BYMONTHDAY" in parts:
            day, month = int(parts["BYMONTHDAY"]), int(parts["BYMONTH"])
            return f"{base}, hạn {long_day_month(day, month)}"
        return base
    if freq == "MONTHLY":
        if interval == 1:
            return "hằng tháng"
        return "hằng quý" if interval == 3 else f"định kỳ {interval} tháng"
    return {"WEEKLY": "hằng tuần", "DAILY": "hằng ngày"}.get(freq or "", rrule)


def _span(start: Optional[dt.date], end: Optional[dt.date]) -> str:
    """ " (2021–2025)", " (từ 05/8/2021 đến 31/12/2025)", " (từ …)", " (đến …)" or ""."""
    if start and end:
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            return f" ({start.year}–{end.year})"
        return f" (từ {numeric_date(start)} đến {numeric_date(end)})"
    if start:
        return f" (từ {numeric_date(start)})"
    if end:
        return f" (đến {numeric_date(end)})"
    return ""


def _fixed_label(kind: DeadlineKind, start: Optional[dt.date], end: dt.date) -> str:
    last = numeric_date(end)
    if kind is DeadlineKind.DATE:
        return f"hạn cuối {last}"
    if kind is DeadlineKind.MONTH:
        return f"trong {PartialDate(end, Precision.MONTH).numeric()} (hạn cuối {last})"
    if kind is DeadlineKind.QUARTER:
        return f"quý {_ROMAN[(end.month - 1) // 3 + 1]}/{end.year} (hạn cuối {last})"
    if kind is DeadlineKind.YEAR:
        return f"{PartialDate(end, Precision.YEAR).long()} (hạn cuối {last})"
    return f"từ {numeric_date(start)} đến {last}" if start else f"đến {last}"  # a range


def deadline_label(deadline: Optional[Deadline]) -> str:
    """The parse in plain Vietnamese, shown beside the deadline as written; "" when there is
    nothing to add to the text."""
    if deadline is None or deadline.kind is DeadlineKind.NONE:
        return "không có thời hạn"
    if deadline.kind is DeadlineKind.UNPARSED:
        return ""  # the text as written says it all; the parser's note is for staff (check)
    if deadline.fixed and deadline.end is not None:
        return _fixed_label(deadline.kind, deadline.start, deadline.end)
    span = _span(deadline.start, deadline.end)
    if deadline.kind is DeadlineKind.ONGOING:
        return "thường xuyên" + span
    if deadline.parts:
        return "; ".join(deadline_label(p) for p in deadline.parts) + span
    return (_rule_label(deadline.rrule) if deadline.rrule else "định kỳ") + span
