"""Build benchmark: synthetic corpora of several sizes through the whole pipeline.

    .venv/bin/python benchmarks/run.py --sizes 100 1000 10000 [--seed 1] [--work /tmp/od-bench]

For each size it measures, on this machine:
- generator: load, validate, resolve and render in one process (no MkDocs);
- full build: `python -m generator site` (MkDocs with our adapter, then the search index),
  wall time and peak memory of the whole process tree (GNU time's maximum RSS of the
  largest process, read from /proc for the children);
- plain MkDocs: `mkdocs build` of the same generated Markdown with no adapter (hooks removed),
  the baseline our full build is compared with;
- search indexing time (reported by the full build);
- site size, and median / 95th-percentile HTML size of document pages.
Results are printed as a Markdown table and written to benchmarks/out/results-<size>.json.
Timing is never asserted by tests; BENCHMARKS.md records these figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PY = sys.executable
BUILD_DATE = "2026-11-21"


def run(command: list[str], env: dict | None = None, log: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of the largest process in the command's tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    with open(log or os.devnull, "w") as out:
        result = subprocess.run(command, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}; see {log}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(after, before)


def generator_seconds(data: Path) -> dict[str, float]:
    from generator.build.cache import Cache
    from generator.build.pages import render_pages
    from generator.build.pipeline import gc_paused, read_and_resolve
    from generator.publish.render import Site, plan

    with gc_paused(), Cache.temporary() as cache:
        t0 = time.perf_counter()
        read, resolved = read_and_resolve(data, dt.date.fromisoformat(BUILD_DATE), cache)
        t1 = time.perf_counter()
        site = Site(resolved, data)
        pages = render_pages(site, plan(site), cache, "")
        t2 = time.perf_counter()
        return {
            "load_validate_resolve": t1 - t0,
            "render": t2 - t1,
            "total": t2 - t0,
            "pages": len(pages),
            "html_mb": sum(r.body.stat().st_size for r in pages) / 1e6,
        }


def plain_mkdocs(markdown: Path, work: Path) -> float:
    """mkdocs build of the generated Markdown plus content/, with the adapter hook removed."""
    docs = work / "plain-docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(ROOT / "content", docs)
    for item in markdown.iterdir():
        if item.name == "_fragments":
            continue
        target = docs / item.name
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        else:
            shutil.copy2(item, target)
    shutil.copy2(ROOT / "CONTRIBUTING.md", docs / "dong-gop.md")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n  - generator/build/mkdocs_hooks.py\n", "")
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)  # preview-only, and relative to the repository
    config = config.replace("docs_dir: content", f"docs_dir: {docs}").replace(
        "custom_dir: theme", f"custom_dir: {ROOT / 'theme'}"
    )
    config_file = work / "plain-mkdocs.yml"
    config_file.write_text(config, encoding="utf-8")
    seconds, _ = run(
        [PY, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(config_file), "-d", str(work / "plain-site")],
        log=work / "plain-mkdocs.log",
    )
    return seconds


def html_sizes(site: Path) -> dict[str, float]:
    docs = sorted(p.stat().st_size for p in (site / "van-ban").glob("*/*/index.html"))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    pages = list(site.rglob("*.html"))
    return {
        "site_mb": total / 1e6,
        "html_pages": len(pages),
        "doc_page_median_kb": statistics.median(docs) / 1e3 if docs else 0,
        "doc_page_p95_kb": docs[int(0.95 * (len(docs) - 1))] / 1e3 if docs else 0,
        "search_index_mb": sum(p.stat().st_size for p in (site / "search-index").rglob("*") if p.is_file()) / 1e6
        if (site / "search-index").exists()
        else 0,
    }


def bench(size: int, seed: int, work: Path) -> dict:
    work = work / f"n{size}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    data = work / "data"
    run(
        [PY, str(ROOT / "benchmarks" / "synthetic.py"), "--docs", str(size), "--seed", str(seed), "--out", str(data)],
        log=work / "synthetic.log",
    )
    figures: dict = {"size": size, "seed": seed}
    figures["generator"] = generator_seconds(data)
    markdown = work / "markdown"
    run(
        [PY, "-m", "generator", "build", "--data", str(data), "--out", str(markdown), "--build-date", BUILD_DATE],
        log=work / "generator-build.log",
    )
    figures["plain_mkdocs_s"] = plain_mkdocs(markdown, work)
    site = work / "site"
    seconds, peak = run(
        ["/usr/bin/time", "-v", PY, "-m", "generator", "site", "--out", str(site), "--build-date", BUILD_DATE],
        env={"OD_DATA_DIR": str(data), "OD_TIMINGS": str(work / "timings.json")},
        log=work / "site-build.log",
    )
    figures["full_build_s"] = seconds
    log = (work / "site-build.log").read_text(encoding="utf-8", errors="replace")
    peak_lines = [line for line in log.splitlines() if "Maximum resident set size" in line]
    figures["peak_rss_mb"] = int(peak_lines[-1].split(":")[-1]) / 1024 if peak_lines else peak / 1024
    timings = json.loads((work / "timings.json").read_text()) if (work / "timings.json").exists() else {}
    figures["mkdocs_s"] = timings.get("mkdocs_s")
    figures["search_index_s"] = timings.get("search_index_s")
    figures.update(html_sizes(site))
    figures["full_over_plain"] = seconds / figures["plain_mkdocs_s"]
    if figures["mkdocs_s"]:
        figures["generator_share_of_mkdocs"] = figures["generator"]["total"] / figures["mkdocs_s"]
    out = ROOT / "benchmarks" / "out"
    out.mkdir(exist_ok=True)
    (out / f"results-{size}.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return figures


def table(results: list[dict]) -> str:
    rows = [
        (
            "generator (load+validate+resolve / render), s",
            lambda r: (
                f"{r['generator']['total']:.1f} "
                f"({r['generator']['load_validate_resolve']:.1f} / {r['generator']['render']:.1f})"
            ),
        ),
        ("MkDocs inside the full build, s", lambda r: f"{r['mkdocs_s']:.1f}" if r.get("mkdocs_s") else "–"),
        ("search indexing, s", lambda r: f"{r['search_index_s']:.1f}" if r.get("search_index_s") else "–"),
        ("full build (`generator site`), s", lambda r: f"{r['full_build_s']:.1f}"),
        ("plain `mkdocs build` of the same Markdown, s", lambda r: f"{r['plain_mkdocs_s']:.1f}"),
        ("full build / plain MkDocs", lambda r: f"{r['full_over_plain']:.2f}"),
        (
            "generator / plain MkDocs time (target < 15 %)",
            lambda r: f"{100 * r['generator']['total'] / r['plain_mkdocs_s']:.0f} %",
        ),
        ("peak memory (largest process), MB", lambda r: f"{r['peak_rss_mb']:.0f}"),
        ("site size, MB (of which search index)", lambda r: f"{r['site_mb']:.0f} ({r['search_index_mb']:.1f})"),
        ("HTML pages", lambda r: f"{r['html_pages']}"),
        (
            "document page HTML, median / p95, KB",
            lambda r: f"{r['doc_page_median_kb']:.0f} / {r['doc_page_p95_kb']:.0f}",
        ),
    ]
    head = "| figure | " + " | ".join(f"{r['size']:,} docs" for r in results) + " |"
    lines = [head, "|---|" + "---|" * len(results)]
    lines += [f"| {name} | " + " | ".join(cell(r) for r in results) + " |" for name, cell in rows]
    return "\n".join(lines)


def tables_from_saved(sizes: list[int]) -> str:
    """The table again from benchmarks/out/results-*.json (no re-run)."""
    out = ROOT / "benchmarks" / "out"
    return table([json.loads((out / f"results-{size}.json").read_text()) for size in sizes])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/od-bench"))
    parser.add_argument("--table-only", action="store_true", help="print the table of saved results")
    args = parser.parse_args()
    if args.table_only:
        print(tables_from_saved(args.sizes))
        return
    results = []
    for size in args.sizes:
        figures = bench(size, args.seed, args.work)
        print(json.dumps(figures, indent=1), flush=True)
        results.append(figures)
    print(
        f"\nMachine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"date {dt.date.today()}; command: {' '.join(sys.argv)}\n"
    )
    print(table(results))


if __name__ == "__main__":
    main()
