"""Search benchmark: index build time and memory, index size, and per-query transfer and
latency in headless Chromium against a local server. Figures go to BENCHMARKS.md by hand.

    python benchmarks/synthetic.py --docs 10000 --seed 1 --out /tmp/od-10k
    OD_DATA_DIR=/tmp/od-10k python -m generator site --out /tmp/od-10k-site/site
    python benchmarks/bench_search.py --site /tmp/od-10k-site/site [--reindex] [--json out.json]

--reindex rebuilds the index first (timed; peak memory of the indexer's whole process tree,
sampled every 0.1 s). Queries are typed into /tim-kiem/ with real key presses (100 ms apart).
For each query a fresh browser (empty cache) loads the page and its index metadata and filter
menus, runs one other query, then types the query: "transfer" is every byte received (bodies
and headers, as sent: the index files are gzip) from the first key press of the query until the
results are shown and the network is idle; "latency" is the time from the last key press to
the first result link in #search-results. The first query of a visit is reported apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import json
import os
import platform
import re
import socketserver
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

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


def timed_index(site: Path) -> dict:
    """Run the indexer in its own process: wall time, and peak memory of its whole process tree
    (the indexer reads pages on every core), sampled every 0.1 s."""
    code = "import sys; from pathlib import Path; from generator.publish.search_index import index_site; index_site(Path(sys.argv[1]))"
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, str(site)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kb(process.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(process.stderr.read()[-3000:])
    return {"seconds": round(seconds, 1), "peak_mb": round(peak / 1024)}


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
    def log_message(self, *args) -> None:
        pass


_INSTRUMENT = """
() => {
  window.__lastKey = 0; window.__first = 0;
  document.getElementById('vb-search-page-input').addEventListener('keydown', () => {
    window.__lastKey = performance.now(); window.__first = 0; });
  new MutationObserver(() => {
    if (!window.__first && window.__lastKey && document.querySelector('#search-results a'))
      window.__first = performance.now();
  }).observe(document.getElementById('search-results'), {childList: true, subtree: true});
}
"""


def measure_queries(site: Path, queries: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
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
        for query in queries:
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
                page_load_s=round(load_seconds, 2),
                first_query_ms=first["latency_ms"],
                first_query_bytes=first["bytes"],
            )
            rows.append(row)
            context.close()
        browser.close()
    server.shutdown()
    return rows


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
    count = re.search(r"(\d+)", status)
    return {
        "latency_ms": round(latency),
        "bytes": received["bytes"],
        "requests": received["requests"],
        "results": int(count.group(1)) if count else 0,
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site (python -m generator site)")
    parser.add_argument("--reindex", action="store_true", help="rebuild and time the index first")
    parser.add_argument("--query", action="append", help="a query (repeatable); default: a fixed set")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    report: dict = {"machine": machine(), "site": str(site)}
    if args.reindex:
        report["index"] = timed_index(site)
    report.setdefault("index", {}).update(index_figures(site / "search-index"))
    print(json.dumps({k: v for k, v in report.items()}, ensure_ascii=False, indent=1), file=sys.stderr)
    rows = measure_queries(site, args.query or QUERIES)
    report["queries"] = rows
    print(f"{'query':<28} {'results':>7} {'KB':>7} {'req':>4} {'ms':>5} {'1st ms':>7} {'1st KB':>7}")
    for row in rows:
        print(
            f"{row['query']:<28} {row['results']:>7} {row['bytes'] / 1024:>7.1f} {row['requests']:>4} "
            f"{row['latency_ms']:>5} {row['first_query_ms']:>7} {row['first_query_bytes'] / 1024:>7.1f}"
        )
    kb = [r["bytes"] / 1024 for r in rows]
    ms = [r["latency_ms"] for r in rows]
    print(
        f"transfer per query: median {statistics.median(kb):.1f} KB, max {max(kb):.1f} KB; "
        f"latency after the first query: median {statistics.median(ms):.0f} ms, max {max(ms)} ms"
    )
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
