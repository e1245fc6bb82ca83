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


# --- every output context, every output file (issue: nothing untrusted gets published) -------

import csv  # noqa: E402
import re  # noqa: E402
import gzip  # noqa: E402
import html.parser  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402

import yaml  # noqa: E402

from tests.support import hostile  # noqa: E402


class _Live(html.parser.HTMLParser):
    """Everything in an HTML page that would act: event handlers, script, refresh, foreign URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list = []
        self._script = False
        self._json = False
        self.toc: list[str] = []
        self._toc = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((tag, name, value))
            if name in ("href", "src", "action", "formaction") and value:
                if value.strip().lower().startswith(("javascript:", "data:", "vbscript:")) or hostile.EVIL in value:
                    self.found.append((tag, name, value))
        if tag == "meta" and (
            "http-equiv" in values or hostile.EVIL in (values.get("content") or "").split("url=")[-1]
        ):
            if "http-equiv" in values:
                self.found.append((tag, values))
        if tag in ("img", "iframe", "object", "embed", "base", "x", "svg"):
            if tag != "svg" or "onload" in values:
                self.found.append((tag, values))
        self._script = tag == "script"
        self._json = tag == "script" and values.get("type") == "application/ld+json"
        if tag == "a" and "md-nav__link" in (values.get("class") or "") and self._toc:
            self.toc.append("")
        if tag == "nav" and "md-nav--secondary" in (values.get("class") or ""):
            self._toc += 1

    @staticmethod
    def _data_only(text: str) -> bool:
        """JSON-LD: the payload is data when the whole element parses as JSON (nothing closed it)."""
        try:
            json.loads(text)
        except ValueError:
            return False
        return True

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script and "__pwned" in data and not (self._json and self._data_only(data)):
            self.found.append(("script", data[:80]))
        if self._toc and self.toc:
            self.toc[-1] += data


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("payload")
    data = hostile.write_corpus(DATA, root / "data")
    check = run_generator("check", "--data", str(data))
    assert check.returncode == 0, check.stderr[-3000:]
    out = root / "site"
    built = run_generator("site", "--out", str(out), "--build-date", "2026-11-21", env={"OD_DATA_DIR": str(data)})
    assert built.returncode == 0, built.stderr[-3000:]
    return out


def test_no_html_page_holds_a_live_payload(payload_site):
    pages = sorted(payload_site.rglob("*.html"))
    assert len(pages) > 100
    hostile_pages = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        hostile_pages += "__pwned" in text
        parser = _Live()
        parser.feed(text)
        assert parser.found == [], (page.relative_to(payload_site), parser.found[:3])
    assert hostile_pages >= 8  # the payload is on the page, as text


def test_the_description_meta_keeps_a_title_quote_inside_its_attribute(payload_site):
    page = (payload_site / "van-ban" / "da-nang" / "doc-hai" / "index.html").read_text(encoding="utf-8")
    metas = re.findall(r"<meta\b[^>]*>", page)
    assert not [m for m in metas if "http-equiv" in m.split('content="')[0]]
    description = next(m for m in metas if 'name="description"' in m)
    assert description.startswith('<meta name="description" content="Chỉ thị =&#34;&#39;‹b›x/TU ngày 05/8/2021 của ')
    assert "0;url=https://evil.example/&#34; http-equiv=" in description  # the title, kept inside the value
    assert description.count('"') == 4  # name="…" content="…": no quote of the title is left raw


def test_the_table_of_contents_shows_quotes_as_quotes(payload_site):
    parser = _Live()
    parser.feed((payload_site / "van-ban" / "da-nang" / "doc-hai" / "index.html").read_text(encoding="utf-8"))
    heading = next(t for t in parser.toc if "onfocus" in t)
    assert "' onfocus='window.__pwned=3'" in heading and '"' in heading
    assert "&#39;" not in heading and "&#34;" not in heading and "&amp;" not in heading


def test_xml_outputs_are_well_formed_and_hold_the_payload_as_text(payload_site):
    feed = ET.parse(payload_site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert any("]]><x/>" in t and "</script>" in t for t in titles)
    assert not [e for e in feed.iter() if e.tag.endswith("}x") or e.tag == "x"]
    sitemap = ET.parse(payload_site / "sitemap.xml").getroot()
    assert any(
        "doc-hai" in (loc.text or "") for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    )


def test_json_outputs_parse_and_keep_the_payload_as_data(payload_site):
    documents = json.loads((payload_site / "api" / "documents.json").read_text(encoding="utf-8"))
    doc = next(d for d in documents["documents"] if d["id"] == "da-nang/doc-hai")
    assert "</script>" in doc["title"] and "\r" not in doc["title"]
    tasks = json.loads((payload_site / "api" / "tasks.json").read_text(encoding="utf-8"))
    assert any(t["text"].startswith("=HYPERLINK") for t in tasks["tasks"])
    index = payload_site / "search-index"
    gz = sorted(index.rglob("*.json.gz"))
    assert gz
    for path in gz:
        json.loads(gzip.decompress(path.read_bytes()))


def test_no_csv_cell_starts_a_formula(payload_site):
    text = (payload_site / "api" / "tasks.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert any(c.startswith("'=HYPERLINK(") for c in cells)  # neutralised, still readable


def test_calendars_hold_the_payload_as_text_on_their_own_lines(payload_site):
    import icalendar

    for path in [payload_site / "api" / "deadlines.ics", *(payload_site / "api" / "ics").rglob("*.ics")]:
        raw = path.read_bytes()
        assert b"\r" not in raw.replace(b"\r\n", b""), path  # no bare CR
        lines = raw.decode("utf-8").split("\r\n")
        assert all(len(line.encode("utf-8")) <= 75 for line in lines), path
        calendar = icalendar.Calendar.from_ical(raw)
        events = list(calendar.walk("VEVENT"))
        assert sum(line == "BEGIN:VEVENT" for line in lines) == len(events), path
    calendar = icalendar.Calendar.from_ical(
        (payload_site / "api" / "ics" / "da-nang" / "co-quan-doc-hai.ics").read_bytes()
    )
    descriptions = [str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")]
    assert any("BEGIN:VEVENT\nSUMMARY:giả\nCR trần" in d for d in descriptions)


@pytest.mark.parametrize("name", hostile.REFUSED)
def test_values_no_output_can_hold_are_refused_by_check(data_copy, name):
    field, value = hostile.REFUSED[name]
    document = hostile.document()
    document[field] = value
    (data_copy / "documents" / "da-nang" / "doc-hai.yaml").write_text(
        yaml.safe_dump(document, allow_unicode=True, width=100_000), encoding="utf-8"
    )
    with (data_copy / "organizations" / "da-nang.yaml").open("a", encoding="utf-8") as fh:
        fh.write(yaml.safe_dump([hostile.organization()], allow_unicode=True, width=100_000))
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 1 and "doc-hai.yaml:" in result.stderr, result.stderr[-2000:]


def test_the_document_page_runs_nothing_and_goes_nowhere(browser, payload_site):
    import functools
    import http.server
    import socketserver
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(payload_site))
    handler.log_message = lambda *args: None
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        context = browser.new_context()
        outside: list[str] = []
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(base)
                else (outside.append(route.request.url), route.abort())
            ),
        )
        page = context.new_page()
        dialogs: list[str] = []
        navigations: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)
        paths = [
            "/van-ban/da-nang/doc-hai/",
            "/co-quan/da-nang/co-quan-doc-hai/",
            "/tham-chieu/da-nang/cong-van-doc-hai/",
            "/nhiem-vu/",
            "/tim-kiem/?q=pwned+onfocus",
        ]
        for path in paths:
            navigations.clear()
            page.goto(base + path)
            page.wait_for_timeout(1500)  # a meta refresh with content="0" fires at once
            assert page.url == base + path, (path, page.url)
            assert set(navigations) == {base + path}, (path, navigations)  # search.js may replaceState
            assert page.evaluate("window.__pwned === undefined"), path
        for element in page.locator("a[href^='javascript:']").all():
            raise AssertionError(element.get_attribute("href"))
        assert dialogs == [] and not [u for u in outside if hostile.EVIL in u], (dialogs, outside)
        context.close()
        server.shutdown()


def test_output_filters_for_each_context():
    from generator.publish.exports import csv_cell, xml_text
    from generator.publish.render import md_heading, one_line, safe_url, script_json

    assert [csv_cell(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "Sở", 3, None)] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "Sở",
        "3",
        "",
    ]
    assert xml_text("a\ufffe\uffffb\x00c\x1bd\ttab") == "abcd\ttab"
    assert (
        script_json({"x": "</script><b>&\u2028\u2029"})
        == '{"x": "\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028\\u2029"}'
    )
    for bad in (
        "javascript:alert(1)",
        " JaVaScRiPt:x",
        "data:text/html,x",
        "//evil.example/",
        'https://x/" onclick="a',
    ):
        assert safe_url(bad) == "#", bad
    assert safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2"
    assert safe_url("../x/#muc-1") == "../x/#muc-1"
    assert one_line("a\r\n\nb\rc\u2028d") == "a b c d"
    assert str(md_heading("Ban \"Dân vận\" & 'x' <y> # [z]")) == "Ban \"Dân vận\" &amp; 'x' &lt;y&gt; \\# \\[z\\]"


# --- fields added for sharing and reporting (issue 11) -----------------------------------


def test_sharing_tags_and_legislation_hold_the_payload_as_data(payload_site):
    from urllib.parse import parse_qs, urlsplit

    page = (payload_site / "van-ban" / "da-nang" / "doc-hai" / "index.html").read_text(encoding="utf-8")
    metas = re.findall(r"<meta\b[^>]*>", page)
    shared = [m for m in metas if 'property="og:' in m or 'name="twitter:' in m]
    assert len(shared) >= 9
    for tag in shared:  # one attribute pair each, the payload's quotes escaped inside the value
        assert tag.count('"') == 4 and "http-equiv" not in tag.split('content="')[0], tag
    title = next(m for m in shared if 'property="og:title"' in m)
    assert "‹script›window.__pwned=1‹/script›" in title and "&#34; http-equiv=" in title  # page_title: no < >
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(scripts) == 1 and "<" not in scripts[0] and "\u2028" not in scripts[0]
    data = json.loads(scripts[0])
    assert data["@type"] == "Legislation" and "</script><script>window.__pwned=5</script>" in data["name"]
    assert "\r\n" in data["name"] or "\n" in data["name"] or "BEGIN:VEVENT" in data["name"]  # kept as data
    assert data["legislationIdentifier"] == hostile.SHORT + "/TU"
    report = re.search(r'<a href="([^"]+)" rel="nofollow noopener">Báo lỗi trên trang này</a>', page)
    assert report, "the report link"
    url = urlsplit(report.group(1).replace("&amp;", "&"))
    query = parse_qs(url.query)
    assert url.scheme == "https" and url.netloc == "github.com" and url.path.endswith("/issues/new")
    assert query["title"] == ["Báo lỗi trang van-ban/da-nang/doc-hai/"]
    assert query["body"][0].startswith("Trang: https://example.github.io/open-directives/van-ban/da-nang/doc-hai/")
    assert hostile.EVIL not in report.group(1) and "__pwned" not in report.group(1)
