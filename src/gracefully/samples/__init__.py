"""The sample mailbox and user that `gracefully demo` and the tests run on.

Why a package: importlib.resources finds these files wherever gracefully is
installed (a clone, a wheel in a venv), so the demo never depends on the
current directory. The mailbox, `expected.json` and README.md are generated
from `source/*.toml` by `scripts/build_demo_mailbox.py`; `expected.json` is
the truth other tests compare their readings with.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any

from gracefully.domain import Application, Profile

__all__ = ["demo_expected", "demo_mailbox", "demo_profile"]

_CORPORATE_SUFFIX = re.compile(r"\b(inc|llc|ltd|corp|co|plc|gmbh)\b\.?$")


def demo_mailbox() -> Path:
    """The shipped mbox, as a real file path (readers open it themselves)."""
    resource = files(__name__).joinpath("demo.mbox")
    if not isinstance(resource, Path):
        raise RuntimeError("gracefully must be installed as files, not zipped, to run the demo")
    return resource


def demo_expected() -> dict[str, Any]:
    """The expected reading of every demo message and application (see README.md)."""
    return json.loads(files(__name__).joinpath("expected.json").read_text(encoding="utf-8"))


def demo_profile(applications: Iterable[Application] = ()) -> Profile:
    """The demo user's profile.

    "What this job would have let me learn" is written per company and role,
    because application ids only exist after a scan: pass the scanned
    applications and the notes that match one (by normalised company and
    role) are keyed by its id, as `Profile.learn` expects.
    """
    data = json.loads(files(__name__).joinpath("demo_profile.json").read_text(encoding="utf-8"))
    notes = {(_norm(n["company"]), _norm(n["role"])): n["text"] for n in data["learn"]}
    learn = {
        app.id: notes[key]
        for app in applications
        if app.id is not None and (key := (_norm(app.company), _norm(app.role or ""))) in notes
    }
    return Profile(
        name=data["name"],
        email=data["email"],
        signature=data["signature"],
        strengths=tuple(data["strengths"]),
        tone=data["tone"],
        learn=learn,
    )


def _norm(name: str) -> str:
    words = re.sub(r"[^\w&]+", " ", name.casefold()).strip()
    return _CORPORATE_SUFFIX.sub("", words).strip()
