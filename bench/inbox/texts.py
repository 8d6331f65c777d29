"""The wording of the job mail: ATS notes, personal rejections, invitations, threads.

Each function takes a `random.Random` and the facts of one message and returns
`(subject, body)` or, for rejections, also the "specifics": details a good
follow-up could pick up, each as `{"kind", "text", "pattern"}` where
`pattern` is a case-insensitive regex a draft that mentions it would match.
"""

from __future__ import annotations

import random
from typing import Any

from .data import ALT_ROLES, CITIES, DOMAINS, GAPS, NEW_SCOPES, STRENGTHS, TEAMS, WEEKDAYS

Spec = dict[str, str]


def spec(kind: str, text: str, pattern: str) -> Spec:
    return {"kind": kind, "text": text, "pattern": pattern}


# ---------------------------------------------------------------- ATS ---------------------------

ATS_FOOTERS = {
    "workday": "This is an automated message. Please do not reply to this email.",
    "successfactors": (
        "This e-mail was generated automatically. Replies to this address cannot be answered."
    ),
    "greenhouse": "",
    "lever": "",
    "ashby": "Powered by Ashby",
    "icims": "Please do not reply to this message; this mailbox is not monitored.",
    "taleo": "This is an automatically generated e-mail, please do not reply.",
    "smartrecruiters": "Sent via SmartRecruiters. Please do not reply directly to this e-mail.",
    "brassring": "*** This is an automated message. Please do not respond. ***",
    "cornerstone": "This message was sent from an unmonitored address.",
    "linkedin": "",
}


def ats_rejection(
    rng: random.Random, platform: str, c: Any, role: str, req: str, user: str, signer: str | None,
    stage: str,
) -> tuple[str, str]:  # fmt: skip
    """An ATS rejection. `signer` is a named recruiter who signs but has no address."""
    name = c.name
    if signer:
        sign = rng.choice(
            [
                f"Best regards,\n{signer}\nTalent Acquisition Partner, {name}",
                f"Kind regards,\n{signer}\nRecruiter | {name}",
                f"Thanks,\n{signer}\n{name} Recruiting",
            ]
        )
    else:
        sign = rng.choice(
            [
                f"Best regards,\n{name} Talent Acquisition",
                f"Sincerely,\nThe {name} Recruiting Team",
                f"Kind regards,\n{name} Careers",
                f"The {name} Team",
            ]
        )
    footer = ATS_FOOTERS[platform]
    if platform == "linkedin":
        subject = f"Your application to {role} at {name}"
        body = (
            f"Your update from {name}\n\n{role}\n{name} · {c.city}\n\n"
            f"Hi {user},\n\nThank you for your interest in the {role} position at {name} in "
            f"{c.city}. Unfortunately, we will not be moving forward with your application, but "
            f"we appreciate your time and interest in {name}.\n\nRegards,\n{name}\n\n"
            "Top jobs looking for your skills\nSee all jobs: https://www.linkedin.com/jobs/\n\n"
            f"This email was intended for {user} Halvorsen. Learn why we included this.\n"
            "You are receiving LinkedIn notification emails. Unsubscribe · Help"
        )
        return subject, body
    if stage == "interview":
        subject = rng.choice(
            [f"Your interview for {role} at {name}", f"{name}: update on your candidacy ({req})"]
        )
        text = rng.choice(
            [
                f"Thank you for taking the time to interview with us for the {role} position. "
                "We enjoyed learning more about your experience.\n\nAfter careful consideration, "
                "we have decided to proceed with another candidate whose experience more closely "
                "aligns with our current needs.",
                f"Thank you for your time during the interview process for {role} ({req}). "
                "The team has now completed all interviews, and we regret to let you know that "
                "you have not been selected for the position.",
            ]
        )
        body = f"Dear {user},\n\n{text}\n\nWe wish you every success in your search.\n\n{sign}"
        return subject, body + (f"\n\n{footer}" if footer else "")
    variant = rng.randrange(6)
    if variant == 0:
        subject = f"Your application for {role} at {name}"
        body = (
            f"Dear {user},\n\nThank you for your interest in the {role} position (Job ID: {req}) "
            f"at {name}. We appreciate the time you invested in your application.\n\nAfter "
            "careful review, we have decided to move forward with other candidates whose "
            "qualifications more closely match the requirements of this role.\n\nWe encourage you "
            "to continue to visit our careers site and apply for future opportunities that match "
            f"your skills and interests.\n\n{sign}"
        )
    elif variant == 1:
        subject = rng.choice([f"Thank you for applying to {name}", f"{name} - {role}"])
        body = (
            f"Hi {user},\n\nThank you for your interest in {name} and for taking the time to apply "
            f"for our {role} role. We received a large number of applications and have had to "
            "make some difficult decisions.\n\nUnfortunately, we won't be moving forward with your "
            "candidacy at this time. We'll keep your information on file and may reach out if a "
            "role opens up that's a better match.\n\nWe wish you the best of luck in your search."
            f"\n\n{sign}"
        )
    elif variant == 2:
        subject = rng.choice([f"Your application to {name}", f"Update from {name}"])
        body = (
            f"Hi {user},\n\nThanks so much for applying to {name}. We've reviewed your application "
            f"for {role} and, while your background is impressive, we've decided to pursue other "
            "candidates for this position.\n\nWe appreciate your interest and encourage you to "
            f"keep an eye on our jobs page: https://jobs.{c.domain}/\n\n{sign}"
        )
    elif variant == 3:
        subject = f"{name} - Application Status Update"
        body = (
            f"Dear {user} Halvorsen,\n\nRe: {role} - Requisition {req}\n\nThank you for applying "
            f"for the above position with {name}. We regret to inform you that you have not been "
            "selected to move forward in the selection process for this position.\n\nYour profile "
            "will remain in our talent community, and you will be notified of relevant openings."
            f"\n\n{sign}"
        )
    elif variant == 4:
        subject = f"Your application: {role} ({req})"
        body = (
            f"Dear {user},\n\nThank you for your application for the position {role} ({req}) with "
            f"{name}.\n\nWe have now completed our review of all applications. We regret to inform "
            "you that on this occasion your application has not been successful.\n\nWe will retain "
            "your details in our candidate pool for 12 months.\n\nYours sincerely,\n"
            f"{sign.split(chr(10), 1)[-1]}"
        )
    else:
        subject = f"Regarding your application for {role}"
        body = (
            f"Hello {user},\n\nThank you for considering {name} as your next career step. We've "
            f"carefully reviewed your application for {role}, and we regret to let you know that "
            "we will not be progressing it further. Competition for this role was very strong."
            f"\n\nWe hope you'll consider us again in the future.\n\n{sign}"
        )
    return subject, body + (f"\n\n{footer}" if footer else "")


def ats_confirmation(
    rng: random.Random, platform: str, c: Any, role: str, req: str, user: str
) -> tuple[str, str]:
    name = c.name
    if platform == "linkedin":
        return (
            f"Noor, your application was sent to {name}",
            f"Your application was sent to {name}\n\n{role}\n{name} · {c.city} (Hybrid)\n\n"
            "Applied with your LinkedIn profile and CV.\nView job: https://www.linkedin.com/jobs/"
            "\n\nNow, take these next steps for more success with your job search.\n\n"
            "You are receiving LinkedIn notification emails. Unsubscribe",
        )
    footer = ATS_FOOTERS[platform]
    variant = rng.randrange(3)
    if variant == 0:
        subject = f"Thank you for applying to {name}"
        body = (
            f"Hi {user},\n\nThank you for applying for the {role} position at {name}! Our team "
            "will review your application and get back to you if your qualifications match our "
            f"needs.\n\nBest,\nThe {name} Recruiting Team"
        )
    elif variant == 1:
        subject = f"We have received your application - {role} ({req})"
        body = (
            f"Dear {user},\n\nThank you for your application for {role} (requisition {req}). "
            "We have received it and will review it shortly.\n\nYou can check the status of your "
            f"application at any time in your candidate home: https://{c.tenant}.wd3.myworkdayjobs"
            f".com/careers/userHome\n\nKind regards,\n{name} Talent Acquisition"
        )
    else:
        subject = f"Application received: {role}"
        body = (
            f"Hello {user},\n\nThis confirms that we received your application for {role} at "
            f"{name}. Every application is reviewed by a member of our team; if your profile is a "
            "match we will be in touch to arrange next steps.\n\nThank you for your interest,\n"
            f"{name} Careers"
        )
    return subject, body + (f"\n\n{footer}" if footer else "")


# ----------------------------------------------------------- personal ---------------------------

TITLES = [
    "Senior Recruiter",
    "Talent Acquisition Partner",
    "Hiring Manager, {team}",
    "Head of {team}",
    "People & Talent Lead",
    "Engineering Manager",
    "Recruitment Lead",
]


def title_for(rng: random.Random) -> str:
    return rng.choice(TITLES).format(team=rng.choice(TEAMS).title())


def signature(rng: random.Random, p: Any, c: Any, style: str, title: str) -> str:
    """The sign-off; with style `none` the name lives only here."""
    if style in ("last_first", "role_address", "none"):
        return rng.choice(
            [
                f"Kind regards,\n{p.full}\n{title}\n{c.name} | {c.city}",
                f"Warmly,\n{p.full}\n{title}, {c.name}",
                f"Thanks,\n{p.full}\n{title}",
            ]
        )
    return rng.choice(
        [
            f"Best,\n{p.first}",
            f"All the best,\n{p.first}",
            f"Kind regards,\n{p.full}\n{title}, {c.name}",
            f"Cheers,\n{p.first}\n\n--\n{p.full} · {title} · {c.name}\n+{rng.randint(10, 99)} "
            f"{rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        ]
    )


def personal_rejection(
    rng: random.Random, p: Any, c: Any, role: str, stage: str, reason: str | None,
    extras: set[str], interviewers: list[str], user: str, style: str, title: str,
) -> tuple[str, str, list[Spec], str | None]:  # fmt: skip
    """A rejection a person wrote. Returns subject, body, specifics and the alt role if any."""
    specs: list[Spec] = []
    day = rng.choice(WEEKDAYS)
    greeting = rng.choice([f"Hi {user},", f"Dear {user},", f"Hello {user},", f"{user},"])
    if stage == "application":
        opening = rng.choice(
            [
                f"Thank you for applying for the {role} role at {c.name}, and for the care you put "
                "into your cover letter.",
                f"Thanks for your interest in the {role} position. I've now had a chance to go "
                "through your application properly.",
                f"I'm writing about your application for {role}. Thank you for thinking of "
                f"{c.name}.",
            ]
        )
    elif stage == "screen":
        opening = rng.choice(
            [
                f"Thank you for taking the time to speak with me on {day} about the {role} role.",
                f"It was good to chat on {day}, and thanks for making the time at short notice.",
                f"Thanks again for the call last week about the {role} position; I enjoyed hearing "
                "about your work.",
            ]
        )
        specs.append(spec("stage", "phone screen", r"\bcall\b|chat|conversation|spea?k|spoke"))
    else:
        who = " and ".join(interviewers) if interviewers else "the team"
        opening = rng.choice(
            [
                f"Thank you for coming in on {day} to meet {who}. Everyone appreciated the time "
                "you gave us.",
                f"Thank you for your time across the interviews for the {role} position, and for "
                f"the conversations with {who}.",
                f"Thanks for the final-round interview last {day} with {who}, and for the work you "
                "put into the presentation.",
            ]
        )
        specs.append(spec("stage", "interview", r"interview|meet|met\b|panel|presentation"))
        for name in interviewers:
            specs.append(spec("interviewer", name, rf"\b{name.split()[0]}\b"))
    decision = rng.choice(
        [
            "Unfortunately, we've decided not to move forward with your application.",
            "I'm sorry to say we won't be taking your application further this time.",
            "After a lot of discussion, we've decided to offer the role to another candidate.",
            "I wanted to let you know personally that we won't be progressing to the next round.",
            "It was a close call, but we've decided to go with someone else.",
        ]
    )
    alt: str | None = None
    parts = [opening, decision]
    if reason == "internal_candidate":
        team = rng.choice(TEAMS)
        parts.append(
            rng.choice(
                [
                    f"In the end we've filled the position internally: a colleague from our {team} "
                    "team is moving across.",
                    "We had an internal candidate apply late in the process, and we've decided to "
                    "give them the opportunity.",
                ]
            )
        )
        specs.append(spec("reason", "internal candidate", r"internal|colleague|within the"))
    elif reason == "role_changed":
        scope, pat = rng.choice(NEW_SCOPES)
        parts.append(
            f"The role has changed quite a bit since we advertised it: we now need someone to "
            f"focus on the {scope}, which is a different profile from the one we interviewed for."
        )
        specs.append(spec("reason", f"role changed: {scope}", rf"chang|scope|{pat}"))
    elif reason == "overqualified":
        parts.append(
            rng.choice(
                [
                    "Honestly, your experience goes well beyond what this position needs, and we "
                    "worried it wouldn't keep you challenged for long.",
                    "We felt you were overqualified for the level of this role, and that you'd "
                    "outgrow it quickly.",
                ]
            )
        )
        specs.append(
            spec("reason", "overqualified", r"overqualif|beyond what|level of the role|challeng")
        )
    elif reason == "better_fit_elsewhere":
        alt, pat = rng.choice(ALT_ROLES)
        parts.append(
            f"We think your background fits our {alt} opening better than this one; it's posted "
            "on our careers page, and I'd be glad to put you forward for it."
        )
        specs.append(spec("alt_role", alt, pat))
    elif reason == "other_candidate":
        domain, pat = rng.choice(DOMAINS)
        parts.append(
            f"We had a very strong shortlist and chose a candidate with more direct experience in "
            f"{domain}."
        )
        specs.append(spec("reason", f"other candidate: {domain}", pat))
    if "feedback" in extras:
        gap, pat = rng.choice(GAPS)
        strength = rng.choice(STRENGTHS)
        parts.append(
            rng.choice(
                [
                    f"If it's useful: we really liked {strength}, but felt that {gap} is something "
                    "the role needs from day one.",
                    f"Some feedback, in case it helps: the panel rated {strength} highly; the gap "
                    f"was {gap}.",
                    f"To be transparent, the deciding factor was {gap}. {strength[0].upper()}"
                    f"{strength[1:]} came across really well.",
                ]
            )
        )
        specs.append(spec("feedback", gap, pat))
    if "call" in extras:
        parts.append(
            rng.choice(
                [
                    "If you'd find it useful, I'm happy to set up a 15-minute call to share more "
                    "detailed feedback. Just reply with a couple of times that suit.",
                    "I'd be glad to talk it through on a quick call if that would help; my "
                    "calendar is fairly open next week.",
                    "Happy to have a short chat about it whenever works for you.",
                ]
            )
        )
        specs.append(spec("offered_call", "offered a call", r"\bcall\b|chat|talk|speak"))
    if "alt_role" in extras and alt is None:
        alt, pat = rng.choice(ALT_ROLES)
        parts.append(
            f"Separately, we've just opened a {alt} position that I think could suit you well. "
            "Have a look on our careers page, and mention my name if you apply."
        )
        specs.append(spec("alt_role", alt, pat))
    if "keep_on_file" in extras:
        parts.append(
            rng.choice(
                [
                    "We'll keep your CV on file, and I'll get in touch if something closer to "
                    "your experience comes up.",
                    "I'd like to keep your details on file, if that's alright with you.",
                ]
            )
        )
    if "reapply" in extras:
        parts.append("Please don't let this put you off applying again in future.")
    parts.append(
        rng.choice(
            [
                "I wish you the very best with your search.",
                "Thank you again, and good luck.",
                "I'm sorry it isn't better news this time.",
                "All the best for what comes next.",
            ]
        )
    )
    paragraphs = [parts[0] + " " + parts[1], *parts[2:-1]]
    body = greeting + "\n\n" + "\n\n".join(paragraphs) + "\n\n" + parts[-1] + "\n\n"
    body += signature(rng, p, c, style, title)
    subject = rng.choice(
        [
            f"Your application for {role}",
            f"{role} - update",
            f"Update on the {role} role",
            f"{c.name}: {role}",
            f"Following up on our conversation ({role})",
        ]
        if stage != "application"
        else [f"Your application for {role}", f"{role} at {c.name}", "Your application"]
    )
    return subject, body, specs, alt


def agency_rejection(
    rng: random.Random, p: Any, agency: str, client: Any, role: str, stage: str, user: str,
    extras: set[str],
) -> tuple[str, str, list[Spec]]:  # fmt: skip
    specs: list[Spec] = []
    lines = [
        f"Hi {user},",
        f"I've just heard back from {client.name} about the {role} role. Unfortunately they've "
        "decided not to take things further"
        + (" after the interview." if stage == "interview" else " at this stage."),
    ]
    if stage == "interview":
        specs.append(spec("stage", "interview", r"interview|meet"))
    if "feedback" in extras:
        gap, pat = rng.choice(GAPS)
        lines.append(
            f"Their feedback was mostly positive; the main concern was {gap}. I'll push them for "
            "anything more detailed."
        )
        specs.append(spec("feedback", gap, pat))
    lines.append(
        "I know that's disappointing. I have a couple of other roles in mind that could suit you, "
        "so let's speak this week if you're free."
    )
    specs.append(spec("offered_call", "offered a call", r"\bcall\b|speak|chat|talk|other roles"))
    lines.append(f"Speak soon,\n{p.first}\n\n{p.full}\nSenior Consultant | {agency}")
    subject = rng.choice([f"{client.name} - {role}", f"Re: {role} with {client.name}"])
    return subject, "\n\n".join(lines), specs


# --------------------------------------------------------- other job mail -----------------------


def interview_invite(
    rng: random.Random, p: Any, c: Any, role: str, stage: str, user: str
) -> tuple[str, str]:
    day = rng.choice(WEEKDAYS)
    if stage == "screen":
        subject = rng.choice([f"{role} at {c.name} - quick call?", f"Next steps: {role}"])
        body = (
            f"Hi {user},\n\nThanks for applying for the {role} role. We'd love to set up a "
            "30-minute call to get to know you and tell you more about the team. Could you send me "
            f"a few times that work on {day} or later next week?\n\nBest,\n{p.first}\n\n{p.full}\n"
            f"{c.name}"
        )
    else:
        subject = rng.choice([f"Interview invitation: {role}", f"{c.name} interview - {role}"])
        body = (
            f"Dear {user},\n\nThank you for your time so far. We'd like to invite you to an "
            f"interview for the {role} position on {day} at 14:00 at our {c.city} office (or by "
            "video if you prefer). You'll meet the hiring manager and a member of the team; "
            "please allow 90 minutes.\n\nCould you confirm whether that works?\n\nKind regards,\n"
            f"{p.full}\n{c.name}"
        )
    return subject, body


def ats_interview_schedule(c: Any, role: str, user: str, when: str) -> tuple[str, str]:
    return (
        f"Interview confirmed: {role} with {c.name}",
        f"Hi {user},\n\nYour interview for {role} at {c.name} is confirmed for {when}.\n\n"
        "Join by video: https://meet.example/abc-defg-hij\n\nNeed to reschedule? Use the link in "
        "your candidate portal.\n\nPowered by Ashby",
    )


def assessment(rng: random.Random, c: Any, role: str, user: str, due: str) -> tuple[str, str]:
    kind = rng.choice(["coding assessment", "numerical reasoning test", "work-style questionnaire"])
    return (
        f"{c.name}: complete your {kind}",
        f"Hello {user},\n\n{c.name} has invited you to complete a {kind} as part of your "
        f"application for {role}. It takes about 45 minutes and must be completed by {due}.\n\n"
        "Start assessment: https://app.skillprobe.example/invite/7f3a\n\nGood luck!\n"
        "The SkillProbe team\n\nYou received this e-mail because an employer invited you.",
    )


def offer(p: Any, c: Any, role: str, user: str) -> tuple[str, str]:
    return (
        f"Offer of employment - {role}",
        f"Dear {user},\n\nI'm delighted to offer you the position of {role} at {c.name}, starting "
        "on 1 February. Your contract and the details of the package are attached; please read "
        "them and let me know if you have any questions.\n\nWe would be grateful for your answer "
        f"by the end of next week.\n\nWarm regards,\n{p.full}\nHead of People, {c.name}",
    )


def recruiter_outreach(rng: random.Random, p: Any, agency: str, user: str) -> tuple[str, str]:
    role = rng.choice(["Senior Data Analyst", "Analytics Lead", "BI Developer", "Data Scientist"])
    city = rng.choice(CITIES)[0]
    salary = rng.choice(["£55-65k", "€70-80k", "$95-110k", "competitive"])
    subject = rng.choice(
        [f"{role} opportunity - {city}", "Quick question", f"{role} role ({city})"]
    )
    body = (
        f"Hi {user},\n\nI came across your profile and thought you could be a great fit for a "
        f"{role} role I'm recruiting for with a fast-growing client in {city}. Salary is "
        f"{salary}, hybrid, with a strong data culture.\n\nWould you be open to a quick chat this "
        f"week?\n\nBest regards,\n{p.full}\n{agency}"
    )
    return subject, body


def feedback_request(rng: random.Random, contact_first: str) -> str:
    return rng.choice(
        [
            f"Hi {contact_first},\n\nThank you for letting me know, and for the time you and the "
            "team gave me. If you have a moment, I'd really value any feedback on where my "
            "application fell short; it would help me a lot in my search.\n\nBest wishes,\nNoor",
            f"Dear {contact_first},\n\nThanks for the update, disappointing as it is. Would you be "
            "willing to share a few words on what I could have done better? I'd be grateful for "
            "anything you can tell me.\n\nKind regards,\nNoor Halvorsen",
        ]
    )


def manual_followup(rng: random.Random, contact_first: str, company: str) -> str:
    return rng.choice(
        [
            f"Hi {contact_first},\n\nThank you for letting me know personally, I appreciate it. "
            f"I really enjoyed learning about {company} and would love to stay in touch for future "
            "roles.\n\nAll the best,\nNoor",
            f"Dear {contact_first},\n\nThanks for your kind note. I'm disappointed, of course, but "
            "grateful for the time you spent with me. Please keep me in mind if anything similar "
            "comes up.\n\nBest regards,\nNoor Halvorsen",
        ]
    )


def feedback_answer(rng: random.Random, user: str, first: str) -> tuple[str, list[Spec]]:
    gap, pat = rng.choice(GAPS)
    strength = rng.choice(STRENGTHS)
    text = rng.choice(
        [
            f"Hi {user},\n\nOf course, happy to share. The main thing that held us back was "
            f"{gap}: the successful candidate had done more of it recently. On the positive "
            f"side, {strength} stood out to everyone, so I'd lead with that.\n\nI hope that "
            f"helps, and good luck.\n\n{first}",
            f"Dear {user},\n\nThank you for asking. Honestly, it was close. The panel felt that "
            f"{gap} was the area where you'd need the most support, while {strength} was a real "
            "strength. As mentioned, we have gone with another candidate, but I'd encourage you to "
            f"keep applying for roles like this.\n\nBest,\n{first}",
        ]
    )
    return text, [spec("feedback", gap, pat)]


def quote(text: str, who: str, when: str) -> str:
    quoted = "\n".join("> " + line if line else ">" for line in text.splitlines())
    return f"\n\nOn {when}, {who} wrote:\n{quoted}"
