from __future__ import annotations

import threading

from interviewer.errors import InterviewerError
from interviewer.ui.jobs import Jobs


def test_synchronous_mode_delivers_at_once(qtbot) -> None:
    jobs = Jobs(synchronous=True)
    got: list = []
    jobs.run(lambda: 2 + 3, on_done=got.append)
    assert got == [5]


def test_results_come_back_on_the_gui_thread(qtbot) -> None:
    jobs = Jobs()
    gui = threading.get_ident()
    seen: dict = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        seen["value"] = value

    jobs.run(work, on_done=done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["worker"] != gui and seen["callback"] == gui


def test_errors_reach_on_error_or_the_error_signal(qtbot) -> None:
    jobs = Jobs()
    errors: list = []

    def fail() -> None:
        raise InterviewerError("no model", "install one")

    jobs.run(fail, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors[0].message == "no model" and errors[0].hint == "install one"

    with qtbot.waitSignal(jobs.error, timeout=5000) as blocker:
        jobs.run(lambda: 1 / 0)
    assert "ZeroDivisionError" in blocker.args[0].message


def test_progress_and_cancel(qtbot) -> None:
    jobs = Jobs()
    progress: list = []
    done: list = []
    release = threading.Event()

    def work(report) -> str:
        report(1)
        release.wait(5)
        return "finished" if report(2) else "stopped"

    job = jobs.run_reporting(work, on_progress=progress.append, on_done=done.append)
    qtbot.waitUntil(lambda: progress == [1], timeout=5000)
    job.cancel()
    release.set()
    jobs.wait()
    qtbot.wait(50)
    assert progress == [1] and done == []


def test_a_lane_runs_one_job_at_a_time_in_order(qtbot) -> None:
    jobs = Jobs(threads=4)
    order: list[int] = []
    active = {"now": 0, "max": 0}
    lock = threading.Lock()

    def step(i: int) -> int:
        with lock:
            active["now"] += 1
            active["max"] = max(active["max"], active["now"])
        threading.Event().wait(0.01)
        order.append(i)
        with lock:
            active["now"] -= 1
        return i

    for i in range(10):
        jobs.run(lambda i=i: step(i), lane="recognizer")
    assert jobs.wait()
    assert order == list(range(10)) and active["max"] == 1


def test_a_result_for_a_closed_widget_is_dropped(qtbot) -> None:
    """A dialog closed while its job ran (Settings' 'heard by' check) is not written to."""
    import shiboken6
    from PySide6.QtWidgets import QLabel

    jobs = Jobs()
    label = QLabel()
    release = threading.Event()
    finished: list = []
    job = jobs.run(lambda: release.wait(5) and "heard" or "", on_done=label.setText)
    shiboken6.delete(label)  # closed with WA_DeleteOnClose before the result came
    jobs.run(lambda: None, on_done=finished.append)
    release.set()
    qtbot.waitUntil(lambda: job.finished and bool(finished), timeout=5000)
    assert not shiboken6.isValid(label)


def test_a_job_that_outlives_the_app_ends_quietly(qtbot, capfd) -> None:
    """Quitting while a lane job runs (a model load): no traceback when it finishes."""
    import shiboken6

    jobs = Jobs()
    jobs.run(lambda: 1, lane="warm-up")  # the lane pool now exists, created after the relay
    assert jobs.wait(5000)
    started, release = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        release.wait(5)
        return "loaded"

    jobs.run(slow, lane="warm-up")
    assert started.wait(5)
    threading.Timer(0.3, release.set).start()
    shiboken6.delete(jobs)  # children go in order: the relay, then the lane that waits
    assert "Traceback" not in capfd.readouterr().err
