"""The LLM rewrite over an in-process fake OpenAI-compatible server (no network)."""

from __future__ import annotations

import json

import httpx2

from gracefully.domain import Draft, MoveKind
from gracefully.write import GraceContext, LlmConfig, rewrite
from gracefully.write.llm import client_for

CONFIG = LlmConfig(base_url="http://llm.test/v1", model="tiny-voice", api_key="sk-test")
CONTEXT = GraceContext(to_name="Maya Ortiz", company="Northwind Labs", role="Data Analyst")
DRAFT = Draft(
    to_name="Maya Ortiz",
    to_email="maya@northwind.example",
    subject="Re: Your application",
    body="Hi Maya,\n\nThank you for letting me know. Please keep me in mind.\n\nAlex\n",
    move=MoveKind.STAY_ON_RADAR,
    template="stay_on_radar/2.txt.j2",
)


def _completion(content: str | None) -> dict:
    message = {"role": "assistant", "content": content}
    choice = {"index": 0, "finish_reason": "stop", "message": message}
    return {
        "id": "c1",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [choice],
    }


def _fake(content: str | None = None, status: int = 200, seen: list | None = None):
    def handler(request: httpx2.Request) -> httpx2.Response:
        if seen is not None:
            seen.append(request)
        return httpx2.Response(status, json=_completion(content))

    return client_for(CONFIG, httpx2.Client(transport=httpx2.MockTransport(handler)))


def test_a_graceful_rewrite_replaces_the_template_text() -> None:
    seen: list = []
    text = (
        "Hi Maya,\n\nThanks so much for the update. "
        "I'd be glad to be considered for future roles.\n\nAlex"
    )
    result = rewrite(DRAFT, CONTEXT, CONFIG, _fake(text, seen=seen), tone="brisk")
    assert result.body == text + "\n"
    assert result.template == "llm:tiny-voice from stay_on_radar/2.txt.j2"
    assert "passed the grace check" in result.note and not result.blocked
    [request] = seen
    payload = json.loads(request.content)
    assert str(request.url) == "http://llm.test/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer sk-test"
    assert payload["model"] == "tiny-voice"
    assert (
        DRAFT.body in payload["messages"][1]["content"]
        and "brisk" in payload["messages"][1]["content"]
    )


def test_a_rewrite_that_fails_the_grace_check_is_refused() -> None:
    text = "Hi Sarah,\n\nThank you. I think you made a mistake; please reconsider.\n\nAlex"
    result = rewrite(DRAFT, CONTEXT, CONFIG, _fake(text))
    assert result.body == DRAFT.body
    assert result.note.startswith("The template draft stands")
    assert "arguing" in result.note and "wrong_name" in result.note


def test_a_server_error_leaves_the_template() -> None:
    result = rewrite(DRAFT, CONTEXT, CONFIG, _fake("unused", status=500))
    assert (result.body, result.template) == (DRAFT.body, DRAFT.template)
    assert "LLM call failed (InternalServerError)" in result.note


def test_an_empty_answer_leaves_the_template() -> None:
    result = rewrite(DRAFT, CONTEXT, CONFIG, _fake(None))
    assert result.body == DRAFT.body and "no text" in result.note
