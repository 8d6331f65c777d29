"""`gracefully review` and `gracefully retrain`: the terminal's answers to the review queue."""

from __future__ import annotations

import json
from collections.abc import Callable

import typer
from rich.markup import escape
from rich.prompt import Prompt
from rich.table import Table

from gracefully.cli._common import console, fail, opened, state
from gracefully.config import Settings
from gracefully.domain import Category, Evidence, Reason, Stage
from gracefully.service import Database
from gracefully.service import review as svc

_QUIT = "q"


def review(
    ctx: typer.Context,
    list_only: bool = typer.Option(False, "--list", help="List the queue; ask nothing."),
    as_json: bool = typer.Option(False, "--json", help="Print the queue as JSON; ask nothing."),
) -> None:
    """Go through what gracefully is unsure of: readings, links and duplicates.

    Uncertain rejections come first, least sure first. Each item shows its
    evidence; a keystroke or two fixes it, and a later scan never undoes a fix.
    """
    settings = state(ctx).settings()
    with opened(settings) as db:
        items = svc.review_items(db, settings)
        if as_json:
            console.print_json(json.dumps([svc.item_record(i) for i in items]))
            return
        if list_only or not items:
            print_queue(items)
            return
        answered = 0
        for number, item in enumerate(items, 1):
            console.rule(f"[bold]{number}/{len(items)}[/] {item.kind.value}")
            outcome = _ASK[item.kind](db, settings, item)
            if outcome == _QUIT:
                break
            answered += outcome is not None
        console.print(f"\nAnswered {answered} of {len(items)}. `gracefully undo` reverses a merge.")


def print_queue(items: list[svc.ReviewItem]) -> None:
    if not items:
        console.print("Nothing to review: every reading and link is sure enough.")
        return
    table = Table(title=f"{len(items)} to review")
    for column in ("ID", "Kind", "Confidence", "About", "Why"):
        table.add_column(column)
    for item in items:
        about = item.email.subject if item.email else " / ".join(_app(a) for a in item.candidates)
        row = (item.id, item.kind.value, f"{item.confidence:.0%}", about, item.why)
        table.add_row(*(escape(cell) for cell in row))
    console.print(table)


def _app(app) -> str:  # type: ignore[no-untyped-def]
    return f"#{app.id} {app.company} — {app.role or 'role unknown'} ({app.status.value})"


def _show_email(item: svc.ReviewItem) -> None:
    email, reading = item.email, item.reading
    assert email is not None and reading is not None
    when = email.date.date().isoformat() if email.date else "?"
    sender = escape(str(email.sender or "?"))
    console.print(f"[bold]{escape(email.subject)}[/]\n[dim]from {sender} on {when}[/]")
    rej = reading.rejection
    details = f", stage {rej.stage.value}, reasons {_names(rej.reasons)}" if rej else ""
    console.print(f"read as [bold]{reading.category.value}[/] ({reading.confidence:.0%}){details}")
    for ev in reading.evidence:
        console.print(evidence_line(ev))
    console.print(f"[dim]{escape(item.why)}[/]")


def evidence_line(ev: Evidence, indent: str = "  ") -> str:
    """One piece of evidence, escaped: its value and sentence are email text."""
    sentence = escape(ev.sentence.strip()[:160])
    return f"{indent}[dim]{escape(f'{ev.field}={ev.value}')}[/] ← “{sentence}”"


def _names(reasons: tuple[Reason, ...]) -> str:
    return ", ".join(r.value for r in reasons) or "none stated"


def _resolve(db: Database, settings: Settings, item: svc.ReviewItem, decision) -> str | None:  # type: ignore[no-untyped-def]
    try:
        done = svc.resolve(db, settings, item.id, decision)
    except svc.ReviewError as exc:
        console.print(f"[yellow]{escape(str(exc))}[/]")
        return None
    console.print(f"[green]✓[/] {escape(done)}")
    return done


def _ask_reading(db: Database, settings: Settings, item: svc.ReviewItem) -> str | None:
    _show_email(item)
    fixed = None
    while True:
        key = Prompt.ask(
            "[c]ategory [s]tage [r]easons [a]ccept [k]skip [q]uit",
            choices=["c", "s", "r", "a", "k", "q"],
            default="a",
            console=console,
            show_choices=False,
        )
        if key in ("k", _QUIT):
            return fixed if key == "k" else _QUIT
        if key == "a":
            return _resolve(db, settings, item, svc.Accept()) if fixed is None else fixed
        decision = _FIXES[key]()
        if decision is not None:
            fixed = _resolve(db, settings, item, decision) or fixed


def _pick(title: str, options: list[str]) -> int | None:
    for n, option in enumerate(options, 1):
        console.print(f"  {n:>2}. {option}")
    answer = Prompt.ask(title, console=console, default="")
    return int(answer) - 1 if answer.isdigit() and 0 < int(answer) <= len(options) else None


def _fix_category() -> svc.Fix | None:
    n = _pick("category number", [c.value for c in Category])
    return svc.Fix(category=list(Category)[n]) if n is not None else None


def _fix_stage() -> svc.Fix | None:
    n = _pick("stage number", [s.value for s in Stage])
    return svc.Fix(category=Category.REJECTION, stage=list(Stage)[n]) if n is not None else None


def _fix_reasons() -> svc.Fix | None:
    reasons = list(Reason)
    for n, reason in enumerate(reasons, 1):
        console.print(f"  {n:>2}. {reason.value}")
    answer = Prompt.ask("reason numbers (e.g. 1,3; 0 for none)", console=console, default="")
    picked = [int(p) for p in answer.replace(" ", "").split(",") if p.isdigit()]
    if not picked:
        return None
    chosen = tuple(reasons[p - 1] for p in picked if 0 < p <= len(reasons))
    return svc.Fix(category=Category.REJECTION, reasons=chosen)


_FIXES: dict[str, Callable[[], svc.Fix | None]] = {
    "c": _fix_category,
    "s": _fix_stage,
    "r": _fix_reasons,
}


def _ask_link(db: Database, settings: Settings, item: svc.ReviewItem) -> str | None:
    _show_email(item)
    console.print("Which application is this about?")
    for n, app in enumerate(item.candidates, 1):
        console.print(f"  {n}. {escape(_app(app))}")
    numbers = [str(n) for n in range(1, len(item.candidates) + 1)]
    key = Prompt.ask(
        f"{'[1-' + numbers[-1] + '] ' if numbers else ''}[n]ew application "
        "[x] not a job email [k]skip [q]uit",
        choices=[*numbers, "n", "x", "k", "q"],
        console=console,
        show_choices=False,
    )
    if key in ("k", _QUIT):
        return None if key == "k" else _QUIT
    if key == "n":
        return _resolve(db, settings, item, svc.StartApplication())
    if key == "x":
        return _resolve(db, settings, item, svc.NotJob())
    app_id = item.candidates[int(key) - 1].id
    assert app_id is not None
    return _resolve(db, settings, item, svc.LinkTo(app_id))


def _ask_duplicate(db: Database, settings: Settings, item: svc.ReviewItem) -> str | None:
    console.print("These may be one application:")
    for app in item.candidates:
        counts = f"{len(app.events)} events, {len(app.contacts)} contacts"
        console.print(f"  {escape(_app(app))}: {counts}")
    console.print(f"[dim]{escape(item.why)}[/]")
    key = Prompt.ask(
        "[m]erge into the first [d]ifferent jobs [k]skip [q]uit",
        choices=["m", "d", "k", "q"],
        console=console,
        show_choices=False,
    )
    if key in ("k", _QUIT):
        return None if key == "k" else _QUIT
    decision = svc.Merge() if key == "m" else svc.KeepApart()
    return _resolve(db, settings, item, decision)


_ASK: dict[svc.ItemKind, Callable[[Database, Settings, svc.ReviewItem], str | None]] = {
    svc.ItemKind.READING: _ask_reading,
    svc.ItemKind.LINK: _ask_link,
    svc.ItemKind.DUPLICATE: _ask_duplicate,
}


def retrain(ctx: typer.Context) -> None:
    """Rebuild your model with your category corrections and re-read what you did not correct."""
    settings = state(ctx).settings()
    with opened(settings) as db, console.status("Training the model with your corrections…"):
        try:
            report = svc.retrain(db, settings)
        except ValueError as exc:
            raise fail(str(exc)) from exc
    console.print(
        f"Learnt from {report.corrections} correction(s); re-read {report.reread} email(s); "
        f"[bold]{report.changed}[/] reading(s) changed."
    )
