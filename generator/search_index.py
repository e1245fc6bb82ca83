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
unchanged. Underscore never occurs in the documents, so search.js removes the suffix from snippets
with one rule (`word_fold` where fold(word) == fold). Document numbers need nothing:
Pagefind indexes "08-CT/TU" as the whole and as its parts, so "08-ct-tu", "08 CT TU", "2108",
"25-NQ" and "nq 25" match.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
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


def add_folded_forms(html: str) -> str:
    """The page as Pagefind should read it: folded forms glued to words with đ, inline elements apart."""
    parts = _TAG_OR_TEXT.split(_INLINE_END.sub(r"\1 ", html))
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


def index_site(site_dir: Path, quiet: bool = True) -> None:
    """Write <site_dir>/pagefind/ for the pages of site_dir that carry data-pagefind-body."""
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
            target.write_text(add_folded_forms(path.read_text(encoding="utf-8")), encoding="utf-8")
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
    # The bundle's ready-made UIs and playground are not used by the site: keep the upload small.
    for name in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                 "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"):
        (output / name).unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("cách dùng: python -m generator.search_index SITE_DIR", file=sys.stderr)
        return 2
    index_site(Path(args[0]), quiet=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
