"""Pronunciations (CMU ARPAbet) for words the banks need that Sphinx's dictionary lacks.

Without them a correct spoken answer can never match a key point such as "unapplied
cash" or "NetSuite". Written for this project from the CMU phone set; acronyms get the
letter-by-letter reading people use, and a word reading where one is common too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pocketsphinx import Decoder  # no type hints: mypy does not check its use

BANK_WORDS: dict[str, tuple[str, ...]] = {
    "ach": ("EY S IY EY CH",),
    "actuals": ("AE K CH UW AH L Z",),
    "acumatica": ("AE K Y UW M AE T IH K AH",),
    "asana": ("AH S AA N AH",),
    "authorised": ("AO TH ER AY Z D",),
    "autopay": ("AO T OW P EY",),
    "bacs": ("B AE K S",),
    "badmouthing": ("B AE D M AW DH IH NG",),
    "billtrust": ("B IH L T R AH S T",),
    "cei": ("S IY IY AY",),
    "cheques": ("CH EH K S",),
    "crm": ("S IY AA R EH M",),
    "debits": ("D EH B IH T S",),
    "dso": ("D IY EH S OW",),
    "eft": ("IY EH F T IY", "EH F T"),
    "epicor": ("EH P IH K AO R",),
    "erp": ("IY AA R P IY", "ER P"),
    "escalations": ("EH S K AH L EY SH AH N Z",),
    "freshbooks": ("F R EH SH B UH K S",),
    "gdpr": ("JH IY D IY P IY AA R",),
    "handoff": ("HH AE N D AO F",),
    "highradius": ("HH AY R EY D IY AH S",),
    "hipaa": ("HH IH P AH",),
    "hubspot": ("HH AH B S P AA T",),
    "inbox": ("IH N B AA K S",),
    "infor": ("IH N F AO R",),
    "instalment": ("IH N S T AO L M AH N T",),
    "instalments": ("IH N S T AO L M AH N T S",),
    "intacct": ("IH N T AE K T",),
    "jd": ("JH EY D IY",),
    "kpi": ("K EY P IY AY",),
    "lockbox": ("L AA K B AA K S",),
    "macros": ("M AE K R OW Z",),
    "myob": ("EH M W AY OW B IY", "M AY OW B"),
    "navision": ("N AE V IH ZH AH N",),
    "nda": ("EH N D IY EY",),
    "netsuite": ("N EH T S W IY T",),
    "nondisclosure": ("N AA N D IH S K L OW ZH ER",),
    "onboarded": ("AA N B AO R D IH D",),
    "onboarding": ("AA N B AO R D IH NG",),
    "organise": ("AO R G AH N AY Z",),
    "overpromise": ("OW V ER P R AA M AH S",),
    "overpromising": ("OW V ER P R AA M AH S IH NG",),
    "paypal": ("P EY P AE L",),
    "peoplesoft": ("P IY P AH L S AO F T",),
    "pipedrive": ("P AY P D R AY V",),
    "practise": ("P R AE K T IH S",),
    "preauthorized": ("P R IY AO TH ER AY Z D",),
    "quickbooks": ("K W IH K B UH K S",),
    "rebill": ("R IY B IH L",),
    "resend": ("R IY S EH N D",),
    "rma": ("AA R EH M EY",),
    "salesforce": ("S EY L Z F AO R S",),
    "sepa": ("S IY P AH",),
    "subledger": ("S AH B L EH JH ER",),
    "sumif": ("S AH M IH F",),
    "syspro": ("S IH S P R OW",),
    "takeaway": ("T EY K AH W EY",),
    "trello": ("T R EH L OW",),
    "typos": ("T AY P OW Z",),
    "unapplied": ("AH N AH P L AY D",),
    "versapay": ("V ER S AH P EY",),
    "vlookup": ("V IY L UH K AH P",),
    "whiteboard": ("W AY T B AO R D",),
    "xero": ("Z IH R OW",),
    "xlookup": ("EH K S L UH K AH P",),
    "zendesk": ("Z EH N D EH S K",),
    "zoho": ("Z OW HH OW",),
}


def add_bank_words(decoder: Decoder) -> None:
    """Teach a decoder the words above (as unigrams of its language model too)."""
    entries = [(word if i == 0 else f"{word}({i + 1})", phones)
               for word, readings in BANK_WORDS.items() for i, phones in enumerate(readings)]
    entries = [(name, phones) for name, phones in entries if decoder.lookup_word(name) is None]
    for n, (name, phones) in enumerate(entries, 1):
        decoder.add_word(name, phones, n == len(entries))  # one update, after the last
