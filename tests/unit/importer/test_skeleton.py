"""generator/importer/skeleton.py (`python -m generator new`): the skeleton fails `check` at each
placeholder until it is filled, then passes; refusals, slugs, prompts."""

from __future__ import annotations

import pytest
import yaml

from generator.build.pipeline import check
from generator.corpus.unfinished import PLACEHOLDERS
from generator.importer.skeleton import make_slug, new_document
from tests.conftest import run_generator


def fill(path) -> None:
    """What a person does with a skeleton: replace every placeholder with the real text."""
    text = path.read_text(encoding="utf-8")
    for placeholder in PLACEHOLDERS:
        text = text.replace(placeholder, "Nội dung chép từ văn bản gốc.")
    path.write_text(text, encoding="utf-8")


def unfinished(data_dir) -> list:
    return [d for d in check(data_dir).diagnostics if d.is_error]


def test_new_then_check(data_copy):
    result = run_generator(
        "new",
        "--kind",
        "chi-thi",
        "--issuer",
        "da-nang/ban-thuong-vu-thanh-uy",
        "--number",
        "09-CT/TU",
        "--date",
        "2022-01-10",
        "--no-input",
        "--data",
        str(data_copy),
    )
    assert result.returncode == 0, result.stderr
    path = data_copy / "documents" / "da-nang" / "chi-thi-09-ct-tu-2022.yaml"
    assert path.exists() and "Đã tạo" in result.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../generator/schema/document.schema.json\n")
    data = yaml.safe_load(text)
    assert data["id"] == "da-nang/chi-thi-09-ct-tu-2022"
    assert data["number"] == {"value": "09-CT/TU", "source": "printed"}
    assert data["date"] == {"value": "2022-01-10", "precision": "day", "source": "printed"}
    assert data["issuer"] == "da-nang/ban-thuong-vu-thanh-uy" and data["system"] == "party"
    assert data["source"] == {"file": "chi-thi-09-ct-tu-2022.txt"}
    assert (data_copy / "sources" / "chi-thi-09-ct-tu-2022.txt").exists()
    # every field has a Vietnamese comment
    for key in ("id", "kind", "number", "issuer", "system", "date", "heading", "title", "preamble", "body", "source"):
        before = text.split(f"\n{key}:", 1)[0].splitlines()[-1]
        assert before.startswith("# "), key
    # untouched, the skeleton fails `check` at each placeholder line, and only there
    checked = run_generator("check", "--data", str(data_copy))
    assert checked.returncode == 1
    values = [p for p in PLACEHOLDERS if p.startswith("(")]
    placeholder_lines = {
        no
        for no, line in enumerate(text.splitlines(), 1)
        if not line.startswith("#") and any(p in line for p in values)
    }
    errors = unfinished(data_copy)
    assert {d.line for d in errors} == placeholder_lines and len(placeholder_lines) == 4
    assert all(
        d.message.startswith("còn việc cần kiểm tra: giá trị mẫu") and d.path.endswith(path.name) for d in errors
    )
    assert "còn việc cần kiểm tra" in checked.stderr
    fill(path)
    checked = run_generator("check", "--data", str(data_copy))
    assert checked.returncode == 0, checked.stderr


def test_new_without_number_or_date(data_copy):
    path = new_document(data_copy, kind="ke-hoach", issuer="ha-tinh/ubnd-tinh", interactive=False)
    assert path.name == "ke-hoach-1.yaml" and path.parent.name == "ha-tinh"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "number" not in data and data["date"] == {"precision": "unknown"} and data["system"] == "state"
    second = new_document(data_copy, kind="ke-hoach", issuer="ha-tinh/ubnd-tinh", date="2022", interactive=False)
    assert second.name == "ke-hoach-2022-1.yaml"
    assert {d.path.rsplit("/", 1)[-1] for d in unfinished(data_copy)} == {path.name, second.name}
    fill(path)
    fill(second)
    assert not unfinished(data_copy)


def test_missing_issuer_without_input_exits_2(data_copy):
    result = run_generator("new", "--kind", "chi-thi", "--no-input", "--data", str(data_copy))
    assert result.returncode == 2
    assert "thiếu cơ quan ban hành" in result.stderr
    result = run_generator("new", "--issuer", "da-nang/ban-thuong-vu-thanh-uy", "--no-input", "--data", str(data_copy))
    assert result.returncode == 2 and "thiếu loại văn bản" in result.stderr


@pytest.mark.parametrize(
    "options, message",
    [
        (dict(kind="chi-thi", issuer="da-nang/khong-co"), "không có cơ quan"),
        (dict(kind="cong-thu", issuer="da-nang/ban-thuong-vu-thanh-uy"), "loại văn bản"),
        (dict(kind="chi-thi", issuer="da-nang/ban-thuong-vu-thanh-uy", date="2022-02-30"), "ngày"),
        (dict(kind="chi-thi", issuer="da-nang/ban-thuong-vu-thanh-uy", number="không số"), "số, ký hiệu"),
        (dict(kind="chi-thi", issuer="da-nang/ban-thuong-vu-thanh-uy", slug="Chỉ thị"), "tên tệp"),
    ],
)
def test_bad_input_is_refused(data_copy, options, message):
    with pytest.raises(ValueError, match=message):
        new_document(data_copy, interactive=False, **options)


def test_refuses_to_overwrite(data_copy):
    args = (
        "new",
        "--kind",
        "chi-thi",
        "--issuer",
        "da-nang/ban-thuong-vu-thanh-uy",
        "--number",
        "08-CT/TU",
        "--date",
        "2021-08-05",
        "--no-input",
        "--data",
        str(data_copy),
    )
    existing = data_copy / "documents" / "da-nang" / "chi-thi-08-ct-tu-2021.yaml"
    before = existing.read_text(encoding="utf-8")
    result = run_generator(*args, "--slug", "chi-thi-08-ct-tu-2021")
    assert result.returncode == 2 and "không ghi đè" in result.stderr
    assert existing.read_text(encoding="utf-8") == before
    # without --slug the derived name steps aside instead
    result = run_generator(*args)
    assert result.returncode == 0
    assert (data_copy / "documents" / "da-nang" / "chi-thi-08-ct-tu-2021-2.yaml").exists()


def test_existing_source_file_is_kept(data_copy):
    source = data_copy / "sources" / "chi-thi-10-ct-tu-2022.txt"
    source.write_text("Văn bản gốc.\n", encoding="utf-8")
    new_document(
        data_copy,
        kind="chi-thi",
        issuer="da-nang/ban-thuong-vu-thanh-uy",
        number="10-CT/TU",
        date="2022-03-01",
        interactive=False,
    )
    assert source.read_text(encoding="utf-8") == "Văn bản gốc.\n"


def test_interactive_prompts(data_copy):
    answers = iter(["quyet-dinh", "ha-noi/ban-thuong-vu-thanh-uy", "Số 12- QĐ/TU", "01/3/2022"])
    prompts = []

    def ask(prompt):
        prompts.append(prompt)
        return next(answers)

    path = new_document(data_copy, ask=ask)
    assert len(prompts) == 4 and all(p.strip() for p in prompts)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["id"] == "ha-noi/quyet-dinh-12-qd-tu-2022"
    assert data["number"] == {"value": "12-QĐ/TU", "printed_as": "Số 12- QĐ/TU", "source": "printed"}
    assert data["date"]["value"] == "2022-03-01"
    assert unfinished(data_copy)
    fill(path)
    assert not unfinished(data_copy)


@pytest.mark.parametrize(
    "kind, number, year, taken, expected",
    [
        ("chi-thi", "08-CT/TU", 2021, (), "chi-thi-08-ct-tu-2021"),
        ("chi-thi", "16/CT-TTg", 2016, (), "chi-thi-16-ct-ttg-2016"),
        ("nghi-dinh", "34/2021/NĐ-CP", 2021, (), "nghi-dinh-34-2021-nd-cp"),
        ("chi-thi", "08-CT/TU", None, (), "chi-thi-08-ct-tu"),
        ("chi-thi", None, 2021, ("chi-thi-2021-1",), "chi-thi-2021-2"),
        ("ke-hoach", None, None, (), "ke-hoach-1"),
    ],
)
def test_slugs(kind, number, year, taken, expected):
    assert make_slug(kind, number, year, taken) == expected
