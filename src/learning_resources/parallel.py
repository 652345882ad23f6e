"""Independent pieces of work, on every core when there are enough of them to pay off."""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

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


class Background(Generic[Item, Result]):
    """`function` of each item, worked out in one other process while this one goes on (on
    a core it leaves idle, such as while MkDocs builds pages one by one); `result()` waits
    for it. Where no process can be forked (one core, threads running, no fork), or the
    other process fails, the work is done here when `result()` is called. The results are
    the same either way."""

    def __init__(self, function: Callable[[Item], Result], items: Sequence[Item]) -> None:
        self.function, self.items = function, list(items)
        self._process: multiprocessing.process.BaseProcess | None = None
        self._pipe: Connection | None = None
        forkable = "fork" in multiprocessing.get_all_start_methods()
        if self.items and forkable and workers() > 1 and threading.active_count() == 1:
            context = multiprocessing.get_context("fork")
            receiving, sending = context.Pipe(duplex=False)
            gc.freeze()  # as in run_all
            try:
                process = context.Process(target=self._work, args=(sending,), daemon=True)
                process.start()
            except OSError:
                receiving.close()
                sending.close()
                return
            finally:
                gc.unfreeze()
            sending.close()
            self._process, self._pipe = process, receiving
            # Not waited for (the build failed first): stopped when this object is dropped.
            self._stop = weakref.finalize(self, _stop, process, receiving)

    def _work(self, pipe: Connection) -> None:
        try:
            pipe.send([self.function(item) for item in self.items])
        except Exception:  # done again by `result()`, where it is raised
            pass
        finally:
            pipe.close()

    def result(self) -> list[Result]:
        process, pipe = self._process, self._pipe
        self._process = self._pipe = None
        if process is not None and pipe is not None:
            self._stop.detach()
            try:
                found: list[Result] = pipe.recv()
                return found
            except (EOFError, OSError):
                pass  # it failed: done here
            finally:
                pipe.close()
                process.join()
        return [self.function(item) for item in self.items]


def _stop(process: multiprocessing.process.BaseProcess, pipe: Connection) -> None:
    pipe.close()
    process.terminate()
    process.join()
