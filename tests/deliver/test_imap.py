"""ImapDraftsDeliverer against a real Dovecot: the draft lands in the \\Drafts folder."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from gracefully.deliver import DeliveryError, ImapDraftsDeliverer, build_message, message_bytes
from tests.deliver.support import (
    BODY,
    EARLIER_ID,
    REJECTION_ID,
    SENDER,
    header_names,
    make_draft,
    parse,
    text,
)
from tests.services.dovecot import DovecotServer, ImapAccount
from tests.services.tls import TestCA

pytestmark = pytest.mark.services

WHEN = datetime(2025, 3, 4, 8, 30, tzinfo=UTC)


def saver(
    account: ImapAccount, security: str, ca: TestCA | None = None, folder: str | None = None
) -> ImapDraftsDeliverer:
    port = account.tls_port if security == "tls" else account.port
    context = ca.client_context() if ca else None
    return ImapDraftsDeliverer(
        account.host, port, account.username, account.password, security, context, 10, folder
    )


def fetch_all(account: ImapAccount, folder: str) -> dict[int, dict[bytes, object]]:
    with account.connect() as client:
        client.select_folder(folder, readonly=True)
        return client.fetch(client.search("ALL"), ["FLAGS", "BODY.PEEK[]"])


def test_a_draft_is_saved_to_the_special_use_drafts_folder(imap_account: ImapAccount) -> None:
    message = build_message(make_draft(), SENDER, message_id="<fu-31@example.net>", date=WHEN)

    receipt = saver(imap_account, "plain-localhost").deliver(message)

    ((uid, item),) = fetch_all(imap_account, "Drafts").items()
    assert receipt.uid == uid
    assert receipt.destination.endswith("/Drafts")
    assert receipt.message_id == "<fu-31@example.net>"
    assert b"\\Draft" in item[b"FLAGS"]
    raw = item[b"BODY[]"]
    assert raw == message_bytes(message)
    saved = parse(raw)
    assert header_names(raw).count("to") == 1
    assert saved["In-Reply-To"] == REJECTION_ID
    assert saved["References"] == f"{EARLIER_ID} {REJECTION_ID}"
    assert saved["Subject"] == "Re: Your application for Data Analyst"
    assert text(saved) == BODY
    assert fetch_all(imap_account, "INBOX") == {}


def test_starttls_is_the_default(imap_account: ImapAccount, test_ca: TestCA) -> None:
    deliverer = ImapDraftsDeliverer(
        imap_account.host,
        imap_account.port,
        imap_account.username,
        imap_account.password,
        ssl_context=test_ca.client_context(),
    )
    deliverer.deliver(build_message(make_draft(), SENDER))
    assert len(fetch_all(imap_account, "Drafts")) == 1


def test_implicit_tls(imap_account: ImapAccount, test_ca: TestCA) -> None:
    saver(imap_account, "tls", test_ca).deliver(build_message(make_draft(), SENDER))
    assert len(fetch_all(imap_account, "Drafts")) == 1


def test_an_untrusted_certificate_is_refused(imap_account: ImapAccount) -> None:
    with pytest.raises(DeliveryError, match="certificate"):
        saver(imap_account, "tls").deliver(build_message(make_draft(), SENDER))
    assert fetch_all(imap_account, "Drafts") == {}


def test_an_explicit_folder_wins(imap_account: ImapAccount) -> None:
    saver(imap_account, "plain-localhost", folder="Archive").deliver(
        build_message(make_draft(), SENDER)
    )
    assert len(fetch_all(imap_account, "Archive")) == 1
    assert fetch_all(imap_account, "Drafts") == {}


def test_a_wrong_password_gives_a_clear_error(imap_account: ImapAccount) -> None:
    wrong = ImapDraftsDeliverer(
        imap_account.host, imap_account.port, imap_account.username, "nope", "plain-localhost"
    )
    with pytest.raises(DeliveryError, match="refused the login"):
        wrong.deliver(build_message(make_draft(), SENDER))


def test_the_password_never_shows_in_logs(
    imap_account: ImapAccount, caplog: pytest.LogCaptureFixture
) -> None:
    deliverer = saver(imap_account, "plain-localhost")
    assert imap_account.password not in repr(deliverer)
    with caplog.at_level(logging.DEBUG):
        deliverer.deliver(build_message(make_draft(), SENDER))
    assert any("LOGIN" in r.getMessage() for r in caplog.records), "IMAP commands were logged"
    assert imap_account.password not in caplog.text
    assert imap_account.password not in "".join(str(r.args) for r in caplog.records)


@pytest.fixture(scope="module")
def localised_dovecot() -> Iterator[DovecotServer]:
    """A server whose drafts folder is called Brouillons, and only once created."""
    with DovecotServer(mailboxes={"Brouillons": "\\Drafts"}, autocreate=False) as server:
        yield server


def test_the_folder_is_found_by_its_special_use_not_its_name(
    localised_dovecot: DovecotServer,
) -> None:
    account = localised_dovecot.add_user()
    with account.connect() as client:
        client.create_folder("Brouillons")
    receipt = saver(account, "plain-localhost").deliver(build_message(make_draft(), SENDER))
    assert receipt.destination.endswith("/Brouillons")
    assert len(fetch_all(account, "Brouillons")) == 1


def test_no_drafts_folder_is_a_clear_error(localised_dovecot: DovecotServer) -> None:
    account = localised_dovecot.add_user()
    with pytest.raises(DeliveryError, match="no Drafts folder"):
        saver(account, "plain-localhost").deliver(build_message(make_draft(), SENDER))


def test_without_special_use_a_folder_named_drafts_is_used(
    localised_dovecot: DovecotServer,
) -> None:
    account = localised_dovecot.add_user()
    with account.connect() as client:
        client.create_folder("Drafts")
        assert all(b"\\Drafts" not in flags for flags, _, _ in client.list_folders())
    receipt = saver(account, "plain-localhost").deliver(build_message(make_draft(), SENDER))
    assert receipt.destination.endswith("/Drafts")
    assert len(fetch_all(account, "Drafts")) == 1
