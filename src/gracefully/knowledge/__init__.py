"""gracefully.knowledge: the facts about mail that several stages need, kept once, as data.

Which platforms send job mail (applicant tracking systems, job boards, assessment
services, bulk-mail senders), which local parts are robots, which are a team's
mailbox, which domains are free-mail, and how accents fold. The facts live in
`data/*.toml`, each row with examples that must match and near misses that must
not (tests/knowledge). Every stage may import this package beside
`gracefully.domain`; it imports nothing else of gracefully. A second copy of any
of these lists in a stage is a bug: copies drift.
"""

from gracefully.knowledge._data import word_pattern
from gracefully.knowledge._local import (
    HIRING_MAILBOX_WORDS,
    ROBOT_WORDS,
    ROLE_WORDS,
    robot_word,
    role_word,
    strip_robot_words,
)
from gracefully.knowledge.addresses import (
    is_no_reply,
    is_robot_address,
    is_role_mailbox,
    robot_reason,
)
from gracefully.knowledge.domains import (
    FREEMAIL,
    FREEMAIL_LABELS,
    TWO_LEVEL_SUFFIXES,
    is_freemail,
    registrable_domain,
)
from gracefully.knowledge.platforms import (
    ATS,
    NOT_TENANTS,
    PLATFORM_WORDS,
    PLATFORMS,
    Kind,
    Platform,
    ats_for_domain,
    is_ats_domain,
    is_platform_domain,
    platform_for_address,
    platform_for_domain,
    platform_named,
    sender_tenant,
    tenants_in,
)
from gracefully.knowledge.text import fold

__all__ = [
    "ATS",
    "FREEMAIL",
    "FREEMAIL_LABELS",
    "HIRING_MAILBOX_WORDS",
    "NOT_TENANTS",
    "PLATFORMS",
    "PLATFORM_WORDS",
    "ROBOT_WORDS",
    "ROLE_WORDS",
    "TWO_LEVEL_SUFFIXES",
    "Kind",
    "Platform",
    "ats_for_domain",
    "fold",
    "is_ats_domain",
    "is_freemail",
    "is_no_reply",
    "is_platform_domain",
    "is_robot_address",
    "is_role_mailbox",
    "platform_for_address",
    "platform_for_domain",
    "platform_named",
    "registrable_domain",
    "robot_reason",
    "robot_word",
    "role_word",
    "sender_tenant",
    "strip_robot_words",
    "tenants_in",
    "word_pattern",
]
