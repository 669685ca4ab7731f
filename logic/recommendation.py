"""The recommendation contract: the verdicts, and the shape of what an evaluation returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Verdict = Literal["no_action", "monitor", "evaluate"]  # the product's three, in rising relevance
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
# Drivers, blockers and sections are vocabulary in data: the knowledge file's `drivers` and
# `blockers` tables and the bank's sections name them; an id here is only its shape.
OutcomeId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


def verdict_rank(verdict: str) -> int:
    """0 for no_action, 1 for monitor, 2 for evaluate."""
    return VERDICTS.index(verdict)


Group = Literal["decides", "driver", "blocker", "caveat", "context"]
GROUPS: tuple[str, ...] = get_args(Group)  # the order reasons are shown in


@dataclass(frozen=True, slots=True)
class Reason:
    """One rule that fired: its id, a sentence about this organisation, the facts it rests on,
    and its group: the rule that decided the verdict, then what raises it (driver), what caps
    it (blocker), what stays open without capping it (caveat), and the rest (context)."""

    rule: str
    text: str
    facts: list[str]
    group: str = "context"


class VerdictBand(BaseModel):
    """The lowest and highest verdict over every answer the "Don't know" answers could be."""

    model_config = ConfigDict(frozen=True)
    low: Verdict
    high: Verdict


class LaterVerdict(BaseModel):
    """The verdict under the newest sourced knowledge version, beside the one a result leads
    with: its id, verdict, when its facts were last checked, whether the verdict differs, and
    the plain sentence that says what moves it (None when it does not)."""

    model_config = ConfigDict(frozen=True)
    version: str
    verdict: Verdict
    checked: str
    changed: bool
    summary: str | None = None


class Recommendation(BaseModel):
    """What an evaluation returns; serialises to the JSON the command line prints."""

    model_config = ConfigDict(frozen=True)
    verdict: Verdict
    drivers: list[OutcomeId]  # ids of the knowledge version's `drivers` table
    blockers: list[OutcomeId]  # ids of its `blockers` table
    caveats: list[OutcomeId] = []  # undisclosed or unverified, shown, capping nothing
    reasons: list[Reason] = Field(min_length=1)
    scores: dict[str, int]  # by section id (the version's `scores`), 0 to 100
    not_applicable: list[str] = []  # sections with nothing to fit (their score is 0)
    open_questions: list[str]
    knowledge_version: str
    # With "Don't know" answers: the verdict above reads them at their most likely values;
    # the band spans every answer they could be, and `settle_first` narrows it most.
    band: VerdictBand | None = None
    settle_first: str | None = None
    # The reading under the newest sourced version (set by logic.reading, not by the engine).
    later: LaterVerdict | None = None
