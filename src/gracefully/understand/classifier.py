"""The category model: a linear text classifier trained from examples the project writes.

Trained at first use from `examples/*.jsonl` plus the user's corrections, and
cached as plain arrays (vocabulary, idf, weights, temperature) in an .npz
loaded with `allow_pickle=False`. The cache records `FORMAT_VERSION` and a
hash of the training data; anything else is retrained, never half-loaded.
A model fitted once in a process is kept by that hash, so asking again (a
test session, a service re-reading after a scan) costs no second fit.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from threadpoolctl import threadpool_limits

from gracefully.domain import Category, Email, Evidence
from gracefully.understand.calibration import fit_temperature, softmax
from gracefully.understand.features import Batch, Vocabulary, featurise, terms

FORMAT_VERSION = 2
EXAMPLES_DIR = Path(__file__).with_name("examples")
CACHE_FILE = "category_model.npz"
CORRECTION_WEIGHT = 5.0
"""A user's correction counts as several shipped examples: it is about their own mail."""
_C = 10.0
_MIN_DF = 2
_SHORT = 6
"""Added to a sentence's term count when scoring evidence, so fragments ("Please note:") lose."""
_BY_SUBJECT = frozenset({Category.JOB_ALERT, Category.OTHER})
_TRAINED: dict[str, Classifier] = {}
"""Models fitted in this process, by data hash: a test session or a long-running service
asking again for the same model (e.g. with a fresh cache dir) gets it without refitting."""
_TRAINED_KEEP = 4


@dataclass(frozen=True, slots=True)
class Example:
    subject: str
    sender: str
    body: str
    category: Category


def load_examples(directory: Path = EXAMPLES_DIR) -> list[Example]:
    """Every shipped example, in a stable order (files sorted by name)."""
    out = []
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                cat = Category(obj["category"])
                out.append(Example(obj.get("subject", ""), obj.get("sender", ""), obj["body"], cat))
    return out


@dataclass(frozen=True)
class Classifier:
    vocabulary: Vocabulary
    classes: tuple[Category, ...]
    coef: np.ndarray
    intercept: np.ndarray
    temperature: float
    version: str
    _contrast: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Per-term class weights scaled by idf: what one occurrence adds to a class score.
        object.__setattr__(self, "_contrast", self.coef * self.vocabulary.idf)

    def probabilities(self, emails: Sequence[Email]) -> np.ndarray:
        return self._probabilities(self._read(emails))

    def _read(self, emails: Sequence[Email]) -> Batch:
        return featurise(
            self.vocabulary, [(e.subject, str(e.sender or ""), e.text) for e in emails]
        )

    def _probabilities(self, batch: Batch) -> np.ndarray:
        return softmax(batch.rows @ self.coef.T + self.intercept, self.temperature)

    def predict(self, emails: Sequence[Email]) -> list[tuple[Category, float]]:
        """The likeliest category of each email with its calibrated probability."""
        ranked = self._ranked(self._read(emails)) if emails else []
        return [(category, confidence) for category, confidence, _ in ranked]

    def explain(self, emails: Sequence[Email]) -> list[tuple[Category, float, Evidence]]:
        """Category, calibrated probability and the sentence that decided it.

        The sentence is the one that best separates the winner from the runner-up,
        so a rejection is explained by its decision, not by its polite closing.
        Job alerts and other mail are explained by their subject when they have
        one: it names them as well as any sentence, and most of a mailbox is such
        mail, so a scan skips ranking their sentences.
        """
        if not emails:
            return []
        batch = self._read(emails)
        ranked = self._ranked(batch)
        todo = [
            i
            for i, (email, (category, _, _)) in enumerate(zip(emails, ranked, strict=True))
            if category not in _BY_SUBJECT or not email.subject.strip()
        ]
        picked = self._best_sentences(
            batch, emails, todo, [ranked[i][0] for i in todo], [ranked[i][2] for i in todo]
        )
        found = dict(zip(todo, picked, strict=True))
        return [
            (c, p, found[i] if i in found else _subject_evidence(emails[i], c))
            for i, (c, p, _) in enumerate(ranked)
        ]

    def evidence(self, emails: Sequence[Email], categories: Sequence[Category]) -> list[Evidence]:
        """For each email, the sentence of `email.text` that most supports `category`."""
        if not emails:
            return []
        everyone = list(range(len(emails)))
        return self._best_sentences(
            self._read(emails), emails, everyone, categories, [None] * len(emails)
        )

    def _ranked(self, batch: Batch) -> list[tuple[Category, float, Category]]:
        probs = self._probabilities(batch)
        top2 = np.argsort(-probs, axis=1)[:, :2]
        best = probs[np.arange(len(probs)), top2[:, 0]].tolist()
        return [
            (self.classes[a], p, self.classes[b])
            for (a, b), p in zip(top2.tolist(), best, strict=True)
        ]

    def _best_sentences(
        self,
        batch: Batch,
        emails: Sequence[Email],
        chosen: Sequence[int],
        categories: Sequence[Category],
        rivals: Sequence[Category | None],
    ) -> list[Evidence]:
        """Sentences score their terms' summed contrast over the root of their length.

        The sentences of the `chosen` emails are scored in one sparse product; the
        contrast is against the runner-up, or against the class mean without one.
        """
        spans = [batch.spans[i] for i in chosen]
        first = np.cumsum([0, *(len(group) for group in batch.spans)])
        rows = np.concatenate([np.arange(first[i], first[i + 1]) for i in chosen] or [[]])
        counts = batch.sentences[rows.astype(np.int64)]
        per_class = np.asarray(counts @ self._contrast.T)
        lengths = np.asarray(counts.sum(axis=1)).ravel()
        owner = np.repeat(np.arange(len(chosen)), np.array([len(g) for g in spans], dtype=int))
        cat = np.array([self.classes.index(c) for c in categories], dtype=int)[owner]
        own = per_class[np.arange(len(rows)), cat]
        rival_idx = [-1 if r is None else self.classes.index(r) for r in rivals]
        rival = np.array(rival_idx, dtype=int)[owner]
        against = np.where(
            rival >= 0, per_class[np.arange(len(rows)), rival], per_class.mean(axis=1)
        )
        score = np.where(lengths > 0, (own - against) / np.sqrt(lengths + _SHORT), -np.inf)
        out, start = [], 0
        for i, category, group in zip(chosen, categories, spans, strict=True):
            if not group:
                out.append(_subject_evidence(emails[i], category))
                continue
            start_, end, sentence = group[int(np.argmax(score[start : start + len(group)]))]
            out.append(
                Evidence("category", category.value, "category_model", sentence, start_, end)
            )
            start += len(group)
        return out


def _subject_evidence(email: Email, category: Category) -> Evidence:
    return Evidence("category", category.value, "category_model:subject", email.subject)


def _data_hash(examples: Sequence[Example], weights: Sequence[float]) -> str:
    h = hashlib.sha256(f"v{FORMAT_VERSION} C={_C} min_df={_MIN_DF}".encode())
    for ex, w in zip(examples, weights, strict=True):
        h.update(json.dumps([ex.subject, ex.sender, ex.body, ex.category.value, w]).encode())
    return h.hexdigest()


def _fit(examples: Sequence[Example], weights: np.ndarray, version: str) -> Classifier:
    """Fit on one BLAS thread: the problem is small, and on a busy machine
    threads waiting for each other made the same fit dozens of times slower."""
    docs = [terms(e.subject, e.sender, e.body) for e in examples]
    vocab = Vocabulary.fit(docs, _MIN_DF)
    x = vocab.transform(docs)
    classes = tuple(c for c in Category if any(e.category is c for e in examples))
    y = np.array([classes.index(e.category) for e in examples])
    model = LogisticRegression(C=_C, max_iter=2000)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    with threadpool_limits(limits=1):
        held_out = cross_val_predict(
            model, x, y, cv=folds, method="decision_function", params={"sample_weight": weights}
        )
        model.fit(x, y, sample_weight=weights)
    temperature = fit_temperature(held_out, y)
    return Classifier(vocab, classes, model.coef_, model.intercept_, temperature, version)


def _save(clf: Classifier, path: Path, data_hash: str) -> None:
    meta = {"format_version": FORMAT_VERSION, "data_hash": data_hash, "version": clf.version}
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(
        tmp,
        meta=np.array(json.dumps(meta)),
        terms=np.array(clf.vocabulary.terms, dtype=str),
        idf=clf.vocabulary.idf,
        classes=np.array([c.value for c in clf.classes], dtype=str),
        coef=clf.coef,
        intercept=clf.intercept,
        temperature=np.array(clf.temperature),
    )
    os.replace(tmp, path)


def _load(path: Path, data_hash: str) -> Classifier | None:
    """The cached model if it was trained by this format on this data, else None."""
    try:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            if meta.get("format_version") != FORMAT_VERSION or meta.get("data_hash") != data_hash:
                return None
            vocab = Vocabulary({t: i for i, t in enumerate(z["terms"].tolist())}, z["idf"])
            classes = tuple(Category(c) for c in z["classes"].tolist())
            return Classifier(
                vocab, classes, z["coef"], z["intercept"], float(z["temperature"]), meta["version"]
            )
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None


def train_classifier(extra: Sequence[Example] = (), cache_dir: Path | None = None) -> Classifier:
    """The model for the shipped examples plus `extra` (user corrections).

    With `cache_dir`, a matching cached model is reused and a stale one is
    replaced; without it, the model lives in memory only.
    """
    examples = [*load_examples(), *extra]
    weights = np.array([1.0] * (len(examples) - len(extra)) + [CORRECTION_WEIGHT] * len(extra))
    data_hash = _data_hash(examples, weights.tolist())
    path = cache_dir / CACHE_FILE if cache_dir is not None else None
    if path is not None and path.exists() and (cached := _load(path, data_hash)):
        return cached
    clf = _TRAINED.get(data_hash) or _fit(
        examples, weights, f"category-v{FORMAT_VERSION}-{data_hash[:12]}"
    )
    _remember(data_hash, clf)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _save(clf, path, data_hash)
    return clf


def _remember(data_hash: str, clf: Classifier) -> None:
    _TRAINED.pop(data_hash, None)
    _TRAINED[data_hash] = clf
    while len(_TRAINED) > _TRAINED_KEEP:
        del _TRAINED[next(iter(_TRAINED))]
