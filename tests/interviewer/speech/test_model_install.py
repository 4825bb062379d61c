"""Installing models from a local zip and from a loopback HTTP server, good and bad."""

from __future__ import annotations

import hashlib
import io
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from interviewer import paths
from interviewer.cli.main import main
from interviewer.speech import ModelError, catalog
from interviewer.speech.install import install_model
from interviewer.speech.models import active_installed_name, choose_model, installed_models

MODEL_FILES = {
    "am/final.mdl": b"acoustic model bytes",
    "conf/model.conf": b"--sample-frequency=16000\n",
    "conf/mfcc.conf": b"--use-energy=false\n",
    "graph/HCLr.fst": b"graph",
    "graph/Gr.fst": b"grammar",
    "README": b"a tiny stand-in with the layout of a Vosk model",
}


def model_zip(top: str = "vosk-model-small-en-us-test", extra: dict[str, bytes] | None = None,
              files: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (files if files is not None else MODEL_FILES).items():
            archive.writestr(f"{top}/{name}" if top else name, data)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def nothing_left_over() -> bool:
    return not list(paths.models_dir().glob(".install-*"))


class Server:
    """Serves bytes at paths; `lie_about_length` announces more bytes than it sends."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.lie_about_length: set[str] = set()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                data = outer.files.get(self.path)
                if data is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                length = len(data) * 2 if self.path in outer.lie_about_length else len(data)
                self.send_header("Content-Length", str(length))
                self.end_headers()
                self.wfile.write(data)
                self.close_connection = True

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


def test_install_from_local_zip_makes_it_active(tmp_path: Path) -> None:
    model = install_model(str(write(tmp_path / "m.zip", model_zip())))
    assert model.name == "vosk-model-small-en-us-test"
    assert model.path == paths.models_dir() / model.name
    assert (model.path / "am" / "final.mdl").read_bytes() == MODEL_FILES["am/final.mdl"]
    assert active_installed_name() == model.name
    assert choose_model(english_only=True).path == model.path
    assert nothing_left_over()


def test_zip_with_the_model_at_its_top_is_named_after_the_file(tmp_path: Path) -> None:
    model = install_model(str(write(tmp_path / "my-model.zip", model_zip(top=""))))
    assert model.name == "my-model"


def test_install_from_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "vosk-model-en-us-folder"
    for name, data in MODEL_FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    model = install_model(str(folder))
    assert model.name == folder.name and (model.path / "graph" / "Gr.fst").is_file()
    assert folder.is_dir(), "the source folder is copied, not moved"


@pytest.mark.parametrize(("entry", "reason"), [
    ("../escaped.txt", "'..' path"),
    ("vosk-model-x/../../escaped.txt", "'..' path"),
    ("/tmp/escaped-absolute.txt", "absolute path"),
])
def test_unsafe_archive_installs_nothing(tmp_path: Path, entry: str, reason: str) -> None:
    archive = write(tmp_path / "evil.zip", model_zip(extra={entry: b"gotcha"}))
    with pytest.raises(ModelError, match=reason):
        install_model(str(archive))
    assert installed_models() == []
    assert nothing_left_over()
    assert not (paths.models_dir().parent / "escaped.txt").exists()
    assert not Path("/tmp/escaped-absolute.txt").exists()


def test_not_a_zip_and_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a valid zip archive"):
        install_model(str(write(tmp_path / "junk.zip", b"PK\x03\x04 but not really")))
    no_model = model_zip(files={"notes/readme.txt": b"hello"})
    with pytest.raises(ModelError, match="holds no Vosk model"):
        install_model(str(write(tmp_path / "other.zip", no_model)))
    with pytest.raises(ModelError, match="no such file, folder or known model"):
        install_model(str(tmp_path / "missing.zip"))
    assert installed_models() == [] and nothing_left_over()


def test_download_with_checksum(server: Server) -> None:
    data = model_zip()
    server.files["/m.zip"] = data
    seen: list[tuple[str, int, int | None]] = []
    model = install_model(f"{server.url}/m.zip", sha256=hashlib.sha256(data).hexdigest(),
                          progress=lambda *step: seen.append(step))
    assert model.name == "vosk-model-small-en-us-test"
    downloads = [s for s in seen if s[0] == "download"]
    assert downloads[-1] == ("download", len(data), len(data))
    assert any(s[0] == "unpack" for s in seen)


def test_checksum_mismatch_keeps_the_previous_model(tmp_path: Path, server: Server) -> None:
    before = install_model(str(write(tmp_path / "m.zip", model_zip("vosk-model-en-us-old"))))
    server.files["/new.zip"] = model_zip("vosk-model-en-us-new")
    with pytest.raises(ModelError, match="checksum mismatch"):
        install_model(f"{server.url}/new.zip", sha256="0" * 64)
    assert [m.name for m in installed_models()] == [before.name]
    assert active_installed_name() == before.name
    assert nothing_left_over()


def test_truncated_download_installs_nothing(server: Server) -> None:
    server.files["/short.zip"] = model_zip()
    server.lie_about_length.add("/short.zip")
    with pytest.raises(ModelError, match="cut short"):
        install_model(f"{server.url}/short.zip")
    assert installed_models() == [] and nothing_left_over()


def test_http_error_is_one_clear_line(server: Server) -> None:
    with pytest.raises(ModelError, match="download failed") as caught:
        install_model(f"{server.url}/absent.zip")
    assert "\n" not in caught.value.message


def test_known_name_is_pinned_by_size_and_digest(server: Server,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    data = model_zip("vosk-model-small-en-us-0.15")
    server.files["/vosk-model-small-en-us-0.15.zip"] = data
    monkeypatch.setattr(catalog, "BASE_URL", f"{server.url}/")
    good = catalog.KnownModel("small-en-us", "vosk-model-small-en-us-0.15", len(data),
                              hashlib.sha256(data).hexdigest(), "test")
    monkeypatch.setitem(catalog.KNOWN_MODELS, "small-en-us", good)
    assert install_model("small-en-us").name == "vosk-model-small-en-us-0.15"
    wrong_size = catalog.KnownModel("small-en-us", good.folder, len(data) + 1, good.sha256, "t")
    monkeypatch.setitem(catalog.KNOWN_MODELS, "small-en-us", wrong_size)
    with pytest.raises(ModelError, match="expected"):
        install_model("small-en-us")


def test_interrupted_download_leaves_the_previous_model(tmp_path: Path, server: Server) -> None:
    before = install_model(str(write(tmp_path / "m.zip", model_zip("vosk-model-en-us-old"))))
    server.files["/big.zip"] = model_zip("vosk-model-en-us-new")

    def interrupt(stage: str, done: int, total: int | None) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        install_model(f"{server.url}/big.zip", progress=interrupt)
    assert [m.name for m in installed_models()] == [before.name]
    assert active_installed_name() == before.name and nothing_left_over()


def test_reinstall_replaces_the_model(tmp_path: Path) -> None:
    install_model(str(write(tmp_path / "a.zip", model_zip())))
    changed = model_zip(files={**MODEL_FILES, "am/final.mdl": b"retrained"})
    model = install_model(str(write(tmp_path / "b.zip", changed)))
    assert (model.path / "am" / "final.mdl").read_bytes() == b"retrained"
    assert len(installed_models()) == 1 and nothing_left_over()


def test_cli_bad_archive_is_one_line_and_exit_1(tmp_path: Path, capsys) -> None:
    archive = write(tmp_path / "evil.zip", model_zip(extra={"../x": b"x"}))
    assert main(["model", "install", str(archive)]) == 1
    err = capsys.readouterr().err
    assert "interviewer: error:" in err and "'..' path" in err
    assert "Traceback" not in err


def test_cli_install_list_and_use(tmp_path: Path, capsys) -> None:
    for name in ("a", "b"):
        archive = write(tmp_path / f"{name}.zip", model_zip(f"vosk-model-{name}"))
        assert main(["model", "install", str(archive)]) == 0
    assert main(["model", "use", "vosk-model-a"]) == 0
    capsys.readouterr()
    assert main(["model", "list"]) == 0
    out = capsys.readouterr().out
    active = [line for line in out.splitlines() if line.startswith("*") and " vosk " in line]
    assert len(active) == 1 and "vosk-model-a" in active[0] and "live text" in active[0]
    assert main(["model", "use", "nope"]) == 1


def test_offline_download_says_so_in_words() -> None:
    """No network (the name cannot be looked up): a sentence, not '[Errno -2] ...'."""
    from interviewer.speech.install import install_model

    with pytest.raises(ModelError) as caught:
        install_model("http://models.example.invalid/vosk-model-small-en-us-0.15.zip")
    assert "no network connection" in caught.value.message
    assert "Errno" not in caught.value.message
    assert "Install from a file" in caught.value.hint
