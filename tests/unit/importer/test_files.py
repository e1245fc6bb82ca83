"""generator/importer/files.py: `python -m generator import` saves the draft where it belongs (or -o) and copies the source text into data/sources/; never overwrites."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import DATA, run_generator


def test_cli_import(tmp_path, data_copy):
    source = DATA / "sources" / "ha-noi-chi-thi-07-ct-tu-2021.txt"
    out = tmp_path / "nhap.yaml"
    result = run_generator("import", str(source), "-o", str(out), "--data", str(data_copy))
    assert result.returncode == 0, result.stderr
    assert "Đã soạn bản nháp" in result.stderr and "nhiệm vụ" in result.stderr
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["number"]["value"] == "07-CT/TU"
    result = run_generator("import", str(source), "--stdout", "--data", str(data_copy))
    assert result.stdout.startswith("# yaml-language-server:")
    assert run_generator("import", str(tmp_path / "khong-co.txt"), "--data", str(data_copy)).returncode == 1
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"not a zip")
    result = run_generator("import", str(broken), "--data", str(data_copy))
    assert result.returncode == 1 and "không đọc được" in result.stderr


def test_save_writes_the_draft_and_copies_the_source(data_copy, tmp_path):
    from generator.importer.files import import_file, read_source, save

    source = tmp_path / "Chỉ thị 06 Quảng Trị.txt"
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 06/CT-UBND\n"
        "Quảng Trị, ngày 25 tháng 11 năm 2025\nCHỈ THỊ\nVề việc tăng cường quản lý rừng\n1. Các sở thực hiện.\n"
    )
    source.write_text(text, encoding="utf-8")
    draft = import_file(source, data_copy)
    saved = save(draft, read_source(source), data_copy)
    target = data_copy / "documents" / "quang-tri" / "chi-thi-06-ct-ubnd-2025.yaml"
    assert saved.documents == [target] and target.read_text(encoding="utf-8") == draft.yaml
    assert saved.source == data_copy / "sources" / "chi-thi-06-quang-tri.txt"
    assert saved.source.read_text(encoding="utf-8") == text
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["source"] == {"file": "chi-thi-06-quang-tri.txt"}
    # nothing is overwritten: the same import again is refused and writes nothing
    with pytest.raises(ValueError, match="không ghi đè"):
        save(draft, text, data_copy)
    # a different text under the same source name is refused too
    target.unlink()
    with pytest.raises(ValueError, match="nội dung khác"):
        save(draft, text + "thêm", data_copy)
    assert not target.exists()


def test_a_docx_source_is_saved_as_its_text(data_copy, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ("CHỈ THỊ", "về công tác dân vận", "1. Ban Dân vận Thành ủy chủ trì thực hiện."):
        document.add_paragraph(line)
    path = tmp_path / "van-ban.docx"
    document.save(path)
    result = run_generator("import", str(path), "--data", str(data_copy))
    assert result.returncode == 0, result.stderr
    saved = (data_copy / "sources" / "van-ban.txt").read_text(encoding="utf-8")
    assert saved.splitlines()[0] == "CHỈ THỊ" and "Ban Dân vận Thành ủy" in saved
    assert "Đã chép văn bản gốc vào" in result.stderr


def test_an_article_is_not_saved_unless_forced(data_copy, tmp_path):
    article = tmp_path / "tin-bai.txt"
    article.write_text(
        "CTTĐT - Ngày 6/8, Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17 về công tác điều tra.\n"
        "Nội dung Chỉ thị như sau:\nTrong những năm qua, các cấp ủy đã thực hiện tốt.\n",
        encoding="utf-8",
    )
    result = run_generator("import", str(article), "--data", str(data_copy))
    assert result.returncode == 1 and "không phải văn bản chỉ đạo" in result.stderr
    assert not (data_copy / "sources" / "tin-bai.txt").exists()
    assert not list((data_copy / "documents").glob("yen-bai/*"))
    forced = run_generator("import", str(article), "--force", "--data", str(data_copy))
    assert forced.returncode == 0, forced.stderr
    saved = next((data_copy / "documents").glob("yen-bai/*.yaml"))
    checked = run_generator("check", "--data", str(data_copy))
    assert checked.returncode == 1 and f"{saved.name}:" in checked.stderr  # it cannot pass as it is
