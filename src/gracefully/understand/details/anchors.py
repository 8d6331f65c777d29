"""Where a rule's matches can start: the literal openings of its pattern.

Many rules open with a case-insensitive phrase (`(?i:thank you for applying to)`);
Python's regex engine cannot skip ahead on such a pattern and tries it at every
character of the body. When every match must open with one of a few literal
strings, an `Anchor` reads where those strings start in the lower-cased body
(found once for all rules, see `prefilter.Finder`) and tries the rule only
there, with `pattern.match`. Taking the first success at or after the previous
match's end gives exactly the matches that `finditer` would give, at a fraction
of the cost.

Openings are derived from the regex parse tree, like the prefilter needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import chain, product
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]

from gracefully.understand.details.prefilter import COMMON, FINDER, Found

_MAX_OPENINGS = 64
_OPENING = 8
"""Openings are cut to this many characters: a shorter opening is still an opening."""
_MIN_OPENING = 3
_ENOUGH = 4
"""Openings this long are selective enough: no need to look past an inexact item."""

Item = tuple[object, object]
Strings = frozenset[str]


class Anchor:
    """The openings of one pattern, to be found in the lower-cased text (see `Finder`)."""

    __slots__ = ("_texts",)

    def __init__(self, openings: Strings) -> None:
        shortest: list[str] = []
        for text in sorted(openings, key=len):
            if not any(text.startswith(kept) for kept in shortest):
                shortest.append(text)
        self._texts = tuple(shortest)
        FINDER.add(self._texts)

    def matches(
        self, pattern: re.Pattern[str], source: str, found: Found
    ) -> Iterator[re.Match[str]]:
        """`pattern.finditer(source)`, trying `pattern` only where an opening starts.

        `found` is `FINDER.find` of the lower-cased source. No opening is the
        start of another, so no two start at the same place.
        """
        starts = [found[text] for text in self._texts if text in found]
        if len(starts) > 1:
            starts = [sorted(chain.from_iterable(starts))]
        position = 0
        for start in starts[0] if starts else ():
            if start < position:
                continue
            match = pattern.match(source, start)
            if match is not None:
                yield match
                position = max(match.end(), start + 1)


def anchor(pattern: str) -> Anchor | None:
    """The anchor for `pattern`, or None when its matches have no literal opening."""
    openings = _openings(list(parser.parse(pattern)))
    if not openings or any(len(text) < _MIN_OPENING or text.strip() in COMMON for text in openings):
        return None
    return Anchor(openings)


def _openings(items: Sequence[Item]) -> Strings | None:
    """Strings every match of the sequence starts with (lower-cased, cut short)."""
    found: Strings = frozenset({""})
    if not items:
        return found
    for index, (op, arg) in enumerate(items):
        exact = _exact(op, arg)
        if exact is None:
            if min(len(text) for text in found) >= _ENOUGH:
                return found
            inner = _inner_openings(op, arg, items[index + 1 :])
            if inner is None:
                return found if "" not in found else None
            return _join(found, inner)
        found = _join(found, exact)
        if min(len(text) for text in found) >= _OPENING or len(found) > _MAX_OPENINGS:
            break
    return found if found and "" not in found else None


def _inner_openings(op: object, arg: object, rest: Sequence[Item]) -> Strings | None:
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:  # type: ignore[index]
            inner = _openings(list(branch) + list(rest))
            if inner is None:
                return None
            union |= inner
        return frozenset(union)
    if op is sre.SUBPATTERN:
        return _openings(list(arg[3]) + list(rest))  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return _openings(list(arg) + list(rest))  # type: ignore[arg-type]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = arg  # type: ignore[misc]
        first = _openings(list(body) + list(rest) if high == 1 else list(body))
        if low >= 1 or first is None:
            return first
        skipped = _openings(list(rest))
        return None if skipped is None else first | skipped
    return None


def _exact(op: object, arg: object) -> Strings | None:
    """The strings a zero- or fixed-choice item matches, or None."""
    if op is sre.LITERAL:
        return frozenset({_lower(chr(arg))})  # type: ignore[arg-type]
    if op is sre.AT and arg is sre.AT_BOUNDARY:
        return frozenset({""})
    if op is sre.IN and len(arg) <= 4 and all(member[0] is sre.LITERAL for member in arg):  # type: ignore[arg-type]
        return frozenset(_lower(chr(member[1])) for member in arg)  # type: ignore[attr-defined]
    if op is sre.MAX_REPEAT and arg[0] == 0 and arg[1] == 1:  # type: ignore[index]
        body = _exact_sequence(list(arg[2]))  # type: ignore[index]
        return None if body is None else body | {""}
    if op is sre.SUBPATTERN:
        return _exact_sequence(list(arg[3]))  # type: ignore[index]
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:  # type: ignore[index]
            exact = _exact_sequence(list(branch))
            if exact is None:
                return None
            union |= exact
        return frozenset(union)
    return None


def _exact_sequence(items: Sequence[Item]) -> Strings | None:
    found: Strings = frozenset({""})
    for op, arg in items:
        exact = _exact(op, arg)
        if exact is None:
            return None
        found = _join(found, exact)
        if len(found) > _MAX_OPENINGS:
            return None
    return found


def _join(heads: Strings, tails: Strings) -> Strings:
    """Every head followed by every tail, cut to `_OPENING` characters."""
    return frozenset((head + tail)[:_OPENING] for head, tail in product(heads, tails))


def _lower(char: str) -> str:
    """As the engine lower-cases the body: a character that grows is kept."""
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char
