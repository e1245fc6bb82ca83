"""Post-build step: the full-text search index over the built HTML.

`index_site(site_dir)` runs after MkDocs and writes `<site_dir>/search-index/`, which
content/assets/search.js queries in the browser. Pages opt in with `data-pagefind-body`
(document pages through theme/main.html; catalog pages too); every other page stays out.
The published HTML is never changed.

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

The page attributes (Pagefind's names, so the pages stay indexable by Pagefind too):
  data-pagefind-body                 the text to index; pages without it are not indexed
  data-pagefind-ignore               an element left out (the "Nguồn văn bản" notice)
  data-pagefind-meta="KEY" or "KEY:VALUE"    shown in results: title (trích yếu), loại, số, cơ quan, ngày
  data-pagefind-filter="KEY" or "KEY:VALUE"  filters: loại, cơ quan, địa bàn, năm, công bố
  data-pagefind-sort="ngày:YYYY-MM-DD"       order of filter-only listings
Without ":VALUE" the value is the element's text. The text indexed runs from data-pagefind-body
to the first of the site's own sections (END_IDS) or the end of the article.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import sys
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable
from html import unescape
from itertools import pairwise
from pathlib import Path

BUNDLE = "search-index"
_MARKER = "data-pagefind-body"
_BODY_TAG = re.compile(r"<[a-zA-Z][^<>]*\sdata-pagefind-body[\s>=]")
_TAG_OR_TEXT = re.compile(r"(<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>|<[^>]*>)", re.DOTALL | re.IGNORECASE)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)")
_ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose words are not worth finding: the ¶ permalinks, the decorative star, the edit
# button, and the labels of the information box ("Loại văn bản", "Cơ quan ban hành"…).
_SKIP_CLASSES = {"headerlink", "vb-star", "md-content__button"}
_SKIP_TAGS = {"dt", "button", "svg", "nav", "form"}
# Sections the site adds after a document's own text (its tasks, relations, what it cites and
# what cites it, quoting other documents, and its timeline): derived, not the document's words,
# and already found on the pages they come from. The indexed text stops at the first of them.
END_IDS = {"nhiem-vu", "quan-he", "van-ban-duoc-dan-chieu", "duoc-dan-chieu-boi", "dong-thoi-gian"}
# Block elements: their text never runs into the next element's text.
# (and spans: the title's kind line and trích yếu are neighbouring spans).
_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "dd",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "br",
    "section",
    "aside",
    "blockquote",
    "ul",
    "ol",
    "table",
    "article",
    "header",
    "footer",
    "q",  # shown with quotation marks: a break, as the marks are in running text
}
# Inline elements whose text must not run into the neighbour's but which break nothing:
# the title's kind line and trích yếu are neighbouring spans ("CHỈ THỊ" "về lãnh đạo…").
_SPACED_TAGS = {"span"}
_TERM = re.compile(r"[^\W_]+")
_MARKS = re.compile(r"[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPACE = re.compile(r"\s+")
_BREAK = "\n"  # in a block's text: one block element ended here, the next began
_ELEMENT_END = "\0"  # while a block's text is collected: where an element ended
_ELEMENT_ENDS = re.compile(r" ?\0[\0 ]*")
# A break between two syllables (the characters between them, as in search.js isBreak()):
# a block end, a mark that always separates, or . , : next to anything but a letter or digit.
_SEPARATORS = '\n;!?…()[]{}"“”‘’«»|•'
_BREAKING = "[" + re.escape(_SEPARATORS) + "]|[.,:](?=[\\W_])|(?<=[\\W_])[.,:]"
# A text's syllables in order and, between them, each character that breaks (one per token).
_TOKEN = re.compile(r"[^\W_]+|" + _BREAKING)
K1, B = 1.2, 0.75  # BM25, as in lunr and Lucene (the browser computes the score)


class _FoldTable(dict):
    """str.translate table, filled on first sight of each character: its folded form."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        text = char.replace("đ", "d").replace("Đ", "D")
        folded = unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", text))).lower()
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d: "Đảng" -> "dang". Same as fold() in search.js."""
    return unicodedata.normalize("NFC", text).translate(_FOLD)


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


def _attrs(tag: str) -> dict[str, str]:
    return {k.lower(): unescape(v) for k, v in _ATTR.findall(tag)}


class Page:
    """What the index needs from one built page."""

    def __init__(self, url: str):
        self.url = url
        self.blocks: list[list[str]] = []  # [element id ("" when none), text]
        self.meta: dict[str, str] = {}
        self.filters: dict[str, list[str]] = {}
        self.sort: dict[str, str] = {}

    @property
    def text(self) -> str:
        return _BREAK.join(text for _, text in self.blocks)


_KINDS = tuple((kind, f"data-pagefind-{kind}") for kind in ("meta", "filter", "sort"))


def _keyed(attribute: str) -> tuple[str, str | None]:
    key, sep, value = attribute.partition(":")
    return key.strip(), (value.strip() if sep else None)


def parse_page(html: str, url: str) -> Page | None:
    """Read the indexed part of a page (from data-pagefind-body to the end of the article) and
    the data-pagefind-* attributes anywhere in it. None when the page does not opt in."""
    found = _BODY_TAG.search(html)
    if not found:
        return None
    start = found.start()
    end = html.find("</article>", start)
    body = html[start : end if end > 0 else len(html)]
    page = Page(url)
    current: list[str] = ["", ""]
    parts: list[str] = []  # text of the current block
    skip_depth: list[tuple[str, int]] = []  # (tag, depth) of an element being skipped
    captures: list[dict] = []  # elements whose text becomes a meta or filter value

    def flush() -> None:
        text = " ".join("".join(parts).split())
        if _ELEMENT_END in text:
            text = _ELEMENT_ENDS.sub(_BREAK, text).strip()
        parts.clear()
        if text:
            if page.blocks and page.blocks[-1][0] == current[0]:
                page.blocks[-1][1] += _BREAK + text
            else:
                page.blocks.append([current[0], text])

    for i, piece in enumerate(_TAG_OR_TEXT.split(body)):
        if i % 2 == 0:
            if piece:
                text = unescape(piece)
                for capture in captures:
                    capture["text"].append(text)
                if not skip_depth:
                    parts.append(text)
            continue
        tag = _TAG_NAME.match(piece)
        if not tag:
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if closing:
            if skip_depth and skip_depth[-1][0] == name:
                skip_depth[-1] = (name, skip_depth[-1][1] - 1)
                if skip_depth[-1][1] == 0:
                    skip_depth.pop()
            if captures:
                for capture in captures:
                    if capture["name"] == name:
                        capture["depth"] -= 1
                for capture in [c for c in captures if c["depth"] == 0]:
                    captures.remove(capture)
                    value = _SPACE.sub(" ", "".join(capture["text"])).strip()
                    for kind, key in capture["keys"]:
                        _store(page, kind, key, value)
            if name in _BLOCK_TAGS:
                parts.append(_ELEMENT_END)
            elif name in _SPACED_TAGS:
                parts.append(" ")
            continue
        attrs = _attrs(piece) if "=" in piece else {}
        void = name in _VOID or piece.rstrip().endswith("/>")
        if name in _BLOCK_TAGS:
            parts.append(_ELEMENT_END)
        elif name in _SPACED_TAGS:
            parts.append(" ")
        if skip_depth and skip_depth[-1][0] == name and not void:
            skip_depth[-1] = (name, skip_depth[-1][1] + 1)
        for capture in captures:
            if capture["name"] == name and not void:
                capture["depth"] += 1
        if "data-pagefind-" in piece:
            keys: list[tuple[str, str]] = []
            for kind, attribute in _KINDS:
                raw = attrs.get(attribute)
                if raw is None:
                    continue
                key, given = _keyed(raw)
                if given is None:
                    keys.append((kind, key))
                else:
                    _store(page, kind, key, given)
            if keys and not void:
                captures.append({"name": name, "depth": 1, "text": [], "keys": keys})
        if attrs.get("id") in END_IDS:
            break
        if attrs.get("id") and not skip_depth:
            flush()
            current[0] = attrs["id"]
        if (
            not void
            and not skip_depth
            and (
                "data-pagefind-ignore" in piece
                or name in _SKIP_TAGS
                or ("class" in attrs and not _SKIP_CLASSES.isdisjoint(attrs["class"].split()))
            )
        ):
            flush()
            skip_depth.append((name, 1))
    flush()
    for capture in captures:  # an element still open where the text stops
        value = _SPACE.sub(" ", "".join(capture["text"])).strip()
        for kind, key in capture["keys"]:
            _store(page, kind, key, value)
    return page


def _store(page: Page, kind: str, key: str, value: str) -> None:
    if not key or not value:
        return
    if kind == "meta":
        page.meta.setdefault(key, value)
    elif kind == "filter":
        values = page.filters.setdefault(key, [])
        if value not in values:
            values.append(value)
    else:
        page.sort.setdefault(key, value)


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


def _read(item: tuple[Path, str]) -> Page | None:
    """A page file, read: only its indexed part is decoded (from the tag that holds the first
    data-pagefind-body to the end of the article: all that parse_page() reads)."""
    path, url = item
    data = path.read_bytes()
    found = data.find(_MARKER.encode())
    if found < 0:
        return None
    start = data.rfind(b"<", 0, found)
    end = data.find(b"</article>", found)
    return parse_page(data[max(start, 0) : end if end > 0 else len(data)].decode("utf-8"), url)


def _read_chunk(items: list[tuple[Path, str]]) -> _Chunk:
    return _Chunk(page for page in map(_read, items) if page is not None)


def index_site(site_dir: Path) -> dict:
    """Write <site_dir>/search-index/ for the pages that carry data-pagefind-body; return figures.
    Pages are read and indexed in runs of CHUNK on every core, merged here in URL order."""
    site_dir = Path(site_dir).resolve()
    items = pages_to_index(site_dir)
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    index = _Index()
    workers = min(os.cpu_count() or 1, 8)
    if workers > 1 and len(chunks) > 1 and "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for chunk in pool.imap(_read_chunk, chunks):
                index.merge(chunk)
            if not index.lengths:
                raise RuntimeError(f"không có trang nào mang {_MARKER} trong {site_dir}")
            files = _files(index, pool.map)
    else:
        for items_of_chunk in chunks:
            index.merge(_read_chunk(items_of_chunk))
        if not index.lengths:
            raise RuntimeError(f"không có trang nào mang {_MARKER} trong {site_dir}")
        files = _files(index)
    output = site_dir / BUNDLE
    if output.exists():
        shutil.rmtree(output)
    for relative, data in files.items():
        target = output / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return {"pages": len(index.lengths), "files": len(files), "bytes": sum(len(d) for d in files.values())}


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
