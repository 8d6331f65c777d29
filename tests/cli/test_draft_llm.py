"""`gracefully draft ID --llm` against an OpenAI-compatible endpoint.

No LLM can run here, so a tiny HTTP server on 127.0.0.1 answers chat
completions with a text the test chooses; everything else (the openai client,
the HTTP round trip, the grace check, the store) is the real thing.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tests.service.followup_world import seed
from typer.testing import CliRunner

from gracefully.cli import app
from gracefully.service.profile import set_profile
from gracefully.store.db import Database

runner = CliRunner()
GOOD = (
    "Hi Priya,\n\nThank you for letting me know, and for the screen last week. I enjoyed "
    "hearing about the team. If you have a moment, what would have made the difference?\n\n"
    "Best,\nRobin"
)
BITTER = (
    "Hi Priya,\n\nFrankly this process was a waste of my time and your decision is wrong. "
    "Please reconsider.\n\nRobin"
)


class Endpoint:
    """Answers every chat completion with `reply`, and remembers what it was asked."""

    def __init__(self) -> None:
        self.reply = GOOD
        self.requests: list[dict] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                endpoint.requests.append(json.loads(body))
                answer = {
                    "id": "c1", "object": "chat.completion", "created": 0, "model": "m",
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": endpoint.reply}}],
                }  # fmt: skip
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1"


@pytest.fixture
def endpoint() -> Iterator[Endpoint]:
    served = Endpoint()
    thread = threading.Thread(target=served.server.serve_forever, daemon=True)
    thread.start()
    yield served
    served.server.shutdown()


@pytest.fixture
def env(tmp_path: Path, endpoint: Endpoint) -> dict[str, str]:
    values = {
        "GRACEFULLY_DATA_DIR": str(tmp_path / "data"),
        "GRACEFULLY_CONFIG_DIR": str(tmp_path / "config"),
        "GRACEFULLY_DATABASE_URL": f"sqlite:///{tmp_path / 'g.db'}",
        "GRACEFULLY_LLM_BASE_URL": endpoint.url,
        "GRACEFULLY_LLM_MODEL": "local-test-model",
        "GRACEFULLY_LLM_API_KEY": "sk-test-not-a-secret",
        "COLUMNS": "200",
    }
    db = Database(values["GRACEFULLY_DATABASE_URL"])
    seed(db)
    set_profile(db, name="Robin Quill")  # an unsigned draft is blocked, whoever wrote it
    return values


def _first_followup(env: dict[str, str]) -> str:
    result = runner.invoke(app, ["plan"], env=env)
    assert result.exit_code == 0, result.output
    return result.output.split("│")[1].strip()


def test_a_graceful_rewrite_replaces_the_template(env: dict[str, str], endpoint: Endpoint) -> None:
    followup = _first_followup(env)
    result = runner.invoke(app, ["draft", followup, "--llm"], env=env)
    assert result.exit_code == 0, result.output
    assert "I enjoyed hearing about the team" in result.output
    assert "Rewritten by local-test-model" in result.output
    (request,) = endpoint.requests
    assert request["model"] == "local-test-model"
    assert "Priya" in json.dumps(request["messages"])


def test_a_rewrite_that_fails_the_grace_check_leaves_the_template(
    env: dict[str, str], endpoint: Endpoint
) -> None:
    endpoint.reply = BITTER
    followup = _first_followup(env)
    result = runner.invoke(app, ["draft", followup, "--llm"], env=env)
    assert result.exit_code == 0, result.output
    assert "waste of my time" not in result.output
    assert "The template draft stands" in result.output
    assert endpoint.requests, "the endpoint was never asked"
    assert "BLOCK" not in result.output


def test_without_configuration_the_error_says_what_to_set(env: dict[str, str]) -> None:
    followup = _first_followup(env)
    bare = {k: v for k, v in env.items() if not k.startswith("GRACEFULLY_LLM")}
    result = runner.invoke(app, ["draft", followup, "--llm"], env=bare)
    assert result.exit_code == 1
    assert "GRACEFULLY_LLM_BASE_URL" in result.output
