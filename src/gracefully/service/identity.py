"""Who the user is: the addresses they confirmed or the mailbox shows, and their name.

Every use case that must tell the user's mail from an employer's asks here, so that
nothing depends on the profile's address being typed exactly.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from gracefully.domain import AddressTally, Email, Profile
from gracefully.store import followups as followup_store
from gracefully.store import identity as identity_store
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
        self._tally, self._name = tally, profile.name
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
        self._tally.add(seen)
        self.identity = self._identify()
        return seen

    def _identify(self, extra: AddressTally | None = None) -> Identity:
        tally = self._tally
        if extra is not None:
            tally = AddressTally()
            tally.add(self._tally)
            tally.add(extra)
        own = identity.own_addresses(tally, mine=self._mine, not_mine=self._not_mine)
        return Identity.of(tally, own, self._name)


def user_identity(session: Session) -> Identity:
    """The user as the store knows them now."""
    return LearningIdentity.load(session).identity
