"""A tiny SMTP peer on 127.0.0.1 that misbehaves on purpose (fault injection).

It speaks just enough SMTP for smtplib, takes the message, and then either
hangs up before answering the final dot (`drop_after_data`) or answers QUIT
with an error (`bad_quit`). A real server cannot be made to do either on cue.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager


@contextmanager
def faulty_smtp(*, drop_after_data: bool = False, bad_quit: bool = False) -> Iterator[FaultySmtp]:
    server = FaultySmtp(drop_after_data=drop_after_data, bad_quit=bad_quit)
    thread = threading.Thread(target=server.serve_one, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.listener.close()
        thread.join(timeout=10)


class FaultySmtp:
    def __init__(self, *, drop_after_data: bool, bad_quit: bool) -> None:
        self.drop_after_data, self.bad_quit = drop_after_data, bad_quit
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.host, self.port = "127.0.0.1", self.listener.getsockname()[1]
        self.messages: list[bytes] = []

    def serve_one(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn, conn.makefile("rb") as lines:
            conn.sendall(b"220 faulty.test ESMTP\r\n")
            for line in lines:
                verb = line[:4].upper()
                if verb == b"DATA":
                    conn.sendall(b"354 go ahead\r\n")
                    self.messages.append(_until_dot(lines))
                    if self.drop_after_data:
                        return
                    conn.sendall(b"250 queued\r\n")
                elif verb == b"QUIT":
                    conn.sendall(b"554 cannot say goodbye\r\n" if self.bad_quit else b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"250 ok\r\n")


def _until_dot(lines: Iterable[bytes]) -> bytes:
    data = []
    for line in lines:
        if line == b".\r\n":
            break
        data.append(line)
    return b"".join(data)
