"""A small valid document and helpers to write it into a copy of data/ and read `check`'s
located errors, shared by the command-line, loader, hint and importer tests; a fuller document
(FULL) and a corpus in memory (`make_sources`) for the tests of the rules."""

from __future__ import annotations

import re
from collections.abc import Iterable
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

# A document that uses every part the rules on one document look at; its source file is "nguon.txt".
FULL = """\
id: da-nang/thu
kind: chi-thi
issuer: da-nang/thanh-uy
system: party
number: {value: 01-CT/TU, source: printed}
date: {value: "2021-08-05", precision: day, source: printed}
title: về thử nghiệm
period: {start: 2021, end: 2025}
body:
  - {type: item, number: "1", text: "Nội dung[^1]."}
footnotes:
  - {id: "1", text: Chú thích.}
tasks:
  - id: a
    unit: muc-1
    reports: [{date: "2022-01-10", status: done}]
source: {file: nguon.txt}
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


# --- a corpus in memory, as read_corpus builds it, for the rules across files ---------------

JURISDICTIONS = """\
- {id: da-nang, name: Thành phố Đà Nẵng, short_name: Đà Nẵng}
- {id: ha-noi, name: Thành phố Hà Nội, short_name: Hà Nội}
"""

ORGANIZATIONS = """\
- id: da-nang/thanh-uy
  name: Thành ủy Đà Nẵng
  aliases: [Thành uỷ Đà Nẵng, Thành ủy]
- id: da-nang/ban-thuong-vu-thanh-uy
  name: Ban Thường vụ Thành ủy Đà Nẵng
  aliases: [Ban Thường vụ Thành ủy]
  parent: da-nang/thanh-uy
"""

REFERENCES = """\
- id: da-nang/cong-van-1720-cv-tu-2010
  kind: cong-van
  number: 1720-CV/TU
  date: '2010-04-12'
  issuer: Ban Thường vụ Thành ủy
"""


def make_sources(
    documents: Iterable[str] = (),
    organizations: dict[str, str] | None = None,
    jurisdictions: str | None = JURISDICTIONS,
    references: str | None = REFERENCES,
    data_dir: Path = Path("data"),
):
    """`Sources` built from YAML texts the way `read_corpus` builds them: documents (each file
    named after its id), organization files by jurisdiction, jurisdictions and the catalog."""
    from generator.corpus.builders import make_catalog_entry, make_document, make_organization
    from generator.corpus.corpus_rules import catalog_date_exists
    from generator.corpus.load import load_text
    from generator.corpus.model import Corpus, Jurisdiction
    from generator.corpus.sources import Sources

    organizations = {"da-nang": ORGANIZATIONS} if organizations is None else organizations
    docs = {}
    for text in documents:
        doc_id = re.search(r"^id: (\S+)$", text, re.MULTILINE).group(1)
        loaded = load_text(text, f"data/documents/{doc_id}.yaml")
        docs[doc_id] = make_document(loaded.data, loaded.origin())
    jurisdiction_file = load_text(jurisdictions, "data/jurisdictions.yaml") if jurisdictions is not None else None
    organization_files = [load_text(text, f"data/organizations/{name}.yaml") for name, text in organizations.items()]
    reference_file = load_text(references, "data/references.yaml") if references is not None else None
    orgs, org_origins = {}, {}
    for file in organization_files:
        for i, raw in enumerate(file.data):
            orgs[raw["id"]] = make_organization(raw)
            org_origins[raw["id"]] = file.origin().entry(i)
    catalog, catalog_origins = {}, {}
    for i, raw in enumerate(reference_file.data if reference_file else []):
        if catalog_date_exists(raw):
            catalog[raw["id"]] = make_catalog_entry(raw)
            catalog_origins[raw["id"]] = reference_file.origin().entry(i)
    corpus = Corpus(
        documents=docs,
        organizations=orgs,
        jurisdictions={raw["id"]: Jurisdiction(**raw) for raw in jurisdiction_file.data} if jurisdiction_file else {},
        catalog=catalog,
    )
    return Sources(
        data_dir,
        str,
        corpus,
        catalog=catalog_origins,
        organizations=org_origins,
        jurisdiction_file=jurisdiction_file,
        organization_files=organization_files,
        reference_file=reference_file,
    )
