"""Cheap featurisation for the category model: marked word 1-2grams, sublinear TF-IDF.

Subject and sender tokens carry a prefix so that "interview" in a subject is a
different signal from "interview" in a body. Bodies are cut at `MAX_BODY`
characters because the decision is almost always made in the first
paragraphs, and long job-board digests must not slow a whole-mailbox scan.
The state is a vocabulary and an idf vector, so it is saved as plain arrays.

`featurise` reads a batch once for both uses of the model: each body is split
into sentences and its sentences are tokenised in one pass; an email's body
terms are its sentences' terms plus the pairs that straddle two sentences, so
ranking sentences for evidence costs no second tokenisation and no second lookup.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, pairwise, repeat

import numpy as np
from scipy.sparse import csr_matrix

from gracefully.understand.sentences import Span, split

MAX_BODY = 3000
_URL = re.compile(r"https?://\S+|www\.\S+|\[link\]")
_ADDR = re.compile(r"\S+@\S+")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W_]+|_\w+_")
_SEP = "\x1f"
"""Closes each sentence when an email's sentences are tokenised together: every pattern
above reads it as a space, so no word or link runs across it, and it is no word itself."""
_WORD_OR_SEP = re.compile(_WORD.pattern + "|" + _SEP)
_CLOSING = -2
"""The id `_SEP` looks up to (unknown words look up to -1)."""


def _normal(text: str) -> str:
    """Lower-cased; links and addresses become one marker word, digit runs "0".

    The substring checks skip the link and address passes for the many
    texts that have neither.
    """
    text = text.lower()
    if "http" in text or "www." in text or "[link]" in text:
        text = _URL.sub(" _url_ ", text)
    if "@" in text:
        text = _ADDR.sub(" _addr_ ", text)
    return _DIGITS.sub("0", text)


def _words(text: str) -> list[str]:
    return _WORD.findall(_normal(text))


def _sentence_words(body: str, spans: Sequence[Span]) -> list[str]:
    """The `_words` of each sentence in turn, each sentence closed by `_SEP`.

    One pass over the joined sentences costs a third less than a pass per
    sentence, and gives the same words (lower-casing is per character; a final
    sigma stays final before `_SEP`). A body that holds `_SEP` goes sentence by sentence.
    """
    if _SEP in body:
        return [word for _, _, sentence in spans for word in (*_words(sentence), _SEP)]
    return _WORD_OR_SEP.findall(_normal("".join(sentence + _SEP for _, _, sentence in spans)))


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
        """Raw known-term counts, one row per doc (unknown terms are dropped).

        The lookups run in one `map` and the rows are assembled in numpy: a
        Python loop per term was a tenth of the whole stage.
        """
        docs = list(docs)
        lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        ids = np.fromiter(
            map(self.index.get, chain.from_iterable(docs), repeat(-1)),
            dtype=np.int64,
            count=int(lengths.sum()),
        )
        known = ids >= 0
        rows = np.repeat(np.arange(len(docs)), lengths)[known]
        indptr = np.zeros(len(docs) + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=len(docs)), out=indptr[1:])
        x = csr_matrix(
            (np.ones(len(rows)), ids[known].astype(np.int32), indptr),
            shape=(len(docs), len(self.index)),
        )
        x.sum_duplicates()
        return x

    def sentence_counts(
        self, words: Sequence[str], owner: np.ndarray, summed: np.ndarray
    ) -> tuple[csr_matrix, csr_matrix]:
        """Raw gram counts of each sentence, and of the pairs that straddle two sentences.

        `words` are the sentences' words in turn, each sentence closed by `_SEP`;
        `owner[i]` is the email of sentence i. The straddling pairs are counted per
        email, for the emails where `summed` (whose body terms are their sentences').
        As in `counts`, the lookups run in one `map` and the rows are assembled in numpy.
        """
        ids = np.fromiter(
            map(self._lookup.get, words, repeat(-1)), dtype=np.int64, count=len(words)
        )
        closing = ids == _CLOSING
        row = (np.cumsum(closing) - closing)[~closing]
        ids = ids[~closing]
        email = owner[row]
        inside = row[:-1] == row[1:]
        across = ~inside & (email[:-1] == email[1:]) & summed[email[:-1]]
        at, pair = self._known_pairs(words, ids, inside)
        single = ids >= 0
        sentences = _matrix(
            np.concatenate([row[single], row[at]]),
            np.concatenate([ids[single], pair]),
            (len(owner), len(self.index)),
        )
        at, pair = self._known_pairs(words, ids, across)
        return sentences, _matrix(email[at], pair, (len(summed), len(self.index)))

    def _known_pairs(
        self, words: Sequence[str], ids: np.ndarray, wanted: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Positions i among `wanted` where (word i, word i + 1) is a known pair, and its id.

        A pair is in the vocabulary only if both its words are (a document that
        holds the pair holds the words), so pairs are looked up by their words'
        ids in a sorted array of the known pairs, all in numpy. A hand-made
        vocabulary without that property has its pairs spelt out.
        """
        at = np.flatnonzero(wanted)
        if self._pairs is None:
            spelt = [word for word in words if word != _SEP]
            found = np.fromiter(
                (self.index.get(f"{spelt[i]} {spelt[i + 1]}", -1) for i in at.tolist()),
                dtype=np.int64,
                count=len(at),
            )
            return at[found >= 0], found[found >= 0]
        keys, pair_ids = self._pairs
        at = at[(ids[at] >= 0) & (ids[at + 1] >= 0)]
        key = ids[at] * len(self.index) + ids[at + 1]
        index = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
        known = keys[index] == key
        return at[known], pair_ids[index[known]]

    @cached_property
    def _lookup(self) -> dict[str, int]:
        """The term index, with `_SEP` as `_CLOSING`."""
        return {**self.index, _SEP: _CLOSING}

    @cached_property
    def _pairs(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Body word pairs as sorted keys `first id * size + second id`, with their ids.

        None when a pair's word is missing, which a fitted vocabulary never has.
        """
        keys, ids = [], []
        for term, term_id in self.index.items():
            if " " not in term or term.startswith("s:"):
                continue
            first, second = (self.index.get(word) for word in term.split(" "))
            if first is None or second is None:
                return None
            keys.append(first * len(self.index) + second)
            ids.append(term_id)
        if not keys:
            return None
        order = np.argsort(keys)
        return np.array(keys, dtype=np.int64)[order], np.array(ids, dtype=np.int64)[order]

    def transform(self, docs: Iterable[list[str]]) -> csr_matrix:
        return self.weigh(self.counts(docs))

    def weigh(self, x: csr_matrix) -> csr_matrix:
        """Raw counts (in canonical order) made L2-normalised sublinear TF-IDF rows, in place."""
        x.data = (1.0 + np.log(x.data)) * self.idf[x.indices]
        rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
        norm = np.sqrt(np.bincount(rows, weights=x.data * x.data, minlength=x.shape[0]))
        x.data /= np.where(norm > 0, norm, 1.0)[rows]
        return x


@dataclass(frozen=True)
class Batch:
    """A batch of emails as the model reads them, tokenised once."""

    rows: csr_matrix
    """Each email's TF-IDF row, as `Vocabulary.transform(terms(...))` gives it."""
    spans: list[list[Span]]
    """Each email's sentences (of its first `MAX_BODY` characters)."""
    sentences: csr_matrix
    """Raw term counts of every sentence, the emails' sentences in order."""


def featurise(vocab: Vocabulary, docs: Sequence[tuple[str, str, str]]) -> Batch:
    """The rows and sentence counts of (subject, sender, body) triples."""
    spans: list[list[Span]] = []
    words: list[str] = []
    rest: list[list[str]] = []
    summed: list[bool] = []
    for subject, sender, body in docs:
        found = split(body, MAX_BODY)
        spans.append(found)
        words += _sentence_words(body, found)
        whole = not _cut_inside_a_word(found)
        summed.append(whole)
        tail = [] if whole else _grams(_words(body[:MAX_BODY]))
        rest.append(_grams(_words(subject), "s:") + sender_terms(sender) + tail)
    sizes = [len(found) for found in spans]
    owner = np.repeat(np.arange(len(spans)), sizes)
    sentences, straddling = vocab.sentence_counts(words, owner, np.array(summed, dtype=bool))
    keep = np.repeat(np.array(summed, dtype=bool), sizes)
    members = csr_matrix(
        (np.ones(int(keep.sum())), (owner[keep], np.flatnonzero(keep))),
        shape=(len(spans), len(owner)),
    )
    counts = members @ sentences + straddling + vocab.counts(rest)
    counts.sum_duplicates()
    return Batch(vocab.weigh(counts), spans, sentences)


def _matrix(rows: np.ndarray, columns: np.ndarray, shape: tuple[int, int]) -> csr_matrix:
    """Counts of the (row, column) pairs, in canonical order."""
    x = csr_matrix((np.ones(len(rows)), (rows, columns)), shape=shape)
    x.sum_duplicates()
    return x


def _cut_inside_a_word(spans: list[Span]) -> bool:
    """Whether a run too long for one sentence was cut with no space to cut at.

    Every other boundary holds whitespace, so a body's words are its
    sentences' words end to end; after such a cut they are not.
    """
    return any(end == start for (_, end, _), (start, _, _) in pairwise(spans))
