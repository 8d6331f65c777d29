"""Every command explains itself: `--help` works and says something for each option."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from gracefully.cli import app

COMMAND = typer.main.get_command(app)


def _commands(group: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        found.append((*prefix, name))
        if hasattr(command, "commands"):
            found.extend(_commands(command, (*prefix, name)))
    return found


ALL = _commands(COMMAND)


def _resolve(path: tuple[str, ...]):  # type: ignore[no-untyped-def]
    command = COMMAND
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return command


@pytest.mark.parametrize("path", ALL, ids=" ".join)
def test_command_has_help(path: tuple[str, ...]) -> None:
    command = _resolve(path)
    assert (command.help or "").strip(), f"`gracefully {' '.join(path)}` has no help text"
    for param in command.params:
        if type(param).__name__ == "TyperOption" and param.name != "help":
            assert (param.help or "").strip(), f"{' '.join(path)} {param.opts[0]} has no help"
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_the_main_commands_exist() -> None:
    names = {p[0] for p in ALL}
    assert {"scan", "applications", "show", "understand", "check", "demo"} <= names
