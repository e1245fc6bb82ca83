"""The page of all tasks: its rows carry only their last day; tasks.js reads the other sort and
filter keys from the cells, and every filter and sort still works."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PLAN = "da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu"


def test_rows_carry_only_their_last_day(built_site):
    html = (built_site / "nhiem-vu" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr id=[^>]*>", html)
    assert rows and all(re.fullmatch(r'<tr id="[^"]+" data-due="[0-9]{4}(-[0-9]{2}-[0-9]{2})?">', r) for r in rows)
    document = (built_site / "van-ban" / PLAN / "index.html").read_text(encoding="utf-8")
    assert "data-due=" not in document and "data-sort=" not in document  # no script there: no keys


def test_filters_by_document_and_status_and_sorts_by_lead(page):
    page.goto(page.base + "/nhiem-vu/")
    rows = page.locator("#vb-all-tasks tbody tr")
    total = rows.count()
    visible = page.locator("#vb-all-tasks tbody tr:not([hidden])")
    page.select_option("select[data-filter='document']", PLAN)
    assert visible.count() == 26
    assert all(PLAN in (r.get_attribute("data-document") or "") for r in visible.all())
    page.select_option("select[data-filter='status']", "overdue-no-report")
    statuses = visible.locator(".vb-status").all_inner_texts()
    assert 0 < len(statuses) < 26 and set(statuses) == {"Đã qua hạn, chưa có báo cáo kết quả"}
    page.select_option("select[data-filter='document']", "")
    page.select_option("select[data-filter='status']", "")
    assert visible.count() == total
    page.locator("th[data-sort='lead'] button").click()
    leads = [r.get_attribute("data-lead") or "" for r in rows.all()]
    assert len(set(leads)) > 5 and all(leads)  # read from the cells
    in_order = "keys => keys.every((k, i) => i === 0 || keys[i - 1].localeCompare(k, 'vi') <= 0)"
    assert page.evaluate(in_order, leads)
    page.locator("th[data-sort='number'] button").click()
    numbers = [r.get_attribute("data-number") for r in rows.all()]
    assert numbers == sorted(numbers) and numbers[0] == "000001"
