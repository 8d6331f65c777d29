"""The reader: category, details and evidence assembled into one `Reading`."""

from __future__ import annotations

from pathlib import Path

from gracefully.domain import Address, Category, Email, Reading
from gracefully.understand.classifier import FORMAT_VERSION, Classifier
from gracefully.understand.reader import SENT_BY_YOU, Reader, load_reader

REJECTION = Email(
    id="a",
    subject="Update on your interview",
    sender=Address("Piet Vos", "piet.vos@dunecraft.example"),
    date=None,
    body=(
        "Hi Astrid,\n\nThank you for meeting the team on Thursday. After careful "
        "consideration we have decided not to move forward with your application, as the "
        "position has been filled by an internal candidate.\n\nPiet Vos"
    ),
)
CONFIRMATION = Email(
    id="b",
    subject="Application received",
    sender=None,
    date=None,
    body=(
        "Thank you for applying to Marsh Valley Water. We have received your application "
        "and our team is reviewing it. If your qualifications match our needs, we will "
        "contact you."
    ),
)


def test_reading_carries_category_details_and_version(reader: Reader) -> None:
    reading = reader.read(REJECTION)
    assert isinstance(reading, Reading)
    assert reading.email_id == "a"
    assert reading.category is Category.REJECTION
    assert reading.rejection is not None
    assert reading.model_version.startswith(f"category-v{FORMAT_VERSION}-")


def test_every_evidence_points_into_the_text(reader: Reader) -> None:
    for reading, email in zip(
        reader.read_many([REJECTION, CONFIRMATION]), [REJECTION, CONFIRMATION], strict=True
    ):
        (category,) = reading.evidence_for("category")
        assert category.value == reading.category.value
        for ev in reading.evidence:
            if ev.start >= 0:
                assert email.text[ev.start : ev.end] == ev.sentence


def test_only_a_rejection_has_rejection_details(reader: Reader) -> None:
    reading = reader.read(CONFIRMATION)
    assert reading.category is Category.CONFIRMATION
    assert reading.rejection is None


def test_read_many_keeps_order_and_matches_read(reader: Reader) -> None:
    emails = [CONFIRMATION, REJECTION, CONFIRMATION]
    many = reader.read_many(emails)
    assert [r.email_id for r in many] == ["b", "a", "b"]
    assert many == [reader.read(e) for e in emails]
    assert reader.read_many([]) == []


FOLLOW_UP = Email(
    id="c",
    subject="Re: Update on your interview",
    sender=Address("Astrid Holm", "Astrid.Holm@example.net"),
    date=None,
    body=(
        "Hi Piet,\n\nThank you for letting me know that you decided not to move forward "
        "with my application. I understand the position has been filled. Could you share "
        "any feedback on my interview?\n\nBest,\nAstrid"
    ),
    to=(Address("Piet Vos", "piet.vos@dunecraft.example"),),
)


def test_mail_the_user_sent_is_other_with_certainty(reader: Reader) -> None:
    own = frozenset({"astrid.holm@example.net"})
    first, mine, last = reader.read_many([REJECTION, FOLLOW_UP, CONFIRMATION], own)
    assert (mine.email_id, mine.category, mine.confidence) == ("c", Category.OTHER, 1.0)
    assert mine.rejection is None
    (why,) = mine.evidence_for("category")
    assert (why.rule, why.value) == (SENT_BY_YOU, "other")
    assert "sent by you" in why.sentence
    assert (first.category, last.category) == (Category.REJECTION, Category.CONFIRMATION)
    assert reader.read(FOLLOW_UP, frozenset({"ASTRID.HOLM@example.net "})) == mine


def test_without_own_addresses_the_model_reads_the_follow_up(reader: Reader) -> None:
    """The text alone is not enough, which is why the reader needs the addresses."""
    reading = reader.read(FOLLOW_UP, frozenset({"someone.else@example.net"}))
    assert reading.evidence_for("category")[0].rule != SENT_BY_YOU
    assert reading.confidence < 1.0


def test_load_reader_uses_the_cached_model(clf: Classifier, model_cache: Path) -> None:
    assert load_reader(cache_dir=model_cache).classifier.version == clf.version


def test_public_surface_is_exactly_declared() -> None:
    import gracefully.understand as understand

    assert sorted(understand.__all__) == [
        "Classifier",
        "Example",
        "Reader",
        "apply_corrections",
        "load_reader",
        "reading_to_record",
        "record_to_email",
        "train_classifier",
        "understand_jsonl",
    ]
    assert all(hasattr(understand, name) for name in understand.__all__)
