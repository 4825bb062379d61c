"""Model archives and downloads as an attacker would serve them: bombs, endless or
trickling downloads, a model folder named like the models folder's own files."""

from __future__ import annotations

import fcntl
import http.server
import json
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from interviewer.speech.download import download
from interviewer.speech.errors import ModelError
from tests.interviewer.hardening.cli_run import error_lines, run_cli


def _fake_model(folder: Path) -> Path:
    """The files a Vosk model folder must hold (contents are never loaded here)."""
    for part in ("am/final.mdl", "conf/model.conf", "graph/HCLG.fst"):
        (folder / part).parent.mkdir(parents=True, exist_ok=True)
        (folder / part).write_bytes(b"x" * 100)
    return folder


def test_a_zip_bomb_is_refused_before_unpacking(interviewer_home, tmp_path) -> None:
    bomb = tmp_path / "vosk-model-small-en-us.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("vosk-model-small-en-us/am/final.mdl", "w") as entry:
            for _ in range(40):
                entry.write(bytes(1 << 20))  # 40 MB of zeros pack into about 40 KB
        for part in ("conf/model.conf", "graph/HCLG.fst"):
            archive.writestr(f"vosk-model-small-en-us/{part}", "x")
    assert bomb.stat().st_size < 200_000
    done = run_cli(["model", "install", str(bomb)], interviewer_home, memory=1 << 31)
    assert done.returncode == 1
    assert error_lines(done) == [
        f"interviewer: error: {bomb}: the archive has 40 MB of files packed into 1 MB: "
        "a zip bomb, not a model; refusing to unpack it"]
    models = interviewer_home / "data" / "models"
    assert [p.name for p in models.iterdir()] == []  # nothing unpacked, no work left


def test_a_model_folder_named_active_keeps_the_marker(interviewer_home, tmp_path) -> None:
    first = _fake_model(tmp_path / "vosk-model-small-en-us-0.15")
    run_cli(["model", "install", str(first)], interviewer_home)
    hostile = _fake_model(tmp_path / "active")
    done = run_cli(["model", "install", str(hostile)], interviewer_home)
    assert done.returncode == 0, done.stderr
    models = interviewer_home / "data" / "models"
    assert (models / "active").is_file()
    assert (models / "active").read_text().strip() == "active-model"
    done = run_cli(["model", "use", "vosk-model-small-en-us-0.15"], interviewer_home)
    assert done.returncode == 0
    assert (models / "active").read_text().strip() == "vosk-model-small-en-us-0.15"
    assert not list(models.glob(".active.*"))
    (models / "whisper" / "tiny.en").mkdir(parents=True)  # where Whisper models live
    done = run_cli(["model", "install", str(_fake_model(tmp_path / "whisper"))],
                   interviewer_home)
    assert done.returncode == 0, done.stderr
    assert (models / "whisper" / "tiny.en").is_dir() and (models / "whisper-model").is_dir()


def test_killed_installs_are_cleaned_at_once_running_ones_kept(interviewer_home,
                                                                tmp_path) -> None:
    models = interviewer_home / "data" / "models"
    killed = models / ".install-killed"
    (killed / "unpacked").mkdir(parents=True)
    (killed / "lock").write_bytes(b"")
    (killed / "unpacked" / "big.bin").write_bytes(bytes(1 << 20))
    running = models / ".install-running"
    running.mkdir()
    with open(running / "lock", "wb") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a live install holds it
        run_cli(["model", "install", str(tmp_path / "missing.zip")], interviewer_home)
        assert not killed.exists() and running.exists()


def test_odd_addresses_and_a_nul_in_settings_are_one_line_errors(interviewer_home,
                                                                  tmp_path) -> None:
    done = run_cli(["model", "install", "http://[::1"], interviewer_home)
    assert done.returncode == 1
    assert error_lines(done) == ["interviewer: error: http://[::1: download failed "
                                 "(Invalid IPv6 URL)"]
    config = interviewer_home / "config"
    config.mkdir(parents=True)
    (config / "settings.json").write_text(json.dumps({"vosk_model": "/tmp/a\x00b"}))
    run_cli(["model", "list"], interviewer_home)
    run_cli(["banks"], interviewer_home)


class _Hostile(http.server.BaseHTTPRequestHandler):
    """/endless never ends, /trickle sends a byte now and then, /huge claims 10 GB."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.send_response(200)
        if self.path == "/huge":
            self.send_header("Content-Length", str(10 * 1024**3))
        self.end_headers()
        try:
            if self.path == "/endless":
                while True:
                    self.wfile.write(bytes(64 * 1024))
            elif self.path == "/trickle":
                while True:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
        except OSError:
            pass  # the client gave up: what it should do


@pytest.fixture
def hostile_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.slow  # starts a server
@pytest.mark.parametrize(("path", "expected"), [
    ("/endless", "the download is larger than 8 MB"),
    ("/huge", "the download is larger than 8 MB (10240 MB so far)"),
    ("/trickle", "the server is too slow"),
])
def test_downloads_are_bounded_in_size_and_time(hostile_server, tmp_path, path,
                                                expected) -> None:
    target = tmp_path / "download.zip"
    with pytest.raises(ModelError) as caught:
        download(hostile_server + path, target, max_bytes=8 * 1024**2, stall_seconds=1.5,
                 min_bytes=1024)
    assert expected in caught.value.message
    assert target.stat().st_size <= 8 * 1024**2
