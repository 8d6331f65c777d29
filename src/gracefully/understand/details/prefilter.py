"""The words a rule's pattern cannot match without, derived from the pattern itself.

A regex scan of an email body costs tens of microseconds; looking a word up
in the set of the body's words costs a tenth of one. So each rule gets a
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
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]

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


class Words:
    """The words of one lower-cased body, for cheap `Need` checks."""

    __slots__ = ("_sorted", "low", "words")

    def __init__(self, low: str) -> None:
        self.low = low
        self.words = set(_TOKEN.findall(low))
        self._sorted: list[str] | None = None

    def meets(self, need: Need) -> bool:
        if not need.words.isdisjoint(self.words):
            return True
        if any(self.has_prefix(prefix) for prefix in need.prefixes):
            return True
        low = self.low
        return any(text in low for text in need.substrings)

    def has_prefix(self, prefix: str) -> bool:
        if self._sorted is None:
            self._sorted = sorted(self.words)
        index = bisect_left(self._sorted, prefix)
        return index < len(self._sorted) and self._sorted[index].startswith(prefix)


class Gate:
    """Which of a table's needs one body meets, checked all at once.

    Asking each rule in turn costs a Python call per rule per email, and most
    rules of a table share nothing with a given body. The gate inverts the
    needs: one set intersection finds every rule a whole word opens, and each
    distinct prefix or substring is looked up once for all the rules that name it.
    """

    __slots__ = ("_always", "_by_word", "_keys", "_prefixes", "_substrings")

    def __init__(self, needs: Sequence[Need | None]) -> None:
        by_word: dict[str, list[int]] = defaultdict(list)
        by_prefix: dict[str, list[int]] = defaultdict(list)
        by_substring: dict[str, list[int]] = defaultdict(list)
        self._always = frozenset(index for index, need in enumerate(needs) if need is None)
        for index, need in enumerate(needs):
            for word in need.words if need else ():
                by_word[word].append(index)
            for prefix in need.prefixes if need else ():
                by_prefix[prefix].append(index)
            for text in need.substrings if need else ():
                by_substring[text].append(index)
        self._by_word = dict(by_word)
        self._keys = frozenset(by_word)
        self._prefixes = tuple(by_prefix.items())
        self._substrings = tuple(by_substring.items())

    def open(self, words: Words) -> list[int]:
        """The indices of the needs that `words` meets (and of the rules with none), in order."""
        met = set(self._always)
        for word in self._keys.intersection(words.words):
            met.update(self._by_word[word])
        for prefix, indices in self._prefixes:
            if not met.issuperset(indices) and words.has_prefix(prefix):
                met.update(indices)
        low = words.low
        for text, indices in self._substrings:
            if not met.issuperset(indices) and text in low:
                met.update(indices)
        return sorted(met)


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
