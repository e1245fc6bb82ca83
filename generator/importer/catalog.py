"""`python -m generator catalog`: a catalog entry for every citation the data cannot resolve,
appended to data/references.yaml.

Every unresolved citation of every published document (the ones `check` warns "chưa xác định
được văn bản" about) is grouped by the id its entry gets: <jurisdiction>/<kind>-<number>-<year>,
the jurisdiction being trung-uong for a central or joint central symbol ("…/NQLT-CP-UBTUMTTQVN")
and the citing document's own otherwise. The entry holds what the citing texts say: kind, number
(every character of the symbol kept, "&" included), date, issuer as printed, the title after
"về …". What they do not say gets a "# TODO: kiểm tra …" line (an issuer the symbol names
unambiguously, "…/CT-TTg" → Thủ tướng Chính phủ, is filled in). The YAML is block style and
every value is quoted by the YAML writer, so a comma, colon or quote in a title stays in it.

Entries are appended after the existing text, which is left as it is; an id already there is
never written twice. `check` refuses the TODO lines until someone has looked at each.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from generator.corpus.diagnostics import Sink
from generator.corpus.model import TextField
from generator.corpus.read import ReadResult, read_corpus
from generator.corpus.unfinished import PLACEHOLDER_ISSUER
from generator.importer import emit
from generator.importer.emit import Todo
from generator.link.crossrefs import Unresolved, block_places, resolve_crossrefs
from generator.vn import identity
from generator.vn.kinds import KINDS

__all__ = ["Entry", "collect", "entries_yaml", "append", "command"]

SCHEMA_LINE = "# yaml-language-server: $schema=../generator/schema/references.schema.json"
HEADER = "# Thêm bởi “python -m generator catalog”: đọc từng ghi chú “kiểm tra” bên dưới, sửa giá trị rồi xóa ghi chú."

# Issuers a symbol names without doubt.
_SYMBOL_ISSUERS = {
    "TTg": "Thủ tướng Chính phủ",
    "CP": "Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
}
_TITLE = re.compile(
    r"\s*,?\s*(?:về việc|về|V/v)\s+(?P<title>[^;]{3,300}?)\s*(?=;|\.(?:\s|$)|$|(?:,|\s+và)\s*(?:"
    + "|".join(sorted((k for k in KINDS.values()), key=len, reverse=True))
    + r")\b)"
)


@dataclass
class Entry:
    id: str
    kind: Optional[str]
    number: Optional[str]
    dates: list[str] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    cited_in: dict[str, list[str]] = field(default_factory=dict)  # document id -> places ("Mục 3")
    law: Optional[str] = None  # a law cited by name: its name, the entry's title
    scope: str = ""
    year: Optional[int] = None
    kinds: dict[str, int] = field(default_factory=dict)  # kind -> mentions naming it

    def add_kind(self, kind: Optional[str]) -> None:
        """One number cited under two kinds ("Hướng dẫn số 7886/HD-BNV", "Công văn số 7886/HD-BNV")
        is one document: the kind most mentions give wins, and the entry says so."""
        if kind:
            self.kinds[kind] = self.kinds.get(kind, 0) + 1
            self.kind = max(self.kinds, key=lambda k: (self.kinds[k], k == self.kind))

    @property
    def notes(self) -> list[str]:
        if len(self.kinds) < 2:
            return []
        named = ", ".join(f"{KINDS[k]} ({n} lần)" for k, n in self.kinds.items())
        return [f"loại văn bản: các văn bản dẫn chiếu gọi số này là {named}"]

    def data(self) -> dict[str, Any]:
        """The entry with a TODO on every value the citing texts do not settle."""
        out: dict[str, Any] = {"id": self.id}
        if self.kind is None:
            out["kind"] = Todo("cong-van", "loại văn bản: dẫn chiếu không ghi tên loại", *self.notes)
        else:
            out["kind"] = Todo(self.kind, *self.notes) if self.notes else self.kind
        if self.law:
            out.update(self._law())
            return out
        if self.number:
            out["number"] = self.number
        if len(self.dates) == 1:
            out["date"] = self.dates[0]
        elif self.dates:
            out["date"] = Todo(
                self.dates[0], f"các văn bản dẫn chiếu ghi những ngày khác nhau: {', '.join(self.dates)}"
            )
        else:
            out["#date"] = Todo(None, "ngày ban hành: văn bản dẫn chiếu không ghi; thêm date nếu biết")
        out["issuer"] = self._issuer()
        if len(self.titles) == 1:
            out["title"] = Todo(self.titles[0], "trích yếu lấy từ câu dẫn chiếu; kiểm tra chỗ bắt đầu và kết thúc")
        elif self.titles:
            out["title"] = Todo(
                self.titles[0], "các văn bản dẫn chiếu ghi trích yếu khác nhau: " + " | ".join(self.titles)
            )
        else:
            out["#title"] = Todo(None, "trích yếu: văn bản dẫn chiếu không ghi; thêm title nếu biết")
        return out

    def _law(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if len(self.dates) == 1:
            out["date"] = self.dates[0]
        elif self.dates:
            out["date"] = Todo(
                self.dates[0], f"các văn bản dẫn chiếu ghi những ngày khác nhau: {', '.join(self.dates)}"
            )
        out["issuer"] = "Quốc hội"
        out["title"] = self.law
        return out

    def _issuer(self) -> Any:
        parts = identity.issuer_parts(self.number) if self.number else []
        if len(self.issuers) == 1 and len(parts) > 1:
            return Todo(
                self.issuers[0],
                f"ký hiệu của văn bản liên tịch ({', '.join(parts)}): ghi đủ các cơ quan cùng ban hành",
            )
        if len(self.issuers) == 1:
            return self.issuers[0]
        if self.issuers:
            return Todo(self.issuers[0], f"các văn bản dẫn chiếu ghi cơ quan khác nhau: {'; '.join(self.issuers)}")
        if len(parts) == 1 and parts[0] in _SYMBOL_ISSUERS:
            return _SYMBOL_ISSUERS[parts[0]]
        if len(parts) == 1 and re.fullmatch(r"QH\d*", parts[0]):
            return "Quốc hội"
        return Todo(PLACEHOLDER_ISSUER, "cơ quan ban hành: văn bản dẫn chiếu không ghi; ghi tên cơ quan")


def _year(unresolved: Unresolved) -> Optional[int]:
    citation = unresolved.citation
    if citation.date:
        return int(citation.date[:4])
    return identity.embedded_year(citation.number) if citation.number else None


# "… của Chính phủ và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam về …": the other issuer of a
# joint document, between the citation and its title (no digit, no kind word: not a citation).
_CO_ISSUER = re.compile(r"\s+và\s+(?P<name>[A-ZĐÀ-Ỹ][^,;\d]{2,100}?)(?=\s+về\b)")
_KIND_NAMES = re.compile("|".join(re.escape(k) for k in KINDS.values()))


def _co_issuer(text: str, end: int) -> Optional[re.Match[str]]:
    m = _CO_ISSUER.match(text, end)
    return m if m and not _KIND_NAMES.search(m.group("name")) else None


def _title_after(text: str, end: int) -> Optional[str]:
    co = _co_issuer(text, end)
    m = _TITLE.match(text, co.end() if co else end)
    if not m:
        return None
    title = m.group("title").strip().rstrip(",")
    return title if len(title) >= 3 else None


def collect(read: ReadResult) -> list[Entry]:
    """The catalog entries the corpus lacks: one per document cited (scope, number and year, or
    a law's name), in id order."""
    corpus = read.corpus

    refs = resolve_crossrefs(corpus, Sink())  # the warnings are check's to print
    texts: dict[tuple[str, tuple], tuple[str, Optional[TextField]]] = {}  # (document, path) -> text, field
    for document in corpus.documents.values():
        for each in document.text_fields():
            texts[(document.id, each.path)] = (each.text.plain, each)
    groups: dict[tuple, Entry] = {}
    places: dict[str, dict[str, str]] = {}
    for item in refs.unresolved:
        citation = item.citation
        kind = citation.kind if citation.kind in KINDS else None
        law = _law_name(citation.text) if citation.number is None and kind == "luat" else None
        key = ("luat", law) if law else (item.scope, citation.number, _year(item))
        year = None if law else _year(item)
        entry = groups.setdefault(key, Entry("", kind, citation.number, law=law, scope=item.scope, year=year))
        entry.add_kind(kind)
        if citation.date and citation.date not in entry.dates:
            entry.dates.append(citation.date)
        plain, text_field = texts.get((item.document_id, item.path), ("", None))
        issuer = citation.issuer
        co = _co_issuer(plain, citation.end) if issuer and plain else None
        if co:
            issuer = f"{issuer} và {co.group('name').strip()}"
        if issuer and issuer not in entry.issuers:
            entry.issuers.append(issuer)
        title = _title_after(plain, citation.end) if plain and not law else None
        if title and title not in entry.titles:
            entry.titles.append(title)
        if item.document_id not in places:
            places[item.document_id] = block_places(corpus.documents[item.document_id])
        where = places[item.document_id].get(text_field.anchor, "") if text_field else ""
        places_cited = entry.cited_in.setdefault(item.document_id, [])
        if where and where not in places_cited:
            places_cited.append(where)
    entries: dict[str, Entry] = {}
    for entry in groups.values():
        entry.id = identity.catalog_id(entry.kind or "cong-van", entry.number, entry.year, entry.scope, entry.law or "")
        if entry.id not in corpus.catalog and entry.id not in corpus.documents:
            entries[entry.id] = entry  # a taken id that did not match the citation: `check` says why
    return [entries[k] for k in sorted(entries)]


def _law_name(text: str) -> str:
    """ "Luật Tổ chức chính quyền địa phương ngày 16/6/2025" -> the name alone."""
    return re.split(r"\s+(?:ngày|năm|số)\s+\d", text, maxsplit=1)[0].strip()


def entries_yaml(entries: list[Entry]) -> str:
    """The entries as block-style YAML, each after a comment naming where it is cited."""
    lines: list[str] = []
    for entry in entries:
        cited = [f"{doc} ({'; '.join(where)})" if where else doc for doc, where in list(entry.cited_in.items())[:5]]
        lines.append(f"# dẫn chiếu trong: {', '.join(cited)}" + ("…" if len(entry.cited_in) > 5 else ""))
        lines += emit.sequence([entry.data()], 0)
    return "\n".join(lines) + ("\n" if lines else "")


def append(path: Path, entries: list[Entry]) -> str:
    """Append the entries to references.yaml (created if missing); returns the text written."""
    old = path.read_text(encoding="utf-8") if path.exists() else f"{SCHEMA_LINE}\n"
    added = entries_yaml(entries)
    text = old if old.endswith("\n") or not old else old + "\n"
    text += f"{HEADER}\n{added}"
    path.write_text(text, encoding="utf-8")
    return text


def _todo_lines(text: str, first_line: int) -> list[tuple[int, str]]:
    found = []
    for no, line in enumerate(text.splitlines()[first_line - 1 :], start=first_line):
        m = re.match(r"^\s*# TODO: (.*)$", line)
        if m:
            found.append((no, m.group(1)))
    return found


def command(data_dir: Path, dry_run: bool = False) -> int:
    """The `catalog` subcommand: 0 done (or nothing to add), 1 when the data does not read."""
    data_dir = Path(data_dir)
    read = read_corpus(data_dir)
    if not read.ok:
        for diagnostic in read.diagnostics:
            if diagnostic.is_error:
                print(diagnostic.format(), file=sys.stderr)
        print("Dữ liệu còn lỗi; sửa các lỗi trên (python -m generator check) rồi chạy lại.", file=sys.stderr)
        return 1
    entries = collect(read)
    if not entries:
        print("Mọi dẫn chiếu có số, ký hiệu đã có trong dữ liệu; không cần thêm mục nào.", file=sys.stderr)
        return 0
    path = data_dir / "references.yaml"
    if dry_run:
        sys.stdout.write(entries_yaml(entries))
        print(f"{len(entries)} mục (chưa ghi vào {path}).", file=sys.stderr)
        return 0
    start = len(path.read_text(encoding="utf-8").splitlines()) + 1 if path.exists() else 2
    text = append(path, entries)
    todos = _todo_lines(text, start)
    print(f"Đã thêm {len(entries)} mục vào {path}.", file=sys.stderr)
    if todos:
        print(f"Cần kiểm tra {len(todos)} chỗ (check báo lỗi cho đến khi xóa hết các dòng TODO):", file=sys.stderr)
        for no, message in todos:
            print(f"  {path}:{no}: {message}", file=sys.stderr)
    return 0
