"""Where the per-article work runs: in this process, in a pool of local processes (`--jobs`), or
on a Dask cluster (`--engine dask [--scheduler ADDRESS]`).

Work is cut into partitions of consecutive items (articles in key order), so every engine sees
the same partitions and results come back in the same order whatever finishes first: the output
never depends on the engine, the number of workers or timing.

Dask (distributed) was chosen over Ray because it runs the same Python functions with nothing
but pip, its scheduler and workers are plain processes that `dask scheduler` / `dask worker`
start on any machine, and its LocalCluster gives the same code path on one machine for tests.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from kg.errors import KGError

Progress = Callable[[int], None]  # called with the number of items just finished


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def partitions(items: Sequence, size: int) -> list[list]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def run_partition(fn: Callable, part: list, *args, finish: Callable | None = None, index: int = 0) -> list:
    """FN over one partition in a worker; then FINISH(results, index), e.g. to write the partition's shard."""
    results = [fn(item, *args) for item in part]
    if finish is not None:
        finish(results, index)
    return results


def _run_indexed(index: int, fn: Callable, part: list, args: tuple, finish: Callable | None = None) -> list:
    return run_partition(fn, part, *args, finish=finish, index=index)


class Local:
    """This process (jobs=1) or a pool of JOBS forked processes."""

    name = "local"

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = max(1, jobs or cores())
        self._pool = None

    def map(self, fn: Callable, items: Sequence, *args, progress: Progress | None = None,
            finish: Callable | None = None) -> list:
        if self.jobs == 1 or len(items) < 4:  # a pool costs more than it saves on a handful
            out = []
            for part in partitions(items, _partition_size(len(items), self.jobs)):
                out += run_partition(fn, part, *args, finish=finish, index=len(out))
                if progress:
                    progress(len(part))
            return out
        if self._pool is None:
            import multiprocessing

            # fork: workers start with the lexicon and the loaded modules of this process
            self._pool = multiprocessing.get_context("fork").Pool(self.jobs)
        size = _partition_size(len(items), self.jobs)
        parts = partitions(items, size)
        results: list[Any] = [None] * len(parts)
        pending = [self._pool.apply_async(run_partition, (fn, part, *args), {"finish": finish, "index": i * size})
                   for i, part in enumerate(parts)]
        for i, job in enumerate(pending):
            results[i] = job.get()
            if progress:
                progress(len(parts[i]))
        return [r for part in results for r in part]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None


class Dask:
    """A Dask distributed cluster: the scheduler at ADDRESS, or a local cluster of JOBS worker
    processes started here (and stopped by close())."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, jobs: int | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise KGError(f"the dask engine needs dask[distributed] ({exc}); pip install 'dask[distributed]'") from None
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="10s")
            else:
                self._cluster = LocalCluster(n_workers=max(1, jobs or cores()), threads_per_worker=1, processes=True,
                                             dashboard_address=None, host="127.0.0.1")
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise KGError(f"cannot reach the Dask scheduler {scheduler or '(local cluster)'}: {exc}") from None
        self.jobs = max(1, len(self.client.scheduler_info().get("workers", {})) or 1)

    def map(self, fn: Callable, items: Sequence, *args, progress: Progress | None = None,
            finish: Callable | None = None) -> list:
        from dask.distributed import as_completed

        if not items:
            return []
        size = _partition_size(len(items), self.jobs)
        parts = partitions(items, size)
        name = getattr(fn, "__name__", "task")
        n = len(parts)
        futures = self.client.map(_run_indexed, [i * size for i in range(n)], [fn] * n, parts, [args] * n, finish=finish,
                                  key=[f"kg-{name}-{i}-{os.getpid()}-{id(items)}" for i in range(n)])
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[Any] = [None] * len(parts)
        for future in as_completed(futures):
            i = index[future.key]
            results[i] = future.result()
            if progress:
                progress(len(parts[i]))
        return [r for part in results for r in part]

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def _partition_size(n: int, workers: int) -> int:
    """About eight partitions per worker (so a slow one does not hold the others up), 1-200 items each."""
    return max(1, min(200, -(-n // (workers * 8))))


def engine(name: str = "local", jobs: int | None = None, scheduler: str | None = None):
    if name == "local":
        if scheduler:
            raise KGError("--scheduler is for --engine dask")
        return Local(jobs)
    if name == "dask":
        return Dask(scheduler, jobs)
    raise KGError(f"unknown engine '{name}'. Use local or dask")
