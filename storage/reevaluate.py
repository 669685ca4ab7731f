"""Which saved assessments and teams a knowledge version would move: every row of the configured
database read (never written), evaluated under the version it was saved with and under the new
one, and listed when the verdict or the band differs.

Used by `python -m logic reevaluate --knowledge VERSION`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from formats.cells import to_csv
from logic.engine import evaluate
from logic.knowledge_base import DEFAULT_VERSION, KnowledgeBase, available_versions, load_knowledge
from logic.recommendation import Recommendation
from logic.team import analyse
from questions.answers import AnswersError
from questions.migrate import read_answers
from questions.schema import QuestionBank, default_bank
from storage.db import Assessment, Respondent, Team
from storage.store import Store

COLUMNS = ("kind", "id", "name", "saved_under", "old_verdict", "new_verdict", "old_band",
           "new_band", "created_at")


@dataclass(frozen=True)
class Moved:
    """One saved assessment or team whose verdict or band differs under the new version."""

    kind: str  # "draft", "shared" or "team"
    id: int
    name: str
    saved_under: str
    old_verdict: str
    new_verdict: str
    old_band: str
    new_band: str
    created_at: str

    def cells(self) -> list[str]:
        return [self.kind, str(self.id), self.name, self.saved_under, self.old_verdict,
                self.new_verdict, self.old_band, self.new_band, self.created_at]


@dataclass
class Reevaluation:
    """What was read: the rows that move, and how many were read or could not be evaluated."""

    version: str
    moved: list[Moved]
    read: int = 0
    skipped: int = 0  # incomplete drafts and answers that no longer validate


def _band(rec: Recommendation) -> str:
    return f"{rec.band.low}..{rec.band.high}" if rec.band else ""


def _old_kb(version: str | None) -> KnowledgeBase:
    return load_knowledge(version if version in available_versions() else DEFAULT_VERSION)


def _assessments(session: Session, new_kb: KnowledgeBase, bank: QuestionBank,
                 result: Reevaluation) -> Iterator[Moved]:
    for row in session.scalars(select(Assessment).order_by(Assessment.id)):
        result.read += 1
        try:
            answers, _ = read_answers(dict(row.answers), bank)
        except AnswersError:
            result.skipped += 1
            continue
        saved_under = row.knowledge_version or DEFAULT_VERSION
        old = evaluate(answers, _old_kb(saved_under))
        new = evaluate(answers, new_kb)
        old_verdict = row.verdict or old.verdict  # what the person saw when it was saved
        if (old_verdict, _band(old)) != (new.verdict, _band(new)):
            yield Moved(row.kind, row.id, bank.organisation(answers), saved_under, old_verdict,
                        new.verdict, _band(old), _band(new), f"{row.created_at:%Y-%m-%d}")


def _teams(session: Session, new_kb: KnowledgeBase, bank: QuestionBank,
           result: Reevaluation) -> Iterator[Moved]:
    old_kb = load_knowledge(DEFAULT_VERSION)  # a team's verdict is read under the default
    for team in session.scalars(select(Team).order_by(Team.id)):
        people = session.scalars(select(Respondent).where(Respondent.team_id == team.id))
        answers = []
        for person in people:
            try:
                answers.append(read_answers(dict(person.answers), bank)[0])
            except AnswersError:
                result.skipped += 1
        result.read += 1
        if not answers:
            continue
        old = analyse(answers, old_kb, bank).consensus_recommendation
        new = analyse(answers, new_kb, bank).consensus_recommendation
        if (old.verdict, _band(old)) != (new.verdict, _band(new)):
            yield Moved("team", team.id, team.name, DEFAULT_VERSION, old.verdict, new.verdict,
                        _band(old), _band(new), f"{team.created_at:%Y-%m-%d}")


def reevaluate(store: Store, version: str, bank: QuestionBank | None = None) -> Reevaluation:
    """Every saved assessment and team whose verdict (or band) `version` would change; reads
    only."""
    bank = bank or default_bank()
    new_kb = load_knowledge(version)
    result = Reevaluation(version, [])
    with Session(store.engine) as session:
        result.moved = [*_assessments(session, new_kb, bank, result),
                        *_teams(session, new_kb, bank, result)]
    return result


def as_csv(result: Reevaluation) -> str:
    return to_csv(COLUMNS, (m.cells() for m in result.moved))


def as_table(result: Reevaluation) -> str:
    """A plain-text table, widths fitted to the cells, then one summary line."""
    rows = [list(COLUMNS), *(m.cells() for m in result.moved)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
             for r in rows]
    lines.append(f"{len(result.moved)} of {result.read} saved assessments and teams would "
                 f"change under {result.version}"
                 + (f"; {result.skipped} could not be evaluated (incomplete or no longer valid)"
                    if result.skipped else ""))
    return "\n".join(lines)
