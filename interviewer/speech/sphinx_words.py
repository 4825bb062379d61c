"""Pronunciations (CMU ARPAbet) for words the banks need that Sphinx's dictionary lacks.

Without them a correct spoken answer can never match a key point such as "unapplied
cash" or "NetSuite". Written for this project from the CMU phone set; acronyms get the
letter-by-letter reading people use, and a word reading where one is common too.
"""

from __future__ import annotations

BANK_WORDS: dict[str, tuple[str, ...]] = {
    "ach": ("EY S IY EY CH",),
    "actuals": ("AE K CH UW AH L Z",),
    "asana": ("AH S AA N AH",),
    "autopay": ("AO T OW P EY",),
    "badmouthing": ("B AE D M AW DH IH NG",),
    "cei": ("S IY IY AY",),
    "cheques": ("CH EH K S",),
    "crm": ("S IY AA R EH M",),
    "debits": ("D EH B IH T S",),
    "dso": ("D IY EH S OW",),
    "erp": ("IY AA R P IY", "ER P"),
    "escalations": ("EH S K AH L EY SH AH N Z",),
    "gdpr": ("JH IY D IY P IY AA R",),
    "handoff": ("HH AE N D AO F",),
    "hipaa": ("HH IH P AH",),
    "hubspot": ("HH AH B S P AA T",),
    "inbox": ("IH N B AA K S",),
    "instalment": ("IH N S T AO L M AH N T",),
    "instalments": ("IH N S T AO L M AH N T S",),
    "lockbox": ("L AA K B AA K S",),
    "nda": ("EH N D IY EY",),
    "macros": ("M AE K R OW Z",),
    "netsuite": ("N EH T S W IY T",),
    "nondisclosure": ("N AA N D IH S K L OW ZH ER",),
    "onboarding": ("AA N B AO R D IH NG",),
    "organise": ("AO R G AH N AY Z",),
    "overpromise": ("OW V ER P R AA M AH S",),
    "overpromising": ("OW V ER P R AA M AH S IH NG",),
    "practise": ("P R AE K T IH S",),
    "quickbooks": ("K W IH K B UH K S",),
    "resend": ("R IY S EH N D",),
    "rma": ("AA R EH M EY",),
    "salesforce": ("S EY L Z F AO R S",),
    "subledger": ("S AH B L EH JH ER",),
    "takeaway": ("T EY K AH W EY",),
    "trello": ("T R EH L OW",),
    "typos": ("T AY P OW Z",),
    "unapplied": ("AH N AH P L AY D",),
    "vlookup": ("V IY L UH K AH P",),
    "xero": ("Z IH R OW",),
}


def add_bank_words(decoder) -> None:
    """Teach a decoder the words above (as unigrams of its language model too)."""
    entries = [(word if i == 0 else f"{word}({i + 1})", phones)
               for word, readings in BANK_WORDS.items() for i, phones in enumerate(readings)]
    entries = [(name, phones) for name, phones in entries if decoder.lookup_word(name) is None]
    for n, (name, phones) in enumerate(entries, 1):
        decoder.add_word(name, phones, n == len(entries))  # one update, after the last
