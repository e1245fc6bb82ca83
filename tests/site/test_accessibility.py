"""axe-core reports no serious or critical violation on the six key pages, and their HTML
parses without errors."""

from __future__ import annotations

import html5lib
import pytest

from tests.conftest import ROOT

PAGES = {
    "home": "/",
    "document": "/van-ban/da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu/",
    "tasks": "/nhiem-vu/",
    "timeline": "/dong-thoi-gian/",
    "organization": "/co-quan/da-nang/btgtu-phong-van-hoa-van-nghe-khoa-giao-tong-hop/",
    "search": "/tim-kiem/?q=dan+van+kheo",
}
AXE = ROOT / "tools" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("name", PAGES)
def test_html_parses_without_errors(built_site, name):
    path = PAGES[name].split("?")[0].strip("/")
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(html)
    assert parser.errors == []


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        import subprocess

        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT / "tools", check=True, capture_output=True)
    return AXE.read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(page, axe_source, name):
    page.goto(page.base + PAGES[name])
    page.wait_for_load_state("networkidle")
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert page.outside_requests == []
