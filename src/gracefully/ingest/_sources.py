"""Maildir, .eml, in-memory sources, and `open_source`, which picks one for a path."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from gracefully.ingest._headers import looks_like_message, split_head
from gracefully.ingest._mbox import MboxSource, starts_with_from_line
from gracefully.ingest._types import MailSource, RawMessage, SourceError

_SNIFF_BYTES = 4096
_HINT = "point gracefully at an mbox file, a Maildir folder, or a folder of .eml files"


class MemorySource:
    """Messages held in memory: the real source for unit tests and pasted mail."""

    def __init__(self, messages: list[bytes], location: str = "memory") -> None:
        self._messages = list(messages)
        self.location = location

    def estimate(self) -> int | None:
        return len(self._messages)

    def __iter__(self) -> Iterator[RawMessage]:
        for index, data in enumerate(self._messages):
            yield RawMessage(f"{self.location}#{index}", data)


class MaildirSource:
    """A Maildir and its Maildir++ subfolders (".Jobs").

    Refs use the message key (the file name before ":2,flags"), so a message
    keeps its ref when a mail client moves it from new/ to cur/ or flags it.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = Path(path).absolute()
        self.location = str(self._path)

    def estimate(self) -> int | None:
        return sum(1 for _ in self._entries())

    def __iter__(self) -> Iterator[RawMessage]:
        for ref, path in self._entries():
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                continue  # moved or deleted by a mail client since the listing
            except OSError as exc:
                raise _unreadable(path, exc) from exc
            yield RawMessage(ref, data)

    def _entries(self) -> Iterator[tuple[str, Path]]:
        for folder in self._folders():
            found = []
            for sub in ("cur", "new"):
                with os.scandir(folder / sub) as entries:
                    found += [
                        (e.name.split(":", 1)[0], Path(e.path))
                        for e in entries
                        if not e.name.startswith(".") and e.is_file()
                    ]
            for key, path in sorted(found):
                yield f"maildir:{folder}/{key}", path

    def _folders(self) -> list[Path]:
        subfolders = sorted(
            Path(e.path)
            for e in os.scandir(self._path)
            if e.name.startswith(".") and e.is_dir() and _is_maildir(Path(e.path))
        )
        return [self._path, *subfolders]


class EmlFolderSource:
    """A folder of .eml files, searched recursively in sorted order, or one message file."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = Path(path).absolute()
        self.location = str(self._path)

    def estimate(self) -> int | None:
        return sum(1 for _ in self._files())

    def __iter__(self) -> Iterator[RawMessage]:
        for path in self._files():
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise _unreadable(path, exc) from exc
            yield RawMessage(f"eml:{path}", data)

    def _files(self) -> Iterator[Path]:
        if self._path.is_file():
            return iter((self._path,))
        return _eml_files(self._path)


def _eml_files(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(".eml") and not name.startswith("."):
                yield Path(folder, name)


def open_source(path: str | os.PathLike[str]) -> MailSource:
    """The source for whatever `path` is, or a `SourceError` saying what to do."""
    where = Path(path).expanduser().absolute()
    try:
        info = where.stat()
    except FileNotFoundError:
        raise SourceError(f"Nothing exists at {where}; check the path and try again.") from None
    except OSError as exc:
        raise _unreadable(where, exc) from None
    if stat.S_ISDIR(info.st_mode):
        return _open_folder(where)
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{where} is not a regular file (a pipe, socket or device); {_HINT}.")
    if info.st_size == 0:
        raise SourceError(f"{where} is empty (0 bytes); {_HINT}.")
    sniffed = _sniff(where)
    if starts_with_from_line(sniffed):
        return MboxSource(where)
    head, body = split_head(sniffed)
    if looks_like_message(head if body is None else head + b"\n", sniffed=True):
        return EmlFolderSource(where)
    raise SourceError(f"{where} is not a mailbox; {_HINT}.")


def _open_folder(where: Path) -> MailSource:
    try:
        os.listdir(where)  # os.walk would hide a permission error as "no .eml files"
        if _is_maildir(where):
            os.listdir(where / "cur")
            return MaildirSource(where)
    except OSError as exc:
        raise _unreadable(where, exc) from None
    if next(_eml_files(where), None) is None:
        raise SourceError(f"{where} holds no .eml files and is not a Maildir; {_HINT}.")
    return EmlFolderSource(where)


def _is_maildir(folder: Path) -> bool:
    return (folder / "cur").is_dir() and (folder / "new").is_dir()


def _sniff(where: Path) -> bytes:
    try:
        with where.open("rb") as stream:
            return stream.read(_SNIFF_BYTES)
    except OSError as exc:
        raise _unreadable(where, exc) from None


def _unreadable(path: Path, exc: OSError) -> SourceError:
    return SourceError(f"Cannot read {path} ({exc.strerror}); check its permissions.")
