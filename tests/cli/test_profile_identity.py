"""`gracefully profile` shows which addresses are read as yours, and takes your word on them."""

from __future__ import annotations

import re

from tests.cli.conftest import Invoke

from gracefully.samples import demo_mailbox


def test_the_profile_shows_the_address_learnt_from_the_mail(invoke: Invoke) -> None:
    invoke("scan", str(demo_mailbox()))
    shown = invoke("profile").output
    assert re.search(r"address: sam\.rivera@example\.net \(yours; received \d+ messages", shown)
    assert "drafts are signed 'Sam Rivera'" in shown  # the name the mail gives, until set


def test_an_address_ruled_out_is_no_longer_yours(invoke: Invoke) -> None:
    invoke("scan", str(demo_mailbox()))
    out = invoke("profile", "--not-mine", "sam.rivera@example.net").output
    assert "sam.rivera@example.net (not yours; you said it is not yours)" in out
    back = invoke("profile", "--mine", "Sam.Rivera@example.net").output
    assert "sam.rivera@example.net (yours; you said it is yours)" in back


def test_a_word_that_is_no_address_is_refused(invoke: Invoke) -> None:
    result = invoke("profile", "--mine", "sam")
    assert result.exit_code == 1
    assert "not an email address" in result.output
