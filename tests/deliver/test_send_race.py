"""Two real `gracefully send` processes against one slow, real SMTP receiver.

The receiver (aiosmtpd) takes each message and then holds its answer until
the test releases it, so a send stays in flight while a second one meets it. Exactly one
message may arrive: the second process sees the lease and says a send is in
progress, with or without --retry. A process killed mid-send leaves a live
lease that nobody may take over until it runs out; only then does --retry
send again, with the same Message-ID.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from gracefully.credentials import approval_key
from gracefully.deliver import SmtpDeliverer
from gracefully.domain import FollowUpStatus
from gracefully.service.delivery import SEND_LEASE, SendInDoubt, SendInProgress, send
from gracefully.service.followups import draft, get_followup, plan_followups
from gracefully.service.profile import set_profile
from gracefully.store import followups as fu_store
from gracefully.store.db import Database
from tests.deliver.support import approve_as_read
from tests.service.followup_world import NOW, SETTINGS, USER, seed
from tests.services.smtp import SmtpServer, _Handler

pytestmark = pytest.mark.services
GRACEFULLY = str(Path(sys.executable).parent / "gracefully")
HOLD = 25.0
"""The longest the receiver holds an answer (the client gives up at 30 s)."""


@dataclass
class _SlowHandler(_Handler):
    release: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        answer = await super().handle_DATA(server, session, envelope)  # kept: it arrived
        deadline = time.monotonic() + HOLD
        while not self.release.is_set() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return answer


class SlowSmtpServer(SmtpServer):
    """The test SMTP server, but it says it took a message only once released."""

    def __init__(self) -> None:
        super().__init__("plain")
        self._handler = _SlowHandler()
        self._controller = self._listen_on(self.port)

    def release(self) -> None:
        self._handler.release.set()


@pytest.fixture
def slow_smtp() -> Iterator[SlowSmtpServer]:
    with SlowSmtpServer() as server:
        yield server


@dataclass
class World:
    db: Database
    followup_id: int
    env: dict[str, str]
    config_dir: Path

    def send(self, server: SmtpServer, *extra: str) -> subprocess.Popen[str]:
        command = [GRACEFULLY, "send", str(self.followup_id), "--smtp-host", server.host]
        command += ["--smtp-port", str(server.port), "--smtp-user", server.username]
        command += ["--security", "plain-localhost", *extra]
        env = self.env | {"GRACEFULLY_SMTP_PASSWORD": server.password}
        return subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )

    def state(self) -> fu_store.SendState:
        with self.db.transaction() as session:
            return fu_store.send_state(session, self.followup_id)


@pytest.fixture
def world(db_url: str, tmp_path: Path) -> Iterator[World]:
    """An approved follow-up, with the approval key where the processes find it."""
    config_dir = tmp_path / "config"
    db = Database(db_url)
    seed(db)
    set_profile(db, name=USER.name, email=USER.email)
    (item,) = plan_followups(db, SETTINGS, NOW).items
    followup_id = item.followup.id
    assert followup_id is not None
    draft(db, followup_id)
    approve_as_read(db, followup_id, key=approval_key(config_dir))
    env = {
        **os.environ,
        "GRACEFULLY_DATABASE_URL": db_url,
        "GRACEFULLY_DATA_DIR": str(tmp_path / "data"),
        "GRACEFULLY_CONFIG_DIR": str(config_dir),
        "COLUMNS": "200",
    }
    yield World(db, followup_id, env, config_dir)
    db.close()


def _wait_for(what: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not what():
        if time.monotonic() > deadline:
            raise TimeoutError("waited too long")
        time.sleep(0.05)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_a_second_send_while_one_is_in_flight_waits_and_only_one_message_arrives(
    world: World, slow_smtp: SlowSmtpServer
) -> None:
    first = world.send(slow_smtp)
    _wait_for(lambda: world.state().sending_by is not None)  # the lease is taken

    second = world.send(slow_smtp)
    retried = world.send(slow_smtp, "--retry")
    second_out, _ = second.communicate(timeout=60)
    retried_out, _ = retried.communicate(timeout=60)
    assert first.poll() is None, "the first send was still in flight all along"
    slow_smtp.release()
    first_out, _ = first.communicate(timeout=60)

    assert first.returncode == 0, first_out
    assert "Sent follow-up" in first_out
    for code, out in ((second.returncode, second_out), (retried.returncode, retried_out)):
        said = _words(out)
        assert code != 0, out
        assert f"a send of follow-up {world.followup_id} is in progress (started at" in said
        assert f"by process {first.pid} on" in said and "wait for it" in said
    assert "--retry waits too" in _words(retried_out)
    assert len(slow_smtp.received) == 1
    assert get_followup(world.db, world.followup_id).status is FollowUpStatus.SENT

    again = world.send(slow_smtp)
    again_out, _ = again.communicate(timeout=60)
    assert again.returncode == 0 and "already sent" in again_out
    assert len(slow_smtp.received) == 1


def test_two_sends_started_together_deliver_one_message(
    world: World, slow_smtp: SlowSmtpServer
) -> None:
    racers = [world.send(slow_smtp), world.send(slow_smtp, "--retry")]
    _wait_for(lambda: any(r.poll() is not None for r in racers), 60)  # the loser gives up
    slow_smtp.release()
    results = [(r.returncode, out) for r in racers for out, _ in [r.communicate(timeout=60)]]

    assert len(slow_smtp.received) == 1
    winners = [out for code, out in results if code == 0 and "Sent follow-up" in out]
    losers = [_words(out) for code, out in results if code != 0]
    assert len(winners) == 1 and len(losers) == 1, results
    assert "in progress" in losers[0] or "started by another process" in losers[0]


def test_a_send_killed_mid_send_is_retried_only_after_its_lease_runs_out(
    world: World, slow_smtp: SlowSmtpServer
) -> None:
    killed = world.send(slow_smtp)
    _wait_for(lambda: len(slow_smtp.received) == 1)  # the server has it, no answer yet
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=10)
    state = world.state()
    assert state.in_progress(datetime.now(UTC)), "a dead process leaves a live lease"

    for extra in ((), ("--retry",)):
        refused = world.send(slow_smtp, *extra)
        out, _ = refused.communicate(timeout=60)
        assert refused.returncode != 0 and "is in progress" in _words(out), out
    assert len(slow_smtp.received) == 1

    slow_smtp.release()
    key = approval_key(world.config_dir)
    deliverer = SmtpDeliverer(
        slow_smtp.host, slow_smtp.port, slow_smtp.username, slow_smtp.password, "plain-localhost"
    )
    later = datetime.now(UTC) + SEND_LEASE
    with pytest.raises(SendInDoubt, match="never finished"):
        send(world.db, world.followup_id, deliverer, key=key, now=later)
    with pytest.raises(SendInProgress):
        send(world.db, world.followup_id, deliverer, key=key, retry=True)  # not yet
    result = send(world.db, world.followup_id, deliverer, key=key, now=later, retry=True)

    assert result.retried is not None and result.retried.sending_by == state.sending_by
    first, second = slow_smtp.received
    assert first.message()["Message-ID"] == second.message()["Message-ID"]
    assert get_followup(world.db, world.followup_id).status is FollowUpStatus.SENT
