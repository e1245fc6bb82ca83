"""Helpers for the citation tables: one expected citation, and what `extract` returns."""

from __future__ import annotations

import json
from pathlib import Path

from generator.vn.citations import extract

ROOT = Path(__file__).resolve().parents[4]
KIND_SLUGS = set(
    json.loads((ROOT / "generator" / "schema" / "document.schema.json").read_text(encoding="utf-8"))["properties"][
        "kind"
    ]["enum"]
)


def C(text, kind, number=None, date=None, issuer=None):
    """One expected citation: (text, kind, number, date, issuer)."""
    return (text, kind, number, date, issuer)


def records(text: str) -> list[tuple]:
    return [(c.text, c.kind, c.number, c.date, c.issuer) for c in extract(text)]
