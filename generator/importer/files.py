"""Files: read a .txt/.md/.docx source against the data folder (`import_file`), and save a
draft where it belongs (`save`): each document at data/documents/<jurisdiction>/<slug>.yaml
(or one file given with -o), and the source text at data/sources/<name>.txt (a .docx as its
extracted UTF-8 text), so that staff run one command. Nothing is ever overwritten."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from generator.importer.docx import read_docx
from generator.importer.draft import Draft
from generator.importer.drafting import import_text
from generator.vn.text import slug as slugify

__all__ = ["Saved", "command", "import_file", "read_source", "save", "source_name"]


def source_name(path: Path) -> str:
    """The file name the source gets in data/sources/ (lower case, no diacritics, .txt)."""
    name = path.name.lower()
    if re.match(r"^[a-z0-9][a-z0-9.-]*\.txt$", name) and name == path.name:
        return name
    return (slugify(path.stem) or "van-ban") + ".txt"


def read_source(path: Path) -> str:
    """The text of a .txt, .md or .docx file. Raises ValueError (Vietnamese) when unreadable."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        return read_docx(path)
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"tệp không phải UTF-8 (byte {exc.start}); lưu lại tệp với mã hóa UTF-8") from None


def import_file(path: Path, data_dir: Path, text: Optional[str] = None) -> Draft:
    """Read a .txt, .md or .docx file and draft its documents against the data folder."""
    from generator.corpus.read import read_corpus

    path = Path(path)
    text = read_source(path) if text is None else text
    corpus = read_corpus(Path(data_dir)).corpus
    known: set[tuple[str, str]] = set()
    taken: set[str] = set()
    if corpus:
        known |= {(d.id.split("/", 1)[0], d.number.value) for d in corpus.documents.values() if d.number}
        known |= {(e.id.split("/", 1)[0], e.number) for e in corpus.catalog.values() if e.number}
        taken |= set(corpus.documents)
    return import_text(
        text,
        source_name(path),
        organizations=corpus.organizations if corpus else {},
        jurisdictions=corpus.jurisdictions if corpus else {},
        known_numbers=known,
        taken_ids=taken,
    )


@dataclass
class Saved:
    documents: list[Path] = field(default_factory=list)
    source: Optional[Path] = None  # None: the same text was already there
    messages: list[str] = field(default_factory=list)


def save(
    draft: Draft,
    text: str,
    data_dir: Path,
    output: Optional[Path] = None,
    force: bool = False,
) -> Saved:
    """Write the draft and its source. Raises ValueError (Vietnamese) and writes nothing when
    a file is in the way or the text is not a directive (unless `force`)."""
    data_dir = Path(data_dir)
    if draft.not_directive and not force:
        raise ValueError(
            "tệp này có vẻ là bài viết hoặc trang tin về văn bản, không phải văn bản chỉ đạo; không lưu bản nháp "
            "(nếu chắc chắn đây là toàn văn văn bản, chạy lại với --force)"
        )
    if not draft.documents:
        raise ValueError("không có văn bản nào để lưu")
    targets = (
        [Path(output)]
        if output
        else [data_dir / "documents" / Path(d.path).relative_to("data/documents") for d in draft.documents]
    )
    contents = [draft.yaml] if output else [d.yaml for d in draft.documents]
    for target in targets:
        if target.exists():
            raise ValueError(f"đã có tệp {target}; không ghi đè (xóa tệp cũ, hoặc ghi bản nháp nơi khác bằng -o)")
    source = data_dir / "sources" / draft.source_name
    encoded = text.encode("utf-8")
    if source.exists() and source.read_bytes() != encoded:
        raise ValueError(
            f"đã có tệp nguồn {source} với nội dung khác; đổi tên tệp cần nhập (tên tệp nguồn lấy theo tên tệp) rồi "
            "nhập lại"
        )
    saved = Saved()
    for target, content in zip(targets, contents):
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as fh:  # "x": never overwrite, even in a race
            fh.write(content)
        saved.documents.append(target)
        saved.messages.append(f"Đã ghi bản nháp vào {target}.")
    if not source.exists():
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_bytes(encoded)
        saved.source = source
        saved.messages.append(f"Đã chép văn bản gốc vào {source} (trường source.file trỏ tới tệp này).")
    if output and len(draft.documents) > 1:
        saved.messages.append(
            f"Tệp {output} chứa {len(draft.documents)} văn bản ngăn cách bởi dòng “---”; tách thành các tệp theo "
            "đường dẫn ghi ở đầu mỗi văn bản trước khi kiểm tra."
        )
    return saved


def command(path: Path, data_dir: Path, output: Optional[Path], stdout: bool, force: bool) -> int:
    """The `import` subcommand: 0 saved (or printed), 1 when the file cannot be read or saved."""
    try:
        text = read_source(path)
        draft = import_file(path, data_dir=data_dir, text=text)
    except (OSError, ValueError) as exc:
        print(f"lỗi: không đọc được {path}: {exc}", file=sys.stderr)
        return 1
    for line in draft.summary():
        print(line, file=sys.stderr)
    if stdout:
        sys.stdout.write(draft.yaml)
        return 0
    try:
        saved = save(draft, text, data_dir, output, force)
    except (OSError, ValueError) as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 1
    for message in saved.messages:
        print(message, file=sys.stderr)
    print("Kiểm tra lại bản nháp rồi chạy: python -m generator check", file=sys.stderr)
    return 0
