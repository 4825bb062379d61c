"""The one way the app runs slow work: off the UI thread, results back by signal.

Speech synthesis, model loading, recognition and disk work all go through `Jobs.run`.
A job's result or error is delivered on the GUI thread; errors nobody handles reach
the user through the single `Jobs.error` signal. Work that must not overlap (one
recognizer stream, one TTS engine) runs in a named lane: a pool with one thread.
`Jobs(synchronous=True)` runs everything at once, for deterministic unit tests.
As Anki's QueryOp, a job is a callable of no arguments whose result type `on_done`
takes, so the checker follows the value from the worker to the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance, Slot

from interviewer.errors import InterviewerError

log = logging.getLogger(__name__)

T = TypeVar("T")
P = TypeVar("P")
Report = Callable[[P], bool]  # deliver progress; False once the job is cancelled


@dataclass
class Job:
    """A handle to a submitted job: cancel it, or ask whether it was cancelled."""

    id: int
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[InterviewerError], None] | None = None
    on_progress: Callable[[Any], None] | None = None
    cancelled: bool = False
    finished: bool = False
    _extra: dict = field(default_factory=dict)

    def cancel(self) -> None:
        """Drop the result: the callbacks are not called once a job is cancelled."""
        self.cancelled = True


def _alive(callback: Callable[..., Any] | None) -> bool:
    """A callback bound to a widget that was closed and deleted has nobody to tell."""
    if callback is None:
        return False
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from workers are queued to it."""

    done = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, object)


class _Runnable(QRunnable):
    def __init__(self, relay: _Relay, job: Job, fn: Callable[[], object]) -> None:
        super().__init__()
        self.relay, self.job, self.fn = relay, job, fn
        self.setAutoDelete(True)

    def run(self) -> None:
        if self.job.cancelled:
            return
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI
            self._deliver(self.relay.failed, _as_error(exc))
        else:
            self._deliver(self.relay.done, result)

    def _deliver(self, signal: SignalInstance, value: object) -> None:
        """Hand the outcome to the GUI thread, unless the app has quit under the job."""
        if not shiboken6.isValid(self.relay):
            return
        try:
            signal.emit(self.job.id, value)
        except RuntimeError:  # the relay was deleted between the check and the emit
            log.debug("job %s finished after the app quit; result dropped", self.job.id)


def _as_error(exc: BaseException) -> InterviewerError:
    """Expected failures pass through; anything else becomes a message with the cause."""
    if isinstance(exc, InterviewerError):
        return exc
    log.error("background job failed:\n%s", "".join(traceback.format_exception(exc)))
    return InterviewerError(f"something went wrong: {type(exc).__name__}: {exc}",
                            "try again; if it keeps happening, report it with the log")


class Jobs(QObject):
    """Run callables in the background and deliver their results on the GUI thread."""

    error = Signal(object)  # an InterviewerError that no on_error handled

    def __init__(self, parent: QObject | None = None, synchronous: bool = False,
                 threads: int = 2) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._lanes: dict[str, QThreadPool] = {}
        self._jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self._on_progress)

    def run(self, fn: Callable[[], T], *, on_done: Callable[[T], None] | None = None,
            on_error: Callable[[InterviewerError], None] | None = None,
            lane: str | None = None) -> Job:
        """Submit `fn()`; `on_done(result)` or `on_error(error)` on the GUI thread."""
        job = Job(next(self._ids), on_done, on_error)
        return self._start(job, fn, lane)

    def run_reporting(self, fn: Callable[[Report[P]], T], *,
                      on_progress: Callable[[P], None],
                      on_done: Callable[[T], None] | None = None,
                      on_error: Callable[[InterviewerError], None] | None = None,
                      lane: str | None = None) -> Job:
        """Submit `fn(report)`: `report(value)` delivers progress to the GUI thread and
        returns False once the job is cancelled, so long work can stop early."""
        job = Job(next(self._ids), on_done, on_error, on_progress)
        report = self._reporter(job)
        return self._start(job, lambda: fn(report), lane)

    def _start(self, job: Job, fn: Callable[[], object], lane: str | None) -> Job:
        self._jobs[job.id] = job
        runnable = _Runnable(self._relay, job, fn)
        if self.synchronous:
            runnable.run()
        else:
            self._pool_for(lane).start(runnable)
        return job

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every pool is idle: for shutdown and tests only, never in a slot."""
        pools = [self._pool, *self._lanes.values()]
        return all(pool.waitForDone(msecs) for pool in pools)

    def pending(self) -> int:
        return len(self._jobs)

    def _pool_for(self, lane: str | None) -> QThreadPool:
        if lane is None:
            return self._pool
        if lane not in self._lanes:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            pool.setExpiryTimeout(-1)
            self._lanes[lane] = pool
        return self._lanes[lane]

    def _reporter(self, job: Job) -> Report[Any]:
        def report(value: Any) -> bool:
            if not job.cancelled:
                self._relay.progress.emit(job.id, value)
            return not job.cancelled
        return report

    @Slot(int, object)
    def _on_done(self, job_id: int, result: Any) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None or job.cancelled:
            return
        job.finished = True
        if job.on_done is not None and _alive(job.on_done):
            job.on_done(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, error: InterviewerError) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None or job.cancelled:
            return
        job.finished = True
        if job.on_error is not None:
            if _alive(job.on_error):
                job.on_error(error)
        else:
            self.error.emit(error)

    @Slot(int, object)
    def _on_progress(self, job_id: int, value: Any) -> None:
        job = self._jobs.get(job_id)
        tell = job.on_progress if job is not None and not job.cancelled else None
        if tell is not None and _alive(tell):
            tell(value)
