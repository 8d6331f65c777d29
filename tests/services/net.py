"""Ports for the throwaway servers."""

from __future__ import annotations

import socket

_handed_out: set[int] = set()


def free_port() -> int:
    """A port free right now on 127.0.0.1 and never handed out before in this run.

    The kernel may give the same ephemeral port to two probes in a row (the
    first probe's socket is closed by then), and one server with two listeners
    on that port fails to start with "duplicate listener". Remembering what we
    handed out makes every port distinct within the test run.
    """
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in _handed_out:
            _handed_out.add(port)
            return port
