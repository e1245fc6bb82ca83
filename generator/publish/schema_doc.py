"""Flatten a JSON Schema into a field reference, for the "Hướng dẫn biên tập" page.

The page is generated from the schema itself, so the field reference cannot drift from
what `check` enforces.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Optional

_TYPE_NAMES = {
    "string": "chuỗi",
    "integer": "số nguyên",
    "number": "số",
    "array": "danh sách",
    "object": "nhóm trường",
    "boolean": "đúng/sai",
}


@dataclass
class FieldDoc:
    path: str  # "date.precision", "body[].children"
    title: str
    description: str
    type: str
    required: bool
    enum: list[Any] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    pattern: Optional[str] = None
    depth: int = 0


def _resolve(node: dict, root: dict) -> dict:
    while "$ref" in node:
        ref = node["$ref"]
        target = root
        for part in ref.lstrip("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _type_of(node: dict) -> str:
    if "enum" in node:
        return "một trong các giá trị"
    if "oneOf" in node:
        return " hoặc ".join(_type_of(n) for n in node["oneOf"])
    kind = node.get("type") or ""
    if kind == "array":
        return "danh sách"
    return _TYPE_NAMES.get(kind, kind)


def fields(schema: dict) -> Iterator[FieldDoc]:
    """Every property of the schema, depth first, each once (recursive $defs stop at their first use)."""
    seen_refs: set[str] = set()

    def walk(node: dict, path: str, depth: int, required: bool) -> Iterator[FieldDoc]:
        ref = node.get("$ref")
        if ref in seen_refs:
            return
        if ref:
            seen_refs.add(ref)
        node = _resolve(node, schema)
        if path and not path.endswith("[]"):
            yield FieldDoc(
                path=path,
                title=node.get("title", ""),
                description=node.get("description", ""),
                type=_type_of(node),
                required=required,
                enum=list(node.get("enum", [])),
                examples=[
                    json.dumps(e, ensure_ascii=False) if not isinstance(e, str) else e for e in node.get("examples", [])
                ],
                pattern=node.get("pattern"),
                depth=depth,
            )
        if node.get("type") == "array" and "items" in node:
            yield from (
                walk(node["items"], path + "[]", depth, False)
                if _resolve(node["items"], schema).get("properties") or _resolve(node["items"], schema).get("oneOf")
                else iter(())
            )
        for option in node.get("oneOf", []):
            yield from walk(option, path, depth, False) if _resolve(option, schema).get("properties") else iter(())
        for name, child in node.get("properties", {}).items():
            yield from walk(
                child, f"{path}.{name}" if path else name, depth + (1 if path else 0), name in node.get("required", [])
            )

    yield from walk(schema, "", 0, True)


# --- the editing guide page ------------------------------------------------------------

_SECTIONS = [  # (schema file, anchor, where the data lives)
    ("document.schema.json", "van-ban", "data/documents/<địa bàn>/<tên>.yaml"),
    ("organizations.schema.json", "co-quan", "data/organizations/<địa bàn>.yaml"),
    ("jurisdictions.schema.json", "dia-ban", "data/jurisdictions.yaml"),
    ("references.schema.json", "tham-chieu", "data/references.yaml"),
]


@dataclass(frozen=True)
class FieldRow:
    row_id: str  # "van-ban-date-precision": a deep link to the row
    path: str
    required: bool
    type: str
    enum: list[Any]
    title: str
    description: str
    examples: list[str]


@dataclass(frozen=True)
class GuideSection:
    id: str
    title: str
    description: str
    file: str
    fields: list[FieldRow]


@dataclass(frozen=True)
class GuideView:
    schema_href: str
    guide_href: str
    sections: list[GuideSection]


def guide_sections(schema: Callable[[str], dict]) -> list[GuideSection]:
    """The guide's sections, one per JSON Schema (`schema` reads one by file name)."""
    sections = []
    for name, anchor, where in _SECTIONS:
        root = schema(name)
        rows = [
            FieldRow(
                f"{anchor}-{f.path.replace('.', '-').replace('[]', '')}",
                f.path,
                f.required,
                f.type,
                f.enum,
                f.title,
                f.description,
                f.examples,
            )
            for f in fields(root)
        ]
        sections.append(GuideSection(anchor, root["title"], root["description"], where, rows))
    return sections
