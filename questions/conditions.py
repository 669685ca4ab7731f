"""The condition vocabulary rules are written in: typed data, compiled once to predicates.

A condition is one of:
  {all: [cond, ...]}, {any: [cond, ...]}, {not: cond}
  {q: QUESTION_ID, OPERATOR: VALUE} with OPERATOR one of the keys of OPERATORS.

`fold` is the one walk over a condition tree: compiling, listing the questions and values a
condition reads, checking it against the bank and wording it for people all go through it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Discriminator, Tag, model_validator

from questions.values import items_of

T = TypeVar("T")
Predicate = Callable[[object], bool]  # reads answers as attributes (Answers or a stand-in)


def _is_set(actual: object, expected: object) -> bool:
    return (actual is not None) is expected


def _has_any(actual: object, expected: object) -> bool:
    return any(item in items_of(expected) for item in items_of(actual))


def _empty(actual: object, expected: object) -> bool:
    return (len(items_of(actual)) == 0) is expected


def _number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _gte(actual: object, expected: object) -> bool:
    number, bound = _number(actual), _number(expected)
    return number is not None and bound is not None and number >= bound


def _lte(actual: object, expected: object) -> bool:
    number, bound = _number(actual), _number(expected)
    return number is not None and bound is not None and number <= bound


OPERATORS: dict[str, Callable[[object, object], bool]] = {
    "eq": lambda actual, expected: actual == expected,
    "in": lambda actual, expected: actual in items_of(expected),
    "not_in": lambda actual, expected: actual not in items_of(expected),
    "gte": _gte,
    "lte": _lte,
    "is_set": _is_set,
    "has_any": _has_any,
    "empty": _empty,
}
Operator = Literal["eq", "in", "not_in", "gte", "lte", "is_set", "has_any", "empty"]
_VALUE_LIST_OPS = {"in", "not_in", "has_any"}
_FLAG_OPS = {"is_set", "empty"}
_NUMBER_OPS = {"gte", "lte"}
_ONE_VALUE_OPS = {"eq", "in", "not_in"}


class Leaf(BaseModel):
    """One test on one answer: `{q: edge_sites, in: [few, many]}`."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    q: str
    op: Operator
    value: object  # checked against the operator below, and against the bank

    @model_validator(mode="before")
    @classmethod
    def _split_operator(cls, data: object) -> object:
        if not isinstance(data, dict) or "op" in data:
            return data
        ops = [key for key in data if key != "q"]
        if len(ops) != 1:
            raise ValueError(f"a test needs `q` and exactly one operator of {sorted(OPERATORS)}")
        return {"q": data.get("q"), "op": ops[0], "value": data[ops[0]]}

    @model_validator(mode="after")
    def _check_shape(self) -> Leaf:
        if self.op in _FLAG_OPS:
            if not isinstance(self.value, bool):
                raise ValueError(f"`{self.op}` takes true or false")
            return self
        if self.op in _VALUE_LIST_OPS and (not isinstance(self.value, list) or not self.value):
            raise ValueError(f"`{self.op}` takes a non-empty list of values")
        if self.op in _NUMBER_OPS and (type(self.value) is not int):
            raise ValueError(f"`{self.op}` takes a whole number")
        return self

    @property
    def bound(self) -> int:
        """The whole number a `gte` or `lte` test compares with."""
        if type(self.value) is not int:
            raise TypeError(f"`{self.op}` on `{self.q}` compares no number")
        return self.value

    def values(self) -> list[object]:
        """The answer values this test names (none for is_set and empty)."""
        if self.op in _FLAG_OPS:
            return []
        return list(items_of(self.value)) if self.op in _VALUE_LIST_OPS else [self.value]

    def compile(self) -> Predicate:
        return compile_condition(self)


class All(BaseModel):
    """True when every sub-condition holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    all: list[Condition]

    def compile(self) -> Predicate:
        return compile_condition(self)


class AnyOf(BaseModel):
    """True when at least one sub-condition holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    any: list[Condition]

    def compile(self) -> Predicate:
        return compile_condition(self)


class Not(BaseModel):
    """True when the sub-condition does not hold."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    negated: Condition

    @model_validator(mode="before")
    @classmethod
    def _rename(cls, data: object) -> object:
        if isinstance(data, dict) and "not" in data:
            return {"negated": data["not"], **{k: v for k, v in data.items() if k != "not"}}
        return data

    def compile(self) -> Predicate:
        return compile_condition(self)


def _kind(data: object) -> str:
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

ConditionModel = All | AnyOf | Not | Leaf  # a condition once validated


class Choosing(Protocol):
    """What checking a condition needs of a question: its kind and its closed set of values."""

    @property
    def kind(self) -> str: ...

    def choices(self) -> tuple[object, ...]: ...


def fold(condition: ConditionModel, *, leaf: Callable[[Leaf], T], all_: Callable[[list[T]], T],
         any_: Callable[[list[T]], T], not_: Callable[[T], T]) -> T:
    """The one walk over a condition tree: `leaf` maps each test, the others combine."""
    if isinstance(condition, Leaf):
        return leaf(condition)
    if isinstance(condition, Not):
        return not_(fold(condition.negated, leaf=leaf, all_=all_, any_=any_, not_=not_))
    if isinstance(condition, All):
        return all_([fold(c, leaf=leaf, all_=all_, any_=any_, not_=not_) for c in condition.all])
    if isinstance(condition, AnyOf):
        return any_([fold(c, leaf=leaf, all_=all_, any_=any_, not_=not_) for c in condition.any])
    raise TypeError(f"not a condition: {type(condition).__name__}")


def _compile_leaf(leaf: Leaf) -> Predicate:
    """One test as a closure with a single call level (the hot path of every evaluation);
    each does what OPERATORS says for its operator."""
    field, expected, op = leaf.q, leaf.value, leaf.op
    if op == "eq":
        return lambda answers: getattr(answers, field) == expected
    if op in ("in", "not_in", "has_any"):
        values = frozenset(items_of(expected))
        if op == "in":
            return lambda answers: getattr(answers, field) in values
        if op == "not_in":
            return lambda answers: getattr(answers, field) not in values
        return lambda answers: not values.isdisjoint(getattr(answers, field) or ())
    test = OPERATORS[op]
    return lambda answers: test(getattr(answers, field), expected)


def _compile_all(parts: list[Predicate]) -> Predicate:
    if len(parts) == 2:
        first, second = parts
        return lambda answers: first(answers) and second(answers)
    frozen = tuple(parts)
    return lambda answers: all(p(answers) for p in frozen)


def _compile_any(parts: list[Predicate]) -> Predicate:
    if len(parts) == 2:
        first, second = parts
        return lambda answers: first(answers) or second(answers)
    frozen = tuple(parts)
    return lambda answers: any(p(answers) for p in frozen)


def _compile_not(inner: Predicate) -> Predicate:
    return lambda answers: not inner(answers)


def compile_condition(condition: ConditionModel) -> Predicate:
    """A condition as a fast predicate over answers read as attributes."""
    return fold(condition, leaf=_compile_leaf, all_=_compile_all, any_=_compile_any,
                not_=_compile_not)


def _concat(parts: list[list[Leaf]]) -> list[Leaf]:
    return [leaf for part in parts for leaf in part]


def leaves(condition: ConditionModel) -> list[Leaf]:
    """Every test in a condition, in order."""
    return fold(condition, leaf=lambda leaf: [leaf], all_=_concat, any_=_concat,
                not_=lambda inner: inner)


def questions_used(condition: ConditionModel) -> set[str]:
    """Every question id a condition reads (for completeness checks)."""
    return {leaf.q for leaf in leaves(condition)}


def condition_problems(condition: ConditionModel, questions: Mapping[str, Choosing]) -> list[str]:
    """What is wrong with a condition against a bank's questions (by id): unknown ids, values
    the question does not allow, number tests on questions that are not numbers."""
    problems = []
    for leaf in leaves(condition):
        question = questions.get(leaf.q)
        if question is None:
            problems.append(f"`{leaf.q}` is not a question id")
            continue
        allowed = question.choices()
        if leaf.op in _NUMBER_OPS and question.kind != "integer":
            problems.append(f"`{leaf.op}` compares numbers; `{leaf.q}` is a {question.kind}")
        if leaf.op in _ONE_VALUE_OPS and question.kind == "multi_choice":
            problems.append(f"`{leaf.op}` tests one value; `{leaf.q}` is a list: use `has_any` "
                            "or `empty`")
        bad = [v for v in leaf.values() if allowed and v not in allowed]
        if bad:
            problems.append(f"{bad} not among the values of `{leaf.q}`: {list(allowed)}")
    return problems
