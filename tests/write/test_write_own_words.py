"""Only what the user wrote is judged: quoted mail and signatures are cut off."""

from __future__ import annotations

import pytest

from gracefully.write.own_words import own_words

NOTE = "Hi Maya,\n\nThank you for letting me know.\n\nBest,\nAlex"
KEPT = "Hi Maya,\n\nThank you for letting me know.\n\nBest,"
"""The name under the sign-off is signature: it goes with the rest of it."""


@pytest.mark.parametrize(
    "tail",
    [
        "\n\nOn Tue, 4 Mar 2025 at 10:12, Maya Ortiz <maya@northwind.example> wrote:\n"
        "> We will not reconsider.",
        "\n\nOn Tue, 4 Mar 2025 at 10:12, Maya Ortiz <\nmaya@northwind.example> wrote:\n> No.",
        "\n\n-----Original Message-----\nFrom: Maya\nSent: Monday\nWe will not reconsider.",
        "\n\n________________________________\nFrom: Maya Ortiz\nSent: 12 March\nDear Alex,",
        "\n\nFrom: Maya Ortiz <maya@northwind.example>\nSent: 12 March 2025\nTo: Alex\nNo.",
        "\n\nAm Mo., 10. März 2025 um 09:15 Uhr schrieb Maya Ortiz <maya@x.example>:\n> Nein.",
        "\nData Analyst at Fabrikam\nPlease consider the environment before printing.",
        "\n-- \nAlex Rivera | Would you like to see my portfolio?",
    ],
)
def test_quoted_mail_and_signature_are_cut(tail: str) -> None:
    assert own_words(NOTE + tail) == KEPT


def test_quoted_lines_inside_the_note_are_dropped() -> None:
    text = "Hi Maya,\n> you said no feedback\nThank you anyway."
    assert own_words(text) == "Hi Maya,\nThank you anyway."


def test_the_sign_off_and_a_postscript_stay() -> None:
    text = NOTE + "\nData Analyst at Fabrikam\n\nP.S. I'd welcome any feedback."
    assert own_words(text) == KEPT + "\n\nP.S. I'd welcome any feedback."


def test_a_note_without_sign_off_or_quote_is_kept_whole() -> None:
    text = "Dear Tomas, thank you for the update. Regards, Mei"
    assert own_words(text) == text


def test_without_a_sign_off_the_signature_starts_at_the_bare_name() -> None:
    text = "Hi Maya,\n\nThank you, and keep me in mind.\n\nAlex Rivera\nData Analyst at Fabrikam"
    assert own_words(text) == "Hi Maya,\n\nThank you, and keep me in mind."


def test_a_thank_you_line_at_the_top_is_not_where_the_note_ends() -> None:
    note = (
        "Hi Maya,\n\nThank you.\n\n"
        "I still think the panel judged my portfolio unfairly and I would like you to look again "
        "at the decision.\nIt was not a fair process and the questions were badly chosen.\n"
        "Please send me the scores.\nI will wait for your answer.\nSam Rivera\n"
    )
    kept = own_words(note)
    assert "judged my portfolio unfairly" in kept and "badly chosen" in kept
