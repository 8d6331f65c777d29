"""scripts/build_demo_mailbox.py: the shipped files are what the sources build, every time."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_demo_mailbox.py"


@cache
def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_demo_mailbox", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_shipped_files_are_up_to_date_and_the_build_is_deterministic() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    builder = _builder()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    builder.build(tmp_path / "a")
    builder.build(tmp_path / "b")
    for name in builder.OUTPUTS:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


MESSAGE = """
[[message]]
key = "{key}"
date = 2026-09-01T10:00:00Z
from = "{sender}"
subject = "Hello"
body = "Hello."
[message.expect]
category = "{category}"
"""

BROKEN = {
    "duplicate keys": MESSAGE.format(key="a", sender="x@example.com", category="other") * 2,
    "a rejection without its details": MESSAGE.format(
        key="a", sender="x@example.com", category="rejection"
    ),
    "a no-reply sender not labelled no_reply": MESSAGE.format(
        key="a", sender="no-reply@example.com", category="other"
    ),
    "an unknown expect field": MESSAGE.format(key="a", sender="x@example.com", category="other")
    + "colour = 'blue'\n",
}


@pytest.mark.parametrize("case", BROKEN)
def test_the_builder_refuses_inconsistent_sources(case: str, tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "bad.toml").write_text(BROKEN[case])
    with pytest.raises(ValueError):
        _builder().build(tmp_path, source)
