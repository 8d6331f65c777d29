"""Short ways to write an email, its reading and a world of known applications in tests."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from email.utils import parseaddr
from pathlib import Path
from typing import Any

from gracefully.domain import (
    Address,
    Category,
    Email,
    EventKind,
    Reading,
    Rejection,
    Stage,
    Status,
)
from gracefully.track import Known, TrackIndex

FIXTURES = Path(__file__).parent.parent / "fixtures" / "track"
WHEN = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)


def address(text: str) -> Address:
    name, email = parseaddr(text)
    return Address(name, email.lower())


def make_email(
    sender: str = "Dana Whitfield <dana@acmerobotics.com>",
    subject: str = "Your application",
    body: str = "",
    **fields: Any,
) -> Email:
    reply_to = fields.pop("reply_to", None)
    return Email(
        id=fields.pop("id", fields.get("message_id") or f"{subject}|{sender}"),
        subject=subject,
        sender=address(sender) if sender else None,
        date=fields.pop("date", WHEN),
        body=body,
        reply_to=address(reply_to) if reply_to else None,
        references=tuple(fields.pop("references", ())),
        **fields,
    )


def make_reading(category: str = "rejection", **fields: Any) -> Reading:
    stage = fields.pop("stage", None)
    rejection = Rejection(stage=Stage(stage)) if stage else None
    return Reading(
        email_id="x",
        category=Category(category),
        confidence=0.95,
        rejection=rejection,
        **fields,
    )


def load_world(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def make_index(world: dict[str, Any]) -> TrackIndex:
    index = TrackIndex(world.get("aliases", {}))
    for app in world["apps"]:
        index.add_application(
            Known(
                app["id"],
                app["company"],
                app.get("role"),
                app.get("requisition_id"),
                app.get("company_domain"),
                Status(app.get("status", "applied")),
                frozenset(EventKind(k) for k in app.get("kinds", ())),
                frozenset(app.get("people", ())),
                app.get("last_seen"),
            )
        )
        for message_id in app.get("messages", ()):
            index.add_message(message_id, app["id"])
    return index
