"""`gracefully understand --jsonl`: the batch interface, in exactly the labelled format."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke

SCHEMA_KEYS = {"id", "category", "rejection", "company", "role", "contact", "evidence"}
REJECTION_KEYS = {
    "stage", "reasons", "feedback", "keep_on_file", "invite_reapply", "alt_role", "personal",
}  # fmt: skip
RECORDS = [
    {
        "id": "r1",
        "subject": "Your application to Quillfeather Press",
        "sender": "Quillfeather Press Careers <no-reply@quillfeather.example>",
        "date": "2026-10-03T09:12:00+00:00",
        "body": "Dear Robin,\n\nThank you for applying for the Production Editor role at "
        "Quillfeather Press. After careful review we have decided not to move forward with "
        "your application, as we have chosen a candidate whose experience more closely "
        "matches our needs.\n\nWe wish you every success.\nQuillfeather Press Recruiting",
    },
    {"id": "r2", "subject": "", "sender": "", "date": "", "body": ""},
    {"id": "r3", "subject": "Your login code", "body": "Your code is 448812."},
]


def test_batch_round_trip(invoke: Invoke, tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n")
    result = invoke("understand", "--jsonl", str(source), "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["r1", "r2", "r3"]
    for row in rows:
        assert set(row) == SCHEMA_KEYS
    rejection = rows[0]
    assert rejection["category"] == "rejection"
    assert set(rejection["rejection"]) == REJECTION_KEYS
    assert "other_candidate" in rejection["rejection"]["reasons"]
    assert rejection["company"] == "Quillfeather Press"
    record = RECORDS[0]
    for sentence in rejection["evidence"].values():
        assert any(sentence in record[k] for k in ("body", "subject", "sender")), sentence
    assert rows[2]["rejection"] is None


def test_missing_input_is_a_clear_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("understand", "--jsonl", str(tmp_path / "none.jsonl"), "--out", "x")
    assert result.exit_code == 1
    assert result.output.startswith("error:")


def test_a_broken_line_names_its_number(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(RECORDS[0]) + "\n{not json\n")
    result = invoke("understand", "--jsonl", str(source), "--out", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 1
    assert "line 2" in result.output
