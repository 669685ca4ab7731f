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
