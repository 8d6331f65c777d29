"""The pages a person reads: dashboard, one application, review queue, drafts, insights.

Each route gathers from the service and hands the result to a template; the
forms on these pages post to `forms` (the application page's "not a job"
button posts to a route here, with the same form token). The dashboard and
the drafts re-plan first, as `gracefully plan` does: the service makes that
safe to repeat.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from gracefully.domain import Category, MoveKind, Reason, Stage, Status
from gracefully.service.applications import NotFound, application_detail, list_applications
from gracefully.service.followups import PENDING, fingerprint, plan_followups
from gracefully.service.insights import gather_insights
from gracefully.service.not_a_job import NotAJobError, not_a_job_application
from gracefully.service.planning import plan_settings
from gracefully.service.review import review_items
from gracefully.web.render import chart_svg, page, redirect
from gracefully.web.security import AppId, check_token
from gracefully.web.state import WebState, current

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
State = Annotated[WebState, Depends(current)]


@router.get("/")
def dashboard(request: Request, web: State) -> HTMLResponse:
    apps = list_applications(web.db)
    plan = plan_followups(web.db, plan_settings(web.settings), web.clock())
    counts = Counter(a.status for a in apps)
    return page(
        request,
        "dashboard.html",
        apps=apps,
        counts=[(s, counts[s]) for s in Status if counts[s]],
        due=plan.due(),
        upcoming=plan.upcoming(),
        waiting=len(review_items(web.db, web.settings)),
    )


@router.get("/applications/{app_id}")
def application(request: Request, app_id: AppId, web: State) -> HTMLResponse:
    try:
        detail = application_detail(web.db, app_id)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    return page(
        request,
        "application.html",
        app=detail.application,
        timeline=detail.timeline,
        not_a_job=detail.not_a_job,
    )


@router.post("/applications/{app_id}/not-a-job", dependencies=[Depends(check_token)])
def application_not_a_job(app_id: AppId, web: State) -> RedirectResponse:
    """The "not a job" button: the application and its emails leave every list."""
    try:
        done = not_a_job_application(web.db, app_id, settings=web.settings, now=web.clock())
    except NotAJobError as exc:
        return redirect(f"/applications/{app_id}", str(exc), error=True)
    return redirect(
        "/",
        f"Done: {done.summary()}. `gracefully undo` in a terminal brings it back.",
    )


@router.get("/review")
def review(request: Request, web: State) -> HTMLResponse:
    return page(
        request,
        "review.html",
        items=review_items(web.db, web.settings),
        categories=list(Category),
        stages=list(Stage),
        reasons=list(Reason),
    )


@router.get("/drafts")
def drafts(request: Request, web: State) -> HTMLResponse:
    return drafts_page(request, web)


def drafts_page(
    request: Request, web: WebState, status: int = 200, notice: str | None = None
) -> HTMLResponse:
    """The drafts as they are now, each with From and To as they would be sent.
    Each approve form carries the revision shown and the fingerprint of the
    text shown, so approving binds to what was on the screen. `notice` is a
    message for this rendering only (an approval that was refused as stale)."""
    plan = plan_followups(web.db, plan_settings(web.settings), web.clock())
    active = [
        item
        for item in plan.items
        if item.followup.status in PENDING and item.followup.move.kind is not MoveKind.NONE
    ]
    seen = {
        item.followup.id: fingerprint(item.followup.draft, plan.sender)
        for item in active
        if item.followup.draft is not None and plan.sender is not None
    }
    return page(
        request,
        "drafts.html",
        status,
        notice={"text": notice, "error": True} if notice else None,
        items=active,
        without_move=plan.without_move(),
        done=plan.done(),
        now=plan.now,
        sender=plan.sender,
        seen=seen,
    )


@router.get("/insights")
def insights(request: Request, web: State) -> HTMLResponse:
    found = gather_insights(web.db)
    said = [(x.reason, sentence) for x in found.rejections.reasons for sentence in x.examples]
    # the service's SVG escapes every label by construction; the CSP backs it up
    charts = Markup(chart_svg(found))
    return page(request, "insights.html", found=found, charts=charts, said=said)
