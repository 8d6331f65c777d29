"""How well `gracefully.track.link` attaches emails to applications, on a synthetic inbox.

The inbox is built in memory from a seed: hundreds of applications, several per
company (seniority variants included), ATS senders shared across companies,
threads with replies, requisition ids on some, companies written several ways,
forwarded rejections and job alerts. Readings are imperfect on purpose: some
companies missing or misspelt, some roles missing or abbreviated, as the
understanding stage would give them.

Links run in arrival order, and the index is updated as the service would: an
automatic NEW link creates an application, an automatic link adds its message,
and a link sent to review is resolved the way the user would resolve it.

    .venv/bin/python bench/eval_linking.py --json
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from gracefully.domain import (
    Address,
    Application,
    Category,
    Email,
    Event,
    Link,
    Reading,
    Rejection,
    Stage,
)
from gracefully.track import (
    Known,
    TrackIndex,
    event_for,
    link,
    new_application,
    scoped_aliases,
    summarize,
    writer_of,
)

# --- the synthetic inbox (every company, person and address is invented) ---

FIRST = (
    "Acme", "Alder", "Borealis", "Brightwater", "Cedar", "Cobalt", "Driftwood", "Dunmore",
    "Ember", "Everly", "Fathom", "Foxglove", "Glacier", "Granite", "Harbor", "Hollow", "Ionic",
    "Ironwood", "Jasper", "Juniper", "Kestrel", "Keystone", "Larkspur", "Lumen", "Meridian",
    "Mosaic", "Nimbus", "Northgate", "Obsidian", "Orchard", "Parallax", "Pinecrest", "Quarry",
    "Quill", "Redwood", "Riverton", "Sable", "Summit", "Thistle", "Tidewater", "Umber", "Upland",
    "Vantage", "Verdant", "Willow", "Wren", "Yardley", "Yonder", "Zephyr"
)  # fmt: skip
SECOND = (
    "Robotics", "Health", "Labs", "Foods", "Analytics", "Systems", "Logistics", "Energy", "Bank",
    "Media", "Software", "Studios", "Insurance", "Networks", "Bio", "Works"
)  # fmt: skip
BASES = (
    "Data Engineer", "Software Engineer", "Data Analyst", "Product Designer", "Product Manager",
    "Backend Engineer", "Machine Learning Engineer", "Data Scientist", "Frontend Developer",
    "Marketing Manager", "Account Executive", "Business Analyst", "DevOps Engineer",
    "QA Engineer", "Technical Writer", "UX Researcher", "Security Engineer", "Solutions Architect",
    "Customer Success Manager", "Financial Analyst"
)  # fmt: skip
SENIOR = ("Senior", "Staff", "Principal", "Junior", "Lead")
LEVELS = ("I", "II", "III")
PEOPLE_FIRST = (
    "Dana", "Priya", "Marcus", "Lena", "Tomas", "Aisha", "Noor", "Felix", "Ines", "Owen", "Ruth",
    "Kai", "Mira", "Jonah"
)  # fmt: skip
PEOPLE_LAST = (
    "Whitfield", "Raman", "Okafor", "Lindqvist", "Moreau", "Haddad", "Brandt", "Castillo",
    "Yamada", "Novak"
)  # fmt: skip
ATS_KINDS = ("greenhouse", "lever", "workday", "ashby", "icims", "smartrecruiters")
USER = Address("Sam Seeker", "sam.seeker@gmail.com")


@dataclass(frozen=True, slots=True)
class Item:
    email: Email
    reading: Reading
    truth: int | None
    """The true application number; None for mail about no application (job alerts)."""
    company: str
    role: str | None


@dataclass
class Company:
    name: str
    domain: str
    ats: str | None
    slug: str
    recruiters: list[Address] = field(default_factory=list)


@dataclass
class App:
    n: int
    company: Company
    role: str
    req: str | None
    start: datetime


def build_inbox(rng: random.Random, applications: int, start: datetime) -> list[Item]:
    """Every email of every application, plus job alerts, in arrival order."""
    apps = _applications(rng, applications, start)
    items = [item for app in apps for item in _lifecycle(rng, app)]
    items += [_alert(rng, rng.choice(apps), start) for _ in range(applications // 10)]
    return sorted(items, key=lambda i: i.email.date or start)


def _applications(rng: random.Random, count: int, start: datetime) -> list[App]:
    names = [f"{a} {b}" for a in FIRST for b in SECOND]
    rng.shuffle(names)
    domains: set[str] = set()
    apps: list[App] = []
    while len(apps) < count:
        company = _company(rng, names.pop(), domains)
        for role in _roles(rng, rng.choices((1, 2, 3, 4), (55, 25, 13, 7))[0]):
            req = _req(rng) if rng.random() < 0.35 else None
            when = start + timedelta(days=rng.uniform(0, 150))
            apps.append(App(len(apps) + 1, company, role, req, when))
    return apps[:count]


def _company(rng: random.Random, name: str, taken: set[str]) -> Company:
    """A company with a unique domain and a tenant name unique within its ATS."""
    first, compact = name.split()[0].lower(), name.replace(" ", "").lower()
    domain = rng.choices(
        (f"{compact}.com", f"{name.replace(' ', '-').lower()}.io", f"{first}.com",
         f"get{compact}.com", f"{compact}.co.uk"),
        (50, 15, 15, 10, 10),
    )[0]  # fmt: skip
    if domain in taken:
        domain = f"{compact}-hq.com"
    taken.add(domain)
    ats = rng.choice(ATS_KINDS) if rng.random() < 0.65 else None
    slug = rng.choices((compact, name.replace(" ", "-").lower(), first), (50, 30, 20))[0]
    if f"{ats}/{slug}" in taken:
        slug = compact  # a tenant name is unique within its ATS
    taken.add(f"{ats}/{slug}")
    people = [
        Address(f"{f} {last}", f"{f.lower()}.{last.lower()}@{domain}")
        for f, last in {(rng.choice(PEOPLE_FIRST), rng.choice(PEOPLE_LAST)) for _ in range(2)}
    ]
    return Company(name, domain, ats, slug, people)


def _roles(rng: random.Random, count: int) -> list[str]:
    """Distinct titles at one company; half the time seniority variants of one base title."""
    base = rng.choice(BASES)
    roles = [base]
    while len(roles) < count:
        if rng.random() < 0.5:
            variant = (
                f"{rng.choice(SENIOR)} {base}"
                if rng.random() < 0.7
                else f"{base} {rng.choice(LEVELS)}"
            )
        else:
            variant = rng.choice(BASES)
        if variant not in roles:
            roles.append(variant)
    return roles


def _req(rng: random.Random) -> str:
    return rng.choice(("R-{:05d}", "JR{:06d}", "REQ-{:04d}")).format(rng.randrange(1, 99999))


@dataclass
class _Thread:
    """The messages of one conversation so far, to reply into."""

    ids: list[str] = field(default_factory=list)
    subject: str = ""


def _lifecycle(rng: random.Random, app: App) -> list[Item]:
    out: list[Item] = []
    when, thread = app.start, _Thread()
    if rng.random() < 0.8:
        out.append(_system(rng, app, when, "confirmation"))
    if rng.random() < 0.45:
        when += timedelta(days=rng.uniform(3, 15))
        out += _conversation(rng, app, when, thread, "interview")
    if rng.random() < 0.2:
        when += timedelta(days=rng.uniform(2, 8))
        out.append(_system(rng, app, when, "assessment"))
    ending = rng.choices(("rejection", "offer", None), (60, 5, 35))[0]
    when += timedelta(days=rng.uniform(5, 30))
    if ending == "offer" or (ending == "rejection" and thread.ids and rng.random() < 0.5):
        out += _conversation(rng, app, when, thread, ending, replies=0)
    elif ending == "rejection":
        item = _system(rng, app, when, "rejection")
        out.append(_forward(rng, item, when) if rng.random() < 0.06 else item)
    return out


_SUBJECTS = {
    "confirmation": ("Thank you for applying to {company}",
                     "We received your application{for_role}",
                     "Application received{for_role}{req}"),
    "assessment": ("Your {company} assessment{for_role}", "Next step: a take-home exercise{req}"),
    "rejection": ("Your application to {company}", "Update on your application{for_role}{req}",
                  "{company} | {role}", "Thank you for your interest"),
    "interview": ("{company} - next steps", "Chat about the {role} role?", "Interview invitation"),
    "offer": ("Your offer from {company}",),
}  # fmt: skip
_BODIES = {
    "confirmation": "Thank you for your interest in {company}! We have received your application"
    "{for_role} and our team will review it.",
    "assessment": "As a next step{for_role}, please complete the exercise in the next five days.",
    "rejection": "Thank you for your interest{in_role} at {company}. After careful consideration, "
    "we have decided to move forward with other candidates.",
    "interview": "I'm {me}, a recruiter at {company}. I'd love to set up a phone screen{for_role}. "
    "Does Tuesday work?",
    "offer": "We are delighted to offer you the position{for_role} at {company}.",
}


def _texts(rng: random.Random, app: App, kind: str, with_req: bool) -> tuple[str, str, dict]:
    """(subject, body, what they show) for one email, the role and company shown or not."""
    role_shown = _written_role(rng, app.role) if rng.random() < 0.85 else None
    req = f" (Req ID: {app.req})" if app.req and with_req and rng.random() < 0.7 else ""
    values = {
        "company": app.company.name,
        "role": role_shown or app.company.name,
        "for_role": f" for the {role_shown} position" if role_shown else "",
        "in_role": f" in the {role_shown} role" if role_shown else "",
        "req": req,
        "me": app.company.recruiters[0].name,
    }
    subject = rng.choice(_SUBJECTS[kind]).format(**values)
    body = f"Hi Sam,\n\n{_BODIES[kind].format(**values)}\n"
    return subject, body, {"role": bool(role_shown), "req": bool(req)}


def _written_role(rng: random.Random, role: str) -> str:
    """How an email writes the title: mostly as is, sometimes abbreviated or with a location."""
    r = rng.random()
    if r < 0.1 and role.startswith("Senior "):
        return "Sr. " + role[7:]
    if r < 0.2:
        return f"{role} (Remote)"
    return role


def _system(rng: random.Random, app: App, when: datetime, kind: str) -> Item:
    """A templated email, from the company's ATS or from its careers address."""
    subject, body, shown = _texts(rng, app, kind, with_req=True)
    sender, link = _ats_sender(rng, app.company)
    if link:
        body += f"\nView the posting: {link}\n"
    body += f"\nBest,\n{app.company.name} Recruiting\n"
    email = _email(rng, app, sender, subject, body, when)
    return Item(email, _reading(rng, app, kind, email, shown), app.n, app.company.name, app.role)


def _ats_sender(rng: random.Random, company: Company) -> tuple[Address, str | None]:
    name, slug = company.name, company.slug
    if company.ats is None:
        display = rng.choice((f"{name} Careers", f"{name} Talent", name, ""))
        return Address(display, f"careers@{company.domain}"), None
    senders = {
        "greenhouse": ("no-reply@greenhouse.io", f"https://boards.greenhouse.io/{slug}/jobs/4411"),
        "lever": ("no-reply@hire.lever.co", f"https://jobs.lever.co/{slug}/3f2a9c"),
        "workday": (f"{slug.replace('-', '')}@myworkday.com",
                    f"https://{slug.replace('-', '')}.wd5.myworkdayjobs.com/careers"),
        "ashby": ("no-reply@ashbyhq.com", f"https://jobs.ashbyhq.com/{slug}"),
        "icims": ("no-reply@icims.com", f"https://careers-{slug}.icims.com/jobs/118"),
        "smartrecruiters": ("no-reply@smartrecruiters.com",
                            f"https://jobs.smartrecruiters.com/{slug}/7441"),
    }  # fmt: skip
    address, link = senders[company.ats]
    display = rng.choice(
        (f"{name} via {company.ats.title()}", f"{name} Recruiting", f"{name} Hiring Team", name,
         company.ats.title(), "")
    )  # fmt: skip
    return Address(display, address), link if rng.random() < 0.6 else None


def _conversation(
    rng: random.Random, app: App, when: datetime, thread: _Thread, kind: str, replies: int = -1
) -> list[Item]:
    """A recruiter's email in the application's thread, and the short replies after it."""
    recruiter = rng.choice(app.company.recruiters)
    subject, body, shown = _texts(rng, app, kind, with_req=False)
    subject = f"Re: {thread.subject}" if thread.ids else subject
    body += f"\nBest,\n{recruiter.name}\nTalent Partner, {app.company.name}\n"
    email = _email(rng, app, recruiter, subject, body, when, thread)
    out = [Item(email, _reading(rng, app, kind, email, shown), app.n, app.company.name, app.role)]
    for _ in range(rng.randint(0, 2) if replies < 0 else replies):
        when += timedelta(days=rng.uniform(0.5, 3))
        reply = _email(rng, app, recruiter, f"Re: {thread.subject}", "Great, confirmed. Talk soon!",
                       when, thread)  # fmt: skip
        out.append(Item(reply, _read(rng, reply, "other", None, None), app.n, app.company.name,
                        app.role))  # fmt: skip
    return out


def _email(
    rng: random.Random,
    app: App,
    sender: Address,
    subject: str,
    body: str,
    when: datetime,
    thread: _Thread | None = None,
) -> Email:
    mid = f"<{rng.getrandbits(64):016x}@{sender.domain}>"
    refs = tuple(thread.ids) if thread else ()
    if thread is not None:
        thread.subject = thread.subject or subject
        thread.ids.append(mid)
    return Email(
        id=mid, subject=subject, sender=sender, date=when, body=body, message_id=mid,
        in_reply_to=refs[-1] if refs else None, references=refs, to=(USER,),
    )  # fmt: skip


def _forward(rng: random.Random, item: Item, when: datetime) -> Item:
    """The user forwards a rejection to themself (e.g. from another account)."""
    inner = item.email
    body = (
        "Saving this one.\n\n---------- Forwarded message ---------\n"
        f"From: {inner.sender}\nDate: {when:%a, %d %b %Y}\nSubject: {inner.subject}\n"
        f"To: <{USER.email}>\n\n{inner.body}"
    )
    mid = f"<{rng.getrandbits(64):016x}@mail.gmail.com>"
    email = Email(id=mid, subject=f"Fwd: {inner.subject}", sender=USER,
                  date=when + timedelta(hours=2), body=body, message_id=mid)  # fmt: skip
    return Item(email, item.reading, item.truth, item.company, item.role)


def _alert(rng: random.Random, app: App, start: datetime) -> Item:
    when = start + timedelta(days=rng.uniform(0, 180))
    subject = f"New jobs for you: {app.role} at {app.company.name}"
    sender = Address("Job Alerts", "alerts@jobsdigest.example")
    mid = f"<{rng.getrandbits(64):016x}@jobsdigest.example>"
    email = Email(id=mid, subject=subject, sender=sender, date=when, body=subject, message_id=mid)
    reading = Reading(mid, Category.JOB_ALERT, 0.9, company=app.company.name, role=app.role)
    return Item(email, reading, None, app.company.name, app.role)


def _reading(rng: random.Random, app: App, kind: str, email: Email, shown: dict) -> Reading:
    company = _read_company(rng, app.company.name)
    role = (_written_role(rng, app.role) if rng.random() < 0.8 else None) if shown["role"] else None
    reading = _read(rng, email, kind, company, role)
    if shown["req"] and rng.random() < 0.5:
        reading = replace(reading, requisition_id=app.req)
    return reading


def _read_company(rng: random.Random, name: str) -> str | None:
    """The company as understanding reads it: usually right, sometimes another spelling,
    sometimes misspelt, sometimes missing."""
    r = rng.random()
    if r < 0.55:
        return name
    if r < 0.75:
        return rng.choice((name.upper(), f"{name}, Inc.", f"The {name}", f"{name} LLC"))
    if r < 0.83:
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return None


def _read(
    rng: random.Random, email: Email, kind: str, company: str | None, role: str | None
) -> Reading:
    rejection = Rejection(stage=rng.choice(list(Stage))) if kind == "rejection" else None
    return Reading(
        email.id, Category(kind), 0.9, rejection=rejection, company=company, role=role,
        no_reply="no-reply" in (email.sender.email if email.sender else ""),
    )  # fmt: skip


# --- replaying it the way the service links a scan ---


@dataclass
class Tally:
    emails: int = 0
    auto: int = 0
    correct_auto: int = 0
    alerts_linked: int = 0
    by_signal: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    review_why: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


class Replay:
    """The service's side of a scan: apply each link to the index, resolve reviews as the user."""

    def __init__(self) -> None:
        self.index = TrackIndex()
        self.truth_of: dict[int, int] = {}
        self.app_of: dict[int, int] = {}
        self.events: dict[int, list[Event]] = defaultdict(list)
        self.tally = Tally()

    def run(self, items: list[Item], review_below: float) -> Tally:
        for item in items:
            result = link(item.email, item.reading, self.index, review_below=review_below)
            if item.truth is None:
                self.tally.alerts_linked += result is not None and not result.needs_review
                continue
            self._score(item, result)
        return self.tally

    def _score(self, item: Item, result: Link | None) -> None:
        tally = self.tally
        tally.emails += 1
        auto = result is not None and not result.needs_review
        if result is None or not auto:
            why = result.evidence.split(";")[-1].split("[")[0].strip()[:60] if result else "none"
            tally.review_why[why] += 1
            self._apply(item, self.app_of.get(item.truth), by_user=True)
            return
        tally.auto += 1
        tally.by_signal[result.signal.value] += 1
        if result.application_id is None:
            ok = item.truth not in self.app_of
        else:
            ok = self.truth_of.get(result.application_id) == item.truth
        tally.correct_auto += ok
        if not ok:
            tally.wrong[result.signal.value] += 1
            if len(tally.examples) < 12:
                tally.examples.append(f"{item.email.subject!r} -> {result}")
        self._apply(item, result.application_id, by_user=False)

    def _apply(self, item: Item, app_id: int | None, *, by_user: bool) -> None:
        if app_id is None:
            app_id = len(self.truth_of) + 1
            self.truth_of[app_id] = item.truth
            self.app_of.setdefault(item.truth, app_id)
            proposed = _proposal(item)
            company = item.company if by_user or proposed is None else proposed.company
            self.index.add_application(Known(app_id, company))
            if proposed is not None and not by_user:
                self.index.add_scoped(scoped_aliases(item.email, item.reading, proposed))
        self._fill(app_id, item, by_user)
        if item.email.message_id:
            self.index.add_message(item.email.message_id, app_id)

    def _fill(self, app_id: int, item: Item, by_user: bool) -> None:
        """Empty fields take what this email tells, as the service fills them (never overwrites)."""
        known = self.index.application(app_id)
        proposed = _proposal(item)
        role = item.role if by_user else (proposed.role if proposed else item.reading.role)
        self.events[app_id].append(event_for(item.email, item.reading))
        _, status = summarize(self.events[app_id], now=item.email.date or datetime.now(UTC))
        self.index.add_application(
            Known(
                app_id,
                known.company,
                known.role or role,
                known.requisition_id or (proposed.requisition_id if proposed else None),
                known.company_domain or (proposed.company_domain if proposed else None),
                status,
                frozenset(e.kind for e in self.events[app_id]),
                known.people | writer_of(item.email),
                max(e.at for e in self.events[app_id]),
            )
        )


def _proposal(item: Item) -> Application | None:
    try:
        return new_application(item.email, item.reading)
    except ValueError:
        return None


def evaluate(seed: int, applications: int, review_below: float) -> dict[str, object]:
    items = build_inbox(random.Random(seed), applications, start=datetime(2025, 1, 6, tzinfo=UTC))
    tally = Replay().run(items, review_below)
    n = max(tally.emails, 1)
    return {
        "precision": round(tally.correct_auto / max(tally.auto, 1), 4),
        "recall": round(tally.correct_auto / n, 4),
        "auto_fraction": round(tally.auto / n, 4),
        "emails": tally.emails,
        "applications": applications,
        "companies": len({i.company for i in items if i.truth is not None}),
        "alerts": sum(1 for i in items if i.truth is None),
        "alerts_linked": tally.alerts_linked,
        "auto_by_signal": dict(tally.by_signal.most_common()),
        "wrong_by_signal": dict(tally.wrong.most_common()),
        "review_reasons": dict(tally.review_why.most_common(8)),
        "wrong_examples": tally.examples,
        "seed": seed,
        "review_below": review_below,
        "span_days": (max(i.email.date for i in items) - min(i.email.date for i in items))
        // timedelta(days=1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--applications", type=int, default=300)
    parser.add_argument("--review-below", type=float, default=0.8)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    result = evaluate(args.seed, args.applications, args.review_below)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for key in ("precision", "recall", "auto_fraction", "emails", "applications", "companies"):
        print(f"{key:>14}: {result[key]}")
    print(f"{'by signal':>14}: {result['auto_by_signal']}")
    print(f"{'wrong':>14}: {result['wrong_by_signal']}")
    print(f"{'review':>14}: {result['review_reasons']}")


if __name__ == "__main__":
    main()
