"""The catalog of hostile and broken input (issue: scale and robustness).

Every case is answered by a clear located error, or by safe escaped output: never a crash,
a hang, a script that runs, or a file written outside the output folder.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.corpus.load import LoadError, load_text
from tests.conftest import run_generator
from tests.test_bad_input import VALID, errors, write_doc

LONG = "dài " * 30_000

CATALOG = {
    # name: (document text, expected: "error:<fragment>" or "ok")
    "javascript: URL in source.url": (
        VALID.replace(
            "source: {file: da-nang-chi-thi-08-ct-tu-2021.txt}",
            "source: {file: da-nang-chi-thi-08-ct-tu-2021.txt, url: 'javascript:alert(1)'}",
        ),
        "error:không đúng định dạng",
    ),
    "data: URL in a report link": (
        VALID
        + "tasks:\n  - {id: a, unit: d1, reports: [{date: '2022-01-01', status: done, link: 'data:text/html,x'}]}\n",
        "error:không đúng định dạng",
    ),
    "very long title": (VALID.replace("title: về thử nghiệm", f"title: {LONG}"), "error:quá dài"),
    "very long paragraph is fine": (VALID.replace("- Đoạn một.", "- " + "chữ " * 20_000), "ok"),
    "NFD text": (VALID.replace("về thử nghiệm", unicodedata.normalize("NFD", "về thử nghiệm")), "ok"),
    "TCVN3 mojibake": (VALID.replace("về thử nghiệm", "Uû ban nh©n d©n"), "error:mã hóa cũ"),
    "VNI mojibake": (VALID.replace("về thử nghiệm", "chaøo moïi ngöôøi"), "error:mã hóa cũ"),
    "control character": (VALID.replace("về thử nghiệm", "về\x1bthử"), "error:ký tự điều khiển"),
    "bidi override": (
        VALID.replace("về thử nghiệm", "về\u202ethử"),
        "error:ký tự vô hình U+202E (RIGHT-TO-LEFT OVERRIDE)",
    ),
    "deep nesting": (
        VALID.replace("body:\n  - Đoạn một.", "body:\n  - " + "{type: item, number: '1', children: [" * 60 + "]}" * 60),
        "error:lồng quá sâu",
    ),
    "exponential anchors": (
        "a: &a ['x','x','x','x']\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c]\n"
        "e: [*d,*d,*d,*d]\n" + VALID,
        "error:anchor/alias",
    ),
    "id with ../": (VALID.replace("id: da-nang/thu-nghiem", "id: da-nang/../../etc"), "error:không đúng định dạng"),
    "absolute id": (VALID.replace("id: da-nang/thu-nghiem", "id: /etc/passwd"), "error:không đúng định dạng"),
    "source file outside data/sources": (
        VALID.replace("da-nang-chi-thi-08-ct-tu-2021.txt", "../../etc/passwd"),
        "error:không đúng định dạng",
    ),
    "python object tag": (
        VALID.replace("title: về thử nghiệm", "title: !!python/object/apply:os.system ['id']"),
        "error:không được hỗ trợ",
    ),
    "html in every field is escaped": (VALID.replace("về thử nghiệm", "<script>alert(1)</script>"), "ok"),
    "markdown raw html": (VALID.replace("- Đoạn một.", '- "<iframe src=x></iframe> [a](javascript:x) ![i](x)"'), "ok"),
}


@pytest.mark.parametrize("name", CATALOG)
def test_hostile_case(data_copy, tmp_path, name):
    text, expected = CATALOG[name]
    write_doc(data_copy, text)
    result = run_generator("check", "--data", str(data_copy))
    if expected.startswith("error:"):
        assert result.returncode == 1, result.stderr[-1500:]
        assert any(expected[6:] in e["message"] for e in errors(result)), result.stderr[-1500:]
        return
    assert result.returncode == 0, result.stderr[-1500:]
    out = tmp_path / "md"
    built = run_generator("build", "--data", str(data_copy), "--out", str(out), "--build-date", "2026-11-21")
    assert built.returncode == 0, built.stderr[-1500:]
    page = (out / "van-ban" / "da-nang" / "thu-nghiem.md").read_text(encoding="utf-8")
    for raw in ("<script>", "<iframe", 'href="javascript:', "<img"):
        assert raw not in page
    written = {p.resolve() for p in tmp_path.rglob("*")}
    assert all(str(p).startswith(str(tmp_path.resolve())) for p in written)


def test_fifty_megabyte_file_is_refused_quickly(data_copy):
    path = data_copy / "documents" / "da-nang" / "lon.yaml"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(VALID.replace("thu-nghiem", "lon"))
        fh.write("# " + "x" * (50 * 1024 * 1024) + "\n")
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 1
    assert "tệp quá lớn" in result.stderr


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_loader_never_crashes_on_arbitrary_text(text):
    try:
        loaded = load_text(text, "x.yaml")
    except LoadError as exc:
        assert exc.diagnostic.line >= 1 and exc.diagnostic.col >= 1
        return
    assert () in loaded.positions  # a document ("~" is a valid null one) was read and located


_scalars = st.one_of(st.text(max_size=30), st.integers(), st.booleans(), st.none())
_data = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_data)
def test_loader_round_trips_plain_data(value):
    import yaml

    text = yaml.safe_dump({"v": value}, allow_unicode=True)
    try:
        loaded = load_text(text, "x.yaml")
    except LoadError as exc:  # control characters and mojibake are refused on purpose
        assert any(
            w in exc.diagnostic.message
            for w in ("điều khiển", "vô hình", "không hợp lệ U+", "mã hóa cũ", "YAML", "hai lần")
        )
        return

    def nfc(node):
        if isinstance(node, str):
            return unicodedata.normalize("NFC", node)
        if isinstance(node, list):
            return [nfc(n) for n in node]
        if isinstance(node, dict):
            return {nfc(k): nfc(v) for k, v in node.items()}
        return node

    assert loaded.data == nfc({"v": value})


# --- limits: no page grows with the data --------------------------------------------------


def _big_corpus(data, docs: int, tasks_per_doc: int) -> None:
    with (data / "organizations" / "da-nang.yaml").open("a", encoding="utf-8") as fh:
        fh.write("- {id: da-nang/co-quan-thu, name: Cơ quan thử}\n")
    folder = data / "documents" / "da-nang"
    for d in range(docs):
        tasks = "".join(
            f"  - {{id: t{t}, unit: d1, lead: [Cơ quan thử], deadline: trước ngày 31/12/2025}}\n"
            for t in range(tasks_per_doc)
        )
        text = VALID.replace("thu-nghiem", f"thu-nghiem-{d}").replace("2021-08-05", f"2021-08-{d % 28 + 1:02d}")
        (folder / f"thu-nghiem-{d}.yaml").write_text(text + "tasks:\n" + tasks, encoding="utf-8")


def test_an_organisation_with_10000_tasks_and_a_crowded_year_stay_bounded(tmp_path, monkeypatch):
    """10,000 tasks led by one organisation, and a year, a jurisdiction's task list and the
    timeline longer than their limits: every list is split into pages, every row is on one."""
    import shutil

    from generator.build.pipeline import generate
    from generator.publish import render
    from tests.conftest import DATA

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _big_corpus(data, docs=40, tasks_per_doc=250)
    monkeypatch.setattr(render, "LIST_LIMIT", 10)
    generated = generate(data, __import__("datetime").date(2026, 11, 21))
    assert generated.ok, [d.format() for d in generated.read.diagnostics if d.is_error][:5]
    pages = generated.site.pages
    org = pages["co-quan/da-nang/co-quan-thu.md"]
    assert org.count("<tr") <= 2 * (render.ORG_LIMIT + 1)  # lead and support tables, header rows
    assert "xem tất cả 10000 nhiệm vụ chủ trì" in org
    lead_pages = sorted(p for p in pages if p.startswith("co-quan/da-nang/co-quan-thu/chu-tri"))
    assert len(lead_pages) == 10000 // render.ORG_LIMIT + 1
    rows = sum(pages[p].count('<tr class="vb-task') or pages[p].count("<tr") - 1 for p in lead_pages)
    assert rows == 10000
    year_pages = [p for p in pages if p == "nam/2021.md" or p.startswith("nam/2021/trang-")]
    assert len(year_pages) == 5  # 40 new documents and the real ones of 2021, 10 per page
    assert sum(pages[p].count('class="vb-doclist-label"') for p in year_pages) == len(generated.resolved.by_year[2021])
    assert 'aria-label="Phân trang"' in pages["nam/2021/trang-2.md"]
    task_pages = [p for p in pages if p.startswith("nhiem-vu/da-nang")]
    assert len(task_pages) > 1 and all(pages[p].count('<tr id="nhiem-vu-') <= render.TASKS_LIMIT for p in task_pages)
    timeline = [p for p in pages if p.startswith("dong-thoi-gian/2025")]
    assert len(timeline) > 1 and all(
        pages[p].count('<li class="vb-timeline') <= render.TIMELINE_LIMIT for p in timeline
    )
    biggest = max(len(text.encode("utf-8")) for text in pages.values())
    assert biggest < 2_000_000, biggest
