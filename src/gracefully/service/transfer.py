"""Export applications (JSON nested, CSV flat) and import them (our JSON, or a tracker's CSV).

A JSON export holds each application with its timeline, contacts and the
emails linked to it with their readings; importing it into an empty database
restores those. It does not carry follow-ups and drafts, the profile,
preferences, or the corrections the model learns from, and importing into a
database that already has applications is refused (it would duplicate them
and move their email links). A CSV export neutralises cells a spreadsheet
would run as formulas. A CSV import maps the columns of common tracker
exports, reports which it used and ignored, and skips bad rows by line number.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from gracefully import track
from gracefully.domain import (
    Address,
    Application,
    Category,
    Contact,
    ContactRole,
    Email,
    Event,
    EventKind,
    Evidence,
    Feedback,
    Link,
    LinkSignal,
    Reading,
    Reason,
    Rejection,
    Stage,
    Status,
)
from gracefully.service.manage import ManageError, NewApplication, create_application
from gracefully.store import applications as app_store
from gracefully.store import mail as mail_store
from gracefully.store.db import Database

FORMAT = "gracefully-applications"
VERSION = 1

COLUMNS: dict[str, tuple[str, ...]] = {
    "company": ("company", "organization", "organisation", "employer", "companyname"),
    "role": ("position", "title", "role", "jobtitle", "job", "positiontitle"),
    "status": ("status", "stage", "applicationstatus"),
    "applied_on": ("dateapplied", "applied", "applicationdate", "appliedon", "date"),
    "url": ("url", "link", "joburl", "joblink", "postingurl"),
    "notes": ("notes", "comments", "note", "comment"),
    "contact": ("contact", "contactname", "recruiter"),
}
"""Our field -> the tracker column names it takes (lower case, letters and digits only)."""

STATUS_WORDS: dict[str, Status] = {
    **{s.value.replace("_", ""): s for s in Status},
    "interviewing": Status.IN_PROCESS, "interview": Status.IN_PROCESS,
    "inprogress": Status.IN_PROCESS, "phonescreen": Status.IN_PROCESS,
    "screening": Status.IN_PROCESS, "offered": Status.OFFER, "declined": Status.REJECTED,
    "rejection": Status.REJECTED, "ghosted": Status.NO_RESPONSE, "noreply": Status.NO_RESPONSE,
    "wishlist": Status.APPLIED, "submitted": Status.APPLIED, "archived": Status.CLOSED,
}  # fmt: skip
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%b %d, %Y",
                "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%m/%d/%y")  # fmt: skip
CSV_FIELDS = ("id", "company", "role", "status", "stage", "applied_on", "updated_at", "url",
              "notes", "requisition_id", "company_domain")  # fmt: skip
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ImportReport:
    imported: int = 0
    used: dict[str, str] = field(default_factory=dict)
    """Column as written -> the field it filled."""
    ignored: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    """(line number, why) of each row left out."""
    notices: list[str] = field(default_factory=list)
    """Things the user should know that cost no row (the file's encoding, a status guessed)."""


class TransferError(ValueError):
    """The file cannot be imported at all; the message says why."""


# --- export ---


def export_json(db: Database, path: Path) -> int:
    records = _records(db)
    payload = {"format": FORMAT, "version": VERSION, "applications": records}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=_plain) + "\n")
    return len(records)


def export_csv(db: Database, path: Path) -> int:
    """One row per application; the timeline and contacts in one column each."""
    records = _records(db)
    names = [*CSV_FIELDS, "manual", "contacts", "timeline"]
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        for rec in records:
            contacts = "; ".join(_contact_text(c) for c in rec["contacts"])
            timeline = " | ".join(
                f"{_plain(e['at'])[:10]} {e['kind']}: {e['summary']}" for e in rec["events"]
            )
            flat = {k: _plain(v) if isinstance(v, date) else v for k, v in rec.items()}
            row = {**flat, "manual": ",".join(rec["manual"]), "contacts": contacts}
            writer.writerow({k: _inert(v) for k, v in {**row, "timeline": timeline}.items()})
    return len(records)


def _inert(value: Any) -> Any:
    """Email text opened in a spreadsheet must not run as a formula (CSV injection)."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _records(db: Database) -> list[dict[str, Any]]:
    with db.transaction() as session:
        out = []
        for listed in app_store.list_all(session):
            assert listed.id is not None
            app = app_store.get(session, listed.id)
            assert app is not None
            out.append(_record(session, app))
        return out


def _record(session: Session, app: Application) -> dict[str, Any]:
    record = asdict(app)
    record["manual"] = sorted(app.manual)
    record["emails"] = []
    for link in app_store.links_for(session, app.id or 0):
        found = mail_store.get(session, link.email_id)
        if found is not None and found[1] is not None:
            email, reading = found
            record["emails"].append(
                {"email": asdict(email), "reading": asdict(reading), "link": asdict(link)}
            )
    return record


def _contact_text(contact: dict[str, Any]) -> str:
    return f"{contact['name']} <{contact['email']}>" if contact["email"] else contact["name"]


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(value)
    raise TypeError(f"cannot export {type(value).__name__}")


# --- JSON import: our own export ---


def import_json(db: Database, path: Path) -> ImportReport:
    """Restore an export into an empty database only: a second import would duplicate
    every application and move the email links to the copies."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise TransferError(f"{path} is not a gracefully export (no format {FORMAT!r})")
    report = ImportReport()
    with db.transaction() as session:
        if app_store.list_all(session):
            raise TransferError(
                "this database already has applications; import a JSON export into an "
                "empty database (e.g. `gracefully --db sqlite:///new.db import --json FILE`)"
            )
        known = mail_store.known_ids(session)
        aliases = app_store.aliases(session)
        for rec in data["applications"]:
            _import_record(session, rec, known, aliases)
            report.imported += 1
    return report


def _import_record(
    session: Session, rec: dict[str, Any], known: set[str], aliases: dict[str, str]
) -> None:
    app = _application(rec)
    app_id = app_store.create(
        session, app, track.canonical(aliases, track.company_key(app.company))
    )
    pairs = [(_email(e["email"]), _reading(e["reading"])) for e in rec["emails"]]
    fresh = [(e, r) for e, r in pairs if mail_store.storage_id(e.id) not in known]
    mail_store.add_emails(session, fresh, keep_body={e.id for e, _ in fresh if e.body})
    known.update(mail_store.storage_id(e.id) for e, _ in fresh)
    for item in rec["emails"]:
        link = item["link"]
        app_store.add_link(
            session,
            Link(
                link["email_id"],
                app_id,
                LinkSignal(link["signal"]),
                link["confidence"],
                link["evidence"],
                link["needs_review"],
            ),
        )
    app_store.add_events(session, [(app_id, _event(e)) for e in rec["events"]])
    app_store.add_contacts(session, [(app_id, _contact(c)) for c in rec["contacts"]])


def _application(rec: dict[str, Any]) -> Application:
    return Application(
        company=rec["company"],
        role=rec["role"],
        status=Status(rec["status"]),
        stage=Stage(rec["stage"]),
        applied_on=date.fromisoformat(rec["applied_on"]) if rec["applied_on"] else None,
        updated_at=_when(rec["updated_at"]),
        url=rec["url"],
        notes=rec["notes"],
        requisition_id=rec["requisition_id"],
        company_domain=rec["company_domain"],
        manual=frozenset(rec["manual"]),
    )


def _event(rec: dict[str, Any]) -> Event:
    at = _when(rec["at"])
    assert at is not None
    stage = Stage(rec["stage"]) if rec["stage"] else None
    return Event(EventKind(rec["kind"]), at, rec["summary"], rec["email_id"], stage)


def _contact(rec: dict[str, Any]) -> Contact:
    return Contact(rec["name"], rec["email"], ContactRole(rec["role"]), rec["contactable"])


def _address(rec: dict[str, Any] | None) -> Address | None:
    return Address(rec["name"], rec["email"]) if rec else None


def _email(rec: dict[str, Any]) -> Email:
    return Email(
        **{
            **rec,
            "sender": _address(rec["sender"]),
            "reply_to": _address(rec["reply_to"]),
            "date": _when(rec["date"]),
            "references": tuple(rec["references"]),
            "to": tuple(_address(a) for a in rec["to"]),
            "cc": tuple(_address(a) for a in rec["cc"]),
        }
    )


def _reading(rec: dict[str, Any]) -> Reading:
    rej = rec["rejection"]
    rejection = None
    if rej is not None:
        rejection = Rejection(
            **{
                **rej,
                "stage": Stage(rej["stage"]),
                "reasons": tuple(Reason(r) for r in rej["reasons"]),
                "feedback": Feedback(rej["feedback"]),
            }
        )
    return Reading(
        **{
            **rec,
            "category": Category(rec["category"]),
            "rejection": rejection,
            "evidence": tuple(Evidence(**e) for e in rec["evidence"]),
        }
    )


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


# --- CSV import: a tracker's export ---


def import_csv(db: Database, path: Path) -> ImportReport:
    """Import what can be read; every row left out is reported with its line number."""
    report = ImportReport()
    text = _decode(path.read_bytes(), report)
    reader = csv.DictReader(io.StringIO(text))
    mapping = _map_columns(reader.fieldnames or [], report)
    if "company" not in mapping.values():
        raise TransferError(
            f"no company column in {path.name}; expected one of: {', '.join(COLUMNS['company'])}"
        )
    with db.transaction() as session:
        aliases = app_store.aliases(session)
        for line, row in _rows(reader):
            try:
                new = _new_application(row, mapping, report, line)
                create_application(session, new, aliases)
            except (ManageError, ValueError) as exc:
                report.skipped.append((line, str(exc)))
                continue
            report.imported += 1
    return report


def _rows(reader: csv.DictReader[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row); a line that could not be decoded comes as a marked row."""
    for row in reader:
        unreadable = any(v == _UNREADABLE for v in row.values())
        yield reader.line_num, ({"__bad__": "not valid UTF-8"} if unreadable else row)


_UNREADABLE = "\x00unreadable\x00"


def _decode(raw: bytes, report: ImportReport) -> str:
    """The file as text: UTF-8 (with or without a BOM), else Windows-1252, and say so.
    A UTF-8 file with a few lines in another encoding keeps the good lines."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw.decode("utf-8-sig")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = raw.split(b"\n")
    good = [_try_utf8(line) for line in lines]
    if not any(g is not None and not g.isascii() for g in good):
        report.notices.append("the file is not UTF-8; read it as Windows-1252 (cp1252)")
        return raw.decode("cp1252", errors="replace")
    return "\n".join(g if g is not None else f'"{_UNREADABLE}"' for g in good)


def _try_utf8(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _map_columns(names: list[str], report: ImportReport) -> dict[str, str]:
    """Column as written -> our field; the first column for a field wins."""
    mapping: dict[str, str] = {}
    for name in names:
        key = _NOT_ALNUM.sub("", name.lower())
        target = next((f for f, words in COLUMNS.items() if key in words), None)
        if target is None or target in mapping.values():
            report.ignored.append(name)
            continue
        mapping[name] = target
    report.used = dict(mapping)
    return mapping


def _new_application(
    row: dict[str, str], mapping: dict[str, str], report: ImportReport, line: int
) -> NewApplication:
    if "__bad__" in row:
        raise ValueError(f"{row['__bad__']}")
    values = {target: (row.get(name) or "").strip() for name, target in mapping.items()}
    if not values.get("company"):
        raise ValueError("no company")
    status = None
    if values.get("status"):
        status = STATUS_WORDS.get(_NOT_ALNUM.sub("", values["status"].lower()))
        if status is None:
            report.notices.append(
                f"line {line}: status {values['status']!r} unknown; kept as applied"
            )
    return NewApplication(
        company=values["company"],
        role=values.get("role") or None,
        applied_on=parse_date(values["applied_on"]) if values.get("applied_on") else None,
        url=values.get("url") or None,
        contact=values.get("contact") or None,
        notes=values.get("notes", ""),
        status=status,
    )


def parse_date(text: str) -> date:
    """A date as trackers write it (ISO first; US month/day before day/month)."""
    text = text.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"cannot read the date {text!r}")
