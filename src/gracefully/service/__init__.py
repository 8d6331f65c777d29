"""Use cases that run the stages against the store: what the CLI and the web call.

`Database` is the handle every use case takes; the edges open it from the
settings and never look inside it.
"""

from gracefully.store.db import Database, StoreError

__all__ = ["Database", "StoreError"]
