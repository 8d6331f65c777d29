"""What every request needs, made once per app: settings, database, form token, clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from fastapi import Request

from gracefully.config import Settings
from gracefully.service import Database
from gracefully.service.followups import approval_key


@dataclass(frozen=True)
class WebState:
    settings: Settings
    db: Database
    token: str
    """The form token: random per app, put in its own pages, unreadable to other sites."""
    clock: Callable[[], datetime]
    """"Now" for planning; a test fixes it."""

    def approval_key(self) -> bytes:
        """The key approvals are signed with: a file in the config folder, not the database."""
        return approval_key(self.settings)


def current(request: Request) -> WebState:
    """The app's state, as a FastAPI dependency."""
    state: WebState = request.app.state.web
    return state
