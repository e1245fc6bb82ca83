"""`check` clean implies a build that succeeds (issue: nothing untrusted gets published).

A property test mutates a small valid corpus (in a temporary folder) the way a careless or
hostile pull request could, and asserts: either `check` reports an error located at
path:line:col, or `generator build` succeeds. Never a traceback. A few mutated corpora also go
through the full MkDocs build.
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.build import cli
from generator.build.pipeline import check
from tests.conftest import run_generator

JURISDICTIONS = [
    {"id": "da-nang", "name": "Thành phố Đà Nẵng", "short_name": "Đà Nẵng"},
    {"id": "trung-uong", "name": "Trung ương", "short_name": "Trung ương"},
]
ORGANIZATIONS = [
    {"id": "da-nang/thanh-uy", "name": "Thành ủy Đà Nẵng", "aliases": ["Thành ủy"]},
    {"id": "da-nang/so-noi-vu", "name": "Sở Nội vụ", "parent": "da-nang/thanh-uy"},
]
REFERENCES = [
    {"id": "trung-uong/chi-thi-05-ct-tw-2016", "kind": "chi-thi", "number": "05-CT/TW", "date": "2016-05-15",
     "issuer": "Bộ Chính trị", "title": "Về đẩy mạnh học tập và làm theo tư tưởng"},
]  # fmt: skip


def _document(slug: str, number: str, day: str) -> dict:
    return {
        "id": f"da-nang/{slug}",
        "kind": "chi-thi",
        "number": {"value": number, "source": "printed"},
        "issuer": "da-nang/thanh-uy",
        "system": "party",
        "date": {"value": day, "precision": "day", "source": "printed"},
        "title": "về công tác dân vận",
        "period": {"start": 2021, "end": 2025},
        "body": [
            "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.",
            {"type": "item", "number": "1", "heading": "Nhiệm vụ", "text": "Sở Nội vụ tham mưu."},
            {"type": "item", "number": "2", "text": "Báo cáo trước ngày 15/12 hằng năm."},
        ],
        "footnotes": [],
        "tasks": [
            {"id": "a", "unit": "muc-1", "lead": ["Sở Nội vụ"], "deadline": "trong tháng 9/2021"},
            {"id": "b", "unit": "muc-2", "lead": ["Thành ủy"], "deadline": "trước ngày 15/12 hằng năm",
             "reports": [{"date": "2022-01-10", "status": "done", "note": "Đã báo cáo"}]},
        ],
        "relations": [],
        "source": {"file": "nguon.txt"},
    }  # fmt: skip


def _corpus() -> dict[str, object]:
    first = _document("chi-thi-01-ct-tu-2021", "01-CT/TU", "2021-08-05")
    second = _document("chi-thi-02-ct-tu-2021", "02-CT/TU", "2021-09-01")
    second["relations"] = [{"type": "implements", "target": "da-nang/chi-thi-01-ct-tu-2021"}]
    return {
        "jurisdictions.yaml": copy.deepcopy(JURISDICTIONS),
        "organizations/da-nang.yaml": copy.deepcopy(ORGANIZATIONS),
        "organizations/trung-uong.yaml": [],
        "references.yaml": copy.deepcopy(REFERENCES),
        "documents/da-nang/chi-thi-01-ct-tu-2021.yaml": first,
        "documents/da-nang/chi-thi-02-ct-tu-2021.yaml": second,
    }


def _write(corpus: dict, root: Path) -> Path:
    data = root / "data"
    (data / "sources").mkdir(parents=True)
    (data / "sources" / "nguon.txt").write_text("Văn bản nguồn.\n", encoding="utf-8")
    for name, value in corpus.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(value, str):
            path.write_text(value, encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data


# --- mutations ---------------------------------------------------------------------------------

HOSTILE_STRINGS = [
    "index", "da-nang/index", "da-nang/khong-co", "trung-uong/chi-thi-05-ct-tw-2016", "da-nang/" + "a" * 300,
    "a" * 300, "9999-12-31", "0001-01-01", "2021-02-30", "2021-13", "9999", "", " ", "\n", "x\n",
    "trước ngày 31/12/9999", "hằng năm, trước ngày 15/12 từ năm 9999", "từ năm 2021 đến năm 9999",
    "quý IV/9999", "ngày 31/12/9999", "muc-9", "muc-1", "Hµ Néi", "08-СТ/TU", "Ban\u00a0Tuyên giáo",
    "<script>alert(1)</script>", '" http-equiv="refresh', "=HYPERLINK(\"x\")", "[^9]", "[^1]", "**", "a\r\nb",
    "javascript:alert(1)", "https://example.org/x", "da-nang/chi-thi-01-ct-tu-2021", "da-nang/chi-thi-02-ct-tu-2021",
    "01-CT/TU", "implements", "issues", "cited", "printed", "unknown", "year", "month", "day", "party", "state",
]  # fmt: skip
_scalars = st.one_of(
    st.sampled_from(HOSTILE_STRINGS),
    st.text(max_size=40),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.sampled_from([None, True, False, 0, 1930, 2200, 9999, 10**20, 1.5]),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["id", "type", "number", "text", "target", "value", "date", "x"]), inner,
                        max_size=3),
    ),
    max_leaves=6,
)  # fmt: skip


def _paths(node, at=()):
    yield at
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, at + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, at + (i,))


def _set(node, path, value):
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _delete(node, path):
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]


@st.composite
def mutated_corpora(draw):
    corpus = _corpus()
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        action = draw(
            st.sampled_from(["same-type", "same-type", "same-type", "replace", "delete", "add", "copy", "raw"])
        )
        name = draw(st.sampled_from(sorted(corpus)))
        data = corpus[name]
        if action == "raw":  # the file's text itself: a prefix, an insertion, or random text
            text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            cut = draw(st.integers(min_value=0, max_value=len(text)))
            corpus[name] = (
                text[:cut] + draw(st.sampled_from(["", "[" * 50, ": :", "\t", "&a x", "*a", "{"])) + text[cut:]
            )
            continue
        if isinstance(data, str):
            continue
        if action == "copy" and name.startswith("documents/"):
            clone = copy.deepcopy(data)
            slug = draw(st.sampled_from(["ban-sao", "index", "chi-thi-01-ct-tu-2021", "x" * 120]))
            clone["id"] = f"da-nang/{slug}"
            corpus[f"documents/da-nang/{slug}.yaml"] = clone
            continue
        paths = [p for p in _paths(data) if p]
        if not paths:
            continue
        path = draw(st.sampled_from(paths))
        if action == "same-type":  # what a schema lets through: a string for a string, a number for a number
            parent = data
            for key in path[:-1]:
                parent = parent[key]
            old = parent[path[-1]]
            if isinstance(old, str):
                parent[path[-1]] = draw(st.one_of(st.sampled_from(HOSTILE_STRINGS), st.text(max_size=30)))
            elif isinstance(old, int) and not isinstance(old, bool):
                parent[path[-1]] = draw(st.sampled_from([1930, 2021, 2025, 2200, 1900, 0, 9999, 2100]))
            elif isinstance(old, list):
                parent[path[-1]] = old + [copy.deepcopy(draw(st.sampled_from(old)))] if old else []
        elif action == "delete":
            _delete(data, path)
        elif action == "add":
            parent = data
            for key in path[:-1]:
                parent = parent[key]
            if isinstance(parent, list):
                parent.append(draw(_values))
            else:
                parent[draw(st.sampled_from(["relations", "attachments", "tasks", "citations", "note", "x"]))] = draw(
                    _values
                )
        else:
            _set(data, path, draw(_values))
    return corpus


def _located(diagnostic) -> bool:
    return bool(diagnostic.path) and diagnostic.line >= 1 and diagnostic.col >= 1 and bool(diagnostic.message)


@settings(
    max_examples=int(os.environ.get("OD_PROPERTY_EXAMPLES", "80")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_corpora())
def test_check_clean_implies_the_build_succeeds(corpus):
    with tempfile.TemporaryDirectory() as tmp:
        data = _write(corpus, Path(tmp))
        read = check(data, __import__("datetime").date(2026, 11, 21))
        errors = [d for d in read.diagnostics if d.is_error]
        if errors:
            event("check found an error")
            assert all(_located(d) for d in errors), [d.format() for d in errors]
            return
        event("check clean: built")
        out = Path(tmp) / "md"
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            status = cli.main(["build", "--data", str(data), "--out", str(out), "--build-date", "2026-11-21"])
        assert status == 0, stderr.getvalue()[-2000:]
        assert (out / "van-ban").is_dir()
        assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))


def test_the_unmutated_corpus_is_clean_and_builds(tmp_path):
    data = _write(_corpus(), tmp_path)
    read = check(data, __import__("datetime").date(2026, 11, 21))
    assert not [d.format() for d in read.diagnostics if d.is_error]


def _variant(name: str) -> dict:
    corpus = _corpus()
    first = corpus["documents/da-nang/chi-thi-01-ct-tu-2021.yaml"]
    if name == "payloads in every text":
        first["title"] = '0;url=https://evil.example/" http-equiv="refresh <script>x</script> =1+1 ]]>'
        first["body"][1]["heading"] = "Ban 'Dân vận' & \"Mặt trận\""
        first["tasks"][0]["lead"] = ['=HYPERLINK("https://evil.example")']
    elif name == "relations, attachments and catalog targets":
        first["relations"] = [{"type": "based-on", "target": "trung-uong/chi-thi-05-ct-tw-2016"}]
        first["attachments"] = ["da-nang/chi-thi-02-ct-tu-2021"]
        first["date"] = {"precision": "unknown", "not_before": "2021-01-01"}
    return corpus


@pytest.mark.parametrize("name", ["payloads in every text", "relations, attachments and catalog targets"])
def test_full_mkdocs_builds_of_mutated_corpora(tmp_path, name):
    data = _write(_variant(name), tmp_path)
    checked = run_generator("check", "--data", str(data))
    assert checked.returncode == 0, checked.stderr[-2000:]
    out = tmp_path / "site"
    built = run_generator("site", "--out", str(out), "--build-date", "2026-11-21", env={"OD_DATA_DIR": str(data)})
    assert built.returncode == 0, built.stderr[-3000:]
    assert (out / "van-ban" / "da-nang" / "chi-thi-01-ct-tu-2021" / "index.html").exists()
    links = run_generator("linkcheck", str(out), "--prefix", "/open-directives")
    assert links.returncode == 0, links.stderr[-2000:]
