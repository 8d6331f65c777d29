"""expected.json is complete, valid in the domain's vocabulary, and has every case the demo needs.

Other engineers' tests treat expected.json as the truth about the demo, so
these tests check the truth itself: every message is labelled, each label
uses the domain's values, names are really in the text, and each outcome the
demo must show (issues 2 and 5) is present.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from gracefully.domain import Category, Feedback, Reason, Stage
from tests.samples.support import by_id, expected, readable_text

Msgs = dict[str, dict[str, Any]]


def _messages() -> Msgs:
    return expected()["messages"]


def _applications() -> list[dict[str, Any]]:
    return expected()["applications"]


def _rejections() -> list[dict[str, Any]]:
    return [m for m in _messages().values() if m["category"] == "rejection"]


def _app_messages(app: dict[str, Any]) -> list[dict[str, Any]]:
    return [_messages()[mid] for mid in app["messages"]]


def test_expected_covers_exactly_the_messages_of_the_mailbox() -> None:
    assert list(_messages()) == list(by_id())


def test_every_label_uses_the_domain_vocabulary() -> None:
    for mid, m in _messages().items():
        Category(m["category"])
        assert (m["category"] == "rejection") == (m["rejection"] is not None), mid
        if m["rejection"]:
            r = m["rejection"]
            assert Stage(r["stage"]) is not Stage.UNKNOWN
            assert [Reason(x) for x in r["reasons"]]
            Feedback(r["feedback"])
            assert r["alt_role"] == (r["alt_role_text"] is not None)


def test_applications_partition_the_job_messages() -> None:
    apps = _applications()
    assert len(apps) >= 10
    seen = [mid for app in apps for mid in app["messages"]]
    assert len(seen) == len(set(seen))
    for app in apps:
        assert app["messages"], app["key"]
        assert {m["application"] for m in _app_messages(app)} == {app["key"]}
    for mid, m in _messages().items():
        job = Category(m["category"]).is_job or m["from_user"]
        assert job == (m["application"] is not None), mid


@pytest.mark.parametrize("field", ["company", "role", "contact"])
def test_labelled_names_are_copied_from_the_text(field: str) -> None:
    for mid, m in _messages().items():
        if m[field]:
            assert m[field] in readable_text(by_id()[mid]), (mid, field)


def test_a_named_other_role_is_in_the_text() -> None:
    for mid, m in _messages().items():
        if m["rejection"] and m["rejection"]["alt_role_text"]:
            assert m["rejection"]["alt_role_text"] in readable_text(by_id()[mid])


def test_the_user_sends_only_the_follow_up() -> None:
    ours = [m for m in _messages().values() if m["from_user"]]
    assert [m["category"] for m in ours] == ["other"]


def _rejection_with(**wanted: Any) -> Callable[[], bool]:
    def check() -> bool:
        return any(
            all(
                (value in r["rejection"][k]) if k == "reasons" else r["rejection"][k] == value
                for k, value in wanted.items()
            )
            for r in _rejections()
        )

    return check


def _count(predicate: Callable[[dict[str, Any]], bool], at_least: int) -> Callable[[], bool]:
    return lambda: sum(1 for r in _rejections() if predicate(r)) >= at_least


def _no_reply_rejection(human_in_thread: bool) -> Callable[[], bool]:
    def check() -> bool:
        for app in _applications():
            msgs = _app_messages(app)
            humans = any(m["contact"] for m in msgs)
            if humans == human_in_thread and any(
                m["category"] == "rejection" and m["no_reply"] and not m["contact"] for m in msgs
            ):
                return not human_in_thread or app["contact"] is not None
        return False

    return check


def _follow_up_and_reply() -> bool:
    ids = by_id()
    for mid, m in _messages().items():
        if not m["from_user"]:
            continue
        parent = _messages()[ids[mid]["In-Reply-To"]]
        replies = [
            r
            for rid, r in _messages().items()
            if ids[rid]["In-Reply-To"] == mid and r["followup_reply"]
        ]
        if parent["category"] == "rejection" and replies:
            return replies[0]["rejection"]["feedback"] == "given"
    return False


def _open_applications(at_least: int) -> Callable[[], bool]:
    def check() -> bool:
        open_apps = [
            app
            for app in _applications()
            if not any(m["category"] in ("rejection", "offer") for m in _app_messages(app))
        ]
        return len(open_apps) >= at_least

    return check


def _same_company_different_outcomes() -> bool:
    outcomes: dict[str, set[str]] = {}
    for app in _applications():
        outcomes.setdefault(app["company"], set()).add(app["status"])
    return any(len(statuses) > 1 for statuses in outcomes.values())


def _company_written_two_ways() -> bool:
    return any(
        len({m["company"] for m in _app_messages(app) if m["company"]}) > 1
        and set(app["aliases"]) >= {m["company"] for m in _app_messages(app) if m["company"]}
        for app in _applications()
    )


def _categories(name: str, at_least: int) -> Callable[[], bool]:
    return lambda: sum(1 for m in _messages().values() if m["category"] == name) >= at_least


def _noise(at_least: int) -> Callable[[], bool]:
    return lambda: sum(1 for m in _messages().values() if m["application"] is None) >= at_least


REQUIRED: dict[str, Callable[[], bool]] = {
    "an offer": _categories("offer", 1),
    "confirmations": _categories("confirmation", 8),
    "interview invitations": _categories("interview", 6),
    "an assessment": _categories("assessment", 1),
    "a job alert": _categories("job_alert", 1),
    "recruiter outreach": _categories("recruiter_outreach", 1),
    "at least 10 non-job messages": _noise(10),
    **{f"a rejection at the {s} stage": _rejection_with(stage=s) for s in
       ("application", "screen", "assessment", "interview")},
    **{f"a rejection stating {r}": _rejection_with(reasons=r) for r in
       ("internal_candidate", "role_changed", "better_fit_elsewhere", "overqualified",
        "position_filled", "role_closed", "other_candidate")},
    **{f"feedback {f}": _rejection_with(feedback=f) for f in ("refused", "offered", "given")},
    "keep on file twice": _count(lambda r: r["rejection"]["keep_on_file"], 2),
    "an invitation to reapply": _rejection_with(invite_reapply=True),
    "another role named": _rejection_with(alt_role=True),
    "a personal note after the final round": _rejection_with(stage="interview", personal=True),
    "a templated application-stage rejection": _rejection_with(stage="application",
                                                                personal=False),
    "a no-reply rejection with no human in its thread": _no_reply_rejection(False),
    "a no-reply rejection after a human recruiter": _no_reply_rejection(True),
    "a door-closed signal": _count(lambda r: r["door_closed"], 1),
    "a follow-up from the user and the employer's reply": _follow_up_and_reply,
    "two applications without an outcome yet": _open_applications(2),
    "two roles at one company with different outcomes": _same_company_different_outcomes,
    "one company written two ways": _company_written_two_ways,
}  # fmt: skip


@pytest.mark.parametrize("case", REQUIRED)
def test_the_demo_has(case: str) -> None:
    assert REQUIRED[case]()
