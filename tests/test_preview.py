"""The preview session re-renders only what an edit affects, and gets the same pages as a
full build would."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.build.pipeline import generate
from generator.build.preview import PreviewSession

DATE = dt.date(2026, 11, 21)
PLAN = "documents/da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu.yaml"
DIRECTIVE = "documents/da-nang/chi-thi-08-ct-tu-2021.yaml"

EDITS = {
    "title of the plan": (PLAN, "title: ", "title: Sửa thử – "),
    "a task lead": (PLAN, "- Phòng Tuyên truyền - Báo chí - Xuất bản", "- Ban Dân vận Thành ủy"),
    "a citation removed": (DIRECTIVE, "Chỉ thị số 29-CT/TU", "Chỉ thị"),
    "a deadline": (PLAN, "Hoàn thành trong tháng 9/2021", "Hoàn thành trong tháng 12/2026"),
}


@pytest.mark.parametrize("name", EDITS)
def test_incremental_render_equals_full_render(data_copy, name):
    path, old, new = EDITS[name]
    session = PreviewSession()
    first = session.generate(data_copy, DATE)
    assert first.ok and session.last_rendered[0] == 6
    target = data_copy / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    second = session.generate(data_copy, DATE)
    assert second.ok
    assert session.last_rendered[0] < 6  # not everything was rendered again
    full = generate(data_copy, DATE)
    differing = [p for p in full.site.pages if full.site.pages[p] != second.site.pages.get(p)]
    assert differing == []
    assert set(full.site.pages) == set(second.site.pages)
    changed = [p for p in full.site.pages if first.site.pages.get(p) != full.site.pages[p]]
    assert changed  # the edit did change pages, and the session rendered them


def test_registry_edit_renders_everything(data_copy):
    session = PreviewSession()
    session.generate(data_copy, DATE)
    orgs = data_copy / "organizations" / "da-nang.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace(
            "name: Ban Dân vận Thành ủy Đà Nẵng", "name: Ban Dân vận Thành ủy thành phố Đà Nẵng"
        ),
        encoding="utf-8",
    )
    second = session.generate(data_copy, DATE)
    assert session.last_rendered[0] == 6
    assert second.site.pages == generate(data_copy, DATE).site.pages
