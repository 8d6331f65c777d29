"""The JSON API over the scanned demo, through FastAPI's TestClient; one run on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from tests.web.web_world import (
    BASE,
    LINK_ID,
    NOW,
    UNSURE_ID,
    UNSURE_SENTENCE,
    scan_and_plan,
    seed_questions,
)

from gracefully.service.applications import list_applications
from gracefully.service.followups import edit_draft, get_followup
from gracefully.store.db import Database
from gracefully.understand import Reader
from gracefully.web import create_app


def _drafted(client: TestClient) -> dict:
    plan = client.get("/api/followups").json()
    return next(i for i in plan if i["followup"]["draft"] and i["followup"]["status"] == "drafted")


def _read(shown: dict) -> dict:
    """The approve body for a follow-up as it was shown (a plan item or a follow-up)."""
    return {"revision": shown.get("followup", shown)["revision"]}


def test_applications_list_and_detail_match_the_store(
    client: TestClient, demo_db: Database
) -> None:
    listed = client.get("/api/applications").json()
    stored = list_applications(demo_db)
    assert [(a["id"], a["company"], a["status"]) for a in listed] == [
        (a.id, a.company, a.status.value) for a in stored
    ]
    rejected = next(a for a in listed if a["status"] == "rejected")
    detail = client.get(f"/api/applications/{rejected['id']}").json()
    assert detail["application"]["company"] == rejected["company"]
    entry = next(t for t in detail["timeline"] if t["reading"]["category"] == "rejection")
    placed = [e for e in entry["reading"]["evidence"] if e["start"] >= 0]
    assert placed, "a rejection carries the sentences it was read from, with offsets"
    text = entry["email"]["text"]
    assert all(text[e["start"] : e["end"]] == e["sentence"] for e in placed)


def test_unknown_records_are_404_with_a_message(client: TestClient) -> None:
    for url in ("/api/applications/9999", "/api/followups/9999"):
        response = client.get(url)
        assert response.status_code == 404
        assert "9999" in response.json()["detail"]
    assert client.post("/api/followups/9999/approve", json={}).status_code == 404


def test_openapi_documents_the_endpoints_and_their_shapes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {
        "/api/applications",
        "/api/applications/{app_id}",
        "/api/review",
        "/api/review/resolve",
        "/api/followups",
        "/api/followups/{followup_id}/draft",
        "/api/followups/{followup_id}/approve",
        "/api/insights",
    } <= set(spec["paths"])
    schemas = spec["components"]["schemas"]
    assert {"ApplicationOut", "FollowUpOut", "ReviewItemOut", "ResolveIn", "ErrorOut"} <= set(
        schemas
    )
    assert "rejection" in schemas["Category"]["enum"]
    approve = spec["paths"]["/api/followups/{followup_id}/approve"]["post"]
    assert {"200", "404", "409"} <= set(approve["responses"])
    assert not any(path.startswith("/review") or path == "/" for path in spec["paths"])


def test_approve_then_edit_drops_the_approval(client: TestClient, demo_db: Database) -> None:
    item = _drafted(client)
    fid = item["followup"]["id"]
    approved = client.post(f"/api/followups/{fid}/approve", json=_read(item)).json()
    assert (approved["status"], approved["approved"]) == ("approved", True)
    assert get_followup(demo_db, fid).approved_hash is not None
    body = approved["draft"]["body"].replace("Thank", "Many thanks", 1)
    edited = client.put(f"/api/followups/{fid}/draft", json={"body": body}).json()
    assert (edited["status"], edited["approved"]) == ("drafted", False)
    assert edited["draft"]["body"].startswith(body.rstrip("\n"))
    assert get_followup(demo_db, fid).approved_hash is None


CHANGED = "Hi,\n\nThank you for letting me know. I wish the team well.\n\nSam\n"


def test_approving_a_revision_that_is_no_longer_current_is_409_with_the_text_now(
    client: TestClient, demo_db: Database
) -> None:
    item = _drafted(client)
    fid, read = item["followup"]["id"], item["followup"]["revision"]
    edit_draft(demo_db, fid, CHANGED)  # another process, while the client reads

    refused = client.post(f"/api/followups/{fid}/approve", json={"revision": read})

    assert refused.status_code == 409
    answer = refused.json()
    assert f"you read revision {read}" in answer["detail"]
    now = answer["followup"]
    assert (now["revision"], now["draft"]["body"], now["approved"]) == (read + 1, CHANGED, False)
    assert get_followup(demo_db, fid).approved_hash is None
    approved = client.post(f"/api/followups/{fid}/approve", json={"revision": now["revision"]})
    assert approved.status_code == 200 and approved.json()["approved"] is True


def test_approving_without_a_revision_is_409_and_approves_nothing(
    client: TestClient, demo_db: Database
) -> None:
    item = _drafted(client)
    fid = item["followup"]["id"]
    for body in ({}, {"revision": None}):
        refused = client.post(f"/api/followups/{fid}/approve", json=body)
        assert refused.status_code == 409
        assert "did not say which revision" in refused.json()["detail"]
        assert refused.json()["followup"]["draft"]["body"] == item["followup"]["draft"]["body"]
    assert get_followup(demo_db, fid).approved_hash is None
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    assert "revision" in schema["ApproveIn"]["properties"]
    assert "revision" in schema["FollowUpOut"]["required"]


def test_a_blocking_finding_refuses_approval_with_409(client: TestClient) -> None:
    fid = _drafted(client)["followup"]["id"]
    bitter = "Hi,\n\nThis was unfair and a waste of my time. Please reconsider.\n\nSam\n"
    edited = client.put(f"/api/followups/{fid}/draft", json={"body": bitter}).json()
    assert edited["draft"]["blocked"] is True
    assert {"bitterness", "arguing"} <= {f["code"] for f in edited["draft"]["findings"]}
    refused = client.post(f"/api/followups/{fid}/approve", json=_read(edited))
    assert refused.status_code == 409
    assert "blocking findings" in refused.json()["detail"]
    assert client.get(f"/api/followups/{fid}").json()["approved"] is False


def test_review_items_are_listed_and_resolved(client: TestClient, demo_db: Database) -> None:
    app_id = seed_questions(demo_db)
    items = {i["id"]: i for i in client.get("/api/review").json()}
    unsure, link = items[f"reading:{UNSURE_ID}"], items[f"link:{LINK_ID}"]
    assert unsure["reading"]["evidence"][0]["sentence"] == UNSURE_SENTENCE
    assert app_id in [c["id"] for c in link["candidates"]]

    fixed = client.post(
        "/api/review/resolve",
        json={"item_id": unsure["id"], "action": "fix", "reasons": ["position_filled"]},
    )
    assert fixed.status_code == 200 and "position_filled" in fixed.json()["done"]
    linked = client.post(
        "/api/review/resolve",
        json={"item_id": link["id"], "action": "link", "application_id": app_id},
    ).json()
    assert linked["done"].startswith(f"linked to #{app_id}")
    left = {i["id"] for i in client.get("/api/review").json()}
    assert not left & {unsure["id"], link["id"]}


def test_a_decision_that_does_not_fit_is_400(client: TestClient, demo_db: Database) -> None:
    seed_questions(demo_db)
    wrong = client.post(
        "/api/review/resolve", json={"item_id": f"reading:{UNSURE_ID}", "action": "merge"}
    )
    assert wrong.status_code == 400 and "Merge does not answer" in wrong.json()["detail"]
    missing = client.post(
        "/api/review/resolve", json={"item_id": f"link:{LINK_ID}", "action": "link"}
    )
    assert missing.status_code == 400 and "application_id" in missing.json()["detail"]
    invalid = client.post("/api/review/resolve", json={"item_id": "x", "action": "shrug"})
    assert invalid.status_code == 422


def test_insights_carry_numbers_and_an_svg(client: TestClient) -> None:
    found = client.get("/api/insights").json()
    assert found["insights"]["applications"] == len(client.get("/api/applications").json())
    assert found["insights"]["rejections"]["total"] > 0
    assert found["svg"].startswith("<svg") and "<script" not in found["svg"]


def test_the_api_on_sqlite_and_postgresql(db_url: str, tmp_path: Path, demo_reader: Reader) -> None:
    settings = scan_and_plan(db_url, tmp_path, demo_reader)
    with TestClient(create_app(settings, clock=lambda: NOW), base_url=BASE) as client:
        listed = client.get("/api/applications").json()
        assert len(listed) > 5
        detail = client.get(f"/api/applications/{listed[0]['id']}").json()
        assert detail["timeline"]
        item = _drafted(client)
        fid = item["followup"]["id"]
        approved = client.post(f"/api/followups/{fid}/approve", json=_read(item)).json()
        assert approved["approved"] is True


def test_writing_the_draft_again_replaces_text_and_approval(client: TestClient) -> None:
    item = _drafted(client)
    fid, written = item["followup"]["id"], item["followup"]["draft"]["body"]
    mine = "Hi,\n\nThank you for letting me know. I wish the team well.\n\nSam\n"
    mine_now = client.put(f"/api/followups/{fid}/draft", json={"body": mine}).json()
    approved = client.post(f"/api/followups/{fid}/approve", json=_read(mine_now)).json()
    assert approved["approved"] and approved["draft"]["body"] == mine
    kept = client.post(f"/api/followups/{fid}/draft", json={}).json()
    assert kept["draft"]["body"] == mine and kept["approved"], "without options nothing changes"
    again = client.post(f"/api/followups/{fid}/draft", json={"regenerate": True}).json()
    assert again["draft"]["body"] == written
    assert (again["status"], again["approved"]) == ("drafted", False)
