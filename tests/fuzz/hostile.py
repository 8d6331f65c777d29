"""Seeded hostile mail: raw messages (bytes), each tagged with its kind.

    for sample in generate(10_000, seed=7, sizes=FULL):
        sample.data, sample.meta.kind, sample.meta.must_store, sample.meta.message_id

A generated mailbox looks like a real one: mostly valid mail (job mail and
everyday mail, each with a unique Message-ID and subject) and a few per cent of
hostile messages, in which every kind of `KINDS` appears at least once. Each
hostile message sits right before a valid one, so "every valid message is
stored" also checks that no poison message stops the scan or takes its batch
down with it; the very first message is always hostile.

`must_store` is True for messages the scan must store (found again by their
subject, and by Message-ID when they have one): the valid mail and the kinds
that are awkward but legitimate (a shared Message-ID, an exact duplicate,
">From " lines, CRLF, no Message-ID). Every other hostile message may be stored
or skipped with a reason, but must be counted.

Every message is built from its own seed, so any one of them can be rebuilt
alone (`build(slot, seed, sizes)`), as `bench/fuzz.py` does to time each
hostile message by itself. `SMALL` sizes keep the test suite fast; `FULL` are
the sizes the bench uses (a 1 MB subject, 5 MB of base64, 10,000 nested
blockquotes...).
"""

from __future__ import annotations

import base64
import os
import quopri
import random
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime

# --- sizes --------------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    giant: int
    """A giant subject, header line or body line, in bytes."""
    header_lines: int
    """Header lines in one message; also ids in a References, parts in a wide multipart."""
    mime_depth: int
    """Levels of nested multiparts."""
    base64_bytes: int
    """Decoded size of a huge base64 part."""
    html_depth: int
    """Levels of nested blockquotes or divs; also the depth of a plain-text quote."""
    html_bytes: int
    """Size of the entity, "<a<a<a", unclosed-tag and table bombs."""
    rfc822_depth: int
    """Levels of message/rfc822 inside message/rfc822."""
    junk_bytes: int
    """Size of a binary-junk message."""


FULL = Sizes(
    giant=1_000_000,
    header_lines=5_000,
    mime_depth=300,
    base64_bytes=5_000_000,
    html_depth=10_000,
    html_bytes=5_000_000,
    rfc822_depth=100,
    junk_bytes=64_000,
)
SMALL = Sizes(
    giant=60_000,
    header_lines=400,
    mime_depth=60,
    base64_bytes=1_200_000,
    html_depth=2_000,
    html_bytes=120_000,
    rfc822_depth=25,
    junk_bytes=2_000,
)
"""Small enough for a few hundred messages in a few seconds, but over the body cap
(a 1.2 MB base64 text part) and deep enough to show quadratic quoting."""


# --- what one message is ------------------------------------------------------


@dataclass(frozen=True)
class Meta:
    """What a check needs to know about one generated message (not its bytes)."""

    index: int
    kind: str
    hostile: bool
    must_store: bool
    message_id: str | None
    """Normalised ("<local@domain>") for a message that must be stored and has one."""
    subject: str | None
    """The subject of a message that must be stored, as it should read once decoded."""
    token: str | None
    """The unique reference in that subject ("FZ7-000123"), which finds it in the store."""
    size: int


@dataclass(frozen=True)
class Sample:
    meta: Meta
    data: bytes


@dataclass(frozen=True)
class Slot:
    """One place in a generated mailbox: which kind, and which seed builds it."""

    index: int
    kind: str
    group: int
    """The seed group: members of one group (a shared Message-ID) draw the same values."""
    member: int


@dataclass
class Ctx:
    rng: random.Random
    sizes: Sizes
    seed: int
    index: int
    group: int
    member: int

    def mid(self, domain: str = "harborvale.example") -> str:
        return f"<fz{self.seed}.{self.index}@{domain}>"

    def ref(self) -> str:
        return f"FZ{self.seed}-{self.index:06d}"


Built = tuple[bytes, str | None, str | None]
"""(raw message, Message-ID, subject); the last two only for messages that must be stored."""


@dataclass(frozen=True)
class Kind:
    name: str
    build: Callable[[Ctx], Built]
    must_store: bool = False
    members: int = 1
    hostile: bool = True


KINDS: dict[str, Kind] = {}
"""Every hostile kind (including the awkward-but-valid ones), by name."""
VALID: dict[str, Kind] = {}
"""The ordinary mail that fills a mailbox between the hostile messages."""


def _kind(
    name: str, *, must_store: bool = False, members: int = 1, valid: bool = False
) -> Callable[[Callable[[Ctx], Built]], Callable[[Ctx], Built]]:
    def register(build: Callable[[Ctx], Built]) -> Callable[[Ctx], Built]:
        table = VALID if valid else KINDS
        table[name] = Kind(name, build, must_store or valid, members, hostile=not valid)
        return build

    return register


# --- the mailbox --------------------------------------------------------------


def plan(count: int, seed: int, share: float = 0.03, job_share: float = 0.35) -> list[Slot]:
    """The kinds of a mailbox of `count` messages, in order.

    About `share` of the messages are hostile, and never fewer than one of each
    kind; `job_share` of the valid mail is job mail, the rest everyday mail.
    """
    rng = random.Random(f"{seed}/plan")
    names = list(KINDS)
    wanted = max(len(names), round(count * share))
    chosen = names + rng.choices(names, k=wanted - len(names))
    rng.shuffle(chosen)
    hostile = [
        (kind, group, member)
        for group, kind in enumerate(chosen)
        for member in range(KINDS[kind].members)
    ]
    rng.shuffle(hostile)
    valid = count - len(hostile)
    if valid < len(hostile):
        raise ValueError(f"{count} messages are too few: use at least {2 * len(hostile)}")
    # one hostile message right before a distinct valid one; the first message is hostile
    before = [0, *sorted(rng.sample(range(1, valid), len(hostile) - 1))]
    slots: list[Slot] = []
    pending = iter(hostile)
    at = iter(before)
    next_at = next(at, None)
    for v in range(valid):
        if v == next_at:
            kind, group, member = next(pending)
            slots.append(Slot(len(slots), kind, group, member))
            next_at = next(at, None)
        job = rng.random() < job_share
        slots.append(Slot(len(slots), "valid-job" if job else "valid-everyday", v, 0))
    return slots


def build(slot: Slot, seed: int, sizes: Sizes) -> Sample:
    """The message in one slot, built from its own seed (the same bytes every time)."""
    kind = KINDS.get(slot.kind) or VALID[slot.kind]
    if kind.members > 1:
        rng = random.Random(f"{seed}/{slot.kind}/group/{slot.group}")
    else:
        rng = random.Random(f"{seed}/{slot.kind}/{slot.index}")
    ctx = Ctx(rng, sizes, seed, slot.index, slot.group, slot.member)
    data, message_id, subject = kind.build(ctx)
    meta = Meta(
        index=slot.index,
        kind=slot.kind,
        hostile=kind.hostile,
        must_store=kind.must_store,
        message_id=message_id if kind.must_store else None,
        subject=subject if kind.must_store else None,
        token=_token(subject) if kind.must_store else None,
        size=len(data),
    )
    return Sample(meta, data)


TOKEN = re.compile(r"FZ\d+-[A-Z0-9-]+")
"""The reference every must-store subject carries (copies of one message share it)."""


def _token(subject: str | None) -> str | None:
    found = TOKEN.search(subject or "")
    if found is None:
        raise ValueError(f"a must-store subject has no reference: {subject!r}")
    return found.group()


def generate(
    count: int, seed: int = 7, sizes: Sizes = FULL, share: float = 0.03
) -> Iterator[Sample]:
    """`count` messages, built one at a time (a full-size mailbox never sits in memory)."""
    for slot in plan(count, seed, share):
        yield build(slot, seed, sizes)


# --- writing mailboxes --------------------------------------------------------

_FROM_QUOTED = re.compile(rb"^(>*From )", re.MULTILINE)
FROM_LINE = b"From MAILER-DAEMON Mon Jan  6 09:12:00 2025\n"


def mbox_bytes(data: bytes) -> bytes:
    """One message as an mboxrd entry: From_ line, ">From " quoting, blank line after."""
    quoted = _FROM_QUOTED.sub(rb">\1", data)
    if not quoted.endswith(b"\n"):
        quoted += b"\n"
    return FROM_LINE + quoted + b"\n"


def write_mbox(path: str | os.PathLike[str], samples: Iterable[Sample]) -> list[Meta]:
    """An mbox (mboxrd quoting) of the samples, written as they come; returns their metas."""
    metas = []
    with open(path, "wb") as out:
        for sample in samples:
            out.write(mbox_bytes(sample.data))
            metas.append(sample.meta)
    return metas


def write_maildir(path: str | os.PathLike[str], samples: Iterable[Sample]) -> list[Meta]:
    """A Maildir with every message in cur/, named so that sorted order is mailbox order."""
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(path, sub), exist_ok=True)
    metas = []
    for sample in samples:
        name = f"{1736154720 + sample.meta.index}.M{sample.meta.index:07d}P1.fuzz:2,S"
        with open(os.path.join(path, "cur", name), "wb") as out:
            out.write(sample.data)
        metas.append(sample.meta)
    return metas


# --- building blocks ----------------------------------------------------------

COPY_KINDS = frozenset({"exact-duplicate", "copy-with-flags"})
"""Kinds whose later members are the same message as the first: known, never new."""

COMPANIES = (
    ("Harbor & Vale", "harborvale.example"),
    ("Northwind Analytics", "northwind.example"),
    ("Quillfeather Labs", "quillfeather.example"),
    ("Copperleaf Health", "copperleaf.example"),
    ("Brightwater Logistics", "brightwater.example"),
    ("Larkspur Studios", "larkspur.example"),
    ("Juniper Freight", "juniperfreight.example"),
    ("Ostara Energy", "ostara.example"),
)
ROLES = (
    "Data Analyst",
    "Backend Engineer",
    "Product Designer",
    "Research Scientist",
    "Marketing Coordinator",
    "Support Specialist",
    "Operations Manager",
    "QA Engineer",
)
PEOPLE = ("Mara Lindqvist", "Tomas Okafor", "Priya Raman", "Jonah Feld", "Aiko Brandt")
REJECTIONS = (
    "Dear Robin,\n\nThank you for applying for the {role} role at {company}. After careful "
    "review we have decided to move forward with other candidates.\n\nWe wish you the best "
    "in your search.\n\n{person}\nTalent Team, {company}\n",
    "Hi Robin,\n\nThanks for taking the time to interview with us for the {role} position. "
    "Unfortunately we will not be moving forward with your application at this time. We "
    "will keep your details on file for future openings.\n\nKind regards,\n{person}\n",
    "Hello Robin,\n\nWe appreciate your interest in {company}. We regret to inform you that "
    "the {role} position has been filled.\n\nBest,\n{person}, Recruiting\n",
)
EVERYDAY = (
    (
        "Your order {ref} has shipped",
        "Pebble Street Books <orders@pebblestreet.example>",
        "Your parcel is on its way. Track it online.\n",
        (("List-Unsubscribe", "<mailto:leave@pebblestreet.example>"),),
    ),
    (
        "Weekly digest {ref}: what is new at the garden club",
        "Fernhill Garden Club <news@fernhill.example>",
        "This week: seed swap on Saturday, and the compost talk moves to June.\n",
        (("List-Id", "<club.fernhill.example>"),),
    ),
    (
        "Dinner on Saturday? ({ref})",
        "Sam Ortega <sam.ortega@example.org>",
        "Hey, are you free Saturday evening? We are trying the new noodle place.\n",
        (),
    ),
    (
        "Your verification code ({ref})",
        "Ledgerly <security@ledgerly.example>",
        "Your one-time code is 481516. It expires in 10 minutes.\n",
        (),
    ),
)
_START = datetime(2025, 1, 6, 9, 12, tzinfo=UTC)

Header = tuple[str, str | bytes]


def _date(rng: random.Random) -> str:
    zone = timezone(timedelta(hours=rng.choice((-8, -5, 0, 1, 2, 5, 9))))
    when = _START + timedelta(minutes=rng.randrange(0, 60 * 24 * 365))
    return format_datetime(when.astimezone(zone))


def _message(headers: list[Header], body: bytes, nl: bytes = b"\n") -> bytes:
    head = b"".join(
        name.encode() + b": " + (value if isinstance(value, bytes) else value.encode()) + nl
        for name, value in headers
    )
    return head + nl + body


@dataclass
class _Job:
    company: str
    domain: str
    role: str
    person: str
    text: str
    date: str

    @classmethod
    def draw(cls, rng: random.Random) -> _Job:
        company, domain = rng.choice(COMPANIES)
        role, person = rng.choice(ROLES), rng.choice(PEOPLE)
        text = rng.choice(REJECTIONS).format(role=role, company=company, person=person)
        return cls(company, domain, role, person, text, _date(rng))

    def subject(self, ref: str | None = None) -> str:
        tail = f" (ref {ref})" if ref else ""
        return f"Your application for {self.role} at {self.company}{tail}"

    def sender(self) -> str:
        return f"{self.person} <talent@{self.domain}>"


def _job(
    ctx: Ctx,
    *,
    body: bytes | None = None,
    ctype: str | bytes | None = "text/plain; charset=utf-8",
    cte: str | bytes | None = None,
    replace: dict[str, str | bytes | None] | None = None,
    extra: list[Header] | tuple[Header, ...] = (),
    nl: bytes = b"\n",
) -> bytes:
    """A job email (a rejection), with some of its parts swapped for hostile ones.

    `replace` maps a header name to its new value (None drops it).
    """
    job = _Job.draw(ctx.rng)
    fields: dict[str, str | bytes | None] = {
        "From": job.sender(),
        "To": "Robin Quill <robin.quill@example.net>",
        "Subject": job.subject(ctx.ref()),
        "Date": job.date,
        "Message-ID": ctx.mid(job.domain),
        "MIME-Version": "1.0",
        "Content-Type": ctype,
        "Content-Transfer-Encoding": cte,
    }
    fields.update(replace or {})
    headers = [(k, v) for k, v in fields.items() if v is not None]
    text = job.text.encode() if body is None else body
    return _message([*headers, *extra], text, nl)


def _rejection(ctx: Ctx) -> bytes:
    return _Job.draw(ctx.rng).text.encode()


def _words(rng: random.Random, size: int, vocab: str = "") -> bytes:
    """About `size` bytes of plain words, in lines of about 70 characters."""
    words = (vocab or "thank you for your interest unfortunately we will not move forward").split()
    line = " ".join(rng.choice(words) for _ in range(12)).encode() + b"\n"
    return (line * (size // len(line) + 1))[:size]


def _b64(data: bytes) -> bytes:
    return base64.encodebytes(data)


# --- valid mail ---------------------------------------------------------------


@_kind("valid-job", valid=True)
def _valid_job(ctx: Ctx) -> Built:
    """A rejection as mailers really send them: plain, HTML, both, encoded, with a CV."""
    job = _Job.draw(ctx.rng)
    subject, mid = job.subject(ctx.ref()), ctx.mid(job.domain)
    headers: list[Header] = [
        ("From", job.sender()),
        ("To", "Robin Quill <robin.quill@example.net>"),
        ("Subject", subject),
        ("Date", job.date),
        ("Message-ID", mid),
        ("MIME-Version", "1.0"),
    ]
    ctype, body = _valid_body(ctx.rng, job.text)
    return _message([*headers, *ctype], body), mid, subject


def _valid_body(rng: random.Random, text: str) -> tuple[list[Header], bytes]:
    html = "<html><body><p>" + text.replace("\n\n", "</p><p>").replace("\n", "<br>")
    html += "</p></body></html>"
    form = rng.choices(("plain", "html", "alternative", "qp", "base64", "cv"), (5, 2, 3, 1, 1, 1))[
        0
    ]
    plain: list[Header] = [("Content-Type", "text/plain; charset=utf-8")]
    if form == "plain":
        return plain, text.encode()
    if form == "html":
        return [("Content-Type", "text/html; charset=utf-8")], html.encode()
    if form == "qp":
        qp = quopri.encodestring(text.encode())
        return [*plain, ("Content-Transfer-Encoding", "quoted-printable")], qp
    if form == "base64":
        return [*plain, ("Content-Transfer-Encoding", "base64")], _b64(text.encode())
    if form == "alternative":
        body = (
            b"--alt\n"
            + _part("text/plain; charset=utf-8", text.encode())
            + b"\n--alt\n"
            + _part("text/html; charset=utf-8", html.encode())
            + b"\n--alt--\n"
        )
        return [("Content-Type", 'multipart/alternative; boundary="alt"')], body
    body = (
        b"--mix\n"
        + _part("text/plain; charset=utf-8", text.encode())
        + b"\n--mix\n"
        + _part(
            "application/pdf; name=offer-letter.pdf",
            _b64(b"%PDF-1.4\n" + rng.randbytes(2000)),
            "base64",
            "Content-Disposition: attachment; filename=offer-letter.pdf\n",
        )
        + b"\n--mix--\n"
    )
    return [("Content-Type", 'multipart/mixed; boundary="mix"')], body


@_kind("valid-everyday", valid=True)
def _valid_everyday(ctx: Ctx) -> Built:
    subject_form, sender, text, extra = ctx.rng.choice(EVERYDAY)
    subject, mid = subject_form.format(ref=ctx.ref()), ctx.mid("mail.example")
    headers: list[Header] = [
        ("From", sender),
        ("To", "robin.quill@example.net"),
        ("Subject", subject),
        ("Date", _date(ctx.rng)),
        ("Message-ID", mid),
        *extra,
    ]
    return _message(headers, text.encode()), mid, subject


# --- awkward but valid: must be stored ----------------------------------------


@_kind("shared-message-id", must_store=True, members=3)
def _shared_message_id(ctx: Ctx) -> Built:
    """Different messages, one Message-ID (an ATS that reuses ids): all must be kept."""
    shared = f"<fz{ctx.seed}.shared{ctx.group}@ats.example>"
    member = random.Random(f"{ctx.seed}/shared/{ctx.group}/{ctx.member}")
    job = _Job.draw(member)
    subject = job.subject(f"FZ{ctx.seed}-S{ctx.group}-{ctx.member}")
    headers: list[Header] = [
        ("From", job.sender()),
        ("Subject", subject),
        ("Date", job.date),
        ("Message-ID", shared),
    ]
    return _message(headers, job.text.encode()), shared, subject


@_kind("exact-duplicate", must_store=True, members=2)
def _exact_duplicate(ctx: Ctx) -> Built:
    """The same bytes twice (a message copied into two folders): stored once, then known."""
    job = _Job.draw(ctx.rng)
    mid = f"<fz{ctx.seed}.dup{ctx.group}@{job.domain}>"
    subject = job.subject(f"FZ{ctx.seed}-D{ctx.group}")
    headers: list[Header] = [
        ("From", job.sender()),
        ("Subject", subject),
        ("Date", job.date),
        ("Message-ID", mid),
    ]
    return _message(headers, job.text.encode()), mid, subject


@_kind("from-escape", must_store=True)
def _from_escape(ctx: Ctx) -> Built:
    """Body lines starting "From " and ">From ": the mbox writer quotes them, mboxrd style."""
    job = _Job.draw(ctx.rng)
    subject, mid = job.subject(ctx.ref()), ctx.mid(job.domain)
    body = (
        job.text + "\nFrom here on, we will keep your CV on file.\n"
        ">From the hiring team: thank you.\n>>From 2025 onwards\nFrom 12:30 to 13:00 "
        "we are closed.\n"
    )
    headers: list[Header] = [("From", job.sender()), ("Subject", subject), ("Message-ID", mid)]
    return _message(headers, body.encode()), mid, subject


@_kind("crlf", must_store=True)
def _crlf(ctx: Ctx) -> Built:
    job = _Job.draw(ctx.rng)
    subject, mid = job.subject(ctx.ref()), ctx.mid(job.domain)
    headers: list[Header] = [
        ("From", job.sender()),
        ("Subject", subject),
        ("Date", job.date),
        ("Message-ID", mid),
    ]
    return _message(headers, job.text.replace("\n", "\r\n").encode(), b"\r\n"), mid, subject


@_kind("no-message-id", must_store=True)
def _no_message_id(ctx: Ctx) -> Built:
    job = _Job.draw(ctx.rng)
    subject = job.subject(ctx.ref())
    headers: list[Header] = [("From", job.sender()), ("Subject", subject), ("Date", job.date)]
    return _message(headers, job.text.encode()), None, subject


@_kind("copy-with-flags", must_store=True, members=2)
def _copy_with_flags(ctx: Ctx) -> Built:
    """One message twice, the second as a mail client rewrites it: Status/X-UID flags
    added, or CRLF line ends. The same message (see `ingest.identity`): known, not new."""
    job = _Job.draw(ctx.rng)
    mid = f"<fz{ctx.seed}.copy{ctx.group}@{job.domain}>"
    subject = job.subject(f"FZ{ctx.seed}-C{ctx.group}")
    headers: list[Header] = [
        ("From", job.sender()),
        ("Subject", subject),
        ("Date", job.date),
        ("Message-ID", mid),
    ]
    data = _message(headers, job.text.encode())
    if ctx.member:
        if ctx.rng.random() < 0.5:
            head, _, body = data.partition(b"\n\n")
            data = head + b"\nStatus: RO\nX-Status: A\nX-UID: 4242\n\n" + body
        else:
            data = data.replace(b"\n", b"\r\n")
    return data, mid, subject


@_kind("shared-long-message-id", must_store=True, members=2)
def _shared_long_message_id(ctx: Ctx) -> Built:
    """Two different messages under one legal but long (300-character) Message-ID."""
    shared = f"<fz{ctx.seed}.sharedlong{ctx.group}.{'q' * 280}@ats.example>"
    job = _Job.draw(random.Random(f"{ctx.seed}/sharedlong/{ctx.group}/{ctx.member}"))
    subject = job.subject(f"FZ{ctx.seed}-L{ctx.group}-{ctx.member}")
    headers: list[Header] = [("From", job.sender()), ("Subject", subject), ("Message-ID", shared)]
    return _message(headers, job.text.encode()), shared, subject


@_kind("long-message-id", must_store=True)
def _long_message_id(ctx: Ctx) -> Built:
    job = _Job.draw(ctx.rng)
    mid = f"<fz{ctx.seed}.{ctx.index}.{'7' * ctx.rng.choice((240, 300, 900))}@{job.domain}>"
    subject = job.subject(ctx.ref())
    headers: list[Header] = [("From", job.sender()), ("Subject", subject), ("Message-ID", mid)]
    return _message(headers, job.text.encode()), mid, subject


@_kind("message-id-unbracketed", must_store=True)
def _message_id_unbracketed(ctx: Ctx) -> Built:
    job = _Job.draw(ctx.rng)
    bare = f"fz{ctx.seed}.{ctx.index}@{job.domain}"
    subject = job.subject(ctx.ref())
    headers: list[Header] = [
        ("From", job.sender()),
        ("Subject", subject),
        ("Message-ID", ctx.rng.choice((bare, f"{bare} (added by relay)", f"  <{bare}>  "))),
    ]
    return _message(headers, job.text.encode()), f"<{bare}>", subject


@_kind("date-edge", must_store=True)
def _date_edge(ctx: Ctx) -> Built:
    """Odd but real dates: the epoch, 2038, far future, zones at +14/-12, no zone, "-0000"."""
    job = _Job.draw(ctx.rng)
    date = ctx.rng.choice(
        (
            "Thu, 01 Jan 1970 00:00:00 +0000",
            "Tue, 19 Jan 2038 03:14:08 +0000",
            "Fri, 31 Dec 2100 23:59:59 +1400",
            "Mon, 6 Jan 2025 09:12:00 -1200",
            "Mon, 6 Jan 2025 09:12:00 -0000",
            "Mon, 6 Jan 2025 09:12:00",
            "6 Jan 2025 09:12 GMT",
            "Mon, 6 Jan 25 09:12:00 EST",
            "Mon, 06 Jan 2025 09:12:00 +0100 (CET)",
        )
    )
    subject, mid = job.subject(ctx.ref()), ctx.mid(job.domain)
    headers: list[Header] = [
        ("From", job.sender()),
        ("Subject", subject),
        ("Date", date),
        ("Message-ID", mid),
    ]
    return _message(headers, job.text.encode()), mid, subject


INTERNATIONAL = (
    ("iso-2022-jp", "ご応募ありがとうございました", "残念ながら今回は見送らせていただきます。"),
    ("gb18030", "感谢您的申请", "很遗憾，我们决定不再推进您的申请。"),
    ("koi8-r", "Ваша заявка", "К сожалению, мы не можем предложить вам эту должность."),
    ("iso-8859-2", "Twoja aplikacja", "Niestety, nie będziemy kontynuować rekrutacji."),
    ("windows-1252", "Votre candidature", "Malheureusement, nous ne donnerons pas suite. Merci!"),
    ("utf-8", "Ihre Bewerbung 🙂", "Leider müssen wir Ihnen mitteilen, dass wir absagen."),
)


@_kind("international", must_store=True)
def _international(ctx: Ctx) -> Built:
    """Correctly labelled mail in other charsets: encoded-word subject, 8-bit or QP body."""
    charset, title, text = ctx.rng.choice(INTERNATIONAL)
    job = _Job.draw(ctx.rng)
    word = base64.b64encode(title.encode(charset)).decode()
    subject = f"{title} (ref {ctx.ref()})"
    mid = ctx.mid(job.domain)
    cte = "base64" if charset == "iso-2022-jp" else ctx.rng.choice(("8bit", "quoted-printable"))
    raw = (text + "\n\n" + job.person + "\n").encode(charset)
    if cte == "base64":
        body = _b64(raw)
    elif cte == "quoted-printable":
        body = quopri.encodestring(raw)
    else:
        body = raw
    headers: list[Header] = [
        ("From", job.sender()),
        ("Subject", f"=?{charset}?B?{word}?= (ref {ctx.ref()})"),
        ("Date", job.date),
        ("Message-ID", mid),
        ("MIME-Version", "1.0"),
        ("Content-Type", f"text/plain; charset={charset}"),
        ("Content-Transfer-Encoding", cte),
    ]
    return _message(headers, body), mid, subject


@_kind("long-fields", must_store=True)
def _long_fields(ctx: Ctx) -> Built:
    """A real rejection with long but plausible details: a 70-character job reference
    and a 150-character role title. Every column they reach must take them."""
    job = _Job.draw(ctx.rng)
    req = "JR-2025-0001234-" + "".join(ctx.rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", k=54))
    role = (
        "Senior Staff Principal Data Platform Engineer, Machine Learning Infrastructure and "
        "Developer Experience (Hybrid, London or Remote within the United Kingdom)"
    )
    subject = f"Your application for {role} (ref {ctx.ref()})"
    text = (
        f"Dear Robin,\n\nThank you for applying for the {role} role at {job.company} "
        f"(Job ID: {req}). Unfortunately we will not be moving forward with your "
        f"application.\n\nRequisition ID: {req}\n\nBest regards,\n{job.person}\n"
        f"Talent Acquisition Partner, {job.company}\n"
    )
    mid = ctx.mid(job.domain)
    headers: list[Header] = [
        ("From", job.sender()),
        ("Subject", subject),
        ("Date", job.date),
        ("Message-ID", mid),
    ]
    return _message(headers, text.encode()), mid, subject


# --- identity headers ---------------------------------------------------------


@_kind("msgid-8bit")
def _msgid_8bit(ctx: Ctx) -> Built:
    local = ctx.rng.choice(
        (b"\xe9", b"\xb1", b"\xff\xfe", b"\xc3\xa9", b"\x80\x80", b"\xed\xa0\x80")
    )
    domain = ctx.rng.choice((b"acme.example", b"acm\xe9.example", b"\xff.example"))
    mid = b"<fz%d.%d." % (ctx.seed, ctx.index) + local + b"@" + domain + b">"
    return _job(ctx, replace={"Message-ID": mid}), None, None


@_kind("thread-8bit")
def _thread_8bit(ctx: Ctx) -> Built:
    extra: list[Header] = [
        ("In-Reply-To", b"<app-\xe9\xff@acme.example>"),
        ("References", b"<a\x80b@acme.example> <c\xc3\x28@acme.example> <\xfe\xff@x>"),
    ]
    return _job(ctx, extra=extra), None, None


@_kind("msgid-folded")
def _msgid_folded(ctx: Ctx) -> Built:
    seed_index = f"fz{ctx.seed}.{ctx.index}"
    mid = ctx.rng.choice(
        (
            f"\n <{seed_index}\n @harborvale.example>",
            f"<{seed_index}@\n\tharborvale.example>",
            f"\n \n <{seed_index}@harborvale.example>",
            f"<{seed_index}\n \n @harborvale.example>   (comment\n (nested))",
        )
    )
    return _job(ctx, replace={"Message-ID": mid}), None, None


@_kind("references-many")
def _references_many(ctx: Ctx) -> Built:
    count = ctx.sizes.header_lines * 4
    refs = "\n ".join(f"<fz{ctx.seed}.ref{i}@harborvale.example>" for i in range(count))
    extra: list[Header] = [
        ("References", refs),
        ("In-Reply-To", f"<fz{ctx.seed}.ref{count - 1}@harborvale.example>"),
    ]
    return _job(ctx, extra=extra), None, None


# --- dates --------------------------------------------------------------------


@_kind("date-zone")
def _date_zone(ctx: Ctx) -> Built:
    zone = ctx.rng.choice(("+2500", "-9999", "+9959", "-2400", "+2400", "+0099", "-0060"))
    return _job(ctx, replace={"Date": f"Mon, 6 Jan 2025 09:12:00 {zone}"}), None, None


@_kind("date-year")
def _date_year(ctx: Ctx) -> Built:
    date = ctx.rng.choice(
        (
            "Fri, 31 Dec 9999 23:59:59 -1200",  # in UTC: year 10000
            "Mon, 1 Jan 0001 00:00:00 +1400",  # in UTC: year 0
            "Sat, 1 Jan 0000 00:00:00 +0000",
            "Mon, 6 Jan 99999 09:12:00 +0000",
            "Mon, 6 Jan 99999999999999999999999 09:12:00 +0000",
            "Thu, 1 Jan 1 00:00:00 +0000",
            "Mon, 6 Jan 1600 09:12:00 +0000",
            "Mon, 6 Jan -2025 09:12:00 +0000",
        )
    )
    return _job(ctx, replace={"Date": date}), None, None


@_kind("date-garbage")
def _date_garbage(ctx: Ctx) -> Built:
    date = ctx.rng.choice(
        (
            b"Tomorrow, at noon-ish",
            b"\xff\xfe\x00g\x00a\x00r\x00b",
            b"Tue, 33 Foo 2025 99:99:99 +0000",
            b"2025-02-30T25:61:61Z",
            b"1e999",
            b"",
            b"Mon, 6 Jan 2025 09:12:00 +0000 " + b"(" * 5000,
            b"Mon, 6 Jan 2025 " + b"9" * 5000 + b":12:00",
            b"=?utf-8?B?" + base64.b64encode(b"lundi 6 janvier") + b"?=",
            b"=?undefined?B?/w==?=",
        )
    )
    return _job(ctx, replace={"Date": date}), None, None


# --- charsets -----------------------------------------------------------------


@_kind("charset-header")
def _charset_header(ctx: Ctx) -> Built:
    word = ctx.rng.choice(
        (
            "=?undefined?B?/w==?=",
            "=?x-unknown?Q?=FF=FE_caf=E9?=",
            "=?utf-7?B?K0FHRUFZZ0JqLQ==?=",
            "=?utf-7?Q?+2D3cAA-?=",
            "=?utf-7?Q?+AGEAYgBj?=",
            "=?utf-8?B?####?=",
            "=?utf-16?B?2D0=?=",
            "=?iso-2022-jp?B?GyRCJCIbKA?=",
            "=?base64?B?SGVsbG8=?=",
            "=?zlib?B?eJzLSM3JyQcABiwCFQ==?=",
            "=?unicode_escape?Q?\\N{?=",
            "=?" + "x" * 300 + "?Q?hello?=",
        )
    )
    field = ctx.rng.choice(("Subject", "From"))
    value = f"{word} Your application" if field == "Subject" else f"{word} <talent@acme.example>"
    return _job(ctx, replace={field: value}), None, None


@_kind("charset-body")
def _charset_body(ctx: Ctx) -> Built:
    charset = ctx.rng.choice(
        (
            "undefined",
            "x-unknown",
            "utf-7",
            "utf-16",
            "utf-32",
            "zlib",
            "bz2",
            "base64",
            "hex",
            "rot13",
            "uu",
            "idna",
            "punycode",
            "unicode_escape",
            "raw_unicode_escape",
            "mbcs",
            "\u00e9t\u00e9",
            "x" * 300,
        )
    )
    body = _rejection(ctx) + b"caf\xe9 \xff\xfe +AGEA- \\N{ \\x \xe2\x82"
    return _job(ctx, body=body, ctype=f'text/plain; charset="{charset}"'), None, None


@_kind("utf16-body")
def _utf16_body(ctx: Ctx) -> Built:
    text = _rejection(ctx).decode()
    label, data = ctx.rng.choice(
        (
            ("utf-16", text.encode("utf-16")),
            ("utf-8", text.encode("utf-16-le")),
            ("us-ascii", text.encode("utf-32")),
        )
    )
    return _job(ctx, body=data, ctype=f"text/plain; charset={label}"), None, None


@_kind("invalid-utf8-header")
def _invalid_utf8_header(ctx: Ctx) -> Built:
    replace: dict[str, str | bytes | None] = {
        "Subject": b"Your application \xff\xfe\xc0\x80 \xed\xa0\x80 \xf4\x90\x80\x80 update",
        "From": b"Ta\x80lent \xc3 <talent@acme.example>",
    }
    return _job(ctx, replace=replace), None, None


@_kind("invalid-utf8-body")
def _invalid_utf8_body(ctx: Ctx) -> Built:
    body = _rejection(ctx) + b"\xc0\x80\xed\xa0\x80\xf8\x88\x80\x80\x80\xff" * 200
    return _job(ctx, body=body), None, None


# --- NUL bytes ----------------------------------------------------------------


@_kind("nul-subject")
def _nul_subject(ctx: Ctx) -> Built:
    return _job(ctx, replace={"Subject": b"Your application\x00 update \x00"}), None, None


@_kind("nul-from")
def _nul_from(ctx: Ctx) -> Built:
    return _job(ctx, replace={"From": b"Tal\x00ent <tal\x00ent@acme.example>"}), None, None


@_kind("nul-message-id")
def _nul_message_id(ctx: Ctx) -> Built:
    mid = b"<fz%d.%d.\x00@acme.example>" % (ctx.seed, ctx.index)
    return _job(ctx, replace={"Message-ID": mid}), None, None


@_kind("nul-body")
def _nul_body(ctx: Ctx) -> Built:
    return _job(ctx, body=_rejection(ctx).replace(b" ", b" \x00", 20) + b"\x00" * 100), None, None


# --- MIME structure -----------------------------------------------------------


def _part(ctype: str, body: bytes, cte: str | None = None, extra: str = "") -> bytes:
    head = f"Content-Type: {ctype}\n" + (f"Content-Transfer-Encoding: {cte}\n" if cte else "")
    return (head + extra).encode() + b"\n" + body


@_kind("mime-truncated")
def _mime_truncated(ctx: Ctx) -> Built:
    text = _part("text/plain; charset=utf-8", _rejection(ctx))
    pdf = _part("application/pdf; name=cv.pdf", _b64(ctx.rng.randbytes(3000)), "base64")
    body = b"--b1\n" + text + b"\n--b1\n" + pdf
    cut = ctx.rng.choice(
        (
            len(body) - 1000,  # inside the base64
            len(b"--b1\n") + 20,  # inside the first part's headers
            len(body) - 1,
        )
    )
    return _job(ctx, body=body[:cut], ctype='multipart/mixed; boundary="b1"'), None, None


@_kind("boundary-missing")
def _boundary_missing(ctx: Ctx) -> Built:
    body = b"--b1\n" + _part("text/plain", _rejection(ctx)) + b"\n--b1--\n"
    ctype = ctx.rng.choice(("multipart/mixed", "multipart/alternative; charset=utf-8"))
    return _job(ctx, body=body, ctype=ctype), None, None


@_kind("boundary-unused")
def _boundary_unused(ctx: Ctx) -> Built:
    return _job(ctx, body=_rejection(ctx), ctype='multipart/mixed; boundary="never"'), None, None


@_kind("boundary-duplicate")
def _boundary_duplicate(ctx: Ctx) -> Built:
    inner = b"--dup\n" + _part("text/plain", _rejection(ctx)) + b"\n--dup--\n"
    outer = (
        b"--dup\n"
        + _part('multipart/alternative; boundary="dup"', inner)
        + b"\n--dup\n"
        + _part("text/html", b"<p>" + _rejection(ctx) + b"</p>")
        + b"\n--dup--\n--dup--\n"
    )
    ctype = ctx.rng.choice(
        ('multipart/mixed; boundary="dup"', 'multipart/mixed; boundary="dup"; boundary="other"')
    )
    return _job(ctx, body=outer, ctype=ctype), None, None


@_kind("boundary-odd")
def _boundary_odd(ctx: Ctx) -> Built:
    boundary = ctx.rng.choice(("", "(.*)+$^[", "a" * 500, " ", '"', "--", "b\x00c"))
    body = f"--{boundary}\n".encode() + _part("text/plain", _rejection(ctx))
    body += f"\n--{boundary}--\n".encode()
    return _job(ctx, body=body, ctype=f'multipart/mixed; boundary="{boundary}'), None, None


@_kind("multipart-deep")
def _multipart_deep(ctx: Ctx) -> Built:
    depth = ctx.sizes.mime_depth
    body = _part("text/plain", _rejection(ctx))
    for level in range(depth):
        b = f"lvl{level}".encode()
        body = _part(f'multipart/mixed; boundary="lvl{level}"', b"--" + b + b"\n" + body)
        body += b"\n--" + b + b"--\n"
    # the outermost part's own headers become the message's
    head, _, rest = body.partition(b"\n\n")
    ctype = head.decode().removeprefix("Content-Type: ")
    return _job(ctx, body=rest, ctype=ctype), None, None


@_kind("multipart-wide")
def _multipart_wide(ctx: Ctx) -> Built:
    part = b"--w\n" + _part("text/plain", b"Unfortunately not this time.\n") + b"\n"
    body = part * (ctx.sizes.header_lines * 5) + b"--w--\n"
    return _job(ctx, body=body, ctype='multipart/mixed; boundary="w"'), None, None


@_kind("rfc822-nested")
def _rfc822_nested(ctx: Ctx) -> Built:
    inner = b"From: a@b.example\nSubject: Fwd: Your application\n\n" + _rejection(ctx)
    for level in range(ctx.sizes.rfc822_depth):
        inner = (
            f"From: fwd{level}@b.example\nSubject: Fwd: level {level}\n".encode()
            + b"Content-Type: message/rfc822\n\n"
            + inner
        )
    return _job(ctx, body=inner.partition(b"\n\n")[2], ctype="message/rfc822"), None, None


@_kind("rfc822-broken")
def _rfc822_broken(ctx: Ctx) -> Built:
    payload = ctx.rng.choice((b"", b"\x00\x01\x02", b"not: a\nmessage", ctx.rng.randbytes(500)))
    body = (
        b"--m\n"
        + _part("text/plain", _rejection(ctx))
        + b"\n--m\n"
        + _part("message/rfc822", payload)
        + b"\n--m--\n"
    )
    return _job(ctx, body=body, ctype='multipart/mixed; boundary="m"'), None, None


@_kind("content-type-garbage")
def _content_type_garbage(ctx: Ctx) -> Built:
    ctype = ctx.rng.choice(
        (
            ";;;",
            "text/",
            "/",
            "multipart/",
            "text/plain; charset",
            'text/plain; charset="',
            "text/html; charset=utf-8; " + "a=b; " * 5000,
            "text/plain; name*0*=utf-8''%FF%FE; name*1*=%00",
            "application/octet-stream",
            "\x00/\x00",
        )
    )
    return _job(ctx, ctype=ctype), None, None


@_kind("cte-garbage")
def _cte_garbage(ctx: Ctx) -> Built:
    cte, body = ctx.rng.choice(
        (
            ("base64; x=y", _b64(_rejection(ctx))),
            ("quoted-printable", b"=ZZ=\n=" + _rejection(ctx) + b"=\n=\n=E"),
            ("x-uuencode", b"begin 644 cv.txt\n" + ctx.rng.randbytes(400) + b"\n"),
            ("uuencode", b"begin 644 cv.txt\nM" + b"\xff" * 61 + b"\n`\nend\n"),
            ("8bit\x00", _rejection(ctx)),
            ("binary", ctx.rng.randbytes(800)),
        )
    )
    return _job(ctx, body=body, cte=cte), None, None


# --- huge parts ---------------------------------------------------------------


@_kind("base64-huge-text")
def _base64_huge_text(ctx: Ctx) -> Built:
    text = _rejection(ctx) + _words(ctx.rng, ctx.sizes.base64_bytes)
    return _job(ctx, body=_b64(text), cte="base64"), None, None


@_kind("base64-huge-attachment")
def _base64_huge_attachment(ctx: Ctx) -> Built:
    body = (
        b"--a\n"
        + _part("text/plain; charset=utf-8", _rejection(ctx))
        + b"\n--a\n"
        + _part(
            "application/octet-stream; name=portfolio.bin",
            _b64(ctx.rng.randbytes(ctx.sizes.base64_bytes)),
            "base64",
            "Content-Disposition: attachment; filename=portfolio.bin\n",
        )
        + b"\n--a--\n"
    )
    return _job(ctx, body=body, ctype='multipart/mixed; boundary="a"'), None, None


@_kind("base64-broken")
def _base64_broken(ctx: Ctx) -> Built:
    body = ctx.rng.choice(
        (
            b"!!!!====abc$$$\n" + _b64(_rejection(ctx))[:-3],
            base64.b64encode(_words(ctx.rng, ctx.sizes.giant)),  # one giant line
            b"=" * 1000 + b"\nQQ\n",
        )
    )
    return _job(ctx, body=body, cte="base64"), None, None


@_kind("qp-giant-line")
def _qp_giant_line(ctx: Ctx) -> Built:
    line = b"Unfortunately=20we=20will=20not=20move=20forward=20=E2=80=94=20" + b"=\n"
    body = line * (ctx.sizes.giant // len(line))
    return _job(ctx, body=body, cte="quoted-printable"), None, None


# --- giant headers and folding ------------------------------------------------


@_kind("header-giant-subject")
def _header_giant_subject(ctx: Ctx) -> Built:
    subject = b"Your application update " + _words(ctx.rng, ctx.sizes.giant).replace(b"\n", b" ")
    return _job(ctx, replace={"Subject": subject}), None, None


@_kind("header-giant-line")
def _header_giant_line(ctx: Ctx) -> Built:
    blob = b"A" * ctx.sizes.giant
    extra: list[Header] = [(ctx.rng.choice(("X-Blob", "To", "Reply-To", "List-Id")), blob)]
    return _job(ctx, extra=extra), None, None


@_kind("header-many-lines")
def _header_many_lines(ctx: Ctx) -> Built:
    extra: list[Header] = [
        (
            "Received",
            f"from relay{i}.example (relay{i}.example [10.0.{i % 256}.{i // 256 % 256}])"
            f" by mx.example; Mon, 6 Jan 2025 09:12:00 +0000",
        )
        for i in range(ctx.sizes.header_lines)
    ]
    extra += [("Subject", f"duplicate subject {i}") for i in range(50)]
    return _job(ctx, extra=extra), None, None


@_kind("header-name-garbage")
def _header_name_garbage(ctx: Ctx) -> Built:
    lines = (
        b"this line has no colon at all\n",
        b"::::: \n",
        b"X-\xff\xfe: eight-bit name\n",
        b"Name With Spaces: value\n",
        b": empty name\n",
        b"X-Tab\t: tabbed\n",
    )
    job = _job(ctx)
    head, _, body = job.partition(b"\n\n")
    first, _, rest = head.partition(b"\n")
    junk = b"".join(ctx.rng.sample(lines, len(lines)))
    return first + b"\n" + junk + rest + b"\n\n" + body, None, None


@_kind("fold-whitespace")
def _fold_whitespace(ctx: Ctx) -> Built:
    extra: list[Header] = [
        ("X-Folded", "first\n \n\t\n    \n last"),
        ("Keywords", "\n " * 2000 + "end"),
    ]
    return _job(ctx, extra=extra), None, None


@_kind("bare-cr")
def _bare_cr(ctx: Ctx) -> Built:
    data = _job(ctx)
    nl = ctx.rng.choice((b"\r", b"\r\r\n", b"\n\r"))
    return data.replace(b"\n", nl), None, None


@_kind("line-giant")
def _line_giant(ctx: Ctx) -> Built:
    line = _words(ctx.rng, ctx.sizes.giant).replace(b"\n", b" ")
    return _job(ctx, body=_rejection(ctx) + line), None, None


@_kind("address-bomb")
def _address_bomb(ctx: Ctx) -> Built:
    n = ctx.sizes.header_lines * 2
    field, value = ctx.rng.choice(
        (
            ("To", ", ".join(f"Person {i} <p{i}@example.org>" for i in range(n))),
            ("From", "(" * n + "talent@acme.example"),
            ("From", '"\\' * n + " <talent@acme.example>"),
            ("Cc", "<" * n + "a@b.example" + ">" * n),
            ("From", "talent@" + "sub." * n + "example"),
        )
    )
    return _job(ctx, replace={field: value}), None, None


@_kind("encoded-word-bomb")
def _encoded_word_bomb(ctx: Ctx) -> Built:
    word = "=?utf-8?B?w6k=?= =?iso-8859-1?Q?=E9?= "
    return _job(ctx, replace={"Subject": word * (ctx.sizes.header_lines * 5)}), None, None


# --- HTML bombs ---------------------------------------------------------------


def _html(ctx: Ctx, html: bytes) -> bytes:
    """An HTML body alone, or behind a "view this in a browser" plain stub."""
    if ctx.rng.random() < 0.5:
        return _job(ctx, body=html, ctype="text/html; charset=utf-8")
    body = (
        b"--alt\n"
        + _part("text/plain", b"View this email in your web browser.\n")
        + b"\n--alt\n"
        + _part("text/html; charset=utf-8", html)
        + b"\n--alt--\n"
    )
    return _job(ctx, body=body, ctype='multipart/alternative; boundary="alt"')


@_kind("html-blockquote")
def _html_blockquote(ctx: Ctx) -> Built:
    depth = ctx.sizes.html_depth
    html = b"<blockquote>" * depth + _rejection(ctx) + b"</blockquote>" * (depth // 2)
    return _html(ctx, html), None, None


@_kind("html-blockquote-lines")
def _html_blockquote_lines(ctx: Ctx) -> Built:
    """Nested quotes with a line in each: the quote prefix multiplies every line."""
    depth = ctx.sizes.html_depth // 2
    html = b"<blockquote>On Monday you wrote:<br>" * depth + _rejection(ctx)
    return _html(ctx, html), None, None


@_kind("html-anchor")
def _html_anchor(ctx: Ctx) -> Built:
    return _html(ctx, _rejection(ctx) + b"<a" * (ctx.sizes.html_bytes // 2)), None, None


@_kind("html-unclosed")
def _html_unclosed(ctx: Ctx) -> Built:
    n = ctx.sizes.html_bytes
    html = ctx.rng.choice(
        (
            b"<div><p><b><i><span><font>" * (n // 26),
            _rejection(ctx) + b"<!--" + b"x" * n,
            b"<script>" + b"var a = '<p>';" * (n // 14),
            b"<![CDATA[" + b"<" * n,
            b"<p " + b'a="' * (n // 3),
            b"<title>" + _rejection(ctx) * (n // 300 + 1),
        )
    )
    return _html(ctx, html), None, None


@_kind("html-table")
def _html_table(ctx: Ctx) -> Built:
    row = b"<tr>" + b"<td>cell</td>" * 50 + b"</tr>\n"
    html = b"<table>" + row * (ctx.sizes.html_bytes // len(row)) + b"</table>" + _rejection(ctx)
    return _html(ctx, html), None, None


@_kind("html-div")
def _html_div(ctx: Ctx) -> Built:
    depth = ctx.sizes.html_depth
    tag = ctx.rng.choice((b"div", b"ul><li", b"pre", b"table><tr><td"))
    html = b"<" + tag + b">x" + (b"<" + tag + b">x") * depth + _rejection(ctx)
    return _html(ctx, html), None, None


@_kind("html-entities")
def _html_entities(ctx: Ctx) -> Built:
    entities = b"&amp;&lt;&#x1F600;&#99999999;&nbsp;&bogus;&#;&#x;&#0;&#xD800;&AElig"
    html = _rejection(ctx) + entities * (ctx.sizes.html_bytes // len(entities))
    return _html(ctx, html), None, None


# --- plain-text quoting -------------------------------------------------------


@_kind("quote-deep")
def _quote_deep(ctx: Ctx) -> Built:
    depth = ctx.sizes.html_depth
    lines = b"".join(b">" * d + b" line\n" for d in range(1, depth, max(1, depth // 500)))
    attributions = b"On Mon, Jan 6, 2025 at 9:12 AM Talent <talent@acme.example> wrote:\n" * 500
    body = _rejection(ctx) + attributions + lines + b">" * ctx.sizes.giant + b"\n-- \nsig\n"
    return _job(ctx, body=body), None, None


@_kind("signature-bomb")
def _signature_bomb(ctx: Ctx) -> Built:
    body = _rejection(ctx) + b"-- \n" * (ctx.sizes.header_lines * 10) + b"__\n" * 1000
    return _job(ctx, body=body), None, None


# --- not much of a message at all ---------------------------------------------


@_kind("empty")
def _empty(ctx: Ctx) -> Built:
    return b"", None, None


@_kind("whitespace-only")
def _whitespace_only(ctx: Ctx) -> Built:
    return ctx.rng.choice((b"\n", b" \n\n\t\n", b"\r\n\r\n")), None, None


@_kind("header-only-truncated")
def _header_only_truncated(ctx: Ctx) -> Built:
    """The data ends inside the headers: no blank line, no body."""
    head = _job(ctx).partition(b"\n\n")[0]
    return head[: ctx.rng.randrange(len(head) // 2, len(head))], None, None


@_kind("header-only")
def _header_only(ctx: Ctx) -> Built:
    return _job(ctx, body=b""), None, None


@_kind("binary-junk")
def _binary_junk(ctx: Ctx) -> Built:
    return ctx.rng.randbytes(ctx.sizes.junk_bytes), None, None


@_kind("binary-body")
def _binary_body(ctx: Ctx) -> Built:
    return _job(ctx, body=ctx.rng.randbytes(ctx.sizes.junk_bytes)), None, None


@_kind("shared-8bit-message-id", members=2)
def _shared_8bit_message_id(ctx: Ctx) -> Built:
    """Two different messages under one 8-bit Message-ID: each stored or skipped,
    never the second silently counted as known."""
    mid = b"<fz%d.shared8bit%d.\xe9\xff@ats.example>" % (ctx.seed, ctx.group)
    job = _Job.draw(random.Random(f"{ctx.seed}/shared8bit/{ctx.group}/{ctx.member}"))
    headers: list[Header] = [
        ("From", job.sender()),
        ("Subject", job.subject(f"8bit {ctx.group}-{ctx.member}")),
        ("Message-ID", mid),
    ]
    return _message(headers, job.text.encode()), None, None


@_kind("many-message-ids")
def _many_message_ids(ctx: Ctx) -> Built:
    extra: list[Header] = [
        ("Message-ID", f"<fz{ctx.seed}.{ctx.index}.extra{i}@harborvale.example>")
        for i in range(ctx.sizes.header_lines)
    ]
    return _job(ctx, extra=extra), None, None


@_kind("rfc2231-bomb")
def _rfc2231_bomb(ctx: Ctx) -> Built:
    """A filename in thousands of RFC 2231 continuations, and bogus charset parameters."""
    segments = "; ".join(
        f"filename*{i}*=utf-8''%E2%80%94{i}" if i == 0 else f"filename*{i}*=%FF{i}"
        for i in range(ctx.sizes.header_lines * 5)
    )
    body = (
        b"--r\n"
        + _part("text/plain; charset*=x-unknown''%FF%FE", _rejection(ctx) + b"caf\xe9\n")
        + b"\n--r\n"
        + _part(
            "application/pdf",
            _b64(b"%PDF-1.4"),
            "base64",
            f"Content-Disposition: attachment; {segments}\n",
        )
        + b"\n--r--\n"
    )
    return _job(ctx, body=body, ctype='multipart/mixed; boundary="r"'), None, None


@_kind("charset-param-odd")
def _charset_param_odd(ctx: Ctx) -> Built:
    ctype = ctx.rng.choice(
        (
            b"text/plain; charset*=x-unknown''%FF%FE",
            b"text/plain; charset*=''",
            b"text/plain; charset*0*=utf-8''%E2; charset*1*=%80",
            b'text/plain; charset="utf-8"; charset="latin-1"',
            b"text/plain; charset=\xe9\xff",
            b"text/plain; charset=" + b"x" * 100_000,
        )
    )
    return _job(ctx, ctype=ctype, body=_rejection(ctx) + b"caf\xe9 \xff\n"), None, None


@_kind("boundary-8bit")
def _boundary_8bit(ctx: Ctx) -> Built:
    b = b"\xe9\xff\x80"
    body = b"--" + b + b"\n" + _part("text/plain", _rejection(ctx)) + b"\n--" + b + b"--\n"
    return _job(ctx, body=body, ctype=b'multipart/mixed; boundary="' + b + b'"'), None, None


@_kind("bounce-dsn")
def _bounce_dsn(ctx: Ctx) -> Built:
    """A delivery report: the parser reads message/delivery-status as header blocks."""
    status = ctx.rng.choice(
        (
            b"Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@b\nAction: failed\n",
            b"\x00\xff garbage without any header\n" * 200,
            b"Reporting-MTA: dns; mx.example\n"
            + b"".join(b"\nX-Field-%d: v\n" % i for i in range(ctx.sizes.header_lines)),
        )
    )
    body = (
        b"--dsn\n"
        + _part("text/plain", b"Your message could not be delivered.\n")
        + b"\n--dsn\n"
        + _part("message/delivery-status", status)
        + b"\n--dsn\n"
        + _part("text/rfc822-headers", b"From: robin.quill@example.net\nSubject: Follow-up\n")
        + b"\n--dsn--\n"
    )
    ctype = 'multipart/report; report-type=delivery-status; boundary="dsn"'
    return _job(ctx, body=body, ctype=ctype), None, None


@_kind("huge-preamble")
def _huge_preamble(ctx: Ctx) -> Built:
    junk = _words(ctx.rng, ctx.sizes.html_bytes // 2)
    body = junk + b"\n--p\n" + _part("text/plain", _rejection(ctx)) + b"\n--p--\n" + junk
    return _job(ctx, body=body, ctype='multipart/mixed; boundary="p"'), None, None


@_kind("mime-very-deep")
def _mime_very_deep(ctx: Ctx) -> Built:
    """Thousands of levels, multipart and message/rfc822 in turn: past any recursion limit."""
    depth = ctx.sizes.html_depth
    inner = b"Content-Type: text/plain\n\n" + _rejection(ctx)
    for level in range(depth):
        if level % 2:
            inner = b"Content-Type: message/rfc822\n\nSubject: level\n" + inner
        else:
            b = b"d%d" % level
            inner = (
                b'Content-Type: multipart/mixed; boundary="'
                + b
                + b'"\n\n--'
                + b
                + b"\n"
                + inner
                + b"\n--"
                + b
                + b"--\n"
            )
    head, _, rest = inner.partition(b"\n\n")
    return _job(ctx, body=rest, ctype=head.removeprefix(b"Content-Type: ")), None, None


@_kind("whitespace-flood")
def _whitespace_flood(ctx: Ctx) -> Built:
    """Long runs of spaces and tabs that end in a word: the classic regex backtracking trap."""
    n = ctx.sizes.giant
    run = ctx.rng.choice((b" " * n + b"x", b" \t" * (n // 2) + b"x", b"\t" * n + b"-- "))
    lines = (b" " * 200 + b"x\n") * (n // 200)
    return _job(ctx, body=_rejection(ctx) + run + b"\n" + lines), None, None


@_kind("punctuation-flood")
def _punctuation_flood(ctx: Ctx) -> Built:
    char = ctx.rng.choice((b"-", b"_", b"*", b"=", b">", b"#", b"~", b".", b"|"))
    n = ctx.sizes.giant
    body = _rejection(ctx) + char * n + b" x\n" + (char * 40 + b"\n") * (n // 41) + b"-- \n"
    return _job(ctx, body=body), None, None


@_kind("newline-flood")
def _newline_flood(ctx: Ctx) -> Built:
    nl = ctx.rng.choice((b"\n", b"\r\n", b"x\n", b"> \n", b"\n \n"))
    return _job(ctx, body=_rejection(ctx) + nl * ctx.sizes.giant), None, None


@_kind("unicode-expansion")
def _unicode_expansion(ctx: Ctx) -> Built:
    """Characters that grow under normalisation (U+FDFA is 18 under NFKD) or case
    mapping, combining marks stacked hundreds deep, bidi and zero-width controls."""
    n = ctx.sizes.giant // 4
    text = ctx.rng.choice(
        (
            "\ufdfa" * n,
            "e" + "\u0301" * n,
            "\u0390" * n,
            ("\u202e\u200b\u2066x\u200d\ufeff" * (n // 6)),
            "\U0001f469\u200d\U0001f4bb" * (n // 3),
        )
    )
    subject = "Your application " + text[:5000]
    return _job(ctx, body=_rejection(ctx) + text.encode(), replace={"Subject": subject}), None, None


@_kind("odd-line-breaks")
def _odd_line_breaks(ctx: Ctx) -> Built:
    """Vertical tab, form feed, file/group/record separators, NEL and U+2028/9: str.splitlines
    breaks on them, "\n" does not."""
    breaks = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    text = _rejection(ctx).decode()
    body = "".join(ch + (ctx.rng.choice(breaks) if ch == " " else "") for ch in text) * 50
    subject = f"=?utf-8?B?{base64.b64encode(('Your' + breaks + 'application').encode()).decode()}?="
    return _job(ctx, body=body.encode(), replace={"Subject": subject}), None, None


@_kind("forward-flood")
def _forward_flood(ctx: Ctx) -> Built:
    block = (
        b"---------- Forwarded message ---------\nFrom: a@b.example\nDate: Mon, 6 Jan 2025\n"
        b"Subject: Fwd: your application\nTo: c@d.example\n\n"
    )
    body = _rejection(ctx) + block * (ctx.sizes.giant // len(block))
    return _job(ctx, body=body), None, None


@_kind("reader-bomb")
def _reader_bomb(ctx: Ctx) -> Built:
    """Everything the understanding looks for, over and over: reasons, stages, policies,
    requisition numbers, names, roles, addresses and links."""
    job = _Job.draw(ctx.rng)
    sentence = (
        f"Unfortunately we will not move forward with your application for the {job.role} "
        f"role at {job.company} (Req ID: R-{ctx.rng.randrange(10**6)}) after the final "
        f"interview; we decided to proceed with candidates whose experience more closely "
        f"matches, we are unable to provide feedback, we will keep your CV on file and "
        f"encourage you to apply again. Contact {job.person} at hr{ctx.index}@{job.domain} "
        f"or https://{job.domain}/jobs/{ctx.rng.randrange(10**6)}.\n"
    ).encode()
    body = sentence * (ctx.sizes.html_bytes // len(sentence))
    subject = ("Your application interview offer rejection position role " * 40).strip()
    return _job(ctx, body=body, replace={"Subject": subject}), None, None


@_kind("address-flood")
def _address_flood(ctx: Ctx) -> Built:
    n = ctx.sizes.header_lines * 20
    body = _rejection(ctx) + b"".join(
        b"Talent Partner %d <talent%d@acme.example> https://acme.example/jobs/%d\n" % (i, i, i)
        for i in range(n)
    )
    return _job(ctx, body=body), None, None


@_kind("html-br-flood")
def _html_br_flood(ctx: Ctx) -> Built:
    tag = ctx.rng.choice((b"<br>", b"<p>", b"<li>", b"<tr>", b"<br/><br/>", b"<hr>"))
    html = _rejection(ctx) + tag * (ctx.sizes.html_bytes // len(tag))
    return _html(ctx, html), None, None


@_kind("html-giant-tag")
def _html_giant_tag(ctx: Ctx) -> Built:
    n = ctx.sizes.html_bytes
    html = ctx.rng.choice(
        (
            b"<" + b"a" * n + b">" + _rejection(ctx),
            b'<a href="' + b"x" * n + b'">link</a>' + _rejection(ctx),
            b"<p " + b"a=b " * (n // 4) + b">" + _rejection(ctx),
            b"<div style='" + b"color:red;" * (n // 10) + b"'>" + _rejection(ctx) + b"</div>",
        )
    )
    return _html(ctx, html), None, None


@_kind("flowed-bomb")
def _flowed_bomb(ctx: Ctx) -> Built:
    n = ctx.sizes.giant // 6
    line = ctx.rng.choice((b"word \n", b"> x \n", b">>>>>>>> y \n", b" \n"))
    body = _rejection(ctx) + line * n
    ctype = ctx.rng.choice(("text/plain; format=flowed", "text/plain; format=flowed; delsp=yes"))
    return _job(ctx, body=body, ctype=ctype), None, None


@_kind("bom-prefix")
def _bom_prefix(ctx: Ctx) -> Built:
    prefix = ctx.rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\n\n", b"   \n", b"\x00"))
    return prefix + _job(ctx), None, None
