"""Accent folding: one spelling for "Société" and "Societe", "Béranger" and "beranger"."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def fold(text: str) -> str:
    """Lower case without accents: the NFKD decomposition with its combining marks dropped.

    Company names, display names and mailboxes meet in this form ("Société Générale"
    and "societe generale", "Tomás" and "tomas@"). Letters that do not decompose
    (ø, ß, æ, ł, đ, þ, œ) are kept as they are: no stage folded them before, and
    company keys made from this form are stored, so folding them now would split
    an existing "Ørsted" from its applications.
    """
    if text.isascii():
        return text.lower()
    return _fold(text)


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
