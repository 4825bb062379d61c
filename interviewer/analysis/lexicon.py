"""Word lists the analysis relies on, kept in one place so they are easy to review and extend."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word set written as one string, easier to read and extend than a list literal."""
    return frozenset(text.split())


# Words that never count as a key-point hit on their own and are never matched fuzzily.
STOP_WORDS = words("""
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves im ive id were dont
didnt doesnt isnt wasnt cant wont get got also really well much many every
""")

# Contractions, folded (no apostrophe), as the words they stand for: recognizers and people
# write "doesn't", phrases say "does not". These are safe to read without the apostrophe.
CONTRACTIONS: dict[str, str] = {
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not",
    "arent": "are not", "wasnt": "was not", "werent": "were not", "hasnt": "has not",
    "havent": "have not", "hadnt": "had not", "cant": "can not", "cannot": "can not",
    "couldnt": "could not", "wouldnt": "would not", "shouldnt": "should not",
    "wont": "will not", "im": "i am", "ive": "i have", "youre": "you are",
    "youve": "you have", "weve": "we have", "theyre": "they are", "theyve": "they have",
    "youll": "you will", "theyll": "they will", "itll": "it will", "gonna": "going to",
    "wanna": "want to", "gotta": "got to",
}
# Only with the apostrophe written: without it these are other words ("were", "ill").
CONTRACTIONS_WITH_APOSTROPHE: dict[str, str] = {
    "id": "i would", "ill": "i will", "were": "we are", "wed": "we would", "well": "we will",
    "hed": "he would", "shed": "she would", "shell": "she will", "youd": "you would",
    "theyd": "they would",
}
# Terms of the trade Snowball would fold into an everyday word ("aging" -> "age").
STEMS: dict[str, str] = {"aging": "aging", "aged": "aging"}

# Words the lemmatizer would turn into another word ("better" -> "good", "us" -> "we").
KEEP_FORM = words("better best worse worst us data media means left lead led")

# Words a key phrase may leave out or the candidate may add without changing the idea.
OPTIONAL_WORDS = words("a an the my our your their his her its this that these those would will")

# Acronyms candidates say either way; each side of a pair is an alias of the other.
ACRONYMS: dict[str, str] = {
    "ar": "accounts receivable",
    "ap": "accounts payable",
    "dso": "days sales outstanding",
    "dpo": "days payable outstanding",
    "cei": "collection effectiveness index",
    "po": "purchase order",
    "pod": "proof of delivery",
    "erp": "enterprise resource planning",
    "crm": "customer relationship management",
    "ach": "automated clearing house",
    "eft": "electronic funds transfer",
    "nsf": "non sufficient funds",
    "kpi": "key performance indicator",
    "gl": "general ledger",
    "ptp": "promise to pay",
}

# British and other spellings folded onto one form before stemming.
SPELLINGS: dict[str, str] = {
    "instalment": "installment",
    "instalments": "installments",
    "cheque": "check",
    "cheques": "checks",
    "judgement": "judgment",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "labour": "labor",
    "behaviour": "behavior",
    "favour": "favor",
    "centre": "center",
    "catalogue": "catalog",
    "programme": "program",
    "ok": "okay",
    "ageing": "aging",
}

# Symbols said as words.
SYMBOL_WORDS: dict[str, str] = {"%": "percent", "$": "dollars", "€": "euros", "£": "pounds",
                                "&": "and", "+": "plus"}

# Number words text2num understands; runs of these are turned into digits.
NUMBER_WORDS = words("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion
""")

# Scale suffixes written after digits ("$4M", "250k").
SCALE_SUFFIXES = {"k": 1_000, "m": 1_000_000, "mm": 1_000_000, "bn": 1_000_000_000,
                  "b": 1_000_000_000}

# Hesitation words, and multi-word fillers, counted in delivery.
FILLER_WORDS = words("um umm uh uhh huh er erm ah hmm mm basically")  # Whisper: uh -> huh
FILLER_PHRASES = (("you", "know"), ("i", "mean"), ("sort", "of"), ("kind", "of"))

# Sound-alike words recognizers print for words of the trade, heard -> meant. The phonetic
# matcher covers most slips; these differ in their first letters, which it never bridges.
HOMOPHONES: dict[str, str] = {
    "right": "write", "rite": "write", "wright": "write", "rights": "writes",
    "sails": "sales", "sells": "sales", "cells": "sales",
    "dew": "due",
    "ledge": "ledger",
    "quay": "key", "weigh": "way", "cache": "cash",
}

# Words too common to carry a key point alone: a phrase of one of these words counts only
# inside a longer phrase ("credit risk", "notes in the system"). Compared by match key, so
# "risks", "noted" and the synonyms of a word listed here are generic too.
GENERIC_WORDS = words("""
risk note solution solve result outcome listen problem process team plan time work help
people person thing way change improve handle customer account money call email check
follow make take get go good great new use need want try keep job company business
focus important sure understand question situation task action system report data detail
information number day week month year meet talk speak ask tell send review update contact
pay payment amount order sale sales service deal run start end set give look find show
support learn lesson step point part case side level idea goal matter right first last
whole full every each always never often best better quick quickly fast early say come back
ever let put mean know hard long around bring able lot kind sort date term balance cash
receivable receivables
""")

# Words of the trade. An answer about receivables uses a few of them; with the question's
# own words they make the topical gate (an answer shows the topic before any key point
# counts). Everyday money words count half: a story about a stock portfolio or a phone
# bill uses them too.
DOMAIN_WORDS = words("""
invoice invoicing receivable receivables payable overdue delinquent dispute disputed
remittance remit aging dso ledger reconcile reconciliation writeoff deduction deductions
shortpay statement dunning vendor refund erp audit accrual debt escalate escalation
outstanding unapplied lockbox ach collect collection collections collector billing
installment installments settlement contract discount memo rebill
""")
EVERYDAY_MONEY_WORDS = words("""
customer client pay payment account balance credit owe cash money amount due
check wire deposit bank price tax order purchase finance financial promise
""")

# Words of working life: half a topic word each, so "I used to find it hard to delegate
# to colleagues" is about work, while one "manager" in a waiter's story is not enough.
WORKPLACE_WORDS = words("""
manager colleague colleagues coworker boss supervisor controller overtime deadline
deadlines appraisal office desk staff hire hires junior senior delegate portfolio
finance accounting accounts invoices clients customers
""")

# Words of private life. An answer that tells a story from home ("my son", "the landlord",
# "my mortgage") is about something else even when it uses money words: the words of its
# clause around one of these never vouch for the topic (coverage._about_home). None of
# them is in a strong answer of the dev half of tests/.../eval_trust.toml.
PRIVATE_LIFE_WORDS = words("""
son sons daughter daughters kid kids child children wife husband mom dad mum mother father
grandfather grandmother grandpa grandma brother sister cousin friend friends neighbor
neighbors neighbour neighbours apartment garden hobby weekend weekends vacation camping
fishing stamps dog cat pet landlord mortgage rent gym marathon church wedding birthday
teenage teenager boyfriend girlfriend student students
""")

# Money words that, up to three words after "my", are the speaker's own finances ("my
# phone bill", "my student loans", "my tax refund"), not the employer's: they never vouch
# for the topic.
OWN_MONEY_WORDS = words("""
bill bills debt debts loan loans refund tax taxes savings budget discount money cash
bank credit payment payments balance price deposit check finance finances salary paycheck
statement statements card cards insurance
""")

# Beyond DOMAIN_WORDS, the trade terms a phrase may be matched to fuzzily (a recognizer
# writes "cache application", "reconsile"); everyday words are matched exactly only.
TRADE_TERMS = words("""
cash application applied unapplied lockbox remittance ledger subledger reconcile
reconciled reconciliation accrual accruals receivable receivables payable payables
invoice invoices invoiced dunning deduction deductions chargeback chargebacks rebate
rebates netsuite quickbooks oracle salesforce dynamics excel vlookup pivot spreadsheet
spreadsheets bankruptcy liquidator trustee guarantee guarantor collateral creditworthiness
delinquency delinquent aging statement statements purchase credit memo
""")
