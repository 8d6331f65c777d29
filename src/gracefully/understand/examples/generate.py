"""Compose training examples from templates x slots; writes generated.jsonl beside this file.

Run: python -m gracefully.understand.examples.generate
The output is deterministic (fixed seed) and committed, so training never
depends on running this script. Variety comes from ATS styles, greetings,
anonymised placeholders, HTML-flattened text, missing subject/sender and
truncated bodies, because real inboxes look like that.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

from gracefully.understand.examples import fillers as f
from gracefully.understand.examples import phrases as p
from gracefully.understand.examples import templates as t

COUNTS = {
    "rejection": 380,
    "confirmation": 420,
    "interview": 110,
    "assessment": 90,
    "offer": 60,
    "recruiter_outreach": 150,
    "job_alert": 250,
    "other": 260,
}
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
    parts += rng.sample(t.CONFIRMATION_NEXT + f.CONFIRMATION_PROCESS, k=rng.choice([0, 1, 2, 3]))
    return parts + _maybe(rng, 0.7, f.SHARED_CLOSINGS)


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


RECIPES: dict[str, tuple[list[str], Callable[[random.Random], list[str]]]] = {
    "rejection": (t.REJECTION_SUBJECTS, _rejection_parts),
    "confirmation": (t.CONFIRMATION_SUBJECTS, _confirmation_parts),
    "interview": (t.INTERVIEW_SUBJECTS, _core_extra(t.INTERVIEW_CORE, t.INTERVIEW_EXTRA)),
    "assessment": (t.ASSESSMENT_SUBJECTS, _core_extra(t.ASSESSMENT_CORE, t.ASSESSMENT_EXTRA)),
    "offer": (t.OFFER_SUBJECTS, _core_extra(t.OFFER_CORE, t.OFFER_EXTRA)),
    "recruiter_outreach": (t.OUTREACH_SUBJECTS, _outreach_parts),
    "job_alert": (t.JOB_ALERT_SUBJECTS, _job_alert_parts),
    "other": (t.OTHER_SUBJECTS, _other_parts),
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


def compose(rng: random.Random, category: str) -> dict[str, str]:
    slots = _slots(rng)
    subjects, parts = RECIPES[category]
    sender, footer = _sender(rng, category, slots)
    greeting = rng.choice(p.GREETINGS) if category != "job_alert" else ""
    signoff = rng.choice(p.SIGNOFFS) if category not in ("job_alert", "other") else ""
    paragraphs = [greeting, *parts(rng), signoff, footer]
    body = "\n\n".join(x for x in paragraphs if x).format(**slots)
    if rng.random() < 0.25:
        body = _flatten(body)
    if rng.random() < 0.06:
        body = body[: max(80, int(len(body) * rng.uniform(0.5, 0.85)))]
    subject = rng.choice(subjects).format(**slots) if rng.random() > 0.3 else ""
    sender = sender if rng.random() > 0.45 else ""
    return {"subject": subject, "sender": sender, "body": body, "category": category}


def generate(seed: int = 20240611) -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [compose(rng, cat) for cat, n in COUNTS.items() for _ in range(n)]


def main() -> None:
    rows = generate()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} examples to {OUT}")


if __name__ == "__main__":
    main()
