"""Small detectors the grace rules are built from.

A detector reads a text in its context and returns the words that triggered
it (empty: nothing found). Phrase detectors work sentence by sentence, so a
guard (`unless`) can spare a sentence, and the trigger is the phrase itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz


@dataclass(frozen=True, slots=True)
class GraceContext:
    """What a draft should agree with. Empty fields are unknown and not checked."""

    to_name: str = ""
    company: str = ""
    role: str = ""
    feedback_refused: bool = False
    known_names: tuple[str, ...] = ()
    """Other people the note may name (interviewers, the user)."""
    alt_role: str = ""
    own_text: tuple[str, ...] = ()
    """Text the user wrote (profile, signature): organisations named there are theirs."""
    max_words: int = 150


Detector = Callable[[str, GraceContext], list[str]]
Pattern = str | re.Pattern[str]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[\w'’-]+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _compile(patterns: Iterable[Pattern]) -> tuple[re.Pattern[str], ...]:
    return tuple(p if isinstance(p, re.Pattern) else re.compile(p, re.IGNORECASE) for p in patterns)


NEGATED = re.compile(
    r"(?:\bnot(?! sure)|n['’]t|\bnever|\bno need to|\bnor|\bwithout)\b[^,;:.!?]{0,25}$",
    re.IGNORECASE,
)
"""Words just before a phrase that deny it: "I'm not asking you to reconsider"."""
_NOT_A_DENIAL = re.compile(
    r"\b(?:can['’]t|cannot|could not|couldn['’]t) (?:help|stress|say|tell you|emphasi[sz]e)\b"
    r"|^\W*(?:could|would|will|can|won['’]t|wouldn['’]t|couldn['’]t) you\b",
    re.IGNORECASE,
)
"""Negations that assert instead: "I can't help feeling ...", "Could you not reconsider?"."""


def _denied(sentence: str, start: int) -> bool:
    before = sentence[:start]
    return bool(NEGATED.search(before)) and not _NOT_A_DENIAL.search(before)


def phrases(
    *patterns: Pattern, unless: Iterable[Pattern] = (), negatable: bool = False
) -> Detector:
    """Fires on each phrase matching a pattern, in a sentence no `unless` pattern
    matches; a `negatable` phrase is spared when a negation comes just before it."""
    found, guards = _compile(patterns), _compile(unless)

    def detect(text: str, _: GraceContext) -> list[str]:
        return [
            m.group(0)
            for s in sentences(text)
            if not any(g.search(s) for g in guards)
            for p in found
            for m in p.finditer(s)
            if not (negatable and _denied(s, m.start()))
        ]

    return detect


def either(*detectors: Detector) -> Detector:
    """Fires on what any of `detectors` fires on (each may carry its own guards)."""

    def detect(text: str, ctx: GraceContext) -> list[str]:
        return [hit for d in detectors for hit in d(text, ctx)]

    return detect


ASKS = _compile(
    (
        r"\?\s*$",
        r"\b(?:would|could|can|might) you\b",
        r"\bplease (?:keep|let|consider|share|send|tell|pass|point|forward|add)\b",
        r"\bkeep me in mind\b",
        r"\b(?:be|being) considered\b",
        r"\bif you (?:could|can|have|were able|are able|'re able|are open|'re open)\b",
        r"\bI(?:'d| would) (?:also |really |greatly |very much |truly )*"
        r"(?:welcome|appreciate|value|love to hear)\b",
        r"\bI(?:'d| would) be (?:so |very |really )?(?:grateful|glad|happy|delighted|keen) "
        r"(?:for|if|to hear)\b",
        r"\b(?:would be|is|are) (?:hugely |greatly |much |very much |really |so )?appreciated\b",
        r"\b(?:open|glad) to (?:a|an) (?:short |brief |quick )?(?:call|chat|conversation)\b",
    )
)
COURTESY = _compile((r"\bdon't hesitate\b", r"\bfeel free\b", r"\bif (?:there is|I can)\b"))
BULLET = re.compile(r"^(?:[-*•‣▪–]|\d{1,2}[.)])\s+")


def _is_ask(sentence: str) -> bool:
    if sentence.endswith("?") and word_count(sentence) < 3:
        return False  # "Seriously?", "Really?": an exclamation, not an ask
    return any(a.search(sentence) for a in ASKS) and not any(c.search(sentence) for c in COURTESY)


def asks(text: str) -> list[str]:
    """Sentences that ask the reader for something (courtesies are not asks).

    An ask that ends in a colon introduces a list: each item is its own ask
    ("Could you:" then "- share feedback", "- refer me").
    """
    found, listing = [], False
    for s in sentences(text):
        if BULLET.match(s):
            found += [s] if listing else []
            continue
        listing = _is_ask(s) and s.endswith(":")
        found += [s] if _is_ask(s) and not listing else []
    return found


def asks_matching(*patterns: Pattern) -> Detector:
    """Fires on asks that also match one of `patterns` (e.g. an ask for feedback)."""
    found = _compile(patterns)

    def detect(text: str, _: GraceContext) -> list[str]:
        return [m.group(0) for s in asks(text) for p in found for m in p.finditer(s)]

    return detect


def more_than_one_ask(text: str, _: GraceContext) -> list[str]:
    found = asks(text)
    return found if len(found) > 1 else []


def absent(*patterns: Pattern) -> Detector:
    """Fires (with an empty-ish trigger) when none of `patterns` occurs anywhere."""
    found = _compile(patterns)

    def detect(text: str, _: GraceContext) -> list[str]:
        return [] if any(p.search(text) for p in found) else ["(no thank-you found)"]

    return detect


def over_length(text: str, ctx: GraceContext) -> list[str]:
    n = word_count(text)
    return [f"{n} words"] if n > ctx.max_words else []


# --- names and companies -----------------------------------------------------

_TITLES = {"mr", "mrs", "ms", "mx", "dr", "prof", "miss"}
_GENERIC = {
    "there", "all", "everyone", "team", "folks", "hiring", "sir", "madam", "recruiter",
    "manager", "recruitment", "recruiting", "talent", "acquisition", "hr", "people", "panel",
    "committee", "colleagues", "both", "again", "dear", "hi", "hello", "hey", "thanks",
    "thank", "understood", "noted", "sorry", "apologies", "ok", "okay", "great", "sure",
    "morning", "afternoon", "evening", "i", "good", "greetings", "howdy", "hiya", "yo",
    "congratulations", "best", "regards", "cheers", "warm", "kind", "sincerely", "dearest",
    "hallo", "bonjour", "hola", "ciao", "salut",
}  # fmt: skip
_TEAM_WORDS = r"(?:team|folks|recruiting|hiring|talent|people)\b"
_NAME = r"([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
GREETING = re.compile(
    r"^[ \t]*(?i:hi|hello|dear|hey|good (?:morning|afternoon|evening)|greetings"
    r"|thanks|thank you|many thanks),?[ \t]+" + _NAME + r"(?P<rest>[ \t]+\w+)?",
    re.MULTILINE,
)
SALUTATION = re.compile(r"\A\s*" + _NAME + r"[ \t]*(?:,[ \t]*(?:\n|\Z)|[ \t][-–—][ \t])(?P<rest>)")
"""A note that opens with the bare name: "Maya," on its own line."""
_MORE = r"[ \t]+(?:&[ \t]+)?(?!I\b|I['’])[A-Z][\w&'’.-]*"
_ORG = rf"([A-Z][\w&'’.-]*(?:{_MORE}){{0,3}})"
_ORG_OF_TWO = rf"([A-Z][\w&'’.-]*(?:{_MORE}){{1,3}})"
ORG_MENTIONS = (
    re.compile(r"\b(?:at|join|joining)[ \t]+" + _ORG),
    re.compile(
        r"\b(?:role|position|opening|openings|opportunit(?:y|ies)|job|career|future)"
        r"[ \t]+(?:at|with)[ \t]+" + _ORG
    ),
    re.compile(_ORG + r"(?:'s|’s)?[ \t]+(?:team|family|culture|mission|recruiting|hiring)\b"),
    re.compile(
        r"\bopportunit(?:y|ies) to (?:interview|work)[ \t]+(?:with|at|for)[ \t]+" + _ORG_OF_TWO
    ),
)
ELSEWHERE = re.compile(
    r"\b(?:my (?:current|previous|last|former|old|role|job|position|work|time|team"
    r"|employer|company|internship|colleagues|manager|studies|degree)"
    r"|currently|previously|formerly|former|while|when I was|I (?:work|worked|studied|graduated)"
    r"|I(?:'ve| have) (?:worked|been working|spent)|I(?:'m| am| was) (?:a|an|the)"
    r")\b[^.!?\n]{0,40}$"
    r"|\b(?:met|meet|meeting|spoke|speaking|talked|presented|presenting)"
    r"(?:[ \t]+(?:you|with you|everyone|them))?[ \t]+$",
    re.IGNORECASE,
)
"""Words before an organisation that put it in the user's own past or elsewhere
("in my current role at ...", "lovely to meet you at ..."): not the company slot."""
_EVENTS = {
    "summit", "conference", "con", "meetup", "university", "college", "school", "festival",
    "expo", "hackathon", "bootcamp", "academy", "week", "fair",
}  # fmt: skip
_NOT_ORGS = {
    "i", "the", "a", "my", "your", "our", "this", "that", "thank", "thanks", "best", "kind",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "hi", "hello", "dear",
}  # fmt: skip
_SUFFIXES = {"inc", "llc", "ltd", "gmbh", "corp", "co", "plc", "sa", "ag", "group", "the"}


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^\w\s]", " ", plain).casefold()


def _tokens(text: str) -> set[str]:
    return set(_fold(text).split()) - _TITLES


_NICKNAMES = {
    "andy": "andrew", "bill": "william", "billy": "william", "bob": "robert",
    "bobby": "robert", "bert": "albert herbert robert", "beth": "elizabeth",
    "betty": "elizabeth", "liz": "elizabeth", "lizzie": "elizabeth",
    "kate": "katherine catherine kathryn", "katie": "katherine catherine kathryn",
    "kathy": "katherine catherine kathryn", "cathy": "catherine", "dave": "david",
    "danny": "daniel", "dick": "richard", "rick": "richard", "ed": "edward",
    "ted": "edward theodore", "ned": "edward", "jim": "james", "jimmy": "james",
    "jamie": "james", "jack": "john", "johnny": "john", "jenny": "jennifer",
    "joe": "joseph", "joey": "joseph", "mike": "michael", "mick": "michael",
    "pat": "patrick patricia", "peggy": "margaret", "maggie": "margaret", "meg": "margaret",
    "pete": "peter", "sandy": "sandra", "steve": "steven stephen", "sue": "susan suzanne",
    "tom": "thomas", "tony": "anthony", "vicky": "victoria", "abby": "abigail",
    "becky": "rebecca", "nate": "nathan nathaniel", "harry": "henry harold", "hank": "henry",
    "sally": "sarah", "charlie": "charles charlotte", "chuck": "charles", "larry": "lawrence",
    "molly": "mary", "polly": "mary", "debbie": "deborah", "jerry": "gerald jeremy",
    "mandy": "amanda", "frank": "francis franklin", "fran": "frances francesca",
    "ellie": "eleanor ellen", "nell": "eleanor helen", "al": "albert alan alfred",
}  # fmt: skip
"""Common English short forms a note may greet someone by ("Mike" for Michael)."""


def _short_form(short: str, full: str) -> bool:
    return full in _NICKNAMES.get(short, "").split() or short in _NICKNAMES.get(full, "").split()


def _same_person(named: set[str], allowed: set[str]) -> bool:
    """A shared name, or one a short form of the other ("Tom" for "Tomas", "Bob" for Robert).

    A prefix must be two letters shorter: "Paul" is not "Paula", nor "Eric" "Erica"."""
    return bool(named & allowed) or any(
        (
            min(len(n), len(a)) >= 3
            and abs(len(n) - len(a)) >= 2
            and (a.startswith(n) or n.startswith(a))
        )
        or _short_form(n, a)
        or _short_form(a, n)
        for n in named
        for a in allowed
    )


def _overlap(a: re.Match[str], b: re.Match[str]) -> bool:
    return a.start() < b.end() and b.start() < a.end()


def wrong_name(text: str, ctx: GraceContext) -> list[str]:
    """A greeting that names someone other than the recipient or a known person."""
    allowed = set().union(*(_tokens(n) for n in (ctx.to_name, *ctx.known_names)))
    if not allowed:
        return []
    allowed |= _tokens(ctx.company) - _SUFFIXES
    triggers = []
    greetings = list(GREETING.finditer(text))
    bare = [m for m in SALUTATION.finditer(text) if not any(_overlap(m, g) for g in greetings)]
    for m in (*greetings, *bare):
        rest = (m.group("rest") or "").strip()
        named = _tokens(m.group(1)) - _GENERIC
        if re.match(_TEAM_WORDS, rest, re.IGNORECASE) or not named:
            continue
        if not _same_person(named, allowed):
            triggers.append(m.group(0).strip())
    return triggers


def _org_matches(candidate: str, ctx: GraceContext) -> bool:
    cand = " ".join(t for t in _fold(candidate).split() if t not in _SUFFIXES)
    company = " ".join(t for t in _fold(ctx.company).split() if t not in _SUFFIXES)
    if not cand or cand.split()[0] in _NOT_ORGS or _EVENTS & set(cand.split()):
        return True
    if fuzz.token_set_ratio(cand, company) >= 90:
        return True
    if fuzz.ratio(cand.replace(" ", ""), company.replace(" ", "")) >= 88:
        return True
    trusted = (ctx.role, ctx.alt_role, ctx.to_name, *ctx.known_names, *ctx.own_text)
    return any(cand in _fold(t) for t in trusted if t)


def _greeted_teams(text: str) -> list[str]:
    return [
        m.group(1)
        for m in GREETING.finditer(text)
        if re.match(_TEAM_WORDS, (m.group("rest") or "").strip(), re.IGNORECASE)
    ]


def wrong_company(text: str, ctx: GraceContext) -> list[str]:
    """An organisation named where the company belongs that is not the company."""
    if not ctx.company:
        return []
    candidates = [
        m.group(1).rstrip(".'’-")
        for s in sentences(text)
        for p in ORG_MENTIONS
        for m in p.finditer(s)
        if not ELSEWHERE.search(s[: m.start()])
    ]
    candidates += _greeted_teams(text)
    return [c for c in dict.fromkeys(candidates) if not _org_matches(c, ctx)]
