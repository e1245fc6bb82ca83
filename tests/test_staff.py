"""Staff workflow: GitHub annotations, schema-driven field reference, edit links, guides."""

from __future__ import annotations

import json
import re

import pytest

from generator.publish.schema_doc import fields
from generator.corpus.validate import SCHEMA_DIR
from tests.conftest import ROOT, run_generator
from tests.test_bad_input import VALID, write_doc

SCHEMAS = sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json"))


def test_github_annotations_on_errors(data_copy):
    path = write_doc(data_copy, VALID.replace("title:", "tittle:"))
    result = run_generator("check", "--data", str(data_copy), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    found = re.finditer(
        r"^::error file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+)::(?P<msg>.+)$", result.stdout, re.M
    )
    match = next((m for m in found if "tittle" in m["msg"]), None)
    assert match, result.stdout
    assert match["file"].endswith("documents/da-nang/thu-nghiem.yaml") and match["line"] == "6"
    assert "tittle" in match["msg"]


def test_no_annotations_outside_github_actions(data_copy):
    write_doc(data_copy, VALID.replace("title:", "tittle:"))
    result = run_generator("check", "--data", str(data_copy), env={"GITHUB_ACTIONS": ""})
    assert "::error" not in result.stdout


def test_warning_annotation_uses_warning_level():
    from generator.corpus.diagnostics import WARNING, Diagnostic

    line = Diagnostic("data/a.yaml", 3, 5, WARNING, "50% xong\nrồi", "gợi ý").github_annotation()
    assert line == "::warning file=data/a.yaml,line=3,col=5::50%25 xong%0Arồi (gợi ý: gợi ý)"


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_schema_field_has_vietnamese_title_description_and_examples(name):
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    rows = list(fields(schema))
    assert rows
    missing = [r.path for r in rows if not (r.title and r.description and r.examples)]
    assert missing == []


def test_examples_in_the_schema_are_valid():
    """Each example must itself pass the field's schema (they are shown to staff as models)."""
    import jsonschema

    schema = json.loads((SCHEMA_DIR / "document.schema.json").read_text(encoding="utf-8"))
    for name, prop in schema["properties"].items():
        for example in prop.get("examples", []):
            jsonschema.validate(example, {**prop, "$defs": schema["$defs"]})


def test_editing_guide_lists_every_field(built_site):
    page = (built_site / "huong-dan-bien-tap" / "index.html").read_text(encoding="utf-8")
    schema = json.loads((SCHEMA_DIR / "document.schema.json").read_text(encoding="utf-8"))
    for row in fields(schema):
        assert f"<code>{row.path}</code>" in page, row.path


def test_document_pages_link_to_their_yaml(built_site):
    page = (built_site / "van-ban" / "ha-noi" / "chi-thi-07-ct-tu-2021" / "index.html").read_text(encoding="utf-8")
    match = re.search(
        r'<a href="([^"]+)" class="vb-edit-link" rel="edit nofollow noopener">Đề xuất sửa dữ liệu \(cán bộ biên tập\)',
        page,
    )
    assert page.index("Đề xuất sửa dữ liệu") > page.index(
        'id="duoc-dan-chieu-boi"'
    )  # at the end, off the reader's path
    assert "Sửa văn bản này" not in page
    assert match and match.group(1).endswith("/edit/main/data/documents/ha-noi/chi-thi-07-ct-tu-2021.yaml")
    assert match.group(1).startswith("https://github.com/")


def test_contributor_guide_is_published(built_site):
    page = (built_site / "dong-gop" / "index.html").read_text(encoding="utf-8")
    assert "Thêm một văn bản từ giao diện web GitHub" in page
    assert (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").startswith("# Hướng dẫn đóng góp")


def test_precommit_runs_check_yamllint_formatter_and_type_checker():
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ids = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert {"generator-check", "yamllint", "ruff-format", "mypy"} <= ids
    workflow = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    assert "make lint" in workflow
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "generator check" in lint and "yamllint" in lint and "ruff format" in lint and "mypy" in lint
