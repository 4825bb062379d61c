"""PDF text through pypdf (pure Python, offline): each page's text, in reading order."""

from __future__ import annotations

import io

from interviewer.posting.model import PostingError


def pdf_to_text(data: bytes, name: str) -> str:
    """All pages' text; a PDF that is damaged, locked or only scanned images says so."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PostingError(f"{name} is a password-protected PDF",
                               "open it, copy the text and paste it instead")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PostingError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise PostingError(f"{name} is not a PDF that can be read ({exc})",
                           "save the posting again as PDF, or copy its text and paste it") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise PostingError(f"{name} has no text to read: it looks like a scanned image",
                           "copy the posting's text from the job board and paste it instead")
    return text
