"""The pages and their forms through FastAPI's TestClient, over the scanned demo."""

from __future__ import annotations

import html

import pytest
from fastapi.testclient import TestClient
from tests.web.web_world import (
    HOSTILE,
    HOSTILE_REASON,
    LINK_ID,
    SCRIPT,
    UNSURE_ID,
    UNSURE_SENTENCE,
    approve_fields,
    form_token,
    seed_hostile,
    seed_questions,
)

from gracefully.domain import Evidence
from gracefully.service.applications import list_applications
from gracefully.service.followups import edit_draft, get_followup
from gracefully.service.review import review_items
from gracefully.store.db import Database
from gracefully.web.render import highlighted


def _post(client: TestClient, url: str, **fields: object) -> str:
    """Submit a form the way the page does (token, and for an approval the
    revision and text shown, included); returns the page it leads to."""
    page = client.get("/drafts").text
    shown = {}
    if url.endswith("/approve"):
        shown = approve_fields(page, int(url.split("/")[2]))
    data = {"csrf": form_token(page), **shown, **fields}
    response = client.post(url, data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    return client.get(response.headers["location"]).text


def _drafted_id(client: TestClient) -> int:
    return next(f["followup"]["id"] for f in client.get("/api/followups").json()
                if f["followup"]["status"] == "drafted")  # fmt: skip


def test_dashboard_lists_applications_counts_due_and_review(
    client: TestClient, demo_db: Database
) -> None:
    seed_questions(demo_db)
    page = client.get("/").text
    apps = list_applications(demo_db)
    for app in apps:
        assert f'href="/applications/{app.id}">{html.escape(app.company)}</a>' in page
    assert f"<strong>{len(apps)}</strong> applications" in page
    rejected = sum(a.status.value == "rejected" for a in apps)
    assert f"{rejected} rejected" in page
    assert "Follow-ups due" in page and 'href="/drafts#followup-' in page
    waiting = len(review_items(demo_db, client.app.state.web.settings))  # type: ignore[attr-defined]
    assert waiting >= 2 and f"{waiting} items waiting for your review" in page


def test_an_application_page_highlights_the_evidence(client: TestClient) -> None:
    detail = next(
        d
        for a in client.get("/api/applications").json()
        for d in [client.get(f"/api/applications/{a['id']}").json()]
        if any(t["reading"]["rejection"] for t in d["timeline"])
    )
    entry = next(t for t in detail["timeline"] if t["reading"]["rejection"])
    page = client.get(f"/applications/{detail['application']['id']}").text
    placed = [e for e in entry["reading"]["evidence"] if e["start"] >= 0]
    marked = [e for e in placed if f">{html.escape(e['sentence'], quote=False)}</mark>" in page]
    assert marked, "at least one evidence sentence is highlighted in the email"
    assert "Stage</dt><dd>" + entry["reading"]["rejection"]["stage"] in page


def test_hostile_email_text_is_shown_as_text(client: TestClient, demo_db: Database) -> None:
    app_id = seed_hostile(demo_db)
    for url in ("/", f"/applications/{app_id}", "/drafts"):
        page = client.get(url).text
        assert SCRIPT not in page and "<img" not in page, url
        assert html.escape(SCRIPT, quote=False) in page, url
    page = client.get(f"/applications/{app_id}").text
    assert (
        f'<mark title="reasons: other_candidate">{html.escape(HOSTILE_REASON, quote=False)}</mark>'
        in page
    )


def test_highlighting_escapes_and_keeps_only_mark() -> None:
    sentence = "We chose another applicant."
    text = f"Hi.\n{HOSTILE} {sentence}\nBye."
    shown = str(
        highlighted(
            text,
            [
                Evidence("reasons", "other_candidate", "r", sentence, 500, 530),  # stale offsets
                Evidence("category", "rejection", "r", "Bye.", -1, -1),
            ],
        )
    )
    assert f'<mark title="reasons: other_candidate">{sentence}</mark>' in shown
    assert '<mark title="category: rejection">Bye.</mark>' in shown
    assert "<script" not in shown and "<img" not in shown
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=" in shown


def test_review_forms_resolve_items(client: TestClient, demo_db: Database) -> None:
    app_id = seed_questions(demo_db)
    page = client.get("/review").text
    assert html.escape(UNSURE_SENTENCE, quote=False) in page
    assert f'name="application_id" value="{app_id}"' in page
    after = _post(
        client,
        "/review/resolve",
        item_id=f"reading:{UNSURE_ID}",
        action="fix",
        category="rejection",
        stage="interview",
        reasons=["position_filled", "timing"],
    )
    assert "Done: corrected" in after and "stage=interview" in after
    after = _post(
        client, "/review/resolve", item_id=f"link:{LINK_ID}", action="link", application_id=app_id
    )
    assert f"Done: linked to #{app_id} Mossbank" in after
    left = {i.id for i in review_items(demo_db, client.app.state.web.settings)}  # type: ignore[attr-defined]
    assert not left & {f"reading:{UNSURE_ID}", f"link:{LINK_ID}"}


def test_a_wrong_answer_comes_back_as_a_visible_message(
    client: TestClient, demo_db: Database
) -> None:
    seed_questions(demo_db)
    after = _post(client, "/review/resolve", item_id=f"reading:{UNSURE_ID}", action="keep_apart")
    assert 'class="flash error" role="alert"' in after and "KeepApart does not answer" in after
    assert "flash" not in client.get("/review").text.split("<main", 1)[1].split(">", 1)[1][:40]


def test_approve_edit_and_blocked_approve_through_the_forms(
    client: TestClient, demo_db: Database
) -> None:
    fid = _drafted_id(client)
    after = _post(client, f"/drafts/{fid}/approve")
    assert f"Approved follow-up {fid}" in after and f"gracefully send {fid}" in after
    assert get_followup(demo_db, fid).approved_hash is not None
    draft = get_followup(demo_db, fid).draft
    assert draft is not None
    after = _post(
        client, f"/drafts/{fid}/edit", subject=draft.subject, body="Hi,\n\nThat was unfair.\n"
    )
    assert f"Saved your text for follow-up {fid}" in after
    assert get_followup(demo_db, fid).approved_hash is None
    after = _post(client, f"/drafts/{fid}/approve")
    assert 'class="flash error" role="alert"' in after and "blocking findings" in after
    assert "BLOCK bitterness" in after
    assert get_followup(demo_db, fid).approved_hash is None


CHANGED = "Hi,\n\nThank you for letting me know. I wish the team well.\n\nSam\n"


@pytest.mark.parametrize("sent", ["as shown", "without revision", "without text seen"])
def test_approving_a_page_whose_draft_changed_shows_the_text_now_and_approves_nothing(
    client: TestClient, demo_db: Database, sent: str
) -> None:
    fid = _drafted_id(client)
    page = client.get("/drafts").text
    fields = {"csrf": form_token(page), **approve_fields(page, fid)}
    assert "From: Sam Rivera &lt;sam.rivera@example.net&gt;" in page
    edit_draft(demo_db, fid, CHANGED)  # another process, while the page is open
    if sent == "without revision":
        del fields["revision"]
    if sent == "without text seen":
        del fields["seen"]

    answer = client.post(f"/drafts/{fid}/approve", data=fields, follow_redirects=False)

    assert answer.status_code == 409
    assert f"Follow-up {fid} changed while you were reading it" in answer.text
    assert html.escape(CHANGED, quote=False) in answer.text
    assert get_followup(demo_db, fid).approved_hash is None


def test_the_drafts_page_has_no_send_button(client: TestClient) -> None:
    page = client.get("/drafts").text
    assert "gracefully send ID" in page
    assert "/send" not in page and ">Send" not in page
    assert 'action="/drafts/' in page and "Approve this text" in page


def test_insights_page_inlines_the_charts(client: TestClient) -> None:
    page = client.get("/insights").text
    assert '<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg"' in page
    assert "<style>" not in page and "<?xml" not in page
    assert "What the numbers suggest" in page and "In the employers' words" in page


@pytest.mark.parametrize("url", ["/drafts/1/approve", "/review/resolve"])
def test_a_form_post_without_the_token_is_refused(client: TestClient, url: str) -> None:
    response = client.post(url, data={"csrf": "guess", "item_id": "x", "action": "accept"})
    assert response.status_code == 403 and "reload the page" in response.text


def test_cross_site_and_rebinding_requests_are_refused(client: TestClient) -> None:
    token = form_token(client.get("/drafts").text)
    fid = _drafted_id(client)
    cross = client.post(
        f"/drafts/{fid}/approve", data={"csrf": token}, headers={"origin": "http://evil.example"}
    )
    assert cross.status_code == 403
    same = client.post(
        f"/drafts/{fid}/approve",
        data={"csrf": token, **approve_fields(client.get("/drafts").text, fid)},
        headers={"origin": "http://127.0.0.1"},
        follow_redirects=False,
    )
    assert same.status_code == 303
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.post(f"/api/followups/{fid}/approve", content=b"{}").status_code == 415


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/applications", "/static/style.css", "/applications/9999"):
        headers = client.get(url).headers
        assert headers["content-security-policy"].startswith("default-src 'self'")
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_pages_fetch_nothing_from_elsewhere(client: TestClient, demo_db: Database) -> None:
    seed_hostile(demo_db)
    for url in ("/", "/review", "/drafts", "/insights", "/applications/1"):
        page = client.get(url).text
        assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "https://" not in page
    assert HOSTILE not in client.get("/").text
