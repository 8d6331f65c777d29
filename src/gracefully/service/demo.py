"""The sample mailbox and the overview the demo prints first."""

from __future__ import annotations

from gracefully import ingest
from gracefully.samples import demo_mailbox
from gracefully.store import mail as mail_store
from gracefully.store.db import Database


def sample_mailbox() -> ingest.MailSource:
    return ingest.open_source(demo_mailbox())


def rejections_overview(db: Database) -> list[str]:
    """One line per rejection: where it happened, why, and what the employer offered."""
    lines = []
    with db.transaction() as session:
        for _email, reading in mail_store.emails_with_readings(session):
            rej = reading.rejection
            if rej is None:
                continue
            reasons = ", ".join(r.value for r in rej.reasons) or "no reason stated"
            extras = [
                label
                for label, on in (
                    ("keeps CV on file", rej.keep_on_file),
                    ("invites reapplying", rej.invite_reapply),
                    (f"suggests {rej.alt_role_text or 'another role'}", rej.alt_role),
                    ("no-reply sender", reading.no_reply),
                )
                if on
            ]
            lines.append(
                f"[bold]{reading.company or '?'}[/] ({reading.role or 'role ?'}): "
                f"after {rej.stage.value}; {reasons}; feedback {rej.feedback.value}"
                + (f"; {', '.join(extras)}" if extras else "")
            )
    return lines
