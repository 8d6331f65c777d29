"""Featurising a batch once: the same rows as term by term, and each sentence's own counts."""

from __future__ import annotations

import numpy as np
import pytest

from gracefully.understand.classifier import Classifier
from gracefully.understand.features import MAX_BODY, Vocabulary, _grams, _words, featurise, terms
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
    groups = [["we", "regret", "we", "regret"], [], ["regret", "it"]]
    for terms_ in (["we", "regret", "we regret"], ["regret", "we regret", "regret it"]):
        vocab = Vocabulary({t: i for i, t in enumerate(terms_)}, np.ones(len(terms_)))
        expected = vocab.counts(_grams(group) for group in groups)
        assert (vocab.gram_counts(groups) != expected).nnz == 0
        assert vocab.gram_counts(groups).sum() == expected.sum() > 0
