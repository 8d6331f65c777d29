"""Settings a person can change: config.toml, GRACEFULLY_* overrides, clear errors."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from gracefully.config import (
    ConfigError,
    load_settings,
    setting_sources,
    write_config_template,
)
from gracefully.plan.timing import due_window, resolve_tz
from gracefully.service.planning import plan_settings


def env_for(config_dir: Path, **extra: str) -> dict[str, str]:
    return {"GRACEFULLY_CONFIG_DIR": str(config_dir), "GRACEFULLY_DATA_DIR": "/nowhere", **extra}


def test_defaults_without_a_file(tmp_path: Path) -> None:
    settings = load_settings(env=env_for(tmp_path))
    assert (settings.timezone, settings.silence_days, settings.no_reply_days) == ("UTC", 30, 21)
    assert set(setting_sources(settings).values()) == {"default"}


def test_the_file_sets_and_a_variable_overrides(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        'timezone = "Europe/Berlin"\nsilence_days = 45\nbusiness_hours = [8, 16]\n'
    )
    settings = load_settings(env=env_for(tmp_path, GRACEFULLY_SILENCE_DAYS="60"))
    assert settings.timezone == "Europe/Berlin"
    assert settings.business_hours == (8, 16)
    assert settings.silence_days == 60
    sources = setting_sources(settings)
    assert sources["silence_days"] == "GRACEFULLY_SILENCE_DAYS"
    assert sources["timezone"] == str(tmp_path / "config.toml")
    assert sources["cap_per_company"] == "default"


def test_the_playbook_gets_the_persons_settings(tmp_path: Path) -> None:
    env = env_for(
        tmp_path,
        GRACEFULLY_TIMEZONE="America/New_York",
        GRACEFULLY_BUSINESS_HOURS="10-18",
        GRACEFULLY_CAP_PER_COMPANY="1",
        GRACEFULLY_NO_REPLY_DAYS="14",
        GRACEFULLY_CHECKIN_WEEKS="6",
    )
    plan = plan_settings(load_settings(env=env))
    assert (plan.default_tz, plan.business_start_hour, plan.business_end_hour) == (
        "America/New_York",
        10,
        18,
    )
    assert (plan.cap_per_company, plan.no_reply_days, plan.checkin_weeks) == (1, 14, 6)
    # a rejection late on a Friday evening in New York: due Monday 10:00 there, not 9:00 UTC
    friday_evening = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)  # 18:30 in New York
    tz = resolve_tz(None, plan)
    due = due_window(friday_evening, friday_evening, plan, tz).astimezone(tz)
    assert (due.weekday(), due.hour) == (0, 10)


@pytest.mark.parametrize(
    ("name", "value", "hint"),
    [
        ("TIMEZONE", "Mars/Olympus", "IANA time zone"),
        ("BUSINESS_HOURS", "17-9", "start and an end hour"),
        ("SILENCE_DAYS", "soon", "whole number"),
        ("SILENCE_DAYS", "0", "whole number"),
        ("REVIEW_THRESHOLD", "1.5", "between 0 and 1"),
    ],
)
def test_a_bad_value_names_the_setting_its_source_and_what_to_give(
    tmp_path: Path, name: str, value: str, hint: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env=env_for(tmp_path, **{f"GRACEFULLY_{name}": value}))
    message = str(caught.value)
    assert name.lower() in message and f"GRACEFULLY_{name}" in message and hint in message


def test_an_unknown_key_or_broken_toml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("silence = 3\n")
    with pytest.raises(ConfigError, match="unknown setting silence; known: timezone"):
        load_settings(env=env_for(tmp_path))
    path.write_text("timezone = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(env=env_for(tmp_path))


def test_the_template_loads_as_the_defaults_and_is_never_overwritten(tmp_path: Path) -> None:
    path = write_config_template(tmp_path / "cfg")
    text = path.read_text()
    assert "# timezone = " in text and "# silence_days = 30" in text
    settings = load_settings(env=env_for(tmp_path / "cfg"))
    assert settings.timezone == "UTC"
    uncommented = text.replace('# timezone = "UTC"', 'timezone = "Asia/Tokyo"')
    uncommented = uncommented.replace("# business_hours", "business_hours")
    path.write_text(uncommented)
    settings = load_settings(env=env_for(tmp_path / "cfg"))
    assert settings.timezone == "Asia/Tokyo" and settings.business_hours == (9, 17)
    with pytest.raises(ConfigError, match="already exists"):
        write_config_template(tmp_path / "cfg")
    assert path.read_text() == uncommented


@pytest.mark.parametrize(
    ("toml", "name"),
    [
        ('timezone = "America"\n', "timezone"),  # a folder of zones, not a zone
        ("business_hours = [9.5, 17.9]\n", "business_hours"),
        ("business_hours = [true, 17]\n", "business_hours"),
        ("silence_days = 99999999999\n", "silence_days"),
        ("checkin_weeks = 2.5\n", "checkin_weeks"),
    ],
)
def test_values_that_would_be_misread_are_refused(tmp_path: Path, toml: str, name: str) -> None:
    (tmp_path / "config.toml").write_text(toml)
    with pytest.raises(ConfigError, match=name):
        load_settings(env=env_for(tmp_path))
