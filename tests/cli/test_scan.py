"""`gracefully scan`, `applications` and `show` through Typer's runner, on the sample mailbox."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from tests.cli.conftest import Invoke

from gracefully.samples import demo_expected, demo_mailbox

EXPECTED = demo_expected()
REJECTIONS = sum(1 for m in EXPECTED["messages"].values() if m["category"] == "rejection")


def _figure(output: str, label: str) -> int:
    match = re.search(rf"{label}\s+(\d+)", output)
    assert match, f"{label!r} missing from:\n{output}"
    return int(match.group(1))


def test_scan_reports_what_it_read(invoke: Invoke) -> None:
    result = invoke("scan", str(demo_mailbox()))
    assert result.exit_code == 0, result.output
    assert _figure(result.output, "emails read") == len(EXPECTED["messages"])
    assert _figure(result.output, "new since last scan") == len(EXPECTED["messages"])
    # The understanding is measured elsewhere; here the summary must reflect it sensibly.
    assert abs(_figure(result.output, "rejections \\(new\\)") - REJECTIONS) <= 2
    assert _figure(result.output, "skipped \\(unreadable\\)") == 0


def test_rescan_finds_nothing_new(invoke: Invoke) -> None:
    invoke("scan", str(demo_mailbox()))
    again = invoke("scan", str(demo_mailbox()))
    assert again.exit_code == 0
    assert _figure(again.output, "new since last scan") == 0
    assert _figure(again.output, "emails read") == len(EXPECTED["messages"])


def test_applications_and_show(invoke: Invoke) -> None:
    invoke("scan", str(demo_mailbox()))
    listing = invoke("applications")
    assert listing.exit_code == 0
    assert "Northwind Analytics" in listing.output
    first_id = re.search(r"│\s*(\d+)\s*│", listing.output)
    assert first_id, listing.output
    shown = invoke("show", first_id.group(1))
    assert shown.exit_code == 0
    assert "stage reached" in shown.output


def test_show_explains_a_rejection_with_evidence(invoke: Invoke) -> None:
    invoke("scan", str(demo_mailbox()))
    ids = re.findall(r"│\s*(\d+)\s*│", invoke("applications").output)
    outputs = [invoke("show", i).output for i in ids]
    explained = [o for o in outputs if "reasons" in o and "←" in o]
    assert explained, "no rejection was shown with its evidence"


def test_show_unknown_id_is_a_clear_error(invoke: Invoke) -> None:
    result = invoke("show", "999")
    assert result.exit_code == 1
    assert "no application 999" in result.output


def test_missing_path_exits_non_zero_with_one_line(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("scan", str(tmp_path / "nowhere.mbox"))
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:")


def test_bad_inputs_are_clear_errors(invoke: Invoke, tmp_path: Path) -> None:
    empty = tmp_path / "empty.mbox"
    empty.write_bytes(b"")
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    for path in (empty, picture):
        result = invoke("scan", str(path))
        assert result.exit_code != 0
        assert result.output.startswith("error:"), result.output


def test_malformed_message_is_reported_and_the_rest_scanned(invoke: Invoke, tmp_path: Path) -> None:
    mbox = tmp_path / "mixed.mbox"
    shutil.copy(demo_mailbox(), mbox)
    with mbox.open("ab") as out:
        out.write(b"From broken@example Thu Nov 26 10:00:00 2026\nSubject: cut off\nFrom: x\n")
    result = invoke("scan", str(mbox))
    assert result.exit_code == 0, result.output
    assert _figure(result.output, "skipped \\(unreadable\\)") == 1
    assert "skipped" in result.output and "mixed.mbox" in result.output
    assert _figure(result.output, "new since last scan") == len(EXPECTED["messages"])


def test_dry_run_stores_nothing(invoke: Invoke) -> None:
    result = invoke("scan", "--dry-run", str(demo_mailbox()))
    assert result.exit_code == 0
    assert "nothing was stored" in result.output
    assert "No applications yet" in invoke("applications").output


def test_demo_shows_applications_and_rejections(invoke: Invoke) -> None:
    result = invoke("demo")
    assert result.exit_code == 0, result.output
    assert "applications" in result.output
    assert "Rejections, understood" in result.output


def test_brackets_in_a_path_are_printed_not_read_as_markup(invoke: Invoke, tmp_path: Path) -> None:
    box = tmp_path / "mail [/b] [bold]" / "box"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    (box / "new" / "1.eml").write_bytes(b"\x00\x01 not a message")
    (box / "new" / "2.eml").write_bytes(
        b"From: hr@acme.example\nSubject: Your application\nMessage-ID: <b@acme.example>\n\n"
        b"We will not move forward.\n"
    )
    result = invoke("scan", str(box))
    assert result.exit_code == 0, result.output
    assert "[/b] [bold]" in result.output  # the path as it is, and the skip with it
    assert "skipped" in result.output


def test_scan_json_adds_up(invoke: Invoke) -> None:
    import json

    result = invoke("scan", str(demo_mailbox()), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    parts = summary["new"] + summary["known"] + summary["skipped"] + summary["conflicts"]
    assert parts == summary["read"] == len(EXPECTED["messages"])


def test_a_password_in_an_imap_url_is_refused_and_never_printed(invoke: Invoke) -> None:
    result = invoke("scan", "imap://robin:hunter2secret@127.0.0.1:1/INBOX")
    assert result.exit_code == 1
    assert "holds a password" in result.output
    assert "hunter2secret" not in result.output


def test_an_imap_url_with_no_saved_password_says_what_to_do(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GRACEFULLY_IMAP_PASSWORD", raising=False)
    result = invoke("scan", "imap://robin@127.0.0.1:1/INBOX")
    assert result.exit_code == 1
    assert "no password for robin@127.0.0.1" in result.output
    assert "Traceback" not in result.output
