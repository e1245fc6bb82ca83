"""generator/link: relation types, task statuses and roles as typed values."""

from __future__ import annotations

import json
from pathlib import Path

from generator.corpus.model import Role
from generator.link.crossrefs import CrossRefs, Relation, RelationType
from generator.link.tasks import ResolvedTask, RoleTasks, Status

SCHEMA = Path(__file__).resolve().parents[3] / "generator" / "schema" / "document.schema.json"


def test_schema_relation_types_equal_the_enum():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["properties"]["relations"]["items"]["properties"]["type"]["enum"] == [t.value for t in RelationType]


def test_crossrefs_index_relations_both_ways():
    relations = [
        Relation(RelationType.IMPLEMENTS, "a", "b", False),
        Relation(RelationType.BASED_ON, "a", "c", True),
        Relation(RelationType.REPLACES, "c", "b", True),
    ]
    refs = CrossRefs(relations=relations)
    assert refs.outgoing("a") == relations[:2]
    assert refs.incoming("b") == [relations[0], relations[2]]
    assert refs.outgoing("b") == [] and CrossRefs().incoming("a") == []


def _task(number: int) -> ResolvedTask:
    return ResolvedTask("d", number, f"t{number}", "muc-1", "", "", [], [], None, None, [], Status.NO_DEADLINE)


def test_role_tasks():
    one, two, three = _task(1), _task(2), _task(3)
    roles = RoleTasks(lead=[one, two], support=[two, three])
    assert roles.of(Role.LEAD) == [one, two] and roles.of(Role.SUPPORT) == [two, three]
    assert roles.all() == [one, two, three]  # led first; a task led and supported counts once


def test_codes_are_strings_in_data_and_json():
    assert json.dumps([Status.OVERDUE, RelationType.BASED_ON, Role.LEAD]) == '["overdue", "based-on", "lead"]'
    assert f"{Status.IN_PROGRESS}" == "in-progress"
