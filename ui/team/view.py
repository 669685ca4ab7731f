"""The team view: who answered what, where they disagree and who holds the team verdict, the team
recommendation, the charts and the exports."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from formats.cells import to_csv
from logic.assessment import assess
from logic.team import TeamAnalysis
from logic.team_words import (
    NOT_APPLICABLE,
    TeamWords,
    section_scores,
    shown_score,
    team_words,
    who,
)
from questions.values import Document
from report.team import build_team_pdf
from storage.teams import Response
from ui import language
from ui.banner import show_readings
from ui.i18n import tr
from ui.plan_view import lay_out
from ui.resources import bank, knowledge
from ui.team.common import analysis_of, teams
from ui.text import plain


def _person(i: int, r: Response) -> str:
    """A respondent's label for charts: numbered (names may repeat), HTML-escaped for plotly."""
    return html.escape(f"{i + 1}. {r.name} ({r.role})")


def _table(people: list[Response], analysis: TeamAnalysis) -> pd.DataFrame:
    """Every respondent with their verdict, what drives and holds it, and their section scores
    ("n/a" where a section does not apply, as in the heatmap): the export's rows."""
    kb = knowledge()
    rows = []
    scores = section_scores(analysis, bank())
    for person, rec, score in zip(people, analysis.recommendations, scores, strict=True):
        rows.append({
            "Name": person.name, "Role": person.role, "Verdict": kb.verdicts[rec.verdict].label,
            "Drivers": ", ".join(kb.drivers[d].label for d in rec.drivers),
            "Blockers": ", ".join(kb.blockers[b].label for b in rec.blockers),
            **{title: str(value) for title, value in score.items()},
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
    row: Document = {column: "" for column in out.columns}
    row.update({
        "Name": "TEAM (consensus)", "Verdict": kb.verdicts[team.verdict].label,
        "Drivers": ", ".join(kb.drivers[d].label for d in team.drivers),
        "Blockers": ", ".join(kb.blockers[b].label for b in team.blockers),
        **{titles[s]: NOT_APPLICABLE if s in team.not_applicable else str(score)
           for s, score in team.scores.items() if titles[s] in out.columns},
        "Alone keeps from the team verdict": "Disagreements, most consequential first: "
        + "; ".join(f"{label[d.question]} ({sum(d.counts.values()) - max(d.counts.values())} "
                    "differ)" for d in analysis.disagreements) if analysis.disagreements
        else "No disagreements",
    })
    return pd.concat([out, pd.DataFrame([row])], ignore_index=True)


HEATMAP_ROWS = 40  # respondents drawn in the heatmap; every one is in the table and exports


def _charts(people: list[Response], analysis: TeamAnalysis, sub: str) -> None:
    sections = [s for s in bank().sections[1:]]
    shown = people[:HEATMAP_ROWS]
    scores = section_scores(analysis, bank())[:HEATMAP_ROWS]
    lang = language.current()
    heat = go.Figure(go.Heatmap(  # numbers in the cells; a colour-blind-safe scale
        z=[[None if row[s.title] == NOT_APPLICABLE else row[s.title] for s in sections]
           for row in scores],  # a section that does not apply is a gap, not a score of 0
        text=[[shown_score(row[s.title], lang) for s in sections] for row in scores],
        texttemplate="%{text}", x=[s.title for s in sections],
        y=[_person(i, p) for i, p in enumerate(shown)], zmin=0, zmax=100,
        colorscale="Cividis", hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
    ))
    # the section names under the cells, slanted, with room made for the longest (German's)
    heat.update_layout(height=190 + 28 * len(shown), margin={"l": 10, "r": 10, "t": 10, "b": 10},
                       yaxis={"autorange": "reversed"},
                       xaxis={"automargin": True, "tickangle": -35})
    kb = knowledge(language_code=language.current())
    spread_fig = go.Figure(go.Bar(
        x=[kb.verdicts[v].label for v in analysis.verdict_counts],
        y=list(analysis.verdict_counts.values()),
        marker_color=["#455a64", "#b26a00", "#2e7d32"], text=list(analysis.verdict_counts.values()),
    ))
    spread_fig.update_layout(height=260, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                             yaxis={"title": tr("Respondents"), "tickformat": ",d",
                                    "dtick": 1 if len(people) <= 10 else None})
    left, right = st.columns([3, 2])
    left.markdown(f"{sub} " + tr("Section scores by respondent"))
    left.plotly_chart(heat, config={"displayModeBar": False}, key="team_heatmap")
    first = (tr("The first {shown} of {n} respondents are drawn.", shown=HEATMAP_ROWS,
                n=len(people)) + " " if len(people) > HEATMAP_ROWS else "")
    left.caption(first + tr("The chart in words: each respondent's score for each section, 0 "
                            "to 100, darker for a lower fit, n/a where the section does not "
                            "apply to their answers; the same in the team table (CSV) and the "
                            "team report, for every respondent."))
    right.markdown(f"{sub} " + tr("Verdict spread"))
    right.plotly_chart(spread_fig, config={"displayModeBar": False}, key="team_spread")
    counts = "; ".join(f"{kb.verdicts[v].label} {n}" for v, n in analysis.verdict_counts.items())
    right.caption(tr("The chart in words: {counts} (of {n} respondent).", counts=counts,
                     n=len(people)) if len(people) == 1 else
                  tr("The chart in words: {counts} (of {n} respondents).", counts=counts,
                     n=len(people)))


def _holding(words: TeamWords, sub: str) -> None:
    """Per question that matters, who holds the team from another verdict, and what they
    answered: one card a question, readable at any width."""
    st.markdown(f"{sub} " + tr("Who holds the team verdict"))
    if not words.holding:
        st.caption(tr("Nobody: no single answer, aligned with the team's, moves the team's or a "
                      "respondent's verdict."))
        return
    for index, held in enumerate(words.holding):
        with st.container(border=True, key=f"holding_{index}"):
            st.markdown(f"**{plain(held.question)}**  \n"
                        + tr("Team answer: {answer}", answer=plain(held.team_answer)))
            st.markdown("\n".join(f"- {plain(line)}" for line in held.lines))


def _respondents(people: list[Response], analysis: TeamAnalysis, sub: str) -> None:
    """Each respondent's verdict and what holds it back: three columns, so the verdicts stay
    in view on a phone (section scores: the heatmap and the exports)."""
    kb = knowledge(language_code=language.current())
    st.markdown(f"{sub} " + tr("Respondents"))
    respondent, verdict, held, nothing = (tr("Respondent"), tr("Verdict"),
                                          tr("What holds it back"), tr("Nothing"))
    with st.container(key="team_table"):
        st.dataframe(pd.DataFrame([{
            respondent: who([(p.name, p.role) for p in people], i),
            verdict: kb.verdicts[rec.verdict].label,
            held: ", ".join(kb.blockers[b].label for b in rec.blockers) or nothing,
        } for i, (p, rec) in enumerate(zip(people, analysis.recommendations, strict=True))]),
            hide_index=True)


def _others(words: TeamWords, sub: str) -> None:
    st.markdown(f"{sub} " + tr("Where the team disagrees without changing a verdict"))
    if not words.others:
        st.caption(tr("Nowhere else: every other question has one answer from everyone.")
                   if words.holding else tr("Nowhere: every respondent gave the same answers."))
        return
    st.markdown("\n".join("- " + tr("**{question}**: {given}; team answer {team}",
                                     question=plain(question), given=plain(given),
                                     team=plain(team))
                           for question, given, team in words.others))


def team_view(token: str, name: str, people: list[Response] | None = None, *,
              page_heading: bool = True, manage: bool = False) -> None:
    """The team verdict first, who holds it there and what they answered, each respondent's
    verdict, the charts, the other disagreements and the exports (`people`: the team's
    responses when the caller has read them already; `page_heading`: the view is the page, its
    heading the page's h1; `manage`: `token` is the team's manage link, which may change the
    action plan)."""
    people = teams().responses(token) if people is None else people
    (st.title if page_heading else st.header)(tr("Team view: {name}", name=plain(name)))
    if not people:
        st.info(tr("No answers yet. Share the invite link; each colleague's verdict appears "
                   "here."), icon=":material/hourglass_empty:")
        return
    result = analysis_of(json.dumps([p.answers for p in people], sort_keys=True))
    if result is None:
        st.warning(tr("None of the saved answers can be read with this version of the app."))
        return
    analysis, kept, behind = result
    if len(kept) < len(people):
        st.warning(tr("{n} respondent left out: this version of the app cannot read their "
                      "saved answers.", n=len(people) - len(kept))
                   if len(people) - len(kept) == 1 else
                   tr("{n} respondents left out: this version of the app cannot read their "
                      "saved answers.", n=len(people) - len(kept)))
        people = [people[i] for i in kept]
    if behind:
        st.info(tr("{n} respondent answered an earlier version of the questionnaire: the "
                   "questions added since count as unanswered for them until they revise their "
                   "answers.", n=behind) if behind == 1 else
                tr("{n} respondents answered an earlier version of the questionnaire: the "
                   "questions added since count as unanswered for them until they revise their "
                   "answers.", n=behind), icon=":material/update:")
    lang = language.current()
    words = team_words(analysis, [(p.name, p.role) for p in people], bank(),
                       knowledge(language_code=lang), lang)
    _team_recommendation(analysis, words)
    sub = "##" if page_heading else "###"  # one level under the view's own heading
    st.markdown(f"{sub} " + tr("The team's action plan"))
    lay_out(assess(analysis.consensus_answers, knowledge(), language=language.current()),
            teams().plan(token),
            token if manage else None, team=True, scope=f"team:{name}")
    _holding(words, sub)
    _respondents(people, analysis, sub)
    if len(people) <= HEATMAP_ROWS or st.toggle(
            tr("Show the charts (section scores by respondent, verdict spread)"),
            key="team_charts",
            help=tr("Off by default for large teams: the charts are the slowest part of the "
                    "page.")):
        _charts(people, analysis, sub)
    _others(words, sub)
    _exports(name, people, analysis, _table(people, analysis))


def _team_recommendation(analysis: TeamAnalysis, words: TeamWords) -> None:
    assessment = assess(analysis.consensus_answers, knowledge(), language=language.current())
    show_readings(assessment)
    (st.warning if analysis.split else st.markdown)(plain(words.headline()))
    st.markdown(tr("**Why:** {reason}", reason=plain(assessment.explained.deciding.text)))
    if assessment.band:
        st.info(assessment.band.markdown(), icon=":material/help:")
    st.caption(tr("The team recommendation rests on the team's answers.") + " "
               + plain(words.consensus))
    with st.expander(tr("Why the team verdict: each reason"), icon=":material/help:"):
        rule, reason, facts = tr("Rule"), tr("Reason"), tr("Facts")
        st.table(pd.DataFrame([{rule: r.rule, reason: r.text,
                                facts: ", ".join(f.id for f in r.facts)}
                               for r in assessment.explained.reasons]).set_index(rule))


def _exports(name: str, people: list[Response], analysis: TeamAnalysis,
             table: pd.DataFrame) -> None:
    kb = knowledge()
    now = datetime.now(UTC)
    csv_col, pdf_col = st.columns(2)
    csv_col.download_button(tr("Team table (CSV)"),
                            data=team_csv(export_table(table, analysis)),
                            file_name="team.csv",
                            mime="text/csv", key="team_csv", icon=":material/table:",
                            on_click="ignore", width="stretch")
    pdf_col.download_button(
        tr("Team report (PDF)"),
        data=partial(build_team_pdf, name, [(p.name, p.role) for p in people], analysis, kb,
                     bank(), generated_at=now, language=language.current()),
        file_name="team-report.pdf", mime="application/pdf", key="team_pdf",
        icon=":material/picture_as_pdf:", on_click="ignore", width="stretch")

