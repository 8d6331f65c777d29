"""split_quoted(): new text vs quoted history vs signature."""

from __future__ import annotations

import pytest

from gracefully.ingest import split_quoted
from tests.ingest.support import decoded


def test_gmail_reply_wrapped_over_two_lines() -> None:
    email = decoded("reply_quoted.eml")
    assert email.new_text == (
        "Hi Jordan,\n\nHappy to share: the panel wanted more experience with load testing tools."
        "\n\nThanks,\nCasey"
    )
    assert "Would you be open" not in email.new_text
    assert email.text == email.new_text


def test_outlook_block_and_separator_are_cut() -> None:
    email = decoded("outlook_reply.eml")
    assert email.new_text == (
        "Jordan, we do not share individual feedback, but please apply again next year."
    )


def test_signature_after_sign_off_keeps_the_name() -> None:
    email = decoded("rejection_plain.eml")
    assert email.new_text.endswith("Best regards,\nSam Ortiz")
    assert "From our conversations, your SQL exercise" in email.new_text
    assert email.signature == "Talent Partner, Northwind Analytics\n+1 555 0100"


def test_forward_keeps_the_forwarded_rejection() -> None:
    email = decoded("forwarded_inline.eml")
    assert email.new_text.startswith("saving this one")
    assert "decided to offer the QA Lead role to someone else" in email.new_text
    assert "From: Casey Nguyen <casey@tailspin-toys.example>" in email.new_text
    assert email.new_text.endswith("Warm regards,\nCasey Nguyen")
    assert email.signature == "Recruiter, Tailspin Toys"


@pytest.mark.parametrize(
    "history",
    [
        "On Tue, 4 Feb 2025 at 09:00, Jordan Avery <j@example.org> wrote:\n> old text",
        "Le mar. 4 févr. 2025 à 09:00, Jordan Avery <j@example.org> a écrit :\n> old text",
        "Am Di., 4. Feb. 2025 um 09:00 Uhr schrieb Jordan Avery <j@example.org>:\n> old text",
        "-----Original Message-----\nFrom: Jordan Avery\nSent: Tuesday\nSubject: old text",
        "From: Jordan Avery <j@example.org>\nSent: Tuesday, 4 February 2025 09:00\nTo: Sam\n"
        "Subject: Re: old text\n\nold text",
        "De : Jordan Avery <j@example.org>\nEnvoyé : mardi 4 février 2025 09:00\nold text",
        "> old text\n> more old text",
    ],
)
def test_quote_headers_of_common_clients(history: str) -> None:
    new, signature = split_quoted(f"We would love to talk again in spring.\n\n{history}\n")
    assert new == "We would love to talk again in spring."
    assert signature == ""
    assert "old text" not in new


@pytest.mark.parametrize(
    ("text", "new", "signature"),
    [
        (
            "Thanks for applying.\n-- \nAdatum Careers\nwww.adatum.example",
            "Thanks for applying.",
            "-- \nAdatum Careers\nwww.adatum.example",
        ),
        ("Call me Friday?\n\nSent from my iPhone", "Call me Friday?", "Sent from my iPhone"),
        (
            "We chose another candidate.\n\nKind regards,\nDana Brooks\nHead of Talent\nAdatum",
            "We chose another candidate.\n\nKind regards,\nDana Brooks",
            "Head of Talent\nAdatum",
        ),
        (
            "Merci pour votre temps.\n\nCordialement,\nRenée Lefèvre\nRecrutement",
            "Merci pour votre temps.\n\nCordialement,\nRenée Lefèvre",
            "Recrutement",
        ),
    ],
)
def test_signatures(text: str, new: str, signature: str) -> None:
    assert split_quoted(text) == (new, signature)


def test_sentence_that_starts_like_a_sign_off_is_not_one() -> None:
    text = "Thank you for your interest in Northwind.\nWe will keep your CV on file.\nSam"
    assert split_quoted(text) == (text, "")


def test_inline_quoted_lines_are_dropped_but_answers_kept() -> None:
    text = "> Is the role still open?\nNo, it closed last week.\n> Any other roles?\nYes, QA."
    assert split_quoted(text) == ("No, it closed last week.\nYes, QA.", "")


def test_text_without_quotes_is_unchanged() -> None:
    text = "On behalf of the whole team, thank you.\nWe wrote to every candidate today."
    assert split_quoted(text) == (text, "")
