"""Who the user is: the addresses they confirmed or the mailbox shows, and their name.

Every use case that must tell the user's mail from an employer's asks here, so that
nothing depends on the profile's address being typed exactly.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from gracefully.domain import AddressTally, Email, Profile
from gracefully.store import followups as followup_store
from gracefully.store import identity as identity_store
from gracefully.store.db import Database
from gracefully.track import identity
from gracefully.track.identity import Identity


class LearningIdentity:
    """The user as a scan learns them: the tally of the mailbox's addresses so far,
    with each batch's added before it is read, so that even the first scan of a new
    mailbox reads the user's own mail as theirs."""

    def __init__(
        self,
        tally: AddressTally,
        profile: Profile,
        mine: frozenset[str],
        not_mine: frozenset[str],
    ) -> None:
        self.tally, self._name = tally, profile.name
        typed = profile.email.strip().lower()
        self._mine = mine | ({typed} if typed else set())
        self._not_mine = not_mine
        self.identity = self._identify()

    @classmethod
    def load(cls, session: Session) -> LearningIdentity:
        tally, mine, not_mine = identity_store.load(session)
        return cls(tally, followup_store.load_profile(session), mine, not_mine)

    def observe(self, emails: list[Email]) -> AddressTally:
        """Count a batch; returns what it added, for the store. Counted twice: the
        first pass may find the user, whose own mail's recipients the second leaves out."""
        first = identity.observe(emails, self.identity.addresses)
        own = self._identify(first).addresses
        seen = identity.observe(emails, own) if own != self.identity.addresses else first
        self.tally.add(seen)
        self.identity = self._identify()
        return seen

    def _identify(self, extra: AddressTally | None = None) -> Identity:
        tally = self.tally
        if extra is not None:
            tally = AddressTally()
            tally.add(self.tally)
            tally.add(extra)
        own = identity.own_addresses(tally, mine=self._mine, not_mine=self._not_mine)
        return Identity.of(tally, own, self._name)


def user_identity(session: Session) -> Identity:
    """The user as the store knows them now."""
    return LearningIdentity.load(session).identity


@dataclass(frozen=True, slots=True)
class SeenAddress:
    """An address the mailbox shows as possibly the user's, for them to confirm."""

    address: str
    received: int
    sent: int
    own: bool
    """Read as the user's now (learnt or confirmed)."""
    said: str | None
    """"mine" or "not_mine" when the user said so."""


def seen_addresses(db: Database, limit: int = 5) -> list[SeenAddress]:
    """The user's addresses and the next likeliest, most mail first."""
    with db.transaction() as session:
        tally, mine, not_mine = identity_store.load(session)
        own = user_identity(session).addresses
    likely = {a for a, n in tally.received.items() if n >= identity.MIN_RECEIVED}
    ranked = sorted(
        own | likely | mine | not_mine,
        key=lambda a: (a not in own, -(tally.received[a] + tally.sent[a]), a),
    )
    return [
        SeenAddress(
            a,
            tally.received[a],
            tally.sent[a],
            a in own,
            "mine" if a in mine else "not_mine" if a in not_mine else None,
        )
        for a in ranked[: max(limit, len(own))]
    ]


def say_address(db: Database, address: str, mine: bool) -> None:
    """The user's word on an address: theirs, or not theirs. It outranks the counts."""
    if "@" not in address:
        raise ValueError(f"{address!r} is not an email address")
    with db.transaction() as session:
        identity_store.say(session, address, "mine" if mine else "not_mine")


def signing_name(db: Database) -> str:
    """The name drafts are signed with: the profile's, else the one the user's mail
    most often calls them (shown in the profile, for them to confirm)."""
    with db.transaction() as session:
        return effective_profile(session).name


def effective_profile(session: Session) -> Profile:
    """The profile with what the mail shows filled in where the user left it empty:
    the name their mail gives them, and the address most of it is sent to. Approval
    still asks for a name the user set (`followups.approve`)."""
    profile = followup_store.load_profile(session)
    if profile.name.strip() and profile.email.strip():
        return profile
    learning = LearningIdentity.load(session)
    tally, own = learning.tally, learning.identity.addresses
    names: Counter[str] = Counter()
    for address in own:
        names.update(tally.names.get(address, {}))
    full = [n for n, _ in names.most_common() if len(n.split()) > 1]
    learnt_name = (full or [n for n, _ in names.most_common()] or [""])[0]
    main = max(sorted(own), key=lambda a: tally.received[a] + tally.sent[a], default="")
    return replace(profile, name=profile.name or learnt_name, email=profile.email or main)
