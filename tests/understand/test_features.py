"""Featurising a batch once: the same rows as term by term, and each sentence's own counts."""

from __future__ import annotations

import numpy as np
import pytest

from gracefully.understand.classifier import Classifier
from gracefully.understand.features import (
    _SEP,
    MAX_BODY,
    Vocabulary,
    _grams,
    _words,
    featurise,
    terms,
)
from gracefully.understand.sentences import split

BODIES = [
    "",
    "   \n ",
    "Hi Noor,\n\nThank you for applying. We chose another candidate.\n\nBest,\nIvo",
    'See https://jobs.example.test/r/123." Next we "moved on.") Then more.',
    "Write to ana@orrin.example. Or call 0207 555 0101! Why? Because.",
    "Flattened | Careers | Privacy • Terms · Help ▪ End",
    "Sr. Data Engineer at Quillon Inc. was filled. [link] next",
    "word " * 900,
    "x" * 1200 + " tail words here. " + "y" * 500,
    "Thanks. " + "application/interview/" * 40 + " We regret it.",
    "Ünïcödé ÀÉÎ and İstanbul ΣΟΦΟΣ. " * 40,
    "line one\ncontinued lower\nUpper starts. " * 120,
    "ΟΔΟΣ. ΣΟΦΟΣ'\nΣΤΟ ΝΕΟ. İSTANBUL ŞEHİR. Straße ﬁne. ß\u0130",
    "A unit\x1fseparator in the text. Then words\x1f. More.",
]


@pytest.mark.parametrize("body", BODIES)
def test_rows_are_those_of_the_terms(clf: Classifier, body: str) -> None:
    docs = [("Re: Your application", "Talent <no-reply@hire.example>", body), ("", "", "Hi.")]
    batch = featurise(clf.vocabulary, docs)
    expected = clf.vocabulary.transform(terms(*doc) for doc in docs)
    assert (batch.rows != expected).nnz == 0


@pytest.mark.parametrize("body", BODIES)
def test_sentence_counts_are_each_sentences_own(clf: Classifier, body: str) -> None:
    batch = featurise(clf.vocabulary, [("s", "f", body), ("t", "g", "One. Two.")])
    spans = [split(body, MAX_BODY), split("One. Two.", MAX_BODY)]
    assert batch.spans == spans
    expected = clf.vocabulary.counts(
        _grams(_words(sentence)) for group in spans for _, _, sentence in group
    )
    assert (batch.sentences != expected).nnz == 0


def test_an_empty_batch_has_no_rows(clf: Classifier) -> None:
    batch = featurise(clf.vocabulary, [])
    assert batch.rows.shape[0] == 0 and batch.sentences.shape[0] == 0


def test_pairs_are_counted_as_written_even_in_an_odd_vocabulary() -> None:
    """A hand-made vocabulary may hold a pair without its words: then pairs are spelt out."""
    groups = [["we", "regret", "we", "regret"], [], ["regret", "it"], ["we"]]
    words = [word for group in groups for word in (*group, _SEP)]
    owner, summed = np.array([0, 0, 0, 1]), np.array([True, True])
    odd = ["regret", "we regret", "regret it", "regret regret"]
    for terms_ in (["we", "regret", "we regret", "regret regret"], odd):
        vocab = Vocabulary({t: i for i, t in enumerate(terms_)}, np.ones(len(terms_)))
        sentences, straddling = vocab.sentence_counts(words, owner, summed)
        expected = vocab.counts(_grams(group) for group in groups)
        assert (sentences != expected).nnz == 0
        assert sentences.sum() == expected.sum() > 0
        # "regret regret" straddles the first two filled sentences; "it we" spans two emails
        assert (straddling != vocab.counts([["regret regret"], []])).nnz == 0
        assert straddling.sum() == 1


def test_straddling_pairs_skip_empty_sentences_and_stay_in_their_email(clf: Classifier) -> None:
    vocab = clf.vocabulary
    pair = next(t for t in vocab.index if " " in t and not t.startswith("s:"))
    first, second = pair.split(" ")
    words = [first, _SEP, _SEP, second, _SEP, first, _SEP, second, _SEP]
    owner, summed = np.array([0, 0, 0, 1, 2]), np.array([True, True, False])
    _, straddling = vocab.sentence_counts(words, owner, summed)
    assert straddling[0, vocab.index[pair]] == 1
    assert straddling.sum() == 1
