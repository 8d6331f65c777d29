"""`gracefully profile`: who you are, as the drafts need it, and what each job meant to you."""

from __future__ import annotations

import typer
from rich.markup import escape

from gracefully.cli._common import console, fail, opened, state
from gracefully.domain import MoveKind, Profile
from gracefully.service.identity import SeenAddress, say_address, seen_addresses, signing_name
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
    mine: list[str] = typer.Option(
        None,
        "--mine",
        metavar="ADDRESS",
        help="An address of yours that your mail does not show (repeat for more).",
    ),
    not_mine: list[str] = typer.Option(
        None,
        "--not-mine",
        metavar="ADDRESS",
        help="An address gracefully took for yours that is not (a shared or forwarding one).",
    ),
) -> None:
    """Show your profile, or change the parts you give.

    Your own addresses are learnt from your mail (the one most of it is sent to, and
    the sender of your Sent folder); they are listed here to confirm or correct.
    """
    try:
        move = _move(choose[1]) if choose else None
        with opened(state(ctx).settings()) as db:
            for address in mine or ():
                say_address(db, address, mine=True)
            for address in not_mine or ():
                say_address(db, address, mine=False)
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
            addresses = seen_addresses(db)
            signed = signing_name(db)
    except (ProfileError, ValueError) as exc:
        raise fail(str(exc)) from exc
    print_profile(result)
    if not result.name and signed:
        console.print(
            f"[dim]drafts are signed {escape(signed)!r}, the name your mail gives you; "
            "set yours with --name[/]"
        )
    print_addresses(addresses)


def print_addresses(addresses: list[SeenAddress]) -> None:
    """Which addresses are read as yours, and why, so a wrong guess is easy to correct."""
    for seen in addresses:
        why = f"received {seen.received} messages" + (f", sent {seen.sent}" if seen.sent else "")
        if seen.said:
            why = "you said it is yours" if seen.said == "mine" else "you said it is not yours"
        mark = "[bold]yours[/]" if seen.own else "[dim]not yours[/]"
        console.print(f"[bold]address[/]: {escape(seen.address)} ({mark}; {why})")


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
