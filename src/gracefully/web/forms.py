"""The pages' forms: each post calls one service function, then redirects
back with a one-line message (post-redirect-get).

Every post must carry the app's form token (`security.check_token`). There is
deliberately no form that sends mail: sending stays `gracefully send ID`.

Approving carries the revision and the fingerprint of the text on the page. If
the draft changed since the page was made, nothing is approved, and the
answer is the drafts page again, showing the text as it is now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError

from gracefully.service.followups import (
    FollowUpError,
    StaleRevision,
    approve,
    draft,
    edit_draft,
)
from gracefully.service.review import ReviewError, resolve
from gracefully.web.models import ResolveIn
from gracefully.web.pages import drafts_page
from gracefully.web.render import redirect
from gracefully.web.security import FollowUpId, check_token
from gracefully.web.state import WebState, current

router = APIRouter(include_in_schema=False, dependencies=[Depends(check_token)])
State = Annotated[WebState, Depends(current)]
Text = Annotated[str, Form()]


@router.post("/review/resolve")
def resolve_item(
    web: State,
    item_id: Text,
    action: Text,
    category: Text = "",
    stage: Text = "",
    reasons: Annotated[list[str] | None, Form()] = None,
    application_id: Annotated[int | None, Form()] = None,
    keep: Annotated[int | None, Form()] = None,
) -> RedirectResponse:
    try:
        answer = ResolveIn.model_validate(
            {
                "item_id": item_id,
                "action": action,
                "category": category or None,
                "stage": stage or None,
                # the fix form shows every reason with the current ones ticked:
                # what comes back is the whole new set, even when it is empty
                "reasons": (reasons or []) if action == "fix" else None,
                "application_id": application_id,
                "keep": keep,
            }
        )
        done = resolve(web.db, web.settings, item_id, answer.decision(), now=web.clock())
    except ValidationError:
        return redirect("/review", "That answer does not fit this item.", error=True)
    except ReviewError as exc:
        return redirect("/review", str(exc), error=True)
    return redirect("/review", f"Done: {done}.")


@router.post("/drafts/{followup_id}/write")
def write_draft(web: State, followup_id: FollowUpId) -> RedirectResponse:
    return _on_draft(
        followup_id,
        lambda: draft(web.db, followup_id),
        f"Wrote the draft for follow-up {followup_id}: read its grace check before approving.",
    )


@router.post("/drafts/{followup_id}/edit")
def edit(web: State, followup_id: FollowUpId, body: Text, subject: Text) -> RedirectResponse:
    return _on_draft(
        followup_id,
        lambda: edit_draft(web.db, followup_id, body, subject=subject),
        f"Saved your text for follow-up {followup_id}. The grace check ran again; "
        "approve it when it reads right.",
    )


@router.post("/drafts/{followup_id}/approve", response_model=None)
def approve_draft(
    request: Request,
    web: State,
    followup_id: FollowUpId,
    revision: Annotated[int | None, Form()] = None,
    seen: Text = "",
) -> RedirectResponse | HTMLResponse:
    try:
        return _on_draft(
            followup_id,
            lambda: approve(
                web.db, followup_id, revision=revision, key=web.approval_key(), seen=seen or None
            ),
            f"Approved follow-up {followup_id}. Send it from a terminal: "
            f"gracefully send {followup_id}",
        )
    except StaleRevision as exc:
        notice = (
            f"Follow-up {followup_id} changed while you were reading it, so nothing was "
            f"approved. Below is the text as it is now (revision {exc.current.revision}): "
            "read it again, and approve it if it reads right."
        )
        return drafts_page(request, web, 409, notice)


def _on_draft(followup_id: int, action: Callable[[], object], done: str) -> RedirectResponse:
    where = f"/drafts#followup-{followup_id}"
    try:
        action()
    except StaleRevision:
        raise
    except FollowUpError as exc:
        return redirect(where, str(exc), error=True)
    return redirect(where, done)
