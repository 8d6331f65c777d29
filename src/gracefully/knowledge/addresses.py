"""Addresses nobody reads, and addresses that are a team rather than a person.

A robot address (no-reply@, notifications@, any address at a sending platform)
must never receive a draft: a recruiter writing through Lever as
no-reply@hire.lever.co is a person with no address to write to. A role mailbox
(careers@, hr@) reads its mail but is no person, so a note to it greets no one by
that name. Data: `noreply.toml`, `roles.toml`, `ats.toml`, `bulk.toml`.
"""

from __future__ import annotations

from functools import lru_cache

from gracefully.domain import Address
from gracefully.knowledge._local import has_robot_word, robot_word, role_word
from gracefully.knowledge.platforms import platform_for_address


def _email(address: str | Address) -> str:
    email = address.email if isinstance(address, Address) else address
    return email.strip().lower()


def is_no_reply(address: str | Address) -> bool:
    """Whether the local part says nobody reads replies (no-reply@, notifications@)."""
    local, at, _ = _email(address).rpartition("@")
    return bool(at) and has_robot_word(local)


@lru_cache(maxsize=16384)
def _robot_reason(email: str) -> str | None:
    local, at, domain = email.rpartition("@")
    if not at or not local:
        return None
    word = robot_word(local)
    if word is not None:
        return f"no-reply address ({word})"
    platform = platform_for_address(email)
    if platform is not None:
        return f"{platform.title} sends from {email if platform.addresses else domain}"
    return None


def robot_reason(address: str | Address) -> str | None:
    """Why nobody reads `address`, or None: a robot local part, or a sending platform's domain."""
    return _robot_reason(_email(address))


def is_robot_address(address: str | Address) -> bool:
    """A robot address: a no-reply local part, or any address at an ATS, job board,
    assessment service or bulk-mail sender. Nobody reads a reply to it."""
    return robot_reason(address) is not None


def is_role_mailbox(address: str | Address) -> bool:
    """A team's shared mailbox (careers@, jobs@, hr@, hello@): read by people but no
    person, so a note to it must not greet it by name ("Hi Careers,"). A robot
    address (careers-noreply@, careers@ at a platform) is a robot, not a role mailbox."""
    email = _email(address)
    local, at, _ = email.rpartition("@")
    return bool(at) and role_word(local) is not None and _robot_reason(email) is None
