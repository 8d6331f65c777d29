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

from gracefully.knowledge import PLATFORM_WORDS, robot_word, role_word
from gracefully.write.own_words import sign_off_names


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
    """Longer than this is advice: a follow-up needs a thank-you, one specific, one ask."""
    block_words: int = 250
    """Longer than this blocks: nobody reads a follow-up essay to the end."""
    sender: str = ""
    """The user's own name: the note must end with it. Unknown, any name will do."""


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
    anywhere = re.compile("|".join(f"(?:{p.pattern})" for p in found), re.IGNORECASE)
    """Matches wherever any pattern could (case aside): most sentences are skipped at once."""

    def detect(text: str, _: GraceContext) -> list[str]:
        return [
            m.group(0)
            for s in sentences(text)
            if anywhere.search(s) and not any(g.search(s) for g in guards)
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
        r"^\W*(?:could|can|may|might) (?:I|we)\b",
        r"\bI(?:'d| would) (?:also |really |very much )*(?:like|love) to (?:know|ask|request|see"
        r"|have|get)\b",
        r"\bwould (?:mean a lot|mean the world|be (?:great|wonderful|amazing"
        r"|(?:really |so )?helpful|much appreciated))\b",
    )
)
_ASK_VERBS = re.compile(
    r"\b(?:would|could|can|will) you\b|\b(?:and|also|or) (?:please |perhaps |maybe )?"
    r"(?:share|send|introduce|recommend|forward)\b|\b(?:and|also|or) (?:whether|if) "
    r"(?:you|I|we)\b",
    re.IGNORECASE,
)
"""Each is one more request inside an ask ("Could you X, and would you Y?" asks twice)."""
COURTESY = _compile(
    (
        r"\bdon't hesitate\b",
        r"\bfeel free\b",
        r"\bif (?:there is|I can)\b",
        r"\bpass (?:on )?my thanks\b|\bpass my thanks on\b|\bsay (?:thank you|thanks) to\b",
    )
)
"""Courtesies phrased as asks: nothing the reader has to answer."""
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
            found += [s] if listing or _is_ask(s) else []
            continue
        listing = _is_ask(s) and s.endswith(":")
        found += [s] if _is_ask(s) and not listing else []
    return found


def asks_matching(*patterns: Pattern) -> Detector:
    """Fires on asks that also match one of `patterns` (e.g. an ask for feedback); a
    denied mention is no ask for it ("I know you don't share feedback, so please just
    keep me in mind")."""
    found = _compile(patterns)

    def detect(text: str, _: GraceContext) -> list[str]:
        return [
            m.group(0)
            for s in asks(text)
            for p in found
            for m in p.finditer(s)
            if not _denied(s, m.start())
        ]

    return detect


def requests(text: str) -> list[str]:
    """The requests a note makes: each ask, counted once more for every further
    "would you"/"and share" it chains on ("Could you X, and would you Y?" is two)."""
    return [s for s in asks(text) for _ in range(max(1, len(_ASK_VERBS.findall(s))))]


def asks_between(low: int, high: int | None = None) -> Detector:
    """Fires on the requests when there are `low` to `high` (any number above `low`
    when `high` is None) of them."""

    def detect(text: str, _: GraceContext) -> list[str]:
        found = requests(text)
        n = len(found)
        return list(dict.fromkeys(found)) if n >= low and (high is None or n <= high) else []

    return detect


def absent(*patterns: Pattern) -> Detector:
    """Fires (with an empty-ish trigger) when none of `patterns` occurs anywhere."""
    found = _compile(patterns)

    def detect(text: str, _: GraceContext) -> list[str]:
        return [] if any(p.search(text) for p in found) else ["(no thank-you found)"]

    return detect


def over_length(text: str, ctx: GraceContext) -> list[str]:
    n = word_count(text)
    return [f"{n} words"] if ctx.max_words < n <= max(ctx.block_words, ctx.max_words) else []


def far_too_long(text: str, ctx: GraceContext) -> list[str]:
    n = word_count(text)
    return [f"{n} words (about {ctx.block_words} at most)"] if n > ctx.block_words else []


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
_UNITS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "coast", "region", "regional", "emea", "apac", "uk", "us", "eu", "global", "international",
    "platform", "data", "product", "design", "engineering", "sales", "marketing", "finance",
    "operations", "ops", "research", "analytics", "support", "growth", "people", "legal",
    "infrastructure", "mobile", "web", "backend", "frontend", "security", "editorial",
}  # fmt: skip
"""Words of a region or a department ("the East Coast team", "the Platform team"):
an organisation made only of them is a part of the company, not another one."""


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
        if re.match(_TEAM_WORDS, rest, re.IGNORECASE) or not named or _robotic(m.group(1)):
            continue  # a team, a mailbox or a hiring system is no wrong *person*
        if not _same_person(named, allowed):
            triggers.append(m.group(0).strip())
    return triggers


def _org_matches(candidate: str, ctx: GraceContext) -> bool:
    cand = " ".join(t for t in _fold(candidate).split() if t not in _SUFFIXES)
    company = " ".join(t for t in _fold(ctx.company).split() if t not in _SUFFIXES)
    words = set(cand.split())
    if not cand or cand.split()[0] in _NOT_ORGS or _EVENTS & words or words <= _UNITS:
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


# --- greetings ---------------------------------------------------------------

_OPENING = re.compile(
    r"\A\s*(?P<line>(?i:hi|hello|hey|hiya|howdy|dear|greetings|morning|good (?:morning|afternoon"
    r"|evening))(?:[ \t]+(?P<who>[^\n,!:;]*?))?[ \t]*(?:[,!:;]|[ \t][-–—]|(?=\n)|\Z))"
    r"|\A\s*(?P<bare>(?P<bare_who>[\w@.&'’ +-]{1,40}?)[ \t]*,)[ \t]*(?=\n)"
)
"""The note's greeting and whom it greets: "Hi workday.do-not-reply," or a bare "careers,"."""
IMPERSONAL = re.compile(
    r"^(?:whom it may concern|sir(?:s)?(?: or |/)?(?:madam)?|madam|(?:the )?hiring manager"
    r"|recruiter|(?:the )?(?:hiring|recruiting|recruitment|talent(?: acquisition)?|hr|people"
    r"|careers?|jobs?) (?:team|department|manager|partner)|(?:the )?team|talent acquisition"
    r"|hr|human resources|recruitment|recruiting|hiring)(?:[ \t]+(?:at|of|from|for)\b.*)?$",
    re.IGNORECASE,
)
_TEAM_GREETING = re.compile(
    r"\b(?:team|folks|people|recruiting|hiring|careers|jobs|talent|recruitment|hr)$", re.IGNORECASE
)
"""A greeting to "<anyone> team" or "<company> Careers" greets a group, not the person."""
_TO_WHOM = re.compile(
    r"\bto whom it may concern\b|\bdear sir(?: or |/)madam\b|\bdear (?:sir|madam)\b",
    re.IGNORECASE,
)


def greeting(text: str) -> tuple[str, str]:
    """The greeting line as written and whom it greets ("" for a plain "Hello,")."""
    m = _OPENING.search(text)
    if not m:
        return "", ""
    if m.group("bare"):
        return m.group("bare").strip(), m.group("bare_who").strip()
    return m.group("line").strip(), (m.group("who") or "").strip()


def _tokens_of(who: str) -> list[str]:
    return [t for t in re.split(r"[\s.@_+-]+", who.casefold()) if t]


def _robotic(who: str) -> bool:
    """An address, a robot mailbox, a sending platform, or a team mailbox greeted as one
    ("workday.do-not-reply", "noreply", "Greenhouse", "careers"); the words are
    `gracefully.knowledge`'s, the same every stage reads addresses with."""
    words = _tokens_of(who)
    local = re.sub(r"\s+", ".", who.strip().casefold())
    if "@" in who or any(w in PLATFORM_WORDS for w in words) or robot_word(local):
        return True
    if who != who.lower():
        return False  # "Careers Team" is a team greeted as one: the impersonal rule's
    group = local in ("team", "people", "all", "everyone")  # a plain team greeting, no address
    return bool(re.search(r"[a-z0-9][._+-][a-z]", who)) or (
        not group and role_word(local) is not None
    )


def robot_greeting(text: str, _: GraceContext) -> list[str]:
    """A greeting to an address, a no-reply mailbox or an applicant tracking system
    (a template slot, "Hi {first_name},", is the placeholder rule's)."""
    line, who = greeting(text)
    return [line] if who and not re.search(r"[{}\[\]<>]", who) and _robotic(who) else []


def is_person(name: str, ctx: GraceContext) -> bool:
    """Whether a recipient's name is a person's (not an address, mailbox or the company)."""
    words = _tokens_of(name)
    company = _tokens(ctx.company) - _SUFFIXES
    own = [w for w in words if w not in company and not role_word(w) and w not in _TITLES]
    return bool(own) and "@" not in name and not _robotic(name)


def impersonal_greeting(text: str, ctx: GraceContext) -> list[str]:
    """When a named person is the recipient: a greeting to nobody in particular ("To
    whom it may concern", "Dear Hiring Manager"), to a team, or to the company."""
    if not is_person(ctx.to_name, ctx):
        return []
    found = [m.group(0) for m in _TO_WHOM.finditer(text)]
    line, who = greeting(text)
    if who and not _robotic(who) and not _names_recipient(who, ctx):
        group = IMPERSONAL.match(who) or _TEAM_GREETING.search(who)
        if group or (ctx.company and _is_org(who, ctx)):
            found.append(line)
    return list(dict.fromkeys(found))


def _names_recipient(who: str, ctx: GraceContext) -> bool:
    allowed = set().union(*(_tokens(n) for n in (ctx.to_name, *ctx.known_names)))
    return _same_person(_tokens(who) - _GENERIC, allowed)


def _is_org(candidate: str, ctx: GraceContext) -> bool:
    """`candidate` names the company (not just any word `_org_matches` lets through)."""
    cand = " ".join(t for t in _fold(candidate).split() if t not in _SUFFIXES)
    company = " ".join(t for t in _fold(ctx.company).split() if t not in _SUFFIXES)
    return bool(cand) and (
        fuzz.token_set_ratio(cand, company) >= 90
        or fuzz.ratio(cand.replace(" ", ""), company.replace(" ", "")) >= 88
    )


# --- the signature -----------------------------------------------------------


def unsigned(text: str, ctx: GraceContext) -> list[str]:
    """No name at the end of the note (or, when the user's name is known, not theirs)."""
    names, last = sign_off_names(text)
    if not names:
        return [f"{last[-60:]} (no name after it)" if last else "(no name at the end)"]
    if ctx.sender:
        own = _tokens(ctx.sender)
        signed = set().union(*(_tokens(n) for n in names))
        initials = {n[0] for n in own if n}
        if not _same_person(signed, own) and not (signed and {t[0] for t in signed} <= initials):
            return [f"signed {names[0]!r}, not {ctx.sender}"]
    return []


# --- what the note shows about its context -----------------------------------

FEEDBACK_REFUSED = re.compile(
    r"\b(?:(?:do|does|will|can|could|are|is|am)(?: not|n['’]t)|cannot|unable to|not able to"
    r"|won['’]t be able to|(?:are|is) not in a position to|don['’]t usually|do not usually"
    r"|isn['’]t (?:your|our) policy to|not (?:your|our) policy to|(?:said|say) no)\b"
    r"[^.!?\n]{0,40}\b(?:provide|give|offer|share|send|do)\b[^.!?\n]{0,25}\bfeedback\b"
    r"|\bno (?:individual |personal |detailed |specific )?feedback\b"
    r"|\bfeedback (?:is not|isn['’]t) (?:something we|available|possible|given)",
    re.IGNORECASE,
)
"""The employer's "we are unable to provide feedback", or the user's "I know you don't
give feedback", in the note or in the quoted rejection."""


def feedback_refused(text: str, ctx: GraceContext) -> bool:
    """Whether feedback is known to be refused: by the context, or by the rejection
    quoted below the note, or because the note itself says so."""
    return ctx.feedback_refused or bool(FEEDBACK_REFUSED.search(text))
