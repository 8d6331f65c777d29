"""The grace check: an etiquette linter for any follow-up, drafted or hand-written."""

from __future__ import annotations

from gracefully.domain import Finding
from gracefully.write.detectors import GraceContext
from gracefully.write.grace_rules import GRACE_RULES, GraceRule
from gracefully.write.own_words import own_words, without_quotes


def check(
    text: str, context: GraceContext, rules: tuple[GraceRule, ...] = GRACE_RULES
) -> list[Finding]:
    """One finding per rule that fires, with the words that triggered it.

    Only the user's own words are judged: a quoted rejection below the note is
    not what they are about to send; the signature is read only by the rules
    that must see it (`GraceRule.signed`).
    """
    note, signed = own_words(text), without_quotes(text)
    findings = []
    for rule in rules:
        if not rule.applies(context):
            continue
        triggers = list(dict.fromkeys(rule.detect(signed if rule.signed else note, context)))
        if triggers:
            findings.append(
                Finding(
                    code=rule.code,
                    severity=rule.severity,
                    message=rule.message,
                    trigger="; ".join(triggers),
                    suggestion=rule.suggestion,
                )
            )
    return findings


__all__ = ["GraceContext", "check"]
