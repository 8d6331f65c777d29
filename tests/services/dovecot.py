"""A real, throwaway Dovecot IMAP server on 127.0.0.1 for the tests.

Everything lives in one temp dir (config, sockets, state, log, mail), so
several engineers' test runs never share a server, and stopping it leaves
nothing behind. Dovecot refuses to run mail processes as root, so when the
tests run as root the mail belongs to ``nobody``; otherwise to the current user.
"""

from __future__ import annotations

import grp
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from imapclient import IMAPClient

from tests.services.net import free_port
from tests.services.tls import TestCA

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
DOVEADM = shutil.which("doveadm") or "/usr/bin/doveadm"
MAILBOXES = {"Drafts": "\\Drafts", "Sent": "\\Sent", "Archive": "\\Archive", "Trash": "\\Trash"}

_CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
instance_name = gracefully-test-{port}
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
first_valid_uid = {uid}
first_valid_gid = {gid}
mail_location = maildir:~/Maildir
mail_uid = {uid}
mail_gid = {gid}
shutdown_clients = yes
# A throwaway server: durability is not worth an fsync per message.
mail_fsync = never
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users/%u
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {root}/users/%u
  default_fields = uid={uid} gid={gid} home={root}/mail/%u
}}
namespace inbox {{
  inbox = yes
{mailboxes}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
# No auth penalty: after one bad-password test, every later login from
# 127.0.0.1 would wait seconds. The auth process skips penalties it cannot ask for.
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
protocol imap {{
  mail_max_userip_connections = 200
}}
"""

_MAILBOX = """\
  mailbox {name} {{
    special_use = {flag}
    auto = {auto}
  }}"""


class DovecotError(RuntimeError):
    """The test Dovecot could not start or a doveadm command failed; the log tail says why."""


@dataclass(frozen=True)
class ImapAccount:
    """One test mailbox on the test server (plaintext, 127.0.0.1 only)."""

    host: str
    port: int
    """Plain IMAP, with STARTTLS when the server has a certificate."""
    tls_port: int
    """Implicit TLS (IMAPS), or 0 when the server has no certificate."""
    username: str
    password: str = field(repr=False)

    def connect(self) -> IMAPClient:
        """A logged-in plain-text client, for test set-up and checks."""
        client = IMAPClient(self.host, self.port, ssl=False, timeout=30)
        client.login(self.username, self.password)
        return client


def _service_users() -> dict[str, str | int]:
    """Who the server runs as: system users under root, the caller otherwise."""
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        return {
            "internal_user": "dovecot",
            "internal_group": "dovecot",
            "login_user": "dovenull",
            "uid": nobody.pw_uid,
            "gid": nobody.pw_gid,
        }
    me = pwd.getpwuid(os.geteuid())
    return {
        "internal_user": me.pw_name,
        "internal_group": grp.getgrgid(me.pw_gid).gr_name,
        "login_user": me.pw_name,
        "uid": me.pw_uid,
        "gid": me.pw_gid,
    }


class DovecotServer:
    """Start with `start()` (or use as a context manager), stop with `stop()`.

    With a `TestCA` the server also offers STARTTLS on `port` and IMAPS on
    `tls_port`; plain-text login stays allowed so set-up code can be simple.
    """

    host = "127.0.0.1"

    def __init__(
        self,
        ca: TestCA | None = None,
        mailboxes: dict[str, str] | None = None,
        autocreate: bool = True,
    ) -> None:
        """`mailboxes` maps folder name to special-use flag; with `autocreate`
        off they exist only once a client creates them."""
        self.root = Path(tempfile.mkdtemp(prefix="gracefully-dovecot-"))
        self.ca = ca
        self.mailboxes = MAILBOXES if mailboxes is None else mailboxes
        self.autocreate = autocreate
        self.port = 0
        self.tls_port = 0
        self.config = self.root / "dovecot.conf"
        self._process: subprocess.Popen[bytes] | None = None
        self._users = _service_users()

    def __enter__(self) -> DovecotServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def start(self, timeout: float = 20.0) -> None:
        if not Path(DOVECOT).exists():
            raise DovecotError(f"{DOVECOT} not found: run `apt-get install -y dovecot-imapd`")
        for attempt in range(3):
            self._write_config()
            self._process = subprocess.Popen(
                [DOVECOT, "-c", str(self.config), "-F"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            try:
                self._wait_ready(timeout)
                return
            except DovecotError as error:
                self.stop()
                # Another process may take a probed port before Dovecot binds it.
                if "in use" not in str(error) or attempt == 2:
                    raise
            except BaseException:
                self.stop()
                raise

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process is not None and process.stderr is not None:
            process.stderr.close()
        shutil.rmtree(self.root, ignore_errors=True)

    def add_user(self, username: str | None = None, password: str | None = None) -> ImapAccount:
        """A fresh account, live at once.

        One passwd-file per user: Dovecot re-reads a changed passwd-file at
        most once a second, so a shared file would miss users added quickly.
        """
        username = username or f"user-{secrets.token_hex(6)}"
        password = password or secrets.token_urlsafe(12)
        if any(ch in username + password for ch in ":/\n") or username.startswith("."):
            raise ValueError("test users may not contain ':', '/' or newlines")
        path = self.root / "users" / username
        path.write_text(f"{username}:{password}::::::\n")
        path.chmod(0o644)
        return ImapAccount(self.host, self.port, self.tls_port, username, password)

    def doveadm(self, *args: str, input: bytes | None = None) -> str:
        result = subprocess.run(
            [DOVEADM, "-c", str(self.config), *args],
            input=input,
            capture_output=True,
            check=False,
        )
        if result.returncode != 0:
            raise DovecotError(
                f"doveadm {' '.join(args)} failed ({result.returncode}): "
                f"{result.stderr.decode(errors='replace')}"
            )
        return result.stdout.decode(errors="replace")

    def uidvalidity(self, username: str, mailbox: str) -> int:
        out = self.doveadm(
            "-f", "flow", "mailbox", "status", "-u", username, "uidvalidity", mailbox
        )
        return int(out.split("=", 1)[1])

    def reset_uidvalidity(self, username: str, mailbox: str, value: int | None = None) -> int:
        """Give a folder a new UIDVALIDITY, as a server does after a rebuild.

        The messages stay; a client that remembered the old UIDVALIDITY must
        treat every UID it knows as void.
        """
        value = value or self.uidvalidity(username, mailbox) + 1
        self.doveadm("mailbox", "update", "-u", username, "--uid-validity", str(value), mailbox)
        return value

    def append(
        self, account: ImapAccount, mailbox: str, messages: Iterable[bytes], batch: int = 500
    ) -> int:
        """Add messages over IMAP (MULTIAPPEND, `batch` per command), as new mail arrives.

        About 4,000 messages/s here; use `load_files` for bulk loads.
        """
        count = 0
        with account.connect() as client:
            pending: list[bytes] = []
            for raw in messages:
                pending.append(raw)
                if len(pending) == batch:
                    client.multiappend(mailbox, pending)
                    count, pending = count + len(pending), []
            if pending:
                client.multiappend(mailbox, pending)
                count += len(pending)
        return count

    def load_files(
        self, username: str, mailbox: str, messages: Iterable[bytes], flags: str = ""
    ) -> int:
        """Bulk-load by writing Maildir files, then have Dovecot index them.

        About 10,000 messages/s here, 2.5x MULTIAPPEND; UIDs follow the order
        given. `flags` are Maildir flag letters for every message (S seen,
        F flagged, R answered, D draft).
        """
        maildir = self._maildir(username, mailbox)
        uid, gid = int(self._users["uid"]), int(self._users["gid"])
        info = ":2," + "".join(sorted(flags))
        stamp, count = int(time.time()), 0
        for count, raw in enumerate(messages, start=1):
            path = maildir / "cur" / f"{stamp}.M{count:09d}P{os.getpid()}.gracefully{info}"
            path.write_bytes(raw)
            os.chown(path, uid, gid)
        self.doveadm("index", "-u", username, mailbox)
        return count

    def _maildir(self, username: str, mailbox: str) -> Path:
        """The folder's Maildir, created (with its Dovecot record) if needed."""
        self.doveadm("mailbox", "status", "-u", username, "messages", "INBOX")
        home = self.root / "mail" / username / "Maildir"
        if mailbox.upper() == "INBOX":
            return home
        path = home / f".{mailbox}"
        if not path.exists():
            self.doveadm("mailbox", "create", "-u", username, mailbox)
        return path

    def _write_config(self) -> None:
        self.root.chmod(0o755)
        mail = self.root / "mail"
        mail.mkdir(exist_ok=True)
        os.chown(mail, int(self._users["uid"]), int(self._users["gid"]))
        (self.root / "users").mkdir(mode=0o755, exist_ok=True)
        self.port = free_port()
        self.tls_port = free_port() if self.ca else 0
        auto = "subscribe" if self.autocreate else "no"
        mailboxes = "\n".join(
            _MAILBOX.format(name=name, flag=flag, auto=auto)
            for name, flag in self.mailboxes.items()
        )
        ssl = "ssl = no"
        if self.ca:
            ssl = f"ssl = yes\nssl_cert = <{self.ca.cert_file}\nssl_key = <{self.ca.key_file}"
        self.config.write_text(
            _CONFIG.format(
                root=self.root,
                port=self.port,
                tls_port=self.tls_port,
                ssl=ssl,
                mailboxes=mailboxes,
                **self._users,
            )
        )

    def _wait_ready(self, timeout: float) -> None:
        process = self._process
        assert process is not None and process.stderr is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                err = process.stderr.read().decode(errors="replace")
                raise DovecotError(f"dovecot exited: {err}\n{self.log[-2000:]}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as sock:
                    if sock.recv(64).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.05)
        raise DovecotError(
            f"dovecot not listening on {self.port} after {timeout}s\n{self.log[-2000:]}"
        )
