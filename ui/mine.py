"""*My assessments*: what the signed-in person made (drafts, shares, teams), each with its
verdict, when it last changed and a button that opens it with a link made for them then."""

from __future__ import annotations

import streamlit as st

from i18n import marked
from logic.assessment import assess
from logic.wording import day_text
from questions.migrate import read_complete
from storage.ownership import Mine
from ui import language, signin
from ui.i18n import tr
from ui.resources import bank, knowledge, store
from ui.text import plain

KIND_WORDS = {"draft": marked("Draft"), "shared": marked("Shared assessment"),
              "team": marked("Team")}
# which page opens a kind, and the query key its link goes under
OPENS = {"draft": ("ui/pages/assessment.py", "d"), "shared": ("ui/pages/assessment.py", "m"),
         "team": ("ui/pages/team.py", "tm")}


def _verdict(item: Mine) -> str:
    """The verdict in words: a share's as stored, a draft's under today's knowledge version."""
    if item.kind == "team":
        people = item.respondents
        return (tr("{n} respondent", n=people) if people == 1 else
                tr("{n} respondents", n=people))
    words = knowledge(language_code=language.current())
    if item.kind == "shared" and item.verdict:
        return tr("**{verdict}** (knowledge version {version})",
                  verdict=words.verdicts[item.verdict].label, version=item.knowledge_version)
    read = read_complete(item.answers, bank())
    if isinstance(read, str):
        return tr("Not finished: {reason}", reason=tr(read))
    verdict = assess(read[0], knowledge()).recommendation.verdict
    return tr("**{verdict}** under today's knowledge version",
              verdict=words.verdicts[verdict].label)


def _open(item: Mine) -> None:
    person = signin.person()
    token = store().open_mine(person, item.kind, item.item_id) if person else None
    if token is None:  # not theirs (another person signed in meanwhile) or gone
        st.session_state["mine_problem"] = tr("That item is not in your assessments.")
        st.rerun()  # the message is drawn above the list
    page, key = OPENS[item.kind]
    st.switch_page(page, query_params={key: token})


def mine_page() -> None:
    st.title(tr("My assessments"))
    person = signin.person()
    if person is None:
        st.info(tr("Sign in to see the assessments, shares and teams you made here."),
                icon=":material/lock:")
        signin.allowed(change=True)
        return
    st.caption(tr("What you made while signed in as {name}, the latest change first. "
                  "*Continue* and *Manage* make a new private link for you; the links you were "
                  "given when you made them keep working.", name=plain(person.label)))
    problem = st.session_state.pop("mine_problem", None)
    if problem:
        st.warning(problem)
    items = store().mine(person)
    if not items:
        st.info(tr("Nothing yet. Start an assessment or a team while signed in and it is "
                   "listed here."), icon=":material/inbox:")
        st.page_link("ui/pages/assessment.py", label=tr("Start an assessment"),
                     icon=":material/add:")
        return
    for item in items:
        with st.container(border=True, key=f"mine_{item.kind}_{item.item_id}"):
            named = item.name or bank().organisation(item.answers)
            name = plain(named) if named else tr("Not named yet")
            st.header(name, anchor=False)  # one h2 per item, under the page's h1
            changed = tr("last changed {day}, {time} UTC",
                         day=day_text(item.changed_at.date().isoformat(), language.current()),
                         time=item.changed_at.strftime("%H:%M"))
            details = [tr(KIND_WORDS[item.kind]), _verdict(item), changed]
            if item.milestones:
                details.append(tr("{n} milestone", n=item.milestones) if item.milestones == 1
                               else tr("{n} milestones", n=item.milestones))
            if item.revoked:
                details.append(tr("view link revoked"))
            st.markdown(" · ".join(details))
            label = tr("Continue") if item.kind == "draft" else tr("Manage")
            if st.button(label, key=f"open_{item.kind}_{item.item_id}",
                         icon=":material/open_in_new:"):
                _open(item)
