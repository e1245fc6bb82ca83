"""Throughput of the citation extractor (generator/vn/citations/).

Builds about 20 MB (UTF-8) of text by repeating the plain text of the published documents
(data/documents/*/*.yaml, every text field as the site shows it), runs `extract` over it in
one call, and prints MB/s. Also times the same text decomposed (NFD), which takes the
offset-mapping path. Target: at least 2 MB/s.

    .venv/bin/python benchmarks/bench_citations.py [--mb 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.vn.citations import extract  # noqa: E402
from generator.corpus.builders import make_document  # noqa: E402


def document_text(path: Path) -> str:
    document = make_document(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
    return "\n".join(text.plain for text in document.texts())


def corpus(megabytes: float) -> str:
    texts = [document_text(p) for p in sorted((ROOT / "data" / "documents").glob("*/*.yaml"))]
    unit = "\n\n".join(texts) + "\n\n"
    copies = max(1, round(megabytes * 1_000_000 / len(unit.encode("utf-8"))))
    return unit * copies


def measure(text: str, repeat: int) -> tuple[float, int]:
    best = float("inf")
    found = 0
    for _ in range(repeat):
        started = time.perf_counter()
        found = len(extract(text))
        best = min(best, time.perf_counter() - started)
    return best, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the synthetic corpus in MB")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is kept)")
    args = parser.parse_args()

    text = corpus(args.mb)
    size_mb = len(text.encode("utf-8")) / 1_000_000
    for label, sample in (("NFC", text), ("NFD", unicodedata.normalize("NFD", text))):
        seconds, found = measure(sample, args.repeat)
        print(
            f"{label}: {size_mb:.1f} MB ({len(sample):,} characters) in {seconds:.2f} s = "
            f"{size_mb / seconds:.1f} MB/s, {found:,} citations"
        )


if __name__ == "__main__":
    main()
