"""What every command shares: the console, settings from the edge, and clean errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import typer
from rich.console import Console

from gracefully.config import ConfigError, Settings, load_settings
from gracefully.service import Database, StoreError

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


@dataclass
class State:
    db_url: str | None = None

    def settings(self) -> Settings:
        try:
            return load_settings(db=self.db_url)
        except ConfigError as exc:
            raise fail(str(exc)) from exc


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error that says what to do, and return the exit to raise."""
    err_console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State()


@contextmanager
def opened(settings: Settings) -> Iterator[Database]:
    try:
        db = Database(settings.database_url)
    except StoreError as exc:
        raise fail(str(exc)) from exc
    try:
        yield db
    finally:
        db.close()
