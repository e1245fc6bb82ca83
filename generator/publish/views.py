"""Cross-reference facts the page views are built from: what a document cites and what cites
it, relation diagrams, backlink sentences and timelines, derived from the resolved corpus.
Logic lives here and in the page views; markup stays in the templates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional

from generator.publish import urls
from generator.vn.dates import PartialDate
from generator.link.crossrefs import Mention, relation_sort_key
from generator.link.resolve import Resolved
from generator.link.tasks import ResolvedTask
from generator.publish.labels import deadline_label, document_label


@dataclass
class TimelineItem:
    when: PartialDate
    kind: str  # document | catalog | deadline
    label: str
    url: Optional[str] = None
    detail: str = ""
    current: bool = False
    source: str = ""  # the document or catalog entry it comes from

    @property
    def date(self) -> dt.date:
        return self.when.value


class Views:
    def __init__(self, resolved: Resolved):
        self.resolved = resolved
        self.corpus = resolved.corpus
        self.refs = resolved.refs
        self._by_pair: dict[tuple[str, str], list[Mention]] | None = None
        self._order: dict[str, int] | None = None
        self._timeline: list[tuple[int, list[TimelineItem]]] | None = None

    def prepare(self) -> None:
        """Build the lookup tables now (before worker processes fork, so they share them)."""
        self.mentions_in("", "")
        self._newest_order()

    # --- any document, published or catalogued (the Citable protocol) ---
    def target_url(self, target: str) -> str:
        return urls.target(self.corpus.citable(target))

    def target_label(self, target: str) -> str:
        return document_label(self.resolved, target)

    def target_title(self, target: str) -> str:
        return self.corpus.citable(target).title_text

    def target_date(self, target: str) -> tuple[Optional[dt.date], str]:
        """(first day, precision) of the date of issue; (None, "unknown") when unknown."""
        issued = self.corpus.citable(target).issued
        return (issued.value, issued.precision.value) if issued else (None, "unknown")

    # --- relations and mentions ---
    def relations_of(self, doc_id: str, direction: str):
        found = self.refs.outgoing(doc_id) if direction == "out" else self.refs.incoming(doc_id)
        return sorted(found, key=lambda r: relation_sort_key(r, self.corpus))

    def diagram(self, doc_id: str, limit: int = 60) -> dict[str, Any]:
        """The relation diagram's two sides: typed relations first, then plain citations not
        already shown, each side capped (the full lists are in api/documents.json)."""
        outgoing = self.relations_of(doc_id, "out")
        incoming = self.relations_of(doc_id, "in")
        shown_out = {r.target for r in outgoing}
        shown_in = {r.source for r in incoming}
        cited = [t for t in self.refs.cites.get(doc_id, []) if t not in shown_out]
        citing = [d for d in self.citing_documents(doc_id) if d not in shown_in]
        return {
            "outgoing": outgoing[:limit],
            "cited": cited[: max(0, limit - len(outgoing))],
            "incoming": incoming[:limit],
            "citing": citing[: max(0, limit - len(incoming))],
            "more_out": max(0, len(outgoing) + len(cited) - limit),
            "more_in": max(0, len(incoming) + len(citing) - limit),
            "empty": not (outgoing or incoming or cited or citing),
        }

    def citing_documents(self, target: str) -> list[str]:
        """The documents that cite `target`, in the order of their first mention."""
        return list(dict.fromkeys(mention.document_id for mention in self.refs.cited_by.get(target, [])))

    def mentions_in(self, doc_id: str, target: str) -> list[Mention]:
        if self._by_pair is None:  # scanning cited_by per page would grow as n² for popular targets
            self._by_pair = {}
            for mentions in self.refs.cited_by.values():
                for mention in mentions:
                    self._by_pair.setdefault((mention.document_id, mention.target), []).append(mention)
        return self._by_pair.get((doc_id, target), [])

    def _newest_order(self) -> dict[str, int]:
        if self._order is None:  # built once: per page it would make the pages n²
            self._order = {doc_id: i for i, doc_id in enumerate(self.resolved.newest_first)}
        return self._order

    def grouped_mentions(self, mentions: list[Mention]) -> list[tuple[str, list[tuple[Mention, int]]]]:
        """Citing documents, newest first; in each, one entry per unit (its first mention and
        how many times the unit cites the target)."""
        groups: dict[str, dict[str, list[Mention]]] = {}
        for mention in mentions:
            groups.setdefault(mention.document_id, {}).setdefault(mention.anchor, []).append(mention)
        order = self._newest_order()
        return sorted(
            ((doc_id, [(found[0], len(found)) for found in units.values()]) for doc_id, units in groups.items()),
            key=lambda kv: order.get(kv[0], 0),
        )

    @staticmethod
    def snippet(mention: Mention, width: int = 110) -> tuple[str, str, str]:
        """(before, the citation, after) from the sentence, cut to about `width` characters
        on each side at a word boundary."""
        sentence, text = mention.sentence, mention.citation.text
        at = sentence.find(text)
        if at < 0:
            return "", text, ""
        before, after = sentence[:at], sentence[at + len(text) :]
        if len(before) > width:
            before = "…" + before[-width:].split(" ", 1)[-1]
        if len(after) > width:
            after = after[:width].rsplit(" ", 1)[0] + "…"
        return before, text, after

    # --- timelines ---
    def _item(self, target: str, current: bool = False) -> Optional[TimelineItem]:
        item = self.corpus.citable(target)
        if item.issued is None:
            return None
        return TimelineItem(
            item.issued,
            "document" if item.published else "catalog",
            self.target_label(item.id),
            urls.target(item),
            item.title_text,
            current,
            item.id,
        )

    def lineage_of(self, doc_id: str) -> list[TimelineItem]:
        related = [doc_id] + self.refs.cites.get(doc_id, []) + self.citing_documents(doc_id)
        related += [r.target for r in self.refs.outgoing(doc_id)] + [r.source for r in self.refs.incoming(doc_id)]
        items, seen = [], set()
        for target in related:
            if target in seen:
                continue
            seen.add(target)
            item = self._item(target, current=target == doc_id)
            if item:
                items.append(item)
        return sorted(items, key=lambda i: (i.date, i.label))

    def deadline_items(self, tasks: list[ResolvedTask], with_document: bool = False) -> list[TimelineItem]:
        items = []
        for task in tasks:
            if not task.deadline or not task.deadline.end or task.deadline.kind in ("ongoing", "recurring"):
                continue
            document = self.corpus.documents[task.document_id]
            label = f"Nhiệm vụ {task.number}" + (f" – {self.target_label(document.id)}" if with_document else "")
            leads = ", ".join(r.name for r in task.lead)
            items.append(
                TimelineItem(
                    PartialDate(task.deadline.end),
                    "deadline",
                    label,
                    urls.document(task.document_id) + "#" + task.anchor,
                    f"{deadline_label(task.deadline)}; chủ trì: {leads}" if leads else deadline_label(task.deadline),
                    source=task.document_id,
                )
            )
        return sorted(items, key=lambda i: (i.date, i.label))

    def corpus_timeline(self) -> list[tuple[int, list[TimelineItem]]]:
        """Every dated document (published or catalogued) and dated deadline, by year."""
        if self._timeline is None:  # computed once for all the timeline pages
            self._timeline = self._corpus_timeline()
        return self._timeline

    def _corpus_timeline(self) -> list[tuple[int, list[TimelineItem]]]:
        items = [i for i in (self._item(item.id) for item in self.corpus.citables()) if i]
        items += self.deadline_items(self.resolved.tasks, with_document=True)
        by_year: dict[int, list[TimelineItem]] = {}
        for item in sorted(items, key=lambda i: (i.date, i.kind != "deadline", i.label)):
            by_year.setdefault(item.date.year, []).append(item)
        return sorted(by_year.items())
