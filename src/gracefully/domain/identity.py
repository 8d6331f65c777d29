"""What a mailbox shows about whose it is: counts of the addresses it receives at and sends from."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class AddressTally:
    """Counts of the addresses a mailbox shows, the user's among them."""

    messages: int = 0
    """Messages whose recipients were counted."""
    received: Counter[str] = field(default_factory=Counter)
    sent: Counter[str] = field(default_factory=Counter)
    names: dict[str, Counter[str]] = field(default_factory=dict)
    """Display names each address was written with."""

    def add(self, other: AddressTally) -> None:
        self.messages += other.messages
        self.received.update(other.received)
        self.sent.update(other.sent)
        for address, names in other.names.items():
            self.names.setdefault(address, Counter()).update(names)
