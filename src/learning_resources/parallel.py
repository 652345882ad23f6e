"""Independent pieces of work, on every core when there are enough of them to pay off."""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_all(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    enough: int,
    parallel: bool | None = None,
    fork_only: bool = False,
) -> list[Result]:
    """`function` of each item, in order: in worker processes when there are at least
    `enough` items and more than one core (or when `parallel` says so), else here. The
    results are the same either way.

    Workers are forked, so they start at once and share what this process has loaded. A
    process running threads (as `serve` does) must not fork: then the items go to freshly
    started processes (pickled), or, with `fork_only` (a `function` that relies on what this
    process holds), the work is done here. So it is if no process can be started at all.
    """
    count = min(workers(), len(items))
    if parallel is None:
        parallel = len(items) >= enough and count > 1
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if forkable and threading.active_count() == 1:
        method = "fork"
    elif fork_only:
        parallel = False
    else:
        method = "spawn"
    if not parallel or not items:
        return [function(item) for item in items]
    count = max(count, 2)
    gc.freeze()  # forked workers then leave this process's objects alone (and unshared)
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context(method)) as pool:
            return list(pool.map(function, items, chunksize=max(1, len(items) // (count * 8))))
    except (OSError, BrokenProcessPool):
        return [function(item) for item in items]
    finally:
        gc.unfreeze()
