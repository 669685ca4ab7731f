"""The recommendation contract: verdicts, drivers, blockers, sections, and its shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Verdict = Literal["no_action", "monitor", "evaluate"]
Driver = Literal["edge_latency", "starlink_synergy", "diversification", "backup_capacity"]
Blocker = Literal[
    "sla_unverified", "compliance_unverified", "scale_unproven", "not_a_primary_replacement",
    "pricing_undisclosed", "availability_undisclosed", "location_undisclosed",
    # the organisation's own position, not something undisclosed about the deal:
    "conservative_appetite", "claude_not_adopted", "host_not_chosen",
    # from the report's bottom line (shown as caveats):
    "benchmarks_unpublished",
    # from the public record after the report (versions 2026-12-public-record, 2026-12-record):
    "capacity_revocable", "no_customer_offering", "capacity_committed", "track_record_short",
    "location_not_selectable", "processing_location_unconfirmed",
]
OWN_POSITION: frozenset[str] = frozenset(
    {"conservative_appetite", "claude_not_adopted", "host_not_chosen"})
Section = Literal["edge", "reliability", "scale", "compliance", "strategy"]

VERDICTS: tuple[str, ...] = get_args(Verdict)  # in rising relevance
DRIVERS: tuple[str, ...] = get_args(Driver)
BLOCKERS: tuple[str, ...] = get_args(Blocker)
SECTIONS: tuple[str, ...] = get_args(Section)


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
    drivers: list[Driver]
    blockers: list[Blocker]
    caveats: list[Blocker] = []  # undisclosed or unverified, shown, capping nothing
    reasons: list[Reason] = Field(min_length=1)
    scores: dict[str, int]  # by section id (SECTIONS), 0 to 100
    not_applicable: list[Section] = []  # sections with nothing to fit (their score is 0)
    open_questions: list[str]
    knowledge_version: str
    # With "Don't know" answers: the verdict above reads them at their most likely values;
    # the band spans every answer they could be, and `settle_first` narrows it most.
    band: VerdictBand | None = None
    settle_first: str | None = None
    # The reading under the newest sourced version (set by logic.reading, not by the engine).
    later: LaterVerdict | None = None
