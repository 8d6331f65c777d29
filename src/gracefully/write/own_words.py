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


# --- the name at the end ------------------------------------------------------

_CLOSING_WORDS = frozenset({
    "thanks", "thank", "you", "cheers", "best", "regards", "wishes", "kind", "warm", "warmest",
    "warmly", "sincerely", "yours", "faithfully", "truly", "cordially", "respectfully", "love",
    "bye", "later", "cya", "ciao", "ta", "thx", "ty", "again", "all", "the", "take", "care",
    "soon", "speak", "talk", "with", "gratitude", "many", "so", "much", "xx", "xxx", "x", "ok",
    "okay", "noted", "fine", "sure", "yes", "no", "anyway", "whatever", "lol", "haha", "k",
    "kk", "np", "yep", "yup", "cool", "great", "regardless", "sent", "from", "my", "greetings",
    "hi", "hello", "dear"
})  # fmt: skip
"""Words of a sign-off or a curt last word: a last line made only of these is no name."""
_GREETING_WORDS = frozenset({"hi", "hello", "dear", "hey", "hiya", "morning", "greetings"})
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_PARTICLES = frozenset({
    "de", "da", "di", "du", "van", "von", "der", "den", "le", "la", "del", "bin", "al", "el",
    "ter", "ten", "st"
})  # fmt: skip
_INLINE_SIGNED = re.compile(
    r"\b(?i:regards|best|thanks|thank you|cheers|wishes|sincerely|faithfully|cordially|warmly"
    r"|all the best|take care|ta|love|yours)[,.!]*[ \t]+"
    r"(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})[ \t]*[.!]?[ \t]*\Z"
)
"""A sign-off and a name at the end of the last line: "... Best regards, Piotr Zielinski"."""
_DASH_SIGNED = re.compile(
    r"(?:^|\s)[-–—~]+[ \t]*(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})[ \t]*\Z"
)
"""A name after a dash: "— Elise", "-Sam"."""
_NOT_A_SIGNATURE_LINE = re.compile(r"@|https?://|www\.|\+?\d[\d ()-]{6,}|^\W*$")


def _signed_at_end(line: str) -> str | None:
    """The name after a sign-off or a dash at the end of a line of the note."""
    for pattern in (_INLINE_SIGNED, _DASH_SIGNED):
        if (m := pattern.search(line)) and (name := signature_name(m.group("name"))):
            return name
    return None


def signature_name(line: str) -> str | None:
    """The name a signature line gives ("Chloe Dubois | Designer" -> "Chloe Dubois"),
    or None: one to four words, capitalised (a single lower-case word is a name too:
    "mei"), with no digits and not only sign-off words."""
    if name := _signed_at_end(line):
        return name
    head = re.split(r"[|,(/]| [-–—] ", line, maxsplit=1)[0].strip()
    head = re.sub(r"[ \t]+x{1,3}$", "", head, flags=re.IGNORECASE).rstrip(".")
    words = head.split()
    if not 1 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    folded = [w.casefold().strip(".") for w in words]
    if all(w in _CLOSING_WORDS for w in folded) or folded[0] in _GREETING_WORDS:
        return None
    capitalised = all(w[0].isupper() or f in _PARTICLES for w, f in zip(words, folded, strict=True))
    if len(words) > 1 and not capitalised:
        return None
    return head


def _closing_lines(body: str) -> tuple[list[str], str]:
    """The lines after the note's last sign-off (or, with none, after its last
    sentence), and the line they follow: the sign-off, or that last sentence."""
    lines = [
        line.strip()
        for line in body.splitlines()
        if line.strip() and not _FOOTER.search(line) and not _NOT_A_SIGNATURE_LINE.search(line)
    ]
    text = "\n".join(lines)
    sign_offs = [m for m in SIGN_OFF.finditer(text) if _signature_sized(text[m.end() :])]
    if sign_offs:
        last = sign_offs[-1]
        return text[last.end() :].split("\n"), last.group(0).strip()
    ends = [i for i, line in enumerate(lines) if SENTENCE_LINE.search(line) or len(line) > 60]
    if not ends:
        return lines, ""
    return lines[ends[-1] + 1 :], lines[ends[-1]]


def sign_off_names(text: str) -> tuple[list[str], str]:
    """The names the note ends with, and the line they follow (its last sign-off or
    sentence; the one to quote when no name follows it).

    A name is read on the lines after the last sign-off or sentence, or at the end of
    that line itself ("... Best regards, Piotr"). Quoted mail is left out; a P.S.
    after the name does not hide it, nor does a "-- " signature block."""
    body = without_quotes(text)
    parts = [body]
    if postscript := POSTSCRIPT.search(body):
        parts.insert(0, body[: postscript.start()])
    if delimiter := SIGNATURE_DELIMITER.search(body):
        parts[:0] = [body[: delimiter.start()], body[delimiter.end() :]]
    last_line = ""
    for part in parts:
        closing, before = _closing_lines(part)
        last_line = last_line or before
        names = [n for line in closing if (n := signature_name(line))]
        names += [n for n in (_signed_at_end(before),) if n]
        if names:
            return names, before
    return [], last_line
