"""ImapSource and connect() against the real Dovecot: TLS, clear errors, positions."""

# ruff: noqa: F811  (pytest fixtures are imported, then requested by name)
from __future__ import annotations

import pytest
from imapclient import IMAPClient

from gracefully.domain.accounts import Account, FolderMark, Security
from gracefully.ingest import imap
from tests.services.dovecot import DovecotServer, ImapAccount
from tests.services.imap_sync import (  # noqa: F401
    dovecot,
    imap_account,
    make_account,
    mixed_mail,
    test_ca,
)
from tests.services.tls import TestCA

pytestmark = pytest.mark.services


def _source(account: Account, password: str, **kw: object) -> imap.ImapSource:
    return imap.ImapSource(account, lambda: imap.connect(account, password), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("security", [Security.TLS, Security.STARTTLS])
def test_reads_over_tls_headers_first(
    dovecot: DovecotServer, imap_account: ImapAccount, test_ca: TestCA, security: Security
) -> None:
    dovecot.append(imap_account, "INBOX", mixed_mail(8))
    port = imap_account.tls_port if security is Security.TLS else imap_account.port
    account = make_account(imap_account, test_ca, security=security, port=port)
    positions: list[imap.Position] = []
    source = _source(account, imap_account.password, on_position=positions.append, batch=3)
    assert source.estimate() == 8
    messages = list(source)
    validity = positions[0].uidvalidity
    assert [m.ref for m in messages] == [f"imap:work/INBOX/{validity}/{u}" for u in range(1, 9)]
    bodies = [m for m in messages if b"move forward with other candidates" in m.data]
    assert len(bodies) == 2  # the job mail (uids 1 and 5); receipts came header only
    receipts = messages[1:4]
    assert all(b"Subject: Your order" in m.data and b"on its way" not in m.data for m in receipts)
    assert [p.uid for p in positions if p.yielded] == list(range(1, 9))
    assert positions[-1] == imap.Position("INBOX", validity, 8, False)


def test_starts_after_the_mark(
    dovecot: DovecotServer, imap_account: ImapAccount, test_ca: TestCA
) -> None:
    dovecot.append(imap_account, "INBOX", mixed_mail(6))
    validity = dovecot.uidvalidity(imap_account.username, "INBOX")
    account = make_account(imap_account, test_ca)
    marks = {"INBOX": FolderMark("INBOX", validity, 4)}
    source = _source(account, imap_account.password, marks=marks)
    assert [m.ref.rsplit("/", 1)[1] for m in source] == ["5", "6"]


def test_bad_password_is_a_clear_error(imap_account: ImapAccount, test_ca: TestCA) -> None:
    account = make_account(imap_account, test_ca)
    with pytest.raises(imap.ImapAuthError, match=r"refused the login.*app password"):
        imap.connect(account, "not-the-password")


def test_tls_to_a_plain_port_is_a_clear_error(imap_account: ImapAccount, test_ca: TestCA) -> None:
    account = make_account(imap_account, test_ca, port=imap_account.port)
    with pytest.raises(imap.ImapTlsError, match=r"TLS with .* failed"):
        imap.connect(account, imap_account.password)


def test_untrusted_certificate_is_refused(imap_account: ImapAccount, test_ca: TestCA) -> None:
    account = make_account(imap_account, test_ca, ca_file=None)
    with pytest.raises(imap.ImapTlsError):
        imap.connect(account, imap_account.password)


def test_unreachable_server(imap_account: ImapAccount, test_ca: TestCA) -> None:
    account = make_account(imap_account, test_ca, port=1)
    with pytest.raises(imap.ImapUnreachable, match="cannot reach"):
        imap.connect(account, imap_account.password)


def test_plain_text_only_to_localhost(imap_account: ImapAccount, test_ca: TestCA) -> None:
    remote = make_account(
        imap_account, test_ca, host="mail.example.org", security=Security.PLAIN_LOCALHOST
    )
    with pytest.raises(imap.ImapTlsError, match="without TLS"):
        imap.connect(remote, "secret")
    local = make_account(
        imap_account, test_ca, port=imap_account.port, security=Security.PLAIN_LOCALHOST
    )
    imap.connect(local, imap_account.password).logout()


def test_missing_folder_named_with_the_ones_there(
    imap_account: ImapAccount, test_ca: TestCA
) -> None:
    client = imap.connect(make_account(imap_account, test_ca), imap_account.password)
    with pytest.raises(imap.ImapFolderMissing, match=r"'Jobs' does not exist.*Archive"):
        imap.folder_counts(client, ("INBOX", "Jobs"))
    client.logout()


def test_a_kick_during_idle_is_a_lost_connection(
    dovecot: DovecotServer, imap_account: ImapAccount, test_ca: TestCA
) -> None:
    """The server ending the session (here `doveadm kick`) is retried by a watcher,
    so it must surface as `ImapConnectionLost`, not a raw imapclient error."""
    client = imap.connect(make_account(imap_account, test_ca), imap_account.password)
    start_idle = client.idle

    def idle_then_kick() -> None:
        start_idle()
        dovecot.doveadm("kick", imap_account.username)

    client.idle = idle_then_kick  # type: ignore[method-assign]
    with pytest.raises(imap.ImapConnectionLost, match="waiting for mail"):
        imap.wait_for_mail(client, "INBOX", 30)


def test_a_kick_before_the_search_is_a_lost_connection(
    dovecot: DovecotServer, imap_account: ImapAccount, test_ca: TestCA
) -> None:
    account = make_account(imap_account, test_ca)

    def kicked_after_select() -> IMAPClient:
        client = imap.connect(account, imap_account.password)
        select = client.select_folder

        def select_then_kick(*args: object, **kw: object) -> dict:
            info = select(*args, **kw)  # type: ignore[arg-type]
            dovecot.doveadm("kick", imap_account.username)
            return info

        client.select_folder = select_then_kick  # type: ignore[method-assign]
        return client

    with pytest.raises(imap.ImapConnectionLost, match="run the sync again"):
        imap.ImapSource(account, kicked_after_select).estimate()
