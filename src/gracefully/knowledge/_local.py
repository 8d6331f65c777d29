"""Words of a local part (data: `noreply.toml`, `roles.toml`), matched as whole tokens."""

from __future__ import annotations

import re

from gracefully.knowledge._data import load, word_pattern

_ROBOT_ROWS = load("noreply")["robot"]
_ROLE_ROWS = load("roles")["role"]

ROBOT_WORDS: tuple[str, ...] = tuple(row["word"] for row in _ROBOT_ROWS)
"""Local-part words that say no person reads the mailbox ("-": an optional separator)."""
ROLE_WORDS: tuple[str, ...] = tuple(row["word"] for row in _ROLE_ROWS)
"""Local-part words of a shared team mailbox (careers, hr, hello)."""
HIRING_MAILBOX_WORDS: tuple[str, ...] = tuple(row["word"] for row in _ROLE_ROWS if row["hiring"])
"""The role mailboxes of hiring itself (careers, jobs, recruiting, hr, people)."""


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(word_pattern(w) for w in sorted(words, key=len, reverse=True))


def _robot_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """A word as a whole token: at the start or after . _ + -, up to the end or one of them."""
    return re.compile(rf"(?:^|[._+-])(?:{_alternatives(words)})(?=[._+-]|$)")


def _role_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """The whole local part, or its first or last token with one other token beside it."""
    alt = _alternatives(words)
    return re.compile(rf"^(?:{alt})(?:[._-][a-z0-9]+)?$|^[a-z0-9]+[._-](?:{alt})$")


_ROBOT = _robot_regex(ROBOT_WORDS)
_ROBOT_EACH = tuple((word, _robot_regex((word,))) for word in ROBOT_WORDS)
_ROLE = _role_regex(ROLE_WORDS)
_ROLE_EACH = tuple((word, _role_regex((word,))) for word in ROLE_WORDS)


def has_robot_word(local: str) -> bool:
    return _ROBOT.search(local.lower()) is not None


def robot_word(local: str) -> str | None:
    """The robot word a local part holds ("no-reply" for jobs-noreply), or None."""
    local = local.lower()
    if not _ROBOT.search(local):
        return None
    return next(word for word, pattern in _ROBOT_EACH if pattern.search(local))


def role_word(local: str) -> str | None:
    """The role word of a team mailbox's local part ("careers" for careers-uk), or None."""
    local = local.lower().partition("+")[0]
    if not _ROLE.match(local):
        return None
    return next(word for word, pattern in _ROLE_EACH if pattern.match(local))


def strip_robot_words(local: str) -> str:
    """A local part without its robot words: "acme-notifications" -> "acme"."""
    return _ROBOT.sub("", local.lower()).strip("._+-")
