"""One assessment: everything a reader sees about one organisation's answers under one knowledge
version, computed once and laid out by every view, the PDF, the summaries and the exports.

Each part is computed the first time it is read and kept (a batch row reads only the outcome;
the web page reads everything), and `assess` keeps whole assessments per answers, version and
notes, so a rerun, a download and a shared view of the same answers compute nothing again.
Renderers read this object and `logic.wording`; they never call the engine, the what-if
search, the comparison or the band themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from i18n import say
from logic.compare import Comparison, compare
from logic.engine import Outcome, evaluate, outcome
from logic.explain import Explained, explain
from logic.knowledge_base import KnowledgeBase, available_versions, load_knowledge
from logic.reading import LaterReading, later_reading, with_later
from logic.recommendation import Recommendation
from logic.whatif import what_if
from logic.wording import (
    BandWords,
    Readings,
    band_text,
    disclosure_lines,
    flip_groups,
    later_record_text,
    no_disclosure_text,
    no_flip_text,
    readings_text,
    robustness_text,
    unknown_notes,
    verdict_sentence,
)
from questions.answers import Answers
from questions.schema import QuestionBank, default_bank
from questions.translations import ENGLISH, bank_in

FlipGroup = tuple[str, tuple[tuple[str, str], ...]]  # (group title, (changes, verdict label))


@dataclass(frozen=True)
class WhatIfWords:
    """'What would change this?' in words: robust or fragile and why, the changes that raise
    and lower the verdict by group (or what to say when none does), and what publication of
    each undisclosed fact would do, both ways."""

    robustness: tuple[str, str]
    up: tuple[FlipGroup, ...]
    down: tuple[FlipGroup, ...]
    no_up: str
    no_down: str
    disclosures: tuple[str, ...]
    no_disclosure: str

    def groups(self, direction: str) -> tuple[tuple[FlipGroup, ...], str]:
        """The groups one way ('up' or 'down'), and the sentence for when there are none."""
        return (self.up, self.no_up) if direction == "up" else (self.down, self.no_down)


@dataclass(frozen=True)
class LaterDetail:
    """What the newest sourced version changes, in detail: a headline, each difference, and
    the sources behind what it adds."""

    headline: str
    changes: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Assessment:
    """One organisation's answers under one knowledge version, with the notes kept with them."""

    answers: Answers
    knowledge: KnowledgeBase
    notes: tuple[tuple[str, str], ...] = ()
    bank: QuestionBank = field(default_factory=default_bank)
    # The reader's language: `knowledge` and `bank` are then that language's words of the same
    # version and bank; the JSON contract stays the same (`contract`).
    language: str = ENGLISH

    @cached_property
    def outcome(self) -> Outcome:
        """The verdict with its drivers, blockers and caveats, without reasons (batch rows)."""
        return outcome(self.answers, self.knowledge)

    @cached_property
    def recommendation(self) -> Recommendation:
        """The whole recommendation: reasons, scores, open questions, the band."""
        notes = None if self.language == ENGLISH else unknown_notes(self.bank, self.language)
        return evaluate(self.answers, self.knowledge, unknown_notes=notes)

    @cached_property
    def explained(self) -> Explained:
        """The recommendation joined with the knowledge's words: labels, quoted reasons,
        what each section score measures."""
        return explain(self.recommendation, self.knowledge, self.language)

    @cached_property
    def verdict_sentence(self) -> str:
        """The verdict in one sentence for this organisation: what drives it, what holds it
        back, in its own terms."""
        return verdict_sentence(self.recommendation, self.knowledge, self.language)

    @cached_property
    def reading(self) -> LaterReading | None:
        """The verdict under the newest sourced version after this one (None when this is the
        newest, or a version that was not shipped)."""
        if self.knowledge.version not in available_versions():
            return None
        return later_reading(self.answers, self.knowledge, self.language)

    @cached_property
    def readings(self) -> Readings:
        """The two readings at the top of the result, in words."""
        return readings_text(self.recommendation, self.reading, self.knowledge, self.language)

    @cached_property
    def later_detail(self) -> LaterDetail | None:
        """What the newest version changes, in detail, with its sources."""
        if self.reading is None:
            return None
        headline, changes, sources = later_record_text(
            self.reading.comparison, self.knowledge,
            load_knowledge(self.reading.version, self.language), self.language)
        return LaterDetail(headline, tuple(changes), tuple(sources))

    @cached_property
    def band(self) -> BandWords | None:
        """What the "Don't know" answers mean for the verdict, or None when none was given."""
        return band_text(self.recommendation, self.knowledge, self.bank, self.answers.unknowns,
                         self.answers.likely_values, self.language)

    @cached_property
    def what_if(self) -> WhatIfWords:
        """'What would change this?', searched once."""
        result = what_if(self.answers, self.knowledge, self.bank)
        kb, bank, lang = self.knowledge, self.bank, self.language

        def grouped(direction: str) -> tuple[FlipGroup, ...]:
            return tuple((title, tuple(lines))
                         for title, lines in flip_groups(result, kb, bank, direction, lang))

        return WhatIfWords(
            robustness=robustness_text(result, lang), up=grouped("up"), down=grouped("down"),
            no_up=no_flip_text(result, "up", kb, lang),
            no_down=no_flip_text(result, "down", kb, lang),
            disclosures=tuple(disclosure_lines(result, kb, lang)),
            no_disclosure=no_disclosure_text(result, kb, lang))

    @property
    def account_questions(self) -> tuple[str, ...]:
        """The questions for the account team, from the undisclosed facts that matter here."""
        return tuple(self.recommendation.open_questions)

    @cached_property
    def settle_first(self) -> str | None:
        """When "Don't know" answers leave the verdict open between levels: the one answer to
        find out first, as an action; else None."""
        rec = self.recommendation
        if rec.band is None or rec.band.low == rec.band.high or not rec.settle_first:
            return None
        return say(self.language, "Find out “{question}” first: of the answers you did not "
                   "know, it narrows the range of verdicts most.",
                   question=self.bank.question(rec.settle_first).label)

    @property
    def next_actions(self) -> tuple[str, ...]:
        """What to do next, most useful first: the answer to settle first when the verdict is
        open between levels, then the questions for the account team."""
        return ((self.settle_first,) if self.settle_first else ()) + self.account_questions

    @property
    def organisation(self) -> str:
        """The organisation's name as answered ("" when not given)."""
        return self.bank.organisation(self.answers)

    @property
    def note_map(self) -> dict[str, str]:
        """The notes by question id (and the overall note)."""
        return dict(self.notes)

    def contract(self) -> Recommendation:
        """The recommendation as the JSON contract prints it, with the later reading: in the
        knowledge's own words whatever the reader's language (the contract never changes with
        it)."""
        if self.language != ENGLISH:
            return self.in_language(ENGLISH).contract()
        return with_later(self.recommendation, self.reading)

    def in_language(self, language: str) -> Assessment:
        """The same assessment in another language (a shipped version; else this one)."""
        if language == self.language or self.knowledge.version not in available_versions():
            return self
        return assess(self.answers, load_knowledge(self.knowledge.version), dict(self.notes),
                      language)

    def with_notes(self, notes: dict[str, str] | None) -> Assessment:
        """The same assessment with these notes; what was computed is kept, not redone."""
        frozen = _frozen_notes(notes)
        if frozen == self.notes:
            return self
        fresh = Assessment(self.answers, self.knowledge, frozen, self.bank, self.language)
        fresh.__dict__.update((k, v) for k, v in self.__dict__.items() if k not in _FIELDS)
        return fresh

    def against(self, version: str) -> tuple[Comparison, LaterDetail]:
        """This assessment beside another knowledge version: the comparison and its words."""
        other = load_knowledge(version, self.language)
        result = compare(self.answers, self.knowledge, other, old=self.recommendation)
        headline, changes, sources = later_record_text(result, self.knowledge, other,
                                                       self.language)
        return result, LaterDetail(headline, tuple(changes), tuple(sources))


_FIELDS = frozenset({"answers", "knowledge", "notes", "bank", "language"})


def _frozen_notes(notes: dict[str, str] | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v) for k, v in (notes or {}).items() if v))


@lru_cache(maxsize=512)
def _shipped(answers: Answers, version: str, language: str) -> Assessment:
    return Assessment(answers, load_knowledge(version, language), bank=bank_in(language),
                      language=language)


@lru_cache(maxsize=512)
def _shipped_with_notes(answers: Answers, version: str, notes: tuple[tuple[str, str], ...],
                        language: str) -> Assessment:
    """Kept with its notes too: a page with notes reruns on every click, and what the copy
    computes (the what-if search, the comparison) is then found again, not redone."""
    return _shipped(answers, version, language).with_notes(dict(notes))


def assess(answers: Answers, knowledge: KnowledgeBase, notes: dict[str, str] | None = None,
           language: str = ENGLISH) -> Assessment:
    """The assessment of these answers under this knowledge version, with these notes, in this
    language (the verdict is the same in every one). What it computes is kept per answers,
    version and language for a shipped version (notes change nothing that is computed); a
    version loaded from elsewhere is assessed afresh, in its own words."""
    if (knowledge.version in available_versions()
            and load_knowledge(knowledge.version) is knowledge):
        return _shipped_with_notes(answers, knowledge.version, _frozen_notes(notes), language)
    return Assessment(answers, knowledge, _frozen_notes(notes))
