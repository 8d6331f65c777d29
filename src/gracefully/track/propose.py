"""What a link implies beyond itself: the application a NEW link starts, the aliases a
confirmed link teaches, and the index entry that keeps the rest of the scan in step."""

from __future__ import annotations

from rapidfuzz import fuzz

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
    domain = next((c.domain for c in named if c.domain), None)
    return Application(
        company=_best_name(named),
        role=reading.role or clues.text_role,
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


def _best_name(named: list[CompanyClue]) -> str:
    """The name to file a new company under: a written name that the machine-made
    clues (slug, domain) agree with, else the first written one, else a prettified slug.

    A reading that misspells the company ("Rivreton") loses to a slug that
    spells it ("riverton-logistics"), so the application is found again later.
    """
    readable = [c for c in named if c.readable]
    derived = [c for c in named if not c.readable]
    agreed = [c for c in readable if any(d.key == c.key for d in derived)]
    if agreed:
        return agreed[0].name
    for clue in readable:
        close = [d for d in derived if fuzz.ratio(d.key, clue.key) >= 85 and d.key != clue.key]
        if not close:
            return clue.name
    return _prettify(derived[0]) if derived else readable[0].name


def _prettify(clue: CompanyClue) -> str:
    label = clue.name.split(".")[0] if clue.domain else clue.name
    return " ".join(part.capitalize() for part in label.replace("_", "-").split("-"))
