"""The tone model: a linear text model that reads how a note will land.

Phrase rules name the slips people make in so many words; most harmful notes
say it another way ("Figures.", "I'm sure you know best", "I look forward to
your answer by Monday"). The tone model reads the note as a whole and sentence
by sentence, over words, word pairs and character n-grams, so a new phrasing of
a known kind of harm still weighs the same way.

It is trained at first use from the examples the project writes itself
(`tone_examples/`): hand-written notes, and sentences of each kind that are set
into many note frames (greetings, thank-yous, sign-offs, names) so that the
polite padding around a harmful line is learnt as neutral. Like the category
model (`understand/classifier.py`), a fitted model is kept as plain arrays
(terms, idf, weights) in an .npz read with `allow_pickle=False`, stamped with
`FORMAT_VERSION` and a hash of the training data: a stale cache is retrained,
never half-loaded, and a model fitted once in a process is reused by that hash.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from gracefully.write.detectors import sentences
from gracefully.write.own_words import SIGN_OFF, own_words

FORMAT_VERSION = 1
EXAMPLES_DIR = Path(__file__).with_name("tone_examples")
CACHE_FILE = "tone_model.npz"
GRACIOUS = "gracious"
_C = 3.0
_MIN_DF = 2
_CHARS = (3, 5)
_CHAR_MIN_WORD = 5
"""Character n-grams are read inside words of at least this length: they carry spellings
and word forms ("disorganised", "disorganized"); in short function words they only
carry style, and a narrative sentence full of "this" and "that" is not a harsh one."""
_SEED = 20250611
_GRACIOUS_WEIGHT = 2.0
"""A gracious example weighs twice a harmful one: a note the model knows nothing about
(new words, no harm it has learnt) reads as gracious, and a block needs evidence."""
_NOTES_PER_KIND = 150
"""Frames per harm kind, spread over its sentences, so small kinds weigh as much as big ones."""
HARM = 0.55
"""A note whose whole reads at least this likely harmful is blocked."""
SENTENCE_HARM = 0.9
"""So is a note with one sentence this likely harmful read alone: one barb among
thank-yous is diluted in the whole note, but still read by the recipient."""
_TRAINED: dict[str, ToneModel] = {}
_TRAINED_KEEP = 2


# --- the text the model reads -------------------------------------------------

_GREETING_LINE = re.compile(
    r"\A\s*(?:(?i:to whom it may concern|hi|hello|hey|hiya|dear|morning|greetings"
    r"|good (?:morning|afternoon|evening))"
    r"\b[^\n]{0,60}?(?:[,!:]|\s[-–—]|$)|[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}[ \t]*"
    r"(?:,|[ \t][-–—])[ \t]*(?=\n|$))",
    re.MULTILINE,
)
_CAPITALISED = re.compile(r"(?<=[\w,;:)] )(?!I\b|I['’])[A-Z][\w'’&-]*")
_APOSTROPHE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_WORD = re.compile(r"[a-z0-9_']+|[!?]|:\)|:\(|;\)")
_DIGITS = re.compile(r"\d+")


def prose(text: str) -> str:
    """What the model reads: the user's own words without the greeting and sign-off,
    with names and other capitalised words inside a sentence masked (`Name`), so
    neither the people nor the companies in a note weigh on its tone."""
    body = own_words(text).translate(_APOSTROPHE)
    body = _GREETING_LINE.sub("", body, count=1)
    lines = body.strip().splitlines()
    if len(lines) > 1 and SIGN_OFF.fullmatch(lines[-1]):
        lines = lines[:-1]
    return _CAPITALISED.sub("Name", "\n".join(lines)).strip()


_NEGATION = re.compile(r"^(?:not|no|never|nothing|nobody|none|neither|nor|without|\w+n't|cannot)$")
_SCOPE_END = re.compile(r"[,;:.!?()]|\s[-–—]\s|\bbut\b|\bthough\b|\bhowever\b")
_UNMARKED = frozenset({
    "a", "an", "the", "i", "me", "my", "you", "your", "it", "its", "this", "that", "these",
    "those", "to", "of", "in", "on", "at", "for", "with", "from", "by", "and", "or", "so", "as",
    "is", "was", "be", "been", "am", "are", "were", "do", "did", "have", "has", "had", "just",
    "all", "any", "some", "more", "very", "really", "much", "one", "we", "our", "they", "them",
    "their", "he", "she", "his", "her", "there", "here"
})  # fmt: skip
"""Function words keep their own feature inside a negation: only what is denied is marked."""


def _words(sentence: str) -> list[str]:
    """The sentence's words, between ^ and $; a word in the scope of a negation (after
    "not", "won't", "never" ... up to the next punctuation or "but") is marked with
    "!" ("I won't ask you to !reconsider"), so that a denied phrase is a feature of
    its own and not the phrase it denies."""
    out, negated = ["^"], False
    for clause in _SCOPE_END.split(_DIGITS.sub("0", sentence.lower())):
        negated = False
        for word in _WORD.findall(clause):
            out.append("!" + word if negated and word not in _UNMARKED else word)
            negated = negated or bool(_NEGATION.match(word))
    return [*out, "$"]


def terms(text: str) -> list[str]:
    """Word 1-2grams (each sentence opened by ^ and closed by $, so "Fine." alone
    differs from "fine by me") and character 3-5grams inside longer words."""
    out: list[str] = []
    for sentence in sentences(text) or [text]:
        words = _words(sentence)
        out += words[1:-1]
        out += [f"{a} {b}" for a, b in pairwise(words)]
        for word in words[1:-1]:
            if len(word) < _CHAR_MIN_WORD or not word.isalpha():
                continue  # negated ("!word"), contracted ("won't") and number words
            padded = f" {word} "
            out += [
                "#" + padded[i : i + n]
                for n in range(_CHARS[0], _CHARS[1] + 1)
                for i in range(len(padded) - n + 1)
            ]
    return out


# --- the training examples ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    harm: str | None
    """None for a gracious note; else the kind of harm (curt, sarcastic, arguing, ...)."""


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_examples(directory: Path = EXAMPLES_DIR) -> list[Example]:
    """The hand-written notes, every sentence on its own, and the sentences set into
    note frames; in a stable order (the frames are drawn with a fixed seed)."""
    notes = [Example(n["text"], n["harm"]) for n in _read_jsonl(directory / "notes.jsonl")]
    rows = _read_jsonl(directory / "sentences.jsonl")
    frames = json.loads((directory / "frames.json").read_text(encoding="utf-8"))
    return notes + _Framer(frames, rows, random.Random(_SEED)).examples()


_MIDDLE = (
    "specific", "accept", "update", "casual", "nonnative", "formal", "story", "story", "process",
    "negated", "experience",
)  # fmt: skip
"""The parts a note's middle is drawn from: all that a gracious note may say."""


class _Framer:
    """Sets example sentences into whole notes: a greeting, polite padding around
    the sentence, a sign-off and a name, all drawn from `frames.json`."""

    def __init__(self, frames: dict, rows: list[dict], rng: random.Random) -> None:
        self.f, self.rng = frames, rng
        self.parts: dict[str, list[str]] = {}
        self.harms: dict[str, list[str]] = {}
        for row in rows:
            if row["harm"] is None:
                self.parts.setdefault(row["part"], []).append(row["text"])
            else:
                self.harms.setdefault(row["harm"], []).append(row["text"])

    def pick(self, key: str) -> str:
        return self.rng.choice(self.f[key])

    def fill(self, sentence: str) -> str:
        first = self.pick("first_names")
        slots = {
            "first": first,
            "company": self.pick("companies"),
            "role": self.pick("roles"),
            "thing": self.pick("things"),
            "stage": self.pick("stages"),
            "n": self.pick("numbers"),
            "weeks": self.pick("weeks"),
        }
        return re.sub(r"\{(\w+)\}", lambda m: slots[m.group(1)], sentence)

    def note(self, body: list[str]) -> str:
        first, last = self.pick("first_names"), self.pick("last_names")
        greeting = self.pick("greetings").format(
            first=first, lfirst=first.lower(), last=last, title=self.pick("titles")
        )
        sender = self.pick("first_names") + (
            " " + self.pick("last_names") if self.rng.random() < 0.4 else ""
        )
        sign_off = self.pick("sign_offs")
        text = " ".join(self.fill(s) for s in body)
        return "\n\n".join(p for p in (greeting, text, f"{sign_off}\n{sender}".strip()) if p)

    def padding(self, part: str, chance: float) -> list[str]:
        return [self.rng.choice(self.parts[part])] if self.rng.random() < chance else []

    def harmful(self, harm: str, sentence: str) -> list[str]:
        if harm == "curt":  # curtness is the lack of warmth: no padding around it
            extra = self.rng.choice(self.harms[harm]) if self.rng.random() < 0.3 else None
            return [sentence, extra] if extra else [sentence]
        before = self.padding("open", 0.75) + self.padding(
            self.rng.choice(["specific", "accept", "casual", "story", "experience"]), 0.45
        )
        after = self.padding(self.rng.choice(["forward", "wish", "story", "process"]), 0.3)
        return [*before, sentence, *after]

    def gracious(self, sentence: str, part: str) -> list[str]:
        if part in ("open", "casual", "accept") and self.rng.random() < 0.35:
            return [sentence]  # short and warm is gracious too
        body = [sentence]
        if part != "open":
            body = self.padding("open", 0.8) + body
        for chance in (0.7, 0.35):
            body += self.padding(self.rng.choice(_MIDDLE), chance)
        body += self.padding(self.rng.choice(["forward", "ask", "wish"]), 0.7)
        return body

    def examples(self) -> list[Example]:
        out = []
        for harm, group in self.harms.items():
            per = max(2, math.ceil(_NOTES_PER_KIND / len(group)))
            for s in group:
                out.append(Example(self.fill(s), harm))
                out += [Example(self.note(self.harmful(harm, s)), harm) for _ in range(per)]
        total_harm = sum(e.harm is not None for e in out)
        graceful = [(s, part) for part, group in self.parts.items() for s in group]
        per = max(2, math.ceil(total_harm / len(graceful)))
        for s, part in graceful:
            out.append(Example(self.fill(s), None))
            out += [Example(self.note(self.gracious(s, part)), None) for _ in range(per - 1)]
        return out


# --- the model ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    harm: float
    """Probability that this sentence, read alone, harms the note."""
    kind: str


@dataclass(frozen=True, slots=True)
class ToneReading:
    harm: float
    """Probability that the note, read whole, would harm the sender."""
    kind: str
    """The likeliest kind of harm ("curt", "sarcastic", ...), whatever `harm` is."""
    sentences: tuple[Sentence, ...]
    """The note's sentences, the most harmful first."""

    @property
    def harmful(self) -> bool:
        top = self.sentences[0].harm if self.sentences else 0.0
        return self.harm >= HARM or top >= SENTENCE_HARM

    def worst(self, n: int = 2, floor: float = HARM) -> tuple[Sentence, ...]:
        """The `n` sentences that weigh most, those over `floor` (else the top one)."""
        over = tuple(s for s in self.sentences[:n] if s.harm >= floor)
        return over or self.sentences[:1]


@dataclass(frozen=True)
class ToneModel:
    terms: tuple[str, ...]
    idf: np.ndarray
    coef: np.ndarray
    """Harm weight per term (binary model: harmful vs gracious)."""
    intercept: float
    kinds: tuple[str, ...]
    kind_coef: np.ndarray
    kind_intercept: np.ndarray
    version: str

    @cached_property
    def _index(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.terms)}

    def _vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sublinear tf-idf of `text`'s known terms, L2-normalised: (indices, values)."""
        index = self._index
        counts = Counter(i for t in terms(text) if (i := index.get(t)) is not None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=float, count=len(counts))
        values = (1.0 + np.log(tf)) * self.idf[idx]
        return idx, values / np.linalg.norm(values)

    def _harm(self, idx: np.ndarray, values: np.ndarray) -> float:
        return float(1.0 / (1.0 + math.exp(-(values @ self.coef[idx] + self.intercept))))

    def _kind(self, idx: np.ndarray, values: np.ndarray) -> str:
        scores = self.kind_coef[:, idx] @ values + self.kind_intercept
        return self.kinds[int(np.argmax(scores))]

    def score(self, text: str) -> float:
        """Harm probability of `text` as the model reads it (already `prose`)."""
        return self._harm(*self._vector(text))

    def read(self, note: str) -> ToneReading:
        """The note's harm probability, its likeliest kind of harm, and its sentences
        ranked by the harm each carries when read alone."""
        text = prose(note)
        whole = self._vector(text)
        ranked = []
        for sentence in sentences(text):
            vec = self._vector(sentence)
            ranked.append(Sentence(sentence, self._harm(*vec), self._kind(*vec)))
        ranked.sort(key=lambda s: -s.harm)
        kind = ranked[0].kind if ranked else self._kind(*whole)
        return ToneReading(self._harm(*whole), kind, tuple(ranked))


# --- training and the cache ---------------------------------------------------


def _data_hash(examples: Sequence[Example]) -> str:
    params = f"v{FORMAT_VERSION} C={_C} w={_GRACIOUS_WEIGHT} df={_MIN_DF} chars={_CHARS}"
    h = hashlib.sha256(f"{params} min={_CHAR_MIN_WORD}".encode())
    for ex in examples:
        h.update(json.dumps([ex.text, ex.harm]).encode())
    return h.hexdigest()


def _counts(docs: Sequence[list[str]]) -> tuple[csr_matrix, list[str]]:
    """Term counts of every doc (rows) over every term seen (columns, in first-seen order)."""
    ids: dict[str, int] = {}
    cols = np.fromiter((ids.setdefault(t, len(ids)) for doc in docs for t in doc), dtype=np.int64)
    rows = np.repeat(np.arange(len(docs)), [len(doc) for doc in docs])
    counts = csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(docs), len(ids)))
    counts.sum_duplicates()
    return counts, list(ids)


def _weigh(counts: csr_matrix, idf: np.ndarray) -> csr_matrix:
    """Sublinear tf times idf, each row L2-normalised: what `ToneModel._vector` computes."""
    x = counts.copy()
    x.data = 1.0 + np.log(x.data)
    x = x.multiply(idf).tocsr()
    return normalize(x)


def _fit(examples: Sequence[Example], version: str) -> ToneModel:
    counts, seen = _counts([terms(prose(e.text)) for e in examples])
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    keep = np.flatnonzero(df >= _MIN_DF)
    order = keep[np.argsort([seen[i] for i in keep], kind="stable")]
    vocab = tuple(seen[i] for i in order)
    n = len(examples)
    idf = np.log((1 + n) / (1 + df[order])) + 1.0
    x = _weigh(counts[:, order], idf)
    harmful = np.array([e.harm is not None for e in examples])
    kinds = tuple(sorted({e.harm for e in examples if e.harm is not None}))
    y_kind = np.array([kinds.index(e.harm) for e in examples if e.harm is not None])
    with threadpool_limits(limits=1):
        weights = {True: 1.0, False: _GRACIOUS_WEIGHT * harmful.sum() / (~harmful).sum()}
        binary = LogisticRegression(C=_C, class_weight=weights, max_iter=3000)
        binary.fit(x, harmful)
        by_kind = LogisticRegression(C=_C, max_iter=3000)
        by_kind.fit(x[harmful], y_kind)
    return ToneModel(
        vocab,
        idf,
        binary.coef_[0].copy(),
        float(binary.intercept_[0]),
        kinds,
        by_kind.coef_.copy(),
        by_kind.intercept_.copy(),
        version,
    )


def _save(model: ToneModel, path: Path, data_hash: str) -> None:
    meta = {"format_version": FORMAT_VERSION, "data_hash": data_hash, "version": model.version}
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(
        tmp,
        meta=np.array(json.dumps(meta)),
        terms=np.array(model.terms, dtype=str),
        idf=model.idf,
        coef=model.coef,
        intercept=np.array(model.intercept),
        kinds=np.array(model.kinds, dtype=str),
        kind_coef=model.kind_coef,
        kind_intercept=model.kind_intercept,
    )
    os.replace(tmp, path)


def _load(path: Path, data_hash: str) -> ToneModel | None:
    """The cached model if this format trained it on this data, else None."""
    try:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            if meta.get("format_version") != FORMAT_VERSION or meta.get("data_hash") != data_hash:
                return None
            return ToneModel(
                tuple(z["terms"].tolist()),
                z["idf"],
                z["coef"],
                float(z["intercept"]),
                tuple(z["kinds"].tolist()),
                z["kind_coef"],
                z["kind_intercept"],
                meta["version"],
            )
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None


def train_tone(
    cache_dir: Path | None = None, examples: Sequence[Example] | None = None
) -> ToneModel:
    """The tone model for the shipped examples (or `examples`).

    With `cache_dir`, a cached model trained on the same data by this format is
    loaded, and anything else is refitted and replaces it; without, the model
    lives in memory only. Either way a fit is done once per process and data.
    """
    examples = load_examples() if examples is None else examples
    data_hash = _data_hash(examples)
    path = cache_dir / CACHE_FILE if cache_dir is not None else None
    if path is not None and path.exists() and (cached := _load(path, data_hash)):
        _remember(data_hash, cached)
        return cached
    model = _TRAINED.get(data_hash) or _fit(examples, f"tone-v{FORMAT_VERSION}-{data_hash[:12]}")
    _remember(data_hash, model)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _save(model, path, data_hash)
    return model


def _remember(data_hash: str, model: ToneModel) -> None:
    _TRAINED.pop(data_hash, None)
    _TRAINED[data_hash] = model
    while len(_TRAINED) > _TRAINED_KEEP:
        del _TRAINED[next(iter(_TRAINED))]


_DEFAULT: list[ToneModel] = []


def default_tone() -> ToneModel:
    """The shipped model, trained on first use in this process."""
    if not _DEFAULT:
        _DEFAULT.append(train_tone())
    return _DEFAULT[0]


def harsh_tone(text: str, _: object = None, model: ToneModel | None = None) -> list[str]:
    """The grace check's detector: the one or two sentences that weigh most in a note
    the tone model reads as harmful, each with the kind of harm and its weight."""
    reading = (model or default_tone()).read(text)
    if not reading.harmful:
        return []
    return [
        f"{s.text!r} (reads as {s.kind.replace('_', '-')}, {s.harm:.2f})" for s in reading.worst()
    ]


__all__ = [
    "CACHE_FILE",
    "FORMAT_VERSION",
    "Example",
    "Sentence",
    "ToneModel",
    "ToneReading",
    "default_tone",
    "harsh_tone",
    "load_examples",
    "prose",
    "terms",
    "train_tone",
]
