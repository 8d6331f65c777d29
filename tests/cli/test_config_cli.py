"""`gracefully config`: see the settings, write a template, get a clear error for a bad one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.cli.conftest import Invoke


def test_config_shows_values_and_where_they_come_from(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRACEFULLY_TIMEZONE", "Europe/Lisbon")
    result = invoke("config")
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if "timezone" in line)
    assert "Europe/Lisbon" in row and "GRACEFULLY_TIMEZONE" in row
    row = next(line for line in result.stdout.splitlines() if "silence_days" in line)
    assert "30" in row and "default" in row


def test_config_init_writes_a_template_once(invoke: Invoke) -> None:
    path = Path(os.environ["GRACEFULLY_CONFIG_DIR"]) / "config.toml"
    assert invoke("config", "--init").exit_code == 0
    assert "# no_reply_days = 21" in path.read_text()
    again = invoke("config", "--init")
    assert again.exit_code == 1 and "already exists" in again.stderr


def test_a_bad_setting_stops_any_command_with_what_to_do(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRACEFULLY_CAP_PER_COMPANY", "many")
    result = invoke("applications")
    assert result.exit_code == 1
    assert "cap_per_company" in result.stderr and "whole number" in result.stderr
