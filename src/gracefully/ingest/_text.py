"""Plain-text clean-up shared by text/plain and HTML bodies."""

from __future__ import annotations

import re

_INVISIBLE = dict.fromkeys(map(ord, "\x00\u200b\u200c\u200d\u2060\ufeff\u034f\u00ad"), None)
_INVISIBLE[0xA0] = " "
_BLANK_RUNS = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t]+")


def clean_text(text: str, squeeze: bool = False) -> str:
    """One newline style, no invisible characters, no trailing spaces, at most one blank line.

    `squeeze` also collapses runs of spaces and strips indentation, for text
    made from HTML where spacing carries no meaning.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    if squeeze:
        lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    else:
        lines = (line.rstrip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def unflow(text: str, delsp: bool) -> str:
    """Join the soft line breaks of format=flowed (RFC 3676), keeping "-- " intact."""
    out: list[str] = []
    carry = ""
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.endswith(" ") and line != "-- ":
            carry += line[:-1] if delsp else line
            continue
        out.append(carry + line)
        carry = ""
    if carry:
        out.append(carry)
    return "\n".join(out)
