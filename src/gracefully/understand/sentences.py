"""Split email text into sentences, keeping each sentence's offsets.

Evidence must point back into the email, so the splitter never rewrites the
text: it only finds boundaries. Email text is rarely clean prose (HTML
flattened into one line, hard-wrapped paragraphs, bullet lists, sign-off
blocks), so a line break counts as a boundary unless the next line continues
in lower case, and an over-long run without punctuation is cut so that one
piece of evidence stays readable. Work is capped at `limit` characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Span = tuple[int, int, str]

LIMIT = 4000
"""Characters read per email: rejections say what matters near the top."""

MAX_SENTENCE = 400
"""A sentence longer than this is cut at a space, to keep evidence short."""

_REMEMBERED: ContextVar[dict[str, tuple[Span, ...]] | None] = ContextVar(
    "sentences_remembered", default=None
)

_BOUNDARY = re.compile(
    r"(?P<line>\n\s*(?=[^a-z\s]|$))"  # a line break not continued in lower case
    r"|(?<=[.!?])[\"'”’)\]]*\s+(?=[^a-z\s])"  # end punctuation, then a new start
    r"|(?P<bar>\s[|•·▪]\s)"  # separators of flattened HTML
)
_CANDIDATE = re.compile(r"[\n.!?|•·▪]")
_SHIFT = {"\n": 0, ".": 1, "!": 1, "?": 1}
"""Where a boundary can begin, from the character that makes it: at a line break,
right after end punctuation, one before a separator (the others: -1). Trying
`_BOUNDARY` only there finds the same boundaries several times faster than
letting it try every character."""
_ABBREVIATION = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|sr|jr|st|inc|ltd|co|corp|no|vs|e\.g|i\.e|approx|dept|u\.s)"
    r"|\b[A-Za-z])\.[\"'”’)\]]*\s*$",
    re.IGNORECASE,
)


def split(text: str, limit: int = LIMIT) -> list[Span]:
    """Return (start, end, sentence) for each sentence of `text[:limit]`.

    `text[start:end] == sentence` always holds, and sentences are stripped of
    surrounding whitespace and never empty.
    """
    text = text[:limit]
    memo = _REMEMBERED.get()
    if memo is None:
        return list(_split(text))
    if (spans := memo.get(text)) is None:
        spans = memo[text] = _split(text)
    return list(spans)


@contextmanager
def remembering() -> Iterator[None]:
    """Within the block, a text is split once however often it is asked for.

    The category model splits a batch of emails, then the detail rules split
    most of the same texts again; the memory ends with the block.
    """
    if _REMEMBERED.get() is not None:
        yield
        return
    token = _REMEMBERED.set({})
    try:
        yield
    finally:
        _REMEMBERED.reset(token)


def _split(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    for match in _boundaries(text):
        cut = match.start()
        if match.lastgroup is None and _abbreviation_before(text, cut):
            continue
        _emit(text, start, cut, spans)
        start = match.end()
    _emit(text, start, len(text), spans)
    return tuple(spans)


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_BOUNDARY.finditer(text)`, trying it only where one can begin.

    Candidates come in text order (two may name the same position), and a match
    ends in a space, so no candidate inside or just before a match is skipped wrongly.
    """
    position = 0
    match_at = _BOUNDARY.match
    for found in _CANDIDATE.finditer(text):
        at = found.start() + _SHIFT.get(found.group(), -1)
        if at >= position and (match := match_at(text, at)) is not None:
            yield match
            position = match.end()


def _abbreviation_before(text: str, cut: int) -> bool:
    """ "Sr. Data Engineer" and "Acme Inc. Careers" are not two sentences."""
    return _ABBREVIATION.search(text, max(0, cut - 8), cut) is not None


def _emit(text: str, start: int, end: int, spans: list[Span]) -> None:
    piece = text[start:end]
    sentence = piece.strip()
    if not sentence:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(sentence)
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _emit(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    spans.append((start, end, sentence if len(sentence) == end - start else text[start:end]))
