"""Stage 2, validate: JSON Schema, as located diagnostics in Vietnamese.

The rules a schema cannot say are named functions listed in generator/corpus/rules.py.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import fastjsonschema
import jsonschema

from generator.corpus.diagnostics import ERROR, Diagnostic
from generator.corpus.load import Loaded

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"

_TYPE_NAMES = {
    "string": "chuỗi",
    "integer": "số nguyên",
    "number": "số",
    "array": "danh sách",
    "object": "nhóm trường (khóa: giá trị)",
    "boolean": "đúng/sai",
    "null": "rỗng",
}


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


# One validation result, whichever validator ran. fastjsonschema reads "$" in a pattern as the
# end of the string (\Z); Python's re (and so plain jsonschema) also matches "$" before a final
# newline, which let "da-nang/x\n" through the fallback. The explaining validator uses the
# same reading, so the two agree (tests/test_load.py runs both on the same hostile values).
_DOLLAR = re.compile(r"(?<!\\)\$")


@lru_cache(maxsize=1024)
def _anchored(pattern: str) -> re.Pattern:
    return re.compile(_DOLLAR.sub(r"\\Z", pattern))


def _pattern(validator, pattern: str, instance: Any, _schema: dict):
    if validator.is_type(instance, "string") and not _anchored(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Explaining = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})


@lru_cache(maxsize=None)
def _validator(name: str) -> jsonschema.protocols.Validator:
    return _Explaining(schema(name))


@lru_cache(maxsize=None)
def _fast(name: str):
    """A compiled validator: ~30x faster than jsonschema on valid files, which most are.
    Only a file it rejects goes through jsonschema, for complete located messages."""
    return fastjsonschema.compile(copy.deepcopy(schema(name)))  # compile() rewrites $refs in place


def _field_name(path: Iterable[Any]) -> str:
    parts = [str(p) if isinstance(p, str) else f"[{p}]" for p in path]
    return ".".join(parts).replace(".[", "[") or "(gốc)"


def _fragment(error: jsonschema.ValidationError) -> Mapping[str, Any]:
    """The part of the schema the value failed (always a mapping in our schemas)."""
    return error.schema if isinstance(error.schema, Mapping) else {}


def _extra_keys(error: jsonschema.ValidationError) -> list[str]:
    """The keys an additionalProperties error found that its schema does not allow."""
    allowed = _fragment(error).get("properties", {})
    instance: Any = error.instance
    return [k for k in instance if k not in allowed]


def _leaf_errors(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """For oneOf/anyOf, descend to the branch that matches the value's type."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        instance_type = type(error.instance)
        branches: Any = error.validator_value  # the oneOf/anyOf list
        by_branch: dict[str | int, list[jsonschema.ValidationError]] = {}
        for sub in error.context:
            by_branch.setdefault(sub.schema_path[0], []).append(sub)
        for branch, subs in by_branch.items():
            wanted = branches[branch].get("type")
            if (wanted == "object" and instance_type is dict) or (wanted == "string" and instance_type is str):
                return [leaf for sub in subs for leaf in _leaf_errors(sub)]
    return [error]


def _message(error: jsonschema.ValidationError) -> tuple[str, str]:
    """Vietnamese message and hint."""
    field = _field_name(error.absolute_path)
    v = error.validator
    value: Any = error.validator_value
    if v == "required":
        missing = error.message.split("'")[1]
        return f"thiếu trường bắt buộc “{missing}” trong {field}", f"thêm dòng “{missing}: …”"
    if v == "additionalProperties":
        allowed = list(_fragment(error).get("properties", {}))
        extra = _extra_keys(error)
        name = extra[0] if extra else "?"
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"có phải là “{close[0]}”?" if close else "các trường hợp lệ: " + ", ".join(allowed)
        return f"trường không hợp lệ “{name}”", hint
    if v == "type":
        wanted = [value] if isinstance(value, str) else value
        return (
            f"{field}: sai kiểu, cần {' hoặc '.join(_TYPE_NAMES.get(w, w) for w in wanted)}",
            "xem mô tả trường trong Hướng dẫn biên tập",
        )
    if v == "enum":
        options = ", ".join(str(o) for o in value)
        return f"{field}: giá trị “{error.instance}” không hợp lệ", f"chọn một trong: {options}"
    if v == "pattern":
        description = _fragment(error).get("description", "")
        return f"{field}: “{str(error.instance)[:80]}” không đúng định dạng", description
    if v in ("maxLength", "maxItems"):
        return f"{field}: quá dài (tối đa {value})", ""
    if v in ("minLength", "minItems"):
        return f"{field}: không được để trống", ""
    if v in ("minimum", "maximum"):
        return f"{field}: giá trị {error.instance} nằm ngoài khoảng cho phép", ""
    return f"{field}: không hợp lệ ({error.message[:200]})", ""


def schema_diagnostics(loaded: Loaded, schema_name: str) -> list[Diagnostic]:
    """Located schema errors; empty only when the compiled validator accepts the data."""
    rejected: fastjsonschema.JsonSchemaException
    try:
        _fast(schema_name)(loaded.data)
        return []
    except fastjsonschema.JsonSchemaException as exc:  # a value error, or (never) a definition error
        rejected = exc
    found: list[Diagnostic] = []
    for error in _validator(schema_name).iter_errors(loaded.data):
        for leaf in _leaf_errors(error):
            message, hint = _message(leaf)
            path = tuple(leaf.absolute_path)
            extra = _extra_keys(leaf) if leaf.validator == "additionalProperties" else []
            if extra:  # at the unknown key itself
                line, col = loaded.where(path + (extra[0],), key=True)
            else:
                line, col = loaded.where(path)
            found.append(Diagnostic(loaded.path, line, col, ERROR, message, hint))
    if not found:  # never fail open: the compiled validator's rejection stands, located
        path = tuple(int(p) if p.isdigit() else p for p in getattr(rejected, "path", [])[1:])
        line, col = loaded.where(path)
        field = _field_name(path)
        found.append(Diagnostic(loaded.path, line, col, ERROR, f"{field}: không hợp lệ ({str(rejected)[:200]})"))
    return sorted(set(found))
