"""The speech recognizer in a child process, behind the same open_stream/feed/finish API.

The decoders are C code that keep Python's GIL for up to hundreds of milliseconds per
call (measured: ~130 ms feeds and ~0.2-0.6 s finishes with PocketSphinx), which
would freeze a GUI thread even though they run on another thread. In their own
process they cannot: the caller only waits on a pipe, which releases the GIL.
"""

from __future__ import annotations

import atexit
import multiprocessing as mp
import threading
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, cast

from interviewer.errors import InterviewerError
from interviewer.speech.registry import AUTO
from interviewer.transcript import Transcript

if TYPE_CHECKING:
    from interviewer.speech.base import Recognizer

_lock = threading.Lock()
_servers: dict[tuple[str, str], RecognizerProcess] = {}


def describe(recognizer: Recognizer) -> dict[str, str]:
    """What the parent needs to know of the loaded recognizer, in plain picklable form."""
    return {"engine": recognizer.engine, "model": recognizer.model,
            "live_engine": getattr(recognizer, "live_engine", ""),
            "live_model": getattr(recognizer, "live_model", ""),
            "fallback_reason": recognizer.fallback_reason}


def _serve(conn: Connection, engine: str, model_path: str | None) -> None:
    """Child process: load once, then answer requests until the pipe closes."""
    from interviewer import speech

    try:
        recognizer = speech.load_recognizer(engine, model_path)
    except InterviewerError as exc:
        conn.send(("error", exc.message, exc.hint))
        return
    conn.send(("ready", describe(recognizer)))
    stream: Any = None
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            kind = request[0]
            if kind == "open":
                stream = recognizer.open_stream(request[1] if len(request) > 1 else "")
                conn.send(("ok", None))
            elif kind == "feed":
                conn.send(("ok", stream.feed(request[1])))
            elif kind == "finish":
                transcript, stream = stream.finish(), None
                conn.send(("ok", transcript))
        except InterviewerError as exc:
            conn.send(("error", exc.message, exc.hint))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, not lost
            conn.send(("error", f"the recognizer failed: {type(exc).__name__}: {exc}",
                       "try again; if it keeps failing, choose another engine in Settings"))


class RecognizerProcess:
    """A loaded recognizer in a child process; one answer (stream) at a time."""

    def __init__(self, engine: str = AUTO, model_path: str | None = None) -> None:
        ctx = mp.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=_serve, args=(child, engine, model_path or None),
                                    daemon=True, name="interviewer-recognizer")
        self._process.start()
        child.close()
        self._lock = threading.Lock()
        info: dict[str, str] = self._recv()[1]  # describe()'s, unpickled
        self.engine: str = info["engine"]
        self.model: str = info["model"]
        # Two passes: the engine giving live text while `engine` makes the final transcript.
        self.live_engine: str = info["live_engine"]
        self.live_model: str = info["live_model"]
        # Why a better engine was not used, in words; "" when none was passed over.
        self.fallback_reason: str = info["fallback_reason"]

    def _recv(self) -> tuple[Any, ...]:
        """The child's reply: ("ok", value), ("ready", info) or ("error", message, hint),
        unpickled (so untyped)."""
        try:
            reply: tuple[Any, ...] = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise InterviewerError("the speech recognizer stopped unexpectedly",
                                   "try again; your recording is kept") from exc
        if reply[0] == "error":
            raise InterviewerError(reply[1], reply[2])
        return reply

    def call(self, *request: object) -> object:
        with self._lock:
            try:
                self._conn.send(request)
            except (BrokenPipeError, OSError) as exc:
                raise InterviewerError("the speech recognizer stopped unexpectedly",
                                       "try again; your recording is kept") from exc
            return self._recv()[1]

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def open_stream(self, context: str = "") -> RemoteStream:
        """`context`: the question and its terms, for Whisper's prompt."""
        self.call("open", context)
        return RemoteStream(self)

    def close(self) -> None:
        self._conn.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()


class RemoteStream:
    """Same shape as interviewer.speech's Stream: feed PCM, get partial text; finish."""

    def __init__(self, server: RecognizerProcess) -> None:
        self._server = server

    def feed(self, pcm: bytes) -> str:
        return cast(str, self._server.call("feed", pcm))  # the child's Stream.feed

    def finish(self) -> Transcript:
        return cast(Transcript, self._server.call("finish"))  # the child's Stream.finish


def shared(engine: str = AUTO, model_path: str | None = None) -> RecognizerProcess:
    """One child per engine and model for the whole app, started on first use."""
    key = (engine, model_path or "")
    with _lock:
        server = _servers.get(key)
        if server is None or not server.alive:
            server = RecognizerProcess(engine, model_path)
            _servers[key] = server
        return server


@atexit.register
def close_all() -> None:
    """Stop every child, e.g. after a model install so the next answer loads the new one."""
    with _lock:
        servers = list(_servers.values())
        _servers.clear()
    for server in servers:
        server.close()
