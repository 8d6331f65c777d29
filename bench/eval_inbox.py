"""End-to-end measurement on a realistic inbox: are the follow-ups gracefully offers ones to send?

    .venv/bin/python bench/eval_inbox.py [--seed 7] [--now 2026-12-08T10:00] [--json]
                                          [--verbose] [--keep DIR] [--profile-name]

What it does, as a new user would:

1. builds a seeded mailbox (`bench/inbox`, ~430 messages, every person and company
   invented) with a ground-truth record per message: ATS and no-reply rejections from
   the common platforms, personal rejections at every stage (reasons, feedback, offered
   calls, other roles), threads where the user asked for feedback and the employer
   answered, follow-ups the user already sent, the user's own mail, the usual job mail
   and 60+ everyday messages that say "unfortunately" (landlords, admissions, loans,
   clubs, conference talks, friends consoling the user, newsletters, receipts);
2. `gracefully --db sqlite:///TMP/x.db scan inbox.mbox` with a fresh database and no
   profile, so the product must learn who the user is from the mail (with
   --profile-name, `gracefully profile --name "Noor Halvorsen"` runs after the scan);
3. serves the app (`gracefully.web.create_app`, as `gracefully serve` builds it, with the
   clock fixed at the inbox's "now") on a real uvicorn server on a free 127.0.0.1
   port and, over HTTP like any JSON client (Host 127.0.0.1:PORT, Origin of the same
   host, `Content-Type: application/json` on writes), reads GET /api/applications, GET
   /api/applications/{id} for each, GET /api/followups, and POSTs
   /api/followups/{id}/draft for every follow-up offered (move other than `none`, not
   skipped, cancelled or already sent, e.g. by hand from the user's own mail);
4. compares with the ground truth and prints the figures (a table, or with --json one
   JSON object on the last line).

How answers are mapped back to messages. Every generated message has a unique
Message-ID, and the API's email `id` is the Message-ID; an email whose id does not match
(should the product change ids) is matched by (sender address, subject, date within a
minute). A follow-up belongs to an application; its source message is the timeline
entry of that application whose subject equals the plan item's `rejection_subject`,
preferring entries read as rejections, then the latest; failing that, the email of the
application's latest `rejection` event, then its latest rejection reading. A follow-up
no rule maps is counted as `followups_unmapped`.

The figures (targets in brackets):
    drafts_to_robot               drafts addressed to a robot: a sender the truth marks as
                                  robot, an ATS platform domain, or a local part like
                                  noreply / do-not-reply / notifications          [0]
    followups_for_non_rejections  follow-ups whose source is not a job rejection  [0]
    own_mail_as_rejection         the user's own messages read as rejections      [0]
    greeting_right_person         drafts whose greeting names a person the note may go
                                  to (the contact, or a recruiter known from the
                                  application); a greeting without a name is wrong [>= 0.95]
    personal_reachable_drafted    personal rejections from a reachable person, not yet
                                  followed up and not stale, whose application gets a
                                  draft addressed to that person                  [>= 0.90]
    distinct_specific             drafts that are distinct from every other draft (word
                                  5-gram Jaccard < 0.8 after names, companies, roles and
                                  numbers become placeholders) AND mention a detail of
                                  their rejection (a feedback point, an offered call, an
                                  other role, a stated reason, an interviewer, the stage)
plus rejections_tracked, followups_offered, drafts_written, applications, and counts of
each kind of failure (drafts to the user themself, drafts with no or a wrong address,
follow-ups after the user already followed up or with nobody reachable, a feedback
request where the rejection already gave feedback, everyday mail read as a rejection
or made into an application, ...); --verbose lists up to five examples of each.
Readings below the product's review threshold (0.6) are still readings: the `_confident`
figures count only those at or above it.

To measure committed code while others edit the tree, export it and put it first:
    git archive HEAD src | tar -x -C /tmp/head && PYTHONPATH=/tmp/head/src \
        .venv/bin/python bench/eval_inbox.py --now 2026-12-08T10:00 --verbose

The model cache lives under the system temp dir (`gracefully-bench-cache`, set as
XDG_DATA_HOME), so only the first run trains; the database is new every run. Dates
in the inbox are offsets back from --now (default: the current hour, UTC), and the
server's clock is that same instant, so the scan and the plan agree on "today".
The harness tolerates a crashing scan or API: failures are reported, not raised.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inbox import build as inbox_build
from inbox.data import ALT_ROLES, FIRST_NAMES, LAST_NAMES, ROLES

USER_NAME, USER_EMAIL = inbox_build.USER
ROBOT_LOCAL = re.compile(
    r"(^|[._+-])(no-?reply|do-?not-?reply|donotreply|noreply|notifications?|mailer-daemon|"
    r"automated?|systemmessage|automationmanager|bounces?|alerts?)([._+-]|$)",
    re.I,
)
TARGETS = {
    "drafts_to_robot": ("==", 0),
    "followups_for_non_rejections": ("==", 0),
    "own_mail_as_rejection": ("==", 0),
    "greeting_right_person": (">=", 0.95),
    "personal_reachable_drafted": (">=", 0.90),
}
GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\b[ \t]*(?P<name>[^,!:\n]*)",
    re.I,
)
REVIEW_THRESHOLD = 0.6  # the product's default review_threshold: below it a reading waits
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "mr.", "mrs.", "ms.", "dr.", "prof."}


# ------------------------------------------------------------------------- helpers


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def is_robot_address(address: str | None, robots: set[str]) -> bool:
    if not address:
        return False
    address = address.strip().lower()
    if address in robots:
        return True
    local, _, domain = address.partition("@")
    if any(domain == d or domain.endswith("." + d) for d in inbox_build.ATS_DOMAINS):
        return True
    return bool(ROBOT_LOCAL.search(local))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Api:
    """A JSON client that behaves like the app's own pages: same-origin, JSON bodies."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.errors: list[str] = []

    def call(self, method: str, path: str, body: Any = None, timeout: float = 30) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        if method != "GET":
            request.add_header("Content-Type", "application/json")
            request.add_header("Origin", self.base)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode(errors="replace")[:300]
            self.errors.append(f"{method} {path}: HTTP {exc.code} {detail}")
            return {"_error": exc.code, "detail": detail}
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            self.errors.append(f"{method} {path}: {exc}")
            return {"_error": -1, "detail": str(exc)}


def start_server(db_url: str, env: dict[str, str], now: datetime) -> tuple[Any, Any, int]:
    """The app as `gracefully serve` makes it, with a fixed clock, on a real uvicorn."""
    import uvicorn

    from gracefully.config import load_settings
    from gracefully.web import create_app

    app = create_app(load_settings(db=db_url, env=env), clock=lambda: now)
    last: Exception | None = None
    for _ in range(3):
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="on")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 15
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        if server.started:
            return server, thread, port
        server.should_exit = True
        thread.join(2)
        last = RuntimeError(f"uvicorn did not start on port {port}")
    raise RuntimeError(str(last))


# ------------------------------------------------------------------------- running


def run_product(args: argparse.Namespace, work: Path, now: datetime) -> dict[str, Any]:
    """Build, scan, serve, ask. Returns everything the API said, plus what went wrong."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    built = inbox_build.build(args.seed, now)
    mbox, truth_path = inbox_build.write(built, work)
    timings["build_s"] = time.perf_counter() - t0

    cache = Path(tempfile.gettempdir()) / "gracefully-bench-cache"
    config = work / "config"
    config.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRACEFULLY_")}
    env.update(XDG_DATA_HOME=str(cache), GRACEFULLY_CONFIG_DIR=str(config))
    env.setdefault("COLUMNS", "120")
    db = work / "x.db"
    if db.exists():
        db.unlink()
    db_url = f"sqlite:///{db}"
    exe = str(Path(sys.executable).parent / "gracefully")
    if not Path(exe).exists():
        exe = shutil.which("gracefully") or "gracefully"
    problems: list[str] = []

    t0 = time.perf_counter()
    scan = subprocess.run(
        [exe, "--db", db_url, "scan", str(mbox)], env=env, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip
    timings["scan_s"] = time.perf_counter() - t0
    if scan.returncode:
        problems.append(f"scan exited {scan.returncode}: {(scan.stderr or scan.stdout)[-800:]}")
    skipped = [ln.strip() for ln in scan.stdout.splitlines() if re.match(r"\s*skipped \S+:", ln)]
    profile_set = False
    if args.profile_name:
        prof = subprocess.run(
            [exe, "--db", db_url, "profile", "--name", USER_NAME], env=env, capture_output=True,
            text=True, timeout=120,
        )  # fmt: skip
        profile_set = prof.returncode == 0
        if not profile_set:
            problems.append(f"profile --name failed: {prof.stderr[-400:]}")

    t0 = time.perf_counter()
    result: dict[str, Any] = {
        "applications": [], "details": {}, "followups": [], "drafts": {},
    }  # fmt: skip
    try:
        server, thread, port = start_server(db_url, env, now)
    except Exception as exc:  # the product failed to serve: report, don't crash
        problems.append(f"server did not start: {exc!r}")
        server = thread = None
    if server is not None:
        api = Api(port)
        try:
            apps = api.call("GET", "/api/applications")
            result["applications"] = apps if isinstance(apps, list) else []
            for a in result["applications"]:
                detail = api.call("GET", f"/api/applications/{a['id']}")
                if "_error" not in detail:
                    result["details"][a["id"]] = detail
            plan = api.call("GET", "/api/followups")
            result["followups"] = plan if isinstance(plan, list) else []
            for item in result["followups"]:
                fu = item["followup"]
                if offered(item):
                    result["drafts"][fu["id"]] = api.call(
                        "POST", f"/api/followups/{fu['id']}/draft", {}
                    )
        finally:
            server.should_exit = True
            thread.join(10)
        # a 409 saying the playbook needs the user's input first is counted as a failure kind
        problems.extend(e for e in api.errors if not ("HTTP 409" in e and "needs" in e))
    timings["api_s"] = time.perf_counter() - t0
    result.update(
        truth=json.loads(truth_path.read_text())["messages"], problems=problems,
        scan_skipped=skipped, timings=timings, profile_set=profile_set, mbox=str(mbox),
        scan_stdout=scan.stdout[-2000:],
    )  # fmt: skip
    return result


def offered(item: dict[str, Any]) -> bool:
    fu = item["followup"]
    return fu["move"]["kind"] != "none" and fu["status"] not in ("skipped", "cancelled", "sent")


# ------------------------------------------------------------------------- mapping


class Mapper:
    """Message-ID (or sender+subject+date) → truth; follow-up → its source message."""

    def __init__(self, truth: list[dict[str, Any]]) -> None:
        self.truth = truth
        self.by_mid = {t["message_id"].strip().lower(): t for t in truth}
        self.by_key = {t["key"]: t for t in truth}
        self.by_sig: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for t in truth:
            self.by_sig[(t["sender"].lower(), self._subject(t.get("subject", "")))].append(t)

    @staticmethod
    def _subject(s: str) -> str:
        return " ".join(s.split()).lower()

    def email(self, email: dict[str, Any]) -> dict[str, Any] | None:
        found = self.by_mid.get(str(email.get("id", "")).strip().lower())
        if found:
            return found
        sender = re.search(r"[\w.+'-]+@[\w.-]+", email.get("sender") or "")
        if not sender:
            return None
        cands = self.by_sig.get((sender.group(0).lower(), self._subject(email["subject"])), [])
        when = _dt(email.get("date"))
        for t in cands:
            if when is None or abs((_dt(t["date"]) - when).total_seconds()) < 90:  # type: ignore[operator]
                return t
        return None

    def source(self, item: dict[str, Any], detail: dict[str, Any] | None) -> dict[str, Any] | None:
        if not detail:
            return None
        timeline = detail.get("timeline", [])
        subject = self._subject(item.get("rejection_subject") or "")

        def rank(entry: dict[str, Any]) -> tuple[int, str]:
            reading = entry.get("reading") or {}
            return (reading.get("category") == "rejection", entry["email"].get("date") or "")

        same = [e for e in timeline if self._subject(e["email"]["subject"]) == subject]
        if same:
            return self.email(max(same, key=rank)["email"])
        events = [e for e in detail.get("events", []) if e["kind"] == "rejection"]
        if events:
            latest = max(events, key=lambda e: e["at"])
            for e in timeline:
                if e["email"]["id"] == latest.get("email_id"):
                    return self.email(e["email"])
        rejections = [
            e for e in timeline if (e.get("reading") or {}).get("category") == "rejection"
        ]
        if rejections:
            return self.email(max(rejections, key=rank)["email"])
        return None


def _dt(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# ------------------------------------------------------------------------- measuring


def greeting_name(body: str) -> str | None:
    """The name in the greeting line ('' when it greets nobody by name), None if none."""
    for line in body.splitlines():
        if line.strip():
            m = GREETING.match(line)
            if not m:
                return None
            words = [w for w in m.group("name").split() if w.lower() not in TITLES]
            return " ".join(words).strip(" .—-")
    return None


def greets(name: str | None, people: list[dict[str, str]]) -> bool:
    if not name:
        return False
    said = fold(name)
    for p in people:
        full = fold(p["name"])
        first = full.split()[0] if full.split() else ""
        if said in (first, full) or said.split()[0] == first:
            return True
        if len(full.split()) > 1 and said == full.split()[-1]:  # "Dear Ms Okafor"
            return True
    return False


def own_text(body: str) -> str:
    """The draft without any quoted original, so quoting is not mistaken for specificity."""
    cut = re.split(r"\n\s*On .{5,120} wrote:\s*\n|\n-{3,} ?(?:Original|Forwarded)", body)[0]
    return "\n".join(line for line in cut.splitlines() if not line.lstrip().startswith(">"))


class Placeholders:
    def __init__(self, truth: list[dict[str, Any]]) -> None:
        words: set[str] = set(FIRST_NAMES) | set(LAST_NAMES) | set(ROLES)
        words |= {a for a, _ in ALT_ROLES} | set(USER_NAME.split())
        for t in truth:
            for key in ("company", "role", "sender_name", "alt_role"):
                if t.get(key):
                    words.add(t[key])
            for p in [t.get("contact") or {}, *t.get("recipients", [])]:
                if p.get("name"):
                    words |= {p["name"], *p["name"].split()}
            words |= set(t.get("interviewers") or [])
        ordered = sorted((fold(w) for w in words if len(w) > 1), key=len, reverse=True)
        self.pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in ordered) + r")\b")

    def __call__(self, text: str) -> str:
        text = self.pattern.sub("<x>", fold(own_text(text)))
        text = re.sub(r"\d+", "#", text)
        text = re.sub(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", "<day>", text)
        return " ".join(re.findall(r"[\w<>#']+", text))


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = text.split()
    return {tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def measure(res: dict[str, Any]) -> dict[str, Any]:
    truth = res["truth"]
    mapper = Mapper(truth)
    robots = {t["sender"].lower() for t in truth if t["robot"]}
    fails: dict[str, list[str]] = defaultdict(list)

    def fail(kind: str, text: str) -> None:
        fails[kind].append(text)

    def label(t: dict[str, Any] | None) -> str:
        if t is None:
            return "unmapped"
        sub = f"/{t['subkind']}" if t.get("subkind") else ""
        return f"{t['key']} {t['kind']}{sub} from {t['sender']}"

    # readings of every email the product put on an application
    reading_of: dict[str, dict[str, Any] | None] = {}
    apps_of: dict[str, set[int]] = defaultdict(set)
    unmatched_emails = 0
    for app_id, detail in res["details"].items():
        for entry in detail.get("timeline", []):
            t = mapper.email(entry["email"])
            if t is None:
                unmatched_emails += 1
                continue
            apps_of[t["key"]].add(int(app_id))
            reading = entry.get("reading")
            if reading is not None or t["key"] not in reading_of:
                reading_of[t["key"]] = reading

    def read_as_rejection(key: str, sure: bool = False) -> bool:
        reading = reading_of.get(key) or {}
        if reading.get("category") != "rejection":
            return False
        return not sure or reading.get("confidence", 0) >= REVIEW_THRESHOLD

    job_rejections = [t for t in truth if t["job_rejection"]]
    tracked = [t for t in job_rejections if read_as_rejection(t["key"])]
    for t in job_rejections:
        if not read_as_rejection(t["key"]):
            fail("rejection_missed", label(t))
    false_rej: Counter[str] = Counter()
    own_sure = false_sure = 0
    for t in truth:
        if not t["job_rejection"] and read_as_rejection(t["key"]):
            sub = f"/{t['subkind']}" if t["kind"] == "hard_negative" else ""
            false_rej[t["kind"] + sub] += 1
            sure = read_as_rejection(t["key"], sure=True)
            conf = f"(confidence {reading_of[t['key']]['confidence']:.2f})"  # type: ignore[index]
            if t["own"]:
                own_sure += sure
                fail("own_mail_as_rejection", f"{label(t)} {conf}")
            else:
                false_sure += sure
                fail("not_rejection_read_as_rejection", f"{label(t)} {conf}")

    # applications made of mail that is no job mail, or named after the user's own mailbox
    user_domain = USER_EMAIL.split("@")[1].split(".")[0]
    non_job_apps = 0
    for app_id, detail in res["details"].items():
        keys = [mapper.email(e["email"]) for e in detail.get("timeline", [])]
        company = fold(detail["application"]["company"] or "")
        if user_domain in company or any(w in company for w in map(fold, USER_NAME.split())):
            fail("application_named_after_the_user", f"app {app_id} {company!r}")
        if keys and all(k is not None and k["app"] is None for k in keys):
            non_job_apps += 1
            kinds = sorted({f"{k['kind']}/{k['subkind'] or ''}" for k in keys if k})
            fail("application_from_non_job_mail", f"app {app_id} {company!r}: {kinds}")

    # follow-ups and drafts
    details = {int(k): v for k, v in res["details"].items()}
    items = [i for i in res["followups"] if offered(i)]
    sources: dict[int, dict[str, Any] | None] = {}
    for item in items:
        fu = item["followup"]
        src = mapper.source(item, details.get(fu["application_id"]))
        sources[fu["id"]] = src
        tag = f"fu#{fu['id']} ({fu['move']['kind']}) for {label(src)}"
        if src is None:
            fail("followups_unmapped", tag)
        elif not src["job_rejection"]:
            fail("followups_for_non_rejections", tag)
        elif src["draft"] == "done":
            fail("followup_after_user_followed_up", tag)
        elif not src["recipients"]:
            fail("followup_without_reachable_person", tag)
        if (
            src
            and fu["move"]["kind"] == "ask_feedback"
            and any(x["kind"] == "feedback" for x in src["specifics"])
        ):
            fail("asks_for_feedback_already_given", tag)

    drafts: dict[int, dict[str, Any]] = {}
    for fid, out in res["drafts"].items():
        if isinstance(out, dict) and "_error" not in out and out.get("draft"):
            drafts[int(fid)] = out["draft"]
            continue
        detail = str(out.get("detail", "") if isinstance(out, dict) else out)
        src = label(sources.get(int(fid)))
        if isinstance(out, dict) and out.get("_error") == 409 and "needs" in detail:
            # the playbook asks the user first (e.g. what the job would have taught them)
            fail("draft_waits_for_user_input", f"fu#{fid} for {src}: {detail[:90]}")
        else:
            fail("draft_refused_or_failed", f"fu#{fid} for {src}: {detail[:120]}")

    norm = Placeholders(truth)
    normalized = {fid: norm(d["body"]) for fid, d in drafts.items()}
    grams = {fid: shingles(text) for fid, text in normalized.items()}
    distinct: dict[int, bool] = {}
    ids = sorted(grams)
    dup_of: dict[int, int] = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            union = len(grams[a] | grams[b]) or 1
            if len(grams[a] & grams[b]) / union >= 0.8:
                dup_of.setdefault(a, b)
                dup_of.setdefault(b, a)
    for fid in ids:
        distinct[fid] = fid not in dup_of
    exact_groups = Counter(normalized.values())

    to_robot = greet_right = greet_expected = greet_expected_right = 0
    specific_n = strong_n = distinct_specific = 0
    matched_kinds: Counter[str] = Counter()
    for fid, d in drafts.items():
        src = sources.get(fid)
        tag = f"fu#{fid} to {d.get('to_name')!r} <{d.get('to_email')}> for {label(src)}"
        address = (d.get("to_email") or "").lower()
        if is_robot_address(address, robots):
            to_robot += 1
            fail("drafts_to_robot", tag)
        elif not address:
            fail("draft_without_address", tag)
        elif address == USER_EMAIL:
            fail("draft_to_the_user", tag)
        elif (
            src
            and src["recipients"]
            and address not in {r["email"].lower() for r in src["recipients"]}
        ):
            fail("draft_to_wrong_person", tag)
        people = list(src["recipients"]) if src else []
        if src and src.get("contact") and src["contact"] not in people:
            people.append(src["contact"])
        name = greeting_name(d["body"])
        right = greets(name, people)
        greet_right += right
        if people:
            greet_expected += 1
            greet_expected_right += right
        if not right:
            first = next((ln.strip() for ln in d["body"].splitlines() if ln.strip()), "")
            fail("greeting_wrong_person", f"{tag}: {first[:60]!r}")
        text = fold(own_text(d["body"]))
        hits = [s for s in (src or {}).get("specifics", []) if re.search(s["pattern"], text)]
        is_specific = bool(hits)
        strong = any(s["kind"] != "stage" for s in hits)
        specific_n += is_specific
        strong_n += strong
        matched_kinds.update({s["kind"] for s in hits})
        if not distinct[fid]:
            fail("draft_not_distinct", f"{tag} ~ fu#{dup_of[fid]}")
        if not is_specific:
            fail("draft_not_specific", tag)
        distinct_specific += distinct[fid] and is_specific

    # personal rejections from a reachable person: does the application get a draft to them?
    drafts_by_app: dict[int, list[dict[str, Any]]] = defaultdict(list)
    fu_app = {i["followup"]["id"]: i["followup"]["application_id"] for i in items}
    for fid, d in drafts.items():
        drafts_by_app[fu_app[fid]].append(d)

    def drafted_to(t: dict[str, Any]) -> bool:
        wanted = {r["email"].lower() for r in t["recipients"]}
        return any(
            (d.get("to_email") or "").lower() in wanted
            for app in apps_of.get(t["key"], ())
            for d in drafts_by_app.get(app, [])
        )

    personal = [
        t for t in truth
        if t["kind"] in ("personal_rejection", "agency_rejection") and t["draft"] == "expected"
    ]  # fmt: skip
    personal_ok = 0
    for t in personal:
        if drafted_to(t):
            personal_ok += 1
        else:
            if not apps_of.get(t["key"]):
                why = "not on any application"
            elif not read_as_rejection(t["key"]):
                why = f"read as {(reading_of.get(t['key']) or {}).get('category')}"
            else:
                mine = [i for i in items if i["followup"]["application_id"] in apps_of[t["key"]]]
                got = [drafts[i["followup"]["id"]] for i in mine if i["followup"]["id"] in drafts]
                why = (
                    "no follow-up offered" if not mine
                    else "no draft written" if not got
                    else "draft to " + ", ".join(str(d.get("to_email")) for d in got)
                )  # fmt: skip
            fail("personal_reachable_not_drafted", f"{label(t)} ({t['sender_style']}): {why}")
    reply_to = [t for t in truth if t["kind"] == "ats_rejection_reply_to"]
    reply_to_ok = sum(drafted_to(t) for t in reply_to)

    n = len(drafts)

    def share(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    figures: dict[str, Any] = {
        "messages": len(truth),
        "applications": len(res["applications"]),
        "job_rejections_in_truth": len(job_rejections),
        "rejections_tracked": len(tracked),
        "rejections_read_in_total": sum(1 for k in reading_of if read_as_rejection(k)),
        "not_rejections_read_as_rejection": sum(false_rej.values()),
        "not_rejections_read_as_rejection_confident": false_sure,
        "applications_from_non_job_mail": non_job_apps,
        "followups_offered": len(items),
        "drafts_written": n,
        "drafts_to_robot": to_robot,
        "followups_for_non_rejections": len(fails["followups_for_non_rejections"]),
        "own_mail_as_rejection": len(fails["own_mail_as_rejection"]),
        "own_mail_as_rejection_confident": own_sure,
        "drafts_to_the_user": len(fails["draft_to_the_user"]),
        "drafts_waiting_for_user_input": len(fails["draft_waits_for_user_input"]),
        "greeting_right_person": share(greet_right, n),
        "greeting_right_where_a_person_exists": share(greet_expected_right, greet_expected),
        "personal_reachable_drafted": share(personal_ok, len(personal)),
        "personal_reachable_total": len(personal),
        "reply_to_recruiter_drafted": share(reply_to_ok, len(reply_to)),
        "distinct_specific": share(distinct_specific, n),
        "distinct": share(sum(distinct.values()), n),
        "specific": share(specific_n, n),
        "specific_beyond_stage": share(strong_n, n),
        "identical_after_placeholders": sum(c for c in exact_groups.values() if c > 1),
        "specific_kinds_mentioned": dict(matched_kinds),
        "false_rejections_by_kind": dict(false_rej),
        "failures": {k: len(v) for k, v in sorted(fails.items())},
        "emails_unmatched_to_truth": unmatched_emails,
        "profile_name_set_after_scan": res["profile_set"],
        "scan_skipped": len(res["scan_skipped"]),
        "problems": len(res["problems"]),
        "timings": {k: round(v, 2) for k, v in res["timings"].items()},
    }
    return {"figures": figures, "examples": {k: v[:5] for k, v in sorted(fails.items())}}


# ------------------------------------------------------------------------- output


def verdict(name: str, value: Any) -> str:
    if name not in TARGETS or value is None:
        return ""
    op, target = TARGETS[name]
    ok = value == target if op == "==" else value >= target
    return f"{'ok ' if ok else 'MISS'} (target {op} {target})"


def print_table(report: dict[str, Any], res: dict[str, Any], verbose: bool) -> None:
    f = report["figures"]
    print(f"Inbox: {f['messages']} messages, seed {res['seed']}, now {res['now']}")
    print(f"Profile name set after scan: {'yes' if f['profile_name_set_after_scan'] else 'no'}")
    keys = [
        "applications", "job_rejections_in_truth", "rejections_tracked",
        "rejections_read_in_total", "not_rejections_read_as_rejection",
        "not_rejections_read_as_rejection_confident", "applications_from_non_job_mail",
        "followups_offered", "drafts_written", "drafts_waiting_for_user_input",
        "drafts_to_robot", "drafts_to_the_user", "followups_for_non_rejections",
        "own_mail_as_rejection", "own_mail_as_rejection_confident", "greeting_right_person",
        "greeting_right_where_a_person_exists",
        "personal_reachable_drafted", "personal_reachable_total", "reply_to_recruiter_drafted",
        "distinct_specific", "distinct", "specific", "specific_beyond_stage",
        "identical_after_placeholders",
    ]  # fmt: skip
    for key in keys:
        print(f"  {key:<40} {f[key]!s:>8}  {verdict(key, f[key])}")
    print("  failures:")
    for key, count in f["failures"].items():
        print(f"    {key:<38} {count:>8}")
    print(f"  false rejections by kind: {f['false_rejections_by_kind']}")
    print(f"  specifics mentioned: {f['specific_kinds_mentioned']}")
    print(f"  timings: {f['timings']}")
    for problem in res["problems"][:10]:
        print(f"  problem: {problem}")
    for line in res["scan_skipped"][:10]:
        print(f"  scan: {line}")
    if verbose:
        for key, examples in report["examples"].items():
            print(f"\n{key}:")
            for example in examples:
                print(f"  - {example}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--now", help="the inbox's now, ISO, UTC (default: this hour)")
    parser.add_argument("--json", action="store_true", help="one JSON object on the last line")
    parser.add_argument("--verbose", action="store_true", help="list examples of each failure")
    parser.add_argument("--keep", type=Path, help="build and keep the inbox and db in DIR")
    parser.add_argument(
        "--profile-name", action="store_true",
        help=f'run `gracefully profile --name "{USER_NAME}"` after the scan',
    )  # fmt: skip
    args = parser.parse_args()
    now = (
        datetime.fromisoformat(args.now).replace(tzinfo=UTC)
        if args.now
        else datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    )
    started = time.perf_counter()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        res = run_product(args, args.keep, now)
    else:
        with tempfile.TemporaryDirectory(prefix="gracefully-eval-inbox-") as tmp:
            res = run_product(args, Path(tmp), now)
    res["seed"], res["now"] = args.seed, now.isoformat()
    report = measure(res)
    report["figures"]["timings"]["total_s"] = round(time.perf_counter() - started, 2)
    if args.keep:
        (args.keep / "api.json").write_text(json.dumps(res, indent=1, default=str))
        (args.keep / "report.json").write_text(json.dumps(report, indent=1))
    if args.json:
        out = {"seed": args.seed, "now": now.isoformat(), **report["figures"]}
        out["examples"] = report["examples"]
        out["problem_list"] = res["problems"][:10]
        print(json.dumps(out))
    else:
        print_table(report, res, args.verbose)


if __name__ == "__main__":
    main()
