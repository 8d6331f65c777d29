"""`gracefully serve`: the web app on this machine, for as long as the command runs."""

from __future__ import annotations

import typer

from gracefully.cli._common import console, err_console, fail, state
from gracefully.domain.accounts import is_loopback
from gracefully.service import StoreError


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8765, "--port", min=1, max=65535, help="Port to listen on."),
    public: bool = typer.Option(
        False,
        "--public",
        help="Allow an address other machines can reach. There is no login: anyone "
        "who reaches it can read your mail and approve drafts.",
    ),
) -> None:
    """Open the web app: dashboard, review queue, drafts and insights (no login; local only)."""
    local = is_loopback(host)
    if not local and not public:
        raise fail(
            f"{host} is not this machine only: others may reach it, and the web app has no login. "
            "Use the default 127.0.0.1, or add --public if you really mean it."
        )
    if not local:
        err_console.print(
            f"[bold yellow]warning:[/] serving on {host} with NO LOGIN: anyone who can reach "
            "this address can read your applications and mail and approve drafts."
        )
    # loaded here, not at the top: FastAPI would add half a second to every other command
    import uvicorn

    from gracefully.web import create_app
    from gracefully.web.security import LOOPBACK_HOSTS

    try:
        app = create_app(
            state(ctx).settings(), allowed_hosts=(*LOOPBACK_HOSTS, host) if local else ("*",)
        )
    except StoreError as exc:
        raise fail(str(exc)) from exc
    shown = f"[{host}]" if ":" in host else host
    console.print(f"gracefully is at [bold]http://{shown}:{port}/[/]  (Ctrl+C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
