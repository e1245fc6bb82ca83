"""A citizen on a 360 × 800 phone (headless Chromium): no sideways scrolling of the page or of
any box in the content, tasks as cards whose words break only between syllables, an in-page
"Mục lục" with links to the items, the skip link landing on the title, long task lists
collapsed into groups, a deep link opening its group, and link signs on touch screens."""

from __future__ import annotations

import pytest

from tests.support.axe import serious_violations

pytestmark = pytest.mark.browser

DIRECTIVE = "/van-ban/da-nang/chi-thi-08-ct-tu-2021/"
PLAN = "/van-ban/da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu/"
TASKS = "/nhiem-vu/"
ORGANIZATION = "/co-quan/da-nang/btgtu-phong-van-hoa-van-nghe-khoa-giao-tong-hop/"

# Every element of the content wider than its box, or the page wider than the screen.
_OVERFLOW = """() => {
  const found = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) found.push(`page ${page.scrollWidth} > ${page.clientWidth}`);
  for (const el of document.querySelectorAll('.md-content *')) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      found.push(`${el.tagName}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
    const box = el.getBoundingClientRect();
    if (box.width && box.right > page.clientWidth + 1) found.push(`${el.tagName}.${el.className} ends at ${box.right}`);
  }
  return found;
}"""

# Syllables (runs of letters and digits) of the task cards that a line break splits in two;
# a break after a hyphen or slash ("29-" / "CT/TU") is ordinary wrapping.
_SPLIT_WORDS = """() => {
  const split = [];
  for (const cell of document.querySelectorAll('table.vb-tasks td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[\\p{L}\\p{M}\\p{N}]+/gu;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) split.push(m[0]);
      }
    }
  }
  return split;
}"""


@pytest.fixture
def phone(browser, site_server):
    context = browser.new_context(
        viewport={"width": 360, "height": 800}, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(site_server)
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.base = site_server
    page.outside_requests = outside
    yield page
    context.close()


def _open_all(page) -> None:
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")


@pytest.mark.parametrize("path", [DIRECTIVE, PLAN, TASKS, ORGANIZATION])
def test_nothing_scrolls_sideways_at_360px(phone, path):
    phone.goto(phone.base + path)
    phone.wait_for_load_state("networkidle")
    assert phone.evaluate(_OVERFLOW) == []
    _open_all(phone)  # the collapsed task groups and the contents, opened
    assert phone.evaluate(_OVERFLOW) == []
    assert phone.outside_requests == []


def test_the_check_sees_a_wide_box(phone):
    phone.goto(phone.base + DIRECTIVE)
    phone.evaluate(
        "() => { const d = document.createElement('div'); d.style.overflowX = 'auto';"
        " d.innerHTML = '<div style=\"width: 900px\">x</div>'; document.querySelector('.md-content article').append(d); }"
    )
    assert phone.evaluate(_OVERFLOW)


@pytest.mark.parametrize("path", [DIRECTIVE, PLAN, TASKS, ORGANIZATION])
def test_task_cards_break_lines_between_syllables_only(phone, path):
    phone.goto(phone.base + path)
    _open_all(phone)
    assert phone.locator("table.vb-tasks td").count() > 0
    assert phone.evaluate(_SPLIT_WORDS) == []
    styles = phone.evaluate(
        "() => [...document.querySelectorAll('table.vb-tasks td, table.vb-tasks a')]"
        ".map(e => getComputedStyle(e)).filter(s => s.overflowWrap === 'anywhere' || s.wordBreak === 'break-all').length"
    )
    assert styles == 0


def test_a_task_is_a_card_text_first_then_labelled_lines(phone):
    phone.goto(phone.base + PLAN)
    _open_all(phone)
    row = phone.locator("#nhiem-vu-nv-ii-1-a")
    assert phone.locator("table.vb-tasks thead").first.is_hidden()
    cells = row.locator("td")
    text_box = cells.nth(1).bounding_box()
    lead_box = cells.nth(2).bounding_box()
    assert text_box["y"] < lead_box["y"]  # the task first, then its lines
    assert text_box["width"] > 250  # the task text takes the card's width
    assert cells.nth(1).locator("a").get_attribute("href").endswith("#muc-ii-1-a")
    labels = [
        cells.nth(i).evaluate("el => getComputedStyle(el, '::before').content.replace(/\"/g, '')") for i in range(2, 6)
    ]
    assert labels == ["Chủ trì: ", "Phối hợp: ", "Thời hạn: ", "Trạng thái: "]


def test_the_plans_tasks_are_grouped_and_start_collapsed(phone):
    phone.goto(phone.base + PLAN)
    groups = phone.locator("details.vb-task-group")
    assert groups.count() == 2
    assert groups.first.locator("summary").inner_text().startswith("II- NỘI DUNG THỰC HIỆN (22 nhiệm vụ)")
    assert "21: Giai đoạn 2021–2025 đã kết thúc; chưa có báo cáo" in groups.first.locator("summary").inner_text()
    top = phone.locator("#nhiem-vu").bounding_box()["y"]
    bottom = phone.locator("#quan-he").bounding_box()["y"]
    assert bottom - top < 1500  # the section was 21,272 px at 360 px, one long table


def test_a_link_to_a_task_opens_its_group(phone):
    phone.goto(phone.base + PLAN + "#nhiem-vu-nv-ii-3-b")
    phone.wait_for_load_state("networkidle")
    row = phone.locator("#nhiem-vu-nv-ii-3-b")
    assert row.is_visible()
    box = row.bounding_box()
    assert box is not None and 0 <= box["y"] < 800


@pytest.mark.parametrize(
    "path, first_item",
    [(DIRECTIVE, "#muc-1"), (PLAN, "#muc-i"), (TASKS, "#van-ban-"), (ORGANIZATION, "#sap-den-han")],
)
def test_an_in_page_contents_list_links_to_the_items(phone, path, first_item):
    phone.goto(phone.base + path)
    contents = phone.locator("nav.vb-toc")
    summary = contents.locator("summary")
    assert summary.is_visible() and summary.inner_text().strip() == "Mục lục"
    summary.click()
    links = contents.locator("a")
    assert links.count() >= 3 and links.first.is_visible()
    hrefs = [a.get_attribute("href") for a in links.all()]
    assert any(h.startswith(first_item) for h in hrefs), hrefs
    for href in hrefs:  # every entry points at something on the page
        assert phone.locator(f"[id='{href[1:]}']").count() == 1, href
    target = next(h for h in hrefs if h.startswith(first_item))
    contents.locator(f"a[href='{target}']").click()
    assert phone.url.endswith(target)
    box = phone.locator(f"[id='{target[1:]}']").bounding_box()
    assert box is not None and 0 <= box["y"] < 800


def test_the_directives_contents_lists_its_numbered_items_and_tasks(phone):
    phone.goto(phone.base + DIRECTIVE)
    labels = [" ".join(t.split()) for t in phone.locator("nav.vb-toc a").all_text_contents()]
    assert [label.split(" ", 1)[0] for label in labels[:8]] == [f"{n}." for n in range(1, 9)]
    assert "Nhiệm vụ được giao (7)" in labels


@pytest.mark.parametrize("path, title", [(DIRECTIVE, "van-ban"), (PLAN, "van-ban"), (TASKS, "nhiem-vu-duoc-giao")])
def test_the_skip_link_lands_on_the_title(phone, path, title):
    phone.goto(phone.base + path)
    phone.keyboard.press("Tab")
    skip = phone.locator("a.md-skip")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.get_attribute("href") == "#" + title
    phone.keyboard.press("Enter")
    assert phone.url.endswith("#" + title)
    heading = phone.locator(f"[id='{title}']")
    assert heading.evaluate("el => el.tagName") == "H1"
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 400


def test_numbered_items_show_a_link_sign_on_touch_screens(phone, page):
    phone.goto(phone.base + DIRECTIVE)
    marker = phone.locator("#muc-3 > .vb-marker")
    sign = marker.evaluate(
        "el => { const s = getComputedStyle(el, '::after'); return [s.content, s.width, s.display]; }"
    )
    assert sign[0] != "none" and sign[2] == "inline-block" and float(sign[1].rstrip("px")) > 5
    assert marker.bounding_box()["height"] >= 24  # large enough to tap
    assert marker.get_attribute("href") == "#muc-3"
    page.goto(page.base + DIRECTIVE)  # a desktop with a mouse: no sign, the marker as before
    desktop = page.locator("#muc-3 > .vb-marker").evaluate("el => getComputedStyle(el, '::after').content")
    assert desktop in ("none", "normal")


def test_the_numbered_items_without_a_lead_are_counted_and_linked(phone):
    phone.goto(phone.base + DIRECTIVE)
    note = phone.locator(".vb-unassigned")
    assert note.inner_text().startswith("5 mục được đánh số không nêu cơ quan chủ trì")
    assert [a.get_attribute("href") for a in note.locator("a").all()] == [
        "#muc-1",
        "#muc-3",
        "#muc-4",
        "#muc-5",
        "#muc-6",
    ]


def test_no_serious_accessibility_violation_on_the_phone_layout(phone):
    for path in (DIRECTIVE, PLAN, TASKS, ORGANIZATION):
        phone.goto(phone.base + path)
        phone.wait_for_load_state("networkidle")
        _open_all(phone)
        assert serious_violations(phone) == [], path
