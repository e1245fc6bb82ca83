"""Task tables carry no sort or filter keys but each row's day (data-due) on the page of all
tasks, where tasks.js reads the other keys from the cells; a document's or an organisation's
table has no script, so no keys (at 10,000 documents the keys were a tenth of the document
pages). The filters and sorting themselves are tested in tests/unit/link/test_tasks.py and
tests/site/test_sharing.py; here, the keys tasks.js reads equal the generator's."""

from __future__ import annotations

import re

import pytest


PLAN = "da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu"
ORGANIZATION = "co-quan/da-nang/btgtu-phong-van-hoa-van-nghe-khoa-giao-tong-hop"
KEYS = ("data-number", "data-document", "data-lead", "data-orgs", "data-status", "data-due")


def test_only_the_table_of_all_tasks_carries_keys(built_site):
    html = (built_site / "nhiem-vu" / "index.html").read_text(encoding="utf-8")
    rows = [r for r in re.findall(r"<tr\b[^>]*>", html.split("<tbody>", 1)[1]) if "vb-task-doc" not in r]
    # a task row: its day only (no id: ids would repeat from one document to the next)
    assert rows and all(re.fullmatch(r'<tr data-due="[0-9]{4}(-[0-9]{2}-[0-9]{2})?">', r) for r in rows), rows[:3]
    for path in (f"van-ban/{PLAN}", ORGANIZATION):
        page = (built_site / path / "index.html").read_text(encoding="utf-8")
        assert '<table class="vb-tasks' in page
        assert not any(f"{key}=" in page for key in KEYS), path  # no script there: no keys


@pytest.mark.browser
def test_the_keys_read_from_the_cells_are_the_generators(page, built_site):
    import datetime as dt

    from generator.build.pipeline import generate
    from tests.conftest import ROOT

    resolved = generate(ROOT / "data", dt.date(2026, 11, 21)).resolved
    assert resolved is not None
    expected = {
        f"{t.document_id}|{t.number}": {
            "document": t.document_id,
            "lead": "; ".join(r.name for r in t.lead),
            "orgs": " ".join(sorted(t.org_ids)),
            "status": str(t.status),
        }
        for rows in resolved.tasks_by_doc.values()
        for t in rows
    }
    page.goto(page.base + "/nhiem-vu/")
    found = page.evaluate(
        """() => [...document.querySelectorAll('#vb-all-tasks tbody tr:not(.vb-task-doc)')].map((r, i) =>
            [r.dataset.document + '|' + r.cells[0].textContent.trim(), {document: r.dataset.document, lead: r.dataset.lead,
             orgs: r.dataset.orgs, status: r.dataset.status}, r.dataset.number])"""
    )
    assert len(found) == len(expected)
    assert {key: keys for key, keys, _ in found} == expected
    assert [number for _, _, number in found] == [f"{i:06d}" for i in range(1, len(found) + 1)]
