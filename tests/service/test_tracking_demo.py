"""The demo mailbox through the real scan (ingest, the trained reader, track) against
expected.json: which application each job email lands in, and what it is called.

The figures are in the assertion messages; `pytest -s` also prints them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import select
from tests.service.review_world import demo_reader, scan_demo

from gracefully.config import Settings, load_settings
from gracefully.domain import Application
from gracefully.samples import demo_expected
from gracefully.service.applications import application_detail, list_applications
from gracefully.store import applications as app_store
from gracefully.store.db import Database
from gracefully.store.tables import LinkRow
from gracefully.track import company_key, is_ats_domain
from gracefully.understand import Reader

__all__ = ["demo_reader"]

EXPECTED = demo_expected()["applications"]
TRUTH = {mid: app["key"] for app in EXPECTED for mid in app["messages"]}
BY_KEY = {app["key"]: app for app in EXPECTED}


@dataclass
class Scanned:
    apps: dict[int, Application]
    links: dict[str, tuple[int | None, bool]]
    """email id -> (application id, waiting for review)"""

    def home(self) -> dict[str, int]:
        """Each expected application's home: the application holding most of its emails."""
        votes: Counter[tuple[str, int]] = Counter(
            (key, app_id) for mid, key in TRUTH.items() if (app_id := self.applied(mid)) is not None
        )
        homes: dict[str, int] = {}
        for (key, app_id), _ in votes.most_common():
            homes.setdefault(key, app_id)
        return homes

    def applied(self, email_id: str) -> int | None:
        app_id, waiting = self.links.get(email_id, (None, True))
        return None if waiting else app_id

    def right(self) -> list[str]:
        homes = self.home()
        return [mid for mid, key in TRUTH.items() if self.applied(mid) == homes.get(key)]

    def figures(self) -> str:
        return (
            f"{len(self.right())}/{len(TRUTH)} job emails in their application; "
            f"{len(self.apps)} applications (expected {len(EXPECTED)}): "
            + "; ".join(sorted(f"{a.company} / {a.role}" for a in self.apps.values()))
        )


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory, demo_reader: Reader) -> Iterator[Scanned]:
    home = tmp_path_factory.mktemp("tracking-demo")
    url = f"sqlite:///{home / 'gracefully.db'}"
    settings: Settings = load_settings(
        db=url,
        env={
            "GRACEFULLY_DATA_DIR": str(home / "data"),
            "GRACEFULLY_CONFIG_DIR": str(home / "config"),
        },
    )
    db = Database(url)
    scan_demo(db, settings, demo_reader)
    with db.transaction() as session:
        apps = {a.id: a for a in app_store.list_all(session) if a.id is not None}
        rows = session.scalars(select(LinkRow))
        links = {r.email_id: (r.application_id, r.needs_review) for r in rows}
    result = Scanned(apps, links)
    print(f"\ndemo linking: {result.figures()}")
    yield result
    db.close()


def test_job_emails_land_in_their_application(scanned: Scanned) -> None:
    assert len(scanned.right()) >= 0.95 * len(TRUTH), scanned.figures()


def test_one_application_per_expected_one(scanned: Scanned) -> None:
    assert len(scanned.apps) == len(EXPECTED), scanned.figures()
    assert set(scanned.home()) == set(BY_KEY), scanned.figures()
    assert len(set(scanned.home().values())) == len(EXPECTED), scanned.figures()


def test_no_application_holds_emails_of_two_roles(scanned: Scanned) -> None:
    """The Senior Data Analyst rejection is not the Data Analyst application's."""
    held: dict[int, set[str]] = {}
    for mid, key in TRUTH.items():
        if (app_id := scanned.applied(mid)) is not None:
            held.setdefault(app_id, set()).add(key)
    mixed = {app_id: keys for app_id, keys in held.items() if len(keys) > 1}
    assert not mixed, scanned.figures()


def test_applications_carry_the_companys_written_name(scanned: Scanned) -> None:
    """Never a slug or a domain ("Tidewatercu"), never an ATS mail domain."""
    homes = {app_id: key for key, app_id in scanned.home().items()}
    for app_id, app in scanned.apps.items():
        expected = BY_KEY[homes[app_id]]
        assert not is_ats_domain(f"{company_key(app.company)}.com"), app.company
        assert company_key(app.company) == company_key(expected["company"]), scanned.figures()


def test_mail_about_no_application_is_not_linked(scanned: Scanned) -> None:
    linked = {mid for mid in scanned.links if scanned.applied(mid) is not None}
    assert linked <= set(TRUTH), sorted(linked - set(TRUTH))


def test_each_person_is_one_contact_on_the_application_page(
    db: Database, settings: Settings, demo_reader: Reader
) -> None:
    scan_demo(db, settings, demo_reader)
    for app in list_applications(db):
        contacts = application_detail(db, app.id).application.contacts  # type: ignore[arg-type]
        emails = [c.email for c in contacts if c.email]
        firsts = [c.name.split()[0].lower() for c in contacts if c.name and not c.email]
        assert len(emails) == len(set(emails)), contacts
        named = {c.name.split()[0].lower() for c in contacts if c.email and c.name}
        assert not (set(firsts) & named), contacts  # "Tomás" alone beside "Tomás Rueda <t@x>"
