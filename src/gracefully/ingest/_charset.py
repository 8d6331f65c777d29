"""Bytes to text when the declared charset may be wrong, unknown or missing.

Order: the declared charset (strict); valid UTF-8 (mail labelled Latin-1 or
ASCII is very often really UTF-8, and valid multi-byte UTF-8 is almost never
Latin-1 text); the declared single-byte charset; charset-normalizer's guess;
finally UTF-8 with replacement characters, so decoding never fails.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import contextlib
import re

import charset_normalizer

from gracefully.domain.text import one_line

_DETECT_LIMIT = 64 * 1024
_CHAOS_MARGIN = 0.02
_PREFERRED = ("cp1252", "cp1251")
_ALIASES = {"ascii": "cp1252", "iso8859-1": "cp1252"}
_SINGLE_BYTE = frozenset({"cp1252", "iso8859-15"})
_ENCODED_WORD = re.compile(r"=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=")
_GAP = re.compile(r"[ \t\r\n]*")


def codec_for(charset: str | None) -> str | None:
    """The Python text codec for a MIME charset label, or None when unknown."""
    if not charset:
        return None
    try:
        info = codecs.lookup(charset.strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # base64_codec, zlib_codec...: not a charset
    return _ALIASES.get(info.name, info.name)


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode text whatever its label says; never raises."""
    if data.isascii():
        return data.decode("ascii")
    codec = codec_for(charset)
    if codec and codec not in _SINGLE_BYTE:
        try:
            return data.decode(codec)
        except (UnicodeError, LookupError):  # 'undefined' and friends refuse everything
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if codec in _SINGLE_BYTE:
        return data.decode(codec, "replace")
    return _guess(data)


def _guess(data: bytes) -> str:
    """charset-normalizer's guess, tilted towards the charsets mail really uses.

    On a short text many single-byte charsets fit equally well and the
    library's first pick is arbitrary (cp1250 for French, cp775 for German);
    among the equally good fits, prefer the common Western and Cyrillic ones.
    """
    matches = charset_normalizer.from_bytes(data[:_DETECT_LIMIT])
    best = matches.best()
    if best is None:
        return data.decode("utf-8", "replace")
    fits = [m for m in matches if m.chaos <= best.chaos + _CHAOS_MARGIN]
    for preferred in _PREFERRED:
        if any(preferred in m.could_be_from_charset for m in fits):
            return data.decode(preferred, "replace")
    return data.decode(best.encoding, "replace")


def decode_header_value(raw: str | None) -> str:
    """A header as readable text: raw 8-bit bytes and RFC 2047 words decoded, unfolded."""
    if not raw:
        return ""
    text = raw
    if not text.isascii():
        # compat32 carries raw 8-bit header bytes as surrogate escapes
        with contextlib.suppress(UnicodeEncodeError):
            raw_bytes = text.encode("ascii", "surrogateescape").replace(b"\x00", b"")
            text = decode_bytes(raw_bytes, None)  # a NUL would make it guess UTF-16
    if "=?" in text:
        text = _decode_words(text)
    return one_line(" ".join(text.split()))


def _decode_words(text: str) -> str:
    """RFC 2047 words; adjacent words of one charset are joined before decoding,
    because mailers split multi-byte characters across words."""
    out: list[str] = []
    pending: list[bytes] = []
    pending_charset = ""
    pos = 0
    for word in _ENCODED_WORD.finditer(text):
        payload = _word_bytes(word.group(2), word.group(3))
        if payload is None:
            continue  # left as written
        gap, charset = text[pos : word.start()], word.group(1).lower()
        adjacent = bool(pending) and _GAP.fullmatch(gap) is not None
        if pending and not (adjacent and charset == pending_charset):
            out.append(decode_bytes(b"".join(pending), pending_charset))
            pending = []
        if not adjacent:
            out.append(gap)
        pending.append(payload)
        pending_charset = charset
        pos = word.end()
    if pending:
        out.append(decode_bytes(b"".join(pending), pending_charset))
    out.append(text[pos:])
    return "".join(out)


def _word_bytes(kind: str, payload: str) -> bytes | None:
    try:
        if kind in "bB":
            return base64.b64decode(payload + "=" * (-len(payload) % 4))
        return binascii.a2b_qp(payload.encode("ascii"), header=True)
    except (binascii.Error, ValueError):
        return None
