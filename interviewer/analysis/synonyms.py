"""Words people use for the same thing, kept in one reviewed table.

Each group lists ways of saying one idea, its name first. A one-word member matches every
other one-word member in answers and phrases alike (they share one match key); a phrase
that uses a member is also tried with each multi-word member in its place. Inflections
are not listed: "phoned" and "rang" reach "phone" and "ring" through the lemmatizer.

Groups stay narrow on purpose: a word that often means something else in an answer about
receivables ("document" as paperwork, "contact" as a person) is left out.
"""

from __future__ import annotations

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("call", "phone", "ring", "telephone", "dial", "reach out", "get in touch",
     "get on the phone", "pick up the phone"),
    ("email", "e mail", "emailed"),
    ("manager", "boss", "supervisor", "team lead", "team leader", "line manager"),
    ("pay", "settle", "remit", "clear"),
    ("copy", "duplicate", "reprint"),
    ("overdue", "past due", "delinquent", "behind on"),
    ("customer", "client"),
    ("invoice", "bill"),
    ("problem", "issue"),
    ("check", "verify", "confirm", "double check"),
    ("note", "record", "log", "write down", "jot down"),
    ("escalate", "hand over", "hand off", "hand it", "pass it", "refer", "loop in", "bring in"),
    ("apply", "allocate", "post"),
    ("reduce", "lower", "decrease", "drop", "fall", "shrink", "bring down", "come down",
     "go down", "cut down"),
    ("increase", "raise", "grow", "rise", "climb", "go up"),
    ("fix", "correct", "resolve", "sort out", "straighten out"),
    ("listen", "hear out"),
    ("installment plan", "payment plan", "installments", "payment arrangement",
     "split payments", "spread the payments", "pay in installments"),
    ("colleague", "coworker", "co worker", "teammate"),
    ("explain", "walk through", "go over", "go through"),
    ("agree", "commit"),
    ("mistake", "error"),
    ("learn", "lesson", "takeaway", "taught me"),
)
