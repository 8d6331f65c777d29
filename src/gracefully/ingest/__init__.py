"""Mail sources to `gracefully.domain.Email`: streaming, forgiving, never fatal.

A source (`open_source`, or one of the classes) yields `RawMessage`s;
`decode` turns each into an `Email` or a `Malformed` record; `identity`
gives the stable id a re-scan uses to skip what it has seen; `split_quoted`
separates new text from quoted history and signature.
"""

from gracefully.ingest._decode import decode
from gracefully.ingest._headers import content_hash, content_identity, identity, same_content
from gracefully.ingest._mbox import MboxSource
from gracefully.ingest._quote import split_quoted
from gracefully.ingest._sources import EmlFolderSource, MaildirSource, MemorySource, open_source
from gracefully.ingest._types import MailSource, RawMessage, SourceError
from gracefully.ingest.prefilter import Verdict, header_only, judge

__all__ = [
    "EmlFolderSource",
    "MailSource",
    "MaildirSource",
    "MboxSource",
    "MemorySource",
    "RawMessage",
    "SourceError",
    "Verdict",
    "content_hash",
    "content_identity",
    "decode",
    "header_only",
    "identity",
    "judge",
    "open_source",
    "same_content",
    "split_quoted",
]
