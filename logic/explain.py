"""A recommendation joined with the knowledge base's words, for people (the app and the PDF)."""

from __future__ import annotations

from dataclasses import dataclass

from logic.knowledge_base import Fact, KnowledgeBase, Label
from logic.recommendation import Recommendation


@dataclass(frozen=True)
class CitedReason:
    """One reason with its rule's title and the full facts it cites."""

    rule: str
    title: str
    text: str
    facts: tuple[Fact, ...]

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


def explain(rec: Recommendation, kb: KnowledgeBase) -> Explained:
    """Labels for the verdict, drivers and blockers; each reason with its quoted facts."""
    titles = {rule.id: rule.title for rule in kb.rules}
    facts = kb.fact_by_id
    return Explained(
        verdict=kb.verdicts[rec.verdict],
        drivers=tuple(kb.drivers[d] for d in rec.drivers),
        blockers=tuple(kb.blockers[b] for b in rec.blockers),
        reasons=tuple(
            CitedReason(
                r.rule, titles.get(r.rule, r.rule), r.text, tuple(facts[f] for f in r.facts),
            )
            for r in rec.reasons
        ),
    )
