"""Task status against a build date, in the categories of Vietnamese task tracking.

Only a progress report can say a task was done, or still in progress after its deadline.
Without one, a passed deadline is "đã qua hạn, chưa có báo cáo kết quả", never "quá hạn".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from generator.vn.dates import numeric_date
from generator.vn.deadlines import Deadline, yearly_occurrence
from generator.corpus.model import Report

STATUS_LABELS = {
    "done-on-time": "Đã hoàn thành đúng hạn",
    "done-late": "Hoàn thành trễ hạn",
    "done": "Đã hoàn thành",
    "in-progress": "Đang thực hiện (trong hạn)",
    "overdue": "Quá hạn",
    "ongoing": "Thường xuyên",
    "overdue-no-report": "Đã qua hạn, chưa có báo cáo kết quả",
    "no-deadline": "Chưa xác định thời hạn",
}

KIND_LABELS = {
    "date": "ngày",
    "month": "tháng",
    "quarter": "quý",
    "year": "năm",
    "range": "khoảng thời gian",
    "recurring": "định kỳ",
    "ongoing": "thường xuyên",
    "none": "không có",
    "unparsed": "chưa phân tích được",
}

_FIXED = {"date", "month", "quarter", "year", "range"}


@dataclass(frozen=True)
class OrgRef:
    name: str  # as written
    org_id: Optional[str]


@dataclass(eq=False)  # identity: a task is itself; field-by-field comparison made lookups quadratic
class ResolvedTask:
    document_id: str
    number: int  # STT within its document
    id: str
    unit: str
    anchor: str  # page anchor of the task row
    text: str  # summary, or the unit's plain text
    lead: list[OrgRef]
    support: list[OrgRef]
    deadline_text: Optional[str]
    deadline: Optional[Deadline]
    reports: list[Report]
    status: str
    next_due: Optional[dt.date] = None
    section: str = ""  # the top-level unit holding the task ("II- NỘI DUNG THỰC HIỆN"), for grouping
    org_ids: set[str] = field(default_factory=set)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def _done_status(report: Report, end: Optional[dt.date]) -> str:
    if end is None:
        return "done"
    return "done-on-time" if report.date <= end else "done-late"


def status(deadline: Optional[Deadline], reports: list[Report], today: dt.date) -> str:
    latest = max(reports, key=lambda r: r.date) if reports else None
    done = latest if latest and latest.status == "done" else None
    kind = deadline.kind if deadline else "none"
    end = deadline.end if deadline else None
    if kind in ("none", "unparsed"):
        return "done" if done else "no-deadline"
    if kind in ("ongoing", "recurring") and (end is None or today <= end):
        return "ongoing"
    if done:
        return _done_status(done, end)
    if end is None:  # a fixed kind always has an end; be safe
        return "no-deadline"
    if today <= end:
        return "in-progress"
    if latest and latest.status == "in-progress" and latest.date > end:
        return "overdue"
    return "overdue-no-report"


def next_due(deadline: Optional[Deadline], today: dt.date) -> Optional[dt.date]:
    """The next day a deadline falls due on or after today, when the text says one."""
    if deadline is None:
        return None
    if deadline.kind in _FIXED:
        return deadline.end if deadline.end and deadline.end >= today else None
    if deadline.kind == "recurring":
        candidates = [next_due(part, today) for part in deadline.parts] if deadline.parts else []
        if deadline.rrule:
            for year in (today.year, today.year + 1):
                occurrence = yearly_occurrence(deadline.rrule, year)
                if (
                    occurrence
                    and occurrence >= today
                    and (not deadline.start or occurrence >= deadline.start)
                    and (not deadline.end or occurrence <= deadline.end)
                ):
                    candidates.append(occurrence)
                    break
        dates = [d for d in candidates if d]
        return min(dates) if dates else None
    return None


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _day(date: dt.date) -> str:
    return numeric_date(date)


def _rule_label(rrule: str) -> str:
    parts = dict(p.split("=", 1) for p in rrule.split(";"))
    freq, interval = parts.get("FREQ"), int(parts.get("INTERVAL", "1"))
    if freq == "YEARLY":
        base = "hằng năm" if interval == 1 else f"{interval} năm một lần"
        if "BYMONTH" in parts and "BYMONTHDAY" in parts:
            day = int(parts["BYMONTHDAY"])
            when = "ngày cuối tháng" if day == -1 else f"ngày {day:02d}"
            return f"{base}, hạn {when} tháng {int(parts['BYMONTH'])}"
        return base
    if freq == "MONTHLY":
        if interval == 1:
            return "hằng tháng"
        return "hằng quý" if interval == 3 else f"định kỳ {interval} tháng"
    return {"WEEKLY": "hằng tuần", "DAILY": "hằng ngày"}.get(freq, rrule)


def deadline_label(deadline: Optional[Deadline]) -> str:
    """The parse in plain Vietnamese, shown beside the deadline as written."""
    if deadline is None or deadline.kind == "none":
        return "không có thời hạn"
    kind, start, end = deadline.kind, deadline.start, deadline.end
    if kind == "unparsed":
        return "chưa phân tích được"
    if kind == "date":
        return f"hạn cuối {_day(end)}"
    if kind == "month":
        return f"trong tháng {end.month}/{end.year} (hạn cuối {_day(end)})"
    if kind == "quarter":
        return f"quý {_ROMAN[(end.month - 1) // 3 + 1]}/{end.year} (hạn cuối {_day(end)})"
    if kind == "year":
        return f"năm {end.year} (hạn cuối {_day(end)})"
    if kind == "range":
        return f"từ {_day(start)} đến {_day(end)}" if start else f"đến {_day(end)}"
    span = ""
    if start and end:
        span = (
            f" ({start.year}–{end.year})"
            if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
            else f" (từ {_day(start)} đến {_day(end)})"
        )
    elif start:
        span = f" (từ {_day(start)})"
    elif end:
        span = f" (đến {_day(end)})"
    if kind == "ongoing":
        return "thường xuyên" + span
    if deadline.parts:
        return "; ".join(deadline_label(p) for p in deadline.parts) + span
    return (_rule_label(deadline.rrule) if deadline.rrule else "định kỳ") + span
