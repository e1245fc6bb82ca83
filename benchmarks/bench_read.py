"""Reading benchmark: load, validate, model and the rules over a data folder (`read_corpus`).

    .venv/bin/python benchmarks/bench_read.py DATA_DIR [--tree OTHER_SOURCE_TREE ...]

Prints, for this source tree and each --tree given (another checkout of the project, to
compare side by side in one run on the same data), the seconds `read_corpus` took, the memory
the read corpus still holds afterwards (resident set growth after a full collection: models,
the positions kept for diagnostics) and the process's peak resident set. Each tree runs in a
fresh process, one after the other. Make a corpus with benchmarks/synthetic.py.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MEASURE = """
import gc, os, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from generator.corpus.read import read_corpus

def resident():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

gc.collect()
before = resident()
gc.disable()
start = time.perf_counter()
read = read_corpus(Path(sys.argv[2]))
seconds = time.perf_counter() - start
gc.enable()
gc.collect()
held = resident() - before
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(f"{seconds:.1f} {held / 1e6:.0f} {peak / 1e6:.0f} {len(read.corpus.documents)}")
"""


def measure(tree: Path, data: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(tree), str(data.resolve())],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--tree", type=Path, action="append", default=[], help="another source tree")
    args = parser.parse_args()
    print("| source tree | documents | read, s | held after reading, MB | peak RSS, MB |")
    print("|---|---|---|---|---|")
    for tree in [ROOT, *args.tree]:
        seconds, held, peak, documents = measure(tree.resolve(), args.data)
        print(f"| {tree} | {documents} | {seconds} | {held} | {peak} |")


if __name__ == "__main__":
    main()
