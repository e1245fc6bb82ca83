"""Registry entries ready to paste: a jurisdiction for data/jurisdictions.yaml and an
organization for data/organizations/<jurisdiction>.yaml, in the block style those files use,
every value quoted by the YAML writer (emit.py). A name whose capitals had to be guessed
("BỘ Y TẾ" → "Bộ Y tế") carries a "# TODO: kiểm tra …" line: `check` refuses it until
someone has looked.
"""

from __future__ import annotations

from typing import Any, Optional

from generator.corpus.model import Jurisdiction, Organization
from generator.importer import emit
from generator.importer.emit import Todo

__all__ = ["jurisdiction_entry", "organization_entry"]


def jurisdiction_entry(jurisdiction: Jurisdiction) -> str:
    """ "- id: quang-tri\\n  name: Tỉnh Quảng Trị\\n  short_name: Quảng Trị\\n"."""
    data = {"id": jurisdiction.id, "name": jurisdiction.name, "short_name": jurisdiction.short_name}
    return "\n".join(emit.sequence([data], 0)) + "\n"


def organization_entry(org: Organization, guessed_case: bool = False, parent: Optional[str] = None) -> str:
    data: dict[str, Any] = {"id": org.id}
    data["name"] = Todo(org.name, "cách viết hoa tên cơ quan (đọc từ dòng in hoa)") if guessed_case else org.name
    if org.abbreviation:
        data["abbreviation"] = org.abbreviation
    if org.aliases:
        data["aliases"] = list(dict.fromkeys(org.aliases))
    if parent or org.parent:
        data["parent"] = parent or org.parent
    if org.header:
        data["header"] = list(org.header)
    return "\n".join(emit.sequence([data], 0)) + "\n"
