"""JSON Lines in, labels out: the batch face of the understand stage.

Records use the shared corpus field names, and readings come out in exactly
the label format of SCHEMA.md, so the same evaluation runs on any labelled
file and the CLI can offer `understand --jsonl`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parseaddr
from pathlib import Path
from typing import Any

from dateutil import parser as dateparser

from gracefully.domain import Address, Email, Reading, Rejection, Stage
from gracefully.understand.reader import Reader

_SCHEMA_STAGE = {
    Stage.APPLICATION: "application",
    Stage.SCREEN: "screen",
    Stage.ASSESSMENT: "assessment",
    Stage.INTERVIEW: "interview",
    Stage.OFFER: "interview",  # a rescinded offer: interviews were the last labelled step
    Stage.UNKNOWN: "unknown",
}
_MULTI_VALUED = frozenset({"rejection.reasons"})
"""Fields with several values; each value gets its own evidence key."""


_ANGLED = re.compile(r"^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$")
"""'Acme @ icims <acme+autoreply@talent.icims.com>': exports often leave an "@" in an
unquoted display name, which the strict parser reads as part of the address."""


def _sender(raw: str) -> Address | None:
    if angled := _ANGLED.match(raw or ""):
        return Address(angled.group(1).strip("\"' "), angled.group(2).lower())
    name, addr = parseaddr(raw or "")
    if not name and not addr:
        return Address(raw.strip(), "") if raw and raw.strip() else None
    return Address(name, addr.lower())


def _date(raw: str) -> datetime | None:
    try:
        return dateparser.parse(raw, fuzzy=True) if raw and raw.strip() else None
    except (ValueError, OverflowError, TypeError):
        return None


_BASE64_BODY = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}(?:\r?\n[A-Za-z0-9+/]*={0,2})*\s*")


def undo_transfer_encoding(body: str) -> str:
    """The text of a body that an export left in base64, else the body unchanged.

    Tools that dump mail to CSV or JSON sometimes keep the transfer-encoded bytes
    instead of the text, and a reader of base64 sees no words at all. Only a body
    that is base64 from end to end and decodes to readable text is replaced.
    """
    if len(body) < 40 or not _BASE64_BODY.fullmatch(body):
        return body
    try:
        raw = base64.b64decode("".join(body.split()), validate=True)
    except (binascii.Error, ValueError):
        return body
    for charset in ("utf-8", "cp1252"):
        try:
            text = raw.decode(charset)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch.isspace() for ch in text)
        return text if printable >= 0.95 * len(text) else body
    return body


def record_to_email(obj: dict[str, Any]) -> Email:
    """An `Email` from a loose record; missing fields become empty, never an error."""
    subject = str(obj.get("subject") or "")
    sender = str(obj.get("sender") or "")
    body = undo_transfer_encoding(str(obj.get("body") or ""))
    ident = obj.get("id")
    if ident is None or ident == "":
        ident = hashlib.sha256(f"{subject}\0{sender}\0{body}".encode()).hexdigest()[:24]
    return Email(
        id=str(ident),
        subject=subject,
        sender=_sender(sender),
        date=_date(str(obj.get("date") or "")),
        body=body,
    )


def _rejection_record(rejection: Rejection) -> dict[str, Any]:
    return {
        "stage": _SCHEMA_STAGE[rejection.stage],
        "reasons": [r.value for r in rejection.reasons],
        "feedback": rejection.feedback.value,
        "keep_on_file": rejection.keep_on_file,
        "invite_reapply": rejection.invite_reapply,
        "alt_role": rejection.alt_role,
        "personal": rejection.personal,
    }


def _evidence_record(reading: Reading) -> dict[str, str]:
    out: dict[str, str] = {}
    for ev in reading.evidence:
        key = f"{ev.field}.{ev.value}" if ev.field in _MULTI_VALUED else ev.field
        out.setdefault(key, ev.sentence)
    return out


def reading_to_record(reading: Reading, include_evidence: bool = True) -> dict[str, Any]:
    """The SCHEMA.md label of a reading (plus `evidence`: finding -> sentence)."""
    rejection = reading.rejection if reading.category.value == "rejection" else None
    record: dict[str, Any] = {
        "id": reading.email_id,
        "category": reading.category.value,
        "rejection": _rejection_record(rejection) if rejection else None,
        "company": reading.company,
        "role": reading.role,
        "contact": reading.contact,
    }
    if include_evidence:
        record["evidence"] = _evidence_record(reading)
    return record


def _records(path: Path) -> Iterator[dict[str, Any]]:
    """Objects of a JSONL file; a bad line is an error that names its number."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {number} is not JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise ValueError(f"line {number} is not a JSON object")
            yield obj


def understand_jsonl(in_path: Path, out_path: Path, reader: Reader, batch: int = 256) -> int:
    """Read every record of `in_path`, write one label per line; returns the count.

    Streams in batches so memory stays flat on large files.
    """
    count = 0
    pending: list[Email] = []
    with Path(out_path).open("w", encoding="utf-8") as out:
        for obj in _records(Path(in_path)):
            pending.append(record_to_email(obj))
            if len(pending) >= batch:
                count += _flush(pending, reader, out)
        count += _flush(pending, reader, out)
    return count


def _flush(pending: list[Email], reader: Reader, out: Any) -> int:
    for reading in reader.read_many(pending):
        out.write(json.dumps(reading_to_record(reading), ensure_ascii=False) + "\n")
    n = len(pending)
    pending.clear()
    return n
