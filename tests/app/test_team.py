"""The team flow through AppTest: start, join, submit, revise, and the team view."""

from __future__ import annotations

import csv
import io

import pandas as pd

from tests.app.helpers import button, fill_all, shown, start
from tests.conftest import case
from ui.team.view import team_csv

TEAM_PAGE = "ui/pages/team.py"


def _team_page(**query: str):
    at = start(**query)
    return at.switch_page(TEAM_PAGE).run()


def _create_team(name: str = "Hosting review"):
    at = _team_page()
    at.text_input[0].set_value(name)
    at.button[0].click().run()
    return at.session_state["session"].team.created


def _enter(invite: str, name: str, role: str):
    """Open the invite link, give a name and a role, press Answer the questionnaire."""
    at = _team_page(t=invite)
    inputs = {i.label: i for i in at.text_input}
    inputs["Your name"].set_value(name)
    inputs["Your role"].set_value(role)
    next(b for b in at.button if b.label == "Answer the questionnaire").click().run()
    return at


def _join(invite: str, name: str, role: str, answers: dict):
    at = _enter(invite, name, role)
    assert any("Answering for the team" in i.value for i in at.info), "on the questionnaire"
    at.switch_page("ui/pages/assessment.py")  # AppTest keeps its own idea of the page
    fill_all(at, answers)
    button(at, "team_submit").click().run()
    return at


def test_start_a_team_gives_invite_and_view_links():
    at = _team_page()
    at.text_input[0].set_value("Hosting review")
    at.button[0].click().run()
    codes = [c.value for c in at.code]
    assert any("team?t=" in c for c in codes) and any("team?tv=" in c for c in codes)


def test_two_colleagues_answer_differently_and_the_view_shows_both():
    links = _create_team()
    _join(links.invite, "Ana", "CTO", case("starlink_startup")["answers"])
    ben = _join(links.invite, "Ben", "SRE lead",
                {**case("starlink_startup")["answers"], "contractual_sla": True})
    assert ben.session_state["session"].team.context.respondent
    view = _team_page(tv=links.view)
    assert not view.exception
    table = view.dataframe[0].value
    assert list(table["Respondent"]) == ["Ana (CTO)", "Ben (SRE lead)"]
    assert list(table["Verdict"]) == ["Evaluate", "Monitor"]
    assert list(table.columns) == ["Respondent", "Verdict", "What holds it back"], (
        "three columns: the verdicts stay in view on a phone")
    split = "The team is split: 1 respondent reaches Evaluate and 1 respondent reaches Monitor."
    assert any(w.value.replace("\\", "").startswith(split) for w in view.warning), "no ids"
    # the team verdict under the article, and what the newest record says of it
    assert any(w.value.startswith("From the news report\n\n**Monitor**") for w in view.warning)
    assert any("does not change this verdict" in m.value for m in view.markdown)
    assert any(c.value.startswith("Knowledge checked") for c in view.caption)
    # who holds the team verdict leads, in words: the question, the team's answer, and who
    # answered otherwise with what that answer alone would do
    texts = [m.value.replace("\\", "") for m in view.markdown]  # as read: no escapes
    heading = texts.index("## Who holds the team verdict")  # under the view's h1
    card = texts[heading + 1]
    assert card.startswith("**Do you need a contractual SLA with service credits?**")
    assert "Team answer: Yes" in card, "the tie went to the SLA"
    assert texts[heading + 2].startswith("- Ana (CTO) answered “No”: with that answer "
                                          "alone, the team verdict would be Evaluate")
    assert heading < texts.index("## Respondents"), "the disagreement before the table"
    assert not any("Verdicts that change" in t for t in texts)
    assert not any(b.label == "Answer the questionnaire" for b in view.button), "read-only"


def test_team_of_one_works():
    links = _create_team("Solo")
    _join(links.invite, "Ana", "CTO", case("retailer_nothing_relevant")["answers"])
    view = _team_page(tv=links.view)
    assert list(view.dataframe[0].value["Verdict"]) == ["No action"]
    assert not view.warning


def test_empty_team_says_so():
    links = _create_team("Empty")
    view = _team_page(tv=links.view)
    assert any("No answers yet" in i.value for i in view.info)


def test_unknown_and_malformed_team_links():
    from storage.tokens import new_token

    assert any("Not found" in e.value for e in _team_page(tv=new_token()).error)
    assert any("This link looks damaged" in e.value for e in _team_page(t="x" * 500).error)


def test_csv_neutralises_formulas():
    table = pd.DataFrame([{"Name": "=HYPERLINK(\"x\")", "Role": "+SUM(A1)", "Verdict": "Monitor",
                           "Notes": "-1", "Other": "@cmd"}])
    row = next(csv.DictReader(io.StringIO(team_csv(table))))
    assert row == {"Name": "'=HYPERLINK(\"x\")", "Role": "'+SUM(A1)", "Verdict": "Monitor",
                   "Notes": "'-1", "Other": "'@cmd"}


def test_the_creator_renews_the_invite_and_removes_a_respondent():
    from storage import Store
    from storage.teams import TeamStore

    created = _create_team()
    assert created.manage
    teams = TeamStore(Store.open())  # the same database as the app (the test's own)
    for name in ("Ana", "Spam bot", "Ben"):
        teams.add_response(created.invite, name, "Role", case("starlink_startup")["answers"])

    at = _team_page(tm=created.manage)
    assert not at.exception
    assert any("manage link" in i.value for i in at.info)
    spam = next(r for r in teams.responses(created.view) if r.name == "Spam bot")
    at.selectbox(key="remove_choice").set_value(spam.id).run()
    button(at, "remove_respondent").click().run()
    assert [r.name for r in teams.responses(created.view)] == ["Ana", "Ben"]
    assert any("Removed Spam bot (Role)" in s.value.replace("\\", "") for s in at.success)
    record = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "Spam bot (Role), removed" in record and "can be undone until" in record
    button(at, f"undo_{spam.id}").click().run()
    assert [r.name for r in teams.responses(created.view)] == ["Ana", "Spam bot", "Ben"]
    assert any("Spam bot is back in the team" in s.value.replace("\\", "") for s in at.success)
    at.selectbox(key="remove_choice").set_value(spam.id).run()
    button(at, "remove_respondent").click().run()

    button(at, "renew_invite").click().run()
    fresh = next(c.value for c in at.code if "?t=" in c.value).split("?t=")[1]
    assert fresh != created.invite
    assert any("Not found" in e.value for e in _team_page(t=created.invite).error)
    assert not _team_page(t=fresh).error


def test_a_view_link_does_not_open_the_manage_page():
    created = _create_team()
    at = _team_page(tm=created.view)
    assert any("Not found" in e.value for e in at.error)


def test_a_large_team_shows_its_table_first_and_the_charts_on_request():
    from storage import Store
    from storage.teams import TeamStore
    from ui.team.view import HEATMAP_ROWS

    created = _create_team("Company-wide review")
    teams = TeamStore(Store.open())
    for i in range(HEATMAP_ROWS + 1):
        teams.add_response(created.invite, f"Person {i}", "Architect",
                           case("starlink_startup")["answers"])
    at = _team_page(tv=created.view)
    assert not at.exception
    assert len(at.dataframe[0].value) == HEATMAP_ROWS + 1, "every respondent in the table"
    assert not at.get("plotly_chart"), "no charts until asked for"
    at.toggle(key="team_charts").set_value(True).run()
    assert len(at.get("plotly_chart")) == 2
    assert any(f"first {HEATMAP_ROWS} of {HEATMAP_ROWS + 1}" in c.value for c in at.caption)


def test_a_long_team_name_is_cut_with_a_note_and_a_long_name_is_refused_with_a_message():
    at = _team_page()
    at.text_input[0].set_value("Q" * 300)
    at.button[0].click().run()
    assert any("The team name was cut to 120 characters (it had 300)" in i.value
               for i in at.info)
    invite = at.session_state["session"].team.created.invite
    join = _enter(invite, "N" * 200, "CTO")
    assert any("Your name has 200 characters; at most 80" in e.value for e in join.error)
    assert join.session_state["session"].team.context is None, "not joined with a mangled name"


def test_submit_to_the_team_comes_first_on_the_result_and_the_heatmap_shows_numbers():
    links = _create_team()
    at = _enter(links.invite, "Ana", "CTO")
    at.switch_page("ui/pages/assessment.py")
    fill_all(at, case("starlink_startup")["answers"])
    keys = [b.key for b in at.button]
    assert keys.index("team_submit") < keys.index("share"), "submit before the rest"
    button(at, "team_submit").click().run()
    view = _team_page(tv=links.view)
    spec = next(c for c in view.get("plotly_chart") if "Heatmap" in c.proto.spec
                or '"heatmap"' in c.proto.spec).proto.spec
    assert "#00224e" in spec, "Cividis, a colour-blind-safe scale"
    assert "texttemplate" in spec, "numbers in the cells"
    words = " ".join(c.value for c in view.caption)
    assert "No action 0; Monitor 0; Evaluate 1 (of 1 respondent)" in words, "the spread in words"
    assert "in the team table (CSV) and the team report" in words, "where the numbers are"


def test_the_csv_export_carries_the_team_verdict_and_the_disagreements(kb):
    from logic.team import analyse
    from questions.documents import parse_answers
    from ui.team.view import _table, export_table

    base = case("starlink_startup")["answers"]
    people = [parse_answers(base), parse_answers({**base, "contractual_sla": True})]
    analysis = analyse(people, kb)
    responses = [type("R", (), {"name": n, "role": "Architect"})() for n in ("Ana", "Ben")]
    rows = list(csv.DictReader(io.StringIO(team_csv(export_table(
        _table(responses, analysis), analysis)))))
    assert [r["Name"] for r in rows] == ["Ana", "Ben", "TEAM (consensus)"]
    assert rows[-1]["Verdict"] == kb.verdicts[analysis.consensus_recommendation.verdict].label
    assert "Do you need a contractual SLA with service credits?" in rows[-1][
        "Alone keeps from the team verdict"]
    keeps = {r["Name"]: r["Alone keeps from the team verdict"] for r in rows[:2]}
    assert bool(keeps["Ana"]) != bool(keeps["Ben"]), "the one who differs is named"


def test_a_respondent_who_reloads_keeps_the_team_and_the_answers():
    """Regression: a reload mid-questionnaire kept the answers but lost the team (no banner,
    no Submit to the team)."""
    links = _create_team()
    at = _enter(links.invite, "Ana Ode", "SRE lead")
    assert at.query_params["ti"] in (links.invite, [links.invite])
    joined = {k: v[0] if isinstance(v, list) else v for k, v in at.query_params.items()}
    assert joined.get("d"), "a draft of their own from the start"
    assert not any(word in value for value in joined.values()
                   for word in ("Ana", "Ode", "SRE", "lead")), (
        f"the name and role stay out of the address: {joined}")
    early = start(**joined)  # a reload before the first answer
    assert any("as **Ana Ode** (SRE lead)" in i.value for i in early.info)
    at.switch_page("ui/pages/assessment.py")
    fill_all(at, case("starlink_startup")["answers"])
    params = {k: v[0] if isinstance(v, list) else v for k, v in at.query_params.items()}
    assert params.get("d"), "the draft is in the address too"
    assert not any("Ana" in value or "SRE" in value for value in params.values()), params
    reloaded = start(**params)
    assert any("Answering for the team **Hosting review** as **Ana Ode**" in i.value
               for i in reloaded.info)
    assert any(b.key == "team_submit" for b in reloaded.button), "submit is still there"
    button(reloaded, "team_submit").click().run()
    after = {k: v[0] if isinstance(v, list) else v for k, v in reloaded.query_params.items()}
    assert after.get("tr") and "ti" not in after, "after submitting, their own link"
    again = start(**after)
    assert any(b.label == "Update my team answers" for b in again.button)


def test_an_address_from_before_keeps_its_respondent_and_loses_the_name():
    """A bookmark made when the name and role travelled in the address (`tn`, `tro`) still
    answers for the team; the name and role move into the draft and out of the address."""
    from ui.resources import store

    links = _create_team()
    draft = store().create_draft({"bank_version": 1, "industry": "media"}, {})
    old = start(d=draft, ti=links.invite, tn="Ben", tro="Compliance")
    assert any("as **Ben** (Compliance)" in i.value for i in old.info)
    assert "tn" not in old.query_params and "tro" not in old.query_params
    assert store().load_draft(draft).respondent == ("Ben", "Compliance")
    again = start(d=draft, ti=links.invite)
    assert any("as **Ben** (Compliance)" in i.value for i in again.info)


def test_the_creator_who_reloads_lands_on_the_manage_page():
    """Regression: the creator lost both links on reload (no token in the address)."""
    at = _team_page()
    at.text_input[0].set_value("Hosting review")
    at.button[0].click().run()
    made = at.session_state["session"].team.created
    manage = at.query_params["tm"]
    assert manage in (made.manage, [made.manage])
    reloaded = _team_page(tm=made.manage)
    assert any("Your manage link for this team" in i.value for i in reloaded.info)
    assert any(b.key == "renew_invite" for b in reloaded.button)


def test_reopening_the_invite_link_resumes_instead_of_wiping():
    links = _create_team()
    at = _enter(links.invite, "Ana", "CTO")
    at.switch_page("ui/pages/assessment.py")
    at.run()
    from tests.app.helpers import widget

    widget(at, "org_name").set_value("Ana's unit").run()
    at.switch_page(TEAM_PAGE)
    at.query_params["t"] = links.invite
    at.run()
    assert any("already answering for this team as **Ana**" in i.value for i in at.info)
    button(at, "resume_team").click().run()
    assert at.session_state["session"].form["org_name"] == "Ana's unit", "nothing wiped"


def test_the_teams_plan_is_set_on_its_manage_page_and_read_on_its_view():
    """The manage page gives each of the team's next actions a Plan… form; saved, the owner
    shows on the read-only view too, which has no form. The manage page can watch the team."""
    from storage import Store
    from storage.teams import TeamStore

    created = _create_team()
    TeamStore(Store.open()).add_response(created.invite, "Ana", "CTO",
                                        case("starlink_startup")["answers"])
    manage = _team_page(tm=created.manage)
    assert any(m.value.endswith("The team's action plan") for m in manage.markdown)
    manage.text_input(key="plan_owner_ask_OQ2").set_value("Ana")
    manage.selectbox(key="plan_status_ask_OQ2").set_value("asked")
    next(b for b in manage.button if b.key == "plan_save_ask_OQ2").click().run()
    assert any(shown(s.value) == "Saved to the plan." for s in manage.success)
    view = _team_page(tv=created.view)
    assert not view.exception
    text = " ".join(shown(m.value) for m in view.markdown)
    assert "Asked, owner Ana." in text
    assert not [t for t in view.text_input if t.key.startswith("plan_owner_")], "read-only"
    assert any(c.value.endswith("Only the manage link changes the plan.") for c in view.caption)
    next(b for b in manage.button if b.key == "watch_start").click().run()
    assert any("/feed/" in c.value for c in manage.code)


def test_two_respondents_with_the_same_name_and_role_are_told_apart_when_removing():
    """Regression: the removal list showed "Ana (CTO)" twice, and a select box gives back the
    last option with a matching label, so choosing the first removed the second."""
    from storage import Store
    from storage.teams import TeamStore

    created = _create_team()
    teams = TeamStore(Store.open())
    answers = case("starlink_startup")["answers"]
    teams.add_response(created.invite, "Ana", "CTO", answers)
    teams.add_response(created.invite, "Ana", "CTO", {**answers, "starlink": "no"})
    teams.add_response(created.invite, "Ben", "SRE", answers)
    at = _team_page(tm=created.manage)
    choice = at.selectbox(key="remove_choice")
    assert len(set(choice.options)) == 3
    assert "Ben (SRE)" in choice.options, "a name given once reads as given"
    first = next(r for r in teams.responses(created.view) if r.name == "Ana")
    choice.select_index(0).run()
    button(at, "remove_respondent").click().run()
    left = teams.responses(created.view)
    assert [(r.name, r.answers.get("starlink")) for r in left] == [("Ana", "no"), ("Ben", "yes")]
    assert first.id not in {r.id for r in left}
