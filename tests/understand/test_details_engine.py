"""The engine's shortcuts change nothing: prefilter needs and anchors, checked on every rule.

Each rule of every table is run over the demo mailbox (mail the project wrote)
and over the written bodies below, and the fast paths are compared with a
plain `re.finditer`.
"""

from __future__ import annotations

import dataclasses
import mailbox
import re
from pathlib import Path

import pytest

import gracefully.understand.details as details
from gracefully.domain import Address, Email
from gracefully.understand.details.anchors import anchor
from gracefully.understand.details.engine import Doc, Table, Where, _parts, _unwrap
from gracefully.understand.details.prefilter import FINDER, Finder, Gate, Need, Words, derive

DEMO = Path(details.__file__).parents[2] / "samples" / "demo.mbox"
WRITTEN = [
    "Thank you for applying to the Data Analyst position at Lumora. We have decided to move "
    "forward with other candidates.\n\nBest regards,\nRita Moss\nTalent Partner",
    "Hi Sam, thanks for speaking with me on Tuesday. The role has been put on hold due to budget "
    "constraints. Please do not reply to this automated message. Powered by Greenhouse.",
    "Position: Platform Engineer II\nJob ID: JR-20931\nWe will keep your resume on file and may "
    "reach out if a suitable opportunity arises. Kind regards, Tomas Berg Recruiter",
    "Leider haben wir uns für einen anderen Kandidaten entschieden. Viele Grüße\nJana Vogt",
    "Your application was sent to Corvid Systems\nCorvid Systems \nBackend Developer\nApplied",
]


def _bodies() -> list[Email]:
    mails = [Email(f"w{i}", "Your application", None, None, text) for i, text in enumerate(WRITTEN)]
    for index, message in enumerate(mailbox.mbox(DEMO)):
        plain = [part for part in message.walk() if part.get_content_type() == "text/plain"]
        payload = plain[0].get_payload(decode=True) if plain else b""
        text = payload.decode("utf-8", "replace")
        sender = Address("", "careers@example.com")
        mails.append(Email(f"d{index}", str(message["subject"] or ""), sender, None, text))
    return mails


BODIES = _bodies()
RULES = [
    rule
    for table in vars(details).values()
    if isinstance(table, Table)
    for rule in table.rules
    if rule.where is Where.TEXT
]


def meets(low: str, need: Need) -> bool:
    """The need read the plain way: the body's tokens, their starts, its substrings."""
    tokens = set(re.findall(r"\w+", low))
    return (
        bool(need.words & tokens)
        or any(token.startswith(prefix) for prefix in need.prefixes for token in tokens)
        or any(text in low for text in need.substrings)
    )


def test_the_gate_meets_a_need_exactly_when_the_plain_reading_does() -> None:
    needs = [derive(rule.pattern) for rule in RULES]
    needs = [need for need in needs if need is not None]
    gate = Gate(needs)
    texts = [mail.text.lower() for mail in BODIES]
    texts += ["feedback_loop relocated", "re-locate", "ünd feedback", "visa", "x_visa"]
    for low in texts:
        expected = [index for index, need in enumerate(needs) if meets(low, need)]
        assert gate.open(Words.of(low)) == expected


def _sources(rule: details.Rule) -> list[tuple[str, str]]:
    docs = [Doc(mail) for mail in BODIES]
    return [(doc.source(Where.TEXT, rule.cased), doc.source(Where.TEXT, False)) for doc in docs]


def test_the_demo_mailbox_is_there_to_check_against() -> None:
    assert len(BODIES) > 40 and sum(bool(mail.text) for mail in BODIES) > 40


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_a_need_holds_wherever_a_part_of_the_rule_matches(rule: details.Rule) -> None:
    for part in {rule.pattern, *_parts(rule)}:
        need, compiled = derive(part), re.compile(part)
        for source, low in _sources(rule):
            if need is not None and compiled.search(source):
                assert meets(low, need), (rule.name, part)


ANCHORED = [rule for rule in RULES if anchor(rule.pattern) is not None]


def test_most_rules_have_an_anchor() -> None:
    assert len(ANCHORED) > len(RULES) * 2 / 3


@pytest.mark.parametrize("rule", ANCHORED, ids=lambda rule: rule.name)
def test_an_anchor_finds_exactly_what_finditer_finds(rule: details.Rule) -> None:
    opening, compiled = anchor(rule.pattern), re.compile(rule.pattern)
    assert opening is not None
    for source, low in _sources(rule):
        fast = [match.span() for match in opening.matches(compiled, source, FINDER.find(low))]
        assert fast == [match.span() for match in compiled.finditer(source)]


@pytest.mark.parametrize("text", [*WRITTEN, "Grüße — ünd the ﬁnal round 🎉 of «interviews»"])
def test_one_pass_finds_every_opening_where_it_starts(text: str) -> None:
    """The same starts as a search for each opening alone, overlapping ones and
    ones after characters outside the basic plane included."""
    low = text.lower()
    FINDER.add(["interview", "final round", "round", "of «"])
    found = FINDER.find(low)
    for opening in ("interview", "final round", "round", "of «"):
        expected = [i for i in range(len(low)) if low.startswith(opening, i)]
        assert found.get(opening, []) == expected, opening


def test_a_finder_with_nothing_to_find_finds_nothing() -> None:
    assert Finder().find("any text") == {}


def test_a_doc_finds_again_when_a_new_table_brings_openings() -> None:
    doc = Doc(Email("e", "s", None, None, "We enjoyed our zebracorn chat."))
    before = doc.openings(Where.TEXT)
    table = Table([details.Rule("z", "f", "zebra", r"(?i:zebracorn) chat")])
    assert not any(text.startswith("zebra") for text in before)
    assert [hit.value for hit in table.hits(doc)] == ["zebra"]


NEEDS = [
    # pattern, a text it matches, a text whose words cannot match it
    (r"\bfeedback\b", "no feedback, sorry", "nothing here"),
    (r"\brelocat\w+", "relocation is required", "we located you"),
    (r"thank(?:s| you)", "nothanks", "thankful"[:4]),
    (r"\b(?:on-?site|hybrid) (?:role|presence)", "an onsite presence", "an office job"),
    (r"(?i:Best) regards,\n(?P<v>[A-Z]\w+)", "best regards,\nRita", "best wishes"),
]


@pytest.mark.parametrize(("pattern", "hit", "miss"), NEEDS)
def test_a_need_is_met_by_a_match_and_not_by_other_words(pattern: str, hit: str, miss: str) -> None:
    need = derive(pattern)
    assert need is not None and re.search(pattern, hit)
    for text, met in ((hit, True), (miss, False)):
        assert meets(text.lower(), need) is met
        assert Gate([need]).open(Words.of(text.lower())) == ([0] if met else [])


def test_a_pattern_with_no_literal_has_no_need_and_no_anchor() -> None:
    assert derive(r"[A-Z]\w+ [A-Z]\w+") is None
    assert anchor(r"[A-Z]\w+ [A-Z]\w+") is None


SPLITS = [
    (r"\b(?:a|b(?:c|d))", [r"\ba", r"\bb(?:c|d)"]),
    (r"\b(?:a|b)c", [r"\b(?:a|b)c"]),
    (r"(?:a|[)|])", ["a", "[)|]"]),
    ("x", ["x"]),
]


@pytest.mark.parametrize(("pattern", "parts"), SPLITS)
def test_a_wrapped_alternation_splits_into_parts(pattern: str, parts: list[str]) -> None:
    assert _unwrap(pattern) == parts


def test_skipped_values_are_not_scanned_even_when_added_between_hits() -> None:
    table = Table(
        [
            details.Rule("one", "f", "first", r"\bregret\b"),
            details.Rule("two", "f", "second", r"\bsorry\b"),
            details.Rule("three", "f", "third", r"\bunfortunately\b"),
        ]
    )
    doc = Doc(
        Email("e", "s", Address("A", "a@x.example"), None, "We regret. Sorry. Unfortunately.")
    )
    assert [hit.value for hit in table.hits(doc, once=True)] == ["first", "second", "third"]
    skip = {"second"}
    assert [hit.value for hit in table.hits(doc, once=True, skip=skip)] == ["first", "third"]
    assert skip == {"first", "second", "third"}
    skip = set()
    seen = []
    for hit in table.hits(doc, skip=skip):
        seen.append(hit.value)
        skip.add("third")
    assert seen == ["first", "second"]


def test_a_rule_is_not_tried_without_what_it_needs() -> None:
    rule = details.Rule("mark", "role", "", r"(?P<v>[A-Z]\w+) \(m/w/d\)", cased=True)
    gated = Table([dataclasses.replace(rule, needs=r"\(m/")])
    assert gated._compiled[0][6] is not None
    marked = Doc(Email("e", "s", None, None, "We hire a Developer (m/w/d) now."))
    plain = Doc(Email("e", "s", None, None, "We hire a Developer now."))
    assert [hit.value for hit in gated.hits(marked)] == ["Developer"]
    assert list(gated.hits(plain)) == [] == list(Table([rule]).hits(plain))


def test_what_a_shipped_rule_needs_holds_wherever_it_matches() -> None:
    """Checked on the demo mail for every rule that declares `needs` (none may yet)."""
    for rule in (rule for rule in RULES if rule.needs):
        needs, compiled = re.compile(rule.needs), re.compile(rule.pattern)
        for source, _ in _sources(rule):
            if compiled.search(source):
                assert needs.search(source), rule.name
