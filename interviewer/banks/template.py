"""`interviewer banks new ROLE`: a commented starting point for a bank of your own.

The template is a valid bank as written (one example question), so it loads at
once and the validator can guide every edit from there.
"""

from __future__ import annotations

import json
from pathlib import Path

from interviewer import paths
from interviewer.banks.drafts import slugify
from interviewer.banks.files import write_atomic
from interviewer.banks.text_safety import first_control
from interviewer.banks.validate import _ID
from interviewer.errors import BankError

_TEMPLATE = """\
# A question bank for {title}.
# Edit it, then check it with:  interviewer banks validate {filename}
# The format and advice on key points: docs/bank-format.md

schema = 1
id = {bank_id}        # lower case letters, digits and dashes; unique across your banks
title = {title_toml}
description = "What this bank rehearses, in a sentence or two."

# One [[questions]] block per question. Copy the whole block to add another.
[[questions]]
slug = "tell-me-about-yourself"   # the question id becomes "{bank_id_plain}/<slug>"
text = "Can you tell me about your experience as {article} {title}?"
category = "experience"   # opening | experience | behavioral | situational | technical | closing
difficulty = "easy"       # easy | medium | hard
source = "my notes"       # where the question comes from: a job ad, an article, a colleague
tips = [
  "Lead with a number: years in the role, size of the team or portfolio.",
]

# A model answer, written the way you would say it. Add `level = "entry"` or
# `level = "experienced"` when you write one answer for each.
[[questions.sample_answers]]
text = \"\"\"
I have four years of experience as {article} {title}. In my current job I look after
thirty clients, and last year I cut the time to close our monthly report from five
days to three.
\"\"\"

# A key point is one idea the interviewer listens for. List every way a candidate
# might say it; at least one phrase must appear in a sample answer above.
# `probes` are the one or two follow-up questions the interviewer asks when an answer
# leaves the point out (required for experience, behavioral and situational questions).
# `kind` (optional: cause, action, result, learning, scale) says what the point is;
# without it, "@result" among the phrases or the label's words decide.
[[questions.key_points]]
label = "Years of experience"
phrases = ["years of experience", "four years"]
probes = ["How long have you been doing this work, and where?"]
kind = "scale"

[[questions.key_points]]
label = "A measurable result"
phrases = ["five days to three", "cut the time"]
probes = ["What changed because of your work? Can you put a number on it?"]
kind = "result"
"""


def template_text(title: str, bank_id: str, filename: str) -> str:
    """The template filled in for one role; JSON quoting is valid TOML for basic strings."""
    article = "an" if title[:1].lower() in "aeiou" else "a"
    return _TEMPLATE.format(title=title, title_toml=json.dumps(title),
                            bank_id=json.dumps(bank_id), bank_id_plain=bank_id,
                            filename=filename, article=article)


def new_bank(role: str, bank_id: str | None = None, force: bool = False) -> Path:
    """Write the template to the user bank folder; never overwrite without force."""
    title = " ".join(role.split())
    bank_id = bank_id or slugify(title, words=12)
    if first_control(title):
        raise BankError(f"the role holds a control character ({first_control(title)})",
                        "type the role as plain text")
    if not title or not _ID.match(bank_id):
        raise BankError(f"cannot make a bank id from '{role}'",
                        "give a role name with letters or digits, or pass --id my-role")
    folder = paths.user_banks_dir()
    target = folder / f"{bank_id}.toml"
    try:
        paths.ensure(folder)
        if target.exists() and not force:
            raise BankError(f"{target} already exists", "edit it, or pass --force to start over")
        write_atomic(target, template_text(title, bank_id, str(target)))
    except OSError as exc:
        raise BankError(f"{target}: cannot write the bank ({exc.strerror or exc})",
                        "free some disk space or check the folder's permissions; "
                        "nothing was written") from exc
    return target
