"""What keeps a local web app without a login safe from the rest of the browser.

Email text is hostile, and any web page the user visits may try to post to
127.0.0.1. So: a strict Content-Security-Policy on every response (no inline
script can run even if escaping failed), a Host check against DNS rebinding,
an Origin check on every unsafe request, a form token that another site
cannot read, and JSON-only writes to the API (a cross-site JSON post needs a
CORS preflight, which this app never grants).

Every input has a bound. A request body, on any route and of any type, may
be at most `MAX_BODY` bytes: one limit (Starlette's, installed by the app
factory) refuses a larger Content-Length with 413 before reading any of it,
and counts a body without one as it streams in. An id in a path that no row
can have (0, or 46 digits) is an unknown record, 404, not a database error.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Form, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from gracefully.service.followups import MAX_ID

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
TOKEN_FIELD = "csrf"
MAX_BODY = 1024 * 1024
"""The largest request body any route takes (a draft is a few kilobytes)."""

Next = Callable[[Request], Awaitable[Response]]


async def guard(request: Request, call_next: Next) -> Response:
    """Refuse cross-origin writes and non-JSON API writes; add the headers to every answer."""
    refusal = _refusal(request)
    if refusal is None:
        response = await call_next(request)
    else:
        response = JSONResponse({"detail": refusal[1]}, refusal[0])
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _refusal(request: Request) -> tuple[int, str] | None:
    if request.method not in UNSAFE:
        return None
    origin = request.headers.get("origin")
    # `null` is what a browser sends for our own forms under Referrer-Policy: no-referrer
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        return 403, f"cross-origin request from {origin} refused"
    media = request.headers.get("content-type", "").split(";")[0].strip()
    if request.url.path.startswith("/api/") and media != "application/json":
        return 415, "send the request body as application/json"
    return None


def check_token(request: Request, csrf: str = Form("")) -> None:
    """A dependency for every form post: the token must be the one this app put in its pages."""
    expected: str = request.app.state.web.token
    if not hmac.compare_digest(csrf.encode(), expected.encode()):
        raise HTTPException(403, "the form is stale or came from another site; reload the page")


def _row_id(value: int, what: str, listed_by: str) -> int:
    if not 0 < value <= MAX_ID:
        raise HTTPException(404, f"no {what} {value}; {listed_by} lists them")
    return value


def _followup_id(followup_id: int) -> int:
    return _row_id(followup_id, "follow-up", "`gracefully plan`")


def _app_id(app_id: int) -> int:
    return _row_id(app_id, "application", "`gracefully applications`")


FollowUpId = Annotated[int, Depends(_followup_id)]
"""A `{followup_id}` path parameter that fits the database, else 404."""
AppId = Annotated[int, Depends(_app_id)]
"""An `{app_id}` path parameter that fits the database, else 404."""
