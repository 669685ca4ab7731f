"""Streamlit entry: page config, navigation and the sidebar. No rules here."""

from __future__ import annotations

import streamlit as st

from logic.wording import day_text
from ui import drafts, language, routing, signin
from ui.failure import guarded
from ui.i18n import tr
from ui.resources import knowledge
from ui.widgets import keep_focus, theme

st.set_page_config(page_title="Hosting fit: SpaceX × Claude", page_icon="🛰️", layout="centered")
language.begin_run()  # read the page's language afresh once this run
drafts.language_of_link(routing.address())  # a draft link speaks its draft's language

theme()  # the app's own styles: ui/static/theme.css
keep_focus(language.current())

pages = [
    st.Page("ui/pages/assessment.py", title=tr("Assessment"), icon=":material/fact_check:",
            url_path="assessment", default=True),
    st.Page("ui/pages/team.py", title=tr("Team"), icon=":material/groups:", url_path="team"),
    st.Page("ui/pages/batch.py", title=tr("Batch"), icon=":material/table_view:", url_path="batch"),
    st.Page("ui/pages/knowledge.py", title=tr("Knowledge and rules"), icon=":material/menu_book:",
            url_path="knowledge"),
]
if signin.available():  # only where people can sign in (docs/sign-in.md)
    pages.append(st.Page("ui/pages/mine.py", title=tr("My assessments"),
                         icon=":material/person:", url_path="mine"))
page = st.navigation(pages, position="top")
with st.sidebar:
    language.selector()
    signin.sidebar()
    kb = knowledge()
    st.markdown("### " + tr("About"))
    st.markdown(tr(
        "A news report says SpaceX will host Anthropic's Claude models. Almost nothing is "
        "disclosed: no data centres, no pricing, no SLAs. This tool tells you whether that "
        "matters to your organisation: **no action**, **monitor** or **evaluate**."))
    st.caption(tr("Knowledge version {version}, published {published}.", version=kb.version,
                  published=day_text(kb.published, language.current())))
guarded(page.run)
