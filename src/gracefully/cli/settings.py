"""`gracefully config`: the settings you can change, their values and where they come from."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from gracefully.cli._common import console, fail, state
from gracefully.config import ConfigError, setting_sources, tunable_values, write_config_template


def config(
    ctx: typer.Context,
    init: bool = typer.Option(
        False, "--init", help="Write config.toml with every setting at its default, to edit."
    ),
) -> None:
    """Show your settings: time zone, business hours, when silence means no response, caps.

    Set them in config.toml (see `--init`) or as GRACEFULLY_<NAME> variables,
    e.g. GRACEFULLY_TIMEZONE=Europe/Berlin.
    """
    settings = state(ctx).settings()
    if init:
        try:
            path = write_config_template(settings.config_dir)
        except ConfigError as exc:
            raise fail(str(exc)) from exc
        console.print(f"Wrote {escape(str(path))}; uncomment a line to change that setting.")
        return
    table = Table("setting", "value", "from")
    sources = setting_sources(settings)
    for name, value in tunable_values(settings).items():
        shown = "-".join(map(str, value)) if isinstance(value, tuple) else str(value)
        table.add_row(name, escape(shown), escape(sources[name]))
    console.print(table)
