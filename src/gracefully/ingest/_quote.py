"""Split what the sender wrote now from quoted history and the signature.

Rules are data: each pattern names one way mail clients start a quote. A
forwarded block is never a quote: a user who forwards a rejection to
themselves wants the rejection read, so forward markers and the header
lines right after them are kept and scanning goes on below them.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_REPLY_HEADERS = (
    re.compile(r"^On\b.{4,300}\bwrote\s*:\s*$", _I | re.DOTALL),
    re.compile(r"^Le\b.{4,300}\ba écrit\s*:\s*$", _I | re.DOTALL),
    re.compile(r"^Am\b.{4,300}\bschrieb\b.{0,200}:\s*$", _I | re.DOTALL),
    re.compile(r"^El\b.{4,300}\bescribió\s*:\s*$", _I | re.DOTALL),
    re.compile(r"^Op\b.{4,300}\bschreef\b.{0,200}:\s*$", _I | re.DOTALL),
    re.compile(
        r"^-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}$", _I
    ),
)
_REPLY_START = re.compile(r"(?:On|Le|Am|El|Op)\b|-{2,}", _I)
_FORWARD = re.compile(
    r"^(?:-{2,}\s*(?:Forwarded message|Forwarded Message|Weitergeleitete Nachricht"
    r"|Message transféré|Mensaje reenviado)\s*-{2,}|Begin forwarded message:"
    r"|Début du message réexpédié\s*:)$",
    _I,
)
_FIELD_FROM = re.compile(r"^\*?(?:From|De|Von|Van)\s?:\*?\s*\S", _I)
_FIELD_SENT = re.compile(r"^\*?(?:Sent|Date|Envoyé|Gesendet|Datum|Enviado|Verzonden)\s?:", _I)
_FIELD_SUBJECT_FW = re.compile(
    r"^\*?(?:Subject|Objet|Betreff|Asunto)\s?:\*?\s*(?:FW|Fwd|TR|WG)\s*:", _I
)
_HEADER_FIELD = re.compile(r"^\*?[A-Z][\w-]{1,20}\s?:", _I)
_SEPARATOR = re.compile(r"^(?:_{5,}|-{5,})$")
_SIG_DASHES = re.compile(r"^--\s?$")
_MOBILE = re.compile(
    r"^(?:Sent from my \w+|Sent from (?:Mail|Outlook) for \w+|Get Outlook for \w+"
    r"|Envoyé de mon \w+|Von meinem \w+ gesendet)\b",
    _I,
)
_SIGN_OFF = re.compile(
    r"^(?:(?:best|kind|warm|warmest|many|with best)?\s*(?:regards|wishes)|best|cheers|thanks"
    r"|thank you|many thanks|thanks again|sincerely|yours sincerely|yours truly|all the best"
    r"|warmly|respectfully|cordialement|bien à vous|bien cordialement|salutations"
    r"|mit freundlichen grüßen|viele grüße|beste grüße|freundliche grüße|saludos|un saludo)"
    r"\s*[,.!]?$",
    _I,
)
_SIGNATURE_LINES = 7
_SIGNATURE_LINE_CHARS = 80
_WRAPPED_HEADER_LINES = 3
_OUTLOOK_BLOCK_LINES = 6


def split_quoted(text: str) -> tuple[str, str]:
    """(new text, signature).

    The sign-off and the name line under it stay in the new text, because
    the contact's name is often only there; titles, phone numbers and links
    below the name go to the signature.
    """
    lines = text.split("\n")
    kept = [line for line in lines[: _quote_start(lines)] if not line.startswith(">")]
    while kept and (not kept[-1].strip() or _SEPARATOR.match(kept[-1].strip())):
        kept.pop()
    cut, sig_start = _signature_start(kept, _after_last_forward(kept))
    return "\n".join(kept[:cut]).strip(), "\n".join(kept[sig_start:]).strip()


def _quote_start(lines: list[str]) -> int:
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if _FORWARD.match(line):
            i = _skip_header_block(lines, i + 1)
            continue
        if _FIELD_FROM.match(line) and _is_outlook_block(lines, i):
            if _is_forward_block(lines, i):
                i = _skip_header_block(lines, i)
                continue
            return i
        if _is_reply_header(lines, i):
            return i
        i += 1
    return len(lines)


def _is_reply_header(lines: list[str], i: int) -> bool:
    """Gmail and others wrap a long "On <date>, <name> <addr> wrote:" over lines."""
    if not _REPLY_START.match(lines[i].lstrip()):
        return False
    joined = ""
    for line in lines[i : i + _WRAPPED_HEADER_LINES]:
        joined = f"{joined} {line.strip()}".strip()
        if any(p.match(joined) for p in _REPLY_HEADERS):
            return True
    return False


def _is_outlook_block(lines: list[str], i: int) -> bool:
    block = lines[i + 1 : i + _OUTLOOK_BLOCK_LINES]
    return any(_FIELD_SENT.match(line.strip()) for line in block)


def _is_forward_block(lines: list[str], i: int) -> bool:
    block = lines[i : i + _OUTLOOK_BLOCK_LINES]
    return any(_FIELD_SUBJECT_FW.match(line.strip()) for line in block)


def _skip_header_block(lines: list[str], i: int) -> int:
    while i < len(lines) and (not lines[i].strip() or _HEADER_FIELD.match(lines[i].strip())):
        if not lines[i].strip() and i + 1 < len(lines) and not _HEADER_FIELD.match(lines[i + 1]):
            return i + 1
        i += 1
    return i


def _after_last_forward(lines: list[str]) -> int:
    """A signature is looked for below the last forwarded header, never above it:
    the forwarder's own "-- " must not cut the forwarded message off."""
    marks = [i for i, line in enumerate(lines) if _FORWARD.match(line.strip())]
    return marks[-1] + 1 if marks else 0


def _signature_start(lines: list[str], start: int) -> tuple[int, int]:
    """(end of new text, start of signature) in `lines`, searching from `start`."""
    for i in range(start, len(lines)):
        line = lines[i]
        stripped = line.strip()
        if _SIG_DASHES.match(line) or _MOBILE.match(stripped):
            return i, i
    tail_start = max(start, len(lines) - _SIGNATURE_LINES - 1)
    for i in range(len(lines) - 1, tail_start - 1, -1):
        if _SIGN_OFF.match(lines[i].strip()) and _short_tail(lines[i + 1 :]):
            name = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), i)
            return name + 1, name + 1
    return len(lines), len(lines)


def _short_tail(tail: list[str]) -> bool:
    filled = [line for line in tail if line.strip()]
    return len(filled) <= _SIGNATURE_LINES and all(
        len(line) <= _SIGNATURE_LINE_CHARS for line in filled
    )
