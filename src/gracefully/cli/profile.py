"""`gracefully profile`: who you are, as the drafts need it, and what each job meant to you."""

from __future__ import annotations

import typer
from rich.markup import escape

from gracefully.cli._common import console, fail, opened, state
from gracefully.domain import MoveKind, Profile
from gracefully.service.profile import ProfileError, set_profile


def profile(
    ctx: typer.Context,
    name: str = typer.Option(None, "--name", help="Your name, as you sign."),
    email: str = typer.Option(None, "--email", help="The address you send from."),
    signature: str = typer.Option(None, "--signature", help="Your sign-off (\\n for new lines)."),
    strength: list[str] = typer.Option(
        None, "--strength", help="A strength to mention (repeat the option; replaces the list)."
    ),
    tone: str = typer.Option(None, "--tone", help="Default tone, e.g. warm or formal."),
    learn: tuple[int, str] | None = typer.Option(
        None,
        "--learn",
        metavar="APP_ID TEXT",
        help="What that job would have let you learn (used to correct an assumption).",
    ),
    choose: tuple[int, str] | None = typer.Option(
        None,
        "--choose",
        metavar="APP_ID MOVE",
        help="Your move for one application: ask_feedback, correct_assumption, other_role, "
        "stay_on_radar, none (no follow-up), or auto (let the playbook choose).",
    ),
    other_role: tuple[int, str] | None = typer.Option(
        None,
        "--other-role",
        metavar="APP_ID TEXT",
        help="The other role at that company you want to show interest in.",
    ),
) -> None:
    """Show your profile, or change the parts you give."""
    try:
        move = _move(choose[1]) if choose else None
        with opened(state(ctx).settings()) as db:
            result = set_profile(
                db,
                name=name,
                email=email,
                signature=signature.replace("\\n", "\n") if signature else None,
                strengths=tuple(strength) if strength else None,
                tone=tone,
                learn=learn,
                choose=(choose[0], move) if choose else None,
                other_role=other_role,
            )
    except ProfileError as exc:
        raise fail(str(exc)) from exc
    print_profile(result)


def _move(text: str) -> MoveKind | None:
    if text == "auto":
        return None
    try:
        return MoveKind(text)
    except ValueError:
        choices = ", ".join([*(k.value for k in MoveKind), "auto"])
        raise fail(f"unknown move {text!r}; choose one of {choices}") from None


def print_profile(profile: Profile) -> None:
    console.print(f"[bold]name[/]: {escape(profile.name) or '[dim]not set[/]'}")
    console.print(f"[bold]email[/]: {escape(profile.email) or '[dim]not set[/]'}")
    console.print(f"[bold]tone[/]: {escape(profile.tone)}")
    signature = escape(profile.signature).replace("\n", "\n  ")
    console.print(f"[bold]signature[/]:\n  {signature or '[dim]not set[/]'}")
    for item in profile.strengths:
        console.print(f"[bold]strength[/]: {escape(item)}")
    for app_id, text in sorted(profile.learn.items()):
        console.print(f"[bold]learn[/] (application {app_id}): {escape(text)}")
