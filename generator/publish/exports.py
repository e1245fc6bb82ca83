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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Optional

import icalendar
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.publish import urls
from generator.vn.deadlines import Deadline
from generator.link.resolve import Resolved
from generator.link.tasks import ResolvedTask
from generator.publish.labels import deadline_label, document_label, status_label

PRODID = "-//Van ban chi dao cong khai//Open Directives//VI"
FEED_ENTRIES = 100  # the newest documents in the Atom feed (a feed is what is new, not the archive)


# --- the files of the whole corpus, in parts ----------------------------------------------


@dataclass(frozen=True)
class WholeFile:
    """An open-data file of the whole corpus: a head, one part per item (a document; for
    documents.json also a catalog entry) in the corpus' order, and a tail. A part shows its
    item alone, so a build with a cache renders again only the parts of the items an edit
    touched and joins them with the others (generator/build/pages.py): at 10,000 documents,
    the calendar of every deadline took 4.6 s whole."""

    head: Callable[[Resolved, str], str]  # (resolved, site URL)
    items: Callable[[Resolved], list[str]]
    part: Callable[[Resolved, Any, str, str], str]  # (resolved, views, site URL, item)
    separator: str
    tail: str

    def chunks(
        self, resolved: Resolved, views: Any, site_url: str, parts: Optional[Iterable[str]] = None
    ) -> Iterator[str]:
        """The file piece by piece (written as it comes: the whole file is never in memory),
        from `parts` (one per item, in order) or from each item now."""
        if parts is None:
            parts = (self.part(resolved, views, site_url, item) for item in self.items(resolved))
        yield self.head(resolved, site_url)
        first = True
        for part in parts:
            if part:
                if not first:
                    yield self.separator
                first = False
                yield part
        yield self.tail

    def text(self, resolved: Resolved, views: Any, site_url: str) -> str:
        return "".join(self.chunks(resolved, views, site_url))


def _json_head(key: str) -> Callable[[Resolved, str], str]:
    """{"build_date": …, key: [records]} with one record per line and no indentation (at
    10,000 documents, indentation was a third of tasks.json)."""
    return lambda resolved, _site_url: f'{{"build_date":"{resolved.build_date.isoformat()}","{key}":[\n'


def _json_lines(records: Iterable[dict]) -> str:
    return ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)


def _documents(resolved: Resolved) -> list[str]:
    return resolved.newest_first


def _tasks_of(resolved: Resolved, doc_id: str) -> list[ResolvedTask]:
    return resolved.tasks_by_doc.get(doc_id, [])


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


TASKS_JSON = WholeFile(
    _json_head("tasks"),
    _documents,
    lambda resolved, _views, _url, doc_id: _json_lines(_task_record(t, resolved) for t in _tasks_of(resolved, doc_id)),
    ",\n",
    "\n]}\n",
)


def tasks_json(resolved: Resolved) -> str:
    return TASKS_JSON.text(resolved, None, "")


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


_CSV_HEADER = [
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


def _csv_rows(rows: Iterable[Iterable]) -> str:
    out = io.StringIO()
    writer = _SafeWriter(out)
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def _csv_row(task: ResolvedTask, resolved: Resolved) -> list:
    return [
        document_label(resolved, task.document_id),
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


# UTF-8 with a byte-order mark so Excel opens Vietnamese text correctly.
TASKS_CSV = WholeFile(
    lambda _resolved, _url: "\ufeff" + _csv_rows([_CSV_HEADER]),
    _documents,
    lambda resolved, _views, _url, doc_id: _csv_rows(_csv_row(t, resolved) for t in _tasks_of(resolved, doc_id)),
    "",
    "",
)


def tasks_csv(resolved: Resolved) -> str:
    return TASKS_CSV.text(resolved, None, "")


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


_END_CALENDAR = "END:VCALENDAR\r\n"


def _calendar_head(name: str) -> str:
    """A calendar's lines before its events (the library writes the events of a calendar as
    it writes each event alone: the head, the events and the end are the same bytes)."""
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _ical_text(name))
    text = cal.to_ical().decode("utf-8")
    assert text.endswith(_END_CALENDAR)
    return text[: -len(_END_CALENDAR)]


def _calendar_events(tasks: Iterable[ResolvedTask], resolved: Resolved, site_url: str) -> str:
    return "".join(event.to_ical().decode("utf-8") for t in tasks for event in _events(t, resolved, site_url))


def calendar(tasks: Iterable[ResolvedTask], resolved: Resolved, name: str, site_url: str) -> str:
    return _calendar_head(name) + _calendar_events(tasks, resolved, site_url) + _END_CALENDAR


def organization_calendar(resolved: Resolved, org_id: str, site_url: str) -> str:
    """The deadlines of the tasks an organisation leads or supports (api/ics/<id>.ics)."""
    name = resolved.corpus.organizations[org_id].name
    return calendar(resolved.tasks_by_org[org_id].all(), resolved, f"Thời hạn: {name}", site_url)


DEADLINES_CALENDAR = WholeFile(
    lambda _resolved, _url: _calendar_head("Thời hạn nhiệm vụ"),
    _documents,
    lambda resolved, _views, url, doc_id: _calendar_events(_tasks_of(resolved, doc_id), resolved, url),
    "",
    _END_CALENDAR,
)


def deadlines_calendar(resolved: Resolved, site_url: str) -> str:
    return DEADLINES_CALENDAR.text(resolved, None, site_url)


# --- documents.json and the Atom feed ---------------------------------------------------


def _document_record(resolved: Resolved, views: Any, target: str) -> dict:
    refs = resolved.refs
    corpus = resolved.corpus
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
    return record


DOCUMENTS_JSON = WholeFile(
    _json_head("documents"),
    lambda resolved: resolved.newest_first + sorted(resolved.corpus.catalog),  # documents, then the catalog
    lambda resolved, views, _url, target: _json_lines([_document_record(resolved, views, target)]),
    ",\n",
    "\n]}\n",
)


def documents_json(resolved: Resolved, views: Any) -> str:
    return DOCUMENTS_JSON.text(resolved, views, "")


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


def atom_feed(resolved: Resolved, site_url: str) -> str:
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
    for doc_id in ordered[:FEED_ENTRIES]:
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
