"""The grace check separates the written good and bad follow-ups, rule by rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gracefully.domain import Severity
from gracefully.write.grace import GraceContext, check
from gracefully.write.grace_rules import GRACE_RULES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "followups"


def _examples(name: str) -> list[dict]:
    return json.loads((FIXTURES / name).read_text())["examples"]


def _context(raw: dict) -> GraceContext:
    tuples = {k: tuple(v) for k, v in raw.items() if isinstance(v, list)}
    return GraceContext(**(raw | tuples))


def _codes(text: str, ctx: GraceContext) -> set[str]:
    return {f.code for f in check(text, ctx)}


def _blocks(text: str, ctx: GraceContext) -> set[str]:
    return {f.code for f in check(text, ctx) if f.severity is Severity.BLOCK}


GOOD, BAD = _examples("good.json"), _examples("bad.json")


def test_there_are_enough_examples() -> None:
    assert len(GOOD) >= 15 and len(BAD) >= 25


@pytest.mark.parametrize("example", GOOD, ids=lambda e: e["id"])
def test_a_good_note_gets_no_finding_at_all(example: dict) -> None:
    assert check(example["text"], _context(example["context"])) == []


@pytest.mark.parametrize("example", BAD, ids=lambda e: e["id"])
def test_a_bad_note_gets_exactly_its_expected_codes(example: dict) -> None:
    findings = check(example["text"], _context(example["context"]))
    assert sorted(f.code for f in findings) == sorted(example["expect"])
    assert all(f.trigger and f.message and f.suggestion for f in findings)


def test_every_rule_is_exercised_by_a_bad_example() -> None:
    expected = {code for e in BAD for code in e["expect"]}
    assert expected == {r.code for r in GRACE_RULES}


def test_severity_split_follows_the_issue() -> None:
    blocking = {r.code for r in GRACE_RULES if r.severity is Severity.BLOCK}
    assert blocking == {
        "placeholder", "bitterness", "arguing", "pleading", "rudeness", "tone",
        "refused_feedback_ask", "wrong_name", "wrong_company", "robot_greeting",
        "impersonal_greeting", "missing_signature", "too_many_asks", "much_too_long",
    }  # fmt: skip
    advice = {r.code for r in GRACE_RULES if r.severity is Severity.ADVICE}
    assert advice == {"too_long", "no_thanks", "many_asks"}


def test_rule_codes_are_unique() -> None:
    codes = [r.code for r in GRACE_RULES]
    assert len(codes) == len(set(codes))


def test_trigger_is_the_offending_words() -> None:
    [finding] = check(
        "Hi Maya,\n\nThanks. That was the wrong decision.\n\nAlex", GraceContext("Maya")
    )
    assert (finding.code, finding.trigger) == ("arguing", "the wrong decision")


def test_feedback_ask_is_fine_unless_refused() -> None:
    text = "Hi Leo,\n\nThank you for the interview. Could you share any feedback?\n\nSam"
    assert check(text, GraceContext(to_name="Leo")) == []
    assert [f.code for f in check(text, GraceContext("Leo", feedback_refused=True))] == [
        "refused_feedback_ask"
    ]


def test_a_refusal_quoted_below_the_note_makes_the_ask_a_refused_one() -> None:
    text = (
        "Hi Leo,\n\nThank you for the interview. Could you share any feedback?\n\nSam\n\n"
        "On Tue, 4 Mar 2025 at 10:12, Leo <leo@kestrel.example> wrote:\n"
        "> Thank you for applying. We are unable to provide individual feedback.\n"
    )
    assert _codes(text, GraceContext(to_name="Leo")) == {"refused_feedback_ask"}


def test_impersonal_greeting_is_fine_when_no_name_is_known() -> None:
    text = "To whom it may concern,\n\nThank you for letting me know.\n\nLukas Novak"
    assert check(text, GraceContext(company="Northwind Labs")) == []


def test_company_close_enough_is_not_a_wrong_company() -> None:
    ctx = GraceContext(company="Northwind Labs GmbH")
    for text in ("Thank you, Northwind team.", "Thanks for the role at Northwind Labs."):
        assert check(f"{text}\n\nAlex", ctx) == [], text
    [finding] = check("Thanks for the role at Northwind Analytics.\n\nAlex", ctx)
    assert finding.code == "wrong_company" and finding.trigger == "Northwind Analytics"


def test_an_employer_of_the_users_past_is_no_wrong_company() -> None:
    text = "Hi Maya,\n\nThank you. In my previous job at Fabrikam Retail I built the same reports."
    assert "wrong_company" not in _codes(f"{text}\n\nAlex", GraceContext("Maya", "Northwind Labs"))


def test_a_region_or_department_team_is_no_other_company() -> None:
    ctx = GraceContext(to_name="Tyler Brooks", company="Summit CRM")
    text = "Hi Tyler,\n\nThanks. If the East Coast team grows, I'd love to hear.\n\nJordan"
    assert "wrong_company" not in _codes(text, ctx)


def test_length_limits_come_from_the_context() -> None:
    text = "Thank you for your time. " * 8 + "\n\nAlex"
    assert check(text, GraceContext(max_words=40)) == []
    assert [f.code for f in check(text, GraceContext(max_words=20))] == ["too_long"]
    blocked = check(text, GraceContext(max_words=20, block_words=30))
    assert [(f.code, f.severity) for f in blocked] == [("much_too_long", Severity.BLOCK)]


# --- hand-written notes in many voices (tests/fixtures/grace) -----------------

NOTES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "grace"
NOTES = [
    json.loads(line)
    for name in ("notes.jsonl", "holdout.jsonl")
    for line in (NOTES_DIR / name).read_text().splitlines()
    if line.strip()
]


def _found(note: dict) -> dict[str, str]:
    return {f.code: f.severity.value for f in check(note["text"], _context(note["context"]))}


def test_the_note_set_is_large_and_balanced() -> None:
    kinds = [n["kind"] for n in NOTES]
    assert len(NOTES) >= 80 and abs(kinds.count("gracious") - kinds.count("bad")) <= 10
    assert all(
        s == "advice" for n in NOTES if n["kind"] == "gracious" for s in n["expect"].values()
    )


@pytest.mark.parametrize(
    "note", [n for n in NOTES if n["kind"] == "gracious"], ids=lambda n: n["id"]
)
def test_a_gracious_note_gets_no_block(note: dict) -> None:
    assert "block" not in _found(note).values()


@pytest.mark.parametrize("note", [n for n in NOTES if n["kind"] == "bad"], ids=lambda n: n["id"])
def test_a_bad_note_gets_its_labelled_blocks(note: dict) -> None:
    found = _found(note)
    assert {c for c, s in note["expect"].items() if s == "block"} <= {
        c for c, s in found.items() if s == "block"
    }


@pytest.mark.parametrize("note", NOTES, ids=lambda n: n["id"])
def test_a_note_gets_exactly_its_labelled_findings(note: dict) -> None:
    assert _found(note) == note["expect"]


# --- general behaviour the note set relies on ---------------------------------

MAYA = GraceContext(to_name="Maya Ortiz", company="Northwind Labs")


def _note(body: str) -> str:
    return f"Hi Maya,\n\n{body}\n\nBest,\nAlex"


@pytest.mark.parametrize(
    "sentence",
    [
        "I won't ask you to reconsider; I only wanted to say thank you.",
        "It was not a waste of my time at all, thank you.",
        "I was very disappointed, but I respect the decision. Thank you.",
        "Thank you. I hope there is another chance to work together.",
        "Thank you. I know I made a mistake on the SQL question, and I've been practising.",
        "Thank you. In my previous job at Fabrikam Retail I ran the weekly stock reports.",
        "Thank you. It was lovely to meet you at Data Week Lisbon.",
        "Thank you for letting me know. Obviously you had many strong candidates.",
        "Thank you. I learned a hell of a lot from the case study.",
    ],
)
def test_gracious_wordings_do_not_block(sentence: str) -> None:
    assert not _blocks(_note(sentence), MAYA)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Thanks. I don't feel I was given a fair chance.", "bitterness"),
        ("Thanks. I guess loyalty doesn't count for much there.", "bitterness"),
        ("Thanks. I would ask you to take another look at my application.", "arguing"),
        ("Thanks. I would like to appeal against the outcome.", "arguing"),
        ("Thanks. I'd even take an unpaid internship.", "pleading"),
        ("Thanks. I'm not asking much: please give me one more chance.", "pleading"),
        ("Thanks for the template rejection.", "bitterness"),
        ("Thanks. I expect a reply by Monday.", "rudeness"),
    ],
)
def test_bad_wordings_block(sentence: str, code: str) -> None:
    assert code in _codes(_note(sentence), MAYA)


def test_a_greeting_may_use_a_short_form_of_the_name() -> None:
    ctx = GraceContext(to_name="Tomas Varga")
    assert check("Hi Tom,\n\nThank you for the update.\n\nMei", ctx) == []
    [finding] = check("Tim,\n\nThank you for the update.\n\nMei", ctx)
    assert (finding.code, finding.trigger) == ("wrong_name", "Tim,")
    # a common nickname that is not a prefix of the name
    for name, greeting in (
        ("Michael Oduya", "Mike"),
        ("Robert Lin", "Bob"),
        ("Liz Moreau", "Elizabeth"),
    ):
        text = f"Hi {greeting},\n\nThank you for the update.\n\nMei"
        assert check(text, GraceContext(to_name=name)) == []
    [finding] = check("Hi Bob,\n\nThank you.\n\nMei", GraceContext(to_name="Michael Oduya"))
    assert finding.code == "wrong_name"


def test_items_listed_under_an_ask_are_each_an_ask() -> None:
    text = "Thank you. Could you:\n- share feedback\n- refer me to the data team\n\nMei"
    [finding] = check(text, GraceContext())
    assert finding.code == "many_asks"
    assert finding.trigger == "- share feedback; - refer me to the data team"
    listed = "Thank you. What I enjoyed:\n- the case study\n- the team lunch\n\nMei"
    assert check(listed, GraceContext()) == []


def test_greeting_words_and_near_names_in_the_opening() -> None:
    ctx = GraceContext(to_name="Paula Jensen")
    for opener in ("Greetings,", "Good Morning,", "Hiya,", "Congratulations on the hire,"):
        assert check(f"{opener}\n\nThank you for the update.\n\nSam", ctx) == []
    # one letter short is another name, not a short form
    [finding] = check("Hi Paul,\n\nThank you for the update.\n\nSam", ctx)
    assert (finding.code, finding.trigger) == ("wrong_name", "Hi Paul")
    [finding] = check("Jack,\n\nThank you.\n\nSam", GraceContext(to_name="Erica Stone"))
    assert finding.trigger == "Jack,"
    assert check("Hi Jack,\n\nThank you.\n\nSam", GraceContext(to_name="John Smith")) == []


def test_the_signature_is_read_for_placeholders_and_tone_but_not_for_companies() -> None:
    ctx = GraceContext(to_name="Maya Chen", company="Northwind")
    signed = "Hi Maya,\n\nThank you for the update.\n\nBest regards,\n[Your Name]"
    assert _codes(signed, ctx) == {"placeholder", "missing_signature"}
    harsh = "Hi Maya,\n\nThanks!\nBut honestly your process was a waste of my time.\nSam"
    assert "bitterness" in _codes(harsh, ctx)
    employer = "Hi Maya,\n\nThank you.\n\nBest,\nSam Rivera\nEditor at Fernhill Press\n"
    assert check(employer, ctx) == []


def test_a_negation_that_asserts_does_not_spare_the_phrase() -> None:
    ctx = GraceContext(to_name="Maya Chen")
    cases = {
        "Thank you. Could you not reconsider my application?": "arguing",
        "Thank you. I can't help feeling you made a mistake.": "arguing",
        "Thank you. I can't stress enough how I really need this job.": "pleading",
    }
    for note, code in cases.items():
        assert code in _codes(f"Hi Maya,\n\n{note}\n\nSam", ctx), note
    assert check("Hi Maya,\n\nThank you. I'm not asking you to reconsider.\n\nSam", ctx) == []
    unpaid = "Hi Maya,\n\nThank you. My volunteer work, unpaid, taught me a lot.\n\nSam"
    assert not _blocks(unpaid, ctx)


def test_a_legal_footer_under_the_signature_is_not_the_note() -> None:
    note = (
        "Hi Dana,\n\nThank you for letting me know.\n\nKind regards,\nSam Rivera\n"
        "Data Analyst at Lumen Works\nThis message and any attachments are confidential and "
        "intended solely for the addressee; if received in error, please delete it."
    )
    assert check(note, GraceContext(to_name="Dana Reyes", company="Orrin")) == []


def test_refusing_the_decision_and_doing_anything_are_caught() -> None:
    ctx = GraceContext(to_name="Dana Reyes", company="Orrin")
    refuse = "Hi Dana,\n\nThanks. I don't accept this decision. Please escalate it.\n\nSam"
    assert "arguing" in _codes(refuse, ctx)
    plead = "Hi Dana,\n\nThank you. I'd do anything for this role.\n\nSam"
    assert "pleading" in _codes(plead, ctx)


def test_the_tone_model_stays_quiet_where_a_phrase_rule_named_the_harm() -> None:
    text = "Hi Maya,\n\nThanks. That was the wrong decision, and the process was a joke.\n\nAlex"
    codes = _codes(text, MAYA)
    assert {"arguing", "rudeness"} <= codes and "tone" not in codes


# --- the own-written dev set, in the blind format (tests/fixtures/grace/written.jsonl) ----

WRITTEN = [
    json.loads(line) for line in (NOTES_DIR / "written.jsonl").read_text().splitlines() if line
]


def test_the_dev_set_is_large_and_in_the_blind_format() -> None:
    assert len(WRITTEN) >= 150
    assert all(set(n) == {"id", "kind", "harm", "context", "text"} for n in WRITTEN)
    assert all((n["kind"] == "gracious") == (n["harm"] is None) for n in WRITTEN)


def test_the_dev_set_stays_over_its_floors() -> None:
    """Floors under the figures measured when the tone model landed (good 78/78, bad
    97/102): a change anywhere that lets harmful notes through, or holds good ones
    back, shows here."""
    blocked = [_blocks(n["text"], _context(n["context"])) for n in WRITTEN]
    good = [not b for n, b in zip(WRITTEN, blocked, strict=True) if n["kind"] == "gracious"]
    bad = [bool(b) for n, b in zip(WRITTEN, blocked, strict=True) if n["kind"] == "bad"]
    assert sum(good) / len(good) >= 0.97
    assert sum(bad) / len(bad) >= 0.92
