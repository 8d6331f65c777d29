"""The category model: caching as plain arrays, calibration, evidence, corrections."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from gracefully.domain import Address, Category, Email
from gracefully.understand import classifier as model
from gracefully.understand.calibration import fit_temperature, softmax
from gracefully.understand.classifier import Classifier, Example, train_classifier

CLEAR_REJECTION = Email(
    id="r1",
    subject="Your application to Lindgren Tools",
    sender=Address("Lindgren Tools", "no-reply@hire.lever.co"),
    date=None,
    body=(
        "Hi Astrid,\n\nThank you for applying for the Junior Data Analyst role. "
        "Unfortunately, we have decided not to move forward with your application. "
        "We wish you the best in your search.\n\nLindgren Tools Recruiting"
    ),
)
VAGUE = Email(id="v1", subject="", sender=None, date=None, body="Thanks, see you soon.")


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("model-cache")


@pytest.fixture(scope="module")
def clf(cache: Path) -> Classifier:
    return train_classifier(cache_dir=cache)


def _meta(path: Path) -> dict:
    with np.load(path, allow_pickle=False) as z:
        return json.loads(str(z["meta"]))


def test_cache_is_plain_arrays_and_no_pickle(clf: Classifier, cache: Path) -> None:
    assert sorted(p.name for p in cache.iterdir()) == [model.CACHE_FILE]
    with np.load(cache / model.CACHE_FILE, allow_pickle=False) as z:
        assert z["coef"].shape == (len(clf.classes), len(clf.vocabulary.index))
    meta = _meta(cache / model.CACHE_FILE)
    assert meta["format_version"] == model.FORMAT_VERSION
    assert clf.version == meta["version"]
    assert meta["data_hash"][:12] in clf.version


def test_cache_is_reused(clf: Classifier, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> Classifier:
        raise AssertionError("a matching cache must be loaded, not retrained")

    monkeypatch.setattr(model, "_fit", refuse)
    again = train_classifier(cache_dir=cache)
    assert again.version == clf.version
    assert again.predict([CLEAR_REJECTION]) == clf.predict([CLEAR_REJECTION])


@pytest.mark.parametrize("damage", ["other-format", "other-data", "garbage"])
def test_stale_or_broken_cache_is_retrained(
    clf: Classifier, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    path = tmp_path / model.CACHE_FILE
    good_hash = _meta(cache / model.CACHE_FILE)["data_hash"]
    if damage == "garbage":
        path.write_bytes(b"not a model")
    elif damage == "other-data":
        model._save(clf, path, "another-training-set")
    else:
        monkeypatch.setattr(model, "FORMAT_VERSION", model.FORMAT_VERSION + 1)
        model._save(clf, path, good_hash)
        monkeypatch.undo()
    calls = []
    real_fit = model._fit
    monkeypatch.setattr(model, "_fit", lambda *a: calls.append(a) or real_fit(*a))
    fresh = train_classifier(cache_dir=tmp_path)
    assert len(calls) == 1
    assert fresh.version == clf.version
    assert _meta(path) == {
        "format_version": model.FORMAT_VERSION,
        "data_hash": good_hash,
        "version": clf.version,
    }


def test_confidences_are_probabilities_and_higher_when_clear(clf: Classifier) -> None:
    (clear_cat, clear_conf), (_, vague_conf) = clf.predict([CLEAR_REJECTION, VAGUE])
    assert clear_cat is Category.REJECTION
    assert 0.0 <= vague_conf < clear_conf <= 1.0
    probs = clf.probabilities([CLEAR_REJECTION, VAGUE])
    assert np.allclose(probs.sum(axis=1), 1.0)


def test_temperature_undoes_overconfidence() -> None:
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, size=600)
    scores = rng.normal(size=(600, 3))
    scores[np.arange(600), labels] += 1.0
    overconfident = scores * 8
    t = fit_temperature(overconfident, labels)
    assert 4 < t < 16
    assert softmax(overconfident, t).max(axis=1).mean() < softmax(overconfident).max(axis=1).mean()


def test_evidence_is_the_decisive_sentence_at_its_offsets(clf: Classifier) -> None:
    (ev,) = clf.evidence([CLEAR_REJECTION], [Category.REJECTION])
    assert ev.field == "category" and ev.value == "rejection"
    assert CLEAR_REJECTION.text[ev.start : ev.end] == ev.sentence
    assert "not to move forward" in ev.sentence


def test_evidence_without_text_falls_back_to_subject(clf: Classifier) -> None:
    email = Email(id="s", subject="Interview invitation", sender=None, date=None, body="")
    (ev,) = clf.evidence([email], [Category.INTERVIEW])
    assert (ev.sentence, ev.start, ev.end) == ("Interview invitation", -1, -1)


def test_corrections_teach_the_model(clf: Classifier) -> None:
    odd = Email(
        id="o",
        subject="Fenwick Guild quarterly dispatch",
        sender=Address("Fenwick Guild", "dispatch@fenwickguild.example"),
        date=None,
        body="The Fenwick Guild quarterly dispatch: members' tomato harvest and the seed swap.",
    )
    before, _ = clf.predict([odd])[0]
    target = Category.JOB_ALERT if before is not Category.JOB_ALERT else Category.OTHER
    correction = Example(odd.subject, str(odd.sender), odd.body, target)
    taught = train_classifier(extra=[correction])
    assert taught.predict([odd])[0][0] is target
    assert taught.version != clf.version
    assert taught.predict([CLEAR_REJECTION])[0][0] is Category.REJECTION
