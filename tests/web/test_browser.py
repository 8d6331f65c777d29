"""A real browser against the real server: `gracefully serve` in a subprocess,
driven by the system's headless Chromium through Playwright.

The browser is /usr/bin/chromium from Debian (`make system-deps` installs it);
Playwright never downloads one here.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, sync_playwright
from tests.services.net import free_port
from tests.web.web_world import SCRIPT, seed_hostile

from gracefully.domain import FollowUpStatus
from gracefully.service.followups import edit_draft, get_followup
from gracefully.store.db import Database

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gracefully serve exited: {server.stderr.read().decode()}")  # type: ignore[union-attr]
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"gracefully serve did not answer at {url}")


@dataclass(frozen=True)
class Served:
    base: str
    hostile_id: int
    db_url: str
    """The server's database, for a test to change it as another process would."""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, demo_db_file: Path) -> Iterator[Served]:
    """`gracefully serve` over a copy of the scanned demo plus one hostile email."""
    folder = tmp_path_factory.mktemp("served")
    shutil.copyfile(demo_db_file, folder / "gracefully.db")
    url = f"sqlite:///{folder / 'gracefully.db'}"
    db = Database(url)
    hostile_id = seed_hostile(db)
    db.close()
    port = free_port()
    env = {
        **os.environ,
        "GRACEFULLY_DATABASE_URL": url,
        "GRACEFULLY_DATA_DIR": str(folder / "data"),
        "GRACEFULLY_CONFIG_DIR": str(folder / "config"),
    }
    command = [str(Path(sys.executable).parent / "gracefully"), "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + "/", server)
        yield Served(base, hostile_id, url)
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page that records console errors and dialogs (neither may happen)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    dialogs: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # Chromium logs any 4xx page as an error; a 409 is the answer to a stale approval
        if message.type == "error" and "status of 409 (Conflict)" not in message.text:
            errors.append(message.text)

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("console", on_console)
    opened.on("dialog", on_dialog)
    yield opened
    context.close()
    assert dialogs == [], "no page may open a dialog"
    assert errors == [], "the pages load with no console error (CSP violations included)"


def test_dashboard_then_an_application(page: Page, served: Served) -> None:
    base = served.base
    page.goto(base + "/")
    assert page.title() == "Dashboard · gracefully"
    row = page.locator("tbody tr", has=page.locator("text=rejected")).first
    company = row.locator("td a").inner_text()
    row.locator("td a").click()
    page.wait_for_url("**/applications/*")
    assert company in page.locator("h1").inner_text()
    assert page.locator(".entry.rejection mark").count() > 0, "the evidence is highlighted"
    styled = page.locator(".entry.rejection mark").first.evaluate(
        "m => getComputedStyle(m).backgroundColor"
    )
    assert styled == "rgb(255, 241, 168)", "the stylesheet loaded under the CSP"


def test_approve_a_draft_through_the_form(page: Page, served: Served) -> None:
    base = served.base
    page.goto(base + "/drafts")
    card = page.locator("article", has=page.locator("button", has_text="Approve this text")).first
    card_id = card.get_attribute("id")
    assert card_id and card_id.startswith("followup-")
    followup_id = card_id.removeprefix("followup-")
    card.locator("button", has_text="Approve this text").click()
    page.wait_for_load_state()
    assert f"Approved follow-up {followup_id}." in page.locator(".flash").inner_text()
    approved = page.locator(f"#{card_id}")
    assert approved.locator(".approved").inner_text().startswith("Approved.")
    assert approved.locator("button", has_text="Approve this text").count() == 0
    assert page.locator("button", has_text="Send").count() == 0
    page.reload()
    assert page.locator(".flash").count() == 0, "the message shows once"


def test_hostile_email_content_is_inert(page: Page, served: Served) -> None:
    base, hostile_id = served.base, served.hostile_id
    for url in ("/", f"/applications/{hostile_id}", "/drafts"):
        page.goto(base + url)
        assert page.evaluate("typeof window.pwned") == "undefined", url
        assert page.locator("script").count() == 0, url
        assert page.locator("img").count() == 0, url
    assert SCRIPT in page.locator("main").inner_text()
    page.goto(f"{base}/applications/{hostile_id}")
    assert SCRIPT in page.locator("h1").inner_text()
    assert SCRIPT in page.locator(".entry.rejection mark").first.inner_text()


CHANGED = "Hi,\n\nThank you for letting me know. I wish the team well.\n\nSam Rivera\n"


def test_a_text_changed_while_the_page_is_open_is_not_approved(page: Page, served: Served) -> None:
    page.goto(served.base + "/drafts")
    card = page.locator("article", has=page.locator("button", has_text="Approve this text")).first
    followup_id = int((card.get_attribute("id") or "").removeprefix("followup-"))
    assert card.locator("textarea").input_value() != CHANGED
    db = Database(served.db_url)
    try:
        edit_draft(db, followup_id, CHANGED)  # another process, while the page is open

        card.locator("button", has_text="Approve this text").click()
        page.wait_for_load_state()

        said = page.locator(".flash").first.inner_text()
        assert f"Follow-up {followup_id} changed while you were reading it" in said
        assert "nothing was approved" in said
        shown = page.locator(f"#followup-{followup_id}")
        assert shown.locator("textarea").input_value() == CHANGED, "the page shows the text now"
        stored = get_followup(db, followup_id)
        assert (stored.status, stored.approved_hash) == (FollowUpStatus.DRAFTED, None)

        shown.locator("button", has_text="Approve this text").click()  # what is shown now
        page.wait_for_load_state()
        assert f"Approved follow-up {followup_id}." in page.locator(".flash").inner_text()
        stored = get_followup(db, followup_id)
        assert stored.approval_current and stored.draft.body == CHANGED  # type: ignore[union-attr]
    finally:
        db.close()


def test_a_200_mb_body_is_refused_before_it_is_read(served: Served) -> None:
    """The server answers 413 on the Content-Length alone: it waits for none of the
    200 MB (before the cap it read and parsed them all, for minutes)."""
    where = urlsplit(served.base)
    head = (
        "PUT /api/followups/1/draft HTTP/1.1\r\n"
        f"Host: {where.netloc}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {200 * 1024 * 1024}\r\n\r\n"
    )
    with socket.create_connection((where.hostname, where.port), timeout=10) as conn:
        conn.sendall(head.encode() + b'{"body": "' + b"x" * 65536)
        started = time.monotonic()
        answer = conn.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert time.monotonic() - started < 5
