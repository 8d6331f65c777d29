"""gracefully.samples: the files are found through the package, and the profile loads."""

from __future__ import annotations

import json
import mailbox
from pathlib import Path

import pytest

import gracefully.samples as samples
from gracefully.domain import Application, Profile
from gracefully.samples import demo_expected, demo_mailbox, demo_profile

SAMPLES_DIR = Path(samples.__file__).parent
TIDEWATER_NOTE = json.loads((SAMPLES_DIR / "demo_profile.json").read_text())["learn"][0]["text"]


def test_the_public_surface_is_exactly_the_three_loaders() -> None:
    assert sorted(samples.__all__) == ["demo_expected", "demo_mailbox", "demo_profile"]


def test_demo_mailbox_is_the_shipped_mbox_file() -> None:
    path = demo_mailbox()
    assert path == SAMPLES_DIR / "demo.mbox"
    box = mailbox.mbox(path, create=False)
    assert len(box) == len(demo_expected()["messages"])
    box.close()


def test_demo_expected_is_the_shipped_json() -> None:
    assert demo_expected() == json.loads((SAMPLES_DIR / "expected.json").read_text())


def test_demo_profile_is_the_demo_user() -> None:
    profile = demo_profile()
    assert isinstance(profile, Profile)
    assert (profile.name, profile.email) == ("Sam Rivera", demo_expected()["user"]["email"])
    assert profile.signature.startswith("Sam Rivera\n")
    assert len(profile.strengths) >= 2
    assert profile.tone == "warm"
    assert profile.learn == {}


@pytest.mark.parametrize(
    ("company", "role", "learns"),
    [
        ("Tidewater Credit Union", "Data Analyst II", True),
        ("Tidewater Credit Union, Inc.", "data analyst II", True),
        ("Tidewater Credit Union", "Data Analyst", False),
        ("Tidewater Bank", "Data Analyst II", False),
        ("Tidewater Credit Union", None, False),
    ],
)
def test_learn_notes_attach_to_the_application_with_that_company_and_role(
    company: str, role: str | None, learns: bool
) -> None:
    apps = [Application(company=company, role=role, id=7), Application(company="Other", id=8)]
    assert demo_profile(apps).learn == ({7: TIDEWATER_NOTE} if learns else {})


def test_an_application_without_an_id_gets_no_note() -> None:
    app = Application(company="Tidewater Credit Union", role="Data Analyst II")
    assert demo_profile([app]).learn == {}


def test_the_learn_note_is_for_the_overqualified_rejection() -> None:
    note = json.loads((SAMPLES_DIR / "demo_profile.json").read_text())["learn"][0]
    overqualified = [
        m
        for m in demo_expected()["messages"].values()
        if m["rejection"] and "overqualified" in m["rejection"]["reasons"]
    ]
    assert [(m["company"], m["role"]) for m in overqualified] == [(note["company"], note["role"])]
