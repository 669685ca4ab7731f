"""*My assessments*: what the signed-in person made (drafts, shares, teams), each with its
verdict, when it last changed and a button that opens it with a link made for them then."""

from __future__ import annotations

import streamlit as st

from logic.assessment import assess
from questions.migrate import read_complete
from storage.ownership import Mine
from ui import signin
from ui.resources import bank, knowledge, store
from ui.text import plain

KIND_WORDS = {"draft": "Draft", "shared": "Shared assessment", "team": "Team"}
# which page opens a kind, and the query key its link goes under
OPENS = {"draft": ("ui/pages/assessment.py", "d"), "shared": ("ui/pages/assessment.py", "m"),
         "team": ("ui/pages/team.py", "tm")}


def _verdict(item: Mine) -> str:
    """The verdict in words: a share's as stored, a draft's under today's knowledge version."""
    if item.kind == "team":
        people = item.respondents
        return f"{people} respondent{'' if people == 1 else 's'}"
    if item.kind == "shared" and item.verdict:
        label = knowledge().verdicts[item.verdict].label
        return f"**{label}** (knowledge version {item.knowledge_version})"
    read = read_complete(item.answers, bank())
    if isinstance(read, str):
        return f"Not finished: {read}"
    verdict = assess(read[0], knowledge()).recommendation.verdict
    return f"**{knowledge().verdicts[verdict].label}** under today's knowledge version"


def _open(item: Mine) -> None:
    person = signin.person()
    token = store().open_mine(person, item.kind, item.item_id) if person else None
    if token is None:  # not theirs (another person signed in meanwhile) or gone
        st.session_state["mine_problem"] = "That item is not in your assessments."
        st.rerun()  # the message is drawn above the list
    page, key = OPENS[item.kind]
    st.switch_page(page, query_params={key: token})


def mine_page() -> None:
    st.title("My assessments")
    person = signin.person()
    if person is None:
        st.info("Sign in to see the assessments, shares and teams you made here.",
                icon=":material/lock:")
        signin.allowed(change=True)
        return
    st.caption(f"What you made while signed in as {plain(person.label)}, the latest change "
               "first. *Continue* and *Manage* make a new private link for you; the links "
               "you were given when you made them keep working.")
    problem = st.session_state.pop("mine_problem", None)
    if problem:
        st.warning(problem)
    items = store().mine(person)
    if not items:
        st.info("Nothing yet. Start an assessment or a team while signed in and it is listed "
                "here.", icon=":material/inbox:")
        st.page_link("ui/pages/assessment.py", label="Start an assessment",
                     icon=":material/add:")
        return
    for item in items:
        with st.container(border=True, key=f"mine_{item.kind}_{item.item_id}"):
            named = item.name or bank().organisation(item.answers)
            name = plain(named) if named else "Not named yet"
            st.header(name, anchor=False)  # one h2 per item, under the page's h1
            details = [KIND_WORDS[item.kind], _verdict(item),
                       f"last changed {item.changed_at:%Y-%m-%d %H:%M} UTC"]
            if item.milestones:
                details.append(f"{item.milestones} milestone"
                               f"{'' if item.milestones == 1 else 's'}")
            if item.revoked:
                details.append("view link revoked")
            st.markdown(" · ".join(details))
            label = "Continue" if item.kind == "draft" else "Manage"
            if st.button(label, key=f"open_{item.kind}_{item.item_id}",
                         icon=":material/open_in_new:"):
                _open(item)
