"""A small valid document and helpers to write it into a copy of data/ and read `check`'s
located errors. Shared by the command-line, loader, hint and importer tests."""

from __future__ import annotations

import re
from pathlib import Path

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
