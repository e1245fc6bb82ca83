"""Task tables carry sort and filter keys (data-*) only where tasks.js uses them: on the page of
all tasks. A document's or an organisation's table has no script, so no keys (at 10,000
documents the keys were a tenth of the document pages). The filters and sorting themselves are
tested in tests/test_tasks.py and tests/site/test_sharing.py."""

from __future__ import annotations

import re


PLAN = "da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu"
ORGANIZATION = "co-quan/da-nang/btgtu-phong-van-hoa-van-nghe-khoa-giao-tong-hop"
KEYS = ("data-number", "data-document", "data-lead", "data-orgs", "data-status", "data-due")


def test_only_the_table_of_all_tasks_carries_keys(built_site):
    html = (built_site / "nhiem-vu" / "index.html").read_text(encoding="utf-8")
    rows = [r for r in re.findall(r"<tr id=[^>]*>", html) if "vb-task-doc" not in r]
    assert rows and all(all(f"{key}=" in r for key in KEYS) for r in rows)
    for path in (f"van-ban/{PLAN}", ORGANIZATION):
        page = (built_site / path / "index.html").read_text(encoding="utf-8")
        assert '<table class="vb-tasks' in page
        assert not any(f"{key}=" in page for key in KEYS), path  # no script there: no keys
