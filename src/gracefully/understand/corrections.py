"""A person's corrections on top of a reading: the user always wins over the model."""

from __future__ import annotations

from dataclasses import replace

from gracefully.domain import Category, Feedback, Reading, Reason, Rejection, Stage


def apply_corrections(reading: Reading, fixes: dict[str, str]) -> Reading:
    """A reading with the user's fixes on top: the user always wins over the model."""
    if not fixes:
        return reading
    category = Category(fixes.get("category", reading.category))
    rejection = reading.rejection
    if category is Category.REJECTION:
        rejection = rejection or Rejection()
        if "stage" in fixes:
            rejection = replace(rejection, stage=Stage(fixes["stage"]))
        if "reasons" in fixes:
            reasons = tuple(Reason(r) for r in fixes["reasons"].split(",") if r)
            rejection = replace(rejection, reasons=reasons)
        if "feedback" in fixes:
            rejection = replace(rejection, feedback=Feedback(fixes["feedback"]))
    else:
        rejection = None
    return replace(
        reading,
        category=category,
        rejection=rejection,
        company=fixes.get("company", reading.company),
        role=fixes.get("role", reading.role),
        confidence=1.0,
        corrected=True,
    )
