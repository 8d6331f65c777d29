"""What a link implies beyond itself: the application a NEW link starts, the aliases a
confirmed link teaches, and the index entry that keeps the rest of the scan in step."""

from __future__ import annotations

from gracefully.domain import Application, Email, Reading
from gracefully.track.clues import Clues, CompanyClue, clues_for
from gracefully.track.company import Aliases, learn_alias
from gracefully.track.index import TrackIndex


def new_application(email: Email, reading: Reading) -> Application:
    """The application a NEW link proposes, named as a person would write it.

    A display name ("Acme Robotics via Lever") beats the reading, which beats a
    slug or domain; the domain is kept so later mail from it finds the application.
    """
    clues = clues_for(email, reading)
    named = [c for c in clues.companies if not c.weak]
    if not named:
        raise ValueError(f"email {email.id} names no company; it cannot start an application")
    readable = [c for c in named if c.readable]
    company = readable[0].name if readable else _prettify(named[0])
    domain = next((c.domain for c in named if c.domain), None)
    return Application(
        company=company,
        role=reading.role,
        requisition_id=clues.requisition_ids[0] if clues.requisition_ids else None,
        company_domain=domain,
        applied_on=email.date.date() if email.date else None,
        updated_at=email.date,
    )


def aliases_from_link(
    aliases: Aliases, clues: Clues, company: str, index: TrackIndex
) -> dict[str, str]:
    """Aliases a person's confirmation of a link teaches: the names the email used for `company`.

    A name the index already knows as another company is not taken over: that
    is a merge, and merges are the user's call (`merge_companies`).
    """
    target = index.key(company)
    new = dict(aliases)
    for clue in clues.companies:
        others = {index.key_of(a) for a in index.by_company(clue.key)} - {target}
        if not clue.weak and not others:
            new = learn_alias(new, clue.name, company)
    return new


def _prettify(clue: CompanyClue) -> str:
    label = clue.name.split(".")[0] if clue.domain else clue.name
    return " ".join(part.capitalize() for part in label.replace("_", "-").split("-"))
