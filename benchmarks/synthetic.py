"""A deterministic synthetic corpus made from the five real documents, for benchmarks.

    python benchmarks/synthetic.py --docs 10000 --seed 1 --out /tmp/od-10k

writes a complete data folder (documents/, organizations/, jurisdictions.yaml, sources/) that
`python -m generator check --data DIR` accepts. Every document is one of the six real ones
re-issued in another of 60 jurisdictions: its organizations renamed for that place, a new
number and date, its subject swapped for one of ~40 real policy topics in about two thirds of
the documents, paragraphs borrowed from the other documents (so lengths vary), a citation of an
earlier synthetic document, and local names (districts, communes, people) drawn from syllable
lists so the vocabulary grows with the corpus as a real one would. Tasks, deadlines, footnotes
and the block structure (and so every anchor) are kept. Same --docs and --seed, same bytes.
"""

from __future__ import annotations

import argparse
import copy
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT))

from generator.importer.document import ordered  # noqa: E402  (the schema's order of fields)

# 57 provinces and cities besides the three the real documents come from (60 in all).
PLACES = [
    ("an-giang", "Tỉnh An Giang", "An Giang"),
    ("ba-ria-vung-tau", "Tỉnh Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ("bac-giang", "Tỉnh Bắc Giang", "Bắc Giang"),
    ("bac-kan", "Tỉnh Bắc Kạn", "Bắc Kạn"),
    ("bac-lieu", "Tỉnh Bạc Liêu", "Bạc Liêu"),
    ("bac-ninh", "Tỉnh Bắc Ninh", "Bắc Ninh"),
    ("ben-tre", "Tỉnh Bến Tre", "Bến Tre"),
    ("binh-dinh", "Tỉnh Bình Định", "Bình Định"),
    ("binh-duong", "Tỉnh Bình Dương", "Bình Dương"),
    ("binh-phuoc", "Tỉnh Bình Phước", "Bình Phước"),
    ("binh-thuan", "Tỉnh Bình Thuận", "Bình Thuận"),
    ("ca-mau", "Tỉnh Cà Mau", "Cà Mau"),
    ("can-tho", "Thành phố Cần Thơ", "Cần Thơ"),
    ("cao-bang", "Tỉnh Cao Bằng", "Cao Bằng"),
    ("dak-lak", "Tỉnh Đắk Lắk", "Đắk Lắk"),
    ("dak-nong", "Tỉnh Đắk Nông", "Đắk Nông"),
    ("dien-bien", "Tỉnh Điện Biên", "Điện Biên"),
    ("dong-nai", "Tỉnh Đồng Nai", "Đồng Nai"),
    ("dong-thap", "Tỉnh Đồng Tháp", "Đồng Tháp"),
    ("gia-lai", "Tỉnh Gia Lai", "Gia Lai"),
    ("ha-giang", "Tỉnh Hà Giang", "Hà Giang"),
    ("ha-nam", "Tỉnh Hà Nam", "Hà Nam"),
    ("hai-duong", "Tỉnh Hải Dương", "Hải Dương"),
    ("hai-phong", "Thành phố Hải Phòng", "Hải Phòng"),
    ("hau-giang", "Tỉnh Hậu Giang", "Hậu Giang"),
    ("hoa-binh", "Tỉnh Hòa Bình", "Hòa Bình"),
    ("hung-yen", "Tỉnh Hưng Yên", "Hưng Yên"),
    ("khanh-hoa", "Tỉnh Khánh Hòa", "Khánh Hòa"),
    ("kien-giang", "Tỉnh Kiên Giang", "Kiên Giang"),
    ("kon-tum", "Tỉnh Kon Tum", "Kon Tum"),
    ("lai-chau", "Tỉnh Lai Châu", "Lai Châu"),
    ("lam-dong", "Tỉnh Lâm Đồng", "Lâm Đồng"),
    ("lang-son", "Tỉnh Lạng Sơn", "Lạng Sơn"),
    ("lao-cai", "Tỉnh Lào Cai", "Lào Cai"),
    ("long-an", "Tỉnh Long An", "Long An"),
    ("nam-dinh", "Tỉnh Nam Định", "Nam Định"),
    ("nghe-an", "Tỉnh Nghệ An", "Nghệ An"),
    ("ninh-binh", "Tỉnh Ninh Bình", "Ninh Bình"),
    ("ninh-thuan", "Tỉnh Ninh Thuận", "Ninh Thuận"),
    ("phu-tho", "Tỉnh Phú Thọ", "Phú Thọ"),
    ("phu-yen", "Tỉnh Phú Yên", "Phú Yên"),
    ("quang-binh", "Tỉnh Quảng Bình", "Quảng Bình"),
    ("quang-nam", "Tỉnh Quảng Nam", "Quảng Nam"),
    ("quang-ngai", "Tỉnh Quảng Ngãi", "Quảng Ngãi"),
    ("quang-ninh", "Tỉnh Quảng Ninh", "Quảng Ninh"),
    ("quang-tri", "Tỉnh Quảng Trị", "Quảng Trị"),
    ("soc-trang", "Tỉnh Sóc Trăng", "Sóc Trăng"),
    ("son-la", "Tỉnh Sơn La", "Sơn La"),
    ("tay-ninh", "Tỉnh Tây Ninh", "Tây Ninh"),
    ("thai-binh", "Tỉnh Thái Bình", "Thái Bình"),
    ("thai-nguyen", "Tỉnh Thái Nguyên", "Thái Nguyên"),
    ("thanh-hoa", "Tỉnh Thanh Hóa", "Thanh Hóa"),
    ("thua-thien-hue", "Tỉnh Thừa Thiên Huế", "Thừa Thiên Huế"),
    ("tien-giang", "Tỉnh Tiền Giang", "Tiền Giang"),
    ("tra-vinh", "Tỉnh Trà Vinh", "Trà Vinh"),
    ("tuyen-quang", "Tỉnh Tuyên Quang", "Tuyên Quang"),
    ("vinh-long", "Tỉnh Vĩnh Long", "Vĩnh Long"),
]

# Policy subjects that replace "dân vận" in about two thirds of the documents.
TOPICS = [
    "chuyển đổi số",
    "cải cách hành chính",
    "phòng, chống tham nhũng",
    "xây dựng nông thôn mới",
    "bảo vệ môi trường",
    "phòng, chống thiên tai",
    "giảm nghèo bền vững",
    "phát triển du lịch",
    "an toàn giao thông",
    "xây dựng Đảng",
    "công tác cán bộ",
    "thi đua, khen thưởng",
    "bảo vệ nền tảng tư tưởng của Đảng",
    "phòng cháy, chữa cháy",
    "an toàn thực phẩm",
    "chăm sóc sức khỏe nhân dân",
    "phát triển giáo dục và đào tạo",
    "khoa học và công nghệ",
    "thu hút đầu tư",
    "quản lý đất đai",
    "quản lý tài nguyên nước",
    "thủy lợi và phòng chống hạn hán",
    "phát triển kinh tế biển",
    "công tác tôn giáo",
    "công tác dân tộc",
    "bình đẳng giới",
    "phòng, chống ma túy",
    "bảo đảm an ninh trật tự",
    "xây dựng văn hóa công sở",
    "thực hành tiết kiệm, chống lãng phí",
    "công tác tiếp công dân",
    "phổ biến, giáo dục pháp luật",
    "phát triển hợp tác xã",
    "bảo hiểm xã hội toàn dân",
    "chỉnh trang đô thị",
    "phát triển văn hóa đọc",
    "công tác thanh niên",
    "quản lý thị trường",
    "phát triển nhà ở xã hội",
    "kinh tế tư nhân",
]

_FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trương",
    "Lương",
    "Mai",
]
_SYLLABLES = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Minh",
    "Nam",
    "Nga",
    "Nghĩa",
    "Phong",
    "Phúc",
    "Phương",
    "Quang",
    "Quyết",
    "Sơn",
    "Tâm",
    "Thắng",
    "Thanh",
    "Thảo",
    "Thủy",
    "Tiến",
    "Toàn",
    "Trung",
    "Tuấn",
    "Uyên",
    "Vân",
    "Việt",
    "Xuân",
    "Yến",
    "Lộc",
    "Hưng",
    "Tân",
    "Phước",
    "Thịnh",
    "Điền",
    "Khê",
    "Trà",
    "Mỹ",
    "Ninh",
    "Đông",
    "Tây",
    "Bắc",
    "Lạc",
    "Thượng",
    "Hạ",
    "Kiều",
    "Sa",
    "Vĩnh",
    "Thọ",
    "Châu",
    "Diên",
    "Hiệp",
    "Đoài",
    "Quý",
    "Thuận",
    "Hồng",
    "Ngọc",
    "Chánh",
    "Liêm",
]
_UNITS = ["huyện", "thị xã", "quận", "xã", "phường", "thị trấn"]

_SENTENCES = [
    (
        "Giao Ủy ban nhân dân {unit} {place} phối hợp với Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội "
        "tổ chức đối thoại với nhân dân về {topic}, báo cáo kết quả trước ngày {day:02d}/{month}/{year}."
    ),
    (
        "Năm {year}, {unit} {place} được chọn làm điểm thực hiện mô hình “{topic}” với sự tham gia của "
        "{count} hộ gia đình; đồng chí {person} được phân công theo dõi, đôn đốc."
    ),
    (
        "Kết quả sơ kết {count} năm cho thấy {unit} {place} và {unit2} {place2} đã làm tốt công tác {topic}, "
        "cần nhân rộng trong toàn {scope}."
    ),
    (
        "Đồng chí {person}, Trưởng ban chỉ đạo, chịu trách nhiệm trước Ban Thường vụ về tiến độ {topic} "
        "tại {unit} {place}; định kỳ {month} tháng một lần báo cáo kết quả."
    ),
]

# Kind -> (Party symbol, State symbol) for new numbers.
_SYMBOLS = {"chi-thi": ("CT", "CT"), "quyet-dinh": ("QĐ", "QĐ"), "ke-hoach": ("KH", "KH"), "de-an": ("ĐA", "ĐA")}


def _load_real() -> list[dict]:
    docs = []
    for path in sorted((DATA / "documents").glob("*/*.yaml")):
        docs.append(yaml.safe_load(path.read_text(encoding="utf-8")))
    return docs


def _load_orgs(jurisdiction: str) -> list[dict]:
    return yaml.safe_load((DATA / "organizations" / f"{jurisdiction}.yaml").read_text(encoding="utf-8"))


class Place:
    def __init__(self, jid: str, name: str, short: str, style: str):
        self.id, self.name, self.short, self.style = jid, name, short, style
        self.province = name.startswith("Tỉnh")


_STYLE_SHORT = {"da-nang": "Đà Nẵng", "ha-noi": "Hà Nội", "ha-tinh": "Hà Tĩnh"}
_COMMITTEE = [
    ("Thành ủy", "Tỉnh ủy"),
    ("Thành uỷ", "Tỉnh uỷ"),
    ("THÀNH ỦY", "TỈNH ỦY"),
    ("thành ủy", "tỉnh ủy"),
    ("Thành Ủy", "Tỉnh Ủy"),
]


def localize(value, place: Place):
    """Rewrite a value (recursively) from its template's place to `place`."""
    if isinstance(value, dict):
        return {k: localize(v, place) for k, v in value.items()}
    if isinstance(value, list):
        return [localize(v, place) for v in value]
    if not isinstance(value, str):
        return value
    src = _STYLE_SHORT[place.style]
    if place.short != src:
        value = value.replace(src, place.short).replace(src.upper(), place.short.upper())
    if place.province and place.style != "ha-tinh":
        for city, province in _COMMITTEE:
            value = value.replace(city, province)
    return value


def _retarget(value, old: str, new: str):
    """Organization/document ids: "<old>/x" -> "<new>/x"."""
    if isinstance(value, dict):
        return {k: _retarget(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_retarget(v, old, new) for v in value]
    if isinstance(value, str) and value.startswith(old + "/"):
        return new + value[len(old) :]
    return value


def _paragraphs(blocks, out: list[str]) -> None:
    for block in blocks:
        if isinstance(block, str):
            out.append(block)
        else:
            if block.get("type") in ("paragraph", "dash", "item") and block.get("text") and "[^" not in block["text"]:
                out.append(block["text"])
            _paragraphs(block.get("children", []), out)


def _name(rng: random.Random, parts: int = 2) -> str:
    return " ".join(rng.choice(_SYLLABLES) for _ in range(parts))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FAMILY)} {_name(rng, rng.choice((1, 2)))}"


def generate(n_docs: int, seed: int, out: Path) -> None:
    rng = random.Random(seed)
    real = _load_real()
    by_style: dict[str, list[dict]] = {}
    for doc in real:
        by_style.setdefault(doc["id"].split("/")[0], []).append(doc)
    pool: list[str] = []
    for doc in real:
        _paragraphs(doc.get("preamble", []) + doc.get("body", []), pool)
    pool = [p for p in pool if 80 < len(p) < 1500 and "[^" not in p]

    styles = ["da-nang", "ha-noi", "ha-tinh"]
    places = [
        Place("da-nang", "Thành phố Đà Nẵng", "Đà Nẵng", "da-nang"),
        Place("ha-noi", "Thành phố Hà Nội", "Hà Nội", "ha-noi"),
        Place("ha-tinh", "Tỉnh Hà Tĩnh", "Hà Tĩnh", "ha-tinh"),
    ]
    for i, (jid, name, short) in enumerate(PLACES):
        places.append(Place(jid, name, short, styles[i % 3] if i % 5 else "da-nang"))

    if out.exists():
        shutil.rmtree(out)
    (out / "documents").mkdir(parents=True)
    (out / "organizations").mkdir()
    (out / "sources").mkdir()
    for source in sorted((DATA / "sources").iterdir()):
        shutil.copy2(source, out / "sources" / source.name)
    shutil.copy2(DATA / "organizations" / "trung-uong.yaml", out / "organizations" / "trung-uong.yaml")
    if (DATA / "references.yaml").exists():  # the catalog of cited documents, when the project has one
        shutil.copy2(DATA / "references.yaml", out / "references.yaml")

    jurisdictions = [{"id": "trung-uong", "name": "Trung ương", "short_name": "Trung ương"}]
    org_names: dict[str, dict[str, str]] = {}
    for place in places:
        jurisdictions.append({"id": place.id, "name": place.name, "short_name": place.short})
        orgs = localize(_retarget(_load_orgs(place.style), place.style, place.id), place)
        org_names[place.id] = {o["id"]: o["name"] for o in orgs}
        _dump(out / "organizations" / f"{place.id}.yaml", orgs, "../../generator/schema/organizations.schema.json")
    _dump(out / "jurisdictions.yaml", jurisdictions, "../generator/schema/jurisdictions.schema.json")

    real_text = "\n".join(yaml.safe_dump(doc, allow_unicode=True) for doc in real)
    used_numbers: set[tuple[str, str]] = set()
    issued: dict[str, list[dict]] = {}  # jurisdiction -> earlier synthetic documents (for citations)
    used_ids: set[str] = set()
    for i in range(n_docs):
        place = places[i % len(places)] if i < len(places) else rng.choice(places)
        template = rng.choice(by_style[place.style])
        doc = localize(_retarget(copy.deepcopy(template), place.style, place.id), place)
        kind = doc["kind"]
        year = rng.randint(2010, 2026)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        topic = None if rng.random() < 0.34 else rng.choice(TOPICS)

        number = None
        if rng.random() < 0.85:
            # Unique within the jurisdiction and never a number the real texts cite, so every
            # citation resolves to one document (as the generator requires).
            party = doc["system"] == "party"
            symbol = _SYMBOLS.get(kind, ("TB", "TB"))[0 if party else 1]
            owner = "TU" if party else "UBND"
            while True:
                value = (
                    f"{rng.randint(1, 900):02d}-{symbol}/{owner}"
                    if party
                    else f"{rng.randint(1, 9000)}/{symbol}-{owner}"
                )
                if (place.id, value) not in used_numbers and value not in real_text:
                    break
            used_numbers.add((place.id, value))
            number = {"value": value, "source": "printed"}
        slug_number = re.sub(r"[^0-9a-z]+", "-", _ascii(number["value"]).lower()).strip("-") if number else "khong-so"
        slug = f"{kind}-{slug_number}-{year}-{i:05d}"
        doc_id = f"{place.id}/{slug}"
        assert doc_id not in used_ids
        used_ids.add(doc_id)

        doc["id"] = doc_id
        doc.pop("number", None)
        if number:
            doc["number"] = number
        precision = rng.choice(["day"] * 8 + ["month", "year"])
        value = {"day": f"{year}-{month:02d}-{day:02d}", "month": f"{year}-{month:02d}", "year": str(year)}[precision]
        doc["date"] = {"value": value, "precision": precision, "source": "printed"}
        if "period" in doc:
            doc["period"] = {"start": year, "end": year + rng.choice((1, 2, 4, 5))}
        doc.pop("attachments", None)
        if topic:
            doc = _retopic(doc, topic)
            doc["topics"] = [topic]

        # Borrowed paragraphs (lengths vary), local names, a citation of an earlier document.
        extra = [rng.choice(pool) for _ in range(rng.choice((0, 0, 1, 2, 3, 5, 8)))]
        if topic:
            extra = [_retopic(p, topic) for p in extra]
        for _ in range(rng.randint(1, 4)):
            extra.append(
                rng.choice(_SENTENCES).format(
                    unit=rng.choice(_UNITS),
                    place=_name(rng),
                    unit2=rng.choice(_UNITS),
                    place2=_name(rng),
                    topic=topic or "dân vận",
                    person=_person(rng),
                    count=rng.randint(2, 900),
                    day=rng.randint(1, 28),
                    month=rng.randint(1, 12),
                    year=year,
                    scope="tỉnh" if place.province else "thành phố",
                )
            )
        earlier = issued.get(place.id, [])
        if earlier:
            cited = rng.choice(earlier[-50:])
            extra.insert(0, f"Căn cứ {cited['label']} ngày {cited['date']} của {cited['issuer']} {cited['title']};")
        doc["preamble"] = extra + doc.get("preamble", [])
        if doc.get("signer") and doc["signer"].get("name"):
            doc["signer"]["name"] = _person(rng)
        doc["source"] = {"file": template["source"]["file"]}
        if number:
            from_kind = {"chi-thi": "Chỉ thị", "quyet-dinh": "Quyết định", "ke-hoach": "Kế hoạch", "de-an": "Đề án"}
            issued.setdefault(place.id, []).append(
                {
                    "label": f"{from_kind.get(kind, 'Văn bản')} số {number['value']}",
                    "date": f"{day:02d}/{month}/{year}",
                    "issuer": org_names[place.id].get(doc["issuer"], place.name),
                    "title": doc["title"].split(" (")[0],
                }
            )
        path = out / "documents" / place.id / f"{slug}.yaml"
        path.parent.mkdir(exist_ok=True)
        _dump(path, ordered(doc), "../../../generator/schema/document.schema.json")


def _retopic(value, topic: str):
    if isinstance(value, dict):
        return {
            k: (
                _retopic(v, topic)
                if k in ("text", "heading", "title", "preamble", "body", "children", "subtitle", "summary")
                else v
            )
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_retopic(v, topic) for v in value]
    if isinstance(value, str):
        return value.replace("dân vận", topic).replace("Dân vận", topic[:1].upper() + topic[1:])
    return value


def _ascii(text: str) -> str:
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _dump(path: Path, data, schema: str) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100_000)
    path.write_text(f"# yaml-language-server: $schema={schema}\n{text}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    generate(args.docs, args.seed, args.out)
    print(f"{args.docs} documents in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
