"""The batch interface: loose records in, SCHEMA.md labels out, and the eval bench on them."""

from __future__ import annotations

import base64
import importlib.util
import json
from pathlib import Path

from gracefully.domain import Category, Evidence, Feedback, Reading, Reason, Rejection, Stage
from gracefully.understand.batch import reading_to_record, record_to_email, understand_jsonl
from gracefully.understand.reader import Reader

FIXTURE = Path(__file__).parents[1] / "fixtures" / "understand" / "labelled.jsonl"
ROOT = Path(__file__).parents[2]
LABEL_KEYS = {"id", "category", "rejection", "company", "role", "contact"}
REJECTION_KEYS = {
    "stage",
    "reasons",
    "feedback",
    "keep_on_file",
    "invite_reapply",
    "alt_role",
    "personal",
}
STAGES = {"application", "screen", "assessment", "interview", "unknown"}


def test_record_to_email_tolerates_missing_and_odd_fields() -> None:
    email = record_to_email({"body": "hello"})
    assert (email.subject, email.sender, email.date, email.body) == ("", None, None, "hello")
    assert email.id == record_to_email({"body": "hello"}).id != ""
    named = record_to_email(
        {"id": 7, "sender": "Ada Whitcombe <Ada@Quill.example>", "date": "2025-04-01 10:00"}
    )
    assert named.id == "7"
    assert (named.sender.name, named.sender.email) == ("Ada Whitcombe", "ada@quill.example")
    assert named.date is not None and named.date.year == 2025
    unquoted = record_to_email({"sender": "Quill Labs @ icims <quill+auto@talent.icims.com>"})
    assert (unquoted.sender.name, unquoted.sender.email) == (
        "Quill Labs @ icims",
        "quill+auto@talent.icims.com",
    )
    bare = record_to_email({"sender": "jobs@quill.example", "date": "not a date"})
    assert bare.sender.email == "jobs@quill.example" and bare.date is None


def test_a_body_left_in_base64_is_read_as_its_text(reader: Reader) -> None:
    text = (
        "Hi Sam,\r\n\r\nThank you for applying to Quill. Unfortunately we will not be moving "
        "forward with your application. We will keep your CV on file.\r\n\r\nQuill Recruiting"
    )
    encoded = base64.encodebytes(text.encode()).decode()  # 76-column lines, as in MIME
    email = record_to_email({"id": "b64", "body": encoded})
    assert email.body == text
    assert reader.read(email).category is Category.REJECTION


def test_bodies_that_only_look_like_base64_stay_as_they_are() -> None:
    hexdigest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    binary = base64.b64encode(bytes(range(256))).decode()
    for body in ("Thanks", hexdigest, binary, "Plain words in a sentence that is long enough."):
        assert record_to_email({"body": body}).body == body


def test_record_has_exactly_schema_keys_and_enum_values() -> None:
    reading = Reading(
        email_id="x",
        category=Category.REJECTION,
        confidence=0.9,
        rejection=Rejection(
            stage=Stage.OFFER, reasons=(Reason.OTHER_CANDIDATE,), feedback=Feedback.REFUSED
        ),
        company="Dunecraft",
        evidence=(
            Evidence("category", "rejection", "category_model", "We will not proceed.", 0, 20),
            Evidence("rejection.reasons", "other_candidate", "r", "Others were closer.", 21, 40),
        ),
    )
    record = reading_to_record(reading)
    assert set(record) == LABEL_KEYS | {"evidence"}
    assert set(record["rejection"]) == REJECTION_KEYS
    assert record["rejection"]["stage"] == "interview"  # OFFER has no SCHEMA value
    assert record["evidence"] == {
        "category": "We will not proceed.",
        "rejection.reasons.other_candidate": "Others were closer.",
    }
    assert set(reading_to_record(reading, include_evidence=False)) == LABEL_KEYS


def test_understand_jsonl_round_trip(reader: Reader, tmp_path: Path) -> None:
    out = tmp_path / "labels.jsonl"
    assert understand_jsonl(FIXTURE, out, reader) == 6
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == [f"fx-{i}" for i in range(1, 7)]
    for rec in records:
        assert set(rec) == LABEL_KEYS | {"evidence"}
        assert rec["category"] in {c.value for c in Category}
        assert "category" in rec["evidence"]
        if rec["category"] == "rejection":
            assert set(rec["rejection"]) == REJECTION_KEYS
            assert rec["rejection"]["stage"] in STAGES
            assert set(rec["rejection"]["reasons"]) <= {r.value for r in Reason}
            assert rec["rejection"]["feedback"] in {f.value for f in Feedback}
        else:
            assert rec["rejection"] is None


def _bench():
    spec = importlib.util.spec_from_file_location(
        "eval_understanding", ROOT / "bench" / "eval_understanding.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_evaluate_counts_what_it_claims() -> None:
    bench = _bench()
    gold = [json.loads(line)["label"] for line in FIXTURE.read_text().splitlines()]
    perfect = bench.evaluate(gold, gold)
    assert perfect["rejection"]["f1"] == perfect["category"]["macro_f1"] == 1.0
    assert perfect["stage_accuracy"] == perfect["company_exact"] == 1.0
    missed = [dict(g, category="other", rejection=None) if g["rejection"] else g for g in gold]
    worse = bench.evaluate(gold, missed)
    assert worse["rejection"]["recall"] == 0.0
    assert worse["stage_accuracy"] == worse["keep_on_file_accuracy"] == 0.0
    assert worse["category"]["confusions"] == {"rejection->other": 2}
    assert worse["reasons"]["micro_f1"] == 0.0


def test_eval_runs_on_a_fixture(reader: Reader) -> None:
    bench = _bench()
    result = bench.run(FIXTURE, reader, timing=True)
    assert result["n"] == 6
    assert 0.0 <= result["category"]["accuracy"] <= 1.0
    assert result["emails_per_second"] > 0
    assert "rejection" in bench.report(result)
