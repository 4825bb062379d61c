"""The Help page's words: how an answer is scored, what the figures mean, how review
works, where your files are and how to add a voice or a speech model without a network.

Written for a candidate, not a developer; the folders are this machine's own, and the
review rules come from interviewer.history.review so Help never disagrees with it.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from interviewer import paths
from interviewer.history.review import rules_in_words

SECTIONS: tuple[tuple[str, str], ...] = (
    ("A round in four steps",
     "Pick a role and a mode on the start screen and press Enter. The interviewer reads "
     "the question; press Space, answer out loud as you would in the room, and press Space "
     "again (a stretch of silence or the time limit stops it too). You then see what you "
     "covered, and can retry, correct a misheard word, or go on. No microphone? Type the "
     "answer (T) or load a recording (Ctrl+O)."),
    ("How an answer is scored",
     "Each question has a few key points: the things an interviewer listens for in any "
     "good answer, each with the phrases people use to say it. Your answer covers a key "
     "point when it says one of those phrases in your own words: \u201cpaid\u201d counts "
     "for \u201cpay\u201d, \u201cfifty two\u201d for 52, \u201cDSO\u201d for \u201cdays "
     "sales outstanding\u201d, \u201cphoned\u201d for \u201ccalled\u201d. A single "
     "everyday word is never enough on its own, and nothing counts until the answer is "
     "about the question's topic. Some key points also ask for a result or a figure. "
     "Nothing is sent anywhere: your words are recognised and scored on this computer."),
    ("What each figure means",
     "<b>Coverage</b> (the ring): the share of the key points your answer covered. Green "
     "from 75%, amber from 45%, red below. <b>Key points</b>: ticked with the words that "
     "hit them, or listed as missed; the missed ones are amber in the sample answer (S). "
     "<b>Pace</b>: words a minute from your first word to your last; the shaded band, "
     "100 to 165, is easy to follow. <b>Fillers</b>: \u201cum\u201d, \u201cuh\u201d, "
     "\u201clike\u201d, \u201cyou know\u201d and the like. <b>Long pauses</b>: gaps of "
     "more than two seconds between words. <b>Hesitations</b>: stretches of sound with no "
     "recognised word, often an \u201cum\u201d the recognizer left out. <b>STAR</b>: "
     "whether you gave the Situation, the Task, your Action and the Result. On the "
     "summary, the ring is the average coverage of the round."),
    ("How review works",
     rules_in_words() + " The start screen names the questions due now and says when the "
     "next ones come due; \u201cPractise your weakest now\u201d starts a round of them."),
    ("Where your recordings and history are",
     "Recordings of your answers (WAV files, named for their question): {recordings}. "
     "The history of every attempt, in one SQLite file: {history}. Banks you imported or "
     "wrote: {banks}. Speech models you installed: {models}. Settings: {settings}. "
     "Spoken questions are cached in {cache} and can be deleted at any time. If the app "
     "stopped before an answer was scored, the next start offers it back "
     "(Recover\u2026 on the start screen)."),
    ("Add a voice or a speech model without a network",
     "A voice: copy a Piper voice (a NAME.onnx file with its NAME.onnx.json next to it) "
     "onto this computer and run <tt>interviewer voices install NAME.onnx</tt> in a "
     "terminal; it then appears under Voice in Settings. A speech model: bring the .zip "
     "of a Vosk or Whisper model, then choose Settings \u203a Install from a file\u2026, "
     "or run <tt>interviewer model install model.zip</tt> (a model folder works too). "
     "Each install is checked before it is used, and a failed one leaves the previous "
     "model in place."),
)


def help_html() -> str:
    """The sections as one page, with this machine's folders filled in."""
    folders = {
        "recordings": paths.recordings_dir(), "history": paths.history_db(),
        "banks": paths.user_banks_dir(), "models": paths.models_dir(),
        "settings": paths.settings_file(), "cache": paths.cache_dir(),
    }
    shown = {k: f"<tt>{html.escape(str(v))}</tt>" for k, v in folders.items()}
    return "".join(f"<h3>{html.escape(title)}</h3><p>{text.format(**shown)}</p>"
                   for title, text in SECTIONS)


def help_page(parent: QWidget | None = None) -> QTextBrowser:
    """The sections in a read-only page that wraps to any width and scrolls down."""
    page = QTextBrowser(parent)
    page.setAccessibleName("How interviewer works")
    page.setOpenLinks(False)
    page.setHtml(help_html())
    return page
