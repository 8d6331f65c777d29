"""Who the user is, learnt from their own mailbox rather than typed in.

A mailbox says whose it is: the address that receives most of its mail (To,
Cc), and the sender of what lies in a Sent folder. Nothing should depend on the
user typing their address exactly, so every scan counts these, and the
addresses that pass `own_addresses` are read as the user's: their mail is never
an employer's, they are never a contact, and a note is never addressed to them.
Mailing-list mail is not counted (its To is the list), nor the recipients of
mail the user sent (those are other people).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from gracefully.domain import AddressTally, Contact, Email

MIN_RECEIVED = 3
RECEIVED_SHARE = 0.15
"""An address in To or Cc of at least this share of the counted mail (and at least
`MIN_RECEIVED` messages) is the user's: a second address of theirs passes too, a
friend copied on a few threads does not."""

_SENT_FOLDER = re.compile(
    r"(?:^|[/.#:\\])(?:\[gmail\]/)?(?:sent(?: items| messages| mail)?|gesendet\w*|envoy[ée]s|"
    r"enviados|verzonden\w*|outbox)(?:$|[/#:])",
    re.IGNORECASE,
)


def in_sent_folder(email: Email) -> bool:
    """True when the message comes from a Sent folder of the source (Maildir `.Sent`,
    IMAP `Sent Items`, `[Gmail]/Sent Mail`, a Takeout `Sent` label)."""
    labels = email.headers.get("X-Gmail-Labels", "")
    if any(label.strip().lower() == "sent" for label in labels.split(",")):
        return True
    return bool(_SENT_FOLDER.search(email.source.rsplit("#", 1)[0]))


def observe(emails: list[Email], own: frozenset[str]) -> AddressTally:
    """What `emails` add to the tally. `own` are addresses already known to be the
    user's, whose sent mail is not counted as received."""
    tally = AddressTally()
    for email in emails:
        sender = email.sender.email.lower() if email.sender else ""
        if in_sent_folder(email):
            if sender:
                tally.sent[sender] += 1
                _name(tally, sender, email.sender.name if email.sender else "")
            continue
        if sender in own or "List-Id" in email.headers:
            continue
        recipients = {a.email.lower(): a.name for a in (*email.to, *email.cc) if a.email}
        if not recipients:
            continue
        tally.messages += 1
        for address, name in recipients.items():
            tally.received[address] += 1
            _name(tally, address, name)
    return tally


def _name(tally: AddressTally, address: str, name: str) -> None:
    if name.strip():
        tally.names.setdefault(address, Counter())[name.strip()] += 1


def own_addresses(
    tally: AddressTally,
    *,
    mine: frozenset[str] = frozenset(),
    not_mine: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """The user's addresses: those they confirmed, those their Sent folder shows,
    and those that receive a large share of the mail; never one they ruled out."""
    floor = max(MIN_RECEIVED, RECEIVED_SHARE * tally.messages)
    learnt = {a for a, n in tally.received.items() if n >= floor}
    learnt |= {a for a, n in tally.sent.items() if n > 0}
    return frozenset((learnt | mine) - not_mine)


def own_names(tally: AddressTally, own: frozenset[str]) -> frozenset[str]:
    """The names the user's addresses are written with ("Noor Halvorsen", "Noor")."""
    return frozenset(n for a in own for n in tally.names.get(a, {}))


@dataclass(frozen=True)
class Identity:
    """The user, as far as the mail shows: their addresses and the names they go by."""

    addresses: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()

    @classmethod
    def of(cls, tally: AddressTally, addresses: frozenset[str], name: str = "") -> Identity:
        names = own_names(tally, addresses) | ({name} if name.strip() else set())
        return cls(addresses, frozenset(n.strip().lower() for n in names if n.strip()))

    def is_user(self, contact: Contact) -> bool:
        """True when `contact` is the user: their address, or their name with no other address."""
        if contact.email and contact.email.lower() in self.addresses:
            return True
        return not contact.email and contact.name.strip().lower() in self.names
