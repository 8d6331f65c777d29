"""Cheap featurisation for the category model: marked word 1-2grams, sublinear TF-IDF.

Subject and sender tokens carry a prefix so that "interview" in a subject is a
different signal from "interview" in a body. Bodies are cut at `MAX_BODY`
characters because the decision is almost always made in the first
paragraphs, and long job-board digests must not slow a whole-mailbox scan.
The state is a vocabulary and an idf vector, so it is saved as plain arrays.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from scipy.sparse import csr_matrix

MAX_BODY = 3000
_URL = re.compile(r"https?://\S+|www\.\S+|\[link\]")
_ADDR = re.compile(r"\S+@\S+")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W_]+|_\w+_")


def _words(text: str) -> list[str]:
    """Lower-cased words; links and addresses become one marker word, digit runs "0".

    The substring checks skip the link and address passes for the many
    sentences that have neither.
    """
    text = text.lower()
    if "http" in text or "www." in text or "[link]" in text:
        text = _URL.sub(" _url_ ", text)
    if "@" in text:
        text = _ADDR.sub(" _addr_ ", text)
    return _WORD.findall(_DIGITS.sub("0", text))


def _grams(words: list[str], prefix: str = "") -> list[str]:
    if prefix:
        words = [prefix + w for w in words]
        return words + [f"{a} {b[len(prefix) :]}" for a, b in pairwise(words)]
    return words + list(map(" ".join, pairwise(words)))


def sender_terms(sender: str) -> list[str]:
    """Sender name words and address parts (no-reply, ATS domains) as marked unigrams."""
    return ["f:" + w for w in re.findall(r"[a-z]+", sender.lower())]


def terms(subject: str, sender: str, body: str) -> list[str]:
    return _grams(_words(subject), "s:") + sender_terms(sender) + _grams(_words(body[:MAX_BODY]))


def body_terms(text: str) -> list[str]:
    return _grams(_words(text))


@dataclass(frozen=True)
class Vocabulary:
    """Term index and idf; `transform` gives L2-normalised sublinear TF-IDF rows."""

    index: dict[str, int]
    idf: np.ndarray

    @classmethod
    def fit(cls, docs: Sequence[list[str]], min_df: int = 2) -> Vocabulary:
        df = Counter(t for doc in docs for t in set(doc))
        kept = sorted(t for t, n in df.items() if n >= min_df)
        n = len(docs)
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in kept])
        return cls({t: i for i, t in enumerate(kept)}, idf)

    @property
    def terms(self) -> list[str]:
        return sorted(self.index, key=self.index.__getitem__)

    def counts(self, docs: Iterable[list[str]]) -> csr_matrix:
        """Raw known-term counts, one row per doc (unknown terms are dropped)."""
        get = self.index.get
        indptr, indices = [0], []
        for doc in docs:
            indices += [i for i in map(get, doc) if i is not None]
            indptr.append(len(indices))
        x = csr_matrix(
            (np.ones(len(indices)), np.array(indices, dtype=np.int32), np.array(indptr)),
            shape=(len(indptr) - 1, len(self.index)),
        )
        x.sum_duplicates()
        return x

    def transform(self, docs: Iterable[list[str]]) -> csr_matrix:
        x = self.counts(docs)
        x.data = (1.0 + np.log(x.data)) * self.idf[x.indices]
        rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
        norm = np.sqrt(np.bincount(rows, weights=x.data * x.data, minlength=x.shape[0]))
        x.data /= np.where(norm > 0, norm, 1.0)[rows]
        return x
