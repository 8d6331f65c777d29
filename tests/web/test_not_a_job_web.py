"""Marking an application not a job from the web: the JSON route and the page's button."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.web_world import form_token

from gracefully.service import manage
from gracefully.store.db import Database


def _rejected(client: TestClient) -> dict:
    apps = client.get("/api/applications").json()
    return next(a for a in apps if a["status"] == "rejected")


def test_the_api_marks_an_application_not_a_job(client: TestClient, demo_db: Database) -> None:
    app = _rejected(client)
    planned = {i["followup"]["application_id"] for i in client.get("/api/followups").json()}
    assert app["id"] in planned
    answer = client.post(f"/api/applications/{app['id']}/not-a-job", json={})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["hidden"] == [app["id"]] and body["emails"]
    assert app["id"] not in {a["id"] for a in client.get("/api/applications").json()}
    assert app["id"] not in {
        i["followup"]["application_id"] for i in client.get("/api/followups").json()
    }
    again = client.post(f"/api/applications/{app['id']}/not-a-job", json={})
    assert again.status_code == 409 and "already" in again.json()["detail"]
    assert client.post("/api/applications/9999/not-a-job", json={}).status_code == 404
    assert client.post(f"/api/applications/{app['id']}/not-a-job", content=b"{}").status_code == 415
    manage.undo(demo_db)
    assert app["id"] in {a["id"] for a in client.get("/api/applications").json()}


def test_the_application_page_has_a_not_a_job_button(client: TestClient) -> None:
    app = _rejected(client)
    url = f"/applications/{app['id']}"
    page = client.get(url).text
    assert f'action="{url}/not-a-job"' in page and ">Not a job</button>" in page
    refused = client.post(f"{url}/not-a-job", data={"csrf": "guess"}, follow_redirects=False)
    assert refused.status_code == 403
    done = client.post(f"{url}/not-a-job", data={"csrf": form_token(page)}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/"
    dashboard = client.get("/").text
    assert "Done: marked " in dashboard and f"application #{app['id']} hidden" in dashboard
    after = client.get(url).text
    assert "You marked this as not a job" in after and ">Not a job</button>" not in after
