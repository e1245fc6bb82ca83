"""generator/publish/search_index.py: terms, the fold, and adjacent pairs that never cross a
break; the index written as pages are written. The built index is tested in
tests/site/test_search.py."""

from __future__ import annotations

import pytest

from generator.publish.search_index import (
    CHUNK,
    IndexWhileBuilding,
    fold,
    index_site,
    index_terms,
    segments,
    terms,
)


def test_terms_fold_numbers_and_d():
    assert terms("ĐẢNG CỘNG SẢN") == ["dang", "cong", "san"]
    assert terms("Hoà Vang, hòa") == ["hoa", "vang", "hoa"]
    assert terms("Số 2108-QĐ/TU") == ["so", "2108", "qd", "tu"]


def test_fold():
    assert fold("Đảng Cộng Sản") == "dang cong san"
    assert fold("Hoà") == fold("hòa") == "hoa"
    assert fold("thuỷ") == fold("thủy") == "thuy"


def test_pairs_do_not_cross_breaks():
    counts, length = index_terms("Lương Nguyễn Minh Triết (phó bí thư)\nĐà Nẵng, ngày 05/8/2021; 08-CT/TU")
    assert length == 16
    assert [k for k in counts if " " in k] == [
        "luong nguyen",
        "nguyen minh",
        "minh triet",
        "pho bi",
        "bi thu",
        "da nang",
        "ngay 05",
        "05 8",
        "8 2021",
        "08 ct",
        "ct tu",
    ]
    assert segments("Mục II.1.a và 1.000 người - chính trị - xã hội") == [
        ["muc", "ii", "1", "a", "va", "1", "000", "nguoi", "chinh", "tri", "xa", "hoi"]
    ]
    assert segments("“Dân vận khéo”. Hòa Vang: a … b") == [["dan", "van", "kheo"], ["hoa", "vang"], ["a"], ["b"]]


def _site_page(n: int) -> str:
    words = ["dân vận khéo", "chuyển đổi số", "Hòa Vang", "cải cách hành chính"][n % 4]
    return (
        f"<html><body><header>x</header><article><div data-pagefind-body><h1 id='van-ban'>Văn bản {n}</h1>"
        f"<p id='muc-1'>{words} lần {n}</p></div></article></body></html>"
    )


def _bundle(site) -> dict:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "search-index").rglob("*") if p.is_file()}


def _written_site(root, count: int):
    """A site of `count` indexed pages and one that does not opt in, as a builder writes it."""
    pages = {f"/van-ban/d{n:04d}/": _site_page(n) for n in range(count)}
    pages["/gioi-thieu/"] = "<html><body><p>không lấy</p></body></html>"
    for url, html in pages.items():
        target = root / url.strip("/") / "index.html"
        target.parent.mkdir(parents=True)
        target.write_text(html, encoding="utf-8")
    return pages


@pytest.mark.parametrize("count", [3, 2 * CHUNK + 7])  # one run, several runs on the workers
def test_pages_indexed_as_written_give_the_index_of_the_written_site(tmp_path, count):
    streamed, walked = tmp_path / "a", tmp_path / "b"
    pages = _written_site(streamed, count)
    _written_site(walked, count)
    indexer = IndexWhileBuilding()
    for url in sorted(pages):
        indexer.add(url, pages[url], streamed / url.strip("/") / "index.html")
    figures = indexer.finish(streamed)
    assert figures["streamed"] and figures["pages"] == count
    index_site(walked)
    assert _bundle(streamed) == _bundle(walked) and len(_bundle(walked)) > count


def test_pages_out_of_url_order_are_indexed_from_the_written_site(tmp_path):
    streamed, walked = tmp_path / "a", tmp_path / "b"
    pages = _written_site(streamed, 5)
    _written_site(walked, 5)
    indexer = IndexWhileBuilding()
    for url in sorted(pages, reverse=True):
        indexer.add(url, pages[url], streamed / url.strip("/") / "index.html")
    figures = indexer.finish(streamed)
    assert not figures["streamed"] and figures["pages"] == 5
    index_site(walked)
    assert _bundle(streamed) == _bundle(walked)
