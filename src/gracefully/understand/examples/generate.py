"""Compose training examples from templates x slots; writes generated.jsonl beside this file.

Run: python -m gracefully.understand.examples.generate
The output is deterministic (fixed seed) and committed, so training never
depends on running this script. Variety comes from ATS styles, greetings,
anonymised placeholders, HTML-flattened text with web boilerplate, missing
subject/sender, one-line and empty bodies and truncated bodies, because real
inboxes look like that. A category has several recipes (e.g. a confirmation is
an acknowledgement or a later status notice) so that no single template
phrasing stands for it.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gracefully.understand.examples import fillers as f
from gracefully.understand.examples import kinds as k
from gracefully.understand.examples import lookalikes as lk
from gracefully.understand.examples import phrases as p
from gracefully.understand.examples import templates as t

COUNTS = {
    "rejection": 400,
    "confirmation": 480,
    "interview": 220,
    "assessment": 170,
    "offer": 60,
    "recruiter_outreach": 240,
    "job_alert": 250,
    "other": 420,
}
EVERYDAY_COUNTS = {"other": 100, "rejection": 100, "job_alert": 150, "casual": 60}
"""The hard cases of `lookalikes`: everyday decisions that are no job (other); job
rejections that talk about housing or study, and short ones people write (rejection);
job alerts and career newsletters with openings in those fields. They come after the
rest, from a seed of their own, so adding them left every earlier example as it was."""
EVERYDAY_SEED = 20261208
OUT = Path(__file__).with_name("generated.jsonl")


def _slots(rng: random.Random) -> dict[str, str]:
    company = rng.choice(p.COMPANIES)
    recruiter = rng.choice(p.RECRUITERS)
    slug = re.sub(r"[^a-z]", "", company.lower())[:12] or "company"
    return {
        "name": rng.choice(p.CANDIDATES),
        "company": company,
        "role": rng.choice(p.ROLES),
        "recruiter": recruiter,
        "handle": re.sub(r"[^a-z.]", "", recruiter.lower().replace(" ", ".")) or "talent",
        "slug": slug,
        "date": rng.choice(p.DATES),
        "time": rng.choice(p.TIMES),
        "link": rng.choice(p.LINKS),
        "req": f"{rng.choice(['R', 'JR', 'REQ-', ''])}{rng.randint(1000, 99999)}",
    }


def _maybe(rng: random.Random, prob: float, pool: list[str]) -> list[str]:
    return [rng.choice(pool)] if rng.random() < prob else []


def _rejection_parts(rng: random.Random) -> list[str]:
    reasons = rng.sample(list(t.REASON_SENTENCES), k=rng.choice([0, 0, 1, 1, 1, 2]))
    opening = rng.choice(t.REJECTION_OPENINGS if rng.random() < 0.6 else f.SHARED_OPENINGS)
    parts = [opening, *_maybe(rng, 0.2, f.COMPANY_BLURBS), rng.choice(t.REJECTION_DECISIONS)]
    parts += [rng.choice(t.REASON_SENTENCES[r]) for r in reasons]
    if rng.random() < 0.35:
        parts.append(rng.choice(t.FEEDBACK[rng.choice(list(t.FEEDBACK))]))
    parts += _maybe(rng, 0.3, t.KEEP_ON_FILE) + _maybe(rng, 0.35, t.INVITE_REAPPLY)
    parts += _maybe(rng, 0.08, t.ALT_ROLE) + _maybe(rng, 0.3, t.REJECTION_SOFTENERS)
    return [*parts, rng.choice(t.REJECTION_CLOSINGS), *_maybe(rng, 0.4, f.SHARED_CLOSINGS)]


def _confirmation_parts(rng: random.Random) -> list[str]:
    parts = [*_maybe(rng, 0.6, f.SHARED_OPENINGS), rng.choice(t.CONFIRMATION_CORE)]
    parts += _maybe(rng, 0.4, f.COMPANY_BLURBS)
    pool = t.CONFIRMATION_NEXT + f.CONFIRMATION_PROCESS + k.CONFIRMATION_HEDGES
    parts += rng.sample(pool, k=rng.choice([0, 1, 2, 3]))
    closing = rng.choice([f.SHARED_CLOSINGS, f.SHARED_CLOSINGS, k.WELL_WISHES])
    return parts + _maybe(rng, 0.7, closing)


def _core_extra(core: list[str], extra: list[str]) -> Callable[[random.Random], list[str]]:
    def parts(rng: random.Random) -> list[str]:
        opening = _maybe(rng, 0.3, f.SHARED_OPENINGS)
        return opening + rng.sample(core, k=rng.choice([1, 1, 2])) + _maybe(rng, 0.6, extra)

    return parts


def _outreach_parts(rng: random.Random) -> list[str]:
    """Outreach often pastes the whole job description under a personal line."""
    parts = rng.sample(t.OUTREACH_CORE, k=rng.choice([1, 2, 2]))
    if rng.random() < 0.5:
        parts += [rng.choice(f.JD_HEADERS), *rng.sample(f.POSTING_SECTIONS, k=rng.randint(2, 6))]
    return parts


def _job_alert_parts(rng: random.Random) -> list[str]:
    if rng.random() < 0.5:  # a bare job posting, as job sites forward them
        pool = f.POSTING_SECTIONS + f.COMPANY_BLURBS
        return ["{company}", *rng.sample(pool, k=rng.randint(4, 9))]
    listings = [rng.choice(t.JOB_ALERT_LISTINGS).format(**_slots(rng)) for _ in range(4)]
    return [rng.choice(t.JOB_ALERT_FRAMES), *listings, rng.choice(t.JOB_ALERT_FOOTERS)]


def _other_parts(rng: random.Random) -> list[str]:
    pool = rng.choice([f.NEWSLETTER, f.SHOPPING, f.PERSONAL, f.ACCOUNT, t.OTHER_BODIES])
    return rng.sample(pool, k=rng.randint(1, 4)) + _maybe(rng, 0.1, f.COMPANY_BLURBS)


def _status_parts(rng: random.Random) -> list[str]:
    """A later notice about an application still open: nothing decided yet."""
    parts = rng.sample(k.STATUS_CORE, k=rng.choice([1, 1, 2]))
    return parts + rng.sample(k.STATUS_NEXT, k=rng.choice([0, 1, 2]))


def _personal_outreach_parts(rng: random.Random) -> list[str]:
    return rng.sample(k.OUTREACH_CORE, k=rng.choice([2, 3, 3, 4]))


def _adjacent_parts(rng: random.Random) -> list[str]:
    """Everyday mail that talks about jobs, CVs and applications without being job mail."""
    return rng.sample(rng.choice(k.OTHER_ADJACENT), k=rng.choice([1, 1, 2]))


def _event_parts(rng: random.Random) -> list[str]:
    """Calendar mail about life and work: invite boilerplate does not make an interview."""
    return [rng.choice(k.EVENT_CORE), *rng.sample(k.SCHEDULING_EXTRA, k=rng.choice([1, 2]))]


@dataclass(frozen=True)
class Recipe:
    subjects: list[str]
    parts: Callable[[random.Random], list[str]]
    core: list[str]
    """The deciding sentences: a one-line email is one of these."""


RECIPES: dict[str, list[tuple[float, Recipe]]] = {
    "rejection": [(1.0, Recipe(t.REJECTION_SUBJECTS, _rejection_parts, t.REJECTION_DECISIONS))],
    "confirmation": [
        (0.7, Recipe(t.CONFIRMATION_SUBJECTS, _confirmation_parts, t.CONFIRMATION_CORE)),
        (0.3, Recipe(k.STATUS_SUBJECTS, _status_parts, k.STATUS_CORE)),
    ],
    "interview": [
        (
            0.5,
            Recipe(
                t.INTERVIEW_SUBJECTS,
                _core_extra(t.INTERVIEW_CORE, t.INTERVIEW_EXTRA),
                t.INTERVIEW_CORE,
            ),
        ),
        (
            0.5,
            Recipe(
                k.SCHEDULING_SUBJECTS,
                _core_extra(k.SCHEDULING_CORE, k.SCHEDULING_EXTRA),
                k.SCHEDULING_CORE,
            ),
        ),
    ],
    "assessment": [
        (
            0.5,
            Recipe(
                t.ASSESSMENT_SUBJECTS,
                _core_extra(t.ASSESSMENT_CORE, t.ASSESSMENT_EXTRA),
                t.ASSESSMENT_CORE,
            ),
        ),
        (
            0.5,
            Recipe(
                k.TAKE_HOME_SUBJECTS,
                _core_extra(k.TAKE_HOME_CORE, k.TAKE_HOME_EXTRA),
                k.TAKE_HOME_CORE,
            ),
        ),
    ],
    "offer": [
        (1.0, Recipe(t.OFFER_SUBJECTS, _core_extra(t.OFFER_CORE, t.OFFER_EXTRA), t.OFFER_CORE))
    ],
    "recruiter_outreach": [
        (0.55, Recipe(t.OUTREACH_SUBJECTS, _outreach_parts, t.OUTREACH_CORE)),
        (0.45, Recipe(k.OUTREACH_SUBJECTS, _personal_outreach_parts, k.OUTREACH_CORE)),
    ],
    "job_alert": [(1.0, Recipe(t.JOB_ALERT_SUBJECTS, _job_alert_parts, t.JOB_ALERT_FRAMES))],
    "other": [
        (0.45, Recipe(t.OTHER_SUBJECTS + k.EVERYDAY_SUBJECTS, _other_parts, t.OTHER_BODIES)),
        (0.1, Recipe(k.EVENT_SUBJECTS, _event_parts, k.EVENT_CORE)),
        (
            0.45,
            Recipe(
                k.ADJACENT_SUBJECTS, _adjacent_parts, [x for pool in k.OTHER_ADJACENT for x in pool]
            ),
        ),
    ],
}
_PERSONAL = {"interview", "offer", "recruiter_outreach", "other"}


def _sender(rng: random.Random, category: str, slots: dict[str, str]) -> tuple[str, str]:
    """Pick an ATS style; people write interviews, offers and outreach more often."""
    if category in _PERSONAL and rng.random() < 0.6:
        ats = "none"
    elif category in ("job_alert", "other"):
        ats = rng.choice(["none", "jobvite", "smartrecruiters"]) if category == "job_alert" else ""
    else:
        ats = rng.choice(list(p.ATS_SENDERS))
    if not ats:
        return f"notifications@{slots['slug']}.com", ""
    return p.ATS_SENDERS[ats].format(**slots), p.ATS_FOOTERS[ats].format(**slots)


def _flatten(body: str) -> str:
    return re.sub(r"\s+", " ", body).strip()


def _recipe(rng: random.Random, category: str) -> Recipe:
    weights, recipes = zip(*RECIPES[category], strict=True)
    return rng.choices(recipes, weights=weights)[0]


def _body(rng: random.Random, category: str, recipe: Recipe, slots: dict[str, str]) -> str:
    """Full, one-line (5%) or empty (4%) body; 12% get web boilerplate around them."""
    shape = rng.random()
    if shape < 0.04:
        return ""
    greeting = rng.choice(p.GREETINGS) if category != "job_alert" else ""
    if shape < 0.09:
        return "\n\n".join(x for x in (greeting, rng.choice(recipe.core)) if x).format(**slots)
    signoff = rng.choice(p.SIGNOFFS) if category not in ("job_alert", "other") else ""
    paragraphs = [greeting, *recipe.parts(rng), signoff, slots["footer"]]
    if rng.random() < 0.12:
        paragraphs = [*_maybe(rng, 0.7, k.BOILERPLATE_HEAD), *paragraphs]
        paragraphs += rng.sample(k.BOILERPLATE_FOOT, k=rng.randint(1, 4))
    body = "\n\n".join(x for x in paragraphs if x).format(**slots)
    if rng.random() < 0.25:
        body = _flatten(body)
    if rng.random() < 0.06:
        body = body[: max(80, int(len(body) * rng.uniform(0.5, 0.85)))]
    return body


def compose(rng: random.Random, category: str) -> dict[str, str]:
    slots = _slots(rng)
    recipe = _recipe(rng, category)
    sender, slots["footer"] = _sender(rng, category, slots)
    body = _body(rng, category, recipe, slots)
    subject = rng.choice(recipe.subjects).format(**slots) if rng.random() > 0.3 or not body else ""
    sender = sender if rng.random() > 0.45 else ""
    return {"subject": subject, "sender": sender, "body": body, "category": category}


def _everyday_slots(rng: random.Random, kind: lk.Everyday) -> dict[str, str]:
    person, org = rng.choice(lk.PEOPLE), rng.choice(kind.orgs)
    return {
        "name": rng.choice(p.CANDIDATES),
        "person": person.split()[0] if rng.random() < 0.6 else person,
        "handle": person.lower().replace(" ", "."),
        "org": org,
        "slug": re.sub(r"[^a-z]", "", org.lower())[:14] or "mail",
        "tld": rng.choice(lk.TLDS),
        "freemail": rng.choice(lk.FREEMAIL),
        "place": rng.choice(lk.PLACES),
        "course": rng.choice(lk.COURSES),
        "ref": f"{rng.choice(['REF-', 'A', 'CLM-', ''])}{rng.randint(1000, 99999)}",
        "date": rng.choice(p.DATES),
    }


def _everyday_body(rng: random.Random, kind: lk.Everyday) -> str:
    """A decision about a flat, a place, a grant or a claim, with what shows it is no job."""
    if rng.random() < 0.06:
        return rng.choice(kind.decisions)
    before = _maybe(rng, 0.3, kind.context)
    decided = rng.sample(kind.decisions, k=rng.choice([1, 1, 2]))
    if kind.things and rng.random() < 0.5:
        decided[0] = rng.choice(lk.POLITE_NO).replace("{thing}", rng.choice(kind.things))
    after = rng.sample(kind.context, k=rng.choice([0, 1, 1, 2]))
    greeting = rng.choice(p.GREETINGS)
    paragraphs = [greeting, *before, *decided, *after, rng.choice(lk.EVERYDAY_SIGNOFFS)]
    body = "\n\n".join(x for x in paragraphs if x)
    return _flatten(body) if rng.random() < 0.25 else body


def _everyday(rng: random.Random) -> dict[str, str]:
    kind = rng.choice(list(lk.EVERYDAY.values()))
    slots = _everyday_slots(rng, kind)
    body = _everyday_body(rng, kind).format(**slots)
    subject = rng.choice(kind.subjects).format(**slots) if rng.random() > 0.25 else ""
    sender = rng.choice(kind.senders).format(**slots) if rng.random() > 0.35 else ""
    return {"subject": subject, "sender": sender, "body": body, "category": "other"}


def _life_rejection(rng: random.Random) -> dict[str, str]:
    """A job rejection in housing, lettings, study or grants, or one that mentions a move."""
    slots = _slots(rng)
    if rng.random() < 0.6:
        slots["role"] = rng.choice(lk.LIFE_ROLES)
    sender, slots["footer"] = _sender(rng, "rejection", slots)
    parts = [*_maybe(rng, 0.5, t.REJECTION_OPENINGS), rng.choice(lk.LIFE_DECISIONS)]
    parts += [*_maybe(rng, 0.3, t.KEEP_ON_FILE), rng.choice(t.REJECTION_CLOSINGS)]
    paragraphs = [rng.choice(p.GREETINGS), *parts, rng.choice(p.SIGNOFFS), slots["footer"]]
    body = "\n\n".join(x for x in paragraphs if x).format(**slots)
    if rng.random() < 0.25:
        body = _flatten(body)
    subjects = lk.LIFE_SUBJECTS + t.REJECTION_SUBJECTS
    subject = rng.choice(subjects).format(**slots) if rng.random() > 0.3 else ""
    sender = sender if rng.random() > 0.45 else ""
    return {"subject": subject, "sender": sender, "body": body, "category": "rejection"}


def _casual_rejection(rng: random.Random) -> dict[str, str]:
    """A short rejection a person writes, with a first name and no template around it."""
    slots = _slots(rng)
    first = slots["recruiter"].split()[0]
    parts = rng.sample(lk.CASUAL_REJECTIONS, k=rng.choice([1, 1, 2]))
    greeting = rng.choice(["Hi {name},", "hey {name}!", "{name},", ""])
    signoff = rng.choice([first, f"Cheers, {first}", ""])
    body = "\n\n".join(x for x in (greeting, *parts, signoff) if x).format(**slots)
    subjects = ["Re: {role}", "quick update", "Re: our chat", "{role}", ""]
    subject = rng.choice(subjects).format(**slots)
    sender = p.ATS_SENDERS["none"].format(**slots) if rng.random() > 0.3 else ""
    return {"subject": subject, "sender": sender, "body": body, "category": "rejection"}


def _life_alert(rng: random.Random) -> dict[str, str]:
    """A job alert (often a career newsletter) with openings in housing, lending, grants,
    universities or anything else: words everyday decisions use are in job alerts too."""
    listings = []
    for _ in range(rng.randint(3, 5)):
        slots = _slots(rng)
        if rng.random() < 0.5:
            slots["role"] = rng.choice(lk.LIFE_ROLES + lk.LIFE_ALERT_ROLES)
        listings.append(rng.choice(t.JOB_ALERT_LISTINGS).format(**slots))
    slots = _slots(rng)
    intro = rng.sample(lk.ALERT_DIGESTS, k=rng.choice([1, 1, 2]))
    if rng.random() < 0.4:
        intro = [rng.choice(t.JOB_ALERT_FRAMES)]
    body = "\n\n".join([*intro, *listings, rng.choice(t.JOB_ALERT_FOOTERS)])
    body = body.format(**slots)
    if rng.random() < 0.25:
        body = _flatten(body)
    sender, _ = _sender(rng, "job_alert", slots)
    subject = rng.choice(t.JOB_ALERT_SUBJECTS).format(**slots) if rng.random() > 0.3 else ""
    return {"subject": subject, "sender": sender, "body": body, "category": "job_alert"}


def generate(seed: int = 20240611) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows = [compose(rng, cat) for cat, n in COUNTS.items() for _ in range(n)]
    everyday = random.Random(EVERYDAY_SEED)
    rows += [_everyday(everyday) for _ in range(EVERYDAY_COUNTS["other"])]
    rows += [_life_rejection(everyday) for _ in range(EVERYDAY_COUNTS["rejection"])]
    rows += [_life_alert(everyday) for _ in range(EVERYDAY_COUNTS["job_alert"])]
    rows += [_casual_rejection(everyday) for _ in range(EVERYDAY_COUNTS["casual"])]
    return rows


def main() -> None:
    rows = generate()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} examples to {OUT}")


if __name__ == "__main__":
    main()
