"""The portable path: `generator build --project` writes plain Markdown (front matter, headings,
HTML blocks) that ProperDocs, the maintained MkDocs 1.x fork, builds without our adapter, into
the same articles and tables of contents as the fast path (pages rendered once, to HTML)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUILD_DATE, run_generator
from tests.support.article import article_and_toc, pages


@pytest.fixture(scope="module")
def portable_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("portable")
    built = run_generator("build", "--project", "--out", str(root / "project"), "--build-date", BUILD_DATE)
    assert built.returncode == 0, built.stderr[-2000:]
    project = root / "project"
    assert not (project / "mkdocs.yml").read_text(encoding="utf-8").count("hooks:")  # no adapter
    properdocs = Path(sys.executable).parent / "properdocs"
    result = subprocess.run(
        [str(properdocs), "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(root / "site")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_the_portable_markdown_builds_the_same_pages(built_site, portable_site):
    assert pages(portable_site) == pages(built_site)


def test_every_article_and_table_of_contents_is_the_same(built_site, portable_site):
    differing = [
        page
        for page in sorted(pages(built_site))
        if article_and_toc(built_site / page) != article_and_toc(portable_site / page)
    ]
    assert differing == []


def test_the_comparison_sees_the_document_text(built_site):
    article, toc = article_and_toc(built_site / "van-ban/ha-noi/chi-thi-07-ct-tu-2021/index.html")
    assert "THÀNH ỦY HÀ NỘI" in article and 'id="muc-3"' in article
    assert 'href="#nhiem-vu"' in toc and "Nhiệm vụ được giao" in toc
