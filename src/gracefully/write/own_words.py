"""The part of a note the user wrote: no quoted email below it, no signature.

A reply often carries the rejection it answers ("On Tue, ... wrote:" and "> "
lines, or an Outlook "From: ... Sent: ..." block), and ends with a signature
that names the user's current employer or a footer like "Please consider the
environment". Judging those as the user's words blocks gracious notes (the
employer's "we will not reconsider" is not the user arguing), so the grace
check reads only what is left. The sign-off line itself stays: "Thanks," is
a thank-you; a "P.S." after the signature stays too: the user wrote it.
"""

from __future__ import annotations

import re

QUOTE_STARTS = tuple(
    re.compile(p, re.MULTILINE | re.IGNORECASE)
    for p in (
        r"^[ \t>]*On\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bwrote:[ \t]*$",
        r"^[ \t>]*(?:Am|Le|El|Il|Op)\b[^\n]{0,200}(?:schrieb|a écrit|escribió|ha scritto|schreef)",
        r"^[ \t]*-{2,}[ \t]*(?:Original|Forwarded) Message[ \t]*-{2,}",
        r"^[ \t]*_{8,}[ \t]*$",
        r"^[ \t]*\**From:\**[ \t]+[^\n]+\n(?:[^\n]*\n){0,3}?[ \t]*\**(?:Sent|Date):",
        r"^[ \t]*Sent from my \w+",
        r"^[ \t]*Get Outlook for \w+",
    )
)
QUOTED_LINE = re.compile(r"^[ \t]*>.*$\n?", re.MULTILINE)
SIGNATURE_DELIMITER = re.compile(r"^-- ?$", re.MULTILINE)
SIGN_OFF = re.compile(
    r"^[ \t]*(?:(?:best|kind|warm|warmest|many|with best|with warm|with kind) )?"
    r"(?:regards|wishes|thanks|best|cheers|sincerely|cordially|respectfully|warmly)"
    r"(?: again| so much)?[ \t]*[,.!]*[ \t]*$"
    r"|^[ \t]*(?:thank you(?: again| so much)?|yours (?:sincerely|faithfully|truly)|all the best"
    r"|take care|talk soon|speak soon|with (?:thanks|gratitude)|best regards"
    r"|mit freundlichen grüßen|cordialement|saludos)[ \t]*[,.!]*[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
POSTSCRIPT = re.compile(r"^[ \t]*P\.? ?S\.?\b", re.MULTILINE)
SENTENCE_LINE = re.compile(r"[.!?:)][ \t]*$", re.MULTILINE)
NAME_LINE = re.compile(r"^[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}[ \t]*$", re.MULTILINE)
"""With no sign-off, a signature starts at a bare name after the last sentence."""


_FOOTER = re.compile(
    r"\b(?:confidential|intended (?:solely |only )?for|disclaimer|privileged|if you (?:have )?"
    r"received this|before printing|the environment|unsubscribe|registered (?:office|in))\b",
    re.IGNORECASE,
)
"""A mail client's or employer's legal footer under a signature: long, but not the note."""


def _signature_sized(tail: str) -> bool:
    """What follows a sign-off is a signature only if it is short: a "Thank you." line
    at the top of a note, with the note going on below it, is not where the note ends."""
    lines = [line for line in tail.splitlines() if line.strip() and not _FOOTER.search(line)]
    return len(lines) <= 6 and not any(len(line) > 80 for line in lines)


def without_quotes(text: str) -> str:
    """`text` without the quoted email it replies to (the signature stays)."""
    cut = min((m.start() for p in QUOTE_STARTS if (m := p.search(text))), default=len(text))
    return QUOTED_LINE.sub("", text[:cut])


def own_words(text: str) -> str:
    """`text` without the quoted email it replies to and without the signature."""
    body = without_quotes(text)
    delimiter = SIGNATURE_DELIMITER.search(body)
    if delimiter:
        body = body[: delimiter.start()]
    sign_offs = [m for m in SIGN_OFF.finditer(body) if _signature_sized(body[m.end() :])]
    if sign_offs:
        end = sign_offs[-1].end()
    else:
        last_sentence = max((m.end() for m in SENTENCE_LINE.finditer(body)), default=-1)
        name = NAME_LINE.search(body, last_sentence + 1) if last_sentence >= 0 else None
        end = name.start() if name else len(body)
    postscript = POSTSCRIPT.search(body, end)
    return (body[:end] + ("\n\n" + body[postscript.start() :] if postscript else "")).rstrip()
