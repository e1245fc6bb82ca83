"""Helpers for the deadline tables: the expected JSON, and the spellings that must not matter."""

from __future__ import annotations

import json
import unicodedata

from generator.vn.deadlines import parse


def J(kind, start=None, end=None, rrule=None, parts=()):
    return {"kind": kind, "start": start, "end": end, "rrule": rrule, "parts": list(parts)}


UNPARSED = J("unparsed")
YEARLY = "FREQ=YEARLY"


def ids(table):
    return [f"{t!r}@{c}" if c is not None else repr(t) for t, c, _ in table]


def check(text, context_year, expected):
    result = parse(text, context_year)
    assert result.to_json() == expected
    assert result.text == text
    assert json.loads(json.dumps(result.to_json())) == expected


def variants(text: str) -> list[str]:
    return [
        unicodedata.normalize("NFD", text),
        unicodedata.normalize("NFC", text),
        text.upper(),
        text.lower(),
        "  " + text.replace(" ", "   ") + " ",
        text + ".",
        unicodedata.normalize("NFD", text.upper()) + " .",
    ]


def parsed_rows(table):
    """Rows whose spelling variants must parse the same (not empty, not unparsed)."""
    return [row for row in table if row[0].strip() and row[2]["kind"] != "unparsed"]


def check_variants(text, context_year, expected):
    for variant in variants(text):
        assert parse(variant, context_year).to_json() == expected, variant
