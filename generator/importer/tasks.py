"""Tasks from the text: "- Chủ trì: / - Phối hợp: / - Thời gian thực hiện:" lines under a
unit, and sentences that name who does what ("Giao X chủ trì, phối hợp với Y …",
"X tiếp tục …, hoàn thành trong quý IV-2016").

Organization names are recognized against the registry (data/organizations/): names, aliases,
abbreviations, and the internal names of the issuer's own units, compared after `fold_words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from generator.importer.registry import Registry
from generator.vn.text import fold_words

__all__ = ["Registry", "split_names", "chain_at", "find_deadline", "prose_tasks", "field_task", "FoundTask"]

_WORD = re.compile(r"[^\W_]+")


# --- names ----------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"\s*,\s*(?:và\s+)?|\s*;\s*|\s+và\s+")
# Words that begin an organization's name: "… và <head>" separates two names.
_HEADS = {
    fold_words(w)
    for w in (
        "các",
        "những",
        "ban",
        "sở",
        "phòng",
        "ủy",
        "uỷ",
        "ubnd",
        "hđnd",
        "hội",
        "mặt",
        "mttq",
        "đảng",
        "văn",
        "trung",
        "trường",
        "công",
        "chi",
        "chủ",
        "thường",
        "bộ",
        "cục",
        "viện",
        "tòa",
        "báo",
        "đài",
        "lãnh",
        "trưởng",
        "thành",
        "tỉnh",
        "quận",
        "huyện",
        "xã",
        "phường",
        "đoàn",
        "liên",
        "cơ",
        "đơn",
        "tổ",
        "hiệp",
        "bch",
    )
}


def split_names(value: str, registry: Registry) -> list[str]:
    """Names in a list as written ("A, B và C"), keeping a name that holds a comma or "và"
    whole when the registry knows it ("Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp")."""
    value = value.strip().rstrip(".;,").strip()
    atoms: list[tuple[int, int]] = []
    pos = 0
    for m in _SEPARATOR.finditer(value):
        if m.start() > pos:
            atoms.append((pos, m.start()))
        pos = m.end()
    if pos < len(value):
        atoms.append((pos, len(value)))
    out: list[str] = []
    i = 0
    while i < len(atoms):
        for j in range(len(atoms) - 1, i, -1):
            span = value[atoms[i][0] : atoms[j][1]]
            if registry.match(span):
                out.append(span)
                i = j + 1
                break
        else:
            j = i
            # "Sở Thông tin và Truyền thông": "và" joins words of one name unless a name follows
            while j + 1 < len(atoms) and not registry.match(value[atoms[i][0] : atoms[j][1]]):
                gap = value[atoms[j][1] : atoms[j + 1][0]]
                nxt = value[atoms[j + 1][0] : atoms[j + 1][1]]
                if gap.strip() != "và" or fold_words(nxt).split(" ", 1)[0] in _HEADS:
                    break
                j += 1
            out.append(value[atoms[i][0] : atoms[j][1]])
            i = j + 1
    return [n.strip() for n in out if n.strip()]


@dataclass
class Chain:
    names: list[str]
    start: int
    end: int  # character offsets in the text


_CHAIN_SEP = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+|\s*,?\s*cùng\s+")


def chain_at(text: str, registry: Registry, start: int) -> Chain | None:
    """Registry names joined by "," / "và" starting at character offset `start`."""
    tokens = list(_WORD.finditer(text, start))
    if not tokens or tokens[0].start() != start:
        return None
    names: list[str] = []
    end = start
    i = 0
    while i < len(tokens):
        last = registry.match_at(text, tokens, i)
        if last is None:
            break
        names.append(text[tokens[i].start() : _close_paren(text, tokens[last].end())])
        end = _close_paren(text, tokens[last].end())
        sep = _CHAIN_SEP.match(text, end)
        if not sep:
            break
        nxt = next((k for k in range(last + 1, min(last + 4, len(tokens))) if tokens[k].start() == sep.end()), None)
        if nxt is None or registry.match_at(text, tokens, nxt) is None:
            break
        i = nxt
    return Chain(names, start, end) if names else None


def _close_paren(text: str, end: int) -> int:
    """ "Hội đồng nhân dân (HĐND" → include the closing parenthesis."""
    if text.count("(", 0, end) > text.count(")", 0, end) and text[end : end + 1] == ")":
        return end + 1
    return end


# --- deadlines ------------------------------------------------------------------------------

_STOP = r"(?=\s+(?:theo|để|nhằm|và|đồng thời|qua|gắn với)\b|\s*[,;.()]|\s*$)"
_DATE = r"\d{1,2}\s*(?:tháng\s*\d{1,2}(?:\s*năm\s*\d{4})?|/\s*\d{1,2}(?:\s*/\s*\d{4})?)"
_DEADLINES = [
    re.compile(rf"báo cáo[^,;()]{{0,30}}?trước ngày {_DATE}(?:\s*,\s*báo cáo[^,;()]{{0,30}}?trước ngày {_DATE})+"),
    re.compile(rf"(?:hoàn thành|xong)(?: xong)?\s+(?:trong|trước|vào|chậm nhất|trước hoặc trong)\s[^,;.()]*?{_STOP}"),
    re.compile(
        rf"(?:chậm nhất|muộn nhất|hạn chót)(?:\s+là|\s+vào)?\s+(?:ngày|trước ngày|tháng|quý|năm)\s[^,;.()]*?{_STOP}"
    ),
    # "trước ngày 25/12 hàng năm", "định kỳ trước ngày 10/6 và 10/12 hàng năm"
    re.compile(rf"(?:định kỳ\s+)?trước ngày {_DATE}(?:\s*(?:,|và)\s*(?:ngày\s+)?{_DATE})*(?:\s+(?:hằng|hàng) năm)?"),
    re.compile(rf"(?:hằng|hàng) năm\s*\(\s*trước ngày {_DATE}\s*\)"),
    re.compile(rf"trước kỳ họp[^,;.()]*?{_STOP}"),
    re.compile(
        rf"(?:sơ kết|tổng kết)(?:,\s*(?:sơ kết|tổng kết))?\s+vào\s+(?:năm|quý|tháng|cuối năm)\s[^,;.()]*?{_STOP}"
    ),
    re.compile(r"định kỳ (?:hằng|hàng) (?:năm|quý|tháng)"),
    re.compile(rf"trước (?:tháng|quý) [^,;.()]*?{_STOP}"),
]
_BARE_YEARLY = re.compile(r"\s*((?:định kỳ\s+)?(?:hằng|hàng) (?:năm|quý|tháng))\b")


def find_deadline(clause: str) -> Optional[str]:
    best = None
    for pattern in _DEADLINES:
        m = pattern.search(clause)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best.group().strip() if best else None


# --- tasks ----------------------------------------------------------------------------------


@dataclass
class FoundTask:
    unit: str
    lead: list[str]
    support: list[str] = field(default_factory=list)
    deadline: Optional[str] = None
    summary: Optional[str] = None
    todo: list[str] = field(default_factory=list)
    line: int = 0


_GIAO = re.compile(r"(?:Giao(?:\s+cho)?|Yêu cầu|Đề nghị|Chỉ đạo)\s+")
_SUPPORT = re.compile(r"\s*(?:chủ trì\s*,?\s*)?(?:(?:chủ động|tích cực)\s+)?phối hợp(?:\s+(?:tốt|chặt chẽ))?\s+với\s+")
_LEADS = re.compile(r"\s*(?:là cơ quan |là đơn vị )?chủ trì\b")
_PREPOSITIONS = {
    fold_words(w)
    for w in (
        "của",
        "với",
        "cho",
        "về",
        "qua",
        "theo",
        "tại",
        "đến",
        "từ",
        "và",
        "giúp",
        "tham mưu",
        "đối với",
        "báo cáo",
        "gửi",
        "để",
        "các",
        "cùng",
    )
}


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?…])[”\"’)]*\s+(?=[“\"(]?[A-ZĐÀ-Ỹ])", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out, start, depth = [], a, 0
    for i in range(a, b):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == ";" and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, b))
    return [(x, y) for x, y in out if text[x:y].strip()]


@dataclass
class _Subject:
    lead: list[str]
    support: list[str]
    end: int
    partial: bool = False


def subject_at(text: str, registry: Registry, start: int, anywhere: bool = False) -> _Subject | None:
    """Who a sentence starting at `start` assigns: "[Giao] X [chủ trì, phối hợp với Y] <verb>"."""
    pos = start
    while pos < len(text) and text[pos] in ' “"(':
        pos += 1
    giao = _GIAO.match(text, pos)
    if giao:
        pos = giao.end()
    chain = chain_at(text, registry, pos)
    if chain is None:
        return None
    gap = len(text[chain.end :]) - len(text[chain.end :].lstrip())
    following = text[chain.end + gap : chain.end + gap + 1]
    if not (following.isalpha() and following.islower()) and not giao:
        return None  # a name, but not the subject of a verb
    support: list[str] = []
    end = chain.end
    sup = _SUPPORT.match(text, end)
    if sup:
        schain = chain_at(text, registry, sup.end())
        if schain:
            support, end = schain.names, schain.end
    elif (leads := _LEADS.match(text, end)) is not None:
        end = leads.end()
    return _Subject(chain.names, support, end)


def _subject_inside(text: str, registry: Registry, a: int, b: int) -> _Subject | None:
    """A subject in the middle of a sentence: "Thực hiện nghiêm quy định Chủ tịch UBND quận,
    phường tổ chức …" (the first registry name not after a preposition)."""
    tokens = list(_WORD.finditer(text, a, b))
    for i, token in enumerate(tokens):
        if i and fold_words(tokens[i - 1].group()) in _PREPOSITIONS:
            continue
        if i > 1 and fold_words(tokens[i - 2].group() + " " + tokens[i - 1].group()) in _PREPOSITIONS:
            continue
        if not token.group()[0].isupper():
            continue
        subject = subject_at(text, registry, token.start())
        if subject and subject.end <= b:
            return subject
    return None


def prose_tasks(unit: str, text: str, registry: Registry, line: int = 0) -> list[FoundTask]:
    """Tasks stated in a unit's running text."""
    groups: list[dict] = []  # {lead, support, clauses: [(a, b, deadline)]}
    for a, b in _sentences(text):
        subject = subject_at(text, registry, a)
        sentence_clauses = _clauses(text, a, b)
        deadlines = []
        for x, y in sentence_clauses:
            clause = text[x:y]
            deadline = find_deadline(clause)
            if deadline is None and subject and x <= subject.end <= y:
                bare = _BARE_YEARLY.match(text, subject.end)
                if bare and bare.end() <= y:
                    deadline = bare.group(1)
            deadlines.append(deadline)
        if subject is None and any(deadlines):
            subject = _subject_inside(text, registry, a, b)
        if subject is not None:
            groups.append({"lead": subject.lead, "support": subject.support, "clauses": []})
        elif not groups:
            continue
        for (x, y), deadline in zip(sentence_clauses, deadlines):
            groups[-1]["clauses"].append((x, y, deadline))
    found: list[FoundTask] = []
    for group in groups:
        pieces: list[tuple[list[tuple[int, int]], Optional[str]]] = []
        open_clauses: list[tuple[int, int]] = []
        for x, y, deadline in group["clauses"]:
            open_clauses.append((x, y))
            if deadline:
                pieces.append((open_clauses, deadline))
                open_clauses = []
        if open_clauses:
            pieces.append((open_clauses, None))
        for clauses, deadline in pieces:
            summary = _summary(text, clauses)
            found.append(FoundTask(unit, list(group["lead"]), list(group["support"]), deadline, summary, line=line))
    if len(found) == 1:
        found[0].summary = None  # the unit's own text says it all
    return found


def _summary(text: str, clauses: list[tuple[int, int]]) -> str:
    summary = "; ".join(text[x:y].strip() for x, y in clauses)
    summary = re.sub(r"^(?:đồng thời|Đồng thời)\s+", "", summary).rstrip(" ;,")
    summary = summary[:1].upper() + summary[1:]
    if not summary.endswith((".", "./.", "…")):
        summary += "."
    return summary.replace("./..", "./.")


def field_task(unit: str, fields: dict[str, str], registry: Registry, line: int = 0) -> FoundTask:
    """A task from "- Chủ trì: … / - Phối hợp: … / - Thời gian thực hiện: …" lines."""
    task = FoundTask(unit, [], line=line)
    lead = fields.get("lead", "")
    explanation = re.search(r"\s+(?:là|làm)\s+(?:đơn vị|cơ quan)\b", lead)
    if explanation:
        lead = lead[: explanation.start()]
    task.lead = split_names(lead, registry) if lead else []
    task.support = split_names(fields["support"], registry) if fields.get("support") else []
    if fields.get("deadline"):
        task.deadline = fields["deadline"].strip().rstrip(".").strip()
    return task


def unknown_names(task: FoundTask, registry: Registry) -> list[str]:
    return [n for n in task.lead + task.support if registry.match(n) is None]


def field_name(label: str) -> str:
    label = fold_words(label)
    if label.startswith("chu tri"):
        return "lead"
    if label.startswith("phoi hop"):
        return "support"
    return "deadline"


def iter_units(nodes: Iterable) -> Iterable:
    for node in nodes:
        yield node
        yield from iter_units(node.children)


# --- the tasks of a draft --------------------------------------------------------------------

# Sections that assess or explain rather than assign: no tasks are read from their text.
_NO_TASK_SECTIONS = re.compile(
    r"^(?:thuc trang|tinh hinh|ket qua|danh gia|muc dich|muc tieu|quan diem|yeu cau|"
    r"pham vi|su can thiet|can cu)"
)


def _assigning(nodes: list) -> Iterable:
    for node in nodes:
        title = fold_words(node.heading or "")
        if title and _NO_TASK_SECTIONS.match(title):
            continue
        yield node
        yield from _assigning(node.children)


def find_tasks(body: list, registry: Registry) -> list[FoundTask]:
    """Tasks of a body: field lines under a unit ("- Chủ trì: …"), else sentences that assign."""
    found: list[FoundTask] = []
    for node in _assigning(body):
        fields: dict[str, str] = {}
        for child in node.children:
            m = child.task_field
            if m:
                key = field_name(m.group("field"))
                fields[key] = (fields[key] + ", " + m.group("value")) if key in fields else m.group("value")
        if fields and node.anchor:
            found.append(field_task(node.anchor, fields, registry, node.line))
            continue
        if node.type in ("heading",) or node.task_field or not node.text:
            continue
        found += prose_tasks(node.anchor, node.text, registry, node.line)
    return found


@dataclass
class DraftTasks:
    entries: list  # YAML values (dicts, some wrapped in Todo)
    unknown_names: list[str]  # names the registry does not know, in first-use order


def draft_tasks(body: list, registry: Registry, year: Optional[int]) -> DraftTasks:
    """The `tasks` list of a draft, ids unique; a TODO where the lead or the deadline is unclear."""
    from generator.importer.emit import Todo

    found = find_tasks(body, registry)
    per_unit: dict[str, int] = {}
    for task in found:
        per_unit[task.unit] = per_unit.get(task.unit, 0) + 1
    counters: dict[str, int] = {}
    used: set[str] = set()
    out: list = []
    unknown: dict[str, None] = {}
    for task in found:
        base = "nv-" + re.sub(r"^muc-", "", task.unit)
        counters[task.unit] = counters.get(task.unit, 0) + 1
        task_id = f"{base}-{counters[task.unit]}" if per_unit[task.unit] > 1 else base
        while task_id in used:
            task_id += "-x"
        used.add(task_id)
        entry: dict = {"id": task_id, "unit": task.unit}
        for key in ("summary", "lead", "support", "deadline"):
            value = getattr(task, key)
            if value:
                entry[key] = value
        unknown.update(dict.fromkeys(unknown_names(task, registry)))
        # An unparsed deadline is kept as written and `check` warns about it: no TODO.
        messages = list(task.todo)
        if not task.lead:
            messages.append("nhiệm vụ chưa rõ cơ quan chủ trì")
        out.append(Todo(entry, *messages) if messages else entry)
    return DraftTasks(out, list(unknown))
