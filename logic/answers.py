"""The answers contract (PRODUCT.md section 3): ids, types and allowed values."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

Industry = Literal[
    "financial_services", "healthcare", "public_sector", "defense", "energy_and_mining",
    "maritime_and_logistics", "aviation", "telecommunications", "retail", "manufacturing",
    "software", "media", "nonprofit", "other",
]
Employees = Literal["under_250", "250_to_1000", "1000_to_10000", "over_10000"]
ClaudeUsage = Literal["none", "evaluating", "direct_api", "cloud_marketplace", "several_channels"]
HostingRole = Literal["none", "backup", "specialized", "replace_primary"]
EdgeSites = Literal["none", "few", "many"]
Starlink = Literal["no", "planned", "yes"]
UptimeTarget = Literal["none", "99.0", "99.5", "99.9", "99.95", "99.99"]
Tolerance = Literal["no", "with_fallback", "yes"]
MonthlyTokens = Literal["under_10m", "10m_to_1b", "1b_to_50b", "over_50b"]
Workload = Literal["inference", "batch", "fine_tuning", "training"]
Regulation = Literal["gdpr", "hipaa", "pci_dss", "fedramp", "itar", "sox", "nis2", "other"]
Level = Literal["low", "medium", "high"]
RiskAppetite = Literal["conservative", "moderate", "early_adopter"]
Horizon = Literal["within_6_months", "6_to_18_months", "over_18_months"]

ORG_NAME_MAX = 120


def _no_duplicates(values: list[str]) -> list[str]:
    duplicates = sorted({v for v in values if values.count(v) > 1})
    if duplicates:
        raise ValueError(f"lists {', '.join(duplicates)} more than once")
    return values


class Answers(BaseModel):
    """One organisation's answers; strict, so nothing is coerced or defaulted silently."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    org_name: Annotated[str, Field(max_length=ORG_NAME_MAX)] | None = None
    industry: Industry
    employees: Employees
    claude_usage: ClaudeUsage
    hosting_role_sought: HostingRole
    edge_sites: EdgeSites
    starlink: Starlink = "no"
    latency_target_ms: Annotated[int, Field(ge=10, le=10000)] | None = None
    edge_traffic_pct: Annotated[int, Field(ge=0, le=100)] = 0
    uptime_target: UptimeTarget
    contractual_sla: bool
    support_24x7: bool
    unproven_provider_tolerance: Tolerance
    monthly_tokens: MonthlyTokens
    workloads: Annotated[list[Workload], Field(min_length=1)]
    dedicated_capacity: bool
    regulations: list[Regulation] = Field(default_factory=list)
    data_residency: bool
    attestations_required: bool
    concentration_concern: Level
    risk_appetite: RiskAppetite
    decision_horizon: Horizon
    price_sensitivity: Level

    _unique = field_validator("workloads", "regulations")(_no_duplicates)

    @field_validator("org_name", mode="before")
    @classmethod
    def _blank_name_is_no_name(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


QUESTION_IDS: tuple[str, ...] = tuple(Answers.model_fields)


def allowed_values(question_id: str) -> tuple[Any, ...] | None:
    """The closed set of values a choice or list question accepts, or None for open ones."""
    annotation = Answers.model_fields[question_id].annotation
    for candidate in (annotation, *get_args(annotation)):
        if getattr(candidate, "__origin__", None) is list:
            candidate = get_args(candidate)[0]
        if getattr(candidate, "__origin__", None) is Literal:
            return get_args(candidate)
        if candidate is bool:
            return (True, False)
    return None


class AnswersError(ValueError):
    """Invalid answers: one human-readable problem per bad field."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in problems.items()))


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _describe(error: Mapping[str, Any]) -> tuple[str, str]:
    loc = [str(part) for part in error["loc"]]
    field = loc[0] if loc else "answers"
    kind = error["type"]
    if kind == "extra_forbidden":
        near = difflib.get_close_matches(field, QUESTION_IDS, n=1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        return field, f"unknown question id{hint}"
    if kind == "missing":
        return field, "is required"
    message = error["msg"]
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        message = f"{_short(error.get('input'))} is not allowed; expected one of {expected}"
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    if len(loc) > 1:
        message = f"item {int(loc[1]) + 1}: {message}"
    return field, message[:300]


def parse_answers(data: Any) -> Answers:
    """Validate a decoded answers object; raise AnswersError naming every bad field."""
    if not isinstance(data, dict):
        raise AnswersError({"answers": "must be a JSON object keyed by question id"})
    try:
        return Answers.model_validate(data)
    except ValidationError as exc:
        problems: dict[str, str] = {}
        for error in exc.errors(include_url=False):
            field, message = _describe(error)
            problems.setdefault(field, message)
        raise AnswersError(problems) from None
