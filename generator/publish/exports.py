"""Open-data exports of the resolved corpus: tasks as JSON and CSV, deadlines as iCalendar,
documents as JSON and an Atom feed.

Every format is written for its own syntax: CSV cells that a spreadsheet would run as a
formula are neutralised (OWASP: a leading ' before = + - @ tab CR); the calendars go through
the icalendar library (escaping, folding, CR/LF); the feed is XML from a Jinja template with
XML escaping, and characters XML 1.0 forbids are dropped. Output is deterministic (sorted,
timestamps from the build date) so two builds of one commit give identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from functools import lru_cache
from typing import Iterable, Optional

import icalendar
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.publish import urls
from generator.vn.deadlines import Deadline
from generator.link.resolve import Resolved
from generator.link.tasks import ResolvedTask
from generator.publish.labels import deadline_label, document_label, status_label

PRODID = "-//Van ban chi dao cong khai//Open Directives//VI"


def _task_record(task: ResolvedTask, resolved: Resolved) -> dict:
    document = resolved.corpus.documents[task.document_id]
    deadline = task.deadline.to_json() if task.deadline else None
    return {
        "id": f"{task.document_id}#{task.id}",
        "document": task.document_id,
        "document_label": document_label(resolved, document.id),
        "url": urls.document(task.document_id) + "#" + task.unit,
        "number": task.number,
        "text": task.text,
        "lead": [{"name": r.name, "organization": r.org_id} for r in task.lead],
        "support": [{"name": r.name, "organization": r.org_id} for r in task.support],
        "deadline_text": task.deadline_text,
        "deadline": deadline,
        "status": task.status,
        "status_label": status_label(task.status, task.runs),
        "reports": [
            {"date": r.date.isoformat(), "status": r.status, "note": r.note, "link": r.link} for r in task.reports
        ],
    }


def tasks_json(resolved: Resolved) -> str:
    records = [_task_record(t, resolved) for t in resolved.tasks]
    return (
        json.dumps({"build_date": resolved.build_date.isoformat(), "tasks": records}, ensure_ascii=False, indent=1)
        + "\n"
    )


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: one that starts like a formula gets a leading '."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


class _SafeWriter:
    """csv.writer whose every cell goes through csv_cell (every CSV this site writes)."""

    def __init__(self, out: io.StringIO):
        self._writer = csv.writer(out, lineterminator="\r\n")

    def writerow(self, row: Iterable) -> None:
        self._writer.writerow([csv_cell(cell) for cell in row])


def tasks_csv(resolved: Resolved) -> str:
    """UTF-8 with a byte-order mark so Excel opens Vietnamese text correctly."""
    out = io.StringIO()
    writer = _SafeWriter(out)
    writer.writerow(
        [
            "Văn bản",
            "STT",
            "Nhiệm vụ",
            "Chủ trì",
            "Phối hợp",
            "Thời hạn (nguyên văn)",
            "Thời hạn (chuẩn hóa)",
            "Hạn cuối",
            "Trạng thái",
            "Đường dẫn",
        ]
    )
    for task in resolved.tasks:
        document = resolved.corpus.documents[task.document_id]
        writer.writerow(
            [
                document_label(resolved, document.id),
                task.number,
                task.text,
                "; ".join(r.name for r in task.lead),
                "; ".join(r.name for r in task.support),
                task.deadline_text or "",
                deadline_label(task.deadline) if task.deadline_text else "",
                task.deadline.end.isoformat() if task.deadline and task.deadline.end else "",
                status_label(task.status, task.runs),
                urls.document(task.document_id) + "#" + task.unit,
            ]
        )
    return "\ufeff" + out.getvalue()


# --- iCalendar (RFC 5545), through the icalendar library -------------------------------


def _ical_text(text: str) -> str:
    # icalendar escapes CR/LF as \n; a literal "\N" would become a line break, so keep it text.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\\N", "\\ N")


def _first_occurrence(deadline: Deadline, not_before: dt.date) -> Optional[dt.date]:
    """DTSTART of a yearly rule: its first day on or after `not_before`."""
    from generator.vn.deadlines import yearly_occurrence as _yearly_occurrence

    for year in range(not_before.year, not_before.year + 2):
        day = _yearly_occurrence(deadline.rrule or "", year)
        if day and day >= not_before:
            return day
    return None


def _events(task: ResolvedTask, resolved: Resolved, site_url: str) -> Iterable[icalendar.Event]:
    document = resolved.corpus.documents[task.document_id]
    deadline = task.deadline
    if deadline is None:
        return
    pieces = deadline.parts or (deadline,)
    anchor_day = document.date.value or document.date.not_before or resolved.build_date
    stamp = dt.datetime(*resolved.build_date.timetuple()[:3], tzinfo=dt.timezone.utc)
    for index, piece in enumerate(pieces):
        rule = None
        start: Optional[dt.date] = None
        if piece.kind in ("date", "month", "quarter", "year", "range") and piece.end:
            start = piece.end
        elif piece.kind == "recurring" and piece.rrule and "BYMONTHDAY" in piece.rrule:
            start = _first_occurrence(piece, max(anchor_day, piece.start or anchor_day))
            if start is None:
                continue
            until = piece.end or (task.runs[1] if task.runs else None)  # or the document's period
            rule = piece.rrule + (f";UNTIL={until.strftime('%Y%m%d')}" if until else "")
        else:
            continue  # ongoing or undated: nothing to put on a calendar
        leads = ", ".join(r.name for r in task.lead) or "không nêu"
        event = icalendar.Event()
        event.add("uid", f"{task.document_id.replace('/', '.')}.{task.id}.{index}@van-ban-chi-dao")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=1))
        if rule:
            event.add("rrule", icalendar.vRecur.from_ical(rule))
        event.add(
            "summary", _ical_text(f"Hạn: {document_label(resolved, document.id)} – nhiệm vụ {task.number} ({leads})")
        )
        event.add(
            "description",
            _ical_text(
                f"{task.text}\nThời hạn: {task.deadline_text}\nChủ trì: {leads}\n"
                f"Phối hợp: {', '.join(r.name for r in task.support) or 'không nêu'}"
            ),
        )
        event.add("url", site_url + urls.document(task.document_id) + "#" + task.unit)
        event.add("transp", "TRANSPARENT")
        yield event


def calendar(tasks: Iterable[ResolvedTask], resolved: Resolved, name: str, site_url: str) -> str:
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _ical_text(name))
    for task in tasks:
        for event in _events(task, resolved, site_url):
            cal.add_component(event)
    return cal.to_ical().decode("utf-8")


def exports(resolved: Resolved, site_url: str) -> dict[str, str]:
    files = {
        "api/tasks.json": tasks_json(resolved),
        "api/tasks.csv": tasks_csv(resolved),
        "api/deadlines.ics": calendar(resolved.tasks, resolved, "Thời hạn nhiệm vụ", site_url),
    }
    for org_id, roles in sorted(resolved.tasks_by_org.items()):
        mine = roles.all()
        name = resolved.corpus.organizations[org_id].name
        files[f"api/ics/{org_id}.ics"] = calendar(mine, resolved, f"Thời hạn: {name}", site_url)
    return files


# --- documents.json and the Atom feed ---------------------------------------------------


def _documents_json(resolved: Resolved, views) -> str:
    refs = resolved.refs
    corpus = resolved.corpus
    records = []
    for target in resolved.newest_first + sorted(corpus.catalog):
        document = corpus.documents.get(target)
        date, precision = views.target_date(target)
        if document is not None:
            record = {
                "id": target,
                "url": urls.document(target),
                "published": True,
                "kind": document.kind,
                "number": document.number.value if document.number else None,
                "date": date.isoformat() if date else None,
                "date_precision": precision,
                "issuer": corpus.organizations[document.issuer].name,
                "issuer_id": document.issuer,
                "title": document.title.plain,
            }
        else:
            entry = corpus.catalog[target]
            record = {
                "id": target,
                "url": urls.reference(target),
                "published": False,
                "kind": entry.kind,
                "number": entry.number,
                "date": date.isoformat() if date else None,
                "date_precision": precision,
                "issuer": entry.issuer,
                "issuer_id": None,
                "title": entry.title,
            }
        record["cites"] = refs.cites.get(target, [])
        record["cited_by"] = views.citing_documents(target)
        record["relations"] = [{"type": r.type, "target": r.target, "stated": r.stated} for r in refs.outgoing(target)]
        record["related_by"] = [{"type": r.type, "source": r.source, "stated": r.stated} for r in refs.incoming(target)]
        records.append(record)
    return (
        json.dumps({"build_date": resolved.build_date.isoformat(), "documents": records}, ensure_ascii=False, indent=1)
        + "\n"
    )


# Characters XML 1.0 cannot hold (C0 controls but tab/LF/CR, U+FFFE, U+FFFF, surrogates):
# the loader refuses them in the data; the feed drops any that still reach it.
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value) -> str:
    return _NOT_XML.sub("", str(value))


@lru_cache(maxsize=1)
def _xml_templates() -> Environment:
    from generator.publish.render import TEMPLATE_DIR

    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,  # & < > " ' as character references: valid XML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=xml_text,
    )
    return env


def _atom(resolved: Resolved, site_url: str) -> str:
    corpus = resolved.corpus
    base = site_url.rstrip("/") + "/" if site_url else "/"

    def stamp(document) -> str:
        day = document.date.value or document.date.not_before or resolved.build_date
        return f"{day.isoformat()}T00:00:00Z"

    # A feed lists entries by their <updated> stamp (an undated document's is the day it was
    # issued after); pages list undated documents last instead.
    ordered = sorted(resolved.newest_first, key=lambda d: stamp(corpus.documents[d]), reverse=True)
    updated = max((stamp(corpus.documents[d]) for d in ordered), default=f"{resolved.build_date}T00:00:00Z")
    entries = []
    for doc_id in ordered:
        document = corpus.documents[doc_id]
        issuer = corpus.organizations[document.issuer].name
        issued = document.date.issued
        when = issued.long() if issued else "ngày ban hành không rõ"
        entries.append(
            {
                "title": f"{document_label(resolved, doc_id)} – {document.title.plain}",
                "link": base + urls.document(doc_id),
                "updated": stamp(document),
                "summary": f"{document.kind_name} của {issuer}, {when}: {document.title.plain}",
                "term": document.kind,
                "label": document.kind_name,
            }
        )
    return _xml_templates().get_template("feed.xml.j2").render(base=base, updated=updated, entries=entries)


def open_data(resolved: Resolved, views, site_url: str) -> dict[str, str]:
    return {"api/documents.json": _documents_json(resolved, views), "feed.xml": _atom(resolved, site_url)}
