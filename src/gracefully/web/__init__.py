"""gracefully.web: the local web app (FastAPI) over the service layer.

A JSON API under /api (documented at /openapi.json) and server-rendered
pages for the dashboard, an application, the review queue, drafts and
insights. It talks to `service` and `domain` only, treats every piece of
email text as hostile, and never sends mail: that stays `gracefully send`.
"""

from gracefully.web.app import create_app

__all__ = ["create_app"]
