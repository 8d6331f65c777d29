"""Turn a planned move into a draft: a template, the specifics, and the grace check."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined

from gracefully.domain import (
    Application,
    Contact,
    Draft,
    Email,
    Feedback,
    Move,
    MoveKind,
    Profile,
    Reading,
    Stage,
)
from gracefully.write.detectors import GraceContext
from gracefully.write.grace import check

THANKS_FOR = {
    Stage.SCREEN: "our call",
    Stage.ASSESSMENT: "the time you spent on my take-home",
    Stage.INTERVIEW: "our conversation",
    Stage.OFFER: "our conversations",
}
"""One specific from the process, by the stage reached; else a general thank-you."""

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


def _recipient(
    contact: Contact | None, reading: Reading, email: Email | None
) -> tuple[str, str | None]:
    if contact is not None:
        return contact.name, contact.email if contact.contactable else None
    sender = email and (email.reply_to or email.sender)
    address = sender.email if sender and not reading.no_reply else None
    return reading.contact or (sender.name if sender else ""), address


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
    _ensure_draftable(move, context)
    number = pick_variant(application.id, move.kind, variant)
    name = f"{move.kind.value}/{number}.txt.j2"
    body = _tidy(
        _env().get_template(name).render(**_fields(application, reading, profile, context))
    )
    to_name, to_email = _recipient(contact, reading, rejection_email)
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


def _ensure_draftable(move: Move, context: GraceContext) -> None:
    if move.kind is MoveKind.NONE:
        raise NotDraftable("no move was planned, so there is nothing to draft")
    if move.needs:
        raise NotDraftable(f"the playbook needs {', '.join(move.needs)} first")
    if move.kind is MoveKind.ASK_FEEDBACK and context.feedback_refused:
        raise NotDraftable("the employer said it gives no feedback; no feedback ask")


def _fields(
    application: Application, reading: Reading, profile: Profile, context: GraceContext
) -> dict[str, str]:
    rejection = reading.rejection
    stage = rejection.stage if rejection and rejection.stage is not Stage.UNKNOWN else None
    name = first_name(context.to_name)
    learn = profile.learn.get(application.id or -1, "")
    return {
        "greeting": f"Hi {name}," if name else f"Hello {context.company} team,",
        "company": context.company,
        "role_phrase": f"the {context.role} role" if context.role else "the role",
        "thanks_for": THANKS_FOR.get(stage or application.stage, "considering my application"),
        "learn": learn_sentence(learn) if learn else "",
        "alt_role": _with_article(context.alt_role) or "the other opening you mentioned",
        "sign": profile.signature or profile.name,
    }
