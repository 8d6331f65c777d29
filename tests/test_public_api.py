"""Each stage declares its public surface (httpx-style), and keeps to the design's imports.

DESIGN.md: stages import only `gracefully.domain` and `gracefully.knowledge`
(never store, service, cli, web, or each other); `knowledge` itself imports only
`domain`; `cli` and `web` talk to `service` and `domain` only (and `cli` starts
`web` for `gracefully serve`).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "gracefully"
STAGES = ["ingest", "understand", "track", "plan", "write", "deliver", "learn"]
INTERNAL = {"domain", "knowledge", "ingest", "understand", "track", "plan", "write", "deliver",
            "learn", "store", "service", "cli", "web", "config", "samples",
            "credentials"}  # fmt: skip


def _gracefully_imports(package: str) -> set[str]:
    """The top-level gracefully packages that modules of `package` import."""
    found = set()
    for path in (SRC / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "gracefully" and len(parts) > 1 and parts[1] in INTERNAL:
                    found.add(parts[1])
    return found - {package}


@pytest.mark.parametrize("stage", STAGES)
def test_stage_imports_only_domain_and_knowledge(stage: str) -> None:
    assert _gracefully_imports(stage) <= {"domain", "knowledge"}


def test_knowledge_imports_only_domain() -> None:
    assert _gracefully_imports("knowledge") <= {"domain"}


def test_cli_talks_to_service_and_domain_only() -> None:
    assert _gracefully_imports("cli") <= {"service", "domain", "config", "web"}


def test_web_talks_to_service_and_domain_only() -> None:
    assert _gracefully_imports("web") <= {"service", "domain", "config"}


@pytest.mark.parametrize("face", ["cli", "web"])
def test_faces_run_no_sql(face: str) -> None:
    for path in (SRC / face).rglob("*.py"):
        text = path.read_text()
        assert "sqlalchemy" not in text and "session." not in text, path


@pytest.mark.parametrize("stage", [*STAGES, "domain", "knowledge"])
def test_stage_declares_its_public_names(stage: str) -> None:
    module = importlib.import_module(f"gracefully.{stage}")
    exported = getattr(module, "__all__", None)
    assert exported, f"gracefully.{stage} has no __all__"
    assert sorted(set(exported)) == sorted(exported), "duplicates in __all__"
    for name in exported:
        assert hasattr(module, name), f"gracefully.{stage}.{name} is exported but missing"
    public = {n for n, v in vars(module).items() if not n.startswith("_")
              and getattr(v, "__module__", "").startswith("gracefully.")}  # fmt: skip
    assert public <= set(exported) | _submodules(stage), public - set(exported)


def _submodules(stage: str) -> set[str]:
    package = SRC / stage
    return {p.stem for p in package.glob("*.py")} | {
        p.name for p in package.iterdir() if p.is_dir()
    }
