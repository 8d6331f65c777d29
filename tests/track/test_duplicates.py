"""Suspected duplicates are suggestions with reasons; a merge plan changes nothing by itself."""

from __future__ import annotations

from gracefully.domain import Application, Contact, Event, EventKind
from gracefully.track import merge_plan, suspected_duplicates
from tests.track.builders import WHEN

APPS = [
    Application("Acme Robotics", "Senior Data Engineer", id=1),
    Application("ACME Robotics Inc.", "Sr. Data Engineer", id=2),
    Application("Acme Robotics", "Staff Data Engineer", id=3),
    Application("Globex", "Product Designer", id=4, requisition_id="R-20431"),
    Application("Globex", "Senior Product Designer", id=5, requisition_id="r20431"),
    Application("Initech", "Data Analyst", id=6),
    Application("Initrode", "Data Analyst", id=7),
    Application("Umbrella", None, id=8),
    Application("Umbrella", "Data Analyst", id=9),
]


def test_pairs_and_their_reasons() -> None:
    found = {(s.a_id, s.b_id): s for s in suspected_duplicates(APPS)}
    assert set(found) == {(1, 2), (4, 5), (8, 9)}
    assert "requisition" in found[(4, 5)].why
    assert "no role" in found[(8, 9)].why


def test_aliases_bring_renamed_companies_together() -> None:
    found = suspected_duplicates(APPS, {"initrode": "initech"})
    assert (6, 7) in {(s.a_id, s.b_id) for s in found}


def test_merge_plan_fills_gaps_keeps_conflicts_and_respects_manual_fields() -> None:
    keep = Application("Acme", "Data Engineer", id=1, url=None, notes="met at a fair",
                       contacts=[Contact("Dana Whitfield", "dana@acme.io")],
                       manual=frozenset({"applied_on"}))  # fmt: skip
    absorb = Application("Acme", "Senior Data Engineer", id=2, url="https://acme.io/jobs/1",
                         applied_on=WHEN.date(), notes="referral",
                         contacts=[Contact("Dana Whitfield", "dana@acme.io"), Contact("Mo Park")],
                         events=[Event(EventKind.CONFIRMED, WHEN)])  # fmt: skip
    plan = merge_plan(keep, absorb)
    assert plan.fill == {"url": "https://acme.io/jobs/1"}
    assert plan.conflicts == {"role": ("Data Engineer", "Senior Data Engineer")}
    assert (plan.events, plan.contacts) == (1, 1)
    assert plan.notes == "met at a fair\nreferral"
    assert keep.url is None  # nothing applied
