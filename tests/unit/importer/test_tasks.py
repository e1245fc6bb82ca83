"""generator/importer/tasks.py: names split against the registry, deadline phrases found in sentences, tasks from prose and from field lines."""

from __future__ import annotations

import pytest

from generator.corpus.read import read_corpus
from generator.importer.tasks import Registry, draft_tasks, find_deadline, prose_tasks, split_names
from tests.conftest import DATA


@pytest.fixture(scope="module")
def corpus():
    return read_corpus(DATA).corpus


@pytest.fixture(scope="module")
def registry(corpus):
    return Registry(corpus.organizations, "da-nang", "da-nang/ban-tuyen-giao-thanh-uy")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp.", ["Phòng Văn hóa, Văn nghệ - Khoa giáo và Tổng hợp"]),
        (
            "Sở Thông tin và Truyền thông thành phố, các cơ quan báo chí.",
            ["Sở Thông tin và Truyền thông thành phố", "các cơ quan báo chí"],
        ),
        (
            "Ban Dân vận Thành ủy, Sở Thông tin và Truyền thông thành phố, các cơ quan báo chí",
            ["Ban Dân vận Thành ủy", "Sở Thông tin và Truyền thông thành phố", "các cơ quan báo chí"],
        ),
        (
            "Sở Tài nguyên và Môi trường, Sở Nội vụ và các sở liên quan",  # not in the registry
            ["Sở Tài nguyên và Môi trường", "Sở Nội vụ", "các sở liên quan"],
        ),
        ("Mặt trận Tổ quốc và các đoàn thể", ["Mặt trận Tổ quốc", "các đoàn thể"]),
    ],
)
def test_split_names(registry, value, expected):
    assert split_names(value, registry) == expected


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("xây dựng kế hoạch triển khai thực hiện, hoàn thành trong tháng 9/2021", "hoàn thành trong tháng 9/2021"),
        (
            "báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ) trước ngày 05 tháng 12 hằng năm.",
            "trước ngày 05 tháng 12 hằng năm",
        ),
        ("định kỳ hằng năm tổ chức sơ kết", "định kỳ hằng năm"),
        (
            "đối thoại trước kỳ họp thường kỳ của Hội đồng nhân dân thành phố theo Nghị định số 34/2021/NĐ-CP",
            "trước kỳ họp thường kỳ của Hội đồng nhân dân thành phố",
        ),
        (
            "(báo cáo 6 tháng trước ngày 10/6, báo cáo năm trước ngày 15/11, qua Phòng Tổng hợp)",
            "báo cáo 6 tháng trước ngày 10/6, báo cáo năm trước ngày 15/11",
        ),
        ("tham mưu đánh giá và tiến hành tổng kết vào năm 2020.", "tổng kết vào năm 2020"),
        # yearly forms of real plans
        (
            "tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 25/12 hàng năm.",
            "trước ngày 25/12 hàng năm",
        ),
        ("báo cáo kết quả thực hiện trước ngày 25 tháng 10 hằng năm;", "trước ngày 25 tháng 10 hằng năm"),
        ("gửi báo cáo định kỳ trước ngày 10/6 và 10/12 hàng năm", "định kỳ trước ngày 10/6 và 10/12 hàng năm"),
        (
            "Định kỳ báo cáo UBND tỉnh kết quả thực hiện Kế hoạch hằng năm (trước ngày 15 tháng 11) hoặc theo đề nghị",
            "hằng năm (trước ngày 15 tháng 11)",
        ),
        ("góp phần hoàn thành thắng lợi nhiệm vụ", None),
        ("thi đua hằng năm của từng cơ quan", None),
    ],
)
def test_find_deadline(clause, expected):
    assert find_deadline(clause) == expected


def test_prose_tasks(corpus):
    registry = Registry(corpus.organizations, "da-nang", "da-nang/ban-thuong-vu-thanh-uy")
    text = (
        "Giao Ban Dân vận Thành ủy chủ trì, phối hợp với các cơ quan liên quan thường xuyên theo dõi, "
        "định kỳ hằng năm báo cáo Ban Thường vụ Thành ủy. Uỷ ban Kiểm tra Thành uỷ chủ trì, phối hợp với "
        "Ban Dân vận Thành uỷ hằng năm xây dựng kế hoạch kiểm tra; đồng thời hoàn thành trong quý IV-2016."
    )
    tasks = prose_tasks("muc-8-d1", text, registry)
    assert [(t.lead, t.support, t.deadline) for t in tasks] == [
        (["Ban Dân vận Thành ủy"], ["các cơ quan liên quan"], "định kỳ hằng năm"),
        (["Uỷ ban Kiểm tra Thành uỷ"], ["Ban Dân vận Thành uỷ"], "hằng năm"),
        (["Uỷ ban Kiểm tra Thành uỷ"], ["Ban Dân vận Thành uỷ"], "hoàn thành trong quý IV-2016"),
    ]
    assert prose_tasks("muc-1", "Tăng cường phối hợp với Mặt trận Tổ quốc.", registry) == []


def test_found_yearly_deadlines_parse_into_yearly_rules():
    from generator.vn.deadlines import parse

    for clause, rules in [
        ("tổng hợp báo cáo trước ngày 25/12 hàng năm.", ["FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24"]),
        (
            "báo cáo định kỳ trước ngày 10/6 và 10/12 hàng năm",
            ["FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=9", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=9"],
        ),
        ("kết quả thực hiện hằng năm (trước ngày 15 tháng 11)", ["FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=14"]),
    ]:
        found = parse(find_deadline(clause), context_year=2025)
        assert ([p.rrule for p in found.parts] or [found.rrule]) == rules


def test_draft_tasks(corpus):
    from generator.importer.structure import Node

    registry = Registry(corpus.organizations, "ha-tinh", "ha-tinh/ubnd-tinh")
    unit = Node("item", number="1", marker="1.", text="Sở Nội vụ chủ trì, tổng hợp báo cáo trước ngày 25/12 hàng năm.")
    unit.anchor = "muc-1"
    fields = Node("item", number="2", marker="2.", heading="Tuyên truyền")
    fields.anchor = "muc-2"
    for text in ("Chủ trì: Sở Tư pháp tỉnh Hà Tĩnh.", "Phối hợp: Sở Nội vụ.", "Thời gian thực hiện: Hằng năm."):
        fields.children.append(Node("dash", text=text))
    empty = Node("item", number="3", marker="3.", text="Hoàn thành trong quý IV/2025.")
    empty.anchor = "muc-3"
    tasks = draft_tasks([unit, fields, empty], registry, 2025)
    from generator.importer.emit import plain, unwrap

    entries = [plain(t) for t in tasks.entries]
    assert len(entries) == 2  # a sentence that names no body assigns no task
    assert entries[0] == {
        "id": "nv-1",
        "unit": "muc-1",
        "lead": ["Sở Nội vụ"],
        "deadline": "trước ngày 25/12 hàng năm",
    }
    assert entries[1]["lead"] == ["Sở Tư pháp tỉnh Hà Tĩnh"] and entries[1]["deadline"] == "Hằng năm"
    assert tasks.unknown_names == ["Sở Tư pháp tỉnh Hà Tĩnh"]  # listed in the summary, no TODO
    assert unwrap(tasks.entries[1])[1] == []
