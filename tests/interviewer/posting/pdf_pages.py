"""Write a simple text PDF with pypdf alone: Helvetica lines on letter-size pages.

For the tests and the benchmark, so no PDF library is needed only to make a posting.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
)

LINES_PER_PAGE = 48


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(lines: list[str], target: Path) -> Path:
    """Every line on its own row, LINES_PER_PAGE rows a page; an empty list makes one blank
    page (a 'scanned' PDF with no text)."""
    writer = PdfWriter()
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
    font_ref = writer._add_object(font)
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    for rows in pages:
        page = writer.add_blank_page(612, 792)
        body = ["BT", "/F1 10 Tf", "14 TL", "50 750 Td"]
        body += [f"({_escape(row)}) Tj T*" for row in rows]
        body.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(body).encode("cp1252", errors="replace"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})})
        page[NameObject("/ProcSet")] = ArrayObject([NameObject("/PDF"), NameObject("/Text")])
    with target.open("wb") as out:
        writer.write(out)
    return target
