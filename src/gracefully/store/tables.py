"""ORM tables. Rows never leave `gracefully.store`: repositories map them to domain objects.

Each feature area keeps its tables together here and its schema changes in a
migration of its own (see migrations/versions), so the history reads by area.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
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
    date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    thread_refs: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str | None] = mapped_column(Text)
    new_text: Mapped[str | None] = mapped_column(Text)
    signature: Mapped[str | None] = mapped_column(Text)
    headers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    scanned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


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
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SkippedRow(Base):
    """A message that could not be read, with why. One row per place in a source."""

    __tablename__ = "skipped"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ref: Mapped[str] = mapped_column(String(1024), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ScanRow(Base):
    __tablename__ = "scans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    location: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
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
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    url: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    requisition_id: Mapped[str | None] = mapped_column(String(64), index=True)
    company_domain: Mapped[str | None] = mapped_column(String(255))
    manual: Mapped[list[str]] = mapped_column(JSON, default=list)


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


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("application_id", "kind", "email_id", name="uq_event"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
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
