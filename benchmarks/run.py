"""Build benchmark: synthetic corpora through the whole pipeline, each figure measured side by
side with its baseline in one run.

    .venv/bin/python benchmarks/run.py --sizes 1000 10000 [--seed 1] [--work /tmp/od-bench]
                                       [--repeat 2] [--preview]

For each size, on this machine:
- full build: `python -m generator site --no-cache` (a clean build: generator, MkDocs with the
  adapter, which indexes each page for search as MkDocs writes it), wall time, stage times,
  and the peak memory of the largest process (maximum resident set size of the process tree,
  from the kernel's accounting of children);
- plain MkDocs: `mkdocs build` of the same site as portable Markdown
  (`generator build --project`: the project any MkDocs-compatible builder builds, no adapter);
  the full build and plain MkDocs run one after the other, `--repeat` times, and the ratio is
  taken from the pair with the lowest load average (the machine is shared);
- site size, per kind of file (document pages, organisation pages, task pages, open data,
  search index…), and the HTML of document pages: median and 95th percentile;
- incremental rebuild after a one-document edit, with the cache of the build before it: the
  generator alone (`generator build --html`) and the whole site (`generator site`);
- with --preview (at 1,000 documents): `mkdocs serve --dirty` on the corpus, then an edit of one
  document's title, timed from writing the file to the page served with the new title; then
  the same with MkDocs' own watcher (`OD_PREVIEW_POLLING=1`: a scan every 0.5 s).
Results are printed as a Markdown table and written to benchmarks/out/results-<size>.json.
Timing is never asserted by tests; BENCHMARKS.md records these figures.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BUILD_DATE = "2026-11-21"
EDITED = "documents/da-nang"  # the folder of the document the incremental runs edit


def load() -> float:
    return os.getloadavg()[0]


TIME = "/usr/bin/time"  # GNU time: the maximum resident set size of the largest process of a tree


def run(command: list[str], env: dict | None = None, log: Path | None = None, cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and the peak resident memory (MB) of the largest process it ran."""
    peak_file = Path(f"/tmp/od-bench-peak-{os.getpid()}")
    timed = [TIME, "-f", "%M", "-o", str(peak_file), *command] if os.path.exists(TIME) else command
    start = time.perf_counter()
    with open(log or os.devnull, "w") as out:
        result = subprocess.run(timed, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT, cwd=cwd)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}; see {log}")
    try:
        peak = int(peak_file.read_text().split()[-1]) / 1024
        peak_file.unlink()
    except (OSError, ValueError, IndexError):
        peak = float("nan")
    return seconds, peak


def generator(*args: str) -> list[str]:
    return [PY, "-m", "generator", *args]


def kind_of(relative: str) -> str:
    parts = relative.split("/")
    if relative.startswith("search-index/"):
        return "search index"
    if relative.startswith("api/") or relative == "feed.xml":
        return "open data (api/, feed)"
    if not relative.endswith(".html"):
        return "assets, sources, schemas, sitemap"
    if parts[0] == "van-ban" and len(parts) == 4:
        return "document pages"
    if parts[0] == "co-quan" and len(parts) == 4:
        return "organisation pages"
    if parts[0] == "co-quan" and len(parts) > 4:
        return "organisation lists"
    if parts[0] == "nhiem-vu":
        return "task pages"
    if parts[0] == "tham-chieu" and len(parts) > 2:
        return "catalog pages"
    return "lists, timeline, other pages"


def site_sizes(site: Path) -> dict:
    kinds: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0])
    documents = []
    for path in site.rglob("*"):
        if path.is_file():
            relative = path.relative_to(site).as_posix()
            size = path.stat().st_size
            entry = kinds[kind_of(relative)]
            entry[0] += 1
            entry[1] += size / 1e6
            if kind_of(relative) == "document pages":
                documents.append(size)
    documents.sort()
    return {
        "site_mb": sum(mb for _, mb in kinds.values()),
        "kinds": {k: {"files": n, "mb": mb} for k, (n, mb) in sorted(kinds.items(), key=lambda kv: -kv[1][1])},
        "html_pages": sum(1 for _ in site.rglob("*.html")),
        "doc_page_median_kb": statistics.median(documents) / 1e3 if documents else 0,
        "doc_page_p95_kb": documents[int(0.95 * (len(documents) - 1))] / 1e3 if documents else 0,
    }


def full_and_plain(data: Path, work: Path) -> dict:
    """One pair: the full clean build, then plain MkDocs of the same portable Markdown."""
    timings = work / "timings.json"
    load_before = load()
    full_s, full_peak = run(
        generator("site", "--no-cache", "--data", str(data), "--out", str(work / "site"), "--build-date", BUILD_DATE),
        env={"OD_TIMINGS": str(timings)},
        log=work / "site-build.log",
    )
    project = work / "project"
    run(
        generator(
            "build", "--project", "--no-cache", "--data", str(data), "--out", str(project), "--build-date", BUILD_DATE
        ),
        log=work / "project.log",
    )
    plain_s, plain_peak = run(
        [PY, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(work / "plain")],
        log=work / "plain-mkdocs.log",
        cwd=project,
    )
    return {
        "full_build_s": full_s,
        "full_peak_mb": full_peak,
        "plain_mkdocs_s": plain_s,
        "plain_peak_mb": plain_peak,
        "ratio": full_s / plain_s,
        "stages": json.loads(timings.read_text()),
        "load": [load_before, load()],
    }


def edit_one(data: Path, n: int) -> Path:
    """Change the title of one document (a different text each time)."""
    path = sorted((data / EDITED).glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    lines[i] = f"title: Sửa lần {n} – " + lines[i][len("title: ") :].split(" – ", 1)[-1]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def incremental(data: Path, work: Path) -> dict:
    """A one-document edit after a build, with that build's cache: the generator alone and the
    whole site."""
    cache = work / "cache"
    env = {"OD_CACHE_DIR": str(cache)}
    html = generator("build", "--html", "--data", str(data), "--out", str(work / "html"), "--build-date", BUILD_DATE)
    site = generator("site", "--data", str(data), "--out", str(work / "site-incr"), "--build-date", BUILD_DATE)
    run(site, env=env, log=work / "warm.log")  # fills the cache
    edit_one(data, 1)
    generator_s, generator_peak = run(html, env=env, log=work / "incremental-generator.log")
    edit_one(data, 2)
    timings = work / "timings-incremental.json"
    site_s, _ = run(site, env={**env, "OD_TIMINGS": str(timings)}, log=work / "incremental-site.log")
    return {
        "generator_s": generator_s,
        "generator_peak_mb": generator_peak,
        "site_s": site_s,
        "site_stages": json.loads(timings.read_text()),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, check: Callable[[str], bool], seconds: float = 600) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if check(response.read().decode("utf-8")):
                    return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"timed out waiting for {url}")


def preview(data: Path, work: Path, edits: int = 3, polling: bool = False, first_edit: int = 100) -> dict:
    """`mkdocs serve --dirty` (as `make serve`): first build, then edit → page served anew.
    `polling`: with MkDocs' own watcher (a scan every 0.5 s) instead of the system's notices.
    Each edit writes a title no earlier edit wrote (from `first_edit` on), so no page of it is
    in the cache yet."""
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "OD_PREVIEW_POLLING"},
        **({"OD_PREVIEW_POLLING": "1"} if polling else {}),
        "OD_DATA_DIR": str(data),
        "OD_BUILD_DATE": BUILD_DATE,
        "OD_CACHE_DIR": str(work / "preview-cache"),
        "OD_PREVIEW_DIR": str(work / "preview"),
    }
    command = [PY, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"]
    log = open(work / "preview.log", "w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        path = sorted((data / EDITED).glob("*.yaml"))[0]
        doc_id = f"{EDITED.split('/', 1)[1]}/{path.stem}"
        url = f"http://127.0.0.1:{port}/open-directives/van-ban/{doc_id}/"
        first = _wait(url, lambda html: "vb-header" in html)
        times = []
        for n in range(edits):
            time.sleep(2)
            start = time.perf_counter()
            edit_one(data, first_edit + n)
            _wait(url, lambda html, n=n: f"Sửa lần {first_edit + n} – " in html)
            times.append(time.perf_counter() - start)
        return {"first_build_s": first, "edit_to_page_s": times}
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()


def bench(size: int, seed: int, work_root: Path, repeat: int, with_preview: bool) -> dict:
    work = work_root / f"n{size}"
    work.mkdir(parents=True, exist_ok=True)
    data = work / "data"
    shutil.rmtree(data, ignore_errors=True)
    run([PY, str(ROOT / "benchmarks" / "synthetic.py"), "--docs", str(size), "--seed", str(seed), "--out", str(data)])
    out = ROOT / "benchmarks" / "out"
    out.mkdir(exist_ok=True)

    def save() -> None:  # after each step: a long run stopped midway keeps what it measured
        (out / f"results-{size}.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")

    pairs = [full_and_plain(data, work) for _ in range(repeat)]
    best = min(pairs, key=lambda p: max(p["load"]))
    figures = {"size": size, "seed": seed, "pairs": pairs, "best": best}
    figures.update(site_sizes(work / "site"))
    save()
    figures["incremental"] = incremental(data, work)
    save()
    if with_preview:  # the system's notices, and MkDocs' scan, one after the other
        figures["preview"] = preview(data, work)
        figures["preview_polling"] = preview(data, work, polling=True, first_edit=200)
        save()
    return figures


def _cell(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(results: list[dict]) -> str:
    def stage(r: dict, name: str) -> float | None:
        return r["best"]["stages"].get(name)

    rows: list[tuple[str, Callable[[dict], str]]] = [
        ("full build (`generator site --no-cache`), s", lambda r: _cell(r["best"]["full_build_s"])),
        ("plain `mkdocs build` of the same site as Markdown, s", lambda r: _cell(r["best"]["plain_mkdocs_s"])),
        ("**full build / plain MkDocs**", lambda r: f"**{r['best']['ratio']:.2f}**"),
        ("load average during the pair", lambda r: " – ".join(f"{x:.1f}" for x in r["best"]["load"])),
        (
            "generator (read / citations / resolve / render), s",
            lambda r: (
                f"{_cell(stage(r, 'generator_s'))} ({_cell(stage(r, 'generator_read_s'))} / "
                f"{_cell(stage(r, 'generator_citations_s'))} / {_cell(stage(r, 'generator_resolve_s'))} / "
                f"{_cell(stage(r, 'generator_render_s'))})"
            ),
        ),
        ("MkDocs (theme only) with the search index built as it writes, s", lambda r: _cell(stage(r, "mkdocs_s"))),
        ("of which: search index after the last page, s", lambda r: _cell(stage(r, "search_index_finish_s"))),
        ("peak memory, largest process, MB", lambda r: _cell(r["best"]["full_peak_mb"], 0)),
        ("site size, MB", lambda r: _cell(r["site_mb"], 0)),
        ("HTML pages", lambda r: str(r["html_pages"])),
        ("document page, median / p95, KB", lambda r: f"{r['doc_page_median_kb']:.0f} / {r['doc_page_p95_kb']:.0f}"),
        (
            "one-document edit: generator (`build --html`), s",
            lambda r: _cell(r.get("incremental", {}).get("generator_s")),
        ),
        ("one-document edit: whole site (`site`), s", lambda r: _cell(r.get("incremental", {}).get("site_s"))),
        (
            "preview: edit → page served, s",
            lambda r: ", ".join(f"{t:.2f}" for t in r["preview"]["edit_to_page_s"]) if "preview" in r else "–",
        ),
        (
            "preview with MkDocs' scan every 0.5 s (`OD_PREVIEW_POLLING=1`), s",
            lambda r: (
                ", ".join(f"{t:.2f}" for t in r["preview_polling"]["edit_to_page_s"]) if "preview_polling" in r else "–"
            ),
        ),
    ]
    head = "| figure | " + " | ".join(f"{r['size']:,} docs" for r in results) + " |"
    lines = [head, "|---|" + "---|" * len(results)]
    lines += [f"| {name} | " + " | ".join(cell(r) for r in results) + " |" for name, cell in rows]
    kinds = sorted(
        {k for r in results for k in r["kinds"]}, key=lambda k: -results[-1]["kinds"].get(k, {}).get("mb", 0)
    )
    lines += ["", "| size by kind, MB (files) | " + " | ".join(f"{r['size']:,} docs" for r in results) + " |"]
    lines += ["|---|" + "---|" * len(results)]
    for k in kinds:
        cells = [f"{r['kinds'][k]['mb']:.1f} ({r['kinds'][k]['files']})" if k in r["kinds"] else "–" for r in results]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/od-bench"))
    parser.add_argument("--repeat", type=int, default=1, help="full/plain pairs per size (the least loaded is kept)")
    parser.add_argument("--preview", action="store_true", help="also time the preview (at the smallest size)")
    parser.add_argument("--table-only", action="store_true", help="print the table of saved results")
    args = parser.parse_args()
    out = ROOT / "benchmarks" / "out"
    if args.table_only:
        print(table([json.loads((out / f"results-{size}.json").read_text()) for size in args.sizes]))
        return
    results = []
    for size in args.sizes:
        figures = bench(size, args.seed, args.work, args.repeat, args.preview and size == min(args.sizes))
        best = figures["best"]
        print(
            f"{size} documents: full build {best['full_build_s']:.1f} s, plain MkDocs {best['plain_mkdocs_s']:.1f} s, "
            f"ratio {best['ratio']:.2f}",
            flush=True,
        )
        results.append(figures)
    print(
        f"\nMachine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"date {dt.date.today()}; command: {' '.join(sys.argv)}\n"
    )
    print(table(results))


if __name__ == "__main__":
    main()
