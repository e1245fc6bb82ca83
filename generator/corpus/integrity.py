"""Rules that make `check` clean imply a build that succeeds, and that keep identities honest.

Each rule is a named function of the `Sources` (the corpus and where every record came from)
that yields located diagnostics; `generator/corpus/rules.py` lists them:

- data_files: a symbolic link, FIFO or device anywhere in data/ (the build never follows one);
- unknown_relation_targets: a stated relation to a document that is neither published nor
  catalogued (the page would have nothing to link to);
- name_lengths / reserved_names: an id that cannot be a file name (too long for the file
  system) or that collides with a page the site generates ("index");
- date_ranges: a date, report date, period or deadline whose year is outside
  MIN_YEAR..MAX_YEAR (a deadline in year 9999 made date arithmetic overflow);
- duplicate_identities: two documents with the same kind, number, issuer and date;
- identity_characters: numbers, ids and organisation names hold only letters of the
  Vietnamese alphabet, digits and ordinary signs: no look-alike letters of another script
  (Cyrillic "С" for Latin "C": Unicode's TR39 confusables name what it looks like), no
  invisible or format characters, nothing that NFKC would change (fullwidth "ＣＴ").
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, Iterator, Optional

from generator.corpus.diagnostics import ERROR, Diagnostic, Location
from generator.corpus.load import data_folder_diagnostics, describe
from generator.corpus.sources import Sources
from generator.vn import deadlines
from generator.vn.mojibake import is_vietnamese_letter

MIN_YEAR, MAX_YEAR = 1900, 2200
MAX_NAME = 100  # characters of one id segment: a folder or file name, well under 255 bytes
RESERVED = {"index"}  # "van-ban/da-nang/index.md" would be the folder's own page, not a document


def _at(where: Location, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic.at(where, ERROR, message, hint)


# --- files ---------------------------------------------------------------------------------


def data_files(sources: Sources) -> list[Diagnostic]:
    return data_folder_diagnostics(sources.data_dir, sources.display)


# --- references the build follows ----------------------------------------------------------


def unknown_relation_targets(sources: Sources) -> Iterator[Diagnostic]:
    corpus = sources.corpus
    for doc_id, document in corpus.documents.items():
        for i, relation in enumerate(document.relations):
            where = document.origin.at(("relations", i, "target"))
            if relation.target == doc_id:
                yield _at(where, "văn bản không thể có quan hệ với chính nó")
            elif corpus.find(relation.target) is None:
                yield _at(
                    where,
                    f"không có văn bản “{relation.target}” (chưa công bố và chưa có trong data/references.yaml)",
                    "sửa mã văn bản, hoặc thêm văn bản vào data/references.yaml",
                )


# --- ids that become file names ------------------------------------------------------------


def _ids(sources: Sources) -> Iterator[tuple[str, Location]]:
    """Every id that names a page or a folder: documents, catalog entries, organizations,
    jurisdictions; with where it is written."""
    for doc_id, document in sources.corpus.documents.items():
        yield doc_id, document.origin.at(("id",))
    for ref_id, origin in sources.catalog.items():
        yield ref_id, origin.at(("id",))
    for org_id, origin in sources.organizations.items():
        yield org_id, origin.at(("id",))
    file = sources.jurisdiction_file
    if file is not None:
        for i, raw in enumerate(file.data):
            yield raw["id"], file.origin().at((i, "id"))


def name_lengths(sources: Sources) -> Iterator[Diagnostic]:
    for identifier, where in _ids(sources):
        segment = next((s for s in identifier.split("/") if len(s.encode("utf-8")) > MAX_NAME), None)
        if segment is not None:
            yield _at(
                where,
                f"mã “{identifier[:40]}…” quá dài: mỗi phần của mã là tên thư mục hoặc tệp trên trang,"
                f" tối đa {MAX_NAME} ký tự (phần này có {len(segment)})",
                "rút gọn tên ngắn trong mã",
            )


def reserved_names(sources: Sources) -> Iterator[Diagnostic]:
    for identifier, where in _ids(sources):
        clash = next((s for s in identifier.split("/") if s in RESERVED), None)
        if clash:
            yield _at(
                where,
                f"mã “{identifier}” dùng tên dành riêng “{clash}” (trùng với trang mục lục mà trang web tự tạo)",
                "đặt tên khác, ví dụ thêm loại và số văn bản",
            )


# --- dates ---------------------------------------------------------------------------------


def _years(deadline: deadlines.Deadline) -> Iterable[int]:
    for day in (deadline.start, deadline.end):
        if day is not None:
            yield day.year
    for part in deadline.parts:
        yield from _years(part)


def _out_of_range(years: Iterable[int], what: str, where: Location) -> Iterator[Diagnostic]:
    """A diagnostic for the first year outside MIN_YEAR..MAX_YEAR, if any."""
    year = next((y for y in years if not MIN_YEAR <= y <= MAX_YEAR), None)
    if year is not None:
        yield _at(
            where,
            f"{what}: năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}",
            "kiểm tra lại năm (thường do gõ nhầm)",
        )


def date_ranges(sources: Sources) -> Iterator[Diagnostic]:
    for document in sources.corpus.documents.values():
        origin, date = document.origin, document.date
        if date.value:
            yield from _out_of_range([date.value.year], "ngày ban hành", origin.at(("date", "value")))
        if date.not_before:
            yield from _out_of_range([date.not_before.year], "ngày ban hành", origin.at(("date", "not_before")))
        context = date.value.year if date.value and date.known else None
        for i, task in enumerate(document.tasks):
            for j, report in enumerate(task.reports):
                yield from _out_of_range(
                    [report.date.year], "ngày báo cáo", origin.at(("tasks", i, "reports", j, "date"))
                )
            if task.deadline:
                parsed = deadlines.parse(task.deadline, context_year=context)
                yield from _out_of_range(_years(parsed), "thời hạn", origin.at(("tasks", i, "deadline")))
    for ref_id, entry in sources.corpus.catalog.items():
        if entry.date:
            yield from _out_of_range([entry.date.year], "ngày", sources.catalog[ref_id].at(("date",)))


# --- identity ------------------------------------------------------------------------------


def _fold_number(number: str) -> str:
    text = unicodedata.normalize("NFKC", number).casefold()
    return "".join(text.split()).replace("–", "-").replace("—", "-")


def duplicate_identities(sources: Sources) -> Iterator[Diagnostic]:
    """Kind, number, issuer and date name one document: a second one is an error, cited or not."""
    first: dict[tuple, str] = {}
    documents = sources.corpus.documents
    for doc_id in sorted(documents):
        document = documents[doc_id]
        if not document.number:
            continue
        key = (
            document.kind,
            _fold_number(document.number.value),
            document.issuer,
            document.date.precision,
            document.date.value,
        )
        if key in first:
            yield _at(
                document.origin.at(("number", "value")),
                f"trùng với văn bản “{first[key]}”: cùng loại, số “{document.number.value}”, cơ quan ban hành"
                " và ngày ban hành",
                "một văn bản chỉ được công bố một lần; xóa bản trùng hoặc sửa số, ngày",
            )
        else:
            first[key] = doc_id


def character_problem(text: str) -> Optional[tuple[str, str]]:
    """Message and hint when `text` (a number, an id, an organisation name) holds a character
    that is not a Vietnamese letter, a digit, a space or an ordinary sign; None when clean."""
    if text.isascii():
        return None
    for char in text:
        if char.isascii():
            continue
        category = unicodedata.category(char)
        if category == "Cf" or category.startswith("Z") and char != " ":
            return (
                f"ký tự vô hình hoặc khoảng trắng đặc biệt {describe(char)}",
                "xóa ký tự này rồi gõ lại; số, mã và tên cơ quan chỉ dùng chữ, số và dấu thông thường",
            )
        if category[0] in "LN" and not is_vietnamese_letter(char):
            return _lookalike(text, char)
        if category[0] not in "LNPZS" or unicodedata.normalize("NFKC", char) != char:
            return (
                f"ký tự {describe(char)} không dùng trong số, mã hoặc tên cơ quan",
                "gõ lại bằng bàn phím tiếng Việt (Unicode dựng sẵn)",
            )
    return None


def _lookalike(text: str, char: str) -> tuple[str, str]:
    from confusable_homoglyphs import categories, confusables  # type: ignore[import-untyped]  # Unicode TR39 data

    script = categories.alias(char)
    looks = confusables.is_confusable(char, preferred_aliases=["latin", "common"], greedy=False) or []
    like = next((h for g in looks for h in g["homoglyphs"] if h["c"].isascii() or is_vietnamese_letter(h["c"])), None)
    scripts = sorted(categories.unique_aliases(text) - {"COMMON", "INHERITED"})
    message = f"ký tự “{char}” {describe(char)} (chữ {script}) không phải chữ cái tiếng Việt"
    if like:
        message += f"; trông giống “{like['c']}” ({like['n']})"
    if len(scripts) > 1:
        message += f"; chuỗi trộn chữ {' và '.join(scripts)}"
    return message, "gõ lại bằng bàn phím tiếng Việt; số, mã và tên cơ quan chỉ dùng chữ cái tiếng Việt"


def identity_characters(sources: Sources) -> Iterator[Diagnostic]:
    for label, text, where in _identity_fields(sources):
        problem = character_problem(text)
        if problem:
            yield _at(where, f"{label} “{text[:60]}”: {problem[0]}", problem[1])


def _identity_fields(sources: Sources) -> Iterator[tuple[str, str, Location]]:
    """(label, text, where) for every number, id and organisation name."""
    yield from _document_identities(sources)
    yield from _catalog_identities(sources)
    yield from _organization_identities(sources)
    yield from _jurisdiction_identities(sources)


def _document_identities(sources: Sources) -> Iterator[tuple[str, str, Location]]:
    for doc_id, document in sources.corpus.documents.items():
        origin = document.origin
        yield "mã văn bản", doc_id, origin.at(("id",))
        if document.number:
            yield "số, ký hiệu", document.number.value, origin.at(("number", "value"))
            if document.number.printed_as:
                yield "số, ký hiệu", document.number.printed_as, origin.at(("number", "printed_as"))


def _catalog_identities(sources: Sources) -> Iterator[tuple[str, str, Location]]:
    for ref_id, entry in sources.corpus.catalog.items():
        origin = sources.catalog[ref_id]
        yield "mã", ref_id, origin.at(("id",))
        if entry.number:
            yield "số, ký hiệu", entry.number, origin.at(("number",))
        yield "cơ quan ban hành", entry.issuer, origin.at(("issuer",))


def _organization_identities(sources: Sources) -> Iterator[tuple[str, str, Location]]:
    for org_id, origin in sources.organizations.items():
        org = sources.corpus.organizations[org_id]
        yield "mã cơ quan", org.id, origin.at(("id",))
        yield "tên cơ quan", org.name, origin.at(("name",))
        if org.abbreviation:
            yield "tên viết tắt", org.abbreviation, origin.at(("abbreviation",))
        for key, names in (("aliases", org.aliases), ("local_aliases", org.local_aliases)):
            for j, alias in enumerate(names):
                yield "tên gọi khác", alias, origin.at((key, j))


def _jurisdiction_identities(sources: Sources) -> Iterator[tuple[str, str, Location]]:
    if sources.jurisdiction_file is not None:
        file = sources.jurisdiction_file.origin()
        for i, raw in enumerate(sources.jurisdiction_file.data):
            for key in ("id", "name", "short_name"):
                if isinstance(raw.get(key), str):
                    yield "địa bàn", raw[key], file.at((i, key))
