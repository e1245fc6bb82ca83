"""Tasks: status rules, alias merging, counts on the five sources, exports, the tasks page."""

from __future__ import annotations

import gzip
import csv
import datetime as dt
import io
import json
import re

import pytest

from generator.vn.deadlines import parse
from generator.corpus.model import Report
from generator.vn.text import fold_words
from generator.link.tasks import next_due, status
from tests.conftest import DATA

PLAN = "da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu"
CULTURE_DEPT = "da-nang/btgtu-phong-van-hoa-van-nghe-khoa-giao-tong-hop"
TODAY = dt.date(2026, 11, 21)


def report(day: str, state: str) -> Report:
    return Report(date=dt.date.fromisoformat(day), status=state)


@pytest.mark.parametrize(
    "deadline, reports, expected",
    [
        ("hoàn thành trong tháng 9/2021", [], "overdue-no-report"),
        ("hoàn thành trong tháng 9/2021", [report("2021-09-20", "done")], "done-on-time"),
        ("hoàn thành trong tháng 9/2021", [report("2021-10-02", "done")], "done-late"),
        ("hoàn thành trong tháng 9/2021", [report("2021-12-01", "in-progress")], "overdue"),
        ("hoàn thành trong tháng 12/2026", [], "in-progress"),
        ("thường xuyên", [], "ongoing"),
        ("Thường xuyên, từ năm 2021 - 2025", [], "period-ended"),
        ("Thường xuyên, từ năm 2025 - 2030", [], "ongoing"),
        ("trước ngày 05 tháng 12 hằng năm", [], "ongoing"),
        (None, [], "no-deadline"),
        ("trước kỳ họp thường kỳ của Hội đồng nhân dân thành phố", [], "no-date"),
        (None, [report("2022-01-01", "done")], "done"),
    ],
)
def test_status_rules(deadline, reports, expected):
    parsed = parse(deadline) if deadline else None
    assert status(parsed, reports, TODAY) == expected


def test_next_due_of_a_yearly_report():
    assert next_due(parse("trước ngày 05 tháng 12 hằng năm"), TODAY) == dt.date(2026, 12, 4)
    assert next_due(parse("trước ngày 05 tháng 12 hằng năm"), dt.date(2026, 12, 5)) == dt.date(2027, 12, 4)
    assert next_due(parse("hoàn thành trong tháng 9/2021"), TODAY) is None


def test_fold_merges_spelling_variants():
    assert fold_words("Phòng Văn hóa, Văn nghệ - Khoa Giáo - Tổng hợp") == fold_words(
        "Phòng Văn hoá, Văn nghệ – Khoa giáo – Tổng hợp"
    )
    assert fold_words("Thành uỷ") == fold_words("Thành ủy") == "thanh uy"
    assert fold_words("Đảng") == "dang"


@pytest.fixture(scope="module")
def resolved():
    from generator.build.pipeline import read_and_resolve

    read, result = read_and_resolve(DATA, TODAY)
    assert result is not None and read.ok
    return result


def test_plan_has_22_content_tasks_with_units(resolved):
    tasks = resolved.tasks_by_doc[PLAN]
    content = [t for t in tasks if t.section.startswith("II-")]
    assert len(content) == 22
    assert all(t.lead for t in content)
    source = (DATA / "sources" / "da-nang-ban-tuyen-giao-ke-hoach-trien-khai-08-ct-tu.txt").read_text(encoding="utf-8")
    support_lines = sum(1 for line in source.splitlines() if line.lstrip().startswith("- Phối hợp:"))
    assert sum(1 for t in content if t.support) == support_lines == 18
    assert sum(1 for t in content if t.deadline_text) == source.count("Thời gian thực hiện:") == 22
    assert [t for t in tasks if t.section.startswith("III-")]  # reporting duties annotated too


def test_every_task_name_resolves_to_an_organization(resolved):
    unresolved = [(t.document_id, r.name) for t in resolved.tasks for r in t.lead + t.support if r.org_id is None]
    assert unresolved == []


def test_alias_spellings_land_on_one_organization(resolved):
    tasks = resolved.tasks_by_doc[PLAN]
    written = {r.name for t in tasks for r in t.lead if r.org_id == CULTURE_DEPT}
    assert written == {
        "Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp",
        "Phòng Văn hóa, Văn nghệ - Khoa Giáo - Tổng hợp",
    }
    led = resolved.tasks_by_org[CULTURE_DEPT].lead
    expected = [t for t in tasks if any(r.org_id == CULTURE_DEPT for r in t.lead)]
    assert led == expected and len(led) == 12


def test_local_names_stay_inside_their_issuer(resolved):
    from generator.link.organizations import OrganizationIndex

    index = OrganizationIndex(resolved.corpus.organizations)
    assert index.match("Chi ủy", "da-nang", "da-nang/ban-tuyen-giao-thanh-uy") == "da-nang/btgtu-chi-uy"
    assert index.match("Chi ủy", "da-nang", "da-nang/ban-thuong-vu-thanh-uy") is None
    assert (
        index.match("Ban Dân vận Thành uỷ", "ha-noi", "ha-noi/ban-thuong-vu-thanh-uy") == "ha-noi/ban-dan-van-thanh-uy"
    )


def test_unknown_name_is_a_warning_with_candidates(data_copy):
    from tests.conftest import run_generator

    path = data_copy / "documents" / "da-nang" / "ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "- Phòng Tuyên truyền - Báo chí - Xuất bản", "- Phòng Tuyên truyền Báo chí", 1
    )
    path.write_text(text, encoding="utf-8")
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 0
    assert "cảnh báo: không tìm thấy cơ quan “Phòng Tuyên truyền Báo chí”" in result.stderr
    assert "gần giống" in result.stderr and "Phòng Tuyên truyền - Báo chí - Xuất bản" in result.stderr


def test_exports(built_site):
    import icalendar

    data = json.loads(gzip.decompress((built_site / "api" / "tasks.json.gz").read_bytes()))
    assert len(data["tasks"]) == sum(1 for _ in data["tasks"]) > 40
    raw = gzip.decompress((built_site / "api" / "tasks.csv.gz").read_bytes())
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Văn bản", "STT", "Nhiệm vụ"] and len(rows) == len(data["tasks"]) + 1
    calendar = icalendar.Calendar.from_ical((built_site / "api" / "deadlines.ics").read_bytes())
    yearly = [
        e
        for e in calendar.walk("VEVENT")
        if e.get("RRULE") and e["RRULE"]["FREQ"] == ["YEARLY"] and e["RRULE"].get("BYMONTH") == [12]
    ]
    assert yearly and "trước ngày 05 tháng 12 hằng năm" in str(yearly[0]["DESCRIPTION"])
    org_ics = built_site / "api" / "ics" / "da-nang" / "btgtu-phong-van-hoa-van-nghe-khoa-giao-tong-hop.ics"
    assert icalendar.Calendar.from_ical(org_ics.read_bytes()).walk("VEVENT")


def test_plan_page_and_organization_page(built_site):
    plan = (built_site / "van-ban" / PLAN / "index.html").read_text(encoding="utf-8")
    assert plan.count('<tr id="nhiem-vu-') == 26
    assert '<span class="vb-task-group-title">II- NỘI DUNG THỰC HIỆN</span> (22 nhiệm vụ)' in plan
    org = (built_site / "co-quan" / CULTURE_DEPT / "index.html").read_text(encoding="utf-8")
    lead_section = org.split('id="chu-tri"', 1)[1].split('id="phoi-hop"', 1)[0]
    assert len(re.findall(r"<tr>\s*<td>", lead_section)) == 12  # rows of several documents: no ids


@pytest.mark.browser
def test_tasks_page_sorts_and_filters(page):
    page.goto(page.base + "/nhiem-vu/")
    rows = page.locator("#vb-all-tasks tbody tr:not(.vb-task-doc)")
    total = rows.count()
    assert total > 40 and page.locator("#vb-task-filters").is_visible()
    page.select_option("select[data-filter='org']", CULTURE_DEPT)
    visible = page.locator("#vb-all-tasks tbody tr:not([hidden]):not(.vb-task-doc)")
    assert visible.count() == 12 + 2  # leads 12 tasks, supports 2 more
    page.select_option("select[data-filter='org']", "")
    page.select_option("select[data-sort]", "han")
    dues = [r.get_attribute("data-due") for r in rows.all()]
    assert dues == sorted(dues) and len(dues) == total
    assert page.locator("#vb-all-tasks tr.vb-task-doc:not([hidden])").count() == 0  # one list across documents
    page.select_option("select[data-sort]", "")
    assert page.locator("#vb-all-tasks tr.vb-task-doc:not([hidden])").count() == 6
