"""An everyday decision is not a job rejection: the landlord's, the admissions
office's, the scholarship panel's "unfortunately".

The category model learns rejections from their wording, and these share it. The
rule here is the check a person makes: the email names an everyday object (a flat, a
scholarship, a PhD place, a mortgage, a talk proposal) and no job at all. The words
are data (`data/everyday.toml`), each row with an example and a near miss.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

from gracefully.domain import Category, Email, Evidence
from gracefully.understand.sentences import split

RULE = "everyday-decision"
"""The evidence rule of a rejection reading corrected to other."""


@cache
def _table() -> dict[str, list[dict[str, str]]]:
    return tomllib.loads((files("gracefully.understand") / "data" / "everyday.toml").read_text())


def _pattern(kind: str) -> re.Pattern[str]:
    rows = _table()[kind]
    return re.compile(r"\b(?:" + "|".join(f"(?:{r['phrase']})" for r in rows) + r")\b")


JOB = _pattern("job")
WEAK_JOB = _pattern("weak_job")
OBJECT = _pattern("object")


def everyday_decision(email: Email) -> Evidence | None:
    """Evidence that `email` decides something that is not a job, or None."""
    text = f"{email.subject}\n{email.text}".lower()
    found = OBJECT.search(text)
    if found is None or JOB.search(text):
        return None
    if WEAK_JOB.search(text) and not OBJECT.search(email.subject.lower()):
        return None  # "candidates", "the role": a job, unless the subject says what it is
    whole = f"{email.subject}\n{email.text}"
    sentence = next((s for _, _, s in split(whole) if OBJECT.search(s.lower())), found.group(0))
    return Evidence("category", Category.OTHER.value, RULE, sentence[:300])
