"""A recommendation joined with the knowledge base's words, for people (the app and the PDF)."""

from __future__ import annotations

from dataclasses import dataclass

from i18n import marked, say
from logic.knowledge_base import Fact, KnowledgeBase, Label
from logic.recommendation import GROUPS, Recommendation
from questions.translations import ENGLISH

GROUP_TITLES = {
    "decides": marked("What decided it"),
    "driver": marked("What makes it relevant"),
    "blocker": marked("What holds it back"),
    "caveat": marked("Still open, without holding it back"),
    "context": marked("Also from your answers"),
}
assert set(GROUP_TITLES) == set(GROUPS)


@dataclass(frozen=True)
class CitedReason:
    """One reason with its rule's title, the full facts it cites, and its group."""

    rule: str
    title: str
    text: str
    facts: tuple[Fact, ...]
    group: str = "context"
    group_title: str = ""  # the group's heading in the reader's language

    @property
    def quotes(self) -> str:
        """Each fact's quote in its source's words, its translation beside it when there is
        one: 'F4: "…" (“…”)'."""
        return "\n".join(quoted(f) for f in self.facts)


def quoted(fact: Fact) -> str:
    """'F4: "the source's words"', with the translation beside in brackets when there is one."""
    text = f'{fact.id}: "{fact.quote}"'
    return f"{text} [{fact.quote_translation}]" if fact.quote_translation else text


@dataclass(frozen=True)
class Explained:
    """Everything a person reads about one recommendation."""

    verdict: Label
    drivers: tuple[Label, ...]
    blockers: tuple[Label, ...]
    reasons: tuple[CitedReason, ...]
    caveats: tuple[Label, ...] = ()
    sections: tuple[SectionFit, ...] = ()

    @property
    def deciding(self) -> CitedReason:
        """The reason that decided the verdict (shown first)."""
        return self.reasons[0]


@dataclass(frozen=True)
class SectionFit:
    """One section's score with what it measures; `score` None when not applicable."""

    id: str
    score: int | None
    most: int
    measures: str
    most_why: str
    shown: str = ""  # '40 of 60', or 'not applicable', in the reader's language


def explain(rec: Recommendation, kb: KnowledgeBase, language: str = ENGLISH) -> Explained:
    """Labels for the verdict, drivers, blockers and caveats; each reason with its quoted facts
    and group; each section's score with what it measures (the knowledge `kb` in `language`,
    the headings in the same)."""
    titles = {rule.id: rule.title for rule in kb.rules}
    facts = kb.fact_by_id
    return Explained(
        verdict=kb.verdicts[rec.verdict],
        drivers=tuple(kb.drivers[d] for d in rec.drivers),
        blockers=tuple(kb.blockers[b] for b in rec.blockers),
        reasons=tuple(
            CitedReason(
                r.rule, titles.get(r.rule, r.rule), r.text, tuple(facts[f] for f in r.facts),
                r.group, say(language, GROUP_TITLES.get(r.group, r.group)),
            )
            for r in rec.reasons
        ),
        caveats=tuple(kb.blockers[c] for c in rec.caveats),
        sections=tuple(
            SectionFit(section, None if section in rec.not_applicable else score,
                       spec.most, spec.measures, spec.most_why,
                       say(language, "not applicable") if section in rec.not_applicable
                       else say(language, "{score} of {most}", score=score, most=spec.most))
            for section, score in rec.scores.items()
            if (spec := kb.scores.get(section)) is not None
        ),
    )
