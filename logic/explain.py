"""A recommendation joined with the knowledge base's words, for people (the app and the PDF)."""

from __future__ import annotations

from dataclasses import dataclass

from logic.knowledge_base import Fact, KnowledgeBase, Label
from logic.recommendation import GROUPS, Recommendation

GROUP_TITLES = {
    "decides": "What decided it",
    "driver": "What makes it relevant",
    "blocker": "What holds it back",
    "caveat": "Still open, without holding it back",
    "context": "Also from your answers",
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

    @property
    def group_title(self) -> str:
        return GROUP_TITLES.get(self.group, self.group)

    @property
    def quotes(self) -> str:
        return "\n".join(f'{f.id}: "{f.quote}"' for f in self.facts)


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

    @property
    def shown(self) -> str:
        return "not applicable" if self.score is None else f"{self.score} of {self.most}"


def explain(rec: Recommendation, kb: KnowledgeBase) -> Explained:
    """Labels for the verdict, drivers, blockers and caveats; each reason with its quoted facts
    and group; each section's score with what it measures."""
    titles = {rule.id: rule.title for rule in kb.rules}
    facts = kb.fact_by_id
    return Explained(
        verdict=kb.verdicts[rec.verdict],
        drivers=tuple(kb.drivers[d] for d in rec.drivers),
        blockers=tuple(kb.blockers[b] for b in rec.blockers),
        reasons=tuple(
            CitedReason(
                r.rule, titles.get(r.rule, r.rule), r.text, tuple(facts[f] for f in r.facts),
                getattr(r, "group", "context"),
            )
            for r in rec.reasons
        ),
        caveats=tuple(kb.blockers[c] for c in rec.caveats),
        sections=tuple(
            SectionFit(section, None if section in rec.not_applicable else score,
                       spec.most, spec.measures, spec.most_why)
            for section, score in rec.scores.items()
            if (spec := kb.scores.get(section)) is not None
        ),
    )
