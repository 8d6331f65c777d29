"""The user's own addresses: the tally a scan learns them from, and what the user said."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from gracefully.domain import AddressTally
from gracefully.domain.text import one_line
from gracefully.store.tables import OwnAddressRow

_TOTAL = "*"
_MAX = 320
_MINE, _NOT_MINE = "mine", "not_mine"


def load(session: Session) -> tuple[AddressTally, frozenset[str], frozenset[str]]:
    """The tally so far, the addresses the user confirmed, and those they ruled out."""
    tally = AddressTally()
    mine: set[str] = set()
    not_mine: set[str] = set()
    for row in session.scalars(select(OwnAddressRow)):
        if row.address == _TOTAL:
            tally.messages = row.received
            continue
        tally.received[row.address] = row.received
        tally.sent[row.address] = row.sent
        tally.names[row.address] = Counter(row.names or {})
        if row.verdict == _MINE:
            mine.add(row.address)
        elif row.verdict == _NOT_MINE:
            not_mine.add(row.address)
    return tally, frozenset(mine), frozenset(not_mine)


def add(session: Session, delta: AddressTally) -> None:
    """Add what one batch counted (in the batch's transaction, so a killed scan
    counts nothing twice)."""
    if not delta.messages and not delta.received and not delta.sent:
        return
    addresses = {a for a in (*delta.received, *delta.sent) if _storable(a)} | {_TOTAL}
    rows = {
        r.address: r
        for r in session.scalars(
            select(OwnAddressRow).where(OwnAddressRow.address.in_(sorted(addresses)))
        )
    }
    for address in sorted(addresses):
        row = rows.get(address) or _new(session, address)
        if address == _TOTAL:
            row.received += delta.messages
            continue
        row.received += delta.received.get(address, 0)
        row.sent += delta.sent.get(address, 0)
        names = Counter(row.names or {})
        names.update(delta.names.get(address, {}))
        row.names = {one_line(n)[:255]: c for n, c in names.most_common(5)}
    session.flush()


def _storable(address: str) -> bool:
    """An address that fits its key as it is: a longer or garbled one is nobody's."""
    return "@" in address and len(address) <= _MAX and one_line(address) == address


def say(session: Session, address: str, verdict: str | None) -> None:
    """Record that `address` is the user's ("mine"), is not ("not_mine"), or forget it (None)."""
    key = address.strip().lower()
    if not _storable(key):
        raise ValueError(f"{address[:80]!r} is not an address that can be kept")
    row = session.get(OwnAddressRow, key) or _new(session, key)
    row.verdict = verdict


def _new(session: Session, address: str) -> OwnAddressRow:
    row = OwnAddressRow(address=address, received=0, sent=0, names={}, verdict=None)
    session.add(row)
    return row
