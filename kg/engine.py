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

import io
import os
import pickle
import signal
import sys
import traceback
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
            self._pool = multiprocessing.get_context("fork").Pool(self.jobs, initializer=_worker_start,
                                                                  initargs=(os.getpid(),))
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

    def close(self, abort: bool = False) -> None:
        """Stop the workers once their work is done (ABORT: at once, e.g. after Ctrl-C)."""
        if self._pool is not None:
            if abort:
                self._pool.terminate()
            else:
                self._pool.close()
            self._pool.join()
            self._pool = None


def _worker_start(parent: int) -> None:
    """In each pool worker: Ctrl-C is for the process that runs the build (it stops the pool; a
    worker printed its own traceback), and the worker dies with that process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)


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

    def close(self, abort: bool = False) -> None:
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


def in_child(fn: Callable[[], Any]) -> Any:
    """FN() in a forked child process: its result, or its exception raised here, both sent back
    pickled. Everything the child allocated goes back to the system when it exits, which freeing
    does not do in a long-lived Python process (its heap stays fragmented): a corpus build makes
    its files in a child, and the store's bulk loader then starts from a small process. What the
    child prints reaches the terminal as it goes; where sys.stdout or sys.stderr was replaced (a
    notebook, pytest's capture, click's test runner) it is collected and written here at the end.
    Where there is no fork, FN() runs here."""
    if not hasattr(os, "fork"):  # pragma: no cover - not POSIX
        return fn()
    read_end, write_end = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _die_with_parent(parent)
        replaced = [name for name in ("stdout", "stderr") if getattr(sys, name) is not getattr(sys, f"__{name}__")]
        for name in replaced:
            setattr(sys, name, io.StringIO())
        try:
            outcome = (True, fn())
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent, Ctrl-C included
            if not isinstance(exc, KGError):  # a bug: where it happened travels with it
                exc.add_note(f"(in the build's child process)\n{traceback.format_exc()}")
            outcome = (False, exc)
        try:
            printed = {name: getattr(sys, name).getvalue() for name in replaced}
            with os.fdopen(write_end, "wb") as fh:
                fh.write(_pickled(outcome, printed))
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
        finally:
            os._exit(0)  # no atexit handlers or finalizers of the parent's objects run twice
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as fh:
            payload = fh.read()
    except BaseException:  # Ctrl-C or a signal here: the child stops too, and is waited for
        _stop(pid)
        raise
    _, status = os.waitpid(pid, 0)  # (before unpickling: the child's memory is gone by then)
    if not payload:
        code = os.waitstatus_to_exitcode(status)
        how = f"exit code {code}" if code >= 0 else f"signal {-code}" + (
            ": killed, often by the system for lack of memory; try fewer --jobs" if -code == signal.SIGKILL else "")
        raise KGError(f"the build's process ended without finishing ({how})")
    (ok, value), printed = pickle.loads(payload)
    for name, text in printed.items():
        getattr(sys, name).write(text)
    if ok:
        return value
    raise value


def _pickled(outcome: tuple, printed: dict[str, str]) -> bytes:
    try:
        return pickle.dumps((outcome, printed), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - what cannot be pickled goes back as a message
        value = outcome[1] if not outcome[0] else exc
        return pickle.dumps(((False, KGError(f"{type(value).__name__}: {value}")), printed))


def _die_with_parent(parent: int) -> None:
    """SIGKILL this process when its parent dies (Linux's PR_SET_PDEATHSIG), so that a killed build
    leaves nothing running that holds its lock."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
