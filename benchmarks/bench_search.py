"""Search benchmark: index build time and memory, index size, and per-query transfer and
latency in headless Chromium against a local server. Figures go to BENCHMARKS.md by hand.

    python benchmarks/synthetic.py --docs 10000 --seed 1 --out /tmp/od-10k
    OD_DATA_DIR=/tmp/od-10k python -m generator site --out /tmp/od-10k-site/site
    python benchmarks/bench_search.py --site /tmp/od-10k-site/site [--reindex] [--json out.json]
    python benchmarks/bench_search.py --site /tmp/od-10k-site/site --reindex --baseline bedb067

--reindex rebuilds the index first (timed; peak memory of the indexer's whole process tree,
sampled every 0.1 s). --baseline REV also measures the indexer and search.js of an earlier
commit on the same site, side by side in the same run: its index goes to
<site>/search-index-baseline/ and the local server hands it and REV's search.js to the
browser in place of the current ones (the search page's markup is the current one; REV's
script uses only the ids it kept). Each query then runs on both, one after the other.
--exactness counts, for the phrases of three syllables or more, the documents that hold every
pair of the phrase against those that hold the phrase (read from the result files).
--repeat N runs every query N times in rounds (the machine may be shared) and reports the
median of each figure. Queries are typed into /tim-kiem/ with real key presses (100 ms apart).
For each query a fresh browser (empty cache) loads the page and its index metadata and filter
menus, runs one other query, then types the query: "transfer" is every byte received (bodies
and headers, as sent: the index files are gzip) from the first key press of the query until the
results are shown and the network is idle; "latency" is the time from the last key press (its
input event) to the first result link in #search-results. The first query of a visit is reported apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import itertools
import json
import os
import platform
import re
import resource
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    "dan van kheo",
    "dang cong san",
    "hoa vang",
    "08-CT/TU",
    "2108",
    "chuyen doi so",
    "Dân vận khéo",
    "nq 25",
    "ban tuyen giao",
    "quy che dan chu o co so",
    "thuỷ lợi",
    "cải cách hành chính",
    # issue 13: names, terms, quotes, several terms, a phrase no document holds
    "luong nguyen minh triet",
    "chính quyền đô thị",
    '"dân vận khéo"',
    "quán triệt, dân vận khéo",
    "vang hoa",
]
WARMUP = "mat tran"
TYPING_MS = 100  # a fast typist: every key within the search debounce (120 ms)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def _tree_rss_kb(root_pid: int) -> int:
    """Resident memory of a process and all its descendants, now (from ps)."""
    out = subprocess.run(["ps", "-eo", "pid=,ppid=,rss="], capture_output=True, text=True, check=True).stdout
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for line in out.splitlines():
        pid, ppid, kb = (int(x) for x in line.split())
        children.setdefault(ppid, []).append(pid)
        rss[pid] = kb
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


_RUN_INDEXER = """
import importlib.util, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("indexer", sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules["indexer"] = module  # its worker processes find their function by module name
spec.loader.exec_module(module)
module.BUNDLE = sys.argv[3]
module.index_site(Path(sys.argv[2]))
"""
INDEXER = ROOT / "generator" / "publish" / "search_index.py"
BASELINE_BUNDLE = "search-index-baseline"


def load() -> str:
    """The load averages over 1, 5 and 15 minutes (the machine is shared)."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def timed_index(site: Path, indexer: Path = INDEXER, bundle: str = "search-index") -> dict:
    """Run an indexer (a search_index.py) in its own process, writing <site>/<bundle>: wall time,
    and peak memory of its whole process tree (the indexer reads pages on every core), sampled
    every 0.1 s."""
    before = load()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _RUN_INDEXER, str(indexer), str(site), bundle],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kb(process.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(process.stderr.read()[-3000:])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
    return {
        "seconds": round(seconds, 1),
        # processor time of the indexer and its workers: less sensitive to other work on the machine
        "cpu_seconds": round(cpu, 1),
        "peak_mb": round(peak / 1024),
        "load_before": before,
        "load_after": load(),
    }


def index_figures(bundle: Path) -> dict:
    total, count = folder_size(bundle)
    meta_path = bundle / "meta.json.gz"
    meta = json.loads(gzip.decompress(meta_path.read_bytes()))
    content = bundle / meta["version"]
    figures = {
        "bytes": total,
        "files": count,
        "pages": meta["count"],
        "shards": meta["shards"],
        "meta_bytes": meta_path.stat().st_size,
        "filters_bytes": (content / "filters.json.gz").stat().st_size,
    }
    for sub in ("shards", "docs"):
        size, n = folder_size(content / sub)
        largest = max((p.stat().st_size for p in (content / sub).iterdir()), default=0)
        figures[sub] = {"bytes": size, "files": n, "average": round(size / max(1, n)), "largest": largest}
    return figures


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site; `overrides` (URL path prefix -> file or folder) stand in for parts of it."""

    overrides: ClassVar[dict[str, Path]] = {}

    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        for prefix, target in self.overrides.items():
            if clean == prefix or (prefix.endswith("/") and clean.startswith(prefix)):
                return str(target / clean[len(prefix) :]) if prefix.endswith("/") else str(target)
        return super().translate_path(path)


def baseline(site: Path, rev: str, work: Path) -> tuple[Path, dict[str, Path]]:
    """An earlier commit's indexer and search.js: (indexer file, server overrides)."""

    def show(*paths: str) -> bytes:
        for path in paths:
            found = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, check=False)
            if found.returncode == 0:
                return found.stdout
        raise SystemExit(f"{rev}: none of {paths}")

    work.mkdir(parents=True, exist_ok=True)
    indexer = work / "search_index_baseline.py"
    indexer.write_bytes(show("generator/publish/search_index.py", "generator/search_index.py"))
    script = work / "search_baseline.js"
    script.write_bytes(show("content/assets/search.js"))
    return indexer, {"/search-index/": site / BASELINE_BUNDLE, "/assets/search.js": script}


_INSTRUMENT = """
() => {
  window.__lastKey = 0; window.__first = 0;
  // 'input', not 'keydown': a character that is not on a US keyboard ("ị", "ầ") is typed with
  // an input event only, no keydown.
  document.getElementById('vb-search-page-input').addEventListener('input', () => {
    window.__lastKey = performance.now(); window.__first = 0; });
  new MutationObserver(() => {
    if (!window.__first && window.__lastKey && document.querySelector('#search-results a'))
      window.__first = performance.now();
  }).observe(document.getElementById('search-results'), {childList: true, subtree: true});
}
"""


def measure_queries(
    site: Path, queries: list[str], variants: dict[str, dict[str, Path]], repeat: int = 1
) -> list[dict]:
    """Every query on every variant (name -> server overrides), one after the other, `repeat`
    times (in rounds); a row per query and variant with the median of its runs."""
    from playwright.sync_api import sync_playwright

    servers, bases = [], {}
    for name, overrides in variants.items():
        handler = functools.partial(type(f"_Handler_{name}", (_Quiet,), {"overrides": overrides}), directory=str(site))
        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        bases[name] = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        for query, name, _ in [(q, n, r) for r in range(repeat) for q in queries for n in variants]:
            base = bases[name]
            context = browser.new_context()
            page = context.new_page()
            received = {"bytes": 0, "requests": 0, "on": False}

            def finished(request, received=received):
                if received["on"]:
                    sizes = request.sizes()
                    received["bytes"] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
                    received["requests"] += 1

            context.on("requestfinished", finished)
            start = time.perf_counter()
            page.goto(base + "/tim-kiem/")
            page.wait_for_function("() => document.querySelector('select[name=nam]').options.length > 1")
            page.wait_for_load_state("networkidle")
            load_seconds = time.perf_counter() - start
            page.evaluate(_INSTRUMENT)
            first = run_query(page, WARMUP, received)
            received.update(bytes=0, requests=0)
            row = run_query(page, query, received)
            row.update(
                query=query,
                variant=name,
                load=load(),
                page_load_s=round(load_seconds, 2),
                first_query_ms=first["latency_ms"],
                first_query_bytes=first["bytes"],
            )
            rows.append(row)
            context.close()
        browser.close()
    for server in servers:
        server.shutdown()
    if repeat == 1:
        return rows
    merged = []
    for query in queries:
        for name in variants:
            runs = [row for row in rows if row["query"] == query and row["variant"] == name]
            row = dict(runs[0])
            for key in ("latency_ms", "bytes", "requests", "first_query_ms", "first_query_bytes"):
                row[key] = statistics.median_low(sorted(r[key] for r in runs))
            row["runs"] = [{k: r[k] for k in ("latency_ms", "bytes", "requests", "load")} for r in runs]
            merged.append(row)
    return merged


def run_query(page, query: str, received: dict) -> dict:
    page.fill("#vb-search-page-input", "")
    page.wait_for_function("() => document.getElementById('search-results').children.length === 0")
    page.wait_for_load_state("networkidle")
    received.update(bytes=0, requests=0, on=True)
    page.focus("#vb-search-page-input")
    page.keyboard.type(query, delay=TYPING_MS)
    page.wait_for_function("() => window.__first > 0", timeout=60_000)
    page.wait_for_load_state("networkidle")
    time.sleep(0.3)
    received["on"] = False
    latency = page.evaluate("window.__first - window.__lastKey")
    status = page.inner_text("#vb-search-page-status")
    count = page.get_attribute("#search-results", "data-count")
    if count is None:  # an earlier search.js: the first number of the status
        found = re.search(r"(\d[\d.]*)", status)
        count = found.group(1).replace(".", "") if found else "0"
    loose = (
        page.get_attribute("#search-results-loose", "data-count")
        if page.locator("#vb-search-loose").is_visible()
        else None
    )
    return {
        "latency_ms": round(latency),
        "bytes": received["bytes"],
        "requests": received["requests"],
        "results": int(count),
        "apart": int(loose) if loose else 0,
        "mode": page.get_attribute("#search-results", "data-mode") or "",
        "status": status,
    }


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, AttributeError):
        pass
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "chromium": chromium,
        "date": dt.date.today().isoformat(),
    }


def exactness(bundle: Path, queries: list[str]) -> list[dict]:
    """For each phrase of three syllables or more: documents holding every pair of it (what the
    index alone can say) against documents holding the phrase (read from the result files)."""
    sys.path.insert(0, str(ROOT))
    from generator.publish.search_index import fnv1a, segments, terms

    meta = json.loads(gzip.decompress((bundle / "meta.json.gz").read_bytes()))
    content = bundle / meta["version"]
    shards: dict[int, dict] = {}

    def docs_of(key: str) -> set[int]:
        n = fnv1a(key) % meta["shards"]
        if n not in shards:
            shards[n] = json.loads(gzip.decompress((content / "shards" / f"{n}.json.gz").read_bytes()))
        entry, out, d = shards[n].get(key, []), set(), 0
        for i in range(0, len(entry), 2):
            d = entry[0] if i == 0 else d + entry[i]
            out.add(d)
        return out

    rows = []
    for query in queries:
        syllables = terms(query)
        if len(syllables) < 3 or any(c in query for c in ',"+'):
            continue
        probable = set.intersection(*(docs_of(f"{a} {b}") for a, b in itertools.pairwise(syllables)))
        holding = 0
        for d in probable:
            blocks = json.loads(gzip.decompress((content / "docs" / f"{d}.json.gz").read_bytes()))["blocks"]
            n = len(syllables)
            passages = [p for _, text in blocks for p in segments(text)]
            holding += any(p[i : i + n] == syllables for p in passages for i in range(len(p) - n + 1))
        rows.append({"query": query, "every_pair": len(probable), "phrase": holding})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site (python -m generator site)")
    parser.add_argument("--reindex", action="store_true", help="rebuild and time the index first")
    parser.add_argument("--query", action="append", help="a query (repeatable); default: a fixed set")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument("--baseline", metavar="REV", help="also measure this commit's indexer and search.js")
    parser.add_argument("--exactness", action="store_true", help="count pair-only matches of long phrases")
    parser.add_argument("--repeat", type=int, default=1, help="run every query this many times; report medians")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    report: dict = {"machine": machine(), "site": str(site), "load_at_start": load()}
    variants: dict[str, dict[str, Path]] = {}
    if args.baseline:
        work = Path(tempfile.mkdtemp(prefix="bench-search-"))  # the earlier commit's files; removed at the end
        indexer, overrides = baseline(site, args.baseline, work)
        if args.reindex or not (site / BASELINE_BUNDLE / "meta.json.gz").exists():
            report["baseline_index"] = timed_index(site, indexer, BASELINE_BUNDLE)
        report.setdefault("baseline_index", {}).update(index_figures(site / BASELINE_BUNDLE), rev=args.baseline)
        variants["baseline"] = overrides
    if args.reindex:
        report["index"] = timed_index(site)
    report.setdefault("index", {}).update(index_figures(site / "search-index"))
    variants["current"] = {}
    print(json.dumps({k: v for k, v in report.items()}, ensure_ascii=False, indent=1), file=sys.stderr)
    if args.exactness:
        report["exactness"] = exactness(site / "search-index", args.query or QUERIES)
        for row in report["exactness"]:
            print(
                f"{row['query']}: {row['every_pair']} documents hold every pair, {row['phrase']} the phrase",
                file=sys.stderr,
            )
    try:
        rows = measure_queries(site, args.query or QUERIES, variants, args.repeat)
    finally:
        if args.baseline:
            shutil.rmtree(work, ignore_errors=True)
    report["queries"] = rows
    print(
        f"{'query':<28} {'variant':<9} {'results':>7} {'apart':>6} {'KB':>7} {'req':>4} {'ms':>5} {'1st ms':>7} {'1st KB':>7}"
    )
    for row in rows:
        print(
            f"{row['query']:<28} {row['variant']:<9} {row['results']:>7} {row['apart']:>6} {row['bytes'] / 1024:>7.1f} "
            f"{row['requests']:>4} {row['latency_ms']:>5} {row['first_query_ms']:>7} {row['first_query_bytes'] / 1024:>7.1f}"
        )
    for name in variants:
        mine = [r for r in rows if r["variant"] == name]
        kb = [r["bytes"] / 1024 for r in mine]
        ms = [r["latency_ms"] for r in mine]
        print(
            f"{name}: transfer per query: median {statistics.median(kb):.1f} KB, max {max(kb):.1f} KB; "
            f"latency after the first query: median {statistics.median(ms):.0f} ms, max {max(ms)} ms"
        )
    report["load_at_end"] = load()
    print(f"load average at start {report['load_at_start']}, at end {report['load_at_end']}")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
