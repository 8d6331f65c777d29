"""How fast `gracefully scan ACCOUNT` syncs a real Dovecot folder, first and incrementally.

    python bench/imap_sync.py [--messages N] [--new 100] [--json] [--profile]

Loads N synthetic messages (bench/synthetic.py) into a throwaway Dovecot
(tests/services/dovecot.py, IMAPS with a test CA), adds the account, then
times two CLI runs, each in a child process so peak memory is its own: the
first sync, and the sync after `--new` more messages arrive over IMAP
APPEND. The model is trained beforehand, as on any machine after first use.
`--profile` runs both under cProfile and prints where the time goes.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))
from tests.services.dovecot import DovecotServer
from tests.services.tls import TestCA

from gracefully.understand import load_reader
from scan import _run as measured_run
from synthetic import messages

PASSWORD_VAR = "GRACEFULLY_BENCH_IMAP_PASSWORD"


def _mail(count: int, start: int = 0) -> list[bytes]:
    return [m.as_bytes() for i, m in enumerate(messages(start + count)) if i >= start]


def _sync(cmd: list[str], env: dict[str, str], profile: Path | None) -> tuple[float, float]:
    if profile is None:
        return measured_run(cmd, env)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile), *cmd],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started, 0.0


def _top(profile: Path, lines: int = 25) -> str:
    """The project's and imapclient's functions by cumulative time, imports left out."""
    out = io.StringIO()
    stats = pstats.Stats(str(profile), stream=out).sort_stats("cumulative")
    stats.print_stats(
        r"(gracefully/(?!cli)|imapclient/|sqlalchemy/orm/session).*\.py:\d+\((?!<module>)", lines
    )
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--profile", action="store_true", help="cProfile both syncs")
    args = parser.parse_args()
    gracefully = str(Path(sys.executable).parent / "gracefully")
    with tempfile.TemporaryDirectory(prefix="gracefully-imap-bench-") as tmp:
        work = Path(tmp)
        ca = TestCA(work / "ca")
        with DovecotServer(ca=ca) as server:
            user = server.add_user()
            server.load_files(user.username, "INBOX", _mail(args.messages))
            env = dict(
                os.environ,
                GRACEFULLY_DATA_DIR=str(work / "data"),
                GRACEFULLY_CONFIG_DIR=str(work / "config"),
                GRACEFULLY_DATABASE_URL=f"sqlite:///{work}/bench.db",
                COLUMNS="120",
                **{PASSWORD_VAR: user.password},
            )
            load_reader(cache_dir=work / "data" / "models")  # train once, as after first use
            subprocess.run(
                [gracefully, "account", "add", "bench", "--imap", user.host,
                 "--port", str(user.tls_port), "--user", user.username,
                 "--ca-file", str(ca.ca_file), "--password-env", PASSWORD_VAR],
                check=True, env=env, stdout=subprocess.DEVNULL,
            )  # fmt: skip
            cmd = [gracefully, "scan", "bench"]
            first_prof = work / "first.prof" if args.profile else None
            first_s, first_mb = _sync(cmd, env, first_prof)
            server.append(user, "INBOX", _mail(args.new, start=args.messages))
            incr_prof = work / "incremental.prof" if args.profile else None
            incr_s, incr_mb = _sync(cmd, env, incr_prof)
        result = {
            "messages": args.messages,
            "first_sync_s": round(first_s, 2),
            "first_sync_msgs_per_s": round(args.messages / first_s),
            "new": args.new,
            "incremental_s": round(incr_s, 2),
            "peak_rss_mb": round(max(first_mb, incr_mb), 1),
        }
        if args.json:
            print(json.dumps(result))
        else:
            for key, value in result.items():
                print(f"{key:>22}: {value}")
        if first_prof and incr_prof:
            print("\n== first sync ==\n" + _top(first_prof))
            print("\n== incremental sync ==\n" + _top(incr_prof))


if __name__ == "__main__":
    main()
