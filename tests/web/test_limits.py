"""Every input surface of the web app has a bound: bodies of any type and ids in paths.

A body over the cap is 413 on every route, JSON included, whether it says its
length or streams without one; an id no row can have is 404 like any unknown
record, never a 500. (The real server refusing a 200 MB body before reading it
is in test_browser, which runs `gracefully serve`.)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.web.web_world import form_token

from gracefully.service.followups import get_followup
from gracefully.store.db import Database
from gracefully.web.security import MAX_BODY

HUGE = "1" * 46


def _drafted_id(client: TestClient) -> int:
    return next(f["followup"]["id"] for f in client.get("/api/followups").json()
                if f["followup"]["status"] == "drafted")  # fmt: skip


def _streamed(size: int) -> Iterator[bytes]:
    """A JSON body sent in chunks, with no Content-Length."""
    yield b'{"body": "'
    for _ in range(size // 65536 + 1):
        yield b"x" * 65536
    yield b'"}'


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("PUT", "/api/followups/{fid}/draft"),
        ("POST", "/api/followups/{fid}/draft"),
        ("POST", "/api/followups/{fid}/approve"),
        ("POST", "/api/review/resolve"),
    ],
)
def test_a_json_body_over_the_cap_is_413_and_changes_nothing(
    client: TestClient, demo_db: Database, method: str, url: str
) -> None:
    fid = _drafted_id(client)
    before = get_followup(demo_db, fid)
    big = {"body": "x" * MAX_BODY, "revision": before.revision}
    said = client.request(method, url.format(fid=fid), json=big)
    streamed = client.request(
        method,
        url.format(fid=fid),
        content=_streamed(2 * MAX_BODY),
        headers={"content-type": "application/json"},
    )
    for answer in (said, streamed):
        assert answer.status_code == 413, answer.text
        assert answer.headers["content-security-policy"].startswith("default-src 'self'")
    assert get_followup(demo_db, fid) == before


def test_a_form_over_the_cap_is_413_and_changes_nothing(
    client: TestClient, demo_db: Database
) -> None:
    fid = _drafted_id(client)
    before = get_followup(demo_db, fid)
    token = form_token(client.get("/drafts").text)
    data = {"csrf": token, "subject": "Re: x", "body": "x" * (MAX_BODY + 1)}
    answer = client.post(f"/drafts/{fid}/edit", data=data, follow_redirects=False)
    assert answer.status_code == 413
    assert get_followup(demo_db, fid) == before


def test_a_body_under_the_cap_still_goes_through(client: TestClient, demo_db: Database) -> None:
    fid = _drafted_id(client)
    body = "Hi,\n\nThank you for letting me know.\n\n" + "All the best.\n" * 2000 + "Sam\n"
    answer = client.put(f"/api/followups/{fid}/draft", json={"body": body})
    assert answer.status_code == 200
    assert get_followup(demo_db, fid).draft.body == body  # type: ignore[union-attr]


@pytest.mark.parametrize("bad", [HUGE, str(2**31), "0", "-3"])
def test_an_id_no_row_can_have_is_404_on_every_route(client: TestClient, bad: str) -> None:
    api = [
        ("GET", f"/api/followups/{bad}", None),
        ("POST", f"/api/followups/{bad}/approve", {"revision": 1}),
        ("POST", f"/api/followups/{bad}/draft", {}),
        ("PUT", f"/api/followups/{bad}/draft", {"body": "Hi,\n\nThanks.\n"}),
        ("GET", f"/api/applications/{bad}", None),
    ]
    for method, url, body in api:
        answer = client.request(method, url, json=body)
        assert answer.status_code == 404, (url, answer.status_code, answer.text)
        assert bad in answer.json()["detail"]
    assert client.get(f"/applications/{bad}").status_code == 404
    token = form_token(client.get("/drafts").text)
    for action in ("approve", "edit", "write"):
        form = {"csrf": token, "revision": "1", "subject": "Re: x", "body": "Hi"}
        answer = client.post(f"/drafts/{bad}/{action}", data=form, follow_redirects=False)
        assert answer.status_code == 404, (action, answer.text)
        assert "Not found" in answer.text
