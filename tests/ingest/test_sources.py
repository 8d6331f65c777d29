"""Sources and open_source(): formats, refs, errors a user can act on."""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

import pytest

from gracefully.domain import Email
from gracefully.ingest import (
    EmlFolderSource,
    MaildirSource,
    MailSource,
    MboxSource,
    MemorySource,
    RawMessage,
    SourceError,
    decode,
    open_source,
)
from tests.ingest.support import FIXTURES, fixture_bytes, write_maildir, write_mbox

NOBODY = 65534
NAMES = ["rejection_plain.eml", "no_message_id.eml", "html_only.eml", "forwarded_inline.eml"]


def _subjects(source: MailSource) -> list[str]:
    emails = [decode(raw) for raw in source]
    assert all(isinstance(e, Email) for e in emails), emails
    return [e.subject for e in emails if isinstance(e, Email)]


def _fixture_messages() -> list[bytes]:
    return [fixture_bytes(name) for name in NAMES]


def test_mbox_yields_each_message_with_its_offset(tmp_path: Path) -> None:
    path = write_mbox(tmp_path / "inbox.mbox", _fixture_messages())
    source = open_source(path)
    assert isinstance(source, MboxSource)
    assert source.location == str(path)
    assert source.estimate() is None and source.size_bytes == path.stat().st_size
    raws = list(source)
    assert len(raws) == len(NAMES)
    content = path.read_bytes()
    for raw in raws:
        kind, _, offset = raw.ref.rpartition("#")
        assert kind == f"mbox:{path}"
        assert content[int(offset) :].startswith(b"From ")
    assert _subjects(source)[0] == "Your application for Data Analyst"


def test_mbox_unescapes_from_lines_and_ignores_unescaped_body_from(tmp_path: Path) -> None:
    path = tmp_path / "rd.mbox"
    path.write_bytes(
        b"From hr@x.example Mon Feb  3 10:00:00 2025\nFrom: hr@x.example\nSubject: one\n\n"
        b">From the team: no.\n>>From quoted.\nFrom here on, not a separator\n\n"
        b"From hr@x.example Mon Feb  3 11:00:00 2025\nFrom: hr@x.example\nSubject: two\n\nok\n"
    )
    raws = list(MboxSource(path))
    assert [r.data.split(b"\n\n", 1)[1] for r in raws] == [
        b"From the team: no.\n>From quoted.\nFrom here on, not a separator\n",
        b"ok\n",
    ]


def test_mbox_with_crlf_and_tiny_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gracefully.ingest._mbox.CHUNK_BYTES", 7)
    messages = [b"From: a@x.example\r\nSubject: m%d\r\n\r\nline\r\n" % i for i in range(5)]
    path = tmp_path / "crlf.mbox"
    path.write_bytes(
        b"".join(
            b"From a@x Mon Feb  3 10:0%d:00 2025\r\n%s\r\n" % (i, m) for i, m in enumerate(messages)
        )
    )
    assert [r.data for r in MboxSource(path)] == messages


def test_maildir_including_subfolders_with_stable_keys(tmp_path: Path) -> None:
    root = write_maildir(tmp_path / "Mail", _fixture_messages()[:2])
    write_maildir(root / ".Jobs", _fixture_messages()[2:])
    source = open_source(root)
    assert isinstance(source, MaildirSource)
    assert source.estimate() == 4
    refs = [r.ref for r in source]
    assert len(set(refs)) == 4
    assert sum(ref.startswith(f"maildir:{root}/.Jobs/") for ref in refs) == 2
    new_file = next((root / "new").iterdir())
    new_file.rename(root / "cur" / f"{new_file.name}:2,S")  # a client reads and flags it
    assert sorted(r.ref for r in source) == sorted(refs)
    assert sorted(_subjects(source)) == sorted(_subjects(MemorySource(_fixture_messages())))


def test_eml_folder_recursive_sorted_and_single_file(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.eml").write_bytes(fixture_bytes("base64.eml"))
    (tmp_path / "1.EML").write_bytes(fixture_bytes("alternative.eml"))
    (tmp_path / ".hidden" / "x.eml").write_bytes(fixture_bytes("rejection_plain.eml"))
    (tmp_path / "notes.txt").write_text("not mail")
    source = open_source(tmp_path)
    assert isinstance(source, EmlFolderSource)
    assert source.estimate() == 2
    assert [r.ref for r in source] == [f"eml:{tmp_path}/1.EML", f"eml:{tmp_path}/b/2.eml"]
    single = open_source(FIXTURES / "base64.eml")
    assert isinstance(single, EmlFolderSource)
    assert [r.ref for r in single] == [f"eml:{FIXTURES / 'base64.eml'}"]


def test_memory_source_is_a_mail_source() -> None:
    source = MemorySource([b"Subject: a\n\nx", b"Subject: b\n\ny"], location="pasted")
    assert isinstance(source, MailSource)
    assert source.estimate() == 2
    assert list(source) == [
        RawMessage("pasted#0", b"Subject: a\n\nx"),
        RawMessage("pasted#1", b"Subject: b\n\ny"),
    ]


def test_rfc822_file_without_eml_suffix_opens_as_one_message(tmp_path: Path) -> None:
    path = tmp_path / "message"
    path.write_bytes(fixture_bytes("rejection_plain.eml"))
    assert [r.ref for r in open_source(path)] == [f"eml:{path}"]


def _error(path: Path) -> str:
    with pytest.raises(SourceError) as caught:
        open_source(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


def test_missing_path(tmp_path: Path) -> None:
    assert "check the path" in _error(tmp_path / "nope.mbox")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.mbox"
    path.touch()
    assert "is empty (0 bytes)" in _error(path)


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b"Shopping list\nmilk\neggs\n",
        b"Note: call Jordan\nabout the job\n",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        b"From the desk of Jordan Avery\nideas for the cover letter\n",
    ],
)
def test_not_a_mailbox(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "thing"
    path.write_bytes(content)
    assert "is not a mailbox" in _error(path)


def test_folder_without_mail(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    assert "holds no .eml files and is not a Maildir" in _error(tmp_path)


def test_fifo_and_socket_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # opening it for reading would block forever
    assert "not a regular file" in _error(fifo)
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock"))
        assert "not a regular file" in _error(tmp_path / "sock")


def _open_as_nobody(path: Path) -> str:
    """open_source in a forked child that dropped root: root reads any file, so
    only a real unprivileged process meets a real permission failure."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never returns into pytest
        os.close(read_end)
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            try:
                open_source(path)
                outcome = "opened"
            except SourceError as exc:
                outcome = str(exc)
            os.write(write_end, outcome.encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        outcome = stream.read().decode()
    os.waitpid(pid, 0)
    return outcome


def test_unreadable_file_and_folder_as_an_unprivileged_user() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        root.chmod(0o755)
        locked_file = root / "inbox.mbox"
        locked_file.write_bytes(b"From a@x Mon Feb  3 10:00:00 2025\nSubject: s\n\nx\n")
        locked_file.chmod(0o000)
        locked_dir = root / "mail"
        locked_dir.mkdir(mode=0o700)
        assert _open_as_nobody(locked_file) == (
            f"Cannot read {locked_file} (Permission denied); check its permissions."
        )
        assert _open_as_nobody(locked_dir) == (
            f"Cannot read {locked_dir} (Permission denied); check its permissions."
        )
        assert open_source(locked_file).location == str(locked_file)  # root still can
