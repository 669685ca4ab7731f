"""The condition vocabulary rules are written in: typed data, compiled once to predicates.

A condition is one of:
  {all: [cond, ...]}, {any: [cond, ...]}, {not: cond}
  {q: QUESTION_ID, OPERATOR: VALUE} with OPERATOR one of the keys of OPERATORS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Tag, model_validator

from logic.answers import QUESTION_IDS, allowed_values

Predicate = Callable[[Any], bool]  # reads answers as attributes (Answers or a stand-in)


def _is_set(actual: Any, expected: bool) -> bool:
    return (actual is not None) is expected


def _has_any(actual: Any, expected: list[Any]) -> bool:
    return any(item in expected for item in actual or ())


def _empty(actual: Any, expected: bool) -> bool:
    return (len(actual or ()) == 0) is expected


OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda actual, expected: actual == expected,
    "in": lambda actual, expected: actual in expected,
    "not_in": lambda actual, expected: actual not in expected,
    "gte": lambda actual, expected: actual is not None and actual >= expected,
    "lte": lambda actual, expected: actual is not None and actual <= expected,
    "is_set": _is_set,
    "has_any": _has_any,
    "empty": _empty,
}
Operator = Literal["eq", "in", "not_in", "gte", "lte", "is_set", "has_any", "empty"]
_VALUE_LIST_OPS = {"in", "not_in", "has_any"}
_FLAG_OPS = {"is_set", "empty"}


class Leaf(BaseModel):
    """One test on one answer: `{q: edge_sites, in: [few, many]}`."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    q: str
    op: Operator
    value: Any

    @model_validator(mode="before")
    @classmethod
    def _split_operator(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "op" in data:
            return data
        ops = [key for key in data if key != "q"]
        if len(ops) != 1:
            raise ValueError(f"a test needs `q` and exactly one operator of {sorted(OPERATORS)}")
        return {"q": data.get("q"), "op": ops[0], "value": data[ops[0]]}

    @model_validator(mode="after")
    def _check_against_contract(self) -> Leaf:
        if self.q not in QUESTION_IDS:
            raise ValueError(f"`{self.q}` is not a question id")
        if self.op in _FLAG_OPS:
            if not isinstance(self.value, bool):
                raise ValueError(f"`{self.op}` takes true or false")
            return self
        values = self.value if self.op in _VALUE_LIST_OPS else [self.value]
        if not isinstance(values, list) or not values:
            raise ValueError(f"`{self.op}` takes a non-empty list of values")
        allowed = allowed_values(self.q)
        bad = [v for v in values if allowed is not None and v not in allowed]
        if bad:
            raise ValueError(f"{bad} not among the values of `{self.q}`: {list(allowed or ())}")
        return self

    def compile(self) -> Predicate:
        test, field, expected = OPERATORS[self.op], self.q, self.value
        return lambda answers: test(getattr(answers, field), expected)


class All(BaseModel):
    """True when every sub-condition holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    all: list[Condition]

    def compile(self) -> Predicate:
        parts = tuple(c.compile() for c in self.all)
        return lambda answers: all(p(answers) for p in parts)


class AnyOf(BaseModel):
    """True when at least one sub-condition holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    any: list[Condition]

    def compile(self) -> Predicate:
        parts = tuple(c.compile() for c in self.any)
        return lambda answers: any(p(answers) for p in parts)


class Not(BaseModel):
    """True when the sub-condition does not hold."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    negated: Condition

    @model_validator(mode="before")
    @classmethod
    def _rename(cls, data: Any) -> Any:
        if isinstance(data, dict) and "not" in data:
            return {"negated": data["not"], **{k: v for k, v in data.items() if k != "not"}}
        return data

    def compile(self) -> Predicate:
        inner = self.negated.compile()
        return lambda answers: not inner(answers)


def _kind(data: Any) -> str:
    if isinstance(data, dict):
        for key in ("all", "any", "not"):
            if key in data:
                return key
        return "leaf"
    kinds: dict[type, str] = {All: "all", AnyOf: "any", Not: "not"}
    return kinds.get(type(data), "leaf")


Condition = Annotated[
    Annotated[All, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")]
    | Annotated[Leaf, Tag("leaf")],
    Discriminator(_kind),
]

for _model in (All, AnyOf, Not):
    _model.model_rebuild()


def questions_used(condition: BaseModel) -> set[str]:
    """Every question id a condition reads (for completeness checks)."""
    if isinstance(condition, Leaf):
        return {condition.q}
    if isinstance(condition, Not):
        return questions_used(condition.negated)
    parts = condition.all if isinstance(condition, All) else condition.any  # type: ignore[attr-defined]
    return set().union(*(questions_used(p) for p in parts))
