"""The sentence splitter: spans that point back into the text, on untidy email text."""

from __future__ import annotations

import pytest

from gracefully.understand import sentences
from gracefully.understand.sentences import MAX_SENTENCE, split

CASES = [
    (
        "Hi Sam,\n\nThanks for applying to Brightfold. We chose another path.\n\nBest,\nRita Moss",
        [
            "Hi Sam,",
            "Thanks for applying to Brightfold.",
            "We chose another path.",
            "Best,",
            "Rita Moss",
        ],
    ),
    (
        "We regret that\nwe cannot move forward. Good luck!",
        ["We regret that\nwe cannot move forward.", "Good luck!"],
    ),
    (
        "Next steps:\n- update your profile\n* check the portal\n• apply again",
        ["Next steps:", "- update your profile", "* check the portal", "• apply again"],
    ),
    (
        "The Sr. Data Engineer role at Quillon Inc. was closed. Thanks",
        ["The Sr. Data Engineer role at Quillon Inc. was closed.", "Thanks"],
    ),
    ("Flattened text | Careers | Privacy", ["Flattened text", "Careers", "Privacy"]),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_finds_the_sentences(text: str, expected: list[str]) -> None:
    assert [sentence for _, _, sentence in split(text)] == expected


@pytest.mark.parametrize("text", [text for text, _ in CASES])
def test_every_span_is_the_text_at_its_offsets(text: str) -> None:
    for start, end, sentence in split(text):
        assert text[start:end] == sentence
        assert sentence == sentence.strip() and sentence


def test_a_long_run_without_punctuation_is_cut_and_capped() -> None:
    text = "word " * 2000
    spans = split(text, limit=3000)
    assert all(len(sentence) <= MAX_SENTENCE for _, _, sentence in spans)
    assert spans[-1][1] <= 3000
    assert all(text[start:end] == sentence for start, end, sentence in spans)


def test_a_text_is_split_once_while_remembering(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = sentences._split

    def counted(text: str) -> tuple[sentences.Span, ...]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(sentences, "_split", counted)
    text = "Thanks for applying. We chose another path."
    with sentences.remembering():
        first = split(text)
        first.clear()  # a caller's list is its own
        assert split(text) == split(text, limit=4000) != []
    assert len(calls) == 1
    split(text)
    assert len(calls) == 2  # the memory ended with the block
