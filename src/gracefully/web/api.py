"""The JSON API under /api: each route calls one service function and shapes its result.

Writes take a JSON body (see `security`), errors come back as 4xx with a
`detail` that says what to do instead. Approving names the revision that was
read; a stale one is a 409 that carries the follow-up as it is now.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from gracefully.domain import FollowUp
from gracefully.service.applications import NotFound, application_detail, list_applications
from gracefully.service.followups import (
    FollowUpError,
    StaleRevision,
    approve,
    draft,
    edit_draft,
    get_followup,
    plan_followups,
)
from gracefully.service.insights import gather_insights
from gracefully.service.not_a_job import AlreadyNotAJob, NotAJobError, not_a_job_application
from gracefully.service.planning import plan_settings
from gracefully.service.review import ReviewError, resolve, review_items
from gracefully.web.models import (
    ApplicationDetailOut,
    ApplicationOut,
    ApproveIn,
    DraftIn,
    EditIn,
    ErrorOut,
    FollowUpOut,
    InsightsOut,
    PlanItemOut,
    ResolveIn,
    ResolveOut,
    ReviewItemOut,
    StaleOut,
)
from gracefully.web.render import chart_svg
from gracefully.web.security import AppId, FollowUpId
from gracefully.web.state import WebState, current

router = APIRouter(prefix="/api", tags=["api"])
State = Annotated[WebState, Depends(current)]


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorOut} for code in codes}


@router.get("/applications")
def applications(web: State) -> list[ApplicationOut]:
    """Every application, newest activity first as the service orders them."""
    return [ApplicationOut.model_validate(a) for a in list_applications(web.db)]


@router.get("/applications/{app_id}", responses=_errors(404))
def application(app_id: AppId, web: State) -> ApplicationDetailOut:
    """One application: contacts, events, and each email with its reading and evidence."""
    try:
        return ApplicationDetailOut.of(application_detail(web.db, app_id))
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc


class NotAJobOut(BaseModel):
    """What marking an application not a job did; `gracefully undo` reverses it."""

    emails: list[str]
    hidden: list[int]
    done: str


@router.post("/applications/{app_id}/not-a-job", responses=_errors(404, 409))
def application_not_a_job(app_id: AppId, web: State) -> NotAJobOut:
    """Say the application is not a job (a landlord, a scholarship): it and its emails leave
    every list and the plan, and its emails read as other from now on. Send `{}`."""
    try:
        done = not_a_job_application(web.db, app_id, settings=web.settings, now=web.clock())
    except AlreadyNotAJob as exc:
        raise HTTPException(409, str(exc)) from exc
    except NotAJobError as exc:
        raise HTTPException(404, str(exc)) from exc
    return NotAJobOut(emails=list(done.emails), hidden=list(done.hidden), done=done.summary())


@router.get("/review")
def review(web: State) -> list[ReviewItemOut]:
    """What waits for a person: unsure readings, unsure links, suspected duplicates."""
    return [ReviewItemOut.of(item) for item in review_items(web.db, web.settings)]


@router.post("/review/resolve", responses=_errors(400))
def review_resolve(answer: ResolveIn, web: State) -> ResolveOut:
    """Answer one review item; the answer is stored and teaches the reader."""
    try:
        done = resolve(web.db, web.settings, answer.item_id, answer.decision(), now=web.clock())
    except ReviewError as exc:
        raise HTTPException(400, str(exc)) from exc
    return ResolveOut(item_id=answer.item_id, done=done)


@router.get("/followups")
def followups(web: State) -> list[PlanItemOut]:
    """The plan: one follow-up per rejection, re-planned now (safe to repeat)."""
    plan = plan_followups(web.db, plan_settings(web.settings), web.clock())
    return [PlanItemOut.of(item) for item in plan.items]


@router.get("/followups/{followup_id}", responses=_errors(404))
def followup(followup_id: FollowUpId, web: State) -> FollowUpOut:
    return FollowUpOut.of(_existing(web, followup_id))


@router.post("/followups/{followup_id}/draft", responses=_errors(404, 409))
def write_draft(
    followup_id: FollowUpId, web: State, options: Annotated[DraftIn | None, Body()] = None
) -> FollowUpOut:
    """The draft, written now if there is none (or again, on request), with its grace check."""
    _existing(web, followup_id)
    options = options or DraftIn()
    try:
        written = draft(web.db, followup_id, regenerate=options.regenerate, variant=options.variant)
    except FollowUpError as exc:
        raise HTTPException(409, str(exc)) from exc
    return FollowUpOut.of(written)


@router.put("/followups/{followup_id}/draft", responses=_errors(404, 409))
def change_draft(followup_id: FollowUpId, edit: EditIn, web: State) -> FollowUpOut:
    """Replace the draft's text; it is checked again and must be approved again."""
    _existing(web, followup_id)
    try:
        return FollowUpOut.of(edit_draft(web.db, followup_id, edit.body, subject=edit.subject))
    except FollowUpError as exc:
        raise HTTPException(409, str(exc)) from exc


@router.post(
    "/followups/{followup_id}/approve",
    response_model=FollowUpOut,
    responses={404: {"model": ErrorOut}, 409: {"model": StaleOut}},
)
def approve_draft(
    followup_id: FollowUpId, web: State, read: Annotated[ApproveIn | None, Body()] = None
) -> Any:
    """Approve the text as read: the body names the revision, `{"revision": N}`.
    A missing or stale revision approves nothing (409, with the follow-up as it
    is now, to read again); so does a blocking finding. Sending stays a
    separate, explicit step: `gracefully send ID`."""
    _existing(web, followup_id)
    revision = read.revision if read else None
    try:
        return FollowUpOut.of(
            approve(web.db, followup_id, revision=revision, key=web.approval_key())
        )
    except StaleRevision as exc:
        stale = StaleOut(detail=str(exc), followup=FollowUpOut.of(exc.current))
        return JSONResponse(stale.model_dump(mode="json"), 409)
    except FollowUpError as exc:
        raise HTTPException(409, str(exc)) from exc


@router.get("/insights")
def insights(web: State) -> InsightsOut:
    """The numbers across every application and follow-up, and their charts."""
    found = gather_insights(web.db)
    return InsightsOut(insights=found, svg=chart_svg(found))


def _existing(web: WebState, followup_id: int) -> FollowUp:
    try:
        return get_followup(web.db, followup_id)
    except FollowUpError as exc:
        raise HTTPException(404, str(exc)) from exc
