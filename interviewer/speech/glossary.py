"""Words of the accounts-receivable trade that Whisper should write as the trade does.

The banks' key points name the terms of one question; this glossary names the trade's
own, so "dunning" or "remittance" are known even where no key point says them. ALIASES
are what tiny.en was heard to write instead (a run of words with these letters, spaces
and case aside, is the term).
"""

from __future__ import annotations

GLOSSARY: tuple[str, ...] = (
    "ACH", "EDI", "ERP", "DSO", "CEI", "SAP", "NetSuite", "QuickBooks", "Oracle",
    "lockbox", "remittance", "remittance advice", "unapplied cash", "cash application",
    "dunning", "dunning letters", "credit memo", "debit memo", "aging report", "bad debt",
    "write-off", "subledger", "general ledger", "bill of lading", "escheatment",
    "reconciliation", "accrual", "accounts receivable", "collection agency", "credit hold",
    "proof of delivery", "short payment", "chargeback", "deduction",
)

ALIASES: dict[str, tuple[str, ...]] = {
    "ACH": ("ach", "AZH", "HCH", "a cha", "a chair", "a CEI-H"),
    "NetSuite": ("net sweet", "nets suite", "net suites", "nest suite", "net suit"),
    "QuickBooks": ("quick books", "quickbook"),
    "lockbox": ("lock box", "lockbocks"),
    "dunning": ("dunnings",),
    "subledger": ("sub ledger",),
    "escheatment": ("escheat meant", "eschewment"),
}


def glossary_words() -> set[str]:
    """Single words of the glossary in lower case, to tell trade terms from English."""
    return {w.lower() for term in GLOSSARY for w in term.replace("-", " ").split()
            if w.lower() not in {"of", "letters", "report", "cash", "advice", "memo",
                                 "debt", "general", "accounts", "agency", "hold",
                                 "delivery", "payment", "bill", "credit", "debit"}}
