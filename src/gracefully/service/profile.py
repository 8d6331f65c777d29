"""The user's profile and what they said about each application.

The playbook asks for what it lacks (what a job would have taught them, the
other role they want) instead of inventing it; this is where the answers go.
"""

from __future__ import annotations

from dataclasses import replace

from gracefully.domain import MoveKind, Profile
from gracefully.store import applications as app_store
from gracefully.store import followups as fu_store
from gracefully.store.db import Database
from gracefully.store.followups import Preferences


class ProfileError(ValueError):
    """The profile change cannot be made; the message says why."""


def get_profile(db: Database) -> Profile:
    with db.transaction() as session:
        return fu_store.load_profile(session)


def set_profile(
    db: Database,
    *,
    name: str | None = None,
    email: str | None = None,
    signature: str | None = None,
    strengths: tuple[str, ...] | None = None,
    tone: str | None = None,
    learn: tuple[int, str] | None = None,
    choose: tuple[int, MoveKind | None] | None = None,
    other_role: tuple[int, str] | None = None,
) -> Profile:
    """Change only what is given, and return the whole profile.

    `learn`, `choose` and `other_role` are per application: (application id,
    value). Choosing `MoveKind.NONE` opts out of following up; choosing None
    hands the choice back to the playbook.
    """
    with db.transaction() as session:
        current = fu_store.load_profile(session)
        given = {"name": name, "email": email, "signature": signature, "tone": tone}
        changes: dict[str, object] = {k: v for k, v in given.items() if v is not None}
        if email is not None:
            changes["email"] = email.strip().lower()
        if strengths is not None:
            changes["strengths"] = tuple(s.strip() for s in strengths if s.strip())
        fu_store.save_profile(session, replace(current, **changes))  # type: ignore[arg-type]
        if learn is not None:
            _update_prefs(session, learn[0], learn=learn[1].strip())
        if choose is not None:
            app_id, kind = choose
            declined = kind is MoveKind.NONE
            _update_prefs(session, app_id, move=None if declined else kind, opted_out=declined)
        if other_role is not None:
            _update_prefs(session, other_role[0], alt_role=other_role[1].strip() or None)
        return fu_store.load_profile(session)


def _update_prefs(session, app_id: int, **changes: object) -> Preferences:  # type: ignore[no-untyped-def]
    if app_store.get(session, app_id) is None:
        raise ProfileError(f"no application {app_id}; `gracefully applications` lists them")
    prefs = replace(fu_store.preferences(session, app_id), **changes)  # type: ignore[arg-type]
    fu_store.save_preferences(session, app_id, prefs)
    return prefs
