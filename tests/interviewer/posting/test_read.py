"""Reading a posting: text, Markdown, HTML, PDF and the clipboard; clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.posting import PostingError, read_posting_file, read_posting_text
from tests.interviewer.posting.pdf_pages import write_pdf
from tests.interviewer.posting.postings import HERE, TEST_HALF


def test_markdown_posting_parts() -> None:
    posting = read_posting_file(HERE / "ar_specialist_manufacturer.md")
    assert posting.title == "Accounts Receivable Specialist"
    assert posting.company == "Halvorsen Pump & Valve"
    assert len(posting.duties) == 8 and len(posting.requirements) == 6
    assert posting.duties[1].text == ("Reconcile daily lockbox deposits to the bank statement "
                                      "and clear unapplied cash")
    assert {"NetSuite", "lockbox", "ACH", "Excel", "VLOOKUP", "DSO"} <= set(posting.tools)
    assert {"550 accounts", "$48 million", "1,100 commercial customers"} <= set(posting.figures)
    assert not any("pension" in i.text for i in posting.items)  # benefits are not duties


def test_html_posting_skips_scripts_styles_and_navigation() -> None:
    posting = read_posting_file(HERE / "collections_utility.html")
    assert posting.name == "Collections Representative at Tri-County Power & Light"
    assert len(posting.duties) == 7 and len(posting.requirements) == 5
    assert "SAP" in posting.tools and "LIHEAP" in posting.tools
    assert "90%" in posting.figures
    text = posting.text
    assert "dataLayer" not in text and "font-family" not in text and "Jobs" not in text


def test_text_posting_with_a_title_field() -> None:
    posting = read_posting_file(HERE / "billing_coordinator_healthcare.txt")
    assert posting.title == "Patient Billing Coordinator"
    assert posting.company == "Riverbend Family Health Clinics"
    assert len(posting.duties) == 7 and len(posting.requirements) == 5
    assert {"Epic", "CPT", "ICD-10", "HIPAA", "EOBs"} <= set(posting.tools)
    assert not any("Salary" in i.text for i in posting.items)


def test_pdf_reads_like_the_text_it_was_made_from(tmp_path: Path) -> None:
    source = HERE / "ar_specialist_manufacturer.md"
    pdf = write_pdf(source.read_text(encoding="utf-8").splitlines(), tmp_path / "job.pdf")
    from_pdf, from_text = read_posting_file(pdf), read_posting_file(source)
    assert [i.text for i in from_pdf.items] == [i.text for i in from_text.items]
    assert from_pdf.tools == from_text.tools and from_pdf.name == from_text.name


def test_pasted_text_and_pasted_html_read_the_same(tmp_path: Path) -> None:
    html = (HERE / "collections_utility.html").read_text(encoding="utf-8")
    assert read_posting_text(html).items == read_posting_file(
        HERE / "collections_utility.html").items
    text = (HERE / "billing_coordinator_healthcare.txt").read_text(encoding="utf-8")
    assert read_posting_text(text).source == "clipboard"


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty.txt is empty"),
    ("blank.md", b"   \n\n\t\n", "blank.md is empty"),
    ("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
     "logo.png is a binary file"),
    ("job.docx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "job.docx is a binary file"),
    ("stelle.txt", ("# Buchhalterin Debitoren\n\nIhre Aufgaben:\n- Sie buchen die "
                    "Zahlungseingänge und pflegen die Debitorenkonten\n- Sie führen das "
                    "Mahnwesen und klären offene Posten mit unseren Kunden\n\nIhr Profil:\n"
                    "- Eine abgeschlossene kaufmännische Ausbildung und mehrere Jahre "
                    "Berufserfahrung\n").encode(), "stelle.txt does not seem to be in English"),
    ("poste.html", ("<h1>Comptable clients</h1><ul><li>Vous suivez les encaissements et les "
                    "relances des clients</li><li>Vous préparez la clôture mensuelle avec "
                    "l'équipe</li></ul>").encode(), "poste.html does not seem to be in English"),
    ("notes.txt", b"Some thoughts on the weather today.\nIt was sunny and then it rained.\n",
     "found no duties or requirements"),
])
def test_unusable_postings_get_a_clear_message(tmp_path: Path, name: str, data: bytes,
                                                message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(PostingError) as caught:
        read_posting_file(path)
    assert message in caught.value.message
    assert caught.value.hint


def test_scanned_broken_and_missing_pdfs(tmp_path: Path) -> None:
    blank = write_pdf([], tmp_path / "scan.pdf")
    with pytest.raises(PostingError, match="no text to read: it looks like a scanned image"):
        read_posting_file(blank)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    with pytest.raises(PostingError, match="broken.pdf is not a PDF that can be read"):
        read_posting_file(broken)
    with pytest.raises(PostingError, match="no such file"):
        read_posting_file(tmp_path / "gone.pdf")
    with pytest.raises(PostingError, match="is a folder"):
        read_posting_file(tmp_path)


def test_every_test_posting_is_english_enough() -> None:
    from interviewer.posting.language import MIN_ENGLISH, english_share

    for path in TEST_HALF:
        assert english_share(read_posting_file(path).text) > MIN_ENGLISH + 0.3
