"""The grace check: an etiquette linter for any follow-up, drafted or hand-written."""

from __future__ import annotations

from dataclasses import replace

from gracefully.domain import Finding
from gracefully.write.detectors import GraceContext, feedback_refused
from gracefully.write.grace_rules import GRACE_RULES, GraceRule
from gracefully.write.own_words import own_words, without_quotes


def check(
    text: str, context: GraceContext, rules: tuple[GraceRule, ...] = GRACE_RULES
) -> list[Finding]:
    """One finding per rule that fires, with the words that triggered it.

    Only the user's own words are judged: a quoted rejection below the note is
    not what they are about to send; the signature is read only by the rules
    that must see it (`GraceRule.signed`). What the text itself shows about the
    context counts too: a rejection quoted below that says no feedback is given
    makes a feedback ask a refused one.
    """
    note, signed = own_words(text), without_quotes(text)
    if not context.feedback_refused and feedback_refused(text, context):
        context = replace(context, feedback_refused=True)
    findings: list[Finding] = []
    for rule in rules:
        if not rule.applies(context) or any(f.code in rule.defer_to for f in findings):
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
