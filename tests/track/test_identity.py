"""The user's own addresses, learnt from what the mailbox shows."""

from __future__ import annotations

from gracefully.domain import Address, AddressTally, Contact, Email
from gracefully.track.identity import Identity, in_sent_folder, observe, own_addresses

NOOR = Address("Noor Halvorsen", "noor@postbox.example")


def _mail(n: int, to: tuple[Address, ...] = (NOOR,), **kw: object) -> Email:
    fields: dict[str, object] = {
        "id": f"<m{n}@x>",
        "subject": f"Update {n}",
        "sender": Address("Dana", f"dana{n}@acme.example"),
        "date": None,
        "body": "Hello",
        "to": to,
    }
    fields.update(kw)
    return Email(**fields)  # type: ignore[arg-type]


def test_the_address_that_receives_the_mail_is_the_users() -> None:
    friend = Address("Ben", "ben@mail.example")
    emails = [_mail(n) for n in range(10)] + [_mail(10, to=(NOOR, friend))]
    tally = observe(emails, frozenset())
    assert own_addresses(tally) == {"noor@postbox.example"}


def test_a_few_messages_are_not_enough() -> None:
    tally = observe([_mail(1), _mail(2)], frozenset())
    assert own_addresses(tally) == frozenset()


def test_the_sent_folder_shows_the_user_and_its_recipients_are_not_counted() -> None:
    sent = _mail(1, sender=NOOR, to=(Address("", "hr@acme.example"),), source="maildir:/m/.Sent/1")
    tally = observe([sent], frozenset())
    assert own_addresses(tally) == {"noor@postbox.example"}
    assert tally.received == {}


def test_list_mail_and_the_users_own_mail_do_not_count_as_received() -> None:
    listed = _mail(1, to=(Address("", "list@groups.example"),), headers={"List-Id": "<l.x>"})
    own = _mail(2, sender=NOOR, to=(Address("", "hr@acme.example"),))
    tally = observe([listed, own], frozenset({"noor@postbox.example"}))
    assert tally.messages == 0


def test_the_user_can_rule_an_address_in_or_out() -> None:
    tally = observe([_mail(n) for n in range(5)], frozenset())
    assert own_addresses(tally, not_mine=frozenset({"noor@postbox.example"})) == frozenset()
    assert "me@work.example" in own_addresses(AddressTally(), mine=frozenset({"me@work.example"}))


def test_sent_folders_by_their_usual_names() -> None:
    for source in ("imap:acct/Sent Items/4", "imap:acct/[Gmail]/Sent Mail/9", "maildir:/m/.Sent/k"):
        assert in_sent_folder(_mail(1, source=source)), source
    assert in_sent_folder(_mail(1, headers={"X-Gmail-Labels": "Inbox,Sent"}))
    for source in ("imap:acct/INBOX/4", "maildir:/m/.Consent/k", "mbox:/m/sentinel#12"):
        assert not in_sent_folder(_mail(1, source=source)), source


def test_the_user_is_never_a_contact() -> None:
    tally = observe([_mail(n) for n in range(5)], frozenset())
    user = Identity.of(tally, own_addresses(tally))
    assert user.is_user(Contact("Noor", "NOOR@postbox.example"))
    assert user.is_user(Contact("Noor Halvorsen", None))
    assert not user.is_user(Contact("Dana Whitfield", "dana@acme.example"))
    assert not user.is_user(Contact("Noor Halvorsen", "noor.h@acme.example"))  # a namesake
