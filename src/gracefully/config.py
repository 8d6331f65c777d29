"""Settings, read once at the edge (CLI or web) and passed inward.

No stage reads the environment: `load_settings` is the only place that does.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

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
    batch_size: int = 500
    llm_base_url: str | None = None
    """An OpenAI-compatible endpoint that may rewrite drafts; off unless set."""
    llm_model: str | None = None
    llm_api_key: str = field(default="", repr=False)
    env: Mapping[str, str] = field(default_factory=dict, repr=False)
    """The environment as it was at start, for credentials that name a variable."""


def default_database_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'gracefully.db'}"


def load_settings(db: str | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Settings from flags, then environment, then XDG defaults."""
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get("GRACEFULLY_DATA_DIR") or user_data_path(APP))
    config_dir = Path(env.get("GRACEFULLY_CONFIG_DIR") or user_config_path(APP))
    url = db or env.get("GRACEFULLY_DATABASE_URL") or default_database_url(data_dir)
    return Settings(
        database_url=url,
        data_dir=data_dir,
        config_dir=config_dir,
        batch_size=int(env.get("GRACEFULLY_BATCH_SIZE") or Settings.batch_size),
        llm_base_url=env.get("GRACEFULLY_LLM_BASE_URL") or None,
        llm_model=env.get("GRACEFULLY_LLM_MODEL") or None,
        llm_api_key=env.get("GRACEFULLY_LLM_API_KEY") or env.get("OPENAI_API_KEY") or "",
        env=env,
    )
