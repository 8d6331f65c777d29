"""The port picker behind every throwaway server."""

from __future__ import annotations

import socket

from tests.services.net import free_port
from tests.services.postgres import PostgresServer
from tests.services.smtp import SmtpServer


def test_ports_are_never_handed_out_twice_in_a_run() -> None:
    # One Dovecot asks for two ports in a row; equal ones made it refuse to start.
    ports = [free_port() for _ in range(200)]
    assert len(set(ports)) == len(ports)


def test_a_handed_out_port_can_be_bound() -> None:
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
        assert sock.getsockname()[1] == port


def test_postgres_moves_to_another_port_when_its_port_is_taken() -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        taken = blocker.getsockname()[1]
        server = PostgresServer()
        server.port = taken
        server.start()
        try:
            assert server.port != taken and str(server.port) in server.url
            with socket.create_connection(("127.0.0.1", server.port), timeout=5):
                pass
        finally:
            server.stop()


def test_the_smtp_receiver_moves_to_another_port_when_its_port_is_taken() -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        server = SmtpServer()
        taken = blocker.getsockname()[1]
        server._controller = server._listen_on(taken)
        with server:
            assert server.port != taken
            with socket.create_connection(("127.0.0.1", server.port), timeout=5) as conn:
                assert conn.recv(64).startswith(b"220")
