"""The sample mailbox and the overview the demo prints first."""

from __future__ import annotations

from datetime import timedelta

from gracefully import ingest
from gracefully.config import Settings
from gracefully.domain import FollowUp, MoveKind
from gracefully.samples import demo_mailbox, demo_profile
from gracefully.service.applications import application_detail, list_applications
from gracefully.service.followups import PENDING, Plan, draft, plan_followups
from gracefully.service.planning import plan_settings
from gracefully.service.profile import get_profile, set_profile
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database


def sample_mailbox() -> ingest.MailSource:
    return ingest.open_source(demo_mailbox())


def rejections_overview(db: Database) -> list[tuple[str, str]]:
    """One (application, summary) pair per rejection: where it happened, why, what was offered.

    Plain text, since it is email-derived: the CLI escapes and styles it.
    """
    lines = []
    for app in list_applications(db):
        assert app.id is not None
        for entry in application_detail(db, app.id).timeline:
            rej = entry.reading.rejection if entry.reading else None
            if rej is None or entry.reading is None:
                continue
            reasons = ", ".join(r.value.replace("_", " ") for r in rej.reasons)
            extras = [
                label
                for label, on in (
                    ("keeps CV on file", rej.keep_on_file),
                    ("invites reapplying", rej.invite_reapply),
                    (f"suggests {rej.alt_role_text or 'another role'}", rej.alt_role),
                    ("no-reply sender", entry.reading.no_reply),
                )
                if on
            ]
            summary = (
                f"after {rej.stage.value}; {reasons or 'no reason stated'}; "
                f"feedback {rej.feedback.value}" + (f"; {', '.join(extras)}" if extras else "")
            )
            lines.append((f"{app.company} ({app.role or 'role ?'})", summary))
    return lines


def demo_followups(db: Database, settings: Settings) -> tuple[Plan, list[FollowUp]]:
    """The sample user's profile (unless one is set), the plan and every draft it allows.

    "Now" is an hour after the sample's last email, so the demo tells the
    same story whenever it runs.
    """
    with db.transaction() as session:
        profile = demo_profile(app_store.list_all(session))
        dates = [e.date for e, _ in mail_store.emails_with_readings(session) if e.date]
    if not get_profile(db).email:  # never overwrite a real user's profile (demo --keep)
        set_profile(
            db,
            name=profile.name,
            email=profile.email,
            signature=profile.signature,
            strengths=profile.strengths,
            tone=profile.tone,
        )
        for app_id, text in profile.learn.items():
            set_profile(db, learn=(app_id, text))
    plan = plan_followups(db, plan_settings(settings), max(dates) + timedelta(hours=1))
    drafts = [
        draft(db, item.followup.id)  # type: ignore[arg-type]
        for item in plan.items
        if item.followup.move.kind is not MoveKind.NONE
        and not item.followup.move.needs
        and item.followup.status in PENDING
    ]
    return plan, drafts
