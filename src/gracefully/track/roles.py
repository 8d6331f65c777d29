"""Role titles: when two titles are the same job, and when they only look alike.

A rejection for "Senior Engineer" must not land on the "Staff Engineer"
application, nor "Data Analyst" on "Data Engineer", nor "Engineer II" on
"Engineer I". So a title is split into its seniority, its level, its function
(the head noun: engineer, analyst...) and its specialty words; seniority, level
and function must agree exactly, and only the specialty is matched fuzzily.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

SENIORITY = frozenset(
    {
        "intern", "junior", "associate", "mid", "senior", "staff", "principal", "lead",
        "distinguished", "head", "director", "vp", "chief", "entry", "graduate", "apprentice",
        "trainee", "fellow",
    }
)  # fmt: skip
LEVELS = frozenset({"i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5", "l1", "l2", "l3", "l4"})
FUNCTIONS = frozenset(
    {
        "engineer", "developer", "analyst", "scientist", "manager", "designer", "architect",
        "specialist", "coordinator", "consultant", "researcher", "administrator", "writer",
        "editor", "accountant", "recruiter", "representative", "strategist", "technician",
        "officer", "partner", "advocate", "marketer", "producer", "programmer", "tester",
        "owner", "assistant", "counsel", "attorney", "nurse", "teacher", "economist", "executive",
    }
)  # fmt: skip
_ABBREVIATIONS = {
    "sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior", "mgr": "manager",
    "eng": "engineer", "engr": "engineer", "dev": "developer", "swe": "software engineer",
    "sde": "software engineer", "sw": "software", "pm": "product manager",
    "assoc": "associate", "princ": "principal", "dir": "director", "vice": "vp",
}  # fmt: skip
_NOISE = frozenset(
    {"remote", "hybrid", "onsite", "on", "site", "fulltime", "full", "time", "parttime", "part",
     "contract", "temporary", "m", "f", "d", "w", "x", "the", "a", "an", "of", "and", "for",
     "position", "role", "opening", "req", "in", "at", "president"}
)  # fmt: skip
_KEY_WORDS = SENIORITY | FUNCTIONS
_WORD = re.compile(r"[a-z0-9]+")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_CLAUSE = re.compile(
    r"(?<!sr)(?<!jr)(?<!snr)(?<!jnr)(?<!mgr)(?<!eng)(?<!dir)(?:[.!?]\s|[.!?]$|[;:\n])",
    re.IGNORECASE,
)
"""Sentence ends, but not the dot of "Sr. Engineer"."""


@dataclass(frozen=True, slots=True)
class Title:
    """A role title taken apart; `words` keeps the normalised order for text search."""

    words: tuple[str, ...]
    seniority: frozenset[str]
    levels: frozenset[str]
    functions: frozenset[str]
    specialty: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoleMatch:
    score: float
    """0..1: 0 when the titles are different jobs, 1 when they are the same words."""
    why: str


@lru_cache(maxsize=8192)
def _word(word: str) -> tuple[str, ...]:
    """One word normalised: abbreviations expanded, a typo'd key word corrected.

    Only seniority and function words are corrected ("Desginer", "Seniorr"),
    since they decide whether two titles are one job; a plural counts as a typo.
    """
    if word in _ABBREVIATIONS:
        return tuple(_ABBREVIATIONS[word].split())
    if len(word) >= 6 and word not in _KEY_WORDS:
        for key in _KEY_WORDS:
            if DamerauLevenshtein.distance(word, key, score_cutoff=1) <= 1:
                return (key,)
    return (word,)


def _words(text: str) -> list[str]:
    """Lower-cased words, normalised, with parentheses (locations) dropped."""
    out: list[str] = []
    for word in _WORD.findall(_PARENS.sub(" ", text.lower())):
        out.extend(_word(word))
    return out


def parse_title(title: str) -> Title:
    words = tuple(w for w in _words(title) if w not in _NOISE)
    return Title(
        words=words,
        seniority=frozenset(w for w in words if w in SENIORITY),
        levels=frozenset(w for w in words if w in LEVELS),
        functions=frozenset(w for w in words if w in FUNCTIONS),
        specialty=tuple(w for w in words if w not in SENIORITY | LEVELS | FUNCTIONS),
    )


def _describe(words: frozenset[str]) -> str:
    return " ".join(sorted(words)) or "none"


def compare_roles(a: str, b: str) -> RoleMatch:
    """How surely two titles name the same job; the `why` says what decided it."""
    ta, tb = parse_title(a), parse_title(b)
    for label, x, y in (
        ("seniority", ta.seniority, tb.seniority),
        ("level", ta.levels, tb.levels),
        ("function", ta.functions, tb.functions),
    ):
        if x != y:
            return RoleMatch(0.0, f"{label} differs: {_describe(x)} vs {_describe(y)}")
    if ta.specialty == tb.specialty:
        return RoleMatch(1.0, "same title")
    sa, sb = set(ta.specialty), set(tb.specialty)
    if sa == sb:
        return RoleMatch(0.95, "same words in another order")
    if sa and sb and (sa <= sb or sb <= sa):
        return RoleMatch(0.9, "one title adds words to the other")
    score = fuzz.token_sort_ratio(" ".join(ta.specialty), " ".join(tb.specialty)) / 100
    if score < 0.85:
        return RoleMatch(
            0.0,
            f"specialty differs: {' '.join(ta.specialty) or 'none'}"
            f" vs {' '.join(tb.specialty) or 'none'}",
        )
    return RoleMatch(score * 0.95, f"titles alike ({score:.2f})")


def only_seniority_missing(a: str, b: str) -> bool:
    """One title is the other without its seniority or level (a truncated title)."""
    ta, tb = parse_title(a), parse_title(b)
    if ta.functions != tb.functions or ta.specialty != tb.specialty:
        return False
    a_bare = not ta.seniority and not ta.levels
    b_bare = not tb.seniority and not tb.levels
    return a_bare != b_bare


_TITLE_IN_TEXT = (
    re.compile(
        r"\b(?:for|in|to|about)\s+(?:the|our|your|a|an)\s+(?P<role>[A-Z][\w/&.\- ]{2,60}?)"
        r"(?:\s*\([^)]*\))?\s+(?:position|role|opening|opportunity|job|vacancy)\b"
    ),
    re.compile(
        r"\b(?:application|applying|applied)\s+(?:for|to)\s+(?:the\s+)?"
        r"(?P<role>[A-Z][\w/&.\- ]{2,60}?)(?:\s+at\s|\s*[.,!(\n]|$)"
    ),
)


def role_in_text(text: str) -> str | None:
    """A title the email itself states ("... for the Senior Data Engineer position").

    Only phrases with a function or seniority word count, so "the Acme role" is
    not taken for a title.
    """
    for pattern in _TITLE_IN_TEXT:
        for m in pattern.finditer(text):
            title = parse_title(m.group("role"))
            if title.functions or title.seniority:
                return m.group("role").strip()
    return None


class Mention(StrEnum):
    SAME = "same"
    OTHER_LEVEL = "other_level"
    """The title's words appear with another seniority or level: another job."""
    ABSENT = "absent"


def find_role(text: str, role: str) -> Mention:
    """Whether `text` names `role`, names another level of it, or neither.

    "Data Engineer" is not named by "Senior Data Engineer" or "Data Engineer II":
    the seniority words just before the title and the level just after must be
    the role's own.
    """
    title = parse_title(role)
    core = tuple(w for w in title.words if w not in SENIORITY and w not in LEVELS)
    if not core:
        return Mention.ABSENT
    found = Mention.ABSENT
    for clause in _CLAUSE.split(text):
        for seniority, levels in _occurrences(clause, core):
            if seniority == title.seniority and levels == title.levels:
                return Mention.SAME
            found = Mention.OTHER_LEVEL
    return found


def _occurrences(clause: str, core: tuple[str, ...]) -> list[tuple[frozenset[str], frozenset[str]]]:
    """(seniority words before, level words after) each time `core` appears in the clause."""
    hay = [w for w in _words(clause) if w not in _NOISE]
    n, out = len(core), []
    for i in range(len(hay) - n + 1):
        if tuple(hay[i : i + n]) != core:
            continue
        start = i
        while start > 0 and hay[start - 1] in SENIORITY:
            start -= 1
        end = i + n
        while end < len(hay) and hay[end] in LEVELS:
            end += 1
        out.append((frozenset(hay[start:i]), frozenset(hay[i + n : end])))
    return out
