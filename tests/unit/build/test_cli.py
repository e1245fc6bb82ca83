"""Each class of bad input stops `check` (and the build) with path:line:col and exit 1."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_generator

from tests.support.corpus import LOCATED, VALID, check, errors, write_doc


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


# --- files: a symbolic link in data/ is refused, never published --------------------------


@pytest.mark.parametrize("target", ["outside", "/proc/self/environ"])
def test_a_linked_source_is_refused_and_never_published(data_copy, tmp_path, target):
    secret = tmp_path / "outside"
    secret.write_text("OD_SECRET=do-not-publish\n", encoding="utf-8")
    link = data_copy / "sources" / "lien-ket.txt"
    link.symlink_to(secret if target == "outside" else target)
    write_doc(data_copy, VALID.replace("da-nang-chi-thi-08-ct-tu-2021.txt", "lien-ket.txt"))
    result = check(data_copy)
    assert result.returncode == 1
    assert re.search(r"sources/lien-ket\.txt:1:1: lỗi: là liên kết tượng trưng", result.stderr), result.stderr
    assert any("không có tệp nguồn “lien-ket.txt”" in e["message"] for e in errors(result))
    out = tmp_path / "md"
    built = run_generator("build", "--data", str(data_copy), "--out", str(out), env={"OD_SECRET": "do-not-publish"})
    assert built.returncode == 1 and not out.exists()


@pytest.mark.parametrize("what", ["document", "organizations", "jurisdictions", "folder"])
def test_linked_yaml_files_and_folders_are_refused(data_copy, tmp_path, what):
    outside = tmp_path / "elsewhere"
    if what == "document":
        outside.write_text(VALID, encoding="utf-8")
        (data_copy / "documents" / "da-nang" / "thu-nghiem.yaml").symlink_to(outside)
        shown = "documents/da-nang/thu-nghiem.yaml"
    elif what == "folder":
        outside.mkdir()
        (outside / "thu-nghiem.yaml").write_text(VALID.replace("da-nang/", "lien-ket/", 1), encoding="utf-8")
        (data_copy / "documents" / "lien-ket").symlink_to(outside)
        shown = "documents/lien-ket"
    else:
        name = "organizations/ha-noi.yaml" if what == "organizations" else "jurisdictions.yaml"
        original = data_copy / name
        outside.write_bytes(original.read_bytes())
        original.unlink()
        original.symlink_to(outside)
        shown = name
    result = check(data_copy)
    assert result.returncode == 1
    assert f"{shown}:1:1: lỗi: " in result.stderr and "liên kết tượng trưng" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


# --- check clean => build succeeds: what the build used to trip on -------------------------

ORG = "da-nang/ban-thuong-vu-thanh-uy"

CHECK_CASES = {
    # name: (document text, extra organizations YAML, message fragment)
    "relation to an unknown document": (
        VALID + "relations:\n  - {type: implements, target: da-nang/khong-co}\n",
        "",
        "không có văn bản “da-nang/khong-co”",
    ),
    "relation to itself": (
        VALID + "relations:\n  - {type: implements, target: da-nang/thu-nghiem}\n",
        "",
        "quan hệ với chính nó",
    ),
    "organisation id too long for the file system": (
        VALID.replace(ORG, "da-nang/" + "a" * 300),
        "- {id: da-nang/" + "a" * 300 + ", name: Cơ quan dài}\n",
        "quá dài",
    ),
    "document slug named index": (VALID, "", "tên dành riêng “index”"),
    "issue date in year 9999": (VALID.replace("2021-08-05", "9999-12-31"), "", "năm 9999 nằm ngoài khoảng"),
    "report dated 9999": (
        VALID + "tasks:\n  - {id: a, unit: d1, reports: [{date: '9999-12-31', status: done}]}\n",
        "",
        "ngày báo cáo: năm 9999",
    ),
    "deadline in year 9999": (
        VALID + "tasks:\n  - {id: a, unit: d1, deadline: trước ngày 31/12/9999}\n",
        "",
        "thời hạn: năm 9999",
    ),
    "recurring deadline from year 9999": (
        VALID + "tasks:\n  - {id: a, unit: d1, deadline: 'hằng năm, trước ngày 15/12 từ năm 9999'}\n",
        "",
        "thời hạn: năm 9999",
    ),
    "Cyrillic look-alike in the number": (
        VALID.replace("title:", "number: {value: 08-СТ/TU, source: printed}\ntitle:"),
        "",
        "“С” U+0421 (CYRILLIC CAPITAL LETTER ES) (chữ CYRILLIC) không phải chữ cái tiếng Việt;"
        " trông giống “C” (LATIN CAPITAL LETTER C); chuỗi trộn chữ CYRILLIC và LATIN",
    ),
    "Greek look-alike in an organisation name": (
        VALID,
        "- {id: da-nang/gia-mao, name: Ban Τuyên giáo}\n",
        "U+03A4 (GREEK CAPITAL LETTER TAU)",
    ),
    "fullwidth letters in the number": (
        VALID.replace("title:", "number: {value: 08-ＣＴ/TU, source: printed}\ntitle:"),
        "",
        "U+FF23 (FULLWIDTH LATIN CAPITAL LETTER C)",
    ),
    "no-break space in an organisation name": (
        VALID,
        '- {id: da-nang/gia-mao, name: "Ban\\u00a0Tuyên giáo"}\n',
        "khoảng trắng đặc biệt U+00A0 (NO-BREAK SPACE)",
    ),
    "zero-width space in an organisation name": (
        VALID,
        '- {id: da-nang/gia-mao, name: "Ban\\u200bTuyên giáo"}\n',
        "ký tự vô hình U+200B (ZERO WIDTH SPACE)",
    ),
}


@pytest.mark.parametrize("name", CHECK_CASES)
def test_what_the_build_would_trip_on_is_found_by_check(data_copy, name):
    text, orgs, fragment = CHECK_CASES[name]
    doc = "da-nang/index.yaml" if "index" in name else "da-nang/thu-nghiem.yaml"
    write_doc(data_copy, text.replace("da-nang/thu-nghiem", "da-nang/index") if "index" in name else text, doc)
    if orgs:
        with (data_copy / "organizations" / "da-nang.yaml").open("a", encoding="utf-8") as fh:
            fh.write(orgs)
    result = check(data_copy)
    assert result.returncode == 1, result.stderr
    assert any(fragment in e["message"] for e in errors(result)), result.stderr
    assert "Traceback" not in result.stderr


def test_a_second_document_with_the_same_identity_is_an_error(data_copy):
    numbered = VALID.replace("title:", "number: {value: 08-CT/TU, source: printed}\ntitle:")
    write_doc(data_copy, numbered)
    write_doc(data_copy, numbered.replace("thu-nghiem", "ban-sao"), "da-nang/ban-sao.yaml")
    result = check(data_copy)
    assert result.returncode == 1
    hits = [e for e in errors(result) if "cùng loại, số “08-CT/TU”" in e["message"]]
    assert hits, result.stderr  # 08-CT/TU of 05/8/2021 is also the real directive: all three collide
    assert any("trùng với văn bản “da-nang/ban-sao”" in e["message"] for e in hits)


# --- limits: zip bombs and killed builds ---------------------------------------------------


def test_a_docx_zip_bomb_is_refused_before_it_is_inflated(tmp_path, data_copy):
    import zipfile

    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            chunk = b"<w:t>" + b"a" * (1 << 20) + b"</w:t>"
            for _ in range(60):  # 60 MB of XML in a zip of about 60 KB
                part.write(chunk)
    assert bomb.stat().st_size < 1_000_000
    result = run_generator("import", str(bomb), "--data", str(data_copy))
    assert result.returncode == 1
    assert "quá giới hạn 50,000,000 byte" in result.stderr and "zip bomb" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_stale_staging_folders_of_killed_builds_are_removed(data_copy, tmp_path):
    out = tmp_path / "site"
    stale = [tmp_path / ".site-build-abc123", tmp_path / ".site-build-999999999-x"]
    for folder in stale:
        (folder / "van-ban").mkdir(parents=True)
        (folder / "van-ban" / "index.html").write_text("cũ", encoding="utf-8")
    live = tmp_path / f".site-build-{os.getpid()}-x"  # a build that is still running (this process)
    live.mkdir()
    md_stale = tmp_path / ".md-424242424-x"
    md_stale.mkdir()
    result = run_generator("site", "--out", str(out), "--build-date", "2026-11-21", env={"OD_DATA_DIR": str(data_copy)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert not any(folder.exists() for folder in stale)
    assert live.exists()
    assert sorted(p.name for p in tmp_path.glob(".site-build-*")) == [live.name]
    built = run_generator("build", "--data", str(data_copy), "--out", str(tmp_path / "md"))
    assert built.returncode == 0 and not md_stale.exists()


def test_a_killed_site_build_leaves_nothing_after_the_next_run(data_copy, tmp_path):
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "site"
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "site", "--out", str(out), "--build-date", "2026-11-21"],
        cwd=ROOT,
        env={**os.environ, "OD_DATA_DIR": str(data_copy)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".site-build-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    left = list(tmp_path.glob(".site-build-*"))
    assert left  # the killed build's staging folder
    again = run_generator("site", "--out", str(out), "--build-date", "2026-11-21", env={"OD_DATA_DIR": str(data_copy)})
    assert again.returncode == 0, again.stderr[-2000:]
    assert not list(tmp_path.glob(".site-build-*")) and (out / "index.html").exists()


def test_a_command_runs_with_the_cyclic_collector_paused(monkeypatch):
    """The heap of a build is millions of acyclic objects: a collection after the generator's
    stages (writing the manifest) walked all of them again, 10 s at 10,000 documents."""
    import gc

    from generator.build import cli

    seen = []
    monkeypatch.setattr(cli, "cmd_check", lambda args: seen.append(gc.isenabled()) or 0)
    assert gc.isenabled()
    assert cli.main(["check"]) == 0
    assert seen == [False]
    assert gc.isenabled()
