"""Post-build step: the full-text search index (Pagefind) over the built HTML.

`index_site(site_dir)` runs after MkDocs and writes `<site_dir>/pagefind/`. Only pages that carry
`data-pagefind-body` are indexed (document pages, through theme/main.html; later any page that
opts in). The published HTML is never changed: Pagefind reads a copy.

Vietnamese matching. Pagefind (1.5+) already folds combining marks, so "dan van" finds "dân vận",
"hoà" finds "hòa", and an accented query ranks pages with the same accents first. It keeps đ as
a letter of its own, so "dang" would not find "Đảng". In the copy Pagefind reads, every word that
contains đ/Đ gets its folded form glued on with an underscore: "Đảng" -> "Đảng_dang",
"2108-QĐ/TU" -> "2108-QĐ_qd/TU". Pagefind indexes both halves of a joined word, so the page is
found by either spelling, and the word stays one word: match positions, anchors and proximity are
unchanged. search.js drops the suffix from snippets with one rule (a word with đ, an underscore,
then exactly that word folded), and searches a query with đ folded too, so both ways match.
Filter and metadata values taken from an element's text are written out explicitly in the copy
first, so they stay as published. Document numbers need nothing: Pagefind indexes "08-CT/TU" as
the whole and as its parts, so "08-ct-tu", "08 CT TU", "2108", "25-NQ" and "nq 25" match.

The page attributes (see theme/main.html and generator/templates/document.md.j2):
  data-pagefind-body                      the text to index (pages without it are not indexed)
  data-pagefind-meta="title"              trích yếu;  data-pagefind-meta="loại" / "số:…" / "cơ quan" / "ngày:…"
  data-pagefind-filter="loại" / "cơ quan" / "địa bàn" / "năm:YYYY" / "công bố:Toàn văn"
  data-pagefind-sort="ngày:YYYY-MM-DD"
  data-pagefind-ignore                    boilerplate (the "Nguồn văn bản" notice)
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from html import escape, unescape
from pathlib import Path

BUNDLE = "pagefind"
# Elements on document pages that carry no words worth finding.
EXCLUDE_SELECTORS = ".headerlink, .vb-star, .vb-meta dt, .md-content__button, .md-source-file"
_MARKER = "data-pagefind-body"
_TAG_OR_TEXT = re.compile(r"(<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>|<[^>]*>)", re.S | re.I)
_WORD_WITH_D = re.compile(r"[^\W_]*[đĐ][^\W_]*")
# Pagefind separates block elements (p, h1…) but not inline ones: "<span>CHỈ THỊ</span><span>về…"
# would index "THỊvề". A space after these closing tags keeps neighbouring words apart.
_INLINE_END = re.compile(r"(</(?:span|dt|dd|li|td|th|a|strong|em|time|sup)>)(?=<)", re.I)


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d: "Đảng" -> "dang". Same as fold() in search.js."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c))).lower()


_DERIVED = re.compile(r'\s(data-pagefind-(?:filter|meta))="([^":,]+)"')
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _explicit_values(html: str) -> str:
    """data-pagefind-filter="cơ quan" (value taken from the element's text) ->
    data-pagefind-filter="cơ quan:Ban Thường vụ Thành ủy Đà Nẵng", so filter and metadata values
    stay as published when the text gets its folded forms. Pagefind splits key:value at the first
    colon only, so any value is safe."""
    parts = _TAG_OR_TEXT.split(html)
    open_: list[dict] = []  # elements whose text is being collected
    for i, part in enumerate(parts):
        if i % 2 == 0:
            for capture in open_:
                capture["text"].append(part)
            continue
        tag = _TAG_NAME.match(part)
        if not tag:
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if closing:
            for capture in open_:
                if capture["name"] == name:
                    capture["depth"] -= 1
            for capture in [c for c in open_ if c["depth"] == 0]:
                open_.remove(capture)
                value = escape(" ".join(unescape("".join(capture["text"])).split()), quote=True)
                parts[capture["at"]] = _DERIVED.sub(lambda m: f' {m.group(1)}="{m.group(2)}:{value}"',
                                                    parts[capture["at"]])
            continue
        if name in _VOID or part.rstrip().endswith("/>"):
            continue
        for capture in open_:
            if capture["name"] == name:
                capture["depth"] += 1
        if _DERIVED.search(part):
            open_.append({"at": i, "name": name, "depth": 1, "text": []})
    return "".join(parts)


def add_folded_forms(html: str) -> str:
    """The page as Pagefind should read it: folded forms glued to words with đ, inline elements
    apart, filter and metadata values fixed before that."""
    parts = _TAG_OR_TEXT.split(_INLINE_END.sub(r"\1 ", _explicit_values(html)))
    for i in range(0, len(parts), 2):  # even items are text between tags
        if "đ" in parts[i] or "Đ" in parts[i]:
            parts[i] = _WORD_WITH_D.sub(lambda m: f"{m.group(0)}_{fold(m.group(0))}", parts[i])
    return "".join(parts)


def pages_to_index(site_dir: Path) -> list[Path]:
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir)
        if relative.parts[0] == BUNDLE:
            continue
        with path.open(encoding="utf-8") as handle:
            if _MARKER in handle.read():
                found.append(path)
    return found


def index_site(site_dir: Path, quiet: bool = True, folded: bool = True) -> None:
    """Write <site_dir>/pagefind/ for the pages of site_dir that carry data-pagefind-body.
    folded=False indexes the pages as published (only for measuring what the folded forms cost)."""
    site_dir = Path(site_dir).resolve()
    output = site_dir / BUNDLE
    if output.exists():
        shutil.rmtree(output)
    with tempfile.TemporaryDirectory(prefix="od-search-") as tmp:
        source = Path(tmp) / "site"
        count = 0
        for path in pages_to_index(site_dir):
            target = source / path.relative_to(site_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            html = path.read_text(encoding="utf-8")
            target.write_text(add_folded_forms(html) if folded else html, encoding="utf-8")
            count += 1
        if count == 0:
            raise RuntimeError(f"không có trang nào mang {_MARKER} trong {site_dir}")
        command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output),
                   "--force-language", "vi", "--exclude-selectors", EXCLUDE_SELECTORS]
        # Run from the temporary folder so no stray pagefind.yml is picked up. Pagefind's notes
        # (no Vietnamese stemming) are shown only when it fails, or when asked for.
        done = subprocess.run(command, cwd=tmp, text=True, stdout=None if not quiet else subprocess.PIPE,
                              stderr=subprocess.STDOUT)
        if done.returncode != 0:
            if done.stdout:
                print(done.stdout[-3000:], file=sys.stderr)
            raise RuntimeError(f"Pagefind kết thúc với mã {done.returncode}")
    _stable_bundle(output)
    # The bundle's ready-made UIs and playground are not used by the site: keep the upload small.
    for name in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                 "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"):
        (output / name).unlink(missing_ok=True)


# --- Deterministic bundle ---------------------------------------------------------------------
# Pagefind 1.5.2 writes its filter lists in hash-map order, which changes from run to run (the
# word index and the fragments are stable). The filter files and the metadata file that names
# them are re-encoded with their entries sorted, then renamed after their content, so the same
# site always gives the same bytes. The files are "pagefind_dcd" + gzip-compressed CBOR; only
# the CBOR types Pagefind uses are handled (unsigned integers, byte and text strings, arrays).

_SIGNATURE = b"pagefind_dcd"


def _cbor_decode(data: bytes, i: int = 0):
    head = data[i]
    major, info = head >> 5, head & 31
    i += 1
    if info < 24:
        n = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        n, i = int.from_bytes(data[i:i + size], "big"), i + size
    else:
        raise ValueError(f"CBOR không hỗ trợ: {head:#x}")
    if major == 0:
        return n, i
    if major in (2, 3):
        raw = data[i:i + n]
        return (raw.decode() if major == 3 else bytes(raw)), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = _cbor_decode(data, i)
            items.append(item)
        return items, i
    raise ValueError(f"CBOR không hỗ trợ: kiểu {major}")


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError(n)


def _cbor_encode(value) -> bytes:
    if isinstance(value, bool) or value is None:
        raise ValueError(value)
    if isinstance(value, int):
        return _cbor_head(0, value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode()
        return _cbor_head(3, len(raw)) + raw
    return _cbor_head(4, len(value)) + b"".join(_cbor_encode(v) for v in value)


def _read_pf(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise ValueError(f"{path.name}: không phải tệp Pagefind")
    value, end = _cbor_decode(data, len(_SIGNATURE))
    if end != len(data) or _cbor_encode(value) != data[len(_SIGNATURE):]:
        raise ValueError(f"{path.name}: định dạng Pagefind không như mong đợi")
    return value


def _write_pf(path_for, prefix: str, digits: int, value) -> str:
    """Write a Pagefind file named after its content; return the name Pagefind refers to it by."""
    data = _SIGNATURE + _cbor_encode(value)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    path_for(name).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def _stable_bundle(output: Path) -> None:
    entry_path = output / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = output / f"pagefind.{info['hash']}.pf_meta"
        meta = _read_pf(meta_path)
        filters = meta[3]  # [[filter name, file hash], ...]
        for item in filters:
            old = output / "filter" / f"{item[1]}.pf_filter"
            name, values = _read_pf(old)
            old.unlink()
            item[1] = _write_pf(lambda n: output / "filter" / f"{n}.pf_filter", f"{language}_", 7,
                                [name, sorted(values, key=lambda v: v[0])])
        filters.sort(key=lambda item: item[0])
        meta_path.unlink()
        info["hash"] = _write_pf(lambda n: output / f"pagefind.{n}.pf_meta", f"{language}_", 10, meta)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("cách dùng: python -m generator.search_index SITE_DIR", file=sys.stderr)
        return 2
    index_site(Path(args[0]), quiet=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
