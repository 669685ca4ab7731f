"""Plotly figures for the results view."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go


def _colour(score: int) -> str:
    return "#2e7d32" if score >= 67 else "#f9a825" if score >= 34 else "#c62828"


def scores_figure(scores: dict[str, int], titles: dict[str, str],
                  not_applicable: Sequence[str] = (), *, absent: str = "not applicable",
                  axis: str = "Fit with your needs (0 to 100)") -> go.Figure:
    """Horizontal bars, one per section, 0 to 100, coloured by fit; a section with nothing to
    fit reads "not applicable" instead of an empty bar."""
    sections = list(scores)[::-1]
    values = [scores[s] for s in sections]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=[titles.get(s, s) for s in sections],
            orientation="h",
            marker_color=[_colour(v) for v in values],
            text=[absent if s in not_applicable else str(v)
                  for s, v in zip(sections, values, strict=True)],
            textposition="outside",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_layout(
        xaxis={"range": [0, 108], "title": axis, "dtick": 25},
        height=280,
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        showlegend=False,
    )
    return fig
