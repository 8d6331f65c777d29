"""The index: lookups by every signal, aliases applied after the fact, the public surface."""

from __future__ import annotations

import gracefully.track as track
from gracefully.domain import Application, Status
from gracefully.track import Known, TrackIndex, company_key


def test_build_from_stored_applications_and_lookups() -> None:
    apps = [
        Application("Acme Robotics", "Data Engineer", id=1, company_domain="acmerobotics.com",
                    requisition_id="R-20431", status=Status.IN_PROCESS),
        Application("Northwind Traders", "Account Executive", id=2),
    ]  # fmt: skip
    index = TrackIndex.build(apps, {"<a@acme>": 1})
    assert index.by_message("a@acme") == 1
    assert [a.id for a in index.by_requisition("r 20431")] == [1]
    assert [a.id for a in index.by_domain("mail.acmerobotics.com")] == [1]
    assert [a.id for a in index.by_company("ACME Robotics, Inc.")] == [1]
    assert [a.id for a in index.by_company("acmerobotics.com")] == [1]
    assert [a.id for a in index.by_company_prefix("northwind")] == [2]
    assert index.application(1).status is Status.IN_PROCESS


def test_a_prefix_shared_by_two_companies_finds_nothing() -> None:
    index = TrackIndex()
    index.add_application(Known(1, "Cobalt Labs"))
    index.add_application(Known(2, "Cobalt Health"))
    assert index.by_company_prefix("cobalt") == []
    assert {k for k, _ in index.similar_companies("cobalt")} == {"cobalthealth", "cobaltlabs"}


def test_replacing_an_application_moves_it_and_aliases_rekey_it() -> None:
    index = TrackIndex()
    index.add_application(Known(1, "Initech"))
    index.add_application(Known(1, "Initech", "Staff Engineer", "JR-1"))
    assert len(index) == 1 and index.by_company("initech")[0].role == "Staff Engineer"
    assert index.by_company("initrode") == []
    index.set_aliases({"initrode": "initech"})
    assert [a.id for a in index.by_company("Initrode")] == [1]
    assert index.key("Initrode LLC") == company_key("Initech")


def test_unknown_application_for_a_message_is_an_error() -> None:
    index = TrackIndex()
    try:
        index.add_message("<x@y>", 5)
    except KeyError:
        return
    raise AssertionError("a message must point to a known application")


def test_public_surface_is_exactly_all() -> None:
    public = {n for n in dir(track) if not n.startswith("_")}
    modules = {"ats", "clues", "company", "contacts", "duplicates", "identity", "index", "link",
               "propose", "roles", "timeline"}  # fmt: skip
    assert set(track.__all__) <= public
    assert public - set(track.__all__) <= modules
