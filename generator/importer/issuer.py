"""Who issued a document: an organization id in the document's own jurisdiction, or the entry
of a new one to add to the registry, or an honest "not known".

The body is read from the document, in this order: the issuing body's lines of the header
("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG TRỊ"), the authority line above "QUYẾT ĐỊNH:" ("CHỦ TỊCH ỦY
BAN NHÂN DÂN TỈNH LAI CHÂU"), the heading line under the kind ("CỦA BAN THƯỜNG VỤ THÀNH ỦY"),
the signer's "TM."/"T/M" line ("TM. ỦY BAN NHÂN DÂN"). A Party committee's header ("THÀNH ỦY
ĐÀ NẴNG") with "T/M BAN THƯỜNG VỤ" or "CỦA BAN THƯỜNG VỤ …" is its standing board.

That body is looked up among the organizations of the document's jurisdiction only: a generic
alias ("UBND tỉnh") never brings in another province's organization. Not found there, the
draft gets the id the registry entry would have ("quang-tri/ubnd-tinh") and `Finding.new`
holds the entry to add. When the text names no body, the names the registry knows are looked
for in the title, the heading lines and sentences of the preamble that issue the document
("UBND tỉnh ban hành Kế hoạch …"), never in a citation ("… của Bộ Chính trị ban hành …") or a
"Căn cứ …" line; then the symbol's issuer part ("…/KH-UBND"). Those are guesses and say so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from generator.corpus.model import Organization
from generator.importer.bodies import AUTHORITY_PREFIX, Body, committee_board, describe
from generator.importer.header import AUTHORITY_LINE, Header, header_text
from generator.importer.registry import Registry
from generator.importer.structure import Node
from generator.vn.citations import extract
from generator.vn.provinces import Province
from generator.vn.text import fold_words

__all__ = ["Finding", "Sources", "find_issuer", "authority_lines"]


@dataclass
class Finding:
    id: Optional[str]
    how: list[str] = field(default_factory=list)  # Vietnamese: what it was read from
    certain: bool = False
    new: Optional[Organization] = None  # an organization to add to data/organizations/
    body: Optional[Body] = None  # the body as the document prints it
    notes: list[str] = field(default_factory=list)  # e.g. the other issuer of a joint text


@dataclass
class Sources:
    """What a document says about its issuer."""

    header: Header
    authority: list[str]  # authority lines above "QUYẾT ĐỊNH:"
    signer: dict
    preamble: list[Node]
    body: list[Node]
    symbol: Optional[str] = None


def authority_lines(preamble: list[Node], body: list[Node]) -> list[str]:
    """Capital headings before the first numbered unit that name an authority ("ỦY BAN NHÂN
    DÂN TỈNH QUẢNG TRỊ", "TRƯỞNG BAN … QUYẾT ĐỊNH")."""
    found = []
    for node in preamble + body:
        if node.number is not None:
            break
        if node.type == "heading" and node.text and AUTHORITY_LINE.match(header_text(node.text)):
            found.append(header_text(node.text))
    return found


def _signer_lines(signer: dict) -> tuple[list[str], list[str]]:
    """The signer's "TM."/"T/M" lines (the body signed for) and "KT."/"K/T" lines."""
    lines = [l.strip() for l in (signer.get("authority") or "").split("\n") if l.strip()]
    on_behalf = [l for l in lines if re.match(r"^(?:T/M|TM\.?|T\.M\.|THAY MẶT)\s", l, re.I)]
    for_head = [l for l in lines if l not in on_behalf]
    return on_behalf, for_head


def _board_named(sources: Sources) -> bool:
    """The standing board of a Party committee signs or is named under the kind line."""
    texts = _signer_lines(sources.signer)[0] + sources.header.heading[1:] + sources.authority
    return any(re.search(r"\bban thuong vu\b", fold_words(t)) for t in texts)


def read_body(sources: Sources, province: Optional[Province]) -> tuple[Optional[Body], str]:
    """The issuing body as the document prints it, and where it was read."""
    header = sources.header
    candidates = [
        (header.issuer_lines, "dòng tên cơ quan"),
        (sources.authority[:1], "dòng thẩm quyền trên “QUYẾT ĐỊNH”"),
        ([re.sub(r"^CỦA\s+", "", h) for h in header.heading[1:2]], "dòng dưới tên loại"),
        (_signer_lines(sources.signer)[0][:1], "khối chữ ký"),
    ]
    for lines, how in candidates:
        if not lines:
            continue
        body = describe(list(lines), province)
        if body is None:
            continue
        if body.committee and _board_named(sources):
            body = committee_board(body)
        return body, f"{how} “{' / '.join(lines)}”"
    return None, ""


def match(body: Body, organizations: Iterable[Organization]) -> Optional[Organization]:
    """The registered organization the body is, among one jurisdiction's organizations."""
    names = {fold_words(body.name)} | {fold_words(a) for a in body.aliases}
    header = fold_words(" ".join(body.header)) if body.header else None
    found = []
    for org in organizations:
        if org.group:
            continue
        known = {fold_words(org.name)} | {fold_words(a) for a in org.aliases}
        if org.abbreviation:
            known.add(fold_words(org.abbreviation))
        if fold_words(body.name) in known or (header and org.header and fold_words(" ".join(org.header)) == header):
            found.append(org)
        elif names & known and not body.guessed_case:
            found.append(org)
    exact = [o for o in found if fold_words(o.name) == fold_words(body.name)]
    if exact:
        return exact[0]
    return found[0] if len(found) == 1 else None


def _new_organization(body: Body, jurisdiction: str) -> Organization:
    return Organization(
        id=f"{jurisdiction}/{body.slug}",
        name=body.name,
        jurisdiction=jurisdiction,
        aliases=[a for a in body.aliases if fold_words(a) != fold_words(body.name)],
        header=list(body.header),
        abbreviation=body.abbreviation,
    )


def find_issuer(
    sources: Sources,
    jurisdiction: Optional[str],
    jurisdiction_certain: bool,
    province: Optional[Province],
    organizations: dict[str, Organization],
) -> Finding:
    local = [o for o in organizations.values() if o.jurisdiction == jurisdiction]
    body, how = read_body(sources, province)
    if body is not None and jurisdiction:
        if (body.province or body.central or province) is None:
            body = None  # "TM. ỦY BAN NHÂN DÂN" of a text from nowhere known: no name to give
    if body is not None and jurisdiction:
        notes = [f"văn bản liên tịch: cùng ban hành với {', '.join(body.also)}"] if body.also else []
        org = match(body, local)
        if org is not None:
            return Finding(org.id, [how], jurisdiction_certain and not notes, body=body, notes=notes)
        new = _new_organization(body, jurisdiction)
        return Finding(new.id, [how], False, new=new, body=body, notes=notes)
    registry = Registry(organizations, jurisdiction)
    voted = _votes(sources, registry, local)
    if voted is not None:
        voted.certain = voted.certain and jurisdiction_certain
        return voted
    return _from_symbol(sources.symbol, jurisdiction, province, local)


def _from_symbol(
    symbol: Optional[str], jurisdiction: Optional[str], province: Optional[Province], local: list[Organization]
) -> Finding:
    """ "70/KH-UBND" of a text from Cần Thơ: the city's People's Committee, as a guess."""
    if not symbol or not jurisdiction or province is None:
        return Finding(None)
    part = symbol.rsplit("-", 1)[-1] if "/" in symbol else ""
    lines = {"UBND": ["ỦY BAN NHÂN DÂN"], "HĐND": ["HỘI ĐỒNG NHÂN DÂN"], "CTUBND": ["CHỦ TỊCH ỦY BAN NHÂN DÂN"]}
    if part not in lines:
        return Finding(None)
    body = describe(lines[part], province)
    if body is None:
        return Finding(None)
    how = f"đoán từ ký hiệu “{symbol}”"
    org = match(body, local)
    if org is not None:
        return Finding(org.id, [how], False, body=body)
    new = _new_organization(body, jurisdiction)
    return Finding(new.id, [how], False, new=new, body=body)


# --- names the registry knows, when the text prints no body ---------------------------------------

_ACTS = re.compile(
    r"\s*(?:\(viết tắt[^)]*\)\s*)?(?:yêu cầu|ban hành|quyết định|chỉ thị|xây dựng kế hoạch|"
    r"thông báo|kết luận|hướng dẫn)\b"
)
_NOT_ISSUING = re.compile(r"^\W*(?:căn cứ|thực hiện|theo|xét|tiếp tục thực hiện|để)\b", re.I)


def _votes(sources: Sources, registry: Registry, local: list[Organization]) -> Optional[Finding]:
    """Registry names in the title, the heading lines, the signer block and the sentences of
    the preamble that issue the document; certain when one name clearly leads."""
    allowed = {o.id for o in local}
    scores: dict[str, float] = defaultdict(float)
    why: dict[str, list[str]] = defaultdict(list)

    def vote(org_id: Optional[str], points: float, reason: str) -> None:
        if org_id in allowed:
            scores[org_id] += points
            if reason not in why[org_id]:
                why[org_id].append(reason)

    header = sources.header
    for extra in header.heading[1:]:
        vote(registry.match(re.sub(r"^CỦA\s+", "", extra)), 4, f"dòng “{extra}”")
    for line in _signer_lines(sources.signer)[0]:
        who = fold_words(AUTHORITY_PREFIX.sub("", line))
        for org in local:
            if not org.group and who and fold_words(org.name).startswith(who):
                vote(org.id, 3, f"khối chữ ký “{line}”")
    for text, reason in ((header.title, "trích yếu"), (header.subtitle or "", "dòng dưới trích yếu")):
        for m in re.finditer(r"\bcủa\s+", text):
            vote(registry.match(_name_at(text, registry, m.end()) or ""), 4, reason)
    for node in sources.preamble:
        _preamble_votes(node.text or "", registry, vote)
    for node in sources.body:
        if node.type == "heading" and node.text:
            vote(registry.match(header_text(node.text)), 4, f"dòng “{node.text}”")
    if not scores:
        return None
    ranked = sorted(scores, key=lambda k: (-scores[k], k))
    best = ranked[0]
    certain = scores[best] >= 7 and (len(ranked) == 1 or scores[ranked[1]] * 2 <= scores[best])
    return Finding(best, why[best] + [f"khác: {o}" for o in ranked[1:3]], certain)


def _preamble_votes(text: str, registry: Registry, vote) -> None:
    """ "UBND tỉnh ban hành Kế hoạch …": a registry name followed by an issuing verb, outside
    citations and outside sentences that cite ("Căn cứ …", "Thực hiện …")."""
    if _NOT_ISSUING.match(text):
        return
    cited = [(c.start, c.end) for c in extract(text)]
    for m in re.finditer(r"[A-ZĐÀ-Ỹ]", text):
        if m.start() and text[m.start() - 1] not in " (“":
            continue
        if any(a <= m.start() < b for a, b in cited):
            continue
        name = _name_at(text, registry, m.start())
        if name and _ACTS.match(text, m.start() + len(name)):
            vote(registry.match(name), 3, "phần mở đầu")


def _name_at(text: str, registry: Registry, start: int) -> Optional[str]:
    chunk = text[start : start + 200]
    tokens = list(re.finditer(r"[^\W_]+", chunk))
    if not tokens:
        return None
    last = registry.match_at(chunk, tokens, 0)
    return chunk[: tokens[last].end()] if last is not None else None
