"""Reading the data files shipped in `gracefully/knowledge/data/` (TOML, read once at import)."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any


def load(name: str) -> dict[str, Any]:
    """The parsed `data/<name>.toml`."""
    text = resources.files(__package__).joinpath("data", f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def word_pattern(word: str) -> str:
    """The regex for a data word, where "-" stands for an optional separator (- _ . or none).

    "no-reply" gives `no[-_.]?reply`: noreply, no-reply, no_reply and no.reply.
    """
    return r"[-_.]?".join(re.escape(part) for part in word.lower().split("-"))
