"""ORM tables. Rows never leave `gracefully.store`: repositories map them to domain objects.

Each feature area keeps its tables together here and its schema changes in a
migration of its own (see migrations/versions), so the history reads by area.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp that always comes back aware, in UTC.

    SQLite keeps no zone; without this, every reader of a row would have to
    remember to put it back.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: gracefully stores aware times only")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    pass


class EmailRow(Base):
    """Every message seen, so a re-scan can skip it. Bodies are kept only for
    job mail: the rest of a mailbox stays on the user's server, not in our file."""

    __tablename__ = "emails"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    sender_name: Mapped[str] = mapped_column(String(255), default="")
    sender_email: Mapped[str] = mapped_column(String(320), default="")
    reply_to: Mapped[str | None] = mapped_column(String(320))
    date: Mapped[datetime | None] = mapped_column(UtcDateTime())
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    thread_refs: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str | None] = mapped_column(Text)
    new_text: Mapped[str | None] = mapped_column(Text)
    signature: Mapped[str | None] = mapped_column(Text)
    headers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    scanned_at: Mapped[datetime] = mapped_column(UtcDateTime())
    content_hash: Mapped[str | None] = mapped_column(String(64))
    """What the author wrote, hashed: a different message under a known Message-ID
    differs here. None on rows stored before it was kept."""


class ReadingRow(Base):
    __tablename__ = "readings"

    email_id: Mapped[str] = mapped_column(
        ForeignKey("emails.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(String(32), index=True)
    confidence: Mapped[float] = mapped_column(Float)
    is_rejection: Mapped[bool] = mapped_column(Boolean, default=False)
    stage: Mapped[str | None] = mapped_column(String(32))
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    feedback: Mapped[str | None] = mapped_column(String(16))
    keep_on_file: Mapped[bool] = mapped_column(Boolean, default=False)
    invite_reapply: Mapped[bool] = mapped_column(Boolean, default=False)
    alt_role: Mapped[bool] = mapped_column(Boolean, default=False)
    alt_role_text: Mapped[str | None] = mapped_column(Text)
    personal: Mapped[bool] = mapped_column(Boolean, default=False)
    company: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str | None] = mapped_column(String(255))
    contact: Mapped[str | None] = mapped_column(String(255))
    no_reply: Mapped[bool] = mapped_column(Boolean, default=False)
    ats: Mapped[str | None] = mapped_column(String(64))
    door_closed: Mapped[bool] = mapped_column(Boolean, default=False)
    requisition_id: Mapped[str | None] = mapped_column(String(64))
    evidence: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    model_version: Mapped[str] = mapped_column(String(128), default="")
    corrected: Mapped[bool] = mapped_column(Boolean, default=False)


class CorrectionRow(Base):
    """A person's fix to a reading. Kept forever: re-scans re-apply it and
    retraining learns from it."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email_id: Mapped[str] = mapped_column(ForeignKey("emails.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class SkippedRow(Base):
    """A message that could not be read, with why. One row per place in a source."""

    __tablename__ = "skipped"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ref: Mapped[str] = mapped_column(String(1024), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime())
    kind: Mapped[str] = mapped_column(String(32), default="undecodable")
    size: Mapped[int | None] = mapped_column(Integer)


class ScanRow(Base):
    __tablename__ = "scans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    location: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)


class ApplicationRow(Base):
    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    company: Mapped[str] = mapped_column(String(255))
    company_key: Mapped[str] = mapped_column(String(255), index=True)
    role: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(32))
    stage: Mapped[str] = mapped_column(String(32))
    applied_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    url: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    requisition_id: Mapped[str | None] = mapped_column(String(64), index=True)
    company_domain: Mapped[str | None] = mapped_column(String(255))
    manual: Mapped[list[str]] = mapped_column(JSON, default=list)
    not_a_job: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    """The user said it is no job (a landlord's no, a scholarship): kept for undo, never listed."""


class LinkRow(Base):
    """Which application an email belongs to, and why. `application_id` is
    null while the link waits in the review queue."""

    __tablename__ = "links"

    email_id: Mapped[str] = mapped_column(
        ForeignKey("emails.id", ondelete="CASCADE"), primary_key=True
    )
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True
    )
    signal: Mapped[str] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text, default="")
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    candidates: Mapped[list[int]] = mapped_column(JSON, default=list)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("application_id", "kind", "email_id", name="uq_event"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    stage: Mapped[str | None] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text, default="")
    email_id: Mapped[str | None] = mapped_column(ForeignKey("emails.id", ondelete="SET NULL"))


class ContactRow(Base):
    __tablename__ = "contacts"
    __table_args__ = (UniqueConstraint("application_id", "name", "email", name="uq_contact"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(32))
    contactable: Mapped[bool] = mapped_column(Boolean, default=True)


Index("ix_emails_date", EmailRow.date)


# --- accounts and IMAP sync state (issue 6) ---


class AccountRow(Base):
    """A mail account to sync. Never its password: only the name of the
    environment variable that holds it, when the user chose one."""

    __tablename__ = "accounts"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(320))
    security: Mapped[str] = mapped_column(String(16))
    folders: Mapped[list[str]] = mapped_column(JSON, default=list)
    password_env: Mapped[str | None] = mapped_column(String(128))
    ca_file: Mapped[str | None] = mapped_column(Text)
    max_message_bytes: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ImapFolderRow(Base):
    """Where the last committed sync of one folder stopped. `last_uid` only
    moves after the messages up to it are stored, so a killed sync resumes."""

    __tablename__ = "imap_folders"

    account: Mapped[str] = mapped_column(
        ForeignKey("accounts.name", ondelete="CASCADE"), primary_key=True
    )
    folder: Mapped[str] = mapped_column(String(255), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    synced_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


# --- follow-ups and profile (issue 5) ---


class FollowUpRow(Base):
    """One planned move for one rejection, its draft, approval, delivery and
    outcome. Never a credential: only what was written and what happened."""

    __tablename__ = "followups"
    __table_args__ = (UniqueConstraint("application_id", "rejection_email_id", name="uq_followup"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    rejection_email_id: Mapped[str | None] = mapped_column(
        ForeignKey("emails.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(32))
    rule: Mapped[str] = mapped_column(String(64), default="")
    why: Mapped[str] = mapped_column(Text, default="")
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    checkin_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    advice: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), index=True)
    draft_subject: Mapped[str | None] = mapped_column(Text)
    draft_body: Mapped[str | None] = mapped_column(Text)
    draft_to_name: Mapped[str | None] = mapped_column(String(255))
    draft_to_email: Mapped[str | None] = mapped_column(String(320))
    draft_in_reply_to: Mapped[str | None] = mapped_column(String(998))
    draft_references: Mapped[list[str]] = mapped_column(JSON, default=list)
    draft_template: Mapped[str | None] = mapped_column(String(255))
    draft_variant: Mapped[int | None] = mapped_column(Integer)
    draft_findings: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    draft_note: Mapped[str] = mapped_column(Text, default="")
    approved_hash: Mapped[str | None] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Goes up with each change to what would be sent (see FollowUp.revision)."""
    approved_revision: Mapped[int | None] = mapped_column(Integer)
    imap_saved_hash: Mapped[str | None] = mapped_column(String(64))
    sent_message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    sending_since: Mapped[datetime | None] = mapped_column(UtcDateTime())
    sending_by: Mapped[str | None] = mapped_column(String(255))
    """The send lease: which process is sending (pid, host and a random token) ..."""
    sending_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    """... and until when its claim holds; after that the send is in doubt."""
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    outcome: Mapped[str | None] = mapped_column(String(32))
    outcome_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    feedback: Mapped[list[str]] = mapped_column(JSON, default=list)
    reply_email_id: Mapped[str | None] = mapped_column(ForeignKey("emails.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ProfileRow(Base):
    """The user as the drafts need them; one row (id 1). Never a password."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    signature: Mapped[str] = mapped_column(Text, default="")
    strengths: Mapped[list[str]] = mapped_column(JSON, default=list)
    tone: Mapped[str] = mapped_column(String(32), default="warm")


class ApplicationPrefRow(Base):
    """What the user said about one application: what it would have taught
    them, the move they want (or none), the other role they name."""

    __tablename__ = "application_prefs"

    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True
    )
    learn: Mapped[str] = mapped_column(Text, default="")
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)
    move: Mapped[str | None] = mapped_column(String(32))
    alt_role: Mapped[str | None] = mapped_column(Text)
    checkin: Mapped[bool] = mapped_column(Boolean, default=False)


# --- company aliases, merge log, manual edits (issue 4) ---


class CompanyAliasRow(Base):
    """One name of a company that normalisation cannot unify ("Initech" for "Initrode").
    `learnt` aliases came from confirmed links; the others the user declared."""

    __tablename__ = "company_aliases"

    alias: Mapped[str] = mapped_column(String(255), primary_key=True)
    canonical: Mapped[str] = mapped_column(String(255), index=True)
    learnt: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ChangeRow(Base):
    """A change the user made that `gracefully undo` can reverse. `inverse` holds
    what undoing it takes (row snapshots, moved ids, aliases before), so undo is
    one generic replay and nothing is ever lost to a merge or a bulk close."""

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text, default="")
    inverse: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    undone_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)


class MergedRow(Base):
    """An application merged into another. Its row stays (so undo restores it);
    lists and linking skip it."""

    __tablename__ = "merged_applications"

    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True
    )
    into_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    change_id: Mapped[int | None] = mapped_column(ForeignKey("changes.id", ondelete="SET NULL"))


class KeptApartRow(Base):
    """Two applications the user said are different jobs: never suggested as duplicates again."""

    __tablename__ = "kept_apart"

    a_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True
    )
    b_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True
    )


class OwnAddressRow(Base):
    """How often an address received the mailbox's mail or sent from its Sent folder,
    and what the user said of it: the tally `track.identity` learns the user from.
    The row with address "*" holds the count of messages tallied."""

    __tablename__ = "own_addresses"

    address: Mapped[str] = mapped_column(String(320), primary_key=True)
    received: Mapped[int] = mapped_column(Integer, default=0)
    sent: Mapped[int] = mapped_column(Integer, default=0)
    names: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    verdict: Mapped[str | None] = mapped_column(String(16))
    """"mine" or "not_mine" when the user said so; None while it is only counted."""
