"""gracefully.write: drafts from templates, the grace check, and an optional LLM rewrite."""

from gracefully.write.compose import NotDraftable, compose, grace_context, pick_variant, variants
from gracefully.write.detectors import GraceContext
from gracefully.write.grace import check
from gracefully.write.grace_rules import GRACE_RULES, GraceRule
from gracefully.write.llm import LlmConfig, rewrite

__all__ = [
    "GRACE_RULES",
    "GraceContext",
    "GraceRule",
    "LlmConfig",
    "NotDraftable",
    "check",
    "compose",
    "grace_context",
    "pick_variant",
    "rewrite",
    "variants",
]
