"""generator/corpus/hints.py: the entry to paste when check finds a jurisdiction or an
organization missing; one line, valid YAML, refused by check until its "…" are filled."""

from __future__ import annotations

import yaml

from generator.corpus.hints import jurisdiction_hint, organization_hint
from generator.corpus.load import load_text
from generator.corpus.unfinished import unfinished_work


def _entry(hint: str) -> list:
    return yaml.safe_load(hint.split(": ", 1)[1].split(" (xem", 1)[0].split(" với tên", 1)[0])


def test_a_known_province_gets_its_full_entry():
    hint = jurisdiction_hint("quang-tri")
    assert "\n" not in hint and hint.startswith("thêm vào cuối data/jurisdictions.yaml: ")
    assert _entry(hint) == [{"id": "quang-tri", "name": "Tỉnh Quảng Trị", "short_name": "Quảng Trị"}]
    assert _entry(jurisdiction_hint("can-tho"))[0]["name"] == "Thành phố Cần Thơ"


def test_an_unknown_slug_and_an_organization_get_a_template_check_refuses_as_is():
    for hint in (jurisdiction_hint("vung-moi"), organization_hint("quang-tri/so-noi-vu")):
        entry = _entry(hint)
        text = yaml.safe_dump(entry, allow_unicode=True)
        assert [d.line for d in list(unfinished_work(load_text(text, "f.yaml")))]  # "…" is a placeholder
    assert "data/organizations/quang-tri.yaml" in organization_hint("quang-tri/so-noi-vu")


def test_check_prints_the_hints(data_copy):
    from tests.conftest import run_generator
    from tests.test_bad_input import VALID, write_doc

    text = VALID.replace("da-nang/thu-nghiem", "quang-tri/thu-nghiem").replace(
        "da-nang/ban-thuong-vu-thanh-uy", "quang-tri/ubnd-tinh"
    )
    write_doc(data_copy, text, "quang-tri/thu-nghiem.yaml")
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 1
    assert "{id: quang-tri, name: Tỉnh Quảng Trị, short_name: Quảng Trị}" in result.stderr
    assert "data/organizations/quang-tri.yaml: - {id: quang-tri/ubnd-tinh, name: …}" in result.stderr
