"""The follow-up commands end to end: profile, plan, draft, approve, send (real aiosmtpd),
export and remind, with the password kept out of the database, the output and the logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy import text as text_sql
from tests.deliver.support import parse, text
from tests.service.followup_world import REJECTION_ID, seed
from tests.services.dovecot import ImapAccount
from tests.services.smtp import SmtpServer
from typer.testing import CliRunner

from gracefully.cli import app
from gracefully.store.db import Database
from gracefully.store.tables import Base

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "GRACEFULLY_DATA_DIR": str(tmp_path / "data"),
        "GRACEFULLY_CONFIG_DIR": str(tmp_path / "config"),
        "GRACEFULLY_DATABASE_URL": f"sqlite:///{tmp_path / 'g.db'}",
        "COLUMNS": "200",
    }


@pytest.fixture
def seeded(env: dict[str, str]) -> Database:
    db = Database(env["GRACEFULLY_DATABASE_URL"])
    seed(db)
    return db


def run(env: dict[str, str], *args: str, input: str | None = None) -> str:
    result = runner.invoke(app, list(args), env=env, input=input)
    assert result.exit_code == 0, result.output
    return result.output


def test_profile_shows_and_sets(env: dict[str, str], seeded: Database) -> None:
    out = run(env, "profile", "--name", "Robin Quill", "--email", "Robin.Quill@example.net")
    assert "robin.quill@example.net" in out
    assert "Robin Quill" in run(env, "profile")
    failed = runner.invoke(app, ["profile", "--learn", "99", "dbt"], env=env)
    assert failed.exit_code == 1 and "no application 99" in failed.output


def test_plan_lists_the_move_with_its_reason_and_what_it_needs(
    env: dict[str, str], seeded: Database
) -> None:
    run(env, "profile", "--choose", "1", "correct_assumption")
    out = run(env, "plan")
    assert "correct_assumption" in out and "Lanternworks" in out
    assert 'gracefully profile --learn 1 "what this job would have let you learn"' in out


def test_draft_approve_send_once_with_the_password_nowhere(
    env: dict[str, str],
    seeded: Database,
    smtp_server: SmtpServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    secret_env = env | {"GRACEFULLY_SMTP_PASSWORD": smtp_server.password}
    run(env, "profile", "--name", "Robin Quill", "--email", "robin.quill@example.net")
    run(env, "plan")
    shown = run(env, "draft", "1")
    assert "Hi Priya," in shown and "Grace check" in shown
    refused = runner.invoke(app, send_args(smtp_server), env=secret_env)
    assert refused.exit_code == 1 and "not approved" in refused.output
    assert "Approved" in run(env, "approve", "1", input="y\n")

    outputs = [run(secret_env, *send_args(smtp_server)) for _ in range(2)]

    (mail,) = smtp_server.received
    assert mail.login == smtp_server.username
    assert mail.message()["In-Reply-To"] == REJECTION_ID
    assert "Sent follow-up 1" in outputs[0] and "already sent" in outputs[1]
    assert smtp_server.password not in "".join(outputs) + caplog.text
    assert smtp_server.password not in every_stored_text(seeded)


def send_args(server: SmtpServer) -> list[str]:
    return [
        "send",
        "1",
        "--smtp-host",
        server.host,
        "--smtp-port",
        str(server.port),
        "--smtp-user",
        server.username,
        "--security",
        "plain-localhost",
    ]


def every_stored_text(db: Database) -> str:
    with db.engine.connect() as conn:
        return "\n".join(
            repr(row)
            for table in Base.metadata.sorted_tables
            for row in conn.execute(select(table))
        )


def test_edit_from_stdin_needs_a_new_approval(env: dict[str, str], seeded: Database) -> None:
    run(env, "profile", "--name", "Robin Quill", "--email", "robin.quill@example.net")
    run(env, "plan")
    run(env, "draft", "1")
    run(env, "approve", "1", input="y\n")
    body = "Hi Priya,\n\nThank you for the call. I enjoyed it.\n\nRobin\n"
    out = run(env, "draft", "1", "--edit", input=body)
    assert "Approve it with gracefully approve 1" in out


def test_export_eml_and_remind_ics(env: dict[str, str], seeded: Database, tmp_path: Path) -> None:
    run(env, "profile", "--name", "Robin Quill", "--email", "robin.quill@example.net")
    run(env, "plan")
    run(env, "draft", "1")
    eml = tmp_path / "f.eml"
    run(env, "export", "1", "--eml", "--out", str(eml))
    exported = parse(eml.read_bytes())
    assert exported["In-Reply-To"] == REJECTION_ID
    assert text(exported).startswith("Hi Priya,")

    ics = tmp_path / "r.ics"
    assert "1 reminder" in run(env, "remind", "--ics", str(ics))
    (event,) = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert str(event["UID"]) == "followup-1@gracefully"
    assert "Lanternworks" in str(event["SUMMARY"])


def test_drafts_to_imap_host_saves_approved_drafts(
    env: dict[str, str], seeded: Database, imap_account: ImapAccount
) -> None:
    run(env, "profile", "--name", "Robin Quill", "--email", "robin.quill@example.net")
    run(env, "plan")
    run(env, "draft", "1")
    run(env, "approve", "1", input="y\n")
    args = ["drafts", "--to-imap", imap_account.host, "--imap-port", str(imap_account.port)]
    args += ["--imap-user", imap_account.username, "--security", "plain-localhost"]
    secret_env = env | {"GRACEFULLY_IMAP_PASSWORD": imap_account.password}

    assert "/Drafts" in run(secret_env, *args)
    assert "already there" in run(secret_env, *args)

    with imap_account.connect() as client:
        client.select_folder("Drafts", readonly=True)
        assert len(client.search("ALL")) == 1
    assert imap_account.password not in every_stored_text(seeded)


def _approval(db: Database) -> tuple[str, str | None, int]:
    with db.engine.connect() as conn:
        row = conn.execute(
            text_sql("SELECT status, approved_hash, revision FROM followups WHERE id = 1")
        ).one()
    return row[0], row[1], row[2]


def test_approve_shows_exactly_what_would_be_sent_and_asks(
    env: dict[str, str], seeded: Database
) -> None:
    run(env, "profile", "--name", "Robin Quill", "--email", "robin.quill@example.net")
    run(env, "plan")
    run(env, "draft", "1")

    declined = runner.invoke(app, ["approve", "1"], env=env, input="n\n")

    shown = declined.output
    assert "From: Robin Quill <robin.quill@example.net>" in shown
    assert "To: Priya Okonkwo-Hale <priya.hale@lanternworks.example>" in shown
    assert "Subject: Re: Your application for Data Analyst" in shown
    assert f"In-Reply-To: {REJECTION_ID}" in shown
    revision = _approval(seeded)[2]
    assert "Hi Priya," in shown and f"Approve exactly this text (revision {revision})?" in shown
    assert declined.exit_code == 1 and "not approved" in shown
    assert _approval(seeded)[:2] == ("drafted", None)

    unattended = runner.invoke(app, ["approve", "1"], env=env)  # nobody to answer
    assert unattended.exit_code != 0
    assert _approval(seeded)[:2] == ("drafted", None)

    out = run(env, "approve", "1", input="y\n")
    assert f"Approved follow-up 1, revision {revision}" in out
    assert _approval(seeded)[0] == "approved"


def test_approve_with_a_revision_refuses_a_text_changed_since(
    env: dict[str, str], seeded: Database
) -> None:
    run(env, "profile", "--name", "Robin Quill", "--email", "robin.quill@example.net")
    run(env, "plan")
    shown = run(env, "draft", "1")
    read = _approval(seeded)[2]
    assert f"Revision {read}." in shown
    body = "Hi Priya,\n\nThank you for the call. I enjoyed it.\n\nRobin\n"
    run(env, "draft", "1", "--edit", input=body)  # the text changes after it was read

    stale = runner.invoke(app, ["approve", "1", "--revision", str(read)], env=env)

    assert stale.exit_code == 1
    said = " ".join(stale.output.split())
    assert "changed since you read it" in said and f"it is now revision {read + 1}" in said
    assert _approval(seeded)[:2] == ("drafted", None)
    now = str(read + 1)
    assert f"Approved follow-up 1, revision {now}" in run(env, "approve", "1", "--revision", now)
    assert _approval(seeded)[0] == "approved"


def test_a_from_change_after_approval_needs_a_new_approval_to_send(
    env: dict[str, str], seeded: Database, smtp_server: SmtpServer
) -> None:
    secret_env = env | {"GRACEFULLY_SMTP_PASSWORD": smtp_server.password}
    run(env, "profile", "--name", "Robin Quill", "--email", "robin.quill@example.net")
    run(env, "plan")
    run(env, "draft", "1")
    run(env, "approve", "1", "--revision", str(_approval(seeded)[2]))
    run(env, "profile", "--email", "robin@quill.example")
    assert "Changed since you approved it" in run(env, "draft", "1")

    refused = runner.invoke(app, send_args(smtp_server), env=secret_env)

    assert refused.exit_code == 1
    assert "changed since approval" in " ".join(refused.output.split())
    assert smtp_server.received == []
