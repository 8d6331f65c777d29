"""A realistic, seeded job seeker's mailbox with ground truth; see `inbox.build` for the fields."""

from .build import USER, Builder, write
from .build import build as build_inbox

__all__ = ["USER", "Builder", "build_inbox", "write"]
