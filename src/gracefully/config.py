"""Settings, read once at the edge (CLI or web) and passed inward.

No stage reads the environment: `load_settings` is the only place that does.
The knobs a person may want to turn (their time zone, how long silence means
"no response", the per-company cap, ...) come from `config.toml` in the config
folder, and an environment variable `GRACEFULLY_<NAME>` overrides the file, so
a one-off run or a test never has to edit it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

from platformdirs import user_config_path, user_data_path

APP = "gracefully"


@dataclass(frozen=True)
class Settings:
    database_url: str
    data_dir: Path
    config_dir: Path
    review_threshold: float = 0.6
    """Readings less sure than this wait for a person before anything acts on them."""
    link_threshold: float = 0.75
    """Links less sure than this go to the review queue instead of being applied."""
    silence_days: int = 30
    """An application with no news from the employer for this long is "no response"."""
    no_reply_days: int = 21
    """A sent follow-up unanswered for this long is marked no_reply."""
    timezone: str = "UTC"
    """Your zone: follow-ups fall due in its business hours when the recipient's is unknown."""
    business_hours: tuple[int, int] = (9, 17)
    checkin_weeks: int = 8
    """When the optional later check-in falls due, after the first follow-up."""
    cap_per_company: int = 2
    """Never more follow-ups than this to one company."""
    batch_size: int = 500
    llm_base_url: str | None = None
    """An OpenAI-compatible endpoint that may rewrite drafts; off unless set."""
    llm_model: str | None = None
    llm_api_key: str = field(default="", repr=False)
    env: Mapping[str, str] = field(default_factory=dict, repr=False)
    """The environment as it was at start, for credentials that name a variable."""
    sources: Mapping[str, str] = field(default_factory=dict, repr=False)
    """Where each setting a person set came from (config.toml or GRACEFULLY_<NAME>)."""


def default_database_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'gracefully.db'}"


class ConfigError(ValueError):
    """A setting that cannot be used; the message names it and says what is allowed."""


CONFIG_FILE = "config.toml"


def _count(value: Any) -> int:
    if isinstance(value, float | bool) or not 1 <= int(value) <= 100_000:
        raise ValueError(value)
    return int(value)


def _fraction(value: Any) -> float:
    if isinstance(value, bool) or not 0.0 <= float(value) <= 1.0:
        raise ValueError(value)
    return float(value)


def _zone(value: Any) -> str:
    if str(value) not in available_timezones():  # "America" is a folder, not a zone
        raise ValueError(value)
    return str(value)


def _hours(value: Any) -> tuple[int, int]:
    parts = value.split("-") if isinstance(value, str) else value
    if any(isinstance(part, float | bool) for part in parts):
        raise ValueError(value)
    start, end = (int(part) for part in parts)
    if not 0 <= start < end <= 24:
        raise ValueError(value)
    return start, end


_COUNT = (_count, "a whole number from 1 to 100000")
TUNABLE: dict[str, tuple[Callable[[Any], Any], str]] = {
    "timezone": (_zone, "an IANA time zone such as Europe/Berlin or America/New_York"),
    "business_hours": (_hours, 'a start and an end hour, such as [9, 17] or "9-17"'),
    "silence_days": _COUNT,
    "no_reply_days": _COUNT,
    "checkin_weeks": _COUNT,
    "cap_per_company": _COUNT,
    "review_threshold": (_fraction, "a number between 0 and 1"),
    "link_threshold": (_fraction, "a number between 0 and 1"),
    "batch_size": _COUNT,
}
"""The settings a person may set in config.toml or as GRACEFULLY_<NAME>: check and hint."""


def _tuned(config_dir: Path, env: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The checked values a person set, and where each came from."""
    path = config_dir / CONFIG_FILE
    raw: dict[str, Any] = {}
    if path.is_file():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
        except OSError as exc:
            raise ConfigError(f"cannot read {path}: {exc.strerror}") from exc
        unknown = sorted(set(raw) - set(TUNABLE))
        if unknown:
            raise ConfigError(
                f"{path}: unknown setting {', '.join(unknown)}; known: {', '.join(TUNABLE)}"
            )
    where = dict.fromkeys(raw, str(path))
    for name in TUNABLE:
        if value := env.get(f"GRACEFULLY_{name.upper()}"):
            raw[name], where[name] = value, f"GRACEFULLY_{name.upper()}"
    tuned = {}
    for name, value in raw.items():
        check, hint = TUNABLE[name]
        try:
            tuned[name] = check(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"{name} = {value!r} (from {where[name]}) cannot be used: give {hint}"
            ) from exc
    return tuned, where


def load_settings(db: str | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Settings from flags, then environment, then config.toml, then XDG defaults."""
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get("GRACEFULLY_DATA_DIR") or user_data_path(APP))
    config_dir = Path(env.get("GRACEFULLY_CONFIG_DIR") or user_config_path(APP))
    url = db or env.get("GRACEFULLY_DATABASE_URL") or default_database_url(data_dir)
    settings = Settings(
        database_url=url,
        data_dir=data_dir,
        config_dir=config_dir,
        llm_base_url=env.get("GRACEFULLY_LLM_BASE_URL") or None,
        llm_model=env.get("GRACEFULLY_LLM_MODEL") or None,
        llm_api_key=env.get("GRACEFULLY_LLM_API_KEY") or env.get("OPENAI_API_KEY") or "",
        env=env,
    )
    tuned, sources = _tuned(config_dir, env)
    return replace(settings, sources=sources, **tuned)


def tunable_values(settings: Settings) -> dict[str, Any]:
    """The settings a person may change, as they are now (for `gracefully config`)."""
    return {f.name: getattr(settings, f.name) for f in fields(settings) if f.name in TUNABLE}


def setting_sources(settings: Settings) -> dict[str, str]:
    """Where each tunable value came from: the GRACEFULLY_* variable, config.toml or default."""
    return {name: settings.sources.get(name, "default") for name in TUNABLE}


def write_config_template(config_dir: Path) -> Path:
    """A config.toml that lists every setting at its default, commented out, to edit.

    An existing file is never overwritten: it may hold the person's own choices.
    """
    path = config_dir / CONFIG_FILE
    if path.exists():
        raise ConfigError(f"{path} already exists; edit it, or remove it to start again")
    defaults = Settings(database_url="", data_dir=config_dir, config_dir=config_dir)
    lines = ["# gracefully settings. Uncomment a line to change it.", ""]
    for item in fields(Settings):
        if item.name in TUNABLE:
            doc = f"  # {TUNABLE[item.name][1]}"
            value = getattr(defaults, item.name)
            shown = list(value) if isinstance(value, tuple) else value
            rendered = f'"{shown}"' if isinstance(shown, str) else str(shown)
            lines.append(f"# {item.name} = {rendered}{doc}")
    config_dir.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
