"""Turn a planned move into a draft: a template, the specifics, and the grace check."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import timedelta
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined

from gracefully.domain import (
    Application,
    Contact,
    ContactRole,
    Draft,
    Email,
    Feedback,
    Move,
    MoveKind,
    Profile,
    Reading,
    Reason,
    Rejection,
    Stage,
)
from gracefully.domain.clock import as_aware
from gracefully.write.detectors import GraceContext
from gracefully.write.grace import check

THANKS_FOR = {
    Stage.APPLICATION: "considering my application",
    Stage.SCREEN: "our call",
    Stage.ASSESSMENT: "the time you spent on my take-home",
    Stage.INTERVIEW: "the time you and the team spent interviewing me",
    Stage.OFFER: "our conversations",
}
"""One specific from the process, by the stage reached: an interview is never "my application"."""

OPENERS = (
    "Thank you for letting me know, and for {thanks_for}.",
    "Thanks for the update on {role_phrase}, and for {thanks_for}.",
    "Thank you for your note and for {thanks_for}.",
)
LATE_OPENERS = (
    "I wanted to come back to your note about {role_phrase} and thank you for {thanks_for}.",
    "Some time has passed since your note about {role_phrase}, but I wanted to thank you "
    "for {thanks_for}.",
    "Belatedly, thank you for your note about {role_phrase} and for {thanks_for}.",
)
"""For a note sent more than `LATE_AFTER` after the rejection: "thank you for letting me
know" reads oddly weeks later."""
LATE_AFTER = timedelta(days=7)

FEEDBACK_POINTS = {
    Reason.EXPERIENCE_GAP: "the experience you were looking for",
    Reason.OTHER_CANDIDATE: "how the other candidates compared",
    Reason.LOCATION: "the location the role needs",
    Reason.ROLE_CHANGED: "how the role has changed",
    Reason.OVERQUALIFIED: "how you saw the fit with my level of experience",
    Reason.COMPENSATION: "the salary range",
    Reason.LANGUAGE: "the language the role needs",
    Reason.TIMING: "the timing",
    Reason.INTERNAL_CANDIDATE: "the internal candidate",
    Reason.WORK_AUTHORIZATION: "the work authorisation question",
}
"""The one point of given feedback a thank-you names, by the reason it stated."""

UNDERSTOOD = {
    Reason.INTERNAL_CANDIDATE: "I understand the role went to an internal candidate.",
    Reason.ROLE_CHANGED: "I understand the role has changed since we spoke.",
    Reason.ROLE_CLOSED: "I'm sorry to hear the role has been put on hold.",
}
"""A reason about the job, not the candidate, acknowledged in one sentence."""

_TITLES = {"mr", "mrs", "ms", "mx", "dr", "prof", "miss"}


class NotDraftable(ValueError):
    """The move cannot be written yet (no move, or the playbook still needs input)."""


@cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("gracefully.write", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def variants(kind: MoveKind) -> int:
    """How many template variants a move has."""
    folder = resources.files("gracefully.write") / "templates" / kind.value
    return sum(1 for f in folder.iterdir() if f.name.endswith(".txt.j2"))


def pick_variant(application_id: int | None, kind: MoveKind, variant: int | None) -> int:
    """The variant to use: the user's, else one fixed by the application, so a
    regenerate gives the same text until the user asks for another."""
    if variant is None:
        digest = hashlib.sha256(f"{application_id}:{kind.value}".encode()).digest()
        variant = int.from_bytes(digest[:4], "big")
    return variant % variants(kind) + 1


def first_name(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if w.strip(".").casefold() not in _TITLES]
    return words[0] if words and "@" not in words[0] else ""


_OWN_SENTENCE = re.compile(
    r"^(?:I|I'm|I’m|I've|I'd|My|In|At|As|Having|Since|Because|While|This|After|Working)\b"
)


def learn_sentence(learn: str) -> str:
    """The profile's "what this job would have let me learn" as one sentence.

    Users write it either as a sentence of their own ("I want to learn dbt
    ...") or as the phrase that completes the question ("regulatory reporting
    ..."); the phrase is completed, the sentence kept as written.
    """
    text = " ".join(learn.split()).rstrip(".")
    if _OWN_SENTENCE.match(text):
        return f"{text}."
    if text[:1].isupper() and not text[1:2].isupper():
        text = text[0].lower() + text[1:]
    return f"This role would have let me learn {text}."


def _with_article(role: str) -> str:
    """ "Analytics Engineer opening" reads as "the Analytics Engineer opening"."""
    if not role or re.match(r"(?i)(?:the|a|an|our|your|another|one)\b", role):
        return role
    return f"the {role}"


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _subject(email: Email | None, role: str | None) -> str:
    original = (email.subject if email else "").strip()
    if not original:
        original = f"{role} application" if role else "Your application"
    return original if re.match(r"(?i)re:", original) else f"Re: {original}"


def grace_context(
    application: Application,
    reading: Reading,
    contact: Contact | None,
    profile: Profile,
) -> GraceContext:
    """What any text for this application must agree with (also for LLM rewrites)."""
    rejection = reading.rejection
    return GraceContext(
        to_name=contact.name if contact else (reading.contact or ""),
        company=reading.company or application.company,
        role=reading.role or application.role or "",
        feedback_refused=bool(rejection and rejection.feedback is Feedback.REFUSED),
        known_names=tuple(n for n in (profile.name, *(c.name for c in application.contacts)) if n),
        alt_role=(rejection.alt_role_text if rejection else None) or "",
        own_text=tuple(
            t for t in (profile.learn.get(application.id or -1, ""), profile.signature) if t
        ),
    )


def compose(
    move: Move,
    *,
    application: Application,
    reading: Reading,
    contact: Contact | None,
    profile: Profile,
    rejection_email: Email | None,
    variant: int | None = None,
) -> Draft:
    """The draft for `move`, checked. `variant` (any int) asks for another wording."""
    context = grace_context(application, reading, contact, profile)
    _ensure_draftable(move, context, contact)
    number = pick_variant(application.id, move.kind, variant)
    name = f"{move.kind.value}/{number}.txt.j2"
    assert contact is not None  # _ensure_draftable saw to it
    fields = _fields(
        application,
        reading,
        profile,
        context,
        number=number,
        late=_late(move, rejection_email),
        contact=contact,
    )
    body = _tidy(_env().get_template(name).render(**fields))
    to_name, to_email = contact.name, contact.email
    message_id = rejection_email.message_id if rejection_email else None
    references = rejection_email.references if rejection_email else ()
    draft = Draft(
        to_name=to_name,
        to_email=to_email,
        subject=_subject(rejection_email, context.role),
        body=body,
        move=move.kind,
        in_reply_to=message_id,
        references=(*references, message_id) if message_id else references,
        template=name,
    )
    return replace(draft, findings=tuple(check(body, context)))


def _ensure_draftable(move: Move, context: GraceContext, contact: Contact | None) -> None:
    if move.kind is MoveKind.NONE:
        raise NotDraftable("no move was planned, so there is nothing to draft")
    if contact is None or not contact.contactable or not contact.email:
        raise NotDraftable(
            "nobody to write to: a note goes to a person with an address of their own, "
            "never to an automated or shared mailbox"
        )
    if not first_name(contact.name):
        raise NotDraftable(f"{contact.name!r} is not a person's name to greet")
    if move.needs:
        raise NotDraftable(f"the playbook needs {', '.join(move.needs)} first")
    if move.kind is MoveKind.ASK_FEEDBACK and context.feedback_refused:
        raise NotDraftable("the employer said it gives no feedback; no feedback ask")


def _fields(
    application: Application,
    reading: Reading,
    profile: Profile,
    context: GraceContext,
    *,
    number: int,
    late: bool,
    contact: Contact,
) -> dict[str, object]:
    rejection = reading.rejection or Rejection()
    stage = rejection.stage if rejection.stage is not Stage.UNKNOWN else application.stage
    learn = profile.learn.get(application.id or -1, "")
    role_phrase = f"the {context.role} role" if context.role else "the role"
    thanks_for = THANKS_FOR.get(stage, "considering me")
    opener = (LATE_OPENERS if late else OPENERS)[(number - 1) % len(OPENERS)]
    return {
        "greeting": f"Hi {first_name(contact.name)},",
        "opener": opener.format(thanks_for=thanks_for, role_phrase=role_phrase),
        "specific": _specific(rejection, application, contact),
        "company": context.company,
        "role_phrase": role_phrase,
        "learn": learn_sentence(learn) if learn else "",
        "alt_role": _with_article(context.alt_role) or "the other opening you mentioned",
        "call_offered": rejection.feedback is Feedback.OFFERED and _offers_call(reading),
        "feedback_offered": rejection.feedback is Feedback.OFFERED,
        "sign": profile.signature or profile.name,
    }


def _specific(rejection: Rejection, application: Application, contact: Contact) -> str:
    """At most two sentences that only this rejection could have prompted: thanks for the
    feedback it gave (naming one point), its reason about the job, the file it keeps the
    user on, and the people who interviewed them."""
    said: list[str] = []
    if rejection.feedback is Feedback.GIVEN:
        point = next((FEEDBACK_POINTS[r] for r in rejection.reasons if r in FEEDBACK_POINTS), "")
        about = f", particularly on {point}" if point else ""
        said.append(f"Thank you too for the feedback{about}; it is genuinely useful.")
    else:
        said += [UNDERSTOOD[r] for r in rejection.reasons if r in UNDERSTOOD][:1]
    if rejection.keep_on_file and len(said) < 2:
        said.append("I'm glad you will keep my details on file.")
    others = [
        first_name(c.name)
        for c in application.contacts
        if c.role is ContactRole.INTERVIEWER
        and first_name(c.name)
        and first_name(c.name) != first_name(contact.name)
    ]
    if others and rejection.stage.rank >= Stage.SCREEN.rank and len(said) < 2:
        names = " and ".join(dict.fromkeys(others[:2]))
        said.append(f"Please pass my thanks to {names} as well.")
    return " ".join(said)


_CALL = re.compile(r"\b(?:call|chat|phone|talk|speak|zoom|teams|meet)\b", re.IGNORECASE)


def _offers_call(reading: Reading) -> bool:
    """The employer offered to talk it through, not only to write."""
    return any(_CALL.search(e.sentence) for e in reading.evidence_for("feedback"))


def _late(move: Move, email: Email | None) -> bool:
    if move.due_at is None or email is None or email.date is None:
        return False
    return as_aware(move.due_at) - as_aware(email.date) > LATE_AFTER
