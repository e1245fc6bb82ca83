"""The full-text search index over the built HTML.

`IndexWhileBuilding` is told of each page as MkDocs writes it (the adapter's on_post_page)
and writes `<site_dir>/search-index/` at the end of the build; `index_site(site_dir)` indexes
a finished site (the preview's first build, `python -m generator.publish.search_index`) into
the same bytes. content/assets/search.js queries it in the browser. Pages opt in with
`data-pagefind-body` (document pages through theme/main.html; catalog pages too); every other
page stays out. The published HTML is never changed.

Why not Pagefind (measured, see BENCHMARKS.md): Vietnamese is written in syllables, so a few
hundred syllables ("công", "tác", "dân", "vận"…) occur hundreds of times in every document, and
Pagefind keeps every position of every word. At 10,000 documents one query such as
"dan van kheo" downloads 1.8 MB of index and takes 11 s in the browser; indexing takes 157 s and
10.5 GB. This index keeps no positions:

- a term is a syllable folded for matching: lower case, no diacritics, đ -> d ("Đảng" -> "dang",
  "hoà"/"hòa" -> "hoa", "08-CT/TU" -> "08", "ct", "tu"). So "dan van kheo" and "Dân vận khéo"
  find the same pages, and numbers match however they are typed ("08-ct-tu", "nq 25", "2108").
- pairs: every two adjacent syllables of one passage, folded and joined by a space
  ("Lương Nguyễn Minh Triết" -> "luong nguyen", "nguyen minh", "minh triet"), are terms too.
  A query of several syllables needs the documents that hold each of its consecutive pairs;
  the browser then checks the whole phrase in the result files it loads for snippets anyway,
  so the results are exact without positions in the index. A pair never spans a break
  (`segments()`): the end of a block element (paragraph, heading, list item, cell, line
  break…), a sentence or clause mark (; ! ? … | •), brackets and quotation marks, or . , :
  next to a space ("Đà Nẵng, ngày" has no pair "nang ngay"). Hyphens, dashes and slashes,
  and . , : between two characters, keep syllables together: "08-CT/TU" gives "08 ct" and
  "ct tu", "2021–2025", "II.1.a", "chính trị - xã hội" stay phrases.
- postings: for each term, the documents that hold it with the term's count, delta-coded, in
  `shards/<n>.json.gz`, n = FNV-1a(term) mod the shard count, so a query downloads only the
  shards of its own terms (a few kilobytes each even for the commonest syllables).
- `meta.json.gz`: document count, lengths (for BM25), shard count; `filters.json.gz`: the filter
  values of every document and its date (the search page's menus and "newest first").
- `docs/<n>.json.gz`: per document, what a result shows: URL, metadata, filters, and the text as
  blocks, each with the id of the element it sits in (#muc-3, #muc-ii-1-a…); "\n" in a block
  marks where one block element ends and the next begins (a break, as above). The browser
  ranks the best candidates by BM25, loads their blocks, checks the phrase, puts exact
  spellings (tone placement aside) first, and links to the block where they match.

All files are gzip with a zero timestamp and sorted keys: the same site gives the same bytes.
The content folder is named after a hash of its content (`meta.json.gz` is the only fixed name),
so a browser never mixes files of two builds.

The pages' text and attributes are read by generator/publish/search_page.py.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import multiprocessing
import multiprocessing.pool
import os
import re
import shutil
import sys
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any

from generator.publish.search_page import MARKER, Page, parse_page
from generator.vn.text import fold

__all__ = [
    "IndexWhileBuilding",
    "build",
    "fnv1a",
    "fold",
    "index_site",
    "index_terms",
    "pages_to_index",
    "parse_page",
    "segments",
    "terms",
]

BUNDLE = "search-index"
_TERM = re.compile(r"[^\W_]+")
# A break between two syllables (the characters between them, as in search.js isBreak()):
# a block end, a mark that always separates, or . , : next to anything but a letter or digit.
_SEPARATORS = '\n;!?…()[]{}"“”‘’«»|•'
_BREAKING = "[" + re.escape(_SEPARATORS) + "]|[.,:](?=[\\W_])|(?<=[\\W_])[.,:]"
# A text's syllables in order and, between them, each character that breaks (one per token).
_TOKEN = re.compile(r"[^\W_]+|" + _BREAKING)
_MARKER = MARKER.encode()
K1, B = 1.2, 0.75  # BM25, as in lunr and Lucene (the browser computes the score)


def terms(text: str) -> list[str]:
    """The syllables and numbers of a text, folded."""
    return _TERM.findall(fold(text))


class _FoldedWords(dict):
    """word -> fold(word), filled on first sight (a corpus has few distinct words)."""

    def __missing__(self, word: str) -> str:
        self[word] = folded = fold(word)
        return folded


_FOLDED = _FoldedWords()


def _tokens(text: str) -> list[str]:
    """The folded syllables of a text in order, with each character that breaks between them
    (the only tokens that do not start with a letter or digit). As in search.js, the words and
    breaks are read in the text as written, then each word is folded."""
    return list(map(_FOLDED.__getitem__, _TOKEN.findall(unicodedata.normalize("NFC", text))))


def segments(text: str) -> list[list[str]]:
    """The folded syllables of a text, cut at every break (see the module's docstring): two
    syllables are adjacent only inside one segment. Same rule as search.js."""
    out: list[list[str]] = [[]]
    for token in _tokens(text):
        if token[0].isalnum():
            out[-1].append(token)
        elif out[-1]:
            out.append([])
    return [segment for segment in out if segment]


def index_terms(text: str) -> tuple[Counter, int]:
    """The index terms of a text with their counts (syllables, and adjacent pairs joined by a
    space), and its length in syllables (for BM25)."""
    tokens = _tokens(text)
    counts = Counter(tokens)
    for key in [key for key in counts if not key[0].isalnum()]:
        del counts[key]
    pairs = Counter(map(" ".join, pairwise(tokens)))
    for key in [key for key in pairs if not (key[0].isalnum() and key[-1].isalnum())]:
        del pairs[key]  # a break on either side
    length = sum(counts.values())
    dict.update(counts, pairs)  # a pair holds a space, a syllable never: no key in both
    return counts, length


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over UTF-8: which shard holds a term (same function in search.js)."""
    h = 0x811C9DC5
    for byte in term.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def pages_to_index(site_dir: Path) -> list[tuple[Path, str]]:
    """(file, URL path from the site root) of every page that opts in, in URL order."""
    found = []
    for path in site_dir.rglob("*.html"):
        relative = path.relative_to(site_dir)
        if relative.parts[0] == BUNDLE:
            continue
        url = "/" + relative.as_posix()
        url = url[: -len("index.html")] if url.endswith("/index.html") or url == "/index.html" else url
        found.append((path, url))
    return sorted(found, key=lambda item: item[1])


def _gzip_json(value) -> bytes:
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return gzip.compress(data, compresslevel=6, mtime=0)


CHUNK = 250  # pages read by one worker at a time


class _Chunk:
    """A run of pages, indexed: what a result shows (URL, filters, date, the gzip result file)
    and postings numbered from 0 in the run (term -> (array [first, count, gap, count, …], last
    number)). Built in the worker processes; arrays travel between processes as raw bytes."""

    def __init__(self, pages: Iterable[Page]) -> None:
        self.docs: list[tuple[str, dict, dict, bytes]] = []
        self.lengths: list[int] = []
        lists: dict[str, list[int]] = {}  # term -> [doc, count, doc, count, …]
        entry_of = lists.setdefault
        for number, page in enumerate(pages):
            counts, length = index_terms(page.text)
            self.lengths.append(length)
            self.docs.append((page.url, page.filters, page.sort, _result_file(page)))
            for term, count in counts.items():
                entry_of(term, []).extend((number, count))
        self.postings = {}
        for term, entry in lists.items():
            docs = entry[0::2]
            entry[2::2] = [b - a for a, b in pairwise(docs)]  # gaps
            self.postings[term] = (array("I", entry), docs[-1])


def _result_file(page: Page) -> bytes:
    return _gzip_json({"url": page.url, "meta": page.meta, "filters": page.filters, "blocks": page.blocks})


class _Index:
    """The chunks merged in page order: term -> array [first doc, count, gap, count, …]."""

    def __init__(self) -> None:
        self.lists: dict[str, array] = {}
        self.last: dict[str, int] = {}
        self.lengths: list[int] = []
        self.docs: list[tuple[str, dict, dict, bytes]] = []

    def merge(self, chunk: _Chunk) -> None:
        base = len(self.lengths)
        lists, last = self.lists, self.last
        for term, (entry, last_in_chunk) in chunk.postings.items():
            have = lists.get(term)
            if have is None:
                entry[0] += base
                lists[term] = entry
            else:
                entry[0] += base - last[term]
                have.extend(entry)
            last[term] = base + last_in_chunk
        self.lengths += chunk.lengths
        self.docs += chunk.docs


def build(pages: list[Page]) -> dict[str, bytes]:
    """The index files of some pages, path (relative to the bundle) -> bytes."""
    index = _Index()
    index.merge(_Chunk(pages))
    return _files(index)


def _encode_shards(shards: list[dict[str, array]]) -> list[bytes]:
    return [_gzip_json({term: entry.tolist() for term, entry in shard.items()}) for shard in shards]


def _files(index: _Index, mapper=map) -> dict[str, bytes]:
    """The bundle's files; `mapper` (map, or a process pool's map) encodes the shards."""
    lengths, docs = index.lengths, index.docs
    entries = sum(len(v) for v in index.lists.values()) // 2
    # About 4,000 postings per shard (a few KB compressed), a power of two, at least 16.
    shard_count = 16
    while shard_count * 4000 < entries:
        shard_count *= 2
    shards: list[dict[str, array]] = [{} for _ in range(shard_count)]
    for term, entry in index.lists.items():
        shards[fnv1a(term) % shard_count][term] = entry
    index.lists.clear()
    groups = [shards[i : i + 64] for i in range(0, shard_count, 64)]
    content: dict[str, bytes] = {}
    for n, data in enumerate(data for group in mapper(_encode_shards, groups) for data in group):
        content[f"shards/{n}.json.gz"] = data
    for n, (_, _, _, data) in enumerate(docs):
        content[f"docs/{n}.json.gz"] = data
    filters = [doc[1] for doc in docs]
    filter_names = sorted({key for found in filters for key in found})
    values = {key: sorted({v for found in filters for v in found.get(key, [])}) for key in filter_names}
    position = {key: {v: i for i, v in enumerate(values[key])} for key in filter_names}
    content["filters.json.gz"] = _gzip_json(
        {
            "values": values,
            # per filter, per document: the indexes of its values ([] when it has none)
            "docs": {
                key: [[position[key][v] for v in found.get(key, [])] for found in filters] for key in filter_names
            },
            "date": [doc[2].get("ngày", "") for doc in docs],
        }
    )
    digest = hashlib.sha256()
    for path in sorted(content):
        digest.update(path.encode() + b"\0" + hashlib.sha256(content[path]).digest())
    version = digest.hexdigest()[:12]
    files = {f"{version}/{path}": data for path, data in content.items()}
    files["meta.json.gz"] = _gzip_json(
        {
            "version": version,
            "count": len(docs),
            "shards": shard_count,
            "lengths": lengths,
            "average": round(sum(lengths) / max(1, len(lengths)), 3),
            "k1": K1,
            "b": B,
        }
    )
    return files


def _indexed_part(data: bytes) -> str | None:
    """What parse_page() reads of a page: from the tag that holds the first data-pagefind-body
    to the end of the article (None when the page does not opt in). Only that is decoded."""
    found = data.find(_MARKER)
    if found < 0:
        return None
    end = data.find(b"</article>", found)
    return data[max(data.rfind(b"<", 0, found), 0) : end if end > 0 else len(data)].decode("utf-8")


def _read(item: tuple[Path, str]) -> Page | None:
    """A page file, read."""
    path, url = item
    part = _indexed_part(path.read_bytes())
    return None if part is None else parse_page(part, url)


def _read_chunk(items: list[tuple[Path, str]]) -> _Chunk:
    return _Chunk(page for page in map(_read, items) if page is not None)


def _workers() -> int:
    return min(os.cpu_count() or 1, 8)


def _pool() -> multiprocessing.pool.Pool | None:
    """Worker processes (forked: they start at once), or None where there is one core or no fork."""
    if _workers() > 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork").Pool(_workers())
    return None


def _write_bundle(index: _Index, site_dir: Path, mapper=map) -> dict:
    """Encode the merged index and write <site_dir>/search-index/ (replacing it); figures."""
    if not index.lengths:
        raise RuntimeError(f"không có trang nào mang {MARKER} trong {site_dir}")
    files = _files(index, mapper)
    output = site_dir / BUNDLE
    if output.exists():
        shutil.rmtree(output)
    for relative, data in files.items():
        target = output / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return {"pages": len(index.lengths), "files": len(files), "bytes": sum(len(d) for d in files.values())}


def index_site(site_dir: Path) -> dict:
    """Write <site_dir>/search-index/ for the pages that carry data-pagefind-body; return figures.
    Pages are read and indexed in runs of CHUNK on every core, merged here in URL order."""
    site_dir = Path(site_dir).resolve()
    items = pages_to_index(site_dir)
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    index = _Index()
    pool = _pool() if len(chunks) > 1 else None
    if pool is None:
        for items_of_chunk in chunks:
            index.merge(_read_chunk(items_of_chunk))
        return _write_bundle(index, site_dir)
    with pool:
        for chunk in pool.imap(_read_chunk, chunks):
            index.merge(chunk)
        return _write_bundle(index, site_dir, pool.map)


class IndexWhileBuilding:
    """The index of a site being written, told of each page as the builder writes it (the
    MkDocs adapter's on_post_page): worker processes read and index runs of CHUNK written pages
    while the builder goes on with the next ones. Only file names cross to the workers (a
    page's text sent through a pipe cost the builder's process as much as it saved).

    The pages must come in URL order (the adapter hands MkDocs the generated pages in that
    order), so the documents are numbered as index_site() numbers them and the files are the
    same bytes (test_search.py). If they do not, finish() indexes the written site instead."""

    def __init__(self) -> None:
        self._pool = _pool()
        self._run: list[tuple[Path, str]] = []  # written pages not sent yet
        self._writing: tuple[Path, str] | None = None  # the page being written now
        self._chunks: list[Any] = []  # runs not merged yet, in page order: AsyncResult or _Chunk
        self._index = _Index()
        self._last: str | None = None
        self.in_order = True

    def add(self, url: str, html: str, path: Path) -> None:
        """A page about to be written to `path`: its URL path from the site root ("/van-ban/…/")
        and its HTML (to see whether it opts in)."""
        if MARKER not in html or not self.in_order:
            return
        if self._last is not None and url <= self._last:
            self.in_order = False  # finish() reads the written files instead
            self._run, self._chunks, self._index, self._writing = [], [], _Index(), None
            return
        self._last = url
        if self._writing is not None:  # the page before this one is written by now
            self._run.append(self._writing)
        self._writing = (Path(path), url)
        if len(self._run) >= CHUNK:
            self._send()

    def _send(self) -> None:
        if self._run:
            run, self._run = self._run, []
            self._chunks.append(self._pool.apply_async(_read_chunk, (run,)) if self._pool else _read_chunk(run))
        # merge the runs done so far, in order (a run's postings are freed once merged)
        while self._chunks and (isinstance(self._chunks[0], _Chunk) or self._chunks[0].ready()):
            chunk = self._chunks.pop(0)
            self._index.merge(chunk if isinstance(chunk, _Chunk) else chunk.get())

    def finish(self, site_dir: Path) -> dict:
        """Write <site_dir>/search-index/ once every page was added; figures (with "streamed":
        whether the pages came in order)."""
        site_dir = Path(site_dir).resolve()
        try:
            if not self.in_order:
                return {**index_site(site_dir), "streamed": False}
            if self._writing is not None:
                self._run.append(self._writing)
                self._writing = None
            self._send()
            for chunk in self._chunks:
                self._index.merge(chunk if isinstance(chunk, _Chunk) else chunk.get())
            self._chunks = []
            figures = _write_bundle(self._index, site_dir, self._pool.map if self._pool else map)
            return {**figures, "streamed": True}
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("cách dùng: python -m generator.publish.search_index SITE_DIR", file=sys.stderr)
        return 2
    figures = index_site(Path(args[0]))
    print(
        f"Chỉ mục tìm kiếm: {figures['pages']} trang, {figures['files']} tệp, {figures['bytes'] / 1e6:.1f} MB",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
