"""Hypothesis strategies: valid answers objects built from the contract itself."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from logic.answers import ORG_NAME_MAX, QUESTION_IDS, allowed_values

_LISTS = {"workloads": 1, "regulations": 0}


def _field(qid: str) -> st.SearchStrategy[Any]:
    if qid == "org_name":
        return st.none() | st.text(max_size=ORG_NAME_MAX)
    if qid == "latency_target_ms":
        return st.none() | st.integers(10, 10000)
    if qid == "edge_traffic_pct":
        return st.integers(0, 100)
    values = list(allowed_values(qid) or ())
    if qid in _LISTS:
        return st.lists(st.sampled_from(values), min_size=_LISTS[qid], unique=True)
    return st.sampled_from(values)


def answers_dicts() -> st.SearchStrategy[dict[str, Any]]:
    """Every contract field with a valid value."""
    return st.fixed_dictionaries({qid: _field(qid) for qid in QUESTION_IDS})


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
