"""Build a realistic job seeker's mailbox with a ground-truth record for every message.

    python bench/inbox/build.py OUT_DIR [--seed N] [--now 2026-12-08T10:00]

writes OUT_DIR/inbox.mbox and OUT_DIR/truth.json. Everything is drawn from a
`random.Random(seed)`, so a seed gives the same messages, senders, texts and
Message-IDs; dates are offsets back from `now` (given, or the current hour).

Ground truth per message (keys of each record in truth.json):

    key, message_id      our id ("m0042") and the message's unique Message-ID
    kind, subkind        e.g. ats_rejection, personal_rejection, employer_feedback_answer,
                         own_feedback_request, confirmation, hard_negative/rental ...
    category             the job category a perfect reader would give
    job_rejection        True only for an employer's (or agency's) rejection of a job
    own                  sent by the user
    robot                the sender address cannot be written to (ATS, no-reply, list)
    contact              the reachable human behind THIS message {name, email}, or None
    recipients           whom a follow-up may be addressed to (may be a recruiter known
                         from earlier mail of the same application)
    draft                "expected" (a follow-up should be offered and drafted),
                         "optional" (acceptable either way), "never", or "done" (the
                         user already followed up by hand; another offer is a failure)
    greeting             the first name a draft's greeting should use, or None
    specifics            details a good note could mention: {kind, text, pattern}
    company, role, stage, reasons, platform, app, thread, age_days, date
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "inbox"

from . import negatives, texts
from .data import (
    CITIES,
    COMPANY_HEADS,
    COMPANY_TAILS,
    FIRST_NAMES,
    FRIENDS,
    LAST_NAMES,
    ROLES,
    USER_EMAIL,
    USER_FIRST,
    USER_NAME,
)

USER = (USER_NAME, USER_EMAIL)
ATS_DOMAINS = (
    "myworkday.com", "successfactors.eu", "successfactors.com", "greenhouse.io",
    "greenhouse-mail.io", "lever.co", "ashbyhq.com", "icims.com", "taleo.net",
    "smartrecruiters.com", "brassring.com", "csodmail.com", "linkedin.com",
)  # fmt: skip

PLATFORM_COUNTS = {
    "workday": 9, "successfactors": 5, "greenhouse": 9, "lever": 7, "ashby": 5, "icims": 5,
    "taleo": 4, "smartrecruiters": 5, "brassring": 4, "cornerstone": 3, "linkedin": 4,
}  # fmt: skip

AGENCIES = [
    ("TalentBridge Recruitment", "talentbridge-recruitment.example"),
    ("Northstar Search", "northstarsearch.example"),
    ("Crest People", "crestpeople.example"),
]


def ascii_slug(text: str, sep: str = "") -> str:
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return sep.join("".join(ch for ch in part if ch.isalnum()) for part in flat.split())


@dataclass
class Company:
    name: str
    domain: str
    tenant: str
    city: str
    tz: str
    platform: str | None = None
    ats: tuple[str, str] | None = None


@dataclass
class Person:
    first: str
    last: str
    email: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    def who(self) -> dict[str, str]:
        return {"name": self.full, "email": self.email}


@dataclass
class Mail:
    key: str
    message_id: str
    sender: tuple[str, str]
    to: tuple[str, str]
    subject: str
    body: str
    date: datetime
    truth: dict[str, Any]
    html: bool = False
    html_only: bool = False
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    reply_to: tuple[str, str] | None = None
    headers: dict[str, str] = field(default_factory=dict)


class Builder:
    def __init__(self, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.mails: list[Mail] = []
        firsts = FIRST_NAMES[:]
        self.rng.shuffle(firsts)
        self._firsts = firsts
        self._used_companies: set[str] = set()
        self._used_firsts: set[str] = set()

    # ------------------------------------------------------------------ pools
    def company(self, platform: str | None = None) -> Company:
        rng = self.rng
        while True:
            head = rng.choice(COMPANY_HEADS)
            tail, kind = rng.choice(COMPANY_TAILS)
            name = f"{head}{tail}{kind}"
            if name not in self._used_companies:
                break
        self._used_companies.add(name)
        tenant = ascii_slug(head + tail)
        city, tz = rng.choice(CITIES)
        c = Company(name, f"{tenant}.example", tenant, city, tz, platform)
        if platform:
            c.ats = self._ats_sender(platform, c)
        return c

    def _ats_sender(self, platform: str, c: Company) -> tuple[str, str]:
        rng, t, n = self.rng, c.tenant, c.name
        options = {
            "workday": [(n, f"{t}@myworkday.com"), ("Workday", f"workday.do-not-reply@{c.domain}")],
            "successfactors": [
                ("Careers", "systemmessage@successfactors.eu"),
                (f"{n} Careers", "systemmessage@successfactors.com"),
            ],
            "greenhouse": [
                (n, "no-reply@greenhouse.io"),
                (f"{n} Recruiting", "no-reply@us.greenhouse-mail.io"),
            ],
            "lever": [(n, "no-reply@hire.lever.co")],
            "ashby": [(f"{n} Hiring Team", "no-reply@ashbyhq.com")],
            "icims": [(f"{n} Talent Acquisition", f"{t}-notifications@talent.icims.com")],
            "taleo": [(f"{n} Careers", f"{t}@taleo.net")],
            "smartrecruiters": [(n, "noreply@smartrecruiters.com")],
            "brassring": [(f"{n} Talent Acquisition", "automationmanager@brassring.com")],
            "cornerstone": [(f"{n} Recruiting", f"{t}@csodmail.com")],
            "linkedin": [("LinkedIn", "jobs-noreply@linkedin.com")],
        }
        return rng.choice(options[platform])

    def first_name(self) -> str:
        for name in self._firsts:
            if name not in self._used_firsts:
                self._used_firsts.add(name)
                return name
        return self.rng.choice(FIRST_NAMES)

    def person(self, c: Company | None, domain: str | None = None) -> Person:
        rng = self.rng
        first, last = self.first_name(), rng.choice(LAST_NAMES)
        f, la = ascii_slug(first), ascii_slug(last)
        local = rng.choice([f"{f}.{la}", f"{f[0]}{la}", f, f"{f}_{la}", f"{f[0]}.{la}"])
        return Person(first, last, f"{local}@{domain or (c.domain if c else 'example.org')}")

    # ------------------------------------------------------------------ mail
    def when(self, age_days: float, zone: str = "+00:00") -> datetime:
        sign = -1 if zone.startswith("-") else 1
        hours, minutes = int(zone[1:3]), int(zone[4:6])
        tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
        at = self.now - timedelta(days=age_days)
        return at.astimezone(tz)

    def add(
        self,
        *,
        sender: tuple[str, str],
        subject: str,
        body: str,
        age: float,
        kind: str,
        to: tuple[str, str] | None = None,
        zone: str = "+00:00",
        mid_domain: str | None = None,
        **truth: Any,
    ) -> Mail:
        rng = self.rng
        key = f"m{len(self.mails) + 1:04d}"
        domain = mid_domain or sender[1].split("@")[1]
        message_id = f"<{rng.getrandbits(96):024x}.{rng.randint(1000, 9999)}@{domain}>"
        own = sender[1] == USER_EMAIL
        if to is None:
            to = rng.choice([USER, USER, ("", USER_EMAIL), (USER_FIRST, USER_EMAIL)])
        extra = {
            k: truth.pop(k) for k in ("html", "html_only", "reply_to", "headers") if k in truth
        }
        thread_of: Mail | None = truth.pop("reply_of", None)
        record = {
            "key": key,
            "message_id": message_id,
            "kind": kind,
            "subkind": truth.pop("subkind", None),
            "category": truth.pop("category", "other"),
            "job_rejection": truth.pop("job_rejection", False),
            "own": own,
            "robot": truth.pop("robot", False),
            "sender": sender[1],
            "sender_name": sender[0],
            "subject": subject,
            "contact": truth.pop("contact", None),
            "recipients": truth.pop("recipients", []),
            "draft": truth.pop("draft", "never"),
            "greeting": truth.pop("greeting", None),
            "specifics": truth.pop("specifics", []),
            "company": truth.pop("company", None),
            "role": truth.pop("role", None),
            "stage": truth.pop("stage", None),
            "reasons": truth.pop("reasons", []),
            "platform": truth.pop("platform", None),
            "app": truth.pop("app", None),
            "thread": None,
            "age_days": round(age, 3),
            "date": None,
        }
        record.update(truth)
        mail = Mail(key, message_id, sender, to, subject, body, self.when(age, zone), record)
        mail.html = extra.get("html", False)
        mail.html_only = extra.get("html_only", False)
        mail.reply_to = extra.get("reply_to")
        mail.headers = extra.get("headers", {})
        if thread_of is not None:
            mail.in_reply_to = thread_of.message_id
            mail.references = [*thread_of.references, thread_of.message_id]
            record["thread"] = thread_of.truth["thread"] or thread_of.key
            thread_of.truth["thread"] = record["thread"]
        record["date"] = mail.date.isoformat()
        self.mails.append(mail)
        return mail


# ---------------------------------------------------------------------- the story


def _age(rng: random.Random, stale: bool = False) -> float:
    """A rejection's age in days: some from the last two days, some weeks old."""
    if stale:
        return rng.uniform(35, 55)
    bucket = rng.random()
    if bucket < 0.25:
        return rng.uniform(0.05, 2)
    if bucket < 0.55:
        return rng.uniform(2, 7)
    if bucket < 0.8:
        return rng.uniform(7, 21)
    return rng.uniform(21, 30)


def _req(rng: random.Random, platform: str | None) -> str:
    return rng.choice([f"R-{rng.randint(10000, 99999)}", f"JR{rng.randint(100000, 999999)}"])


def _bulk_headers(addr: str) -> dict[str, str]:
    domain = addr.split("@")[1]
    return {
        "List-Unsubscribe": f"<https://{domain}/unsubscribe?u=8f2c>",
        "Precedence": "bulk",
    }


def _auto_headers() -> dict[str, str]:
    return {"Auto-Submitted": "auto-generated"}


def build(seed: int = 7, now: datetime | None = None) -> Builder:
    now = now or datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    b = Builder(seed, now)
    rng = b.rng
    rejected: list[tuple[Company, Mail]] = []
    app_no = 0

    def app_key() -> str:
        nonlocal app_no
        app_no += 1
        return f"a{app_no:03d}"

    # ---- applications rejected through an ATS
    platforms = [p for p, n in PLATFORM_COUNTS.items() for _ in range(n)]
    rng.shuffle(platforms)
    reply_to_left = 3
    for i, platform in enumerate(platforms):
        c = b.company(platform)
        assert c.ats is not None
        role, req, app = rng.choice(ROLES), _req(rng, platform), app_key()
        common = {"company": c.name, "role": role, "platform": platform, "app": app}
        age = _age(rng)
        interview = i % 6 == 0
        stage = "interview" if interview else "application"
        if rng.random() < 0.75:
            subject, body = texts.ats_confirmation(rng, platform, c, role, req, USER_FIRST)
            b.add(
                sender=c.ats, subject=subject, body=body, age=age + rng.uniform(3, 20),
                kind="confirmation", category="confirmation", robot=True, zone=c.tz,
                html=True, html_only=rng.random() < 0.3, headers=_auto_headers(), **common,
            )  # fmt: skip
        known: Person | None = None
        if interview:
            known = b.person(c)
            subject, body = texts.interview_invite(rng, known, c, role, "interview", USER_FIRST)
            invite = b.add(
                sender=(known.full, known.email), subject=subject, body=body,
                age=age + rng.uniform(4, 10), kind="interview_invite", category="interview",
                contact=known.who(), zone=c.tz, **common,
            )  # fmt: skip
            b.add(
                sender=USER, to=(known.full, known.email), subject="Re: " + invite.subject,
                body=f"Hi {known.first},\n\nThank you, that time works well for me. I look "
                "forward to meeting the team.\n\nBest regards,\nNoor",
                age=age + rng.uniform(2, 3.9), kind="own_interview_reply", reply_of=invite,
                **common,
            )  # fmt: skip
        signer = None
        if not interview and rng.random() < 0.25:
            signer = f"{b.first_name()} {rng.choice(LAST_NAMES)}"
        reply_to = None
        if platform in ("greenhouse", "lever", "ashby") and reply_to_left and not interview:
            reply_to_left -= 1
            human = b.person(c)
            signer, reply_to = human.full, (human.full, human.email)
        subject, body = texts.ats_rejection(rng, platform, c, role, req, USER_FIRST, signer, stage)
        sender = c.ats
        if platform == "lever" and signer and not reply_to and rng.random() < 0.7:
            sender = (f"{signer.split()[0]} from {c.name}", c.ats[1])  # a person's name, a robot
        kind = "ats_rejection"
        truth: dict[str, Any] = {"draft": "never", "recipients": [], "greeting": None}
        if reply_to:
            kind = "ats_rejection_reply_to"
            who = {"name": reply_to[0], "email": reply_to[1]}
            truth = {
                "draft": "expected", "recipients": [who], "contact": who,
                "greeting": reply_to[0].split()[0],
            }  # fmt: skip
        elif signer:
            kind = "ats_rejection_signed"
            truth["signer_without_address"] = signer
        if known is not None:
            truth = {"draft": "optional", "recipients": [known.who()], "greeting": known.first}
        specs = [texts.spec("stage", "interview", r"interview|meet")] if interview else []
        mail = b.add(
            sender=sender, subject=subject, body=body, age=age, kind=kind,
            category="rejection", job_rejection=True, robot=True, stage=stage, zone=c.tz,
            html=True, html_only=rng.random() < 0.35,
            reply_to=reply_to, headers=_auto_headers(), specifics=specs, **truth, **common,
        )  # fmt: skip
        rejected.append((c, mail))

    # ---- applications rejected by a person
    stages = ["application"] * 14 + ["screen"] * 16 + ["interview"] * 22
    reasons: list[str | None] = (
        ["internal_candidate"] * 7 + ["role_changed"] * 6 + ["overqualified"] * 7
        + ["better_fit_elsewhere"] * 6 + ["other_candidate"] * 12 + [None] * 14
    )  # fmt: skip
    styles = (
        ["full"] * 17 + ["first"] * 10 + ["last_first"] * 6 + ["none"] * 7
        + ["role_address"] * 5 + ["with_company"] * 3 + ["agency"] * 4
    )  # fmt: skip
    rng.shuffle(stages)
    rng.shuffle(reasons)
    rng.shuffle(styles)
    personal: list[dict[str, Any]] = []
    for n, (stage, reason, style) in enumerate(zip(stages, reasons, styles, strict=True)):
        via_ats = rng.random() < 0.4
        platform = rng.choice(list(PLATFORM_COUNTS)[:-1]) if via_ats else None
        c = b.company(platform)
        role, req, app = rng.choice(ROLES), _req(rng, platform), app_key()
        common = {"company": c.name, "role": role, "platform": platform, "app": app}
        stale = n % 11 == 5
        age = _age(rng, stale)
        if n % 5 == 0 and age < 3:
            age += 3  # room for a thread before now
        p = b.person(c)
        if style == "agency":
            ag_name, ag_domain = rng.choice(AGENCIES)
            p = b.person(None, domain=ag_domain)
        title = texts.title_for(rng)
        # the application itself
        if via_ats and c.ats:
            subject, body = texts.ats_confirmation(rng, platform or "", c, role, req, USER_FIRST)
            b.add(
                sender=c.ats, subject=subject, body=body, age=age + rng.uniform(8, 25),
                kind="confirmation", category="confirmation", robot=True, zone=c.tz,
                html=True, headers=_auto_headers(), **common,
            )  # fmt: skip
        elif style != "agency" and rng.random() < 0.6:
            to = (f"{c.name} Careers", f"careers@{c.domain}")
            b.add(
                sender=USER, to=to, subject=f"Application: {role} - {USER_NAME}",
                body=f"Dear Hiring Team,\n\nPlease find attached my CV and cover letter for "
                f"the {role} position advertised on your website. I have four years' experience "
                "in analytics and would love to bring it to your team.\n\nKind regards,\n"
                f"{USER_NAME}\n+31 6 1234 5678",
                age=age + rng.uniform(10, 28), kind="own_application", category="other", **common,
            )  # fmt: skip
        interviewers: list[str] = []
        invite = None
        if stage in ("screen", "interview") and style != "agency":
            subject, body = texts.interview_invite(rng, p, c, role, stage, USER_FIRST)
            invite = b.add(
                sender=(p.full, p.email), subject=subject, body=body,
                age=age + rng.uniform(4, 12), kind="interview_invite", category="interview",
                contact=p.who(), zone=c.tz, **common,
            )  # fmt: skip
            if stage == "interview":
                interviewers = [f"{b.first_name()} {rng.choice(LAST_NAMES)}"]
                if rng.random() < 0.5:
                    interviewers.append(f"{b.first_name()} {rng.choice(LAST_NAMES)}")
        extras = set()
        pick = rng.random
        if pick() < (0.55 if stage == "interview" else 0.25):
            extras.add("feedback")
        if pick() < 0.3:
            extras.add("call")
        if pick() < 0.3:
            extras.add("keep_on_file")
        if pick() < 0.12:
            extras.add("alt_role")
        if pick() < 0.15:
            extras.add("reapply")
        # a thank-you note after the interview; some rejections answer it
        thank = None
        if stage == "interview" and style != "agency" and rng.random() < 0.45:
            thank = b.add(
                sender=USER, to=(p.full, p.email), subject=f"Thank you - {role} interview",
                body=f"Dear {p.first},\n\nThank you for today. I really enjoyed meeting "
                f"{interviewers[0].split()[0]} and hearing about the team's plans for next year. "
                f"It made me even more excited about the role.\n\nBest wishes,\n{USER_NAME}",
                age=age + rng.uniform(1, 3), kind="own_thank_you", **common,
            )  # fmt: skip
        if style == "agency":
            subject, body, specs = texts.agency_rejection(
                rng, p, ag_name, c, role, stage, USER_FIRST, extras
            )
            alt = None
            display = p.full
            kind, reasons_here = "agency_rejection", []
        else:
            subject, body, specs, alt = texts.personal_rejection(
                rng, p, c, role, stage, reason, extras, interviewers, USER_FIRST, style, title
            )
            kind, reasons_here = "personal_rejection", [reason] if reason else []
            display = {
                "full": p.full,
                "first": p.first,
                "last_first": f"{p.last}, {p.first}",
                "none": "",
                "role_address": rng.choice(["Talent Team", f"{c.name} Talent Team", "Careers"]),
                "with_company": f"{p.full} | {c.name}",
            }[style]
            if style == "role_address":
                box = rng.choice(["talent", "careers", "jobs"])
                p = Person(p.first, p.last, f"{box}@{c.domain}")
        reply_of = thank if thank is not None and rng.random() < 0.7 else None
        if reply_of is not None:
            subject = "Re: " + reply_of.subject
            body += texts.quote(reply_of.body, USER_NAME, format_datetime(reply_of.date))
        who = {"name": p.full, "email": p.email}
        recipients = [who]
        if invite is not None and invite.sender[1] != p.email:
            recipients.append({"name": p.full, "email": invite.sender[1]})
        mail = b.add(
            sender=(display, p.email), subject=subject, body=body, age=age, kind=kind,
            category="rejection", job_rejection=True, contact=who, recipients=recipients,
            draft="optional" if stale else "expected", greeting=p.first, specifics=specs,
            stage=stage, reasons=reasons_here, zone=c.tz, reply_of=reply_of,
            sender_style=style, extras=sorted(extras), alt_role=alt, stale=stale,
            interviewers=interviewers, **common,
        )  # fmt: skip
        if invite is not None and mail.truth["thread"] is None:
            mail.truth["invite"] = invite.key
        rejected.append((c, mail))
        personal.append({"mail": mail, "person": p, "company": c, "age": age, "common": common})

    # ---- the user followed up on some personal rejections; some employers answered
    candidates = [x for x in personal if x["age"] >= 4 and not x["mail"].truth["stale"]]
    rng.shuffle(candidates)
    for n, x in enumerate(candidates[:14]):
        rej: Mail = x["mail"]
        p: Person = x["person"]
        common = x["common"]
        answered = n < 8
        gap = rng.uniform(0.5, min(2.5, x["age"] / 3))
        if answered:
            text = texts.feedback_request(rng, p.first)
            kind = "own_feedback_request"
        else:
            text = texts.manual_followup(rng, p.first, x["company"].name)
            kind = "own_followup"
        if rng.random() < 0.5:
            text += texts.quote(rej.body, rej.sender[0] or p.full, format_datetime(rej.date))
        subject = rej.subject if rej.subject.startswith("Re: ") else "Re: " + rej.subject
        ask = b.add(
            sender=USER, to=(p.full, p.email), subject=subject, body=text,
            age=x["age"] - gap, kind=kind, reply_of=rej, **common,
        )  # fmt: skip
        rej.truth["draft"] = "done"
        rej.truth["followed_up"] = ask.key
        if answered:
            answer, specs = texts.feedback_answer(rng, USER_FIRST, p.first)
            answer += texts.quote(text.split("\n\nOn ")[0], USER_NAME, format_datetime(ask.date))
            b.add(
                sender=rej.sender, subject=subject, body=answer,
                age=max(0.02, x["age"] - gap - rng.uniform(0.3, 2)),
                kind="employer_feedback_answer", category="other", contact=rej.truth["contact"],
                recipients=rej.truth["recipients"], greeting=p.first, specifics=specs,
                reply_of=ask, zone=x["company"].tz, **common,
            )  # fmt: skip

    # ---- applications still open (and one offer)
    for n in range(24):
        platform = rng.choice(list(PLATFORM_COUNTS)) if n % 3 else None
        c = b.company(platform)
        role, req, app = rng.choice(ROLES), _req(rng, platform), app_key()
        common = {"company": c.name, "role": role, "platform": platform, "app": app}
        age = rng.uniform(0.1, 25)
        if c.ats:
            subject, body = texts.ats_confirmation(rng, platform or "", c, role, req, USER_FIRST)
            b.add(
                sender=c.ats, subject=subject, body=body, age=age + rng.uniform(2, 10),
                kind="confirmation", category="confirmation", robot=True, zone=c.tz, html=True,
                headers=_auto_headers(), **common,
            )  # fmt: skip
        else:
            b.add(
                sender=USER, to=(f"{c.name} Careers", f"careers@{c.domain}"),
                subject=f"Application for the {role} role", body=f"Hello,\n\nI'd like to apply "
                f"for the {role} role. My CV is attached.\n\nMany thanks,\n{USER_NAME}",
                age=age + rng.uniform(2, 10), kind="own_application", **common,
            )  # fmt: skip
        if n % 4 == 1:
            p = b.person(c)
            subject, body = texts.interview_invite(
                rng, p, c, role, rng.choice(["screen", "interview"]), USER_FIRST
            )
            b.add(
                sender=(p.full, p.email), subject=subject, body=body, age=age,
                kind="interview_invite", category="interview", contact=p.who(), zone=c.tz,
                **common,
            )  # fmt: skip
        elif n % 4 == 2:
            due = (b.now + timedelta(days=rng.randint(2, 6))).strftime("%d %B %Y")
            subject, body = texts.assessment(rng, c, role, USER_FIRST, due)
            b.add(
                sender=("SkillProbe", "assessments@skillprobe.example"), subject=subject,
                body=body, age=age, kind="assessment", category="assessment", robot=True,
                html=True, **common,
            )  # fmt: skip
        elif n % 8 == 3:
            when = (b.now + timedelta(days=rng.randint(1, 5))).strftime("%A %d %B, 10:30")
            subject, body = texts.ats_interview_schedule(c, role, USER_FIRST, when)
            b.add(
                sender=(f"{c.name} Hiring Team", "no-reply@ashbyhq.com"), subject=subject,
                body=body, age=age, kind="interview_schedule", category="interview", robot=True,
                html=True, **common,
            )  # fmt: skip
    c = b.company()
    role, app = rng.choice(ROLES), app_key()
    common = {"company": c.name, "role": role, "app": app}
    p = b.person(c)
    subject, body = texts.interview_invite(rng, p, c, role, "interview", USER_FIRST)
    b.add(
        sender=(p.full, p.email), subject=subject, body=body, age=16, kind="interview_invite",
        category="interview", contact=p.who(), zone=c.tz, **common,
    )  # fmt: skip
    hr = b.person(c)
    subject, body = texts.offer(hr, c, role, USER_FIRST)
    b.add(
        sender=(hr.full, hr.email), subject=subject, body=body, age=1.5, kind="offer",
        category="offer", contact=hr.who(), zone=c.tz, **common,
    )  # fmt: skip

    # ---- recruiter outreach and job alerts
    for _ in range(10):
        ag_name, ag_domain = rng.choice(AGENCIES)
        p = b.person(None, domain=ag_domain)
        subject, body = texts.recruiter_outreach(rng, p, ag_name, USER_FIRST)
        b.add(
            sender=(p.full, p.email), subject=subject, body=body, age=rng.uniform(0.2, 40),
            kind="recruiter_outreach", category="recruiter_outreach", contact=p.who(),
        )  # fmt: skip
    every = [c for c, _ in rejected]
    for e in negatives.job_alerts(rng, every, ROLES):
        b.add(
            sender=e["sender"], subject=e["subject"], body=e["body"], age=rng.uniform(0.1, 45),
            kind="job_alert", category="job_alert", robot=True, html=True,
            headers=_bulk_headers(e["sender"][1]),
        )  # fmt: skip

    # ---- the user's own talk with friends, and friends consoling them
    told = rng.sample(rejected, 8)
    for n, (c, rej) in enumerate(told):
        friend = FRIENDS[n % len(FRIENDS)]
        age = max(0.02, rej.truth["age_days"] - rng.uniform(0.01, min(1, rej.truth["age_days"])))
        if n < 3:  # forwarded to a mentor, quoting the rejection
            fwd = (
                f"Hi {friend[0].split()[0]},\n\nAnother one, see below. Do you think it's worth "
                "replying?\n\nNoor\n\n---------- Forwarded message ---------\n"
                f"From: {formataddr(rej.sender)}\nDate: {format_datetime(rej.date)}\n"
                f"Subject: {rej.subject}\nTo: {formataddr(USER)}\n\n{rej.body}"
            )
            b.add(
                sender=USER, to=friend, subject="Fwd: " + rej.subject, body=fwd, age=age,
                kind="own_forward", company=c.name, forwarded=rej.key,
            )  # fmt: skip
            continue
        news = rng.choice(
            [
                f"Heard back from {c.name} today. Unfortunately they've decided not to move "
                "forward with my application. Gutted, I really liked that team.",
                f"Well, {c.name} said no. 'We have decided to go with another candidate.' "
                "On to the next one, I suppose.",
                f"Bad news from {c.name}, they went with someone else. Pub later?",
            ]
        )
        told_mail = b.add(
            sender=USER, to=friend, subject=rng.choice([f"{c.name}...", "ugh", "news"]),
            body=f"Hi {friend[0].split()[0]},\n\n{news}\n\nN x", age=age, kind="own_friend",
            company=c.name,
        )  # fmt: skip
        if n < 7:
            e = negatives.consoling(c.name, friend, rng)
            reply = b.add(
                sender=e["sender"], subject="Re: " + told_mail.subject, body=e["body"],
                age=max(0.01, age - rng.uniform(0.01, 0.5)), kind="hard_negative",
                subkind="friend_consoling", reply_of=told_mail, company=c.name,
            )  # fmt: skip
            if n % 2:
                b.add(
                    sender=USER, to=friend, subject="Re: " + told_mail.subject,
                    body="Thank you, that means a lot. Friday sounds perfect.\n\nN",
                    age=max(0.005, reply.truth["age_days"] - 0.004), kind="own_friend",
                    reply_of=reply,
                )  # fmt: skip
    for n in range(2):
        e = negatives.consoling(rng.choice(every).name, FRIENDS[(n + 3) % len(FRIENDS)], rng)
        b.add(
            sender=e["sender"], subject=e["subject"], body=e["body"], age=rng.uniform(1, 20),
            kind="hard_negative", subkind="friend_consoling",
        )  # fmt: skip
    for n, friend in enumerate(FRIENDS[:4]):
        b.add(
            sender=USER, to=friend, subject=["Saturday?", "Re: climbing", "book", "hi!"][n],
            body=[
                "Are we still on for Saturday? I can bring the board games.",
                "Count me in for Thursday. I'll be the one falling off the wall.",
                "Finished the book you lent me, it was brilliant. When can I give it back?",
                "Long time! How's the new flat? Call me this weekend?",
            ][n],
            age=rng.uniform(0.5, 30), kind="own_friend",
        )  # fmt: skip

    # ---- everyday mail that is no job rejection
    for e in negatives.hard_negatives(rng):
        headers = _bulk_headers(e["sender"][1]) if e["bulk"] else {}
        b.add(
            sender=e["sender"], subject=e["subject"], body=e["body"], age=rng.uniform(0.05, 40),
            kind="hard_negative", subkind=e["subkind"], robot=e["robot"], html=e["html"],
            headers=headers,
            contact=None if e["robot"] else {"name": e["sender"][0], "email": e["sender"][1]},
        )  # fmt: skip

    b.mails.sort(key=lambda m: m.date)
    return b


# ---------------------------------------------------------------------- output


def to_html(text: str, brand: str) -> str:
    paragraphs = "".join(
        "<p>" + "<br>".join(html.escape(line) for line in block.splitlines()) + "</p>"
        for block in text.split("\n\n")
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>'
        f'<td style="padding:16px;background:#f4f4f4"><b>{html.escape(brand)}</b></td></tr>'
        f'<tr><td style="padding:24px;font-family:Arial,sans-serif">{paragraphs}</td></tr>'
        "</table></body></html>"
    )


def to_message(m: Mail) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = formataddr(m.sender) if m.sender[0] else m.sender[1]
    msg["To"] = formataddr(m.to) if m.to[0] else m.to[1]
    msg["Subject"] = m.subject
    msg["Date"] = format_datetime(m.date)
    msg["Message-ID"] = m.message_id
    if m.in_reply_to:
        msg["In-Reply-To"] = m.in_reply_to
        msg["References"] = " ".join(m.references)
    if m.reply_to:
        msg["Reply-To"] = formataddr(m.reply_to)
    for name, value in m.headers.items():
        msg[name] = value
    brand = m.sender[0] or m.sender[1].split("@")[1]
    if m.html_only:
        msg.set_content(to_html(m.body, brand), subtype="html")
    else:
        msg.set_content(m.body)
        if m.html:
            msg.add_alternative(to_html(m.body, brand), subtype="html")
            token = m.message_id.strip("<>").split("@")[0].replace(".", "")
            msg.set_boundary(f"==_{token}_alt")  # deterministic, unlike the default
    return msg


def write(b: Builder, out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "inbox.mbox"
    with path.open("wb") as box:
        for m in b.mails:
            data = to_message(m).as_bytes()
            # mboxrd: a body line starting with "From " (after any ">") gets one more ">"
            data = re.sub(rb"(?m)^(>*From )", rb">\1", data)
            stamp = m.date.astimezone(UTC).strftime("%a %b %d %H:%M:%S %Y")
            box.write(f"From {m.sender[1]} {stamp}\n".encode() + data.rstrip(b"\n") + b"\n\n")
    truth_path = out / "truth.json"
    meta = {"seed_now": b.now.isoformat(), "user": {"name": USER_NAME, "email": USER_EMAIL}}
    truth_path.write_text(
        json.dumps({"meta": meta, "messages": [m.truth for m in b.mails]}, indent=1)
    )
    return path, truth_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--now", help="ISO time the inbox ends at (default: this hour, UTC)")
    args = parser.parse_args()
    now = datetime.fromisoformat(args.now).replace(tzinfo=UTC) if args.now else None
    b = build(args.seed, now)
    mbox, truth = write(b, args.out)
    print(f"{len(b.mails)} messages: {mbox}, {truth}")


if __name__ == "__main__":
    main()
