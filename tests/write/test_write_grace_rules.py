"""Every grace rule, one row each: a note it must block (or advise on) and a near miss
it must leave alone. One body runs over the table, and the table covers every rule."""

from __future__ import annotations

import pytest

from gracefully.write.grace import GraceContext, check
from gracefully.write.grace_rules import GRACE_RULES

DANA = GraceContext(to_name="Dana Reyes", company="Orrin Health", role="Data Analyst")


def _note(body: str, greeting: str = "Hi Dana,", sign: str = "Best,\nSam") -> str:
    return f"{greeting}\n\n{body}\n\n{sign}"


THANKS = "Thank you for letting me know, and for the interview last week."
LONG = " ".join(
    f"I enjoyed part {n} of the day, and I learned a lot from the team about the work."
    for n in range(1, 11)
)
ROWS: list[tuple[str, GraceContext, str, str]] = [
    # code, context, must fire, must not fire (a near miss)
    ("placeholder", DANA,
     _note(f"{THANKS} I enjoyed discussing [project name] with you."),
     _note(f"{THANKS} I enjoyed discussing the [redacted] dashboard, as you called it.")),
    ("bitterness", DANA,
     _note(f"{THANKS} Honestly, the whole process felt unfair."),
     _note(f"{THANKS} It was not unfair at all; you were clear throughout.")),
    ("arguing", DANA,
     _note(f"{THANKS} I would ask you to reconsider the decision."),
     _note(f"{THANKS} I'm not asking you to reconsider; I respect the decision.")),
    ("pleading", DANA,
     _note(f"{THANKS} Please, I really need this job."),
     _note(f"{THANKS} I really enjoyed the job preview you gave.")),
    ("rudeness", DANA,
     _note(f"{THANKS} Your interview was a joke."),
     _note(f"{THANKS} Your interviewer's joke about spreadsheets made my day.")),
    ("refused_feedback_ask", DANA,
     _note("Thank you. I know you don't usually share feedback, but could you make an "
           "exception and tell me where I went wrong?"),
     _note("Thank you. I know you don't share feedback, so no need to reply; please keep "
           "me in mind for future roles.")),
    ("tone", DANA,
     _note("Right. Noted."),
     _note("Right, that makes sense. Thank you for letting me know so quickly.")),
    ("wrong_name", DANA,
     _note(THANKS, greeting="Hi Sarah,"),
     _note(THANKS, greeting="Hi Dana,")),
    ("wrong_company", DANA,
     _note(f"{THANKS} I'd love to be considered for future roles at Vireo Retail."),
     _note(f"{THANKS} I'd love to be considered for future roles at Orrin.")),
    ("robot_greeting", DANA,
     _note(THANKS, greeting="Hi workday.do-not-reply,"),
     _note(THANKS, greeting="Hello,")),
    ("impersonal_greeting", DANA,
     _note(THANKS, greeting="To whom it may concern,"),
     _note(THANKS, greeting="Hi Dana and team,")),
    ("missing_signature", DANA,
     _note(THANKS, sign="All the best,"),
     _note(THANKS, sign="All the best,\nSam Okafor\nAnalyst | Fernhill Press")),
    ("too_many_asks", DANA,
     _note(f"{THANKS} Could you tell me who was hired? Could you send my scores? "
           "Would you introduce me to the data lead?"),
     _note(f"{THANKS} Could you keep me in mind for future roles?")),
    ("much_too_long", DANA, _note(f"{THANKS} {LONG} {LONG}"), _note(f"{THANKS} {LONG}")),
    ("too_long", DANA, _note(f"{THANKS} {LONG}"), _note(THANKS)),
    ("no_thanks", DANA,
     _note("Understood, and good luck with the hire. Please keep me in mind."),
     _note("Understood, and thanks. Please keep me in mind.")),
    ("many_asks", DANA,
     _note(f"{THANKS} Could you share any feedback? Could you keep me in mind?"),
     _note(f"{THANKS} Could you share any feedback?")),
]  # fmt: skip


def test_the_table_covers_every_rule() -> None:
    assert [code for code, *_ in ROWS] == [r.code for r in GRACE_RULES]


@pytest.mark.parametrize(("code", "ctx", "fires", "spared"), ROWS, ids=[r[0] for r in ROWS])
def test_the_rule_fires_on_its_example_and_spares_the_near_miss(
    code: str, ctx: GraceContext, fires: str, spared: str
) -> None:
    found = {f.code: f for f in check(fires, ctx)}
    assert code in found, (code, sorted(found))
    finding = found[code]
    assert finding.trigger and finding.message and finding.suggestion
    assert code not in {f.code for f in check(spared, ctx)}


def test_a_sender_known_by_name_must_sign_with_it() -> None:
    ctx = GraceContext(to_name="Dana Reyes", sender="Alex Rivera")
    assert "missing_signature" not in {f.code for f in check(_note(THANKS, sign="Alex"), ctx)}
    [finding] = [f for f in check(_note(THANKS, sign="Best,\nSam"), ctx) if f.code.startswith("m")]
    assert finding.code == "missing_signature" and "Alex Rivera" in finding.trigger
