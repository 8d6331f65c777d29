"""Hostile mail through the real `gracefully scan --json`, as a user would run it.

A few hundred seeded messages (tests/fuzz/hostile.py, small sizes) with every
hostile kind among mostly valid mail, written as an mbox and as a Maildir and
scanned into SQLite and the throwaway PostgreSQL, and loaded into a real
Dovecot folder and synced. Each scan must finish (exit 0, one JSON object), its
counts must add up, every valid message must be stored (found by the reference
in its subject and by its Message-ID), every skip recorded with its reason, only
true copies counted as known, no stored body past the cap, and a second scan
must add nothing. Then each minimal reproduction of a reported crash (copied
from the hardening issue into tests/fixtures/mail/hostile/) is scanned alone.

Time is never asserted: the bench (bench/fuzz.py) measures it on full sizes.
"""

# ruff: noqa: F811  (pytest fixtures are imported, then requested by name)
from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from gracefully.config import load_settings
from gracefully.domain.accounts import Account, Security
from gracefully.ingest import MboxSource
from gracefully.service import accounts as account_service
from gracefully.store.db import Database
from gracefully.understand import load_reader
from tests.fuzz import hostile, verify
from tests.fuzz.hostile import Meta, Sample
from tests.services.dovecot import DovecotServer, ImapAccount
from tests.services.fixtures import dovecot, imap_account, test_ca  # noqa: F401
from tests.services.postgres import PostgresServer

SEED = 20261208
COUNT = 300
TIMEOUT = 120.0
"""Per CLI run; far above what a bounded scan of these needs, so only a hang hits it."""
HOSTILE = Path(__file__).parents[1] / "fixtures" / "mail" / "hostile"
PASSWORD_VAR = "GRACEFULLY_FUZZ_IMAP_PASSWORD"
_names = itertools.count()


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of every CLI run: temp folders, the model trained once, small batches
    (so a poison message and the valid mail after it often fall in different batches)."""
    home = tmp_path_factory.mktemp("fuzz-home")
    load_reader(cache_dir=home / "data" / "models")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRACEFULLY_")}
    env.update(
        GRACEFULLY_DATA_DIR=str(home / "data"),
        GRACEFULLY_CONFIG_DIR=str(home / "config"),
        GRACEFULLY_BATCH_SIZE="64",
        COLUMNS="200",
    )
    return env


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    return list(hostile.generate(COUNT, SEED, hostile.SMALL))


def _url(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'fuzz.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database(f"fuzz{next(_names)}")


def _fail_on(problems: list[str], run: verify.Run) -> None:
    if problems:
        tail = run.stderr[-1500:] if run.crashed else ""
        pytest.fail("\n".join(problems) + (f"\n--- stderr tail ---\n{tail}" if tail else ""))


# --- the generator itself (fast, no CLI) -----------------------------------------


def test_generator_is_seeded_and_has_every_kind_before_valid_mail(samples: list[Sample]) -> None:
    again = list(hostile.generate(COUNT, SEED, hostile.SMALL))
    assert [s.data for s in again] == [s.data for s in samples]
    assert [s.data for s in hostile.generate(COUNT, SEED + 1, hostile.SMALL)] != [
        s.data for s in samples
    ]
    metas = [s.meta for s in samples]
    assert len(metas) == COUNT
    assert set(hostile.KINDS) <= {m.kind for m in metas}
    assert metas[0].hostile and not metas[-1].hostile
    for before, after in itertools.pairwise(metas):
        if before.hostile:
            assert not after.hostile, f"#{before.index} {before.kind} is not followed by valid mail"
    valid = [m for m in metas if m.must_store]
    assert all(m.subject for m in valid)
    ids = Counter(m.message_id for m in valid if m.kind.startswith("valid-"))
    assert max(ids.values()) == 1  # the ordinary valid mail has unique Message-IDs


def test_the_mbox_writer_quotes_from_lines_so_the_scanner_reads_every_message_back(
    samples: list[Sample], tmp_path: Path
) -> None:
    path = tmp_path / "fuzz.mbox"
    hostile.write_mbox(path, samples)
    back = [raw.data for raw in MboxSource(path)]
    assert len(back) == len(samples)
    for sample, data in zip(samples, back, strict=True):
        wrote = sample.data if sample.data.endswith(b"\n") else sample.data + b"\n"
        assert data == wrote, f"#{sample.meta.index} {sample.meta.kind} changed in the mbox"


# --- mbox and Maildir, SQLite and PostgreSQL ------------------------------------------------


FORMATS = ("mbox", "maildir")


def _write(fmt: str, where: Path, samples: list[Sample]) -> tuple[str, list[Meta]]:
    if fmt == "mbox":
        path = where / "fuzz.mbox"
        return str(path), hostile.write_mbox(path, samples)
    path = where / "Maildir"
    return str(path), hostile.write_maildir(path, samples)


@dataclass
class Scanned:
    first: verify.Run
    problems: list[str]
    second: verify.Run | None = None


def _scan_twice(url: str, target: str, metas: list[Meta], env: dict[str, str]) -> Scanned:
    first = verify.scan(url, target, env, timeout=TIMEOUT)
    problems, stored = verify.check_first_scan(first, url, metas)
    done = Scanned(first, problems)
    if first.crashed or stored is None:
        return done
    done.second = verify.scan(url, target, env, timeout=TIMEOUT)
    done.problems += verify.check_rescan(first, done.second, url, stored)
    return done


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.services)]
)
def scanned(
    request: pytest.FixtureRequest,
    samples: list[Sample],
    cli_env: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Scanned]:
    """The mailbox as an mbox and as a Maildir, each scanned twice into its own database
    of this kind; the two formats side by side, one CLI process each."""
    jobs = []
    for fmt in FORMATS:
        where = tmp_path_factory.mktemp(f"{fmt}-{request.param}")
        url = _url(request.param, where, request)
        target, metas = _write(fmt, where, samples)
        jobs.append((url, target, metas, cli_env))
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return dict(zip(FORMATS, pool.map(lambda job: _scan_twice(*job), jobs), strict=True))


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_mailbox_scans_and_rescans_cleanly(fmt: str, scanned: dict[str, Scanned]) -> None:
    done = scanned[fmt]
    _fail_on(done.problems, done.second if done.second and done.second.crashed else done.first)


# --- a real IMAP folder -----------------------------------------------------------------------


@pytest.mark.services
def test_hostile_imap_folder_syncs_and_resyncs_cleanly(
    dovecot: DovecotServer,
    imap_account: ImapAccount,
    samples: list[Sample],
    cli_env: dict[str, str],
    tmp_path: Path,
) -> None:
    # Written as Maildir files and indexed: APPEND would refuse some of these
    # (NUL bytes, empty messages), but a server holds them all the same.
    dovecot.load_files(imap_account.username, "INBOX", (s.data for s in samples))
    with imap_account.connect() as client:
        held = client.select_folder("INBOX", readonly=True)[b"EXISTS"]
    metas = [s.meta for s in samples]
    url = f"sqlite:///{tmp_path / 'fuzz.db'}"
    env = {**cli_env, PASSWORD_VAR: imap_account.password}
    settings = load_settings(db=url, env=env)
    database = Database(url)
    try:
        account = Account(
            name="fuzz",
            host=imap_account.host,
            port=imap_account.port,
            username=imap_account.username,
            security=Security.PLAIN_LOCALHOST,
            folders=("INBOX",),
            password_env=PASSWORD_VAR,
        )
        account_service.add_account(database, settings, account, None)
    finally:
        database.close()
    first = verify.scan(url, "fuzz", env, timeout=TIMEOUT)
    problems, stored = verify.check_first_scan(first, url, metas, expect_read=held)
    _fail_on(problems, first)
    assert stored is not None
    second = verify.scan(url, "fuzz", env, timeout=TIMEOUT)
    _fail_on(verify.check_rescan(first, second, url, stored, same_read=False), second)


# --- the minimal reproductions of reported crashes -----------------------------

REPROS = {
    "eight_bit_message_id.mbox": 1,
    "zone_offset_2500.mbox": 1,
    "undefined_charset_subject.mbox": 2,
    "nul_in_subject.mbox": 2,
    "two_rejections_one_message_id.mbox": 2,
    "nested_blockquote_bomb.eml": 1,
}
"""Each file and how many messages it holds."""


@pytest.fixture(scope="module")
def repro_runs(
    cli_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, tuple[str, verify.Run]]]:
    """Every reproduction scanned into its own SQLite file, a few at a time."""
    where = tmp_path_factory.mktemp("repro")

    def one(name: str) -> tuple[str, tuple[str, verify.Run]]:
        url = f"sqlite:///{where / (name + '.db')}"
        return name, (url, verify.scan(url, str(HOSTILE / name), cli_env, timeout=60))

    with ThreadPoolExecutor(max_workers=3) as pool:
        yield dict(pool.map(one, REPROS))


def _repro(
    runs: dict[str, tuple[str, verify.Run]], name: str
) -> tuple[verify.Run, dict[str, int], verify.Stored]:
    """The run of one reproduction, checked as every scan is: it finished, its counts
    add up, it read every message, and each skip is recorded with a reason."""
    url, run = runs[name]
    if run.crashed:
        pytest.fail(f"scan of {name} crashed: {run.problem}\n{run.stderr[-1500:]}")
    assert run.report is not None
    problems = verify.accounting_problems(run.report)
    counts = verify.counts(run.report)
    stored = verify.read_store(url)
    if counts["read"] != REPROS[name]:
        problems.append(f"read {counts['read']} of {REPROS[name]}")
    if stored.skipped_rows != counts["skipped"]:
        problems.append(f"{stored.skipped_rows} skipped rows for skipped={counts['skipped']}")
    if not all(reason.strip() for reason in stored.skipped_reasons):
        problems.append("a skipped row has no reason")
    if stored.longest_body > verify.BODY_LIMIT:
        problems.append(f"a stored body has {stored.longest_body:,} characters")
    if problems:
        pytest.fail(f"{name}: " + "; ".join(problems))
    return run, counts, stored


def test_repro_eight_bit_message_id_is_stored_or_recorded(repro_runs: dict) -> None:
    _, counts, _ = _repro(repro_runs, "eight_bit_message_id.mbox")
    assert counts["new"] + counts["skipped"] == 1


def test_repro_zone_offset_over_24h_is_stored_or_recorded(repro_runs: dict) -> None:
    _, counts, _ = _repro(repro_runs, "zone_offset_2500.mbox")
    assert counts["new"] + counts["skipped"] == 1


def test_repro_undefined_charset_does_not_lose_the_next_message(repro_runs: dict) -> None:
    _, counts, stored = _repro(repro_runs, "undefined_charset_subject.mbox")
    assert stored.message_ids["<p2@x>"] == 1
    assert counts["new"] + counts["skipped"] == 2


def test_repro_nul_in_subject_does_not_lose_the_next_message(repro_runs: dict) -> None:
    _, counts, stored = _repro(repro_runs, "nul_in_subject.mbox")
    assert stored.message_ids["<nul2@x>"] == 1
    assert counts["new"] + counts["skipped"] == 2


@pytest.mark.services
def test_repro_nul_in_subject_on_postgresql(
    postgres: PostgresServer, cli_env: dict[str, str]
) -> None:
    """Where it failed: PostgreSQL text refuses NUL, and the batch (and its traceback,
    with the bodies in it) went with it."""
    url = postgres.create_database(f"fuzz{next(_names)}")
    run = verify.scan(url, str(HOSTILE / "nul_in_subject.mbox"), cli_env, timeout=60)
    assert not run.crashed, f"{run.problem}\n{run.stderr[-1500:]}"
    assert run.report is not None
    assert verify.accounting_problems(run.report) == []
    assert verify.read_store(url).message_ids["<nul2@x>"] == 1
    assert "We regret to inform you" not in run.stderr  # no mail text in any log


def test_repro_two_rejections_with_one_message_id_are_both_kept(repro_runs: dict) -> None:
    _, counts, stored = _repro(repro_runs, "two_rejections_one_message_id.mbox")
    assert stored.subjects["Your application at Acme"] == 1
    assert stored.subjects["Your application at Globex"] == 1
    assert stored.message_ids["<same@ats.example>"] == 2
    assert (counts["new"], counts["conflicts"], counts["skipped"]) == (1, 1, 0)


def test_repro_blockquote_bomb_is_bounded(repro_runs: dict) -> None:
    _, counts, stored = _repro(repro_runs, "nested_blockquote_bomb.eml")
    assert counts["new"] + counts["skipped"] == 1
    assert stored.longest_body <= verify.BODY_LIMIT
