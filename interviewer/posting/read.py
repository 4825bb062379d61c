"""A posting from a file or the clipboard: text, Markdown, HTML or PDF, refused clearly
when it is empty, binary, too big or not in English."""

from __future__ import annotations

from pathlib import Path

from interviewer.posting.html_text import html_to_text, looks_like_html
from interviewer.posting.language import check_english
from interviewer.posting.model import Posting, PostingError
from interviewer.posting.parse import parse_posting
from interviewer.posting.pdf_text import pdf_to_text

MAX_BYTES = 20 * 1024 * 1024  # a posting is a few pages; a bigger file is something else
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def read_posting_file(path: Path) -> Posting:
    """Read and parse a posting file; every way it can fail is a PostingError naming it."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PostingError(f"{name} is {size // (1024 * 1024)} MB, too big for a job posting",
                               "save only the posting's page, or copy its text and paste it")
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise PostingError(f"{path} is a folder, not a posting file",
                           "choose the posting's .txt, .md, .html or .pdf file") from exc
    except FileNotFoundError as exc:
        raise PostingError(f"{path}: no such file", "check the file name and folder") from exc
    except OSError as exc:
        raise PostingError(f"{path}: cannot read it ({exc.strerror or exc})",
                           "check the file's permissions") from exc
    if data.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        text = pdf_to_text(data, name)
    else:
        text = decode_text(data, name)
        if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
            text = html_to_text(text)
    return _parsed(text, name)


def read_posting_text(text: str, source: str = "clipboard") -> Posting:
    """A posting pasted as text (or as HTML, which the clipboard often carries)."""
    if looks_like_html(text):
        text = html_to_text(text)
    return _parsed(text, source)


def _parsed(text: str, source: str) -> Posting:
    if not text.strip():
        raise PostingError(f"{source} is empty: there is no posting text in it",
                           "copy the whole posting from the job board and try again")
    check_english(text, source)
    return parse_posting(text, source)


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without a BOM), else Windows-1252; NUL bytes or many control
    characters mean a binary file (an image, a Word document), not text."""
    if b"\x00" in data[:65536]:
        raise PostingError(f"{name} is a binary file, not a posting in text, HTML or PDF",
                           "save the posting as text or PDF, or copy its text and paste it")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if sample and (controls + sample.count("\ufffd")) / len(sample) > 0.02:
        raise PostingError(f"{name} is a binary file, not a posting in text, HTML or PDF",
                           "save the posting as text or PDF, or copy its text and paste it")
    return text
