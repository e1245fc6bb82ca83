"""Every core for the per-document work: a map over forked worker processes.

Workers are forked, so they share the parent's data (the corpus, the resolved indexes) without
copying or pickling it; only each item's result travels back, through a pipe, in batches. Item
i goes to worker i mod n, and results come back in the order of the items, so the output does
not depend on how the work was shared. With one core, few items or no fork (Windows, macOS
spawn), it is the built-in map.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterator, Optional, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

BATCH = 32  # results per message: fewer, larger messages; the parent unpickles while workers go on


def jobs() -> int:
    """Worker processes: OD_JOBS if set, else the cores this process may run on."""
    try:
        return max(1, int(os.environ.get("OD_JOBS", "0")) or len(os.sched_getaffinity(0)))
    except (ValueError, AttributeError):
        return 1


class WorkerError(RuntimeError):
    """An exception in a worker process, with the worker's traceback."""


def _work(fn: Callable[[T], R], items: Sequence[T], first: int, step: int, conn: Connection) -> None:
    try:
        batch: list[tuple[int, R]] = []
        for i in range(first, len(items), step):
            batch.append((i, fn(items[i])))
            if len(batch) >= BATCH:
                conn.send(batch)
                batch = []
        conn.send(batch)
        conn.send(None)
    except BaseException:  # noqa: BLE001 - every failure goes back to the parent
        conn.send(WorkerError(traceback.format_exc()))
    finally:
        conn.close()


def fork_map(fn: Callable[[T], R], items: Sequence[T], workers: Optional[int] = None, minimum: int = 64) -> Iterator[R]:
    """fn(item) for every item, in order, computed on `workers` forked processes."""
    workers = jobs() if workers is None else workers
    if workers < 2 or len(items) < minimum or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(fn, items)
        return
    context = multiprocessing.get_context("fork")
    processes, pending = [], {}
    for k in range(workers):
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(fn, items, k, workers, send), daemon=True)
        process.start()
        send.close()
        processes.append(process)
        pending[receive] = k
    done: dict[int, R] = {}
    following = 0
    try:
        while pending:
            for conn in wait(list(pending)):
                assert isinstance(conn, Connection)
                try:
                    message = conn.recv()
                except EOFError:
                    raise WorkerError(f"worker {pending[conn]} ended without its results") from None
                if message is None:
                    del pending[conn]
                elif isinstance(message, WorkerError):
                    raise message
                else:
                    done.update(message)
            while following in done:
                yield done.pop(following)
                following += 1
        while following in done:
            yield done.pop(following)
            following += 1
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
