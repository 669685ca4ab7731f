"""The team view: who answered what, where they disagree and who holds the team verdict, the team
recommendation, the charts and the exports."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from functools import partial
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from formats.cells import to_csv
from logic.assessment import assess
from logic.team import TeamAnalysis
from report.team import answer_text, build_team_pdf, named, spread
from storage.teams import Response
from ui.banner import show_readings
from ui.resources import bank, knowledge
from ui.team.common import analysis_of, teams
from ui.text import plain


def _person(i: int, r: Response) -> str:
    """A respondent's label for charts: numbered (names may repeat), HTML-escaped for plotly."""
    return html.escape(f"{i + 1}. {r.name} ({r.role})")


def _table(people: list[Response], analysis: TeamAnalysis) -> pd.DataFrame:
    kb = knowledge()
    titles = {s.id: s.title for s in bank().sections}
    rows = []
    for person, rec in zip(people, analysis.recommendations, strict=True):
        rows.append({
            "Name": person.name, "Role": person.role, "Verdict": kb.verdicts[rec.verdict].label,
            "Drivers": ", ".join(kb.drivers[d].label for d in rec.drivers),
            "Blockers": ", ".join(kb.blockers[b].label for b in rec.blockers),
            **{titles[s]: score for s, score in rec.scores.items()},
        })
    return pd.DataFrame(rows)


def team_csv(table: pd.DataFrame) -> str:
    """The team table as CSV, every cell neutralised against formula injection."""
    return to_csv(list(table.columns), table.itertuples(index=False))


def export_table(table: pd.DataFrame, analysis: TeamAnalysis) -> pd.DataFrame:
    """The team table for export: each respondent with the answers that alone keep them from
    the team verdict, then the team's own row (its verdict, and the disagreements ranked by
    how much aligning them would change)."""
    kb = knowledge()
    label = {q.id: q.label for q in bank().questions()}
    apart: dict[int, list[str]] = {}
    for d in analysis.disagreements:
        for i in d.holds_apart:
            apart.setdefault(i, []).append(label[d.question])
    out = table.copy()
    out["Alone keeps from the team verdict"] = ["; ".join(apart.get(i, []))
                                                 for i in range(len(out))]
    team = analysis.consensus_recommendation
    titles = {s.id: s.title for s in bank().sections}
    row: dict[str, Any] = {column: "" for column in out.columns}
    row.update({
        "Name": "TEAM (consensus)", "Verdict": kb.verdicts[team.verdict].label,
        "Drivers": ", ".join(kb.drivers[d].label for d in team.drivers),
        "Blockers": ", ".join(kb.blockers[b].label for b in team.blockers),
        **{titles[s]: score for s, score in team.scores.items()},
        "Alone keeps from the team verdict": "Disagreements, most consequential first: "
        + "; ".join(f"{label[d.question]} ({sum(d.counts.values()) - max(d.counts.values())} "
                    "differ)" for d in analysis.disagreements) if analysis.disagreements
        else "No disagreements",
    })
    return pd.concat([out, pd.DataFrame([row])], ignore_index=True)


HEATMAP_ROWS = 40  # respondents drawn in the heatmap; every one is in the table and exports


def _charts(people: list[Response], analysis: TeamAnalysis) -> None:
    sections = [s for s in bank().sections[1:]]
    shown = people[:HEATMAP_ROWS]
    recs = analysis.recommendations[:HEATMAP_ROWS]
    heat = go.Figure(go.Heatmap(  # numbers in the cells; a colour-blind-safe scale
        z=[[rec.scores[s.id] for s in sections] for rec in recs],
        text=[["n/a" if s.id in rec.not_applicable else str(rec.scores[s.id]) for s in sections]
              for rec in recs],
        texttemplate="%{text}", x=[s.title for s in sections],
        y=[_person(i, p) for i, p in enumerate(shown)], zmin=0, zmax=100,
        colorscale="Cividis", hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
    ))
    heat.update_layout(height=120 + 28 * len(shown), margin={"l": 10, "r": 10, "t": 10, "b": 10},
                       yaxis={"autorange": "reversed"})
    kb = knowledge()
    spread_fig = go.Figure(go.Bar(
        x=[kb.verdicts[v].label for v in analysis.verdict_counts],
        y=list(analysis.verdict_counts.values()),
        marker_color=["#455a64", "#b26a00", "#2e7d32"], text=list(analysis.verdict_counts.values()),
    ))
    spread_fig.update_layout(height=260, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                             yaxis={"title": "Respondents", "tickformat": ",d",
                                    "dtick": 1 if len(people) <= 10 else None})
    left, right = st.columns([3, 2])
    left.markdown("### Section scores by respondent")
    left.plotly_chart(heat, config={"displayModeBar": False}, key="team_heatmap")
    first = (f"The first {HEATMAP_ROWS} of {len(people)} respondents are drawn. "
             if len(people) > HEATMAP_ROWS else "")
    left.caption(f"{first}The chart in words: each respondent's score for each section, 0 to "
                 "100, darker for a lower fit; the same numbers are in the section columns of "
                 "the table above, for every respondent, and in the exports.")
    right.markdown("### Verdict spread")
    right.plotly_chart(spread_fig, config={"displayModeBar": False}, key="team_spread")
    right.caption("The chart in words: " + "; ".join(
        f"{kb.verdicts[v].label} {n}" for v, n in analysis.verdict_counts.items())
        + " respondent(s).")


def _disagreements(people: list[Response], analysis: TeamAnalysis) -> None:
    st.markdown("### Where the team disagrees, most consequential first")
    if not analysis.disagreements:
        st.caption("Nowhere: every respondent gave the same answers.")
        return
    st.caption("*Verdicts that change*: respondents whose own verdict moves if they took the "
               "team's answer to that question alone. *Alone keeps from the team verdict*: "
               "respondents whose answer there, with the team's answers everywhere else, gives "
               "another verdict than the team's: the conversation to have with them.")
    who = [(p.name, p.role) for p in people]
    st.dataframe(pd.DataFrame([{
        "Question": bank().question(d.question).label,
        "Answers given": spread(bank(), d.question, d.counts),
        "Team answer": answer_text(bank(), d.question, d.consensus),
        "Verdicts that change": d.verdict_changes,
        "Alone keeps from the team verdict": named(who, d.holds_apart),
    } for d in analysis.disagreements]), hide_index=True, key="disagreements")


def team_view(token: str, name: str, people: list[Response] | None = None) -> None:
    """Every respondent's verdict, the charts, the disagreements and the team recommendation
    (`people`: the team's responses when the caller has read them already)."""
    people = teams().responses(token) if people is None else people
    st.header(f"Team view: {plain(name)}")
    if not people:
        st.info("No answers yet. Share the invite link; each colleague's verdict appears here.",
                icon=":material/hourglass_empty:")
        return
    result = analysis_of(json.dumps([p.answers for p in people], sort_keys=True))
    if result is None:
        st.warning("None of the saved answers can be read with this version of the app.")
        return
    analysis, kept, behind = result
    if len(kept) < len(people):
        st.warning(f"{len(people) - len(kept)} respondent(s) left out: this version of the app "
                   "cannot read their saved answers.")
        people = [people[i] for i in kept]
    if behind:
        st.info(f"{behind} respondent(s) answered an earlier version of the questionnaire: the "
                "questions added since count as unanswered for them until they revise their "
                "answers.", icon=":material/update:")
    _team_recommendation(analysis, len(people))
    table = _table(people, analysis)
    st.dataframe(table, hide_index=True, key="team_table")
    if len(people) <= HEATMAP_ROWS or st.toggle(
            "Show the charts (section scores by respondent, verdict spread)", key="team_charts",
            help="Off by default for large teams: the charts are the slowest part of the page."):
        _charts(people, analysis)
    _disagreements(people, analysis)
    _exports(name, people, analysis, table)


def _team_recommendation(analysis: TeamAnalysis, size: int) -> None:
    assessment = assess(analysis.consensus_answers, knowledge())
    text = assessment.explained
    facts = ", ".join(q.label.lower() for q in bank().questions() if q.fact)
    st.markdown(f"**Team recommendation** from the consensus answers of {size} "
                "respondent(s): each question's most common answer, ties going to the stricter "
                "requirement; for facts about the organisation (" + plain(facts) + ") the "
                "strictest any respondent gave, since one colleague who knows a regulation "
                "applies is enough.")
    show_readings(assessment)
    if analysis.split:
        st.warning(analysis.split_note(), icon=":material/call_split:")
    with st.expander("Why the team verdict", icon=":material/help:"):
        st.table(pd.DataFrame([{"Rule": r.rule, "Reason": r.text,
                                "Facts": ", ".join(f.id for f in r.facts)}
                               for r in text.reasons]).set_index("Rule"))


def _exports(name: str, people: list[Response], analysis: TeamAnalysis,
             table: pd.DataFrame) -> None:
    kb = knowledge()
    now = datetime.now(UTC)
    csv_col, pdf_col = st.columns(2)
    csv_col.download_button("Team table (CSV)", data=team_csv(export_table(table, analysis)),
                            file_name="team.csv",
                            mime="text/csv", key="team_csv", icon=":material/table:",
                            on_click="ignore", width="stretch")
    pdf_col.download_button(
        "Team report (PDF)",
        data=partial(build_team_pdf, name, [(p.name, p.role) for p in people], analysis, kb,
                     bank(), generated_at=now),
        file_name="team-report.pdf", mime="application/pdf", key="team_pdf",
        icon=":material/picture_as_pdf:", on_click="ignore", width="stretch")

