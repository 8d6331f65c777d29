"""MemoryDeliverer (the fake the service tests use) and the package's public surface."""

from __future__ import annotations

import pytest

import gracefully.deliver
from gracefully.deliver import Deliverer, DeliveryError, MemoryDeliverer, build_message
from tests.deliver.support import SENDER, make_draft


def send_all(deliverer: Deliverer, count: int) -> list[str]:
    return [
        deliverer.deliver(
            build_message(make_draft(), SENDER, message_id=f"<m{i}@example.net>")
        ).message_id
        for i in range(count)
    ]


def test_memory_deliverer_keeps_messages_in_order_and_answers_like_a_server() -> None:
    memory = MemoryDeliverer()
    assert send_all(memory, 3) == ["<m0@example.net>", "<m1@example.net>", "<m2@example.net>"]
    assert [m["Message-ID"] for m in memory.delivered] == send_all(MemoryDeliverer(), 3)
    receipt = memory.deliver(build_message(make_draft(), SENDER))
    assert receipt.channel == "memory"
    assert receipt.recipients == ("priya.hale@lanternworks.example",)


def test_memory_deliverer_also_refuses_a_message_without_message_id() -> None:
    message = build_message(make_draft(), SENDER)
    del message["Message-ID"]
    with pytest.raises(DeliveryError, match="Message-ID"):
        MemoryDeliverer().deliver(message)


def test_the_public_surface_is_exactly_what_is_exported() -> None:
    exported = gracefully.deliver.__all__
    assert exported == sorted(exported)
    public = {n for n in vars(gracefully.deliver) if not n.startswith("_")}
    modules = {"headers", "ics", "imap", "local", "message", "smtp", "transport"}
    assert public - modules == set(exported)
