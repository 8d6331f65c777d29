"""The words a rule's pattern cannot match without, derived from the pattern itself.

A regex scan of an email body costs tens of microseconds; whether a word
occurs is read off one pass over the body that finds every text any rule
checks (`Finder`), for all the rules at once. So each rule gets a
`Need`: a few checks of which at least one holds whenever the pattern can
match (the body has the whole word "feedback", a word starting with
"relocat", or, when the pattern gives no word edge, the substring "thank").
The engine scans with a rule only when its need is met, which leaves every
result unchanged and skips most scans.

Needs are computed from the regex parse tree, never declared by hand, so a new
row cannot drift from its keywords. A pattern with no usable literal gets no
need and always runs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]

import ahocorasick

_TOKEN = re.compile(r"\w+")
_MIN_SCORE = 3
"""A need whose weakest check is shorter than this filters almost nothing."""
COMMON = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "is",
        "it",
        "not",
        "of",
        "on",
        "or",
        "our",
        "the",
        "this",
        "to",
        "was",
        "we",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)
"""Words in nearly every email: a check on one of them filters nothing."""


class Kind(IntEnum):
    """How a checked text must occur in the lower-cased body."""

    WORD = 0
    PREFIX = 1
    SUBSTRING = 2


@dataclass(frozen=True, slots=True)
class Check:
    kind: Kind
    text: str

    @property
    def score(self) -> float:
        """Longer is rarer, a whole word rarer than a word start; a substring costs a scan.

        A word is a set lookup, a substring check reads the whole body, so a long
        substring earns no more than a six-letter word.
        """
        if self.text in COMMON:
            return 0.0
        if self.kind is Kind.SUBSTRING:
            return min(len(self.text), 6) - 0.5
        return len(self.text) + (1.0 if self.kind is Kind.WORD else 0.0)


Checks = frozenset[Check]


@dataclass(frozen=True, slots=True)
class Need:
    """Any-of checks, grouped by kind so that the whole words are one set operation."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    substrings: tuple[str, ...]

    @classmethod
    def of(cls, checks: Checks) -> Need:
        def texts(kind: Kind) -> list[str]:
            return sorted(check.text for check in checks if check.kind is kind)

        return cls(
            frozenset(texts(Kind.WORD)), tuple(texts(Kind.PREFIX)), tuple(texts(Kind.SUBSTRING))
        )


Found = dict[str, list[int]]
"""Where each registered text starts in one lower-cased body, in order."""


class Finder:
    """Every text the rules look for, found in a body by one pass.

    The gates' words, word starts and substrings and the anchors' openings
    (see `anchors`) were each a set lookup after tokenising the body, a sorted
    search or a scan of their own. One Aho-Corasick automaton over all of them
    finds every occurrence of each (overlapping ones too) in a single pass.
    Tables register their texts when built; the automaton is rebuilt when a
    new one comes, and `version` tells a cached find that it is stale.
    """

    __slots__ = ("_automaton", "_texts", "checks", "version")

    def __init__(self) -> None:
        self._texts: set[str] = set()
        self._automaton: ahocorasick.Automaton | None = None
        self.checks: dict[str, tuple[str, str, str]] = {}
        """For each text a gate checks, the `check_key` of each way it is checked, by
        `Kind` (anywhere, word start, whole word), "" for the ways it is not."""
        self.version = 0

    def add(self, texts: Iterable[str], kind: Kind | None = None) -> None:
        if kind is not None:
            for text in texts:
                keys = list(self.checks.get(text, ("", "", "")))
                keys[_SLOT[kind]] = check_key(kind, text)
                self.checks[text] = (keys[0], keys[1], keys[2])
        if not self._texts.issuperset(texts):
            self._texts.update(texts)
            self._automaton = None
            self.version += 1

    def find(self, low: str) -> Found:
        found: Found = defaultdict(list)
        if not self._texts:  # an automaton with no text cannot be built
            return found
        automaton = self._automaton
        if automaton is None:  # built whole before it is shared (another thread may read it)
            automaton = ahocorasick.Automaton()
            for text in self._texts:
                automaton.add_word(text, (len(text) - 1, text))
            automaton.make_automaton()
            self._automaton = automaton
        for end, (back, text) in automaton.iter(low):
            found[text].append(end - back)
        return found


FINDER = Finder()
_MARK = {Kind.WORD: "=", Kind.PREFIX: ">", Kind.SUBSTRING: "~"}
_SLOT = {Kind.SUBSTRING: 0, Kind.PREFIX: 1, Kind.WORD: 2}


def check_key(kind: Kind, text: str) -> str:
    """A check as one string: its kind's mark, then its text."""
    return _MARK[kind] + text


class Words:
    """The gates' checks that one lower-cased body meets, read off where their texts occur.

    A whole word occurs with no word character on either side, a word start
    with none before it (a check's word is all word characters), a substring anywhere.
    """

    __slots__ = ("met",)

    def __init__(self, low: str, found: Found) -> None:
        checks = FINDER.checks
        met: set[str] = set()
        for text, starts in found.items():
            if (keys := checks.get(text)) is None:
                continue
            anywhere, at_start, whole = keys
            if anywhere:
                met.add(anywhere)
            if at_start or whole:
                met.update(_word_checks(low, len(text), starts, at_start, whole))
        self.met = met

    @classmethod
    def of(cls, low: str) -> Words:
        return cls(low, FINDER.find(low))


def _word_checks(low: str, size: int, starts: list[int], at_start: str, whole: str) -> list[str]:
    """Which of a text's word-start and whole-word checks ("": none) its occurrences meet."""
    met = []
    for start in starts:
        if start and _is_word(low[start - 1]):
            continue
        if at_start and not met:
            met.append(at_start)
        if not whole:
            break
        end = start + size
        if end == len(low) or not _is_word(low[end]):
            met.append(whole)
            break
    return met


def _is_word(char: str) -> bool:
    """What the regex `\\w` matches, as `Words` tokens were once cut."""
    return char.isalnum() or char == "_"


class Gate:
    """Which of a table's needs one body meets, checked all at once.

    Asking each rule in turn costs a Python call per rule per email, and most
    rules of a table share nothing with a given body. The gate inverts the
    needs: one set intersection with the checks the body meets (`Words`) finds
    every rule they open. The rules are bits of one integer (bit i: need i).
    """

    __slots__ = ("_always", "_by_check", "_checks")

    def __init__(self, needs: Sequence[Need | None]) -> None:
        by_check: dict[str, int] = defaultdict(int)
        self._always = 0
        for index, need in enumerate(needs):
            if need is None:
                self._always |= 1 << index
                continue
            for kind, texts in (
                (Kind.WORD, need.words),
                (Kind.PREFIX, need.prefixes),
                (Kind.SUBSTRING, need.substrings),
            ):
                FINDER.add(texts, kind)
                for text in texts:
                    by_check[check_key(kind, text)] |= 1 << index
        self._by_check = dict(by_check)
        self._checks = frozenset(by_check)

    def open(self, words: Words) -> list[int]:
        """The indices of the needs that `words` meets (and of the rules with none), in order."""
        met = self._always
        by_check = self._by_check
        for check in self._checks.intersection(words.met):
            met |= by_check[check]
        return _indices(met)


def _indices(bits: int) -> list[int]:
    """The positions of the set bits, lowest first (one step per set bit)."""
    found = []
    while bits:
        lowest = bits & -bits
        found.append(lowest.bit_length() - 1)
        bits ^= lowest
    return found


def derive(pattern: str) -> Need | None:
    """At least one check of the result holds for any text the pattern matches (None: no need)."""
    checks = _sequence(list(parser.parse(pattern)), edge_before=False, edge_after=False)
    if checks is None or min(check.score for check in checks) < _MIN_SCORE:
        return None
    return Need.of(checks)


Item = tuple[object, object]


def _sequence(items: Sequence[Item], edge_before: bool, edge_after: bool) -> Checks | None:
    """The best need among the sequence's literal runs and its required sub-items."""
    best: Checks | None = None
    run: list[str] = []
    run_edge = edge_before
    items = _flat(items)
    for index, (op, arg) in enumerate(items):
        before = _edge_before(items, index, edge_before)
        after = _edge_after(items, index, edge_after)
        if op is sre.LITERAL:
            run_edge = before if not run else run_edge
            run.append(chr(arg))  # type: ignore[arg-type]
            if index + 1 < len(items) and items[index + 1][0] is sre.LITERAL:
                continue
            best = _better(best, _literal("".join(run), run_edge, after))
            run = []
        else:
            best = _better(best, _item(op, arg, before, after))
    return best


def _flat(items: Sequence[Item]) -> list[Item]:
    """Groups spliced into the sequence, so literal runs join across `(?i:...)` and the like."""
    flat: list[Item] = []
    for op, arg in items:
        if op is sre.SUBPATTERN:
            flat.extend(_flat(list(arg[3])))  # type: ignore[index]
        else:
            flat.append((op, arg))
    return flat


def _edge_before(items: Sequence[Item], index: int, edge: bool) -> bool:
    """Whether a word edge comes right before `items[index]` (looking through optional items)."""
    while index > 0:
        index -= 1
        if not _optional(items[index]):
            return _is_edge(items[index])
        if not _bounded(list(items[index][1][2]), -1):  # type: ignore[index]
            return False
    return edge


def _edge_after(items: Sequence[Item], index: int, edge: bool) -> bool:
    """Whether a word edge comes right after `items[index]` (looking through optional items)."""
    while index < len(items) - 1:
        index += 1
        if not _optional(items[index]):
            return _is_edge(items[index])
        if not _bounded(list(items[index][1][2]), 0):  # type: ignore[index]
            return False
    return edge


def _bounded(items: list[Item], end: int) -> bool:
    """Whether the sequence's first (`end=0`) or last (`end=-1`) item is always an edge."""
    if not items:
        return False
    op, arg = items[end]
    if op is sre.BRANCH:
        return all(_bounded(list(branch), end) for branch in arg[1])  # type: ignore[index]
    return _is_edge(items[end])


def _optional(item: Item) -> bool:
    op, arg = item
    return op in _REPEATS and arg[0] == 0  # type: ignore[index]


_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _item(op: object, arg: object, edge_before: bool, edge_after: bool) -> Checks | None:
    if op is sre.BRANCH:
        union: set[Check] = set()
        for branch in arg[1]:  # type: ignore[index]
            need = _sequence(list(branch), edge_before, edge_after)
            if need is None:
                return None
            union |= need
        return frozenset(union)
    if op is sre.SUBPATTERN:
        return _sequence(list(arg[3]), edge_before, edge_after)  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(arg), edge_before, edge_after)  # type: ignore[arg-type]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = arg  # type: ignore[misc]
        if low >= 1:
            return _sequence(list(body), edge_before, edge_after and high == 1)
    return None


def _literal(text: str, edge_before: bool, edge_after: bool) -> Checks | None:
    """The best single check inside a run of literal characters."""
    text = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    checks = []
    for token in _TOKEN.finditer(text):
        left = token.start() > 0 or edge_before
        right = token.end() < len(text) or edge_after
        if left:
            checks.append(Check(Kind.WORD if right else Kind.PREFIX, token.group()))
    checks.append(Check(Kind.SUBSTRING, text))
    return frozenset({max(checks, key=lambda check: check.score)})


def _better(one: Checks | None, other: Checks | None) -> Checks | None:
    """The need that filters more: its weakest check is stronger."""
    if one is None or other is None:
        return one or other
    return max(one, other, key=lambda need: (min(c.score for c in need), -len(need)))


_EDGE_AT = {sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_END}
_EDGE_CATEGORIES = {sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD}


def _is_edge(item: Item) -> bool:
    """Whether this item only ever matches at a word edge or a non-word character."""
    op, arg = item
    if op is sre.AT:
        return arg in _EDGE_AT
    if op is sre.LITERAL:
        return not _TOKEN.match(chr(arg))  # type: ignore[arg-type]
    if op is sre.IN:
        return all(_is_edge_member(member) for member in arg)  # type: ignore[attr-defined]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, body = arg  # type: ignore[misc]
        return low >= 1 and len(body) == 1 and _is_edge(body[0])
    return False


def _is_edge_member(member: Item) -> bool:
    op, arg = member
    if op is sre.LITERAL:
        return not _TOKEN.match(chr(arg))  # type: ignore[arg-type]
    return op is sre.CATEGORY and arg in _EDGE_CATEGORIES
