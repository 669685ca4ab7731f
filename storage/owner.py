"""Whose plan or watch a row is: one assessment's (the draft a share was made from, or the
share itself) or one team's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement

if TYPE_CHECKING:  # the models import nothing from here; only their names are needed
    from storage.db import PlanChange, Watch


@dataclass(frozen=True)
class Owner:
    assessment_id: int | None = None
    team_id: int | None = None

    def __post_init__(self) -> None:
        if (self.assessment_id is None) == (self.team_id is None):
            raise ValueError("a plan or watch belongs to one assessment or one team")

    def where(self, table: type[PlanChange] | type[Watch]) -> ColumnElement[bool]:
        """The condition selecting this owner's rows of `table` (a model with both columns)."""
        if self.assessment_id is not None:
            return table.assessment_id == self.assessment_id
        return table.team_id == self.team_id

    def columns(self) -> dict[str, int | None]:
        return {"assessment_id": self.assessment_id, "team_id": self.team_id}
