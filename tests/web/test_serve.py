"""`gracefully serve` refuses to listen beyond this machine unless told to.

(The browser tests run the real command on 127.0.0.1.)
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from gracefully.cli import app
from gracefully.domain.accounts import is_loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.7", "::", "myhost.example"])
def test_a_reachable_address_needs_public(host: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(
        app, ["--db", f"sqlite:///{tmp_path / 'g.db'}", "serve", "--host", host]
    )
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "has no login" in said and "add --public" in said
    assert not (tmp_path / "g.db").exists(), "refused before opening anything"


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("127.8.0.1", True), ("localhost", True), ("::1", True),
     ("[::1]", True), ("0.0.0.0", False), ("10.0.0.2", False), ("example.org", False)],
)  # fmt: skip
def test_what_counts_as_this_machine(host: str, local: bool) -> None:
    assert is_loopback(host) is local


def test_serve_is_listed_with_its_options() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--host" in result.output and "--port" in result.output and "--public" in result.output
