"""A small YAML writer that can put comments where the importer is unsure.

Values are plain dicts, lists, str and int; wrap one in `Todo(value, "message")` to get a
"# TODO: kiểm tra message" line right above it. A key starting with "#" holds only a comment
(for a field the importer had to leave out). Scalars are rendered by PyYAML itself (so the
quoting is always right), one per line; a string with a line break is written double-quoted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Sequence

import yaml

SCHEMA_LINE = "# yaml-language-server: $schema=../../../generator/schema/document.schema.json"


@dataclass
class Todo:
    value: Any
    messages: list[str] = field(default_factory=list)

    def __init__(self, value: Any, *messages: str):
        self.value = value
        self.messages = [m for m in messages if m]


def unwrap(node: Any) -> tuple[Any, list[str]]:
    messages: list[str] = []
    while isinstance(node, Todo):
        messages += node.messages
        node = node.value
    return node, messages


def plain(node: Any) -> Any:
    """The data without the comments."""
    node, _ = unwrap(node)
    if isinstance(node, dict):
        return {k: plain(v) for k, v in node.items() if not k.startswith("#")}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node


def scalar(value: Any) -> str:
    if isinstance(value, str) and ("\n" in value or value != value.strip()):
        return json.dumps(value, ensure_ascii=False)
    out = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_flow_style=True)
    out = out.rstrip("\n")
    if out.endswith("\n..."):
        out = out[: -len("\n...")]
    if "\n" in out:
        return json.dumps(value, ensure_ascii=False)
    return out


def _comments(messages: list[str], pad: str) -> list[str]:
    return [f"{pad}# TODO: kiểm tra {m}" for m in messages]


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list)) or value in ({}, [])


def _flow(value: Any) -> str:
    return "{}" if value == {} else "[]" if value == [] else scalar(value)


def mapping(node: dict, indent: int) -> list[str]:
    out: list[str] = []
    pad = " " * indent
    for key, raw in node.items():
        value, messages = unwrap(raw)
        out += _comments(messages, pad)
        if key.startswith("#"):  # a comment alone, where a field is missing
            continue
        if _is_scalar(value):
            out.append(f"{pad}{key}: {_flow(value)}")
        elif isinstance(value, dict):
            out.append(f"{pad}{key}:")
            out += mapping(value, indent + 2)
        else:
            out.append(f"{pad}{key}:")
            out += sequence(value, indent)
    return out


def sequence(node: list, indent: int) -> list[str]:
    out: list[str] = []
    pad = " " * indent
    for raw in node:
        value, messages = unwrap(raw)
        out += _comments(messages, pad)
        if _is_scalar(value):
            out.append(f"{pad}- {_flow(value)}")
        elif isinstance(value, dict):
            inner = mapping(value, indent + 2)
            # comments of the first key go above the "- " line
            lead = 0
            while inner[lead].lstrip().startswith("#"):
                lead += 1
            out += [f"{pad}{line.strip()}" for line in inner[:lead]]
            out.append(f"{pad}- {inner[lead][indent + 2 :]}")
            out += inner[lead + 1 :]
        else:
            raise TypeError("nested lists are not used in documents")
    return out


def document(node: dict, header_comments: Sequence[str] = ()) -> str:
    lines = [SCHEMA_LINE] + [f"# {c}" if c else "#" for c in header_comments] + mapping(node, 0)
    text = "\n".join(lines) + "\n"
    if yaml.safe_load(text) != plain(node):  # pragma: no cover - a bug in this writer
        raise AssertionError("YAML writer round trip failed")
    return text
