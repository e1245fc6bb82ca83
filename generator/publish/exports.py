"""Open-data exports of the resolved corpus: tasks as JSON and CSV, deadlines as iCalendar.

Output is deterministic (sorted, timestamps from the build date) so two builds of one
commit give identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Iterable, Optional

from generator.publish import urls
from generator.vn.deadlines import Deadline
from generator.link.resolve import Resolved
from generator.link.tasks import ResolvedTask
from generator.publish.labels import deadline_label

PRODID = "-//Van ban chi dao cong khai//Open Directives//VI"


def _task_record(task: ResolvedTask, resolved: Resolved) -> dict:
    document = resolved.corpus.documents[task.document_id]
    deadline = task.deadline.to_json() if task.deadline else None
    return {
        "id": f"{task.document_id}#{task.id}",
        "document": task.document_id,
        "document_label": document.label(),
        "url": urls.document(task.document_id) + "#" + task.unit,
        "number": task.number,
        "text": task.text,
        "lead": [{"name": r.name, "organization": r.org_id} for r in task.lead],
        "support": [{"name": r.name, "organization": r.org_id} for r in task.support],
        "deadline_text": task.deadline_text,
        "deadline": deadline,
        "status": task.status,
        "status_label": task.status_label,
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


def tasks_csv(resolved: Resolved) -> str:
    """UTF-8 with a byte-order mark so Excel opens Vietnamese text correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
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
                document.label(),
                task.number,
                task.text,
                "; ".join(r.name for r in task.lead),
                "; ".join(r.name for r in task.support),
                task.deadline_text or "",
                deadline_label(task.deadline) if task.deadline_text else "",
                task.deadline.end.isoformat() if task.deadline and task.deadline.end else "",
                task.status_label,
                urls.document(task.document_id) + "#" + task.unit,
            ]
        )
    return "\ufeff" + out.getvalue()


# --- iCalendar (RFC 5545) ---------------------------------------------------------------


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _first_occurrence(deadline: Deadline, not_before: dt.date) -> Optional[dt.date]:
    """DTSTART of a yearly rule: its first day on or after `not_before`."""
    from generator.vn.deadlines import yearly_occurrence as _yearly_occurrence

    for year in range(not_before.year, not_before.year + 2):
        day = _yearly_occurrence(deadline.rrule or "", year)
        if day and day >= not_before:
            return day
    return None


def _events(task: ResolvedTask, resolved: Resolved, site_url: str) -> Iterable[list[str]]:
    document = resolved.corpus.documents[task.document_id]
    deadline = task.deadline
    if deadline is None:
        return
    pieces = deadline.parts or (deadline,)
    anchor_day = document.date.value or document.date.not_before or resolved.build_date
    for index, piece in enumerate(pieces):
        lines: list[str] = []
        if piece.kind in ("date", "month", "quarter", "year", "range") and piece.end:
            start = piece.end
        elif piece.kind == "recurring" and piece.rrule and "BYMONTHDAY" in piece.rrule:
            start = _first_occurrence(piece, max(anchor_day, piece.start or anchor_day))
            if start is None:
                continue
            rule = piece.rrule + (f";UNTIL={piece.end.strftime('%Y%m%d')}" if piece.end else "")
            lines.append(f"RRULE:{rule}")
        else:
            continue  # ongoing or undated: nothing to put on a calendar
        leads = ", ".join(r.name for r in task.lead) or "không nêu"
        summary = f"Hạn: {document.label()} – nhiệm vụ {task.number} ({leads})"
        description = (
            f"{task.text}\nThời hạn: {task.deadline_text}\nChủ trì: {leads}\n"
            f"Phối hợp: {', '.join(r.name for r in task.support) or 'không nêu'}"
        )
        url = site_url + urls.document(task.document_id) + "#" + task.unit
        yield [
            "BEGIN:VEVENT",
            f"UID:{task.document_id.replace('/', '.')}.{task.id}.{index}@van-ban-chi-dao",
            f"DTSTAMP:{resolved.build_date.strftime('%Y%m%d')}T000000Z",
            f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(start + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            *lines,
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(description)}",
            f"URL:{url}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]


def calendar(tasks: Iterable[ResolvedTask], resolved: Resolved, name: str, site_url: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for task in tasks:
        for event in _events(task, resolved, site_url):
            lines.extend(event)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def exports(resolved: Resolved, site_url: str) -> dict[str, str]:
    files = {
        "api/tasks.json": tasks_json(resolved),
        "api/tasks.csv": tasks_csv(resolved),
        "api/deadlines.ics": calendar(resolved.tasks, resolved, "Thời hạn nhiệm vụ", site_url),
    }
    for org_id, roles in sorted(resolved.tasks_by_org.items()):
        leads = set(map(id, roles["lead"]))
        mine = roles["lead"] + [t for t in roles["support"] if id(t) not in leads]
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


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _atom(resolved: Resolved, site_url: str) -> str:
    corpus = resolved.corpus
    base = site_url.rstrip("/") + "/" if site_url else "/"

    def stamp(document) -> str:
        day = document.date.value or document.date.not_before or resolved.build_date
        return f"{day.isoformat()}T00:00:00Z"

    ordered = resolved.newest_first
    updated = max((stamp(corpus.documents[d]) for d in ordered), default=f"{resolved.build_date}T00:00:00Z")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
        "<title>Văn bản chỉ đạo công khai</title>",
        f'<link rel="alternate" type="text/html" href="{_xml(base)}"/>',
        f'<link rel="self" type="application/atom+xml" href="{_xml(base)}feed.xml"/>',
        f"<id>{_xml(base)}</id>",
        f"<updated>{updated}</updated>",
        "<author><name>Văn bản chỉ đạo công khai</name></author>",
    ]
    for doc_id in ordered:
        document = corpus.documents[doc_id]
        issuer = corpus.organizations[document.issuer].name
        when = (
            f"ngày {document.date.value.day:02d}/{document.date.value.month}/{document.date.value.year}"
            if document.date.known
            else "ngày ban hành không rõ"
        )
        link = base + urls.document(doc_id)
        lines += [
            "<entry>",
            f"<title>{_xml(document.label())} – {_xml(document.title.plain)}</title>",
            f'<link rel="alternate" type="text/html" href="{_xml(link)}"/>',
            f"<id>{_xml(link)}</id>",
            f"<updated>{stamp(document)}</updated>",
            f"<summary>{_xml(f'{document.kind_name} của {issuer}, {when}: {document.title.plain}')}</summary>",
            f'<category term="{_xml(document.kind)}" label="{_xml(document.kind_name)}"/>',
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def open_data(resolved: Resolved, views, site_url: str) -> dict[str, str]:
    return {"api/documents.json": _documents_json(resolved, views), "feed.xml": _atom(resolved, site_url)}
