"""HTML or script in any YAML field is shown as text and never runs."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import DATA, run_generator

XSS = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>"
SHORT = "<svg/onload=window.__pwned=3>"[:30]
HOSTILE = f"""\
id: da-nang/doc-hai
kind: chi-thi
number: {{value: "{SHORT}", printed_as: "{XSS}", source: printed}}
issuer: da-nang/co-quan-doc-hai
system: state
place: "{XSS}"
date: {{value: "2021-08-05", precision: day, source: printed, note: "{XSS}"}}
heading: ["{XSS}"]
title: "{XSS} **đậm** *nghiêng* [link](javascript:alert(3))"
subtitle: "{XSS}"
period: {{start: 2021, end: 2025}}
topics: ["{XSS}"]
preamble:
  - "{XSS}"
body:
  - type: part
    number: I
    marker: "{SHORT}"
    heading: "{XSS} # ## {{: #x }}"
    children:
      - type: item
        number: "1"
        marker: "{SHORT}"
        text: "{XSS}[^1]"
      - "<a href='javascript:alert(4)'>bấm</a>"
footnotes:
  - {{id: "1", text: "{XSS}"}}
signer: {{authority: "{XSS}", position: "{XSS}", name: "{XSS}"}}
recipients:
  - {{name: "{XSS}", note: "{XSS}"}}
recipients_note: "{XSS}"
source: {{file: da-nang-chi-thi-08-ct-tu-2021.txt, note: "{XSS}"}}
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(DATA, data)
    (data / "documents" / "da-nang" / "doc-hai.yaml").write_text(HOSTILE, encoding="utf-8")
    with (data / "organizations" / "da-nang.yaml").open("a", encoding="utf-8") as fh:
        fh.write(f'- id: da-nang/co-quan-doc-hai\n  name: "{XSS}"\n  header: ["{XSS}"]\n  aliases: ["{XSS}"]\n')
    check = run_generator("check", "--data", str(data))
    assert check.returncode == 0, check.stderr
    assert "thẻ HTML" in check.stderr  # staff are warned, the build still goes ahead
    out = root / "site"
    result = run_generator("site", "--out", str(out), "--build-date", "2026-11-21", env={"OD_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr[-2000:]
    return out


def test_no_raw_tag_from_yaml_reaches_any_page(hostile_site):
    pages = list(hostile_site.rglob("*.html"))
    assert any("&lt;script&gt;window.__pwned=1&lt;/script&gt;" in p.read_text(encoding="utf-8") for p in pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for raw in ("<script>window.__pwned", "<img src=x", "<svg/onload", 'href="javascript:', "href='javascript:"):
            assert raw not in html, (page, raw)


def test_hostile_page_shows_the_text_and_runs_nothing(browser, hostile_site):
    import functools
    import http.server
    import socketserver
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile_site))
    handler.log_message = lambda *args: None
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        context = browser.new_context()
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("/van-ban/da-nang/doc-hai/", "/co-quan/da-nang/co-quan-doc-hai/", "/", "/van-ban/"):
            page.goto(base + path)
            assert page.evaluate("window.__pwned === undefined"), path
        page.goto(base + "/van-ban/da-nang/doc-hai/")
        assert "<script>window.__pwned=1</script>" in page.locator("h1.vb-title").inner_text()
        assert page.locator("article script").count() == 0
        assert dialogs == []
        context.close()
        server.shutdown()
