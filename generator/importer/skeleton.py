"""`python -m generator new`: a commented YAML skeleton for a new document.

`new_document(data_dir, kind=, issuer=, number=, date=, slug=, interactive=)` asks for what is
missing (when interactive), derives the file name, and writes
data/documents/<jurisdiction of the issuer>/<slug>.yaml: every field with a Vietnamese
comment, a placeholder body, and `source: {file: <slug>.txt}`. Because `check` requires the
source file to exist, a placeholder data/sources/<slug>.txt is written too (it says to paste
the original text there); an existing source file is never touched. The skeleton passes
`check` refuses the skeleton ("còn việc cần kiểm tra", corpus/unfinished.py) until every
placeholder value is replaced. Nothing is ever overwritten: an existing document is refused.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable, Optional

from generator.vn.citations import canonical_number
from generator.vn.text import slug as slugify
from generator.corpus.unfinished import PLACEHOLDER_TITLE
from generator.importer.emit import SCHEMA_LINE, scalar
from generator.vn.dates import PartialDate
from generator.vn.kinds import KINDS

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def make_slug(kind: str, number: Optional[str], year: Optional[int], taken: Iterable[str] = ()) -> str:
    """File name of a document: <kind>-<number>-<year> (chi-thi-08-ct-tu-2021), or without a
    number <kind>-<year>-<n> with the first n not taken (chi-thi-2021-1)."""
    taken = set(taken)
    if number:
        base = f"{kind}-{slugify(number)}"
        if year and str(year) not in slugify(number).split("-"):
            base += f"-{year}"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug
    base = f"{kind}-{year}" if year else kind
    n = 1
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _organizations(data_dir: Path) -> dict:
    from generator.corpus.read import read_corpus

    corpus = read_corpus(data_dir).corpus
    return corpus.organizations if corpus else {}


def _ask(prompt: str, ask: Callable[[str], str]) -> Optional[str]:
    try:
        answer = ask(prompt).strip()
    except EOFError:
        return None
    return answer or None


def _parse_date(text: str) -> tuple[str, str]:
    """ "2021-08-05" | "2021-08" | "2021" | "05/8/2021" → (value, precision)."""
    text = text.strip()
    for parse in (PartialDate.parse, PartialDate.parse_numeric):
        try:
            date = parse(text)
        except ValueError:
            continue
        return date.iso, date.precision.value
    raise ValueError(f"ngày “{text}” không hợp lệ; viết dạng YYYY-MM-DD (ví dụ 2022-01-10), YYYY-MM hoặc YYYY")


def new_document(
    data_dir: Path,
    kind: Optional[str] = None,
    issuer: Optional[str] = None,
    number: Optional[str] = None,
    date: Optional[str] = None,
    slug: Optional[str] = None,
    interactive: bool = True,
    ask: Callable[[str], str] = input,
) -> Path:
    """Write a skeleton document and return its path. Raises ValueError (Vietnamese message)
    on bad or missing input."""
    data_dir = Path(data_dir)
    organizations = _organizations(data_dir)
    if interactive:
        if not kind:
            kind = _ask(f"Loại văn bản ({', '.join(KINDS)}): ", ask)
        if not issuer:
            issuer = _ask("Mã cơ quan ban hành (ví dụ da-nang/ban-thuong-vu-thanh-uy): ", ask)
        if number is None:
            number = _ask("Số, ký hiệu (ví dụ 08-CT/TU; bỏ trống nếu văn bản không ghi số): ", ask)
        if date is None:
            date = _ask("Ngày ban hành YYYY-MM-DD (bỏ trống nếu chưa rõ): ", ask)
    if not kind:
        raise ValueError("thiếu loại văn bản (--kind), ví dụ --kind chi-thi")
    if kind not in KINDS:
        raise ValueError(f"loại văn bản “{kind}” không hợp lệ; chọn một trong: {', '.join(KINDS)}")
    if not issuer:
        raise ValueError("thiếu cơ quan ban hành (--issuer), ví dụ --issuer da-nang/ban-thuong-vu-thanh-uy")
    if issuer not in organizations:
        raise ValueError(
            f"không có cơ quan “{issuer}” trong data/organizations/; thêm cơ quan vào danh mục trước hoặc sửa mã"
        )
    canonical = None
    if number:
        canonical = canonical_number(re.sub(r"^\s*(?:Số|SỐ|số)\s*:?\s*", "", number))
        if canonical is None:
            raise ValueError(f"số, ký hiệu “{number}” không đọc được; viết dạng 08-CT/TU hoặc 16/CT-TTg")
    date_value, precision = _parse_date(date) if date else (None, "unknown")
    jurisdiction = issuer.split("/", 1)[0]
    folder = data_dir / "documents" / jurisdiction
    year = int(date_value[:4]) if date_value else None
    if slug is None:
        taken = {p.stem for p in folder.glob("*.yaml")} if folder.exists() else set()
        slug = make_slug(kind, canonical, year, taken)
    elif not _SLUG.match(slug):
        raise ValueError(f"tên tệp “{slug}” không hợp lệ: chỉ chữ thường không dấu, số và dấu gạch ngang")
    path = folder / f"{slug}.yaml"
    if path.exists():
        raise ValueError(f"đã có tệp {path}; không ghi đè (chọn tên khác bằng --slug)")
    source = data_dir / "sources" / f"{slug}.txt"
    text = skeleton_text(
        f"{jurisdiction}/{slug}",
        kind,
        issuer,
        organizations[issuer],
        canonical,
        number,
        date_value,
        precision,
        source.name,
    )
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as fh:  # "x": never overwrite, even in a race
        fh.write(text)
    if not source.exists():
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(
            f"(Dán toàn văn bản gốc của {KINDS[kind].lower()} {canonical or ''} vào tệp này, thay cho dòng này.\n"
            "Giữ nguyên văn như nhận được; có thể chạy: python -m generator import "
            f"data/sources/{source.name} để soạn lại phần nội dung.)\n".replace("  ", " "),
            encoding="utf-8",
        )
    return path


def skeleton_text(
    doc_id: str,
    kind: str,
    issuer: str,
    organization,
    number: Optional[str],
    printed: Optional[str],
    date_value: Optional[str],
    precision: str,
    source_file: str,
) -> str:
    system = "state" if re.search(r"(?i)ubnd|ủy ban nhân dân|hđnd|sở |bộ ", organization.name) else "party"
    lines = [
        SCHEMA_LINE,
        "# Khung văn bản do “python -m generator new” tạo. Điền các trường theo văn bản gốc, thay mọi giá trị",
        "# mẫu trong ngoặc đơn “(…)”, xóa các dòng ghi chú (bắt đầu bằng #) khi không cần nữa, rồi chạy:",
        "# python -m generator check  (lệnh báo “còn việc cần kiểm tra” ở mỗi giá trị mẫu chưa thay)",
        "",
        "# Mã văn bản: <địa bàn>/<tên tệp>. Là đường dẫn trang, không đổi sau khi công bố.",
        f"id: {doc_id}",
        f"# Loại văn bản ({KINDS[kind]}). Các loại: {', '.join(KINDS)}.",
        f"kind: {kind}",
    ]
    lines += _number_lines(number, printed)
    lines += [
        f"# Cơ quan ban hành ({organization.name}): mã trong data/organizations/.",
        f"issuer: {issuer}",
        "# Hệ thống: party (tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”) hoặc state (Quốc hiệu, Tiêu ngữ).",
        f"system: {system}",
        "# Địa danh ghi trước ngày tháng ở đầu văn bản, ví dụ: place: Đà Nẵng",
        "# Ngày ban hành: value dạng YYYY-MM-DD; precision: day | month | year | unknown;",
        "# source: printed (in trên văn bản) hoặc cited (lấy từ văn bản khác, ghi thêm cited_in).",
    ]
    if date_value:
        lines += ["date:", f"  value: {scalar(date_value)}", f"  precision: {precision}", "  source: printed"]
    else:
        lines += [
            "date:",
            "  precision: unknown",
            "  # not_before: 'YYYY-MM-DD'  # ngày sớm nhất suy ra được từ nội dung, nếu có",
        ]
    lines += _content_lines(kind, source_file)
    return "\n".join(lines)


def _number_lines(number: Optional[str], printed: Optional[str]) -> list[str]:
    lines: list[str] = []
    if number:
        lines += [
            "# Số, ký hiệu: value là dạng chuẩn; printed_as ghi đúng như in nếu khác (ví dụ “Số 07- CT/TU”);",
            "# source: printed (in trên văn bản) hoặc cited (lấy từ văn bản khác, khi đó ghi cited_in).",
            "number:",
            f"  value: {scalar(number)}",
        ]
        if printed and re.sub(r"^\s*(?:Số|SỐ|số)\s*:?\s*", "", printed.strip()) != number:
            lines.append(f"  printed_as: {scalar(printed.strip())}")
        lines.append("  source: printed")
    else:
        lines += [
            "# Số, ký hiệu: văn bản không ghi số thì bỏ trống. Nếu biết số từ văn bản khác dẫn chiếu, thêm:",
            '# number: {value: 08-CT/TU, source: cited, cited_in: <mã văn bản dẫn chiếu>, note: "…"}',
        ]
    return lines


def _content_lines(kind: str, source_file: str) -> list[str]:
    """heading, title, preamble, body (placeholders check refuses), the optional fields, source."""
    lines: list[str] = []
    lines += [
        "# Dòng tên loại in phía trên trích yếu, đúng như in.",
        "heading:",
        f"- {scalar(KINDS[kind].upper())}",
        "# Trích yếu nội dung, viết như in (không kèm tên loại).",
        f"title: {scalar(PLACEHOLDER_TITLE)}",
        '# Dòng ghi chú dưới trích yếu, nếu có, ví dụ: subtitle: "(Ban hành kèm theo Quyết định số …)"',
        "# Giai đoạn thực hiện, nếu văn bản nêu: period: {start: 2021, end: 2025}",
        "# Chủ đề để nhóm văn bản, ví dụ: topics: [dân vận]",
        "# Phần mở đầu: căn cứ ban hành, các đoạn trước mục 1. Mỗi đoạn một dòng “- …”.",
        "preamble:",
        f"- {scalar('(Đoạn mở đầu của văn bản.)')}",
        "# Nội dung: các phần (part), mục (item), điểm (point), gạch đầu dòng (dash), đoạn văn.",
        "# number dùng làm neo liên kết (muc-1, muc-ii-1-a); marker ghi đúng ký hiệu như in.",
        "body:",
        "- type: item",
        "  number: '1'",
        "  marker: '1.'",
        f"  text: {scalar('(Nội dung mục 1.)')}",
        "  children:",
        "  - type: dash",
        f"    text: {scalar('(Gạch đầu dòng, nếu có.)')}",
        "# Chú thích cuối trang, dẫn trong nội dung bằng [^1]:",
        "# footnotes: [{id: '1', text: \"…\"}]",
        "# Người ký: thẩm quyền ký (T/M, TM., KT.…), chức vụ, họ tên; bỏ phần nào văn bản không ghi.",
        "# signer: {authority: T/M BAN THƯỜNG VỤ, position: PHÓ BÍ THƯ, name: …}",
        "# Nơi nhận, mỗi nơi một dòng: recipients: [{name: Ban Bí thư Trung ương, note: để b/cáo}]",
        "# Văn bản ban hành kèm theo (mã văn bản): attachments: [da-nang/de-an-…]",
        "# Nhiệm vụ: unit là neo của mục giao nhiệm vụ; lead: chủ trì; support: phối hợp; deadline: thời hạn như in.",
        "# tasks:",
        '# - {id: nv-1, unit: muc-1, lead: ["…"], support: ["…"], deadline: "…"}',
        f"# Tệp văn bản gốc trong data/sources/ (dán toàn văn vào {source_file}).",
        "source:",
        f"  file: {source_file}",
        "",
    ]
    return lines
