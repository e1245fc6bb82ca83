"""Rules that make `check` clean imply a build that succeeds, and that keep identities honest.

Each rule is a named function that takes what it needs and returns located diagnostics:

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

`diagnostics(...)` runs them all; `generator/corpus/read.py` calls it once.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Callable, Iterable, Optional

from generator.corpus.diagnostics import ERROR, Diagnostic
from generator.corpus.load import Loaded, data_folder_diagnostics, describe
from generator.corpus.model import CatalogEntry, Document, Jurisdiction, Organization
from generator.vn import deadlines
from generator.vn.mojibake import is_vietnamese_letter

MIN_YEAR, MAX_YEAR = 1900, 2200
MAX_NAME = 100  # characters of one id segment: a folder or file name, well under 255 bytes
RESERVED = {"index"}  # "van-ban/da-nang/index.md" would be the folder's own page, not a document

Located = tuple[Loaded, tuple]  # a YAML file and the path of a value in it


def _at(where: Located, message: str, hint: str = "", key: bool = False) -> Diagnostic:
    loaded, path = where
    line, col = loaded.where(path, key=key)
    return Diagnostic(loaded.path, line, col, ERROR, message, hint)


# --- files ---------------------------------------------------------------------------------


def data_files(data_dir: Path, display: Callable[[Path], str]) -> list[Diagnostic]:
    return data_folder_diagnostics(data_dir, display)


# --- references the build follows ----------------------------------------------------------


def unknown_relation_targets(
    documents: dict[str, Document], catalog: dict[str, CatalogEntry], loaded: dict[str, Loaded]
) -> list[Diagnostic]:
    found = []
    for doc_id, document in documents.items():
        for i, relation in enumerate(document.relations):
            target = relation.target
            if target == doc_id:
                found.append(
                    _at((loaded[doc_id], ("relations", i, "target")), "văn bản không thể có quan hệ với chính nó")
                )
            elif target not in documents and target not in catalog:
                found.append(
                    _at(
                        (loaded[doc_id], ("relations", i, "target")),
                        f"không có văn bản “{target}” (chưa công bố và chưa có trong data/references.yaml)",
                        "sửa mã văn bản, hoặc thêm văn bản vào data/references.yaml",
                    )
                )
    return found


# --- ids that become file names ------------------------------------------------------------


def _segments(identifier: str) -> list[str]:
    return identifier.split("/")


def name_lengths(ids: Iterable[tuple[str, Located]]) -> list[Diagnostic]:
    found = []
    for identifier, where in ids:
        for segment in _segments(identifier):
            if len(segment.encode("utf-8")) > MAX_NAME:
                found.append(
                    _at(
                        where,
                        f"mã “{identifier[:40]}…” quá dài: mỗi phần của mã là tên thư mục hoặc tệp trên trang,"
                        f" tối đa {MAX_NAME} ký tự (phần này có {len(segment)})",
                        "rút gọn tên ngắn trong mã",
                    )
                )
                break
    return found


def reserved_names(ids: Iterable[tuple[str, Located]]) -> list[Diagnostic]:
    found = []
    for identifier, where in ids:
        clash = next((s for s in _segments(identifier) if s in RESERVED), None)
        if clash:
            found.append(
                _at(
                    where,
                    f"mã “{identifier}” dùng tên dành riêng “{clash}” (trùng với trang mục lục mà trang web tự tạo)",
                    "đặt tên khác, ví dụ thêm loại và số văn bản",
                )
            )
    return found


# --- dates ---------------------------------------------------------------------------------


def _years(deadline: deadlines.Deadline) -> Iterable[int]:
    for day in (deadline.start, deadline.end):
        if day is not None:
            yield day.year
    for part in deadline.parts:
        yield from _years(part)


def _year_problem(year: int, what: str, where: Located) -> Optional[Diagnostic]:
    if MIN_YEAR <= year <= MAX_YEAR:
        return None
    return _at(
        where,
        f"{what}: năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}",
        "kiểm tra lại năm (thường do gõ nhầm)",
    )


def date_ranges(
    documents: dict[str, Document], catalog: dict[str, CatalogEntry], loaded: dict[str, Loaded], catalog_index
) -> list[Diagnostic]:
    found: list[Optional[Diagnostic]] = []
    for doc_id, document in documents.items():
        file = loaded[doc_id]
        date = document.date
        if date.value:
            found.append(_year_problem(date.value.year, "ngày ban hành", (file, ("date", "value"))))
        if date.not_before:
            found.append(_year_problem(date.not_before.year, "ngày ban hành", (file, ("date", "not_before"))))
        context = date.value.year if date.known else None
        for i, task in enumerate(document.tasks):
            for j, report in enumerate(task.reports):
                found.append(
                    _year_problem(report.date.year, "ngày báo cáo", (file, ("tasks", i, "reports", j, "date")))
                )
            if task.deadline:
                parsed = deadlines.parse(task.deadline, context_year=context)
                years = [y for y in _years(parsed) if not MIN_YEAR <= y <= MAX_YEAR]
                if years:
                    found.append(_year_problem(years[0], "thời hạn", (file, ("tasks", i, "deadline"))))
    for ref_id, entry in catalog.items():
        if entry.date:
            found.append(_year_problem(entry.date.year, "ngày", (loaded[ref_id], (catalog_index[ref_id], "date"))))
    return [d for d in found if d is not None]


# --- identity ------------------------------------------------------------------------------


def _fold_number(number: str) -> str:
    text = unicodedata.normalize("NFKC", number).casefold()
    return "".join(text.split()).replace("–", "-").replace("—", "-")


def duplicate_identities(documents: dict[str, Document], loaded: dict[str, Loaded]) -> list[Diagnostic]:
    """Kind, number, issuer and date name one document: a second one is an error, cited or not."""
    first: dict[tuple, str] = {}
    found = []
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
            found.append(
                _at(
                    (loaded[doc_id], ("number", "value")),
                    f"trùng với văn bản “{first[key]}”: cùng loại, số “{document.number.value}”, cơ quan ban hành"
                    " và ngày ban hành",
                    "một văn bản chỉ được công bố một lần; xóa bản trùng hoặc sửa số, ngày",
                )
            )
        else:
            first[key] = doc_id
    return found


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
    from confusable_homoglyphs import categories, confusables  # Unicode TR39 data

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


def identity_characters(fields: Iterable[tuple[str, str, Located]]) -> list[Diagnostic]:
    """`fields`: (label, text, where) for every number, id and organisation name."""
    found = []
    for label, text, where in fields:
        problem = character_problem(text)
        if problem:
            found.append(_at(where, f"{label} “{text[:60]}”: {problem[0]}", problem[1]))
    return found


# --- all of them ---------------------------------------------------------------------------


def _identity_fields(
    documents, catalog, organizations, loaded, catalog_index, org_sources, jurisdictions_loaded
) -> Iterable[tuple[str, str, Located]]:
    for doc_id, document in documents.items():
        file = loaded[doc_id]
        yield "mã văn bản", doc_id, (file, ("id",))
        if document.number:
            yield "số, ký hiệu", document.number.value, (file, ("number", "value"))
            if document.number.printed_as:
                yield "số, ký hiệu", document.number.printed_as, (file, ("number", "printed_as"))
    for ref_id, entry in catalog.items():
        where = (loaded[ref_id], (catalog_index[ref_id],))
        yield "mã", ref_id, (where[0], where[1] + ("id",))
        if entry.number:
            yield "số, ký hiệu", entry.number, (where[0], where[1] + ("number",))
        yield "cơ quan ban hành", entry.issuer, (where[0], where[1] + ("issuer",))
    for org_id, (file, i) in org_sources.items():
        org: Organization = organizations[org_id]
        yield "mã cơ quan", org.id, (file, (i, "id"))
        yield "tên cơ quan", org.name, (file, (i, "name"))
        if org.abbreviation:
            yield "tên viết tắt", org.abbreviation, (file, (i, "abbreviation"))
        for key in ("aliases", "local_aliases"):
            for j, alias in enumerate(getattr(org, key)):
                yield "tên gọi khác", alias, (file, (i, key, j))
    if jurisdictions_loaded is not None:
        for i, raw in enumerate(jurisdictions_loaded.data):
            for key in ("id", "name", "short_name"):
                if isinstance(raw.get(key), str):
                    yield "địa bàn", raw[key], (jurisdictions_loaded, (i, key))


def diagnostics(
    data_dir: Path,
    display: Callable[[Path], str],
    documents: dict[str, Document],
    catalog: dict[str, CatalogEntry],
    organizations: dict[str, Organization],
    jurisdictions: dict[str, Jurisdiction],
    loaded: dict[str, Loaded],
    catalog_index: dict[str, int],
    org_sources: dict[str, tuple[Loaded, int]],
    jurisdictions_loaded: Optional[Loaded],
) -> list[Diagnostic]:
    """Every rule above, over a corpus that loaded and passed the schema."""
    ids: list[tuple[str, Located]] = [(d, (loaded[d], ("id",))) for d in documents]
    ids += [(r, (loaded[r], (catalog_index[r], "id"))) for r in catalog]
    ids += [(o, (file, (i, "id"))) for o, (file, i) in org_sources.items()]
    if jurisdictions_loaded is not None:
        ids += [(raw["id"], (jurisdictions_loaded, (i, "id"))) for i, raw in enumerate(jurisdictions_loaded.data)]
    return (
        data_files(data_dir, display)
        + unknown_relation_targets(documents, catalog, loaded)
        + name_lengths(ids)
        + reserved_names(ids)
        + date_ranges(documents, catalog, loaded, catalog_index)
        + duplicate_identities(documents, loaded)
        + identity_characters(
            _identity_fields(
                documents, catalog, organizations, loaded, catalog_index, org_sources, jurisdictions_loaded
            )
        )
    )


__all__ = [
    "MAX_NAME",
    "MAX_YEAR",
    "MIN_YEAR",
    "RESERVED",
    "character_problem",
    "data_files",
    "date_ranges",
    "diagnostics",
    "duplicate_identities",
    "identity_characters",
    "name_lengths",
    "reserved_names",
    "unknown_relation_targets",
]
