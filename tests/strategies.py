"""Hypothesis strategies: valid answers built from the question bank itself, by question kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from questions.schema import AnyQuestion, QuestionBank, default_bank


def _choice(q: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(q.choices())


def _multi(q: Any) -> st.SearchStrategy[Any]:
    return st.lists(st.sampled_from(q.choices()), min_size=q.min_selected, unique=True)


def _integer(q: Any) -> st.SearchStrategy[Any]:
    numbers = st.integers(q.min, q.max)
    return st.none() | numbers if q.nullable else numbers


def _text(q: Any) -> st.SearchStrategy[Any]:
    return st.none() | st.text(max_size=q.max_length)


KINDS: dict[str, Callable[[Any], st.SearchStrategy[Any]]] = {
    "choice": _choice, "boolean": _choice, "multi_choice": _multi, "integer": _integer,
    "text": _text,
}


def value_of(question: AnyQuestion) -> st.SearchStrategy[Any]:
    """Any value the form could give this question."""
    return KINDS[question.kind](question)


def answers_dicts(bank: QuestionBank | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """Every question of the bank with a valid value."""
    bank = bank or default_bank()
    return st.fixed_dictionaries({q.id: value_of(q) for q in bank.questions()})


def json_values(*extra_leaves: Any) -> st.SearchStrategy[Any]:
    """Any JSON value (nested lists and objects too), with `extra_leaves` mixed in."""
    leaves = (st.none() | st.booleans() | st.integers(-100, 20_000) | st.floats(allow_nan=False)
              | st.text(max_size=60))
    if extra_leaves:
        leaves = leaves | st.sampled_from(extra_leaves)
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                    max_size=3),
        max_leaves=8,
    )
