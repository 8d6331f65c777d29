"""Text every store and terminal accepts: the one definition ingest and store share.

Mail arrives with NUL bytes, control characters and (through the stdlib's
surrogate escapes) lone surrogates. PostgreSQL refuses NUL in text, no UTF-8
codec encodes a lone surrogate, and control characters in a header corrupt a
terminal. Ingest cleans what it decodes; the store cleans again before insert,
so that nothing a stage builds can make an insert fail.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROLS = dict.fromkeys([*range(0x20), 0x7F], None)
_NUL = {0: None}


def storable(text: str) -> str:
    """`text` with no NUL and no lone surrogate (each becomes U+FFFD); newlines kept."""
    if "\x00" in text:
        text = text.translate(_NUL)
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)
    return text


def one_line(text: str) -> str:
    """`storable`, and no control characters at all: for headers, names and ids."""
    if not text.isprintable():
        text = text.translate(_CONTROLS)
    return storable(text)
