"""The team page: start a team, join it, and the team view of where colleagues agree."""

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
from logic.team import TeamAnalysis, analyse
from questions.answers import Answers, AnswersError
from questions.documents import parse_answers
from questions.migrate import read_answers
from report.team import answer_text, build_team_pdf, named, spread
from storage import StorageLimit
from storage.teams import MAX_NAME, MAX_ROLE, MAX_TEAM_NAME, Response, TeamStore
from ui import form, links, state
from ui.banner import show_readings
from ui.links import not_found
from ui.resources import bank, knowledge, store
from ui.text import limited, plain

TEAM_ROUTES = {"t": "invite", "tv": "view", "r": "respondent", "tm": "manage"}
NOT_FOUND = "Not found: no team at this link. Ask whoever invited you for the link again."


def teams() -> TeamStore:
    return TeamStore(store())


@st.cache_resource(max_entries=64, show_spinner=False)  # shared, immutable: never pickled
def _analysis(payload: str) -> tuple[TeamAnalysis, tuple[int, ...], int] | None:
    """The analysis of a team's answers (cached by their content), the positions of the
    respondents it kept (answers this app cannot read at all are left out), and how many
    have questions new since they answered."""
    valid, kept = [], []
    for position, answers in enumerate(json.loads(payload)):
        try:
            valid.append(parse_answers(answers, bank()))
        except AnswersError:
            continue
        kept.append(position)
    if not valid:
        return None
    behind = sum(1 for a in valid if a.unanswered)
    return analyse(valid, knowledge(), bank()), tuple(kept), behind


def start_team() -> None:
    st.header("Start a team assessment")
    st.markdown("Several colleagues answer the same questionnaire; the team view shows, side "
                "by side, where their answers and verdicts differ, and which disagreement to "
                "talk about first.")
    with st.form("new_team"):
        name = st.text_input("Team or decision name", placeholder="Claude hosting review, Q1",
                             help=f"At most {MAX_TEAM_NAME} characters.")
        pressed = st.form_submit_button("Create team", type="primary", icon=":material/add:")
    if pressed:
        name, cut = limited(name, MAX_TEAM_NAME, "The team name")
        if cut:
            st.info(cut, icon=":material/content_cut:")
        try:
            state.session().brakes.take("team")
            made = teams().create(name)
        except StorageLimit as exc:
            st.error(f"Not created: {plain(str(exc))}.")
            return
        state.session().created_team = made
        # the address becomes the creator's manage link: a reload lands on the manage page
        st.query_params.from_dict({"tm": made.manage})
    created = state.session().created_team
    if created:
        st.success("Team created. This page's address is now your private manage link: "
                   "bookmark it, and a reload brings you back to the team.",
                   icon=":material/check:")
        st.caption("Invite link: colleagues open it to add their answers (and see the team view)")
        st.code(links.link("t", created.invite, "team"), language=None)
        st.caption("Read-only link: shows the team view without letting the holder add answers")
        st.code(links.link("tv", created.view, "team"), language=None)
        st.caption("Your private manage link: make a new invite link if the old one leaked, "
                   "remove answers that do not belong (keep it to yourself)")
        st.code(links.link("tm", created.manage, "team"), language=None)


def _join(invite: str, team_name: str) -> None:
    current = state.session().team
    if current is not None and current.invite == invite:  # already answering: resume, not wipe
        st.info(f"You are already answering for this team as **{plain(current.name)}** "
                f"({plain(current.role)}).", icon=":material/groups:")
        if st.button("Continue my answers", key="resume_team", type="primary",
                     icon=":material/arrow_forward:"):
            params = links.team_params(current)
            draft = state.session().draft_token
            if draft:
                params["d"] = draft
            st.switch_page("ui/pages/assessment.py", query_params=params)
        st.caption("Or answer again under another name below (your answers so far are left "
                   "as they are).")
    st.header("Add your answers")
    with st.form("join"):
        name = st.text_input("Your name", help=f"At most {MAX_NAME} characters.")
        role = st.text_input("Your role", placeholder="SRE lead",
                             help=f"At most {MAX_ROLE} characters.")
        go_on = st.form_submit_button("Answer the questionnaire", type="primary",
                                      icon=":material/arrow_forward:")
    if go_on:
        too_long = [f"{what} has {len(text):,} characters; at most {limit} are kept here."
                    for what, text, limit in (("Your name", name, MAX_NAME),
                                              ("Your role", role, MAX_ROLE))
                    if len(text) > limit]
        if too_long:
            st.error(" ".join(too_long) + " Please shorten it.")
            return
        if not name.strip() or not role.strip():
            st.error("Please give your name and your role.")
            return
        links.start_new()
        context = state.TeamContext(team_name, name.strip(), role.strip(), invite=invite)
        state.session().team = context
        st.switch_page("ui/pages/assessment.py", query_params=links.team_params(context))


def _revise(token: str) -> str | None:
    found = teams().response(token)
    if found is None:
        not_found(NOT_FOUND)
        return None
    response, team_name = found
    st.info(f"Your answers in **{plain(team_name)}**, as {plain(response.name)} "
            f"({plain(response.role)}), last changed {response.updated_at:%d %B %Y %H:%M}.",
            icon=":material/person:")
    if st.button("Revise my answers", key="revise", type="primary", icon=":material/edit:"):
        links.start_new()
        try:
            answers, upgraded = read_answers(response.answers, bank())
            state.load(answers.values(), migration=upgraded)
        except AnswersError:
            state.load(form.sanitize(bank(), response.answers))
        context = state.TeamContext(team_name, response.name, response.role, respondent=token)
        state.session().team = context
        st.switch_page("ui/pages/assessment.py", query_params=links.team_params(context))
    return team_name


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
    result = _analysis(json.dumps([p.answers for p in people], sort_keys=True))
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


def team_page() -> None:
    st.title("Team assessment")
    where = links.route(st.query_params.to_dict(), TEAM_ROUTES)
    if where.view == "error":
        not_found(where.problem or "")
    elif where.view == "new":
        start_team()
    elif where.view == "manage":
        manage_team(where.token or "")
    elif where.view == "respondent":
        team_name = _revise(where.token or "")
        if team_name is not None:
            team_view(where.token or "", team_name)
    else:
        info = teams().info(where.token or "")
        if info is None or (where.view == "invite") != info.can_answer:
            not_found(NOT_FOUND)
            return
        if info.can_answer:
            _join(where.token or "", info.name)
        team_view(where.token or "", info.name)


def manage_team(token: str) -> None:
    """The creator's page: renew the invite link, remove respondents, then the team view."""
    info = teams().managed(token)
    if info is None:
        not_found(NOT_FOUND)
        return
    st.info("Your manage link for this team: keep it to yourself.", icon=":material/shield:")
    created = state.session().created_team
    if created is not None and created.manage == token:  # just made here: its links again
        st.caption("Invite link: colleagues open it to add their answers")
        st.code(links.link("t", created.invite, "team"), language=None)
        st.caption("Read-only link: the team view, without adding answers")
        st.code(links.link("tv", created.view, "team"), language=None)
    with st.expander("Invite link and respondents", expanded=True):
        if st.button("Make a new invite link (the old one stops working)", key="renew_invite",
                     icon=":material/autorenew:"):
            fresh = teams().renew_invite(token)
            if fresh is None:
                st.error(NOT_FOUND)
            else:
                st.success("The old invite link no longer works. Send this one to colleagues:",
                           icon=":material/check:")
                st.code(links.link("t", fresh, "team"), language=None)
        people = teams().responses(token)
        if people:
            chosen = st.selectbox(
                "Respondent", range(len(people)), key="remove_choice",
                format_func=lambda i: f"{i + 1}. {people[i].name} ({people[i].role})")
            if st.button("Remove this respondent and their answers", key="remove_respondent",
                         icon=":material/person_remove:"):
                if teams().remove_respondent(token, int(chosen)):
                    st.success("Removed.", icon=":material/check:")
                    st.rerun()
                else:
                    st.error("Not removed: the list changed meanwhile; reload the page.")
    team_view(token, info.name, people)


def submit_panel(answers: Answers, context: state.TeamContext) -> None:
    """On the result of a team respondent: send (or revise) their answers to the team."""
    st.header(f"Your answers for the team {plain(context.team)}")
    label = "Update my team answers" if context.respondent else "Submit to the team"
    if st.button(label, key="team_submit", type="primary", icon=":material/group_add:"):
        document = answers.document(bank())
        try:
            if context.respondent:
                if not teams().revise(context.respondent, document, context.name, context.role):
                    st.error(NOT_FOUND)
                    return
            elif context.invite:
                context.respondent = teams().add_response(
                    context.invite, context.name, context.role, document)
                links.remember_team(context)  # from now on the address holds their own link
            state.session().team_submitted = True
        except (StorageLimit, LookupError) as exc:
            st.error(f"Not submitted: {plain(str(exc))}.")
            return
    if state.session().team_submitted and context.respondent:
        st.success("Your answers are in the team view.", icon=":material/check:")
        st.caption("Your own link, to come back and revise your answers (keep it to yourself)")
        st.code(links.link("r", context.respondent, "team"), language=None)
        st.page_link("ui/pages/team.py", label="Open the team view",
                     query_params={"r": context.respondent}, icon=":material/groups:")
