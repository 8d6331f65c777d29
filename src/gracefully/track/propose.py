"""What a link implies beyond itself: the application a NEW link starts, the aliases a
confirmed link teaches, and the index entry that keeps the rest of the scan in step."""

from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from gracefully.domain import Application, Email, Reading
from gracefully.track.clues import Clues, CompanyClue, clues_for
from gracefully.track.company import Aliases, company_key, learn_alias, spells
from gracefully.track.index import TrackIndex


def new_application(email: Email, reading: Reading) -> Application:
    """The application a NEW link proposes, named as a person would write it.

    The name is the one the email writes most often among those its slug or
    domain can spell ("Tidewater Credit Union" for tidewatercu.example), so
    a domain label or an ATS mail domain never becomes a company's name when
    the email says it; the domain is kept so later mail from it finds the
    application.
    """
    clues = clues_for(email, reading)
    named = [c for c in clues.companies if not c.weak]
    if not named:
        raise ValueError(f"email {email.id} names no company; it cannot start an application")
    domain = next((c.domain for c in named if c.domain), None)
    return Application(
        company=_written_name(clues, named) or _best_name(named),
        role=reading.role or clues.text_role,
        requisition_id=clues.requisition_ids[0] if clues.requisition_ids else None,
        company_domain=domain,
        applied_on=email.date.date() if email.date else None,
        updated_at=email.date,
    )


def scoped_aliases(email: Email, reading: Reading, app: Application) -> dict[str, str]:
    """The ATS tenants and domains that the email starting `app` shows for its company.

    "workday/tidewatercu" and "tidewatercu.example" name Tidewater Credit Union
    when the email writes both and the slug spells the name; later mail with
    only the slug then finds the application. Scoped to one ATS or one domain,
    such an alias never captures a namesake elsewhere ("harbor" on Lever).
    """
    learnt: dict[str, str] = {}
    for clue in clues_for(email, reading).companies:
        if not clue.scope or clue.scope == app.company_domain or clue.weak:
            continue
        if clue.key == company_key(app.company) or spells(clue.key, app.company):
            learnt[clue.scope] = company_key(app.company)
    return learnt


SHARED_SCOPE = ""
"""What a tenant or domain maps to once mail under it has named two companies: an
agency's or an ATS's shared domain names no one, so no mail is linked through it."""


def merge_scoped(known: Aliases, seen: dict[str, str]) -> dict[str, str]:
    """The scoped aliases to learn from `seen`, given those `known`. A scope already
    learnt for another company becomes shared: which company came first must not
    decide where the next one's mail goes (and a re-run must link the same)."""
    learnt: dict[str, str] = {}
    for scope, target in seen.items():
        current = known.get(scope)
        if current is None:
            learnt[scope] = target
        elif current != SHARED_SCOPE and current != known.get(target, target):
            learnt[scope] = SHARED_SCOPE
    return learnt


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


def _written_name(clues: Clues, named: list[CompanyClue]) -> str | None:
    """The company's name as the email writes it, when the email agrees with itself.

    Every written form votes: display names, the reading and each capitalised
    run of the subject, text and signature. With a slug or domain, the most
    voted name it spells wins ("Fernhill Energy" over "Fernhill" for the slug
    fernhill). Without one, the reading's name stands unless the email
    spells it a letter or two otherwise, more often ("Evelry" loses to "Everly").
    """
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    written = [c.name for c in clues.companies if c.readable] + list(clues.names)
    for name in written:
        forms[company_key(name)][name] += 1
    derived = [c.key for c in named if not c.readable]
    if derived:
        spelt = [
            k for k in forms if k and any(k == d or spells(d, _form(forms[k])) for d in derived)
        ]
    else:
        readable = [c.key for c in named if c.readable]
        spelt = [k for k in forms if any(_typo(k, r) for r in readable)]
    if not spelt:
        return None
    best = max(spelt, key=lambda k: (sum(forms[k].values()), len(k)))
    return _form(forms[best])


def _typo(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 6 and DamerauLevenshtein.distance(a, b) <= 2)


def _form(forms: Counter[str]) -> str:
    """The way of writing a name seen most, mixed case before capitals ("Acme", not "ACME")."""
    return max(forms, key=lambda f: (not f.isupper(), forms[f], -len(f)))


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
