"""Task status against a build date, in the categories of Vietnamese task tracking.

Only a progress report can say a task was done, or still in progress after its deadline.
The rules, in order (tests/test_tasks.py and tests/unit/link/test_status.py pin them down):

* no deadline in the text: done when a report says so, else "no deadline";
* a deadline the parser cannot date ("trước kỳ họp thường kỳ…"): done when a report says so,
  else "no date" (the page shows the text as written, never the parser's note);
* a recurring or ongoing duty ("thường xuyên", "định kỳ hằng năm") runs until the end of its
  own span, or else until the end of the document's period ("giai đoạn 2021-2025"); while it
  runs it is "ongoing"; once its span has ended it is done only by a report, and otherwise
  "period ended, no report": neutral, never overdue;
* a dated deadline: done on time or late by the report's date; "not yet due" until it passes;
  after it, "overdue" only when a report after the deadline says the work is still in
  progress, else "deadline passed, no report" (the only status that may look overdue, and it
  still says "chưa có báo cáo", not "quá hạn").

The Vietnamese words for each status are presentation: generator/publish/labels.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Optional

from generator.corpus.model import Report, Role
from generator.vn.deadlines import Deadline, DeadlineKind, yearly_occurrence


class Status(StrEnum):
    """A task's status on the build date (the order is the order filters list them in)."""

    DONE_ON_TIME = "done-on-time"
    DONE_LATE = "done-late"
    DONE = "done"  # reported done; no deadline to compare with
    IN_PROGRESS = "in-progress"  # the deadline has not passed (no report claims progress)
    OVERDUE = "overdue"  # a report after the deadline says it is still in progress
    ONGOING = "ongoing"  # an ongoing or recurring duty still running
    PERIOD_ENDED = "period-ended"  # an ongoing or recurring duty whose span ended; no report
    OVERDUE_NO_REPORT = "overdue-no-report"  # a dated deadline passed and no report says anything
    NO_DATE = "no-date"  # the text names a deadline the parser cannot date
    NO_DEADLINE = "no-deadline"


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
    status: Status
    next_due: Optional[dt.date] = None
    section: str = ""  # the top-level unit holding the task ("II- NỘI DUNG THỰC HIỆN"), for grouping
    runs: Optional[tuple[Optional[dt.date], dt.date]] = None  # a recurring or ongoing duty's span, when known
    org_ids: set[str] = field(default_factory=set)

    def refs(self, role: Role) -> list[OrgRef]:
        """The organizations named for `role`, as written and as matched."""
        return self.lead if role is Role.LEAD else self.support


@dataclass
class RoleTasks:
    """The tasks an organization leads and those it supports, newest document first."""

    lead: list[ResolvedTask] = field(default_factory=list)
    support: list[ResolvedTask] = field(default_factory=list)

    def of(self, role: Role) -> list[ResolvedTask]:
        return self.lead if role is Role.LEAD else self.support

    def all(self) -> list[ResolvedTask]:
        """Every task of the organization once: those it leads, then those it only supports."""
        leads = set(map(id, self.lead))
        return self.lead + [t for t in self.support if id(t) not in leads]


def _done_status(report: Report, end: Optional[dt.date]) -> Status:
    if end is None:
        return Status.DONE
    return Status.DONE_ON_TIME if report.date <= end else Status.DONE_LATE


def duty_end(deadline: Optional[Deadline], period_end: Optional[dt.date]) -> Optional[dt.date]:
    """The last day a deadline runs to: its own end, or for a recurring or ongoing duty without
    one, the end of the document's period."""
    if deadline is None:
        return None
    if deadline.end is None and deadline.kind in (DeadlineKind.ONGOING, DeadlineKind.RECURRING):
        return period_end
    return deadline.end


def duty_span(
    deadline: Optional[Deadline], period: Optional[tuple[int, int]]
) -> Optional[tuple[Optional[dt.date], dt.date]]:
    """(first day or None, last day) a recurring or ongoing duty runs over: its own span, or the
    document's period (years) when it names none; None when neither is known."""
    if deadline is None or deadline.kind not in (DeadlineKind.ONGOING, DeadlineKind.RECURRING):
        return None
    if deadline.end is not None:
        return deadline.start, deadline.end
    if period is None:
        return None
    return deadline.start or dt.date(period[0], 1, 1), dt.date(period[1], 12, 31)


def status(
    deadline: Optional[Deadline], reports: list[Report], today: dt.date, period_end: Optional[dt.date] = None
) -> Status:
    """The status on `today`; `period_end` is the last day of the document's period, if it names one."""
    latest = max(reports, key=lambda r: r.date) if reports else None
    done = latest if latest and latest.status == "done" else None
    kind = deadline.kind if deadline else DeadlineKind.NONE
    end = duty_end(deadline, period_end)
    if kind is DeadlineKind.NONE:
        return Status.DONE if done else Status.NO_DEADLINE
    if kind is DeadlineKind.UNPARSED:
        return Status.DONE if done else Status.NO_DATE
    if kind in (DeadlineKind.ONGOING, DeadlineKind.RECURRING):
        if end is None or today <= end:
            return Status.ONGOING
        if done:
            return Status.DONE
        if latest and latest.status == "in-progress" and latest.date > end:
            return Status.OVERDUE
        return Status.PERIOD_ENDED
    if done:
        return _done_status(done, end)
    if end is None:  # a fixed kind always has an end; be safe
        return Status.NO_DEADLINE
    if today <= end:
        return Status.IN_PROGRESS
    if latest and latest.status == "in-progress" and latest.date > end:
        return Status.OVERDUE
    return Status.OVERDUE_NO_REPORT


def next_due(deadline: Optional[Deadline], today: dt.date, period_end: Optional[dt.date] = None) -> Optional[dt.date]:
    """The next day a deadline falls due on or after today, when the text says one; a recurring
    duty without an end of its own stops at the end of the document's period."""
    if deadline is None:
        return None
    if period_end and deadline.end is None and deadline.kind is DeadlineKind.RECURRING:
        found = next_due(deadline, today)
        return found if found and found <= period_end else None
    if deadline.fixed:
        return deadline.end if deadline.end and deadline.end >= today else None
    if deadline.kind is DeadlineKind.RECURRING:
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
