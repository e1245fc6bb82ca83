"""generator/build/parallel.py: results in the order of the items, whatever the workers."""

from __future__ import annotations

import os

import pytest

from generator.build.parallel import WorkerError, fork_map


def test_results_come_in_order_from_every_worker():
    items = list(range(500))
    results = list(fork_map(lambda i: (i * i, os.getpid()), items, workers=3, minimum=1))
    assert [square for square, _ in results] == [i * i for i in items]
    pids = [pid for _, pid in results]
    assert len(set(pids)) == 3 and os.getpid() not in pids
    assert pids[:3] == [pids[0], pids[1], pids[2]] and len(set(pids[:3])) == 3  # item i on worker i mod 3


def test_workers_share_the_parent_data_without_pickling_it():
    unpicklable = {"f": lambda x: x + 1}  # a lambda: pickling it would fail
    assert list(fork_map(lambda i: unpicklable["f"](i), list(range(100)), workers=2, minimum=1)) == list(range(1, 101))


def test_small_inputs_stay_in_this_process():
    assert {pid for pid in fork_map(lambda i: os.getpid(), [1, 2, 3], workers=4)} == {os.getpid()}


def test_an_error_in_a_worker_is_raised_with_its_traceback():
    def fail(i: int) -> int:
        if i == 77:
            raise ValueError("hỏng ở 77")
        return i

    with pytest.raises(WorkerError, match="hỏng ở 77"):
        list(fork_map(fail, list(range(200)), workers=2, minimum=1))
