"""Stable anchors for every block, so a citizen can link to "mục 3" (see docs/data-format.md)."""

from __future__ import annotations

import re

PREAMBLE = "mo-dau"
_PREFIX = {"article": "dieu-", "chapter": "chuong-"}


def number_slug(number: str) -> str:
    # đ is its own letter after d (a, b, c, d, đ, e): keep the two apart.
    slug = number.strip().lower().replace("đ", "dd").replace(".", "-")
    return re.sub(r"[^a-z0-9-]+", "", slug).strip("-")


def numbered(block_type: str, number: str, ancestors: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Anchor of a numbered block, and the number path its children continue from."""
    slug = number_slug(number)
    path = list(ancestors)
    # "2.1" under "2" already carries its parent's number.
    while path and slug.startswith(path[-1] + "-"):
        path.pop()
    path.append(slug)
    prefix = _PREFIX.get(block_type, "muc-")
    if block_type in _PREFIX:
        return prefix + slug, (prefix.rstrip("-") + "-" + slug,)
    return prefix + "-".join(p for p in path), tuple(path)


def unnumbered(parent_anchor: str, index: int) -> str:
    return f"{parent_anchor}-d{index}" if parent_anchor else f"d{index}"
