"""The app factory: settings in, a FastAPI app out, the database opened once for it."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import Response

from gracefully.config import Settings
from gracefully.service import Database
from gracefully.web import api, forms, pages
from gracefully.web.render import HERE, page
from gracefully.web.security import LOOPBACK_HOSTS, MAX_BODY, guard
from gracefully.web.state import WebState


def _now() -> datetime:
    return datetime.now(UTC)


def create_app(
    settings: Settings,
    *,
    allowed_hosts: Sequence[str] = LOOPBACK_HOSTS,
    clock: Callable[[], datetime] = _now,
) -> FastAPI:
    """The web app over `settings`' database. It opens the database now (so a bad
    URL fails before serving) and closes it when the server stops.

    `allowed_hosts` are the Host names it answers to (the loopback names by
    default, which defeats DNS rebinding); `clock` is "now" for the plan.
    """
    db = Database(settings.database_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="gracefully",
        summary="Follow up gracefully after a job rejection, and learn from it.",
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json stays
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.web = WebState(settings, db, secrets.token_urlsafe(32), clock)
    # innermost first: the body limit sits inside `guard`, so a 413 gets the headers too
    app.add_middleware(RequestBodyLimitMiddleware, max_body_size=MAX_BODY)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.middleware("http")(guard)
    app.add_exception_handler(HTTPException, _error_page)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (api, pages, forms):
        app.include_router(module.router)
    return app


async def _error_page(request: Request, exc: Exception) -> Response:
    """JSON errors for the API, a page for a person."""
    assert isinstance(exc, HTTPException)
    if request.url.path.startswith("/api/"):
        return await http_exception_handler(request, exc)
    return page(request, "error.html", exc.status_code, code=exc.status_code, message=exc.detail)
