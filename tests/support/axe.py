"""axe-core for the accessibility checks (tools/node_modules, installed by npm ci on first use)."""

from __future__ import annotations

import subprocess

from tests.conftest import ROOT

AXE = ROOT / "tools" / "node_modules" / "axe-core" / "axe.min.js"


def axe_script() -> str:
    if not AXE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT / "tools", check=True, capture_output=True)
    return AXE.read_text(encoding="utf-8")


def serious_violations(page) -> list[str]:
    """axe's serious and critical violations on the page as it is now."""
    page.add_script_tag(content=axe_script())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
