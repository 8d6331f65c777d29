"""The header pre-filter: written everyday mail is skipped, written job mail never is."""

from __future__ import annotations

import pytest

from gracefully.ingest.prefilter import KEEP, SKIP, judge, needs_body

BULK = "List-Unsubscribe: <mailto:leave@list.example>\r\n"


def head(subject: str, sender: str, extra: str = "") -> bytes:
    return f"From: {sender}\r\nSubject: {subject}\r\n{extra}\r\n".encode()


EVERYDAY = [
    ("Your order 5521 has shipped", "Pebble Street Books <orders@pebblestreet.example>", ""),
    ("Receipt for your payment", "billing@cloudnest.example", ""),
    ("Your verification code", "Nimbus <no-reply@nimbus.example>", ""),
    ("Weekly digest: 12 new posts", "digest@gardenclub.example", ""),
    ("Ferris mentioned you in a comment", "notify@chatterbox.example", ""),
    ("Spring sale: 30% off everything", "Maple Outfitters <hello@maple.example>", ""),
    ("The March newsletter", "news@riverside-library.example", ""),
    ("Tickets for Saturday are ready", "Lantern Theatre <box@lantern.example>", BULK),
    ("Reset your password", "Orbit Mail <accounts@orbit.example>", ""),
    # a platform word is a whole word, and a bulk-mail service is no job platform
    ("Spring sale: 20% off", "Ottawa Outfitters <hello@ottawa-outfitters.example>", ""),
    ("Your receipt", "Maple <bounces+77@em.sendgrid.net>", ""),
]

JOB = [
    ("Your application to Harbor & Vale", "no-reply@harborvale.example", BULK),
    ("Update on your candidacy", "Quillon Talent <talent@quillon.example>", BULK),
    ("Thank you from Brightwater", "careers@brightwater.example", BULK),
    ("Interview availability", "Mara Lindqvist <mara@harborvale.example>", ""),
    ("Data Analyst - Northbeam", "notifications@greenhouse.example", BULK),
    ("Re: our conversation last week", "Jonas Petrak <jonas@orbitworks.example>", BULK),
    ("Your order of events for the onsite", "Oksana Bryl <oksana@tallyho.example>", ""),
    ("A note from the Fernhill team", "Fernhill <team@fernhill.example>", BULK),
    ("Product Designer internship", "Ada Reyes <ada@pinefold.example>", BULK),
    # any platform of gracefully.knowledge keeps the body, whatever the subject says
    ("Your weekly digest", "Northbeam via Greenhouse <no-reply@greenhouse.io>", BULK),
    ("Weekly digest", "ASML <asml@csodmail.com>", BULK),
    ("Weekly digest", "Notifications <automationmanager@brassring.com>", BULK),
    ("Your weekly digest", "LinkedIn <jobs-noreply@linkedin.com>", BULK),
    ("The March newsletter", "Fernhill People <people@fernhill.example>", BULK),
]


@pytest.mark.parametrize(("subject", "sender", "extra"), EVERYDAY)
def test_everyday_mail_is_skipped(subject: str, sender: str, extra: str) -> None:
    verdict = judge(head(subject, sender, extra))
    assert verdict.skip, verdict
    assert verdict.rule in {r.name for r in SKIP}


@pytest.mark.parametrize(("subject", "sender", "extra"), JOB)
def test_job_mail_keeps_its_body(subject: str, sender: str, extra: str) -> None:
    verdict = judge(head(subject, sender, extra))
    assert not verdict.skip
    assert verdict.rule in {r.name for r in KEEP}


def test_no_subject_is_never_skipped() -> None:
    assert needs_body(head("", "orders@pebblestreet.example", BULK))


def test_personal_mail_without_any_signal_is_fetched() -> None:
    assert (
        judge(head("Dinner on Saturday?", "Ferris Ngata <ferris@mail.example>")).rule == "no rule"
    )


def test_encoded_subjects_are_decoded_before_matching() -> None:
    encoded = "=?utf-8?q?Votre_candidature_=C3=A0_Lumi=C3=A8re?="
    assert not judge(head(encoded, "rh@lumiere.example", BULK)).skip
