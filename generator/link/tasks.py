"""Task status against a build date, in the categories of Vietnamese task tracking.

Only a progress report can say a task was done, or still in progress after its deadline.
Without one, a passed deadline is "đã qua hạn, chưa có báo cáo kết quả", never "quá hạn".
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
    IN_PROGRESS = "in-progress"  # the deadline has not passed
    OVERDUE = "overdue"  # a report after the deadline says it is still in progress
    ONGOING = "ongoing"  # an ongoing or recurring duty still running
    OVERDUE_NO_REPORT = "overdue-no-report"  # the deadline passed and no report says anything
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


def status(deadline: Optional[Deadline], reports: list[Report], today: dt.date) -> Status:
    latest = max(reports, key=lambda r: r.date) if reports else None
    done = latest if latest and latest.status == "done" else None
    kind = deadline.kind if deadline else DeadlineKind.NONE
    end = deadline.end if deadline else None
    if kind in (DeadlineKind.NONE, DeadlineKind.UNPARSED):
        return Status.DONE if done else Status.NO_DEADLINE
    if kind in (DeadlineKind.ONGOING, DeadlineKind.RECURRING) and (end is None or today <= end):
        return Status.ONGOING
    if done:
        return _done_status(done, end)
    if end is None:  # a fixed kind always has an end; be safe
        return Status.NO_DEADLINE
    if today <= end:
        return Status.IN_PROGRESS
    if latest and latest.status == "in-progress" and latest.date > end:
        return Status.OVERDUE
    return Status.OVERDUE_NO_REPORT


def next_due(deadline: Optional[Deadline], today: dt.date) -> Optional[dt.date]:
    """The next day a deadline falls due on or after today, when the text says one."""
    if deadline is None:
        return None
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
