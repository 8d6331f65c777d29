"""The tone model: trained at first use from shipped examples, cached as plain arrays,
explained by the sentences that weigh most."""

from __future__ import annotations

import json
import re
import time
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from gracefully.write import tone
from gracefully.write.tone import (
    CACHE_FILE,
    EXAMPLES_DIR,
    Example,
    default_tone,
    harsh_tone,
    load_examples,
    prose,
    train_tone,
)

DEV = Path(__file__).resolve().parents[1] / "fixtures" / "grace"
KINDS = {
    "curt", "rude", "sarcastic", "passive_aggressive", "arguing", "bragging", "pleading",
    "entitled", "complaining", "bitter",
}  # fmt: skip


def _rows(name: str) -> list[dict]:
    path = EXAMPLES_DIR / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# --- the shipped examples -------------------------------------------------------


def test_the_examples_are_many_labelled_and_varied() -> None:
    written = _rows("sentences.jsonl") + _rows("notes.jsonl")
    assert len(written) >= 600
    harms = Counter(r["harm"] for r in written)
    assert set(harms) - {None} == KINDS
    assert harms[None] >= 300 and all(harms[k] >= 20 for k in KINDS)
    text = " ".join(r["text"] for r in written)
    for british, american in (("organised", "organized"), ("realise", "realize")):
        assert british in text or american in text
    assert re.search(r"\bcheers\b", text, re.I) and re.search(r"\bawesome|bummed\b", text, re.I)
    assert len(load_examples()) > 3 * len(written)  # the sentences are set into note frames


def test_the_frames_are_drawn_the_same_way_every_time() -> None:
    first, again = load_examples(), load_examples()
    assert [(e.text, e.harm) for e in first] == [(e.text, e.harm) for e in again]


def _runs(text: str, n: int = 10) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.parametrize("fixture", ["written.jsonl", "notes.jsonl", "holdout.jsonl"])
def test_no_measuring_note_is_in_the_training_examples(fixture: str) -> None:
    """The notes the check is measured on share no ten-word run with what it learns from
    (shorter runs are the stock phrases every follow-up has: "thank you for letting me
    know, and for ...")."""
    trained = set().union(*(_runs(r["text"]) for r in _rows("sentences.jsonl")))
    trained |= set().union(*(_runs(r["text"]) for r in _rows("notes.jsonl")))
    for line in (DEV / fixture).read_text().splitlines():
        note = json.loads(line)
        assert not _runs(note["text"]) & trained, note["id"]


# --- what the model reads -------------------------------------------------------


def test_the_model_reads_the_users_words_without_greeting_names_or_quotes() -> None:
    text = (
        "Hi Maya,\n\nThanks for the update on the Northwind Labs role.\n\nBest,\nAlex Rivera\n\n"
        "On Tue, 4 Mar 2025, Maya <maya@northwind.example> wrote:\n> We will not reconsider.\n"
    )
    assert prose(text) == "Thanks for the update on the Name Name role."


# --- training at first use and the cache ------------------------------------------

SMALL = [e for i, e in enumerate(load_examples()) if i % 12 == 0]


def _no_fit(*_: object) -> None:
    raise AssertionError("refitted although a good model was at hand")


def test_a_model_is_trained_at_first_use_and_cached_as_plain_arrays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tone, "_TRAINED", {})
    model = train_tone(tmp_path, SMALL)
    path = tmp_path / CACHE_FILE
    assert path.exists()
    with np.load(path, allow_pickle=False) as z:  # refuses anything pickled
        assert all(z[k].dtype != object for k in z.files)
        assert json.loads(str(z["meta"]))["format_version"] == tone.FORMAT_VERSION
    with zipfile.ZipFile(path) as z:
        assert all(name.endswith(".npy") for name in z.namelist())
    # a new process (empty memo) loads it instead of fitting again
    monkeypatch.setattr(tone, "_TRAINED", {})
    monkeypatch.setattr(tone, "_fit", _no_fit)
    loaded = train_tone(tmp_path, SMALL)
    assert loaded.version == model.version and loaded.terms == model.terms
    assert np.allclose(loaded.coef, model.coef)
    note = "Hi Maya,\n\nRight. Noted.\n\nAlex"
    assert loaded.read(note) == model.read(note)


def test_the_cache_is_retrained_when_the_data_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tone, "_TRAINED", {})
    first = train_tone(tmp_path, SMALL)
    changed = [*SMALL, Example("Thanks so much, I enjoyed the chat about kilns.", None)]
    second = train_tone(tmp_path, changed)
    assert second.version != first.version
    with np.load(tmp_path / CACHE_FILE, allow_pickle=False) as z:
        assert json.loads(str(z["meta"]))["version"] == second.version


def test_a_stale_or_broken_cache_is_retrained_never_half_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tone, "_TRAINED", {})
    model = train_tone(tmp_path, SMALL)
    path = tmp_path / CACHE_FILE
    monkeypatch.setattr(tone, "FORMAT_VERSION", tone.FORMAT_VERSION + 1)
    assert tone._load(path, tone._data_hash(SMALL)) is None  # another format: not loaded
    path.write_bytes(b"not a zip file")
    monkeypatch.setattr(tone, "_TRAINED", {})
    again = train_tone(tmp_path, SMALL)
    assert again.terms == model.terms and path.stat().st_size > 1000


def test_a_model_fitted_once_in_a_process_is_not_fitted_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = default_tone()
    monkeypatch.setattr(tone, "_fit", _no_fit)
    assert train_tone() is model or train_tone().version == model.version


def test_the_shipped_model_trains_fast_enough() -> None:
    monkeypatch_memo: dict = {}
    start = time.perf_counter()
    tone._fit(load_examples(), "timing")
    assert time.perf_counter() - start < 30  # ~2-4 s on two cores; generous for busy CI
    assert not monkeypatch_memo


# --- reading notes ------------------------------------------------------------------


def test_a_harmful_note_is_explained_by_its_worst_sentences() -> None:
    note = (
        "Hi Maya,\n\nThank you for letting me know, and for the interview on Tuesday. "
        "I'm sure the person you picked knows all the right people. "
        "I hope the project goes well.\n\nAlex"
    )
    reading = default_tone().read(note)
    assert reading.harmful
    worst = reading.worst()
    assert worst[0].text == "I'm sure the person you picked knows all the right people."
    assert all(s.harm >= tone.HARM for s in worst) and len(worst) <= 2
    [trigger] = [t for t in harsh_tone(note) if "right people" in t]
    assert "reads as" in trigger


def test_a_gracious_note_reads_as_gracious() -> None:
    note = (
        "Hi Maya,\n\nThank you for letting me know, and for the interview on Tuesday. "
        "I really enjoyed meeting the team. Please keep me in mind for future roles.\n\nAlex"
    )
    reading = default_tone().read(note)
    assert not reading.harmful and harsh_tone(note) == []


def test_reading_a_note_is_fast() -> None:
    model = default_tone()
    notes = [json.loads(line)["text"] for line in (DEV / "written.jsonl").read_text().splitlines()]
    start = time.perf_counter()
    for text in notes:
        model.read(text)
    assert (time.perf_counter() - start) / len(notes) < 0.005
