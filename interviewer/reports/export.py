"""Write a report to a file, the format chosen by its suffix.

HTML and Markdown are made here; PDF goes through Qt's own PDF writer in
`interviewer.ui.report_pdf`, reached by name at run time so the core never imports Qt.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from pathlib import Path

from interviewer.errors import InterviewerError
from interviewer.file_modes import current_umask
from interviewer.reports.html import render_html
from interviewer.reports.markdown import render_markdown
from interviewer.reports.model import SessionReport

FORMATS = (".html", ".htm", ".md", ".pdf")


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename: an old report is never left half-overwritten."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp's 0600 would hide it from others
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _pdf_bytes(html: str, title: str) -> bytes:
    try:
        module = importlib.import_module("interviewer.ui.report_pdf")
    except ImportError as exc:
        raise InterviewerError(f"PDF reports need the desktop part of interviewer: {exc}",
                               "write --out report.html or report.md instead") from exc
    pdf: bytes = module.html_to_pdf(html, title)  # imported by name: mypy cannot see it
    return pdf


def write_report(report: SessionReport, path: Path) -> Path:
    """Render `report` as HTML, Markdown or PDF according to `path`'s suffix."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InterviewerError(f"{path}: unknown report format '{suffix or path.name}'",
                               "end the file name with .html, .md or .pdf")
    if not path.parent.is_dir():
        raise InterviewerError(f"{path}: the folder {path.parent} does not exist",
                               "create it first or choose another --out path")
    if suffix == ".md":
        data = render_markdown(report).encode("utf-8")
    elif suffix == ".pdf":
        data = _pdf_bytes(render_html(report), report.title)
    else:
        data = render_html(report).encode("utf-8")
    try:
        _write_atomically(path, data)
    except OSError as exc:
        raise InterviewerError(f"{path}: cannot write the report ({exc.strerror})",
                               "choose a folder you can write to") from exc
    return path
