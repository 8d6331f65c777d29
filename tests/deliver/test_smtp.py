"""SmtpDeliverer against a real aiosmtpd: plain (localhost only), STARTTLS, TLS."""

from __future__ import annotations

import base64
import logging
from datetime import UTC, datetime

import pytest

from gracefully.deliver import (
    DeliveryError,
    DeliveryInDoubt,
    InsecureTransportError,
    SmtpDeliverer,
    build_message,
    message_bytes,
)
from tests.deliver.faulty_smtp import FaultySmtp, faulty_smtp
from tests.deliver.support import (
    BODY,
    EARLIER_ID,
    EXPECTED_HEADERS,
    REJECTION_ID,
    SENDER,
    header_names,
    make_draft,
    parse,
    text,
)
from tests.services.smtp import SmtpServer
from tests.services.tls import TestCA

pytestmark = pytest.mark.services

WHEN = datetime(2025, 3, 4, 8, 30, tzinfo=UTC)


def deliverer(server: SmtpServer, security: str, ca: TestCA | None = None) -> SmtpDeliverer:
    return SmtpDeliverer(
        server.host,
        server.port,
        server.username,
        server.password,
        security=security,
        ssl_context=ca.client_context() if ca else None,
        timeout=10,
    )


def test_plain_localhost_delivers_the_exact_message(smtp_server: SmtpServer) -> None:
    message = build_message(make_draft(), SENDER, message_id="<fu-21@example.net>", date=WHEN)

    receipt = deliverer(smtp_server, "plain-localhost").deliver(message)

    (mail,) = smtp_server.received
    assert receipt.message_id == "<fu-21@example.net>"
    assert receipt.recipients == ("priya.hale@lanternworks.example",)
    assert receipt.destination == f"smtp://127.0.0.1:{smtp_server.port}"
    assert mail.mail_from == SENDER.email
    assert mail.rcpt_tos == ("priya.hale@lanternworks.example",)
    assert mail.login == smtp_server.username
    assert not mail.encrypted
    assert mail.data.rstrip(b"\r\n") == message_bytes(message).rstrip(b"\r\n")
    arrived = mail.message()
    assert arrived["Message-ID"] == "<fu-21@example.net>"
    assert arrived["In-Reply-To"] == REJECTION_ID
    assert arrived["References"] == f"{EARLIER_ID} {REJECTION_ID}"
    assert arrived["Subject"] == "Re: Your application for Data Analyst"
    assert text(arrived) == BODY


def test_starttls_is_the_default_and_really_encrypts(
    smtp_starttls_server: SmtpServer, test_ca: TestCA
) -> None:
    sender = SmtpDeliverer(
        smtp_starttls_server.host,
        smtp_starttls_server.port,
        smtp_starttls_server.username,
        smtp_starttls_server.password,
        ssl_context=test_ca.client_context(),
    )
    receipt = sender.deliver(build_message(make_draft(), SENDER, message_id="<fu-22@example.net>"))

    (mail,) = smtp_starttls_server.received
    assert mail.encrypted and mail.login == smtp_starttls_server.username
    assert mail.message()["Message-ID"] == receipt.message_id == "<fu-22@example.net>"


def test_implicit_tls(smtp_tls_server: SmtpServer, test_ca: TestCA) -> None:
    deliverer(smtp_tls_server, "tls", test_ca).deliver(build_message(make_draft(), SENDER))
    (mail,) = smtp_tls_server.received
    assert mail.encrypted
    assert text(mail.message()) == BODY


def test_injection_attempts_arrive_as_one_recipient_and_no_extra_headers(
    smtp_server: SmtpServer,
) -> None:
    draft = make_draft(
        to_name="Priya\r\nBcc: spy@evil.example",
        subject="=?utf-8?q?Re:_hello=0D=0ABcc:_spy@evil.example?=",
        in_reply_to="<ok@example.org>\r\nBcc: spy@evil.example",
    )
    deliverer(smtp_server, "plain-localhost").deliver(build_message(draft, SENDER))

    (mail,) = smtp_server.received
    assert mail.rcpt_tos == ("priya.hale@lanternworks.example",)
    assert header_names(mail.data) == [h for h in EXPECTED_HEADERS if h != "in-reply-to"]
    arrived = parse(mail.data)
    assert arrived["In-Reply-To"] is None
    assert arrived["Subject"] == "Re: hello Bcc: spy@evil.example"


def test_an_untrusted_certificate_is_refused(smtp_starttls_server: SmtpServer) -> None:
    with pytest.raises(DeliveryError, match="certificate"):
        deliverer(smtp_starttls_server, "starttls").deliver(build_message(make_draft(), SENDER))
    assert smtp_starttls_server.received == []


def test_starttls_missing_is_an_error_not_a_downgrade(smtp_server: SmtpServer) -> None:
    with pytest.raises(DeliveryError, match="does not offer STARTTLS"):
        deliverer(smtp_server, "starttls").deliver(build_message(make_draft(), SENDER))
    assert smtp_server.received == []


@pytest.mark.parametrize("host", ["smtp.example.org", "10.1.2.3", "localhost.example.org", "::2"])
def test_plain_text_is_refused_for_any_other_host(host: str) -> None:
    with pytest.raises(InsecureTransportError, match="only allowed to localhost"):
        SmtpDeliverer(host, 25, "me", "secret", security="plain-localhost")


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.0.0.2", "::1", "[::1]"])
def test_plain_text_is_allowed_for_loopback(host: str) -> None:
    assert SmtpDeliverer(host, 25, security="plain-localhost").mode == "plain-localhost"


def test_unknown_security_is_refused() -> None:
    with pytest.raises(ValueError, match="ssl"):
        SmtpDeliverer("smtp.example.org", 465, security="ssl")


def test_a_wrong_password_gives_a_clear_error_without_the_password(
    smtp_server: SmtpServer,
) -> None:
    wrong = SmtpDeliverer(
        smtp_server.host, smtp_server.port, smtp_server.username, "hunter2-wrong", "plain-localhost"
    )
    with pytest.raises(DeliveryError, match="refused the login") as caught:
        wrong.deliver(build_message(make_draft(), SENDER))
    assert "hunter2-wrong" not in str(caught.value)
    assert smtp_server.received == []


def test_a_message_without_recipient_or_message_id_is_not_sent(smtp_server: SmtpServer) -> None:
    sender = deliverer(smtp_server, "plain-localhost")
    with pytest.raises(DeliveryError, match="no recipient"):
        sender.deliver(build_message(make_draft(to_email=None), SENDER))
    anonymous = build_message(make_draft(), SENDER)
    del anonymous["Message-ID"]
    with pytest.raises(DeliveryError, match="Message-ID"):
        sender.deliver(anonymous)
    assert smtp_server.received == []


def test_the_password_never_shows_in_repr_or_logs(
    smtp_starttls_server: SmtpServer, test_ca: TestCA, caplog: pytest.LogCaptureFixture
) -> None:
    sender = deliverer(smtp_starttls_server, "starttls", test_ca)
    password = smtp_starttls_server.password
    auth_blob = base64.b64encode(f"\0{sender.username}\0{password}".encode()).decode()
    assert password not in repr(sender) and password not in str(sender)

    with caplog.at_level(logging.DEBUG):
        sender.deliver(build_message(make_draft(), SENDER))

    assert smtp_starttls_server.received, "the delivery itself must have happened"
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert caplog.records, "debug logging was captured"
    assert password not in logged
    assert auth_blob not in logged


def plain(server: FaultySmtp) -> SmtpDeliverer:
    return SmtpDeliverer(server.host, server.port, None, None, "plain-localhost", timeout=10)


def test_an_error_saying_goodbye_after_the_server_took_the_message_is_a_success() -> None:
    message = build_message(make_draft(), SENDER, message_id="<fu-31@example.net>", date=WHEN)
    with faulty_smtp(bad_quit=True) as server:
        receipt = plain(server).deliver(message)
    assert receipt.recipients == ("priya.hale@lanternworks.example",)
    assert len(server.messages) == 1


def test_a_connection_lost_after_the_final_dot_is_in_doubt_not_failed() -> None:
    message = build_message(make_draft(), SENDER, message_id="<fu-32@example.net>", date=WHEN)
    with (
        faulty_smtp(drop_after_data=True) as server,
        pytest.raises(DeliveryInDoubt, match="may or may not"),
    ):
        plain(server).deliver(message)
    assert len(server.messages) == 1
