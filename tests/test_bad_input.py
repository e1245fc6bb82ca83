"""Each class of bad input stops `check` (and the build) with path:line:col and exit 1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_generator

VALID = """\
id: da-nang/thu-nghiem
kind: chi-thi
issuer: da-nang/ban-thuong-vu-thanh-uy
system: party
date: {value: "2021-08-05", precision: day, source: printed}
title: về thử nghiệm
body:
  - Đoạn một.
source: {file: da-nang-chi-thi-08-ct-tu-2021.txt}
"""

LOCATED = re.compile(r"^(?P<path>\S+\.ya?ml):(?P<line>\d+):(?P<col>\d+): lỗi: (?P<message>.+)$", re.M)


def write_doc(data: Path, text: str, name: str = "da-nang/thu-nghiem.yaml") -> Path:
    path = data / "documents" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(data: Path):
    return run_generator("check", "--data", str(data))


def errors(result) -> list[dict]:
    return [m.groupdict() for m in LOCATED.finditer(result.stderr)]


def test_valid_document_passes(data_copy):
    write_doc(data_copy, VALID)
    result = check(data_copy)
    assert result.returncode == 0, result.stderr


CASES = {
    # name: (document text, expected line, message fragment)
    "malformed yaml": (VALID.replace("title: về thử nghiệm", "title: [về thử nghiệm"), None, "YAML không hợp lệ"),
    "missing required field": (VALID.replace("title: về thử nghiệm\n", ""), 1, "thiếu trường bắt buộc “title”"),
    "wrong type": (VALID.replace("body:\n  - Đoạn một.", "body: 12"), 7, "sai kiểu"),
    "unknown kind": (VALID.replace("kind: chi-thi", "kind: sac-lenh"), 2, "“sac-lenh” không hợp lệ"),
    "unknown field (typo)": (VALID.replace("title:", "tittle:"), 6, "trường không hợp lệ “tittle”"),
    "impossible date": (VALID.replace("2021-08-05", "2021-02-30"), 5, "ngày không tồn tại: 2021-02-30"),
    "unknown organization": (
        VALID.replace("da-nang/ban-thuong-vu-thanh-uy", "da-nang/khong-co"),
        3,
        "không có cơ quan “da-nang/khong-co”",
    ),
    "id escaping the output folder": (VALID.replace("id: da-nang/thu-nghiem", "id: ../x"), 1, "không đúng định dạng"),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_located(data_copy, name):
    text, line, fragment = CASES[name]
    path = write_doc(data_copy, text)
    result = check(data_copy)
    assert result.returncode == 1, result.stderr
    found = errors(result)
    assert found, result.stderr
    assert any(fragment in e["message"] for e in found), result.stderr
    hit = next(e for e in found if fragment in e["message"])
    assert Path(hit["path"]).resolve() == path.resolve()
    if line is not None:
        assert int(hit["line"]) == line, result.stderr


def test_typo_hint_suggests_the_right_field(data_copy):
    write_doc(data_copy, VALID.replace("title:", "tittle:"))
    assert "có phải là “title”?" in check(data_copy).stderr


def test_malformed_yaml_points_at_the_problem(data_copy):
    write_doc(data_copy, VALID.replace("system: party", "system: party\n  bad: : x"))
    result = check(data_copy)
    assert result.returncode == 1
    hit = errors(result)[0]
    assert int(hit["line"]) in (4, 5)


def test_duplicate_id(data_copy):
    write_doc(data_copy, VALID)
    write_doc(data_copy, VALID, "da-nang/ban-sao.yaml")  # same id inside, another file
    result = check(data_copy)
    assert result.returncode == 1
    assert any("không khớp với vị trí tệp" in e["message"] or "bị trùng" in e["message"] for e in errors(result))


def test_file_outside_the_documents_layout(data_copy):
    write_doc(data_copy, VALID, "da-nang/sub/thu-nghiem.yaml")
    result = check(data_copy)
    assert result.returncode == 1
    assert "data/documents/<địa bàn>/<tên>.yaml" in result.stderr


def test_nfd_text_is_normalized(data_copy, tmp_path):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "về thử nghiệm Hòa Vang")
    write_doc(data_copy, VALID.replace("về thử nghiệm", nfd))
    out = tmp_path / "md"
    result = run_generator("build", "--data", str(data_copy), "--out", str(out), "--build-date", "2026-11-21")
    assert result.returncode == 0, result.stderr
    page = (out / "van-ban/da-nang/thu-nghiem.md").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", nfd) in page
    assert nfd not in page


def test_exit_code_2_on_usage_error():
    result = run_generator("check", "--no-such-option")
    assert result.returncode == 2


def test_build_stops_on_errors_and_writes_nothing(data_copy, tmp_path):
    write_doc(data_copy, VALID.replace("2021-08-05", "2021-02-30"))
    out = tmp_path / "md"
    result = run_generator("build", "--data", str(data_copy), "--out", str(out))
    assert result.returncode == 1
    assert not out.exists()


def test_failed_site_build_keeps_the_previous_site(data_copy, tmp_path):
    out = tmp_path / "site"
    first = run_generator("site", "--out", str(out), "--build-date", "2026-11-21", env={"OD_DATA_DIR": str(data_copy)})
    assert first.returncode == 0, first.stderr[-2000:]
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    write_doc(data_copy, VALID.replace("2021-08-05", "2021-02-30"))
    second = run_generator("site", "--out", str(out), "--build-date", "2026-11-21", env={"OD_DATA_DIR": str(data_copy)})
    assert second.returncode == 1
    assert "ngày không tồn tại" in second.stderr
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob(".site-build-*"))  # no staging folder left behind
