"""Questions made from a posting's line when no bank question asks about it.

A duty ("Reconcile daily lockbox deposits") becomes "The role involves reconciling daily
lockbox deposits. Tell me about a time you did that."; a requirement ("Working knowledge
of NetSuite") becomes "The posting asks for working knowledge of NetSuite. ...". Each is
scored like any behavioral answer (situation and scale, what you did, a result with a
figure, what you learned) plus the words of its own line.
"""

from __future__ import annotations

import re

from interviewer.analysis.lexicon import words
from interviewer.banks.model import KeyPoint, Question, SampleAnswer
from interviewer.banks.validate import phrase_in
from interviewer.posting.terms import content_terms

# Verbs a duty starts with; the first word of a duty is read as a verb when listed here.
DUTY_VERBS = words("""
post reconcile work research resolve issue set review prepare help keep make explain refer
process handle meet submit correct follow answer apply send match support place release
collect file forecast report recommend monitor contact clear manage maintain coordinate
investigate negotiate update verify track assist communicate respond call analyze analyse
develop ensure identify perform provide train build run lead own escalate create generate
enter record audit approve calculate compile establish implement improve plan schedule
serve take partner liaise deliver bill invoice code document oversee supervise prioritize
prioritise review reach resolve close open protect resubmit verify
""")
# Verbs that are nouns as often ("the monthly report and ..."): never changed after "and".
NOUN_TOO = frozenset({"report", "record", "bill", "invoice", "code", "document", "plan",
                      "schedule", "support", "work", "lead", "file", "post", "set", "run",
                      "place", "open", "close", "call", "issue", "process", "contact", "match"})
_JOINED = re.compile(r"(,\s+and\s+|,\s+|\s+and\s+|\s+or\s+)([a-z]+)\b")
DOUBLED = frozenset({"set", "run", "plan", "get", "put", "stop", "ship", "map", "log",
                     "submit", "resubmit", "refer", "commit", "begin", "forget", "control",
                     "transfer"})
ASKS_FOR = re.compile(r"^(?:working |solid |strong |good |advanced |basic )?"
                      r"(?:knowledge|experience|proficiency|familiarity|understanding|skills?)"
                      r"\s+(?:of|with|in|using)\s+", re.IGNORECASE)
BEHAVIORAL_END = "Tell me about a time you did that."
SITUATIONAL_END = "How would you go about it in your first weeks here?"

GENERIC_POINTS = (
    KeyPoint("Situation and scale", (
        "# accounts", "# customers", "# invoices", "# claims", "# calls", "# a day", "# a week",
        "# a month", "portfolio of", "a team of", "in my last job", "at my last", "in my current",
        "when i worked", "# clients", "# payments"),
        ("How big was it: how many accounts, how much money, how often?",)),
    KeyPoint("What you did yourself", (
        "i set up", "i started", "i checked", "i made sure", "i called", "i built", "i reviewed",
        "i was responsible", "my job was", "i handled", "i used", "i took", "i would start",
        "first i would", "i would check", "i would ask", "i would call", "i would look"),
        ("What did you do yourself, step by step?",)),
    KeyPoint("A result with a figure", ("@result", "went down", "went up", "brought down",
                                        "cut the", "dropped by", "within # days"),
             ("How did it turn out? Can you put a number on it?",)),
    KeyPoint("What you learned", ("i learned", "since then", "from then on", "taught me",
                                  "next time", "now i always", "what i learned"),
             ("What did you learn from it, or do differently now?",)),
)


def gerund(verb: str) -> str:
    """'reconcile' -> 'reconciling', 'set' -> 'setting', 'Reconciles' -> 'reconciling'."""
    word = verb.lower()
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("es") and word[:-2] in DUTY_VERBS:
        word = word[:-2]
    elif word.endswith("s") and word[:-1] in DUTY_VERBS:
        word = word[:-1]
    if word in DOUBLED:
        return word + word[-1] + "ing"
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"
    return word + "ing"


def _is_duty_verb(word: str) -> bool:
    low = word.lower()
    return low in DUTY_VERBS or (low.endswith("s") and low[:-1] in DUTY_VERBS) or \
        (low.endswith("es") and low[:-2] in DUTY_VERBS)


def _joined_gerunds(rest: str) -> str:
    """'... and resubmit' -> '... and resubmitting': verbs joined to the first one."""
    def swap(match: re.Match[str]) -> str:
        word = match.group(2)
        phrasal = rest[match.end():].startswith(" up ")  # "and set up payment plans"
        if word in DUTY_VERBS and (word not in NOUN_TOO or phrasal):
            return match.group(1) + gerund(word)
        return match.group(0)

    return _JOINED.sub(swap, rest)


def question_text(line: str, situational: bool) -> tuple[str, str]:
    """The question for one posting line and its category."""
    line = line.strip().rstrip(".;:")
    first, _, rest = line.partition(" ")
    if _is_duty_verb(first) and rest:
        end = SITUATIONAL_END if situational else BEHAVIORAL_END
        return (f"The role involves {gerund(first)} {_joined_gerunds(rest)}. {end}",
                "situational" if situational else "behavioral")
    asked = ASKS_FOR.sub("", line)
    if asked != line:
        return (f"The posting asks for {line[0].lower()}{line[1:]}. Tell me about a time you "
                f"used {asked} in your work, and what it involved.", "behavioral")
    return (f"The posting asks for: {line[0].lower()}{line[1:]}. Tell me about a time that "
            "shows it.", "behavioral")


def own_terms_point(line: str, telling: frozenset[str]) -> KeyPoint | None:
    """The line's own telling words (and pairs of them) as one key point."""
    terms = content_terms(line)
    phrases: list[str] = []
    for (a, first), (b, second) in zip(terms, terms[1:], strict=False):
        if f"{a} {b}" in telling and phrase_in(f"{first} {second}", line):
            phrases.append(f"{first} {second}")
    phrases += [word for stem, word in terms if stem in telling]
    phrases = list(dict.fromkeys(phrases))
    if not phrases:
        return None
    label = "Talks about " + ", ".join(phrases[:3])
    return KeyPoint(label, tuple(phrases), (f"Where have you dealt with {phrases[0]}?",))


def sample_answer(line: str) -> str:
    """An outline of a strong answer in the candidate's words, built from the line."""
    first, _, rest = line.strip().rstrip(".;:").partition(" ")
    task = f"{gerund(first)} {_joined_gerunds(rest)}" if _is_duty_verb(first) and rest else \
        f"work that needed {line[0].lower()}{line[1:].rstrip('.;:')}"
    return (f"In my last job I was responsible for {task}, for about 300 accounts. "
            "I set up a short checklist and made sure every step was done the same way each "
            "time, and I checked the results every week. Within three months the errors went "
            "down by half. What I learned is that a simple routine, written down, saves a lot "
            "of time later.")


def made_question(bank_id: str, slug: str, line: str, telling: frozenset[str],
                  situational: bool) -> Question:
    """A Question the scorer, the mock and the history can use like a bank's."""
    text, category = question_text(line, situational)
    own = own_terms_point(line, telling)
    points = GENERIC_POINTS + ((own,) if own else ())
    return Question(
        id=f"{bank_id}/{slug}", bank_id=bank_id, slug=slug, text=text, category=category,
        difficulty="medium", source=f"job posting: {line}",
        sample_answers=(SampleAnswer(sample_answer(line)),), key_points=points,
        tips=(f"This question comes from the posting's line: \"{line}\".",
              "Tell one real story: how big it was, what you did, the result with a number, "
              "and what you learned."))
