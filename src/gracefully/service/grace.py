"""The grace check on any text, for `gracefully check` and the web."""

from __future__ import annotations

from gracefully.domain import Finding
from gracefully.write import GraceContext, check


def check_text(
    text: str,
    *,
    to: str | None = None,
    company: str | None = None,
    role: str | None = None,
    feedback_refused: bool = False,
) -> list[Finding]:
    """Findings for a follow-up the user wrote, in the context a draft would have."""
    context = GraceContext(
        to_name=to, company=company, role=role, feedback_refused=feedback_refused
    )
    return check(text, context)
