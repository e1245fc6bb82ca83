"""Full-text search (issue 5): Vietnamese queries against the built site, in headless Chromium.

Every query goes through the search page /tim-kiem/?q=…, exactly as a shared link would.
Nothing here is timed (the figures at 10,000 documents are in BENCHMARKS.md).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import shutil
import socketserver
import threading
from urllib.parse import quote_plus, unquote, urlencode

import pytest

from generator.publish.search_index import fnv1a, fold, index_site, parse_page, terms

D8 = "da-nang/chi-thi-08-ct-tu-2021"
KH = "da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu"
QD = "da-nang/quyet-dinh-2108-qd-tu-2016"
DA = "da-nang/de-an-kem-quyet-dinh-2108-qd-tu-2016"
HN = "ha-noi/chi-thi-07-ct-tu-2021"
HT = "ha-tinh/chi-thi-ubnd-tinh-dan-van-chinh-quyen"
ALL = {D8, KH, QD, DA, HN, HT}
PARTY = ALL - {HT}

# query -> (documents that must all be found, documents that must come first, in any order).
# The expected sets were checked against the texts: every document whose text holds the words.
QUERIES = {
    # diacritics, both ways
    "dan van kheo": (ALL - {QD}, {KH}),
    "Dân vận khéo": (ALL - {QD}, {KH}),
    "dân vận chính quyền": ({D8, HT}, set()),
    # đ/Đ fold to d
    "dang cong san": (PARTY, set()),
    "ĐẢNG CỘNG SẢN": (PARTY, set()),
    "chuyen doi so": ({D8, KH, HT}, set()),
    "chuyển đổi số": ({D8, KH, HT}, set()),
    "doi moi": (ALL, set()),
    # old and new tone placement
    "hoa vang": ({D8, DA}, {D8, DA}),
    "Hoà Vang": ({D8, DA}, {D8, DA}),
    "Hòa Vang": ({D8, DA}, {D8, DA}),
    "uỷ ban nhân dân": (ALL, set()),
    "ủy ban nhân dân": (ALL, set()),
    # document numbers as people type them
    "08-CT/TU": ({D8, KH}, {D8}),
    "08-ct-tu": ({D8, KH}, {D8}),
    "08 ct tu": ({D8, KH}, set()),
    "2108": ({QD, DA}, {QD}),
    "2108-QĐ/TU": ({QD, DA}, {QD}),
    "2108-qd-tu": ({QD, DA}, {QD}),
    "25-NQ": (PARTY, set()),
    "nq 25": (PARTY, set()),
    "07-CT/TU": ({HN}, {HN}),
    # agencies
    "Ban Tuyên giáo": ({KH}, {KH}),
    "ban tuyen giao thanh uy": ({KH}, {KH}),
    "UBND tỉnh Hà Tĩnh": ({HT}, {HT}),
    "mat tran to quoc": (ALL - {QD}, set()),
    # phrases
    "quy che dan chu o co so": ({D8, DA, KH, HN}, set()),
    "hoc tap va lam theo tu tuong": (ALL - {QD}, set()),
}


def _run_search(page, path: str) -> list[str]:
    """Open a search page URL, wait for the results, load them all, return the links."""
    page.goto(page.base + path)
    done = (
        "() => { const s = document.getElementById('vb-search-page-status').textContent;"
        " return /^(Tìm thấy|Không tìm thấy)/.test(s)"
        " && !document.getElementById('search-results').hasAttribute('aria-busy'); }"
    )
    page.wait_for_function(done)
    more = page.locator("#vb-search-page-more")
    for _ in range(20):
        if not more.is_visible():
            break
        count = page.locator("#search-results a").count()
        more.click()
        page.wait_for_function(
            "() => !document.getElementById('search-results').hasAttribute('aria-busy')"
            f" && (document.querySelectorAll('#search-results a').length > {count}"
            " || document.getElementById('vb-search-page-more').hidden)"
        )
    return [unquote(a.get_attribute("href")) for a in page.locator("#search-results a").all()]


def search(page, query: str, **filters: str) -> list[str]:
    return _run_search(page, "/tim-kiem/?" + urlencode({"q": query, **filters}))


def documents(links: list[str]) -> list[str]:
    """Document ids of the published documents among the links, in order, without anchors."""
    found = []
    for link in links:
        if "/van-ban/" in link:
            doc = link.split("/van-ban/", 1)[1].split("#")[0].rstrip("/")
            if doc not in found:
                found.append(doc)
    return found


browser_test = pytest.mark.browser


@browser_test
@pytest.mark.parametrize("query", sorted(QUERIES))
def test_query_finds_expected_documents(page, query):
    expected, first = QUERIES[query]
    found = documents(search(page, query))
    missing = expected - set(found)
    assert not missing, f"{query!r}: missing {sorted(missing)}; found {found}"
    if first:
        assert set(found[: len(first)]) == first, f"{query!r}: {found} should start with {sorted(first)}"
    assert page.outside_requests == []


@browser_test
@pytest.mark.parametrize(
    "query, expected",
    [
        ("dan van kheo", {D8, KH}),
        ("dang cong san", {D8, QD}),
        ("hoa vang", {D8}),
        ("08-CT/TU", {D8}),
        ("2108", {QD}),
    ],
)
def test_acceptance_queries_through_the_url(page, query, expected):
    """The issue's acceptance list, as links people share: /tim-kiem/?q=dan+van+kheo."""
    links = _run_search(page, "/tim-kiem/?q=" + quote_plus(query))
    assert expected <= set(documents(links)), links
    assert page.input_value("#vb-search-page-input") == query


@browser_test
def test_accented_and_unaccented_queries_find_the_same_documents(page):
    assert set(documents(search(page, "dan van kheo"))) == set(documents(search(page, "Dân vận khéo")))
    assert set(documents(search(page, "dang cong san"))) == set(documents(search(page, "Đảng Cộng sản")))


@browser_test
def test_exact_spelling_ranks_above_folded_matches(page):
    """ "hòa" (or "hoà", the old tone placement) is in four documents; the other two only have
    "hóa"/"hoa". The four come first."""
    found = documents(search(page, "hòa"))
    assert set(found[:4]) == {D8, DA, HN, HT}, found
    assert len(found) > 4  # the folded matches are there, after them
    found_old = documents(search(page, "hoà"))
    assert set(found_old[:4]) == {D8, DA, HN, HT}, found_old


@browser_test
def test_words_together_rank_first(page):
    """Pages with "Hòa Vang" together rank above pages that only have the words apart."""
    found = documents(search(page, "vang hoa"))  # both words in many places, never in this order
    together = documents(search(page, "hoa vang"))
    assert set(together[:2]) == {D8, DA}
    assert set(found) >= {D8, DA}


@browser_test
def test_result_shows_title_kind_number_issuer_date_and_snippet(page):
    search(page, "hoa vang")
    first = page.locator("#search-results li", has=page.locator(f"a[href*='{D8}']"))
    text = " ".join(first.inner_text().split())
    assert text.startswith("Chỉ thị 08-CT/TU về lãnh đạo công tác dân vận")
    assert "Ban Thường vụ Thành ủy Đà Nẵng" in text and "05/8/2021" in text
    marks = [fold(m) for m in first.locator("mark").all_inner_texts()]
    assert any(m.startswith("hoa") for m in marks) and any(m.startswith("vang") for m in marks), marks
    assert "_" not in text, text  # the index's folded forms never show


@browser_test
def test_result_links_to_the_numbered_item(page):
    links = search(page, "hoa vang")
    link = next(l for l in links if D8 in l)
    assert link.endswith("#muc-2-d1"), link
    assert "Mục 2" in page.locator("#search-results li", has=page.locator(f"a[href*='{D8}']")).inner_text()
    page.goto(page.base + link)
    assert "Hòa Vang" in page.locator(":target").inner_text()


@browser_test
def test_deep_link_for_a_lettered_point(page):
    links = search(page, "binh chủng tuyên giáo")
    assert any(l.endswith("#muc-ii-1-a") for l in links if KH in l), links
    assert documents(links)[0] == KH  # the text itself before catalog entries that quote it
    assert "Mục II.1.a" in page.locator("#search-results li").first.inner_text()


@browser_test
def test_filters_by_kind_issuer_year_jurisdiction(page):
    assert documents(search(page, "dan van", **{"dia-ban": "Thành phố Hà Nội"})) == [HN]
    assert set(documents(search(page, "dan van", loai="Quyết định"))) == {QD}
    assert set(documents(search(page, "dan van", nam="2016"))) == {QD, DA}
    assert set(documents(search(page, "dan van", **{"co-quan": "Ban Tuyên giáo Thành ủy Đà Nẵng"}))) == {KH}
    # The filter menus list the values with accents, as published.
    options = page.locator("select[name=co-quan] option").all_inner_texts()
    assert any(o.startswith("Ban Tuyên giáo Thành ủy Đà Nẵng") for o in options), options
    assert not any("_" in o for o in options)
    assert "co-quan=" in page.url


@browser_test
def test_catalogued_documents_are_marked(page, built_site):
    assert (built_site / "tham-chieu").is_dir()  # data/references.yaml gives every catalog entry a page
    links = search(page, "", **{"cong-bo": "Chỉ có trong danh mục"})
    assert links and all("/tham-chieu/" in l for l in links)
    assert page.locator("#search-results .vb-result__badge").count() == len(links)


@browser_test
def test_url_follows_the_query(page):
    page.goto(page.base + "/tim-kiem/")
    page.fill("#vb-search-page-input", "dân vận")
    page.wait_for_function("() => location.search.includes('q=')")
    assert "q=d%C3%A2n+v%E1%BA%ADn" in page.url
    page.wait_for_selector("#search-results a")


@browser_test
def test_header_box_keyboard(page):
    page.goto(page.base + "/van-ban/" + HN + "/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "vb-search-input"
    page.keyboard.type("dang cong san")
    page.wait_for_selector("#vb-search-list li")
    assert page.get_attribute("#vb-search-input", "aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    selected = page.locator("#vb-search-list li[aria-selected=true] a")
    href = selected.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + href.split("#")[0] + "*")
    # Enter without a chosen result opens the search page with the query in its URL.
    page.goto(page.base + "/")
    page.fill("#vb-search-input", "hoa vang")
    page.keyboard.press("Escape")
    page.focus("#vb-search-input")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=hoa+vang")
    page.wait_for_selector("#search-results a")
    assert page.outside_requests == []


@browser_test
def test_header_labels_are_vietnamese(page):
    page.goto(page.base + "/")
    assert page.get_attribute("#vb-search-input", "placeholder").startswith("Tìm văn bản")
    assert page.get_attribute("#vb-search-input", "aria-label") == "Tìm văn bản"


@browser_test
def test_fold_is_the_same_in_python_and_javascript(page):
    page.goto(page.base + "/")
    samples = [
        "Đảng Cộng sản",
        "ĐẢNG",
        "chuyển đổi số",
        "Hoà",
        "hòa",
        "thuỷ",
        "Ủy ban",
        "2108-QĐ/TU",
        "Nguyễn Thị Bích Đào",
        "Khánh Hòa",
        "Quảng Ngãi",
        "Đắk Lắk",
        "ơ ư ă â ê ô",
    ]
    js = page.evaluate("(xs) => xs.map(x => window.vbSearch.fold(x))", samples)
    assert js == [fold(s) for s in samples]
    keys = page.evaluate("(xs) => xs.map(x => window.vbSearch.exactKey(x))", ["hoà", "hòa", "thuỷ", "thủy", "uỷ", "ủy"])
    assert keys[0] == keys[1] and keys[2] == keys[3] and keys[4] == keys[5]
    samples2 = ["08-CT/TU", "Nghị quyết số 25-NQ/TW", "Đảng_bộ", "Hòa Vang, hoà", "x²"]
    assert page.evaluate("(xs) => xs.map(x => window.vbSearch.terms(x))", samples2) == [terms(x) for x in samples2]
    assert page.evaluate("(xs) => xs.map(x => window.vbSearch.fnv1a(x))", ["dang", "hoa", "08", "kheo"]) == [
        fnv1a(x) for x in ["dang", "hoa", "08", "kheo"]
    ]


class _PrefixHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/du-an"

    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path):
        if path.startswith(self.prefix + "/"):
            path = path[len(self.prefix) :]
        else:
            path = "/__not_under_prefix__"
        return super().translate_path(path)


@browser_test
def test_works_under_a_sub_path(browser, built_site):
    """GitHub Pages project sites live under /<repository>/: no link may assume the root."""
    handler = functools.partial(_PrefixHandler, directory=str(built_site))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        context = browser.new_context()
        failed = []
        # A navigation cancels what the previous page was still loading (ERR_ABORTED): not a failure.
        context.on("requestfailed", lambda r: failed.append(r.url) if "ABORTED" not in (r.failure or "") else None)
        pg = context.new_page()
        bad = []
        pg.on("response", lambda r: bad.append(r.url) if r.status >= 400 else None)
        pg.base = base + "/du-an"
        links = _run_search(pg, "/tim-kiem/?q=2108")
        assert links and all(l.startswith("/du-an/") for l in links), links
        pg.goto(base + links[0])
        assert "2108" in pg.content()
        # The header box on a document page finds results under the prefix too.
        pg.goto(base + "/du-an/van-ban/" + D8 + "/")
        pg.fill("#vb-search-input", "dang cong san")
        pg.wait_for_selector("#vb-search-list li a")
        assert all(
            h.startswith("/du-an/")
            for h in pg.locator("#vb-search-list a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        )
        assert pg.get_attribute("#vb-search-more", "href").startswith("/du-an/tim-kiem/")
        context.close()
        server.shutdown()
        assert bad == [] and failed == [], (bad, failed)


# --- no browser ------------------------------------------------------------------------------


def test_page_reading_blocks_meta_filters():
    html = (
        "<html><body><header>Không lấy</header><article><div data-pagefind-body>"
        '<div class="vb-header"><p>THÀNH ỦY</p><p class="vb-star">*</p></div>'
        '<h1 id="van-ban"><span class="vb-kind">CHỈ THỊ</span><span data-pagefind-meta="title">về Đảng, đổi mới</span></h1>'
        '<dl><dt>Cơ quan</dt><dd data-pagefind-filter="cơ quan" data-pagefind-meta="cơ quan"><a href="x">Thành ủy Đà Nẵng</a></dd>'
        '<dd data-pagefind-filter="năm:2021" data-pagefind-sort="ngày:2021-08-05">05/8/2021</dd></dl>'
        '<div class="vb-notice" data-pagefind-ignore><p>Bản điện tử</p></div>'
        '<h2 id="muc-1">1. Mục <a class="headerlink" href="#muc-1">¶</a></h2><p>Quyết định số 2108-QĐ/TU &amp; hơn</p>'
        '<p id="muc-2"><a class="vb-marker" href="#muc-2">2.</a> Hòa Vang</p><script>var đ = 1;</script>'
        "</div></article><footer>x</footer></body></html>"
    )
    page = parse_page(html, "/van-ban/x/")
    assert page.meta == {"title": "về Đảng, đổi mới", "cơ quan": "Thành ủy Đà Nẵng"}
    assert page.filters == {"cơ quan": ["Thành ủy Đà Nẵng"], "năm": ["2021"]}
    assert page.sort == {"ngày": "2021-08-05"}
    ids = [b[0] for b in page.blocks]
    assert ids == ["", "van-ban", "muc-1", "muc-2"], page.blocks
    text = page.text
    assert "CHỈ THỊ về Đảng" in text  # neighbouring inline elements do not run together
    assert "Bản điện tử" not in text and "¶" not in text and "*" not in text and "Cơ quan" not in text
    assert "Không lấy" not in text and "var" not in text
    assert dict(page.blocks)["muc-1"] == "1. Mục Quyết định số 2108-QĐ/TU & hơn"
    assert parse_page("<html><body><p>no</p></body></html>", "/") is None


def test_terms_fold_numbers_and_d():
    assert terms("ĐẢNG CỘNG SẢN") == ["dang", "cong", "san"]
    assert terms("Hoà Vang, hòa") == ["hoa", "vang", "hoa"]
    assert terms("Số 2108-QĐ/TU") == ["so", "2108", "qd", "tu"]


def test_fold():
    assert fold("Đảng Cộng Sản") == "dang cong san"
    assert fold("Hoà") == fold("hòa") == "hoa"
    assert fold("thuỷ") == fold("thủy") == "thuy"


def test_index_is_deterministic(built_site, tmp_path):
    copy = tmp_path / "a"
    shutil.copytree(built_site, copy)
    index_site(copy)
    bundle = "search-index"
    files = sorted(p.relative_to(copy) for p in (copy / bundle).rglob("*") if p.is_file())
    original = sorted(p.relative_to(built_site) for p in (built_site / bundle).rglob("*") if p.is_file())
    assert files == original
    for rel in files:
        assert (copy / rel).read_bytes() == (built_site / rel).read_bytes(), rel


def test_only_opted_in_pages_are_indexed(built_site):
    html = (built_site / "van-ban" / D8 / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in html and 'data-pagefind-filter="loại"' in html
    assert "data-pagefind-body" not in (built_site / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in (built_site / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    meta = json.loads(gzip.decompress((built_site / "search-index" / "meta.json.gz").read_bytes()))
    urls = []
    for n in range(meta["count"]):
        doc = json.loads(
            gzip.decompress((built_site / "search-index" / meta["version"] / "docs" / f"{n}.json.gz").read_bytes())
        )
        urls.append(doc["url"])
    assert "/van-ban/" + D8 + "/" in urls and "/" not in urls and "/tim-kiem/" not in urls
    assert all(u.startswith(("/van-ban/", "/tham-chieu/")) for u in urls), urls
