"""`gracefully review` and `gracefully retrain`: the terminal's answers to the review queue."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import typer
from rich.markup import escape
from rich.prompt import Prompt
from rich.table import Table
from rich.text import Text

from gracefully.cli._common import console, fail, opened, state
from gracefully.config import Settings
from gracefully.domain import Category, Evidence, Reason, Stage
from gracefully.service import Database
from gracefully.service import review as svc

_QUIT = "q"
_SKIP = "k"
_NOT_A_JOB = "x"

Keys = Sequence[tuple[str, str]]
"""(key, what it does), in the order the prompt shows them."""
_READING_KEYS: Keys = (
    ("a", "accept: the reading is right"),
    ("c", "category: pick another"),
    ("s", "stage: pick the stage reached"),
    ("r", "reasons: pick the reasons stated"),
    (_NOT_A_JOB, "not a job: a landlord, a scholarship, a neighbour..."),
    (_SKIP, "skip: decide later"),
    (_QUIT, "quit: stop here, the rest waits"),
)
_DUPLICATE_KEYS: Keys = (
    ("m", "merge: one job, keep the first"),
    ("d", "different jobs: never ask about this pair again"),
    (_SKIP, "skip: decide later"),
    (_QUIT, "quit: stop here, the rest waits"),
)


@dataclass(frozen=True)
class Outcome:
    """How one item went: something was applied to it, and whether the person quit there."""

    answered: bool
    quit: bool = False


def review(
    ctx: typer.Context,
    list_only: bool = typer.Option(False, "--list", help="List the queue; ask nothing."),
    as_json: bool = typer.Option(False, "--json", help="Print the queue as JSON; ask nothing."),
) -> None:
    """Go through what gracefully is unsure of: readings, links and duplicates.

    Uncertain rejections come first, least sure first. Each item shows its
    evidence and the keys that answer it; a keystroke or two fixes it, and a
    later scan never undoes a fix. Answer x for mail that is not about a job at all.
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
        outcomes = []
        for number, item in enumerate(items, 1):
            console.rule(f"[bold]{number}/{len(items)}[/] {item.kind.value}")
            outcomes.append(_ASK[item.kind](db, settings, item))
            if outcomes[-1].quit:
                break
        console.print(Text(tally(outcomes, len(items))))


def tally(outcomes: Sequence[Outcome], total: int) -> str:
    """What the session did, truthfully: items answered, skipped (or not applied), and
    left waiting because the person quit before them (or at them, answering nothing)."""
    answered = sum(o.answered for o in outcomes)
    skipped = sum(not o.answered and not o.quit for o in outcomes)
    left = total - answered - skipped
    return (
        f"\nAnswered {answered}, skipped {skipped}, left {left} of {total}. "
        "`gracefully undo` reverses a merge or a not-a-job answer."
    )


def key_legend(keys: Keys) -> Text:
    """Every key with its meaning, as plain text: "[c]" is not Rich markup here."""
    legend = Text()
    for n, (key, meaning) in enumerate(keys):
        if n:
            legend.append("   ")
        legend.append(f"[{key}]", style="bold")
        legend.append(f" {meaning}")
    return legend


def _ask_key(keys: Keys, default: str | None = None, numbers: int = 0) -> str:
    """Show every key with its meaning, then take one of them (Enter takes the default).
    With `numbers`, the keys 1 to N also pick one of N things listed above."""
    picks = [str(n) for n in range(1, numbers + 1)]
    legend = keys
    if picks:
        span = picks[0] if numbers == 1 else f"{picks[0]}-{picks[-1]}"
        legend = ((span, "the application with that number above"), *keys)
    console.print(key_legend(legend))
    return Prompt.ask(
        Text("your answer"),
        choices=[*picks, *(k for k, _ in keys)],
        default=... if default is None else default,
        console=console,
        show_choices=False,
    )


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


def _ask_reading(db: Database, settings: Settings, item: svc.ReviewItem) -> Outcome:
    """Fix as many fields as needed, then accept (or skip, or quit); a fix counts as an answer."""
    _show_email(item)
    fixed = False
    while True:
        key = _ask_key(_READING_KEYS, default="a")
        if key in (_SKIP, _QUIT):
            return Outcome(fixed, quit=key == _QUIT)
        if key == "a":
            return Outcome(fixed or _resolve(db, settings, item, svc.Accept()) is not None)
        if key == _NOT_A_JOB:
            return Outcome(fixed or _resolve(db, settings, item, svc.NotJob()) is not None)
        decision = _FIXES[key]()
        if decision is not None:
            fixed = _resolve(db, settings, item, decision) is not None or fixed


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


_LINK_KEYS: Keys = (
    ("n", "new: it starts an application of its own"),
    (_NOT_A_JOB, "not a job: a landlord, a scholarship, a neighbour..."),
    (_SKIP, "skip: decide later"),
    (_QUIT, "quit: stop here, the rest waits"),
)


def _ask_link(db: Database, settings: Settings, item: svc.ReviewItem) -> Outcome:
    _show_email(item)
    console.print("Which application is this about?")
    for n, app in enumerate(item.candidates, 1):
        console.print(f"  {n}. {escape(_app(app))}")
    key = _ask_key(_LINK_KEYS, numbers=len(item.candidates))
    if key in (_SKIP, _QUIT):
        return Outcome(False, quit=key == _QUIT)
    if key == "n":
        decision: svc.Decision = svc.StartApplication()
    elif key == _NOT_A_JOB:
        decision = svc.NotJob()
    else:
        app_id = item.candidates[int(key) - 1].id
        assert app_id is not None
        decision = svc.LinkTo(app_id)
    return Outcome(_resolve(db, settings, item, decision) is not None)


def _ask_duplicate(db: Database, settings: Settings, item: svc.ReviewItem) -> Outcome:
    console.print("These may be one application:")
    for app in item.candidates:
        counts = f"{len(app.events)} events, {len(app.contacts)} contacts"
        console.print(f"  {escape(_app(app))}: {counts}")
    console.print(f"[dim]{escape(item.why)}[/]")
    key = _ask_key(_DUPLICATE_KEYS)
    if key in (_SKIP, _QUIT):
        return Outcome(False, quit=key == _QUIT)
    decision = svc.Merge() if key == "m" else svc.KeepApart()
    return Outcome(_resolve(db, settings, item, decision) is not None)


_ASK: dict[svc.ItemKind, Callable[[Database, Settings, svc.ReviewItem], Outcome]] = {
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
