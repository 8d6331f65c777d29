"""Build the demo mailbox, its expected readings and its README from readable sources.

Why a build step: the shipped mbox holds base64, quoted-printable and Latin-1
parts that nobody can review by eye, while the TOML sources in
``src/gracefully/samples/source/`` can be read and edited like prose. Each
message's expected reading sits next to its text, so the mailbox, the
machine-readable truth (``expected.json``) and the README never drift apart.
The output is byte-for-byte deterministic; ``--check`` fails when the shipped
files are stale.

    python scripts/build_demo_mailbox.py          # rewrite the three files
    python scripts/build_demo_mailbox.py --check  # exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import mailbox
import re
import sys
import tempfile
import textwrap
import tomllib
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parent.parent / "src" / "gracefully" / "samples"
SOURCE = SAMPLES / "source"
OUTPUTS = ("demo.mbox", "expected.json", "README.md")
USER = "Sam Rivera <sam.rivera@example.net>"
WRAP_AT = 76
NO_REPLY_LOCALS = re.compile(r"no-?reply|donotreply|do-not-reply", re.IGNORECASE)
APPLICATION_DEFAULTS: dict[str, Any] = {
    "aliases": [],
    "requisition_id": None,
    "contact": None,
    "contact_email": None,
    "move": None,
    "followup_outcome": None,
}
REJECTION_DEFAULTS: dict[str, Any] = {
    "stage": "unknown",
    "reasons": [],
    "feedback": "none",
    "keep_on_file": False,
    "invite_reapply": False,
    "alt_role": False,
    "alt_role_text": None,
    "personal": False,
}


@dataclass(frozen=True)
class Source:
    """One message as written in TOML, plus the application it belongs to."""

    spec: dict[str, Any]
    application: str | None

    @property
    def key(self) -> str:
        return self.spec["key"]

    @property
    def date(self) -> datetime:
        return self.spec["date"]


def load_sources(folder: Path) -> tuple[list[Source], dict[str, dict[str, Any]]]:
    """Read every TOML file; messages come back in mailbox (date) order."""
    sources: list[Source] = []
    applications: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        app = data.get("application")
        if app is not None:
            applications[app["key"]] = app
        app_key = app["key"] if app else None
        sources.extend(Source(spec, app_key) for spec in data["message"])
    keys = [s.key for s in sources]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise ValueError(f"duplicate message keys: {sorted(duplicates)}")
    return sorted(sources, key=lambda s: (s.date, s.key)), applications


def message_id(spec: dict[str, Any]) -> str:
    """A stable, realistic-looking Message-ID derived from the message key."""
    if "message_id" in spec:
        return spec["message_id"]
    host = spec.get("mid_host") or parseaddr(spec["from"])[1].rpartition("@")[2]
    digest = hashlib.sha256(spec["key"].encode()).hexdigest()
    return f"<{digest[:8].upper()}.{digest[8:20]}@{host}>"


def wrap(text: str) -> str:
    """Hard-wrap long lines as a mail client would, keeping quote prefixes."""
    out: list[str] = []
    for line in text.strip("\n").split("\n"):
        if len(line) <= WRAP_AT:
            out.append(line)
            continue
        prefix = re.match(r"^(> ?)*", line).group(0)
        out.extend(textwrap.wrap(line[len(prefix) :], 72 - len(prefix), initial_indent=prefix,
                                 subsequent_indent=prefix, break_on_hyphens=False))  # fmt: skip
    return "\n".join(out) + "\n"


def text_to_html(text: str, brand: str) -> str:
    """The HTML twin most senders attach: paragraphs, links, a branded shell."""
    paragraphs = []
    for block in text.strip().split("\n\n"):
        escaped = html.escape(block).replace("\n", "<br>\n")
        linked = re.sub(r"(https://[^\s<]+)", r'<a href="\1">\1</a>', escaped)
        paragraphs.append(f'<p style="margin:0 0 14px 0">{linked}</p>')
    body = "\n".join(paragraphs)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
        '<body style="font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#1f2933">\n'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td>\n'
        '<div style="max-width:600px;margin:0 auto;padding:24px">\n'
        '<div style="font-size:18px;font-weight:bold;margin-bottom:18px">'
        f"{html.escape(brand)}</div>\n"
        f"{body}\n</div>\n</td></tr></table>\n</body></html>\n"
    )


def build_message(source: Source, ids: dict[str, str], refs: dict[str, list[str]]) -> EmailMessage:
    spec = source.spec
    msg = EmailMessage()
    msg["Date"] = format_datetime(spec["date"])
    msg["From"] = spec["from"]
    msg["To"] = spec.get("to", USER)
    if "cc" in spec:
        msg["Cc"] = spec["cc"]
    msg["Subject"] = spec["subject"]
    msg["Message-ID"] = ids[source.key]
    parent = spec.get("reply_to_key")
    if parent:
        msg["In-Reply-To"] = ids[parent]
        msg["References"] = " ".join([*refs[parent], ids[parent]])
    for name, value in spec.get("headers", {}).items():
        msg[name] = value
    _set_body(msg, spec)
    for i, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"----=_Part_{ids[source.key][1:9]}_{i}")
    return msg


def _set_body(msg: EmailMessage, spec: dict[str, Any]) -> None:
    charset = spec.get("charset", "utf-8")
    cte = spec.get("cte")
    brand = parseaddr(spec["from"])[0]
    html_body = spec.get("html")
    if html_body == "auto":
        html_body = text_to_html(spec["body"], brand)
    if "body" in spec:
        msg.set_content(wrap(spec["body"]), charset=charset, cte=cte)
        if html_body:
            msg.add_alternative(html_body, subtype="html")
    else:
        msg.set_content(html_body, subtype="html", charset=charset, cte=cte)
    for attachment in spec.get("attachments", []):
        maintype, _, subtype = attachment["type"].partition("/")
        data = attachment["content"].encode("utf-8").replace(b"\n", b"\r\n")
        msg.add_attachment(data, maintype=maintype, subtype=subtype,
                           filename=attachment["filename"])  # fmt: skip


def build_mbox(sources: list[Source], path: Path) -> dict[str, str]:
    """Write the mailbox; returns key -> Message-ID."""
    ids = {s.key: message_id(s.spec) for s in sources}
    refs: dict[str, list[str]] = {}
    box = mailbox.mbox(path, create=True)
    try:
        for source in sources:
            parent = source.spec.get("reply_to_key")
            refs[source.key] = [*refs[parent], ids[parent]] if parent else []
            entry = mailbox.mboxMessage(build_message(source, ids, refs))
            sender = parseaddr(source.spec["from"])[1]
            entry.set_from(sender, source.date.utctimetuple())
            box.add(entry)
        box.flush()
    finally:
        box.close()
    return ids


def expected_reading(source: Source) -> dict[str, Any]:
    spec = source.spec
    expect = dict(spec["expect"])
    rejection = expect.pop("rejection", None)
    if (expect["category"] == "rejection") != (rejection is not None):
        raise ValueError(f"{source.key}: a rejection needs [expect.rejection], others must not")
    sender = parseaddr(spec["from"])[1]
    if NO_REPLY_LOCALS.search(sender.partition("@")[0]) and not expect.get("no_reply"):
        raise ValueError(f"{source.key}: sender {sender} is a no-reply address")
    return {
        "key": source.key,
        "date": format_datetime(source.date),
        "from": spec["from"],
        "subject": spec["subject"],
        "application": source.application,
        "category": expect.pop("category"),
        "company": expect.pop("company", None),
        "role": expect.pop("role", None),
        "contact": expect.pop("contact", None),
        "no_reply": expect.pop("no_reply", False),
        "door_closed": expect.pop("door_closed", False),
        "from_user": sender == parseaddr(USER)[1],
        "followup_reply": expect.pop("followup_reply", False),
        "rejection": {**REJECTION_DEFAULTS, **rejection} if rejection else None,
        **_no_leftovers(source.key, expect),
    }


def _no_leftovers(key: str, expect: dict[str, Any]) -> dict[str, Any]:
    if expect:
        raise ValueError(f"{key}: unknown expect fields {sorted(expect)}")
    return {}


def expected_document(
    sources: list[Source], applications: dict[str, dict[str, Any]], ids: dict[str, str]
) -> dict[str, Any]:
    messages = {ids[s.key]: expected_reading(s) for s in sources}
    apps = []
    for key, app in applications.items():
        members = [mid for mid, m in messages.items() if m["application"] == key]
        fields = {k: v for k, v in app.items() if k != "summary"}
        apps.append({**APPLICATION_DEFAULTS, **fields, "messages": members})
    return {
        "format": 1,
        "mailbox": "demo.mbox",
        "user": {"name": "Sam Rivera", "email": "sam.rivera@example.net"},
        "messages": messages,
        "applications": apps,
    }


def readme(document: dict[str, Any], applications: dict[str, dict[str, Any]]) -> str:
    messages = document["messages"]
    lines = [
        "# The demo mailbox",
        "",
        "`demo.mbox` is the mailbox `gracefully demo` scans: the autumn 2026 job search of",
        "Sam Rivera (sam.rivera@example.net), a data analyst who also writes software.",
        "Every person, company and address in it is invented. It is **generated**: edit the",
        "TOML files in `source/` and run `python scripts/build_demo_mailbox.py`, which",
        "rewrites `demo.mbox`, `expected.json` and this file. Never edit them by hand.",
        "",
        "`expected.json` is the machine-readable truth other tests read. `messages` is keyed",
        "by Message-ID (category, company, role, contact, no_reply, door_closed, and for a",
        "rejection its stage, reasons, feedback, keep_on_file, invite_reapply, alt_role,",
        "personal); `applications` lists each application with its Message-IDs.",
        "Label meanings follow the project's label schema (a `contact` is a named human,",
        "never an ATS mailbox). Two conventions on top of it:",
        "",
        "- `no_reply` means the sender cannot usefully be answered (a no-reply or ATS",
        "  system address); `door_closed` is stronger and only set when the email itself",
        "  asks not to be replied to or rules out further applications.",
        "- Sam's own follow-up is in the mailbox (`from_user`, category `other`); the",
        "  employer's answer to it is `followup_reply` and is read like any rejection email,",
        "  so its feedback and reasons are labelled.",
        "",
        "`demo_profile.json` is the demo user's profile; `gracefully.samples.demo_profile()`",
        "loads it, and `demo_mailbox()` / `demo_expected()` give the other two files.",
        "",
        f"{len(messages)} messages, {len(applications)} applications, "
        f"{sum(1 for m in messages.values() if m['application'] is None)} non-job messages.",
        "",
    ]
    for app in document["applications"]:
        lines += _readme_application(app, applications[app["key"]], messages)
    lines += ["## Not about an application", ""]
    lines += _readme_table([m for m in messages.values() if m["application"] is None])
    return "\n".join(lines) + "\n"


def _readme_application(
    app: dict[str, Any], source: dict[str, Any], messages: dict[str, Any]
) -> list[str]:
    aliases = f" (also written {', '.join(app['aliases'])})" if app["aliases"] else ""
    return [
        f"## {app['company']} — {app['role']}{aliases}",
        "",
        f"Status **{app['status']}**, furthest stage **{app['stage']}**, "
        f"human contact: {app['contact'] or 'none'}"
        + (f", expected move **{app['move']}**" if app["move"] else "")
        + (f", follow-up outcome **{app['followup_outcome']}**" if app["followup_outcome"] else "")
        + ".",
        "",
        *textwrap.wrap(source["summary"].strip(), 88, break_on_hyphens=False),
        "",
        *_readme_table([messages[mid] for mid in app["messages"]]),
    ]


def _readme_table(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["| date | from | subject | expected reading |", "|---|---|---|---|"]
    for m in rows:
        sender, subject = (s.replace("|", "\\|") for s in (m["from"], m["subject"]))
        lines.append(f"| {m['date'][5:16]} | `{sender}` | {subject} | {_reading(m)} |")
    return [*lines, ""]


def _reading(m: dict[str, Any]) -> str:
    parts = [f"**{m['category']}**"]
    r = m["rejection"]
    if r:
        parts.append(f"stage {r['stage']}")
        parts.append("reasons " + (", ".join(r["reasons"]) or "none stated"))
        parts.append(f"feedback {r['feedback']}")
        flags = ("keep_on_file", "invite_reapply", "alt_role", "personal")
        parts += [flag for flag in flags if r[flag]]
        if r["alt_role_text"]:
            parts.append(f"other role: {r['alt_role_text']}")
    for flag in ("no_reply", "door_closed", "from_user", "followup_reply"):
        if m[flag]:
            parts.append(flag)
    if m["contact"]:
        parts.append(f"contact {m['contact']}")
    return "; ".join(parts)


def build(out: Path, source: Path = SOURCE) -> None:
    """Write the three outputs into `out`; raises ValueError on inconsistent sources."""
    sources, applications = load_sources(source)
    ids = build_mbox(sources, out / "demo.mbox")
    document = expected_document(sources, applications, ids)
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    (out / "expected.json").write_text(text, encoding="utf-8")
    (out / "README.md").write_text(readme(document, applications), encoding="utf-8")


def _same(built: Path, shipped: Path) -> bool:
    return shipped.exists() and built.read_bytes() == shipped.read_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the files are stale")
    args = parser.parse_args(argv)
    if not args.check:
        for name in OUTPUTS:
            (SAMPLES / name).unlink(missing_ok=True)
        build(SAMPLES)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        stale = [n for n in OUTPUTS if not _same(Path(tmp) / n, SAMPLES / n)]
    for name in stale:
        print(f"stale: src/gracefully/samples/{name} (run scripts/build_demo_mailbox.py)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
