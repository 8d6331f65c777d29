"""One generic engine for every detail rule: match, check the must-not, keep the evidence.

A rule is data (see `Rule`); the tables in the sibling modules are tuples of
rules, and a new phrasing is one more row. The engine reads one `Doc` (the
email's text, capped, lower-cased once, split into sentences, plus subject
and sender) and yields a `Hit` per match, with the `Evidence` that explains it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from itertools import takewhile
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]

from gracefully.domain import Email, Evidence
from gracefully.understand.details.anchors import Anchor, anchor
from gracefully.understand.details.prefilter import FINDER, Found, Gate, Words, derive
from gracefully.understand.sentences import LIMIT, Span, split

MAX_MATCHES = 4
"""Matches tried per rule before giving up on it (bounds the work on odd mail)."""
_LITERAL_RUN = 3
"""Literal characters a pattern must open with for the regex engine's own scan to beat an anchor."""


class Where(StrEnum):
    """Which part of the email a rule reads."""

    TEXT = "text"
    SUBJECT = "subject"
    SENDER_NAME = "sender_name"
    SENDER_ADDRESS = "sender_address"


@dataclass(frozen=True, slots=True)
class Rule:
    """A phrasing that sets `field` to `value`.

    `pattern` is matched against the lower-cased source unless `cased` (entity
    rules that copy names as written, with `(?i:...)` lead-ins). When `value`
    is empty, the pattern's group `v` is the value. `unless` is the must-not:
    when it matches the sentence (or the whole subject/sender) the hit is dropped.
    `needs` is a cheap pattern that must occur in the same source for `pattern`
    to be tried at all (it must hold wherever `pattern` matches): for a rule with
    no literal word for the prefilter, whose scan would otherwise try every character.
    """

    name: str
    field: str
    value: str
    pattern: str
    unless: str = ""
    where: Where = Where.TEXT
    cased: bool = False
    needs: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    rule: Rule
    value: str
    evidence: Evidence


_ODD_SPACE = re.compile("[\u00a0\u2007\u202f\u2009\u200a]")
"""No-break and thin spaces read as spaces (same length, so offsets hold)."""
_SOFT_WRAP = re.compile(r"\n(?=[ \t]*[a-z])")
"""A line break before a lower-case word only wraps a sentence: the lower-cased text, which
the phrase rules read, has a space there, so "keep your\ndetails on file" reads as written."""


class Doc:
    """An email prepared once for all the tables.

    Rules read the text with odd spaces made plain, and lower-case rules read it unwrapped
    as well; evidence quotes the email as written.
    """

    __slots__ = (
        "_found",
        "_low",
        "_raw",
        "_raw_text",
        "_spans",
        "_starts",
        "_words",
        "subject",
        "text",
    )

    def __init__(self, email: Email, limit: int = LIMIT) -> None:
        self._raw_text = email.text[:limit]
        self.text = _ODD_SPACE.sub(" ", self._raw_text)
        self._spans: list[Span] | None = None
        sender = email.sender
        self.subject = " ".join(email.subject.split())
        name = " ".join(sender.name.split()).strip("\"' ") if sender else ""
        self._raw = {
            Where.TEXT: self.text,
            Where.SUBJECT: self.subject,
            Where.SENDER_NAME: name,
            Where.SENDER_ADDRESS: sender.email.lower() if sender else "",
        }
        unwrapped = _SOFT_WRAP.sub(" ", self.text) if "\n" in self.text else self.text
        self._low = {where: _lower(raw) for where, raw in self._raw.items() if where != Where.TEXT}
        self._low[Where.TEXT] = _lower(unwrapped)
        self._found: dict[Where, tuple[int, Found]] = {}
        self._words: tuple[int, Words] | None = None

    def openings(self, where: Where) -> Found:
        """Where the rules' texts start in the lower-cased source, found on first use."""
        cached = self._found.get(where)
        if cached is None or cached[0] != FINDER.version:
            cached = self._found[where] = (FINDER.version, FINDER.find(self._low[where]))
        return cached[1]

    @property
    def words(self) -> Words:
        """The gates' checks the lower-cased text meets, read on first use."""
        if self._words is None or self._words[0] != FINDER.version:
            found = self.openings(Where.TEXT)
            self._words = (FINDER.version, Words(self._low[Where.TEXT], found))
        return self._words[1]

    def source(self, where: Where, cased: bool) -> str:
        return self._raw[where] if cased else self._low[where]

    @property
    def spans(self) -> list[Span]:
        """The sentences, split on first use (mail with no hit never needs them)."""
        if self._spans is None:
            raw = self._raw_text
            self._spans = split(self.text, len(raw))
            if self.text is not raw:  # odd spaces were made plain: quote the original
                self._spans = [(s, e, raw[s:e]) for s, e, _ in self._spans]
            self._starts = [start for start, _, _ in self._spans]
        return self._spans

    def sentence(self, pos: int) -> Span:
        """The sentence that holds text position `pos` (the next one when `pos` is between)."""
        spans = self.spans
        if not spans:
            return (0, len(self.text), self.text)
        index = max(0, bisect_right(self._starts, pos) - 1)
        start, end, sentence = spans[index]
        if pos >= end and index + 1 < len(spans):
            return spans[index + 1]
        return start, end, sentence


def _lower(text: str) -> str:
    """Lower-case without moving any offset (a few characters grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Table:
    """A compiled tuple of rules, applied in order (order is priority).

    A body rule is scanned only when the body has the words its pattern needs
    (see `prefilter`); subjects and sender fields are short and always scanned.
    A rule with literal openings is tried only where they occur (see `anchors`).
    """

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        parts = [(rule, part) for rule in self.rules for part in _parts(rule)]
        self._compiled = tuple(_prepare(rule, part) for rule, part in parts)
        self._gate = Gate(
            [derive(part) if rule.where is Where.TEXT else None for rule, part in parts]
        )

    def hits(self, doc: Doc, once: bool = False, skip: set[str] | None = None) -> Iterator[Hit]:
        """Every accepted match, rule by rule, in text order within a rule.

        With `once`, only the first hit of each value: a rule stops at its first
        accepted match, and a rule whose value was already found is skipped.
        A rule whose value is in `skip` is skipped too; the caller may add to it
        between hits (values that can no longer win), and `once` adds each value found.
        """
        seen: set[str] = set() if skip is None else skip
        compiled = self._compiled
        raw, low = doc._raw, doc._low
        for index in self._gate.open(doc.words):
            rule, pattern, bounded, unless, opening, at_start, needs = compiled[index]
            if rule.value in seen:
                continue
            source = raw[rule.where] if rule.cased else low[rule.where]
            if not source or (needs is not None and needs.search(source) is None):
                continue
            if at_start:
                matches = iter([found] if (found := pattern.match(source)) else [])
            elif opening is None:
                matches = pattern.finditer(source)
            else:
                matches = opening.matches(pattern, source, doc.openings(rule.where))
            for count, match in enumerate(matches):
                if count >= MAX_MATCHES:
                    break
                start = match.start()
                if bounded and start and (source[start - 1].isalnum() or source[start - 1] == "_"):
                    continue
                hit = _hit(doc, rule, match, unless)
                if hit is not None:
                    yield hit
                    if once:
                        seen.add(hit.value)
                        break


Pattern = re.Pattern[str]
_Compiled = tuple[Rule, Pattern, bool, Pattern | None, Anchor | None, bool, Pattern | None]


def _prepare(rule: Rule, part: str) -> _Compiled:
    """The part compiled, with its must-not, its anchor, whether it reads only at the
    start, and what it needs.

    A pattern that opens with a run of literal characters gets no anchor: the
    regex engine scans for such a run itself, and faster than an anchor can.
    """
    pattern, bounded = _compile(part)
    opening = None if _literal_run(pattern) >= _LITERAL_RUN else anchor(part)
    unless = re.compile(rule.unless) if rule.unless else None
    needs = re.compile(rule.needs) if rule.needs else None
    return rule, pattern, bounded, unless, opening, part.startswith("\\A"), needs


def _literal_run(pattern: re.Pattern[str]) -> int:
    """How many literal characters the compiled pattern opens with (0 when case-folded)."""
    items = parser.parse(pattern.pattern, pattern.flags)
    if items.state.flags & re.IGNORECASE:
        return 0
    return sum(1 for _ in takewhile(lambda item: item[0] is sre.LITERAL, items))


def _parts(rule: Rule) -> list[str]:
    """A rule with a fixed value runs as one scan per top-level alternative.

    Each alternative gets its own prefilter and anchor, so the alternatives whose
    words are absent cost nothing. The hits are the same; only which sentence
    is quoted first may differ. A captured value keeps the single scan, because
    there the text order of the matches decides which value wins.
    """
    if not rule.value or rule.where is not Where.TEXT:
        return [rule.pattern]
    return [part for branch in _branches(rule.pattern) for part in _unwrap(branch)]


def _unwrap(pattern: str) -> list[str]:
    """`\\b(?:a|b)` as `\\ba` and `\\bb`, when the group is the whole pattern."""
    lead = "\\b" if pattern.startswith("\\b(?:") else ""
    body = pattern[len(lead) :]
    if not (body.startswith("(?:") and body.endswith(")") and _closes_at_end(body)):
        return [pattern]
    return [lead + branch for branch in _branches(body[3:-1])]


def _closes_at_end(group: str) -> bool:
    """Whether the group opened at index 0 closes at the last character."""
    return (
        next((index for index, char, depth in _syntax(group) if depth == 0), -1) == len(group) - 1
    )


def _compile(pattern: str) -> tuple[re.Pattern[str], bool]:
    """Compile, moving leading word boundaries out of the regex.

    A pattern that starts with `\\b` loses the regex engine's fast scan for its
    first characters (several times slower on a long body). When every top-level
    branch starts with `\\b`, the boundaries are dropped and `Table.hits` checks
    the character before the match instead: same matches, a fraction of the work.
    """
    branches = _branches(pattern)
    if all(branch.startswith("\\b") for branch in branches):
        return re.compile("|".join(branch[2:] for branch in branches)), True
    return re.compile(pattern), False


def _branches(pattern: str) -> list[str]:
    """Split `pattern` at its top-level `|` (outside groups and character classes)."""
    cuts = [index for index, char, depth in _syntax(pattern) if char == "|" and depth == 0]
    bounds = zip([-1, *cuts], [*cuts, len(pattern)], strict=True)
    return [pattern[start + 1 : end] for start, end in bounds]


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth after it) for each `(`, `)` and `|` outside escapes and classes."""
    depth, index, in_class = 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += pattern.startswith("^]", index + 1) * 2 or pattern.startswith("]", index + 1)
        elif char in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[char]
            yield index, char, depth
        index += 1


def _captured(match: re.Match[str], raw: str) -> str:
    """The first named group that matched, as written (a rule may offer alternatives).

    Lower-cased sources keep every offset, so the capture is cut from `raw`.
    """
    for name, value in match.groupdict().items():
        if value and value.strip():
            return raw[match.start(name) : match.end(name)].strip()
    return ""


def _hit(doc: Doc, rule: Rule, match: re.Match[str], unless: re.Pattern[str] | None) -> Hit | None:
    value = rule.value or _captured(match, doc.source(rule.where, cased=True))
    if not value:
        return None
    if rule.where is Where.TEXT:
        start, end, sentence = doc.sentence(match.start())
        scope = doc.source(Where.TEXT, cased=False)[start:end]
    else:
        start = end = -1
        sentence = doc.source(rule.where, cased=True)
        scope = doc.source(rule.where, cased=False)
    if unless is not None and unless.search(scope):
        return None
    field = rule.field
    return Hit(rule, value, Evidence(field, value, rule.name, sentence, start, end))
