"""The manage page's history: every saved change to the assessment, newest first, each with
who, when, what changed and the verdict it had then; any point opens read-only with its
verdict under the knowledge version in force then."""

from __future__ import annotations

import streamlit as st

from logic.assessment import Assessment, assess
from logic.knowledge_base import DEFAULT_VERSION, available_versions
from questions.migrate import Upgrade, read_complete
from report.history import changed, given_answers, when, who
from storage.history import Entry
from ui import language
from ui.banner import show_readings
from ui.i18n import tr
from ui.resources import bank, knowledge
from ui.saved_result import answers_table
from ui.text import plain, show_table

SHOWN_FIRST = 10  # the newest entries listed; the older ones fold below them


def point_of(entry: Entry, under: str | None = None) -> tuple[Assessment, Upgrade] | str:
    """The entry's answers assessed under the knowledge version in force when it was saved, or
    `under` (the default one when this app no longer has it), or why there was no verdict."""
    wanted = under or entry.knowledge_version
    version = wanted if wanted in available_versions() else DEFAULT_VERSION
    read = read_complete(entry.answers, bank())
    if isinstance(read, str):
        return tr(read)  # why there is no verdict, in the page's language
    answers, upgraded = read
    return assess(answers, knowledge(version), upgraded.carry(entry.notes),
                  language.current()), upgraded


def _verdict(entry: Entry) -> str:
    point = point_of(entry)
    if isinstance(point, str):
        return point
    assessment = point[0]
    return f"**{assessment.knowledge.verdicts[assessment.recommendation.verdict].label}**"


def _line(entry: Entry, first: bool) -> str:
    lang = language.current()
    return "- " + tr("**{when}**, {who}: {what}. Verdict then: {verdict}",
                     when=when(entry.at, lang), who=plain(who(entry, lang)),
                     what=plain(changed(bank(), entry, first, lang)), verdict=_verdict(entry))


def history_panel(entries: list[Entry]) -> None:
    """The timeline of an assessment's history (oldest first as given), newest first, then the
    point chosen, if any."""
    st.markdown("## " + tr("History of this assessment"))
    if not entries:
        st.caption(tr("No history is kept for this assessment."))
        return
    st.caption(tr("{n} entry: the first save of the draft these shares were made from. Nothing "
                   "in the history is ever changed or deleted.", n=len(entries))
                if len(entries) == 1 else
                tr("{n} entries, newest first: every saved change to the answers and notes of "
                   "the draft these shares were made from. Nothing in it is ever changed or "
                   "deleted.", n=len(entries)))
    newest = list(reversed(entries))
    first_id = entries[0].entry_id
    st.markdown("\n".join(_line(e, e.entry_id == first_id) for e in newest[:SHOWN_FIRST]))
    if len(newest) > SHOWN_FIRST:
        with st.expander(tr("Older entries ({n})", n=len(newest) - SHOWN_FIRST),
                         icon=":material/history:"):
            st.markdown("\n".join(_line(e, e.entry_id == first_id)
                                  for e in newest[SHOWN_FIRST:]))
    by_id = {e.entry_id: e for e in newest}
    number = {e.entry_id: n for n, e in enumerate(entries, start=1)}  # unique, even when two
    # saves fall in the same second by the same person
    lang = language.current()
    chosen = st.selectbox(
        tr("Open a point in the history, read-only"), list(by_id), index=None,
        key="history_point", placeholder=tr("Choose when"),
        format_func=lambda i: tr("Entry {n}: {when}, {who}", n=number[i],
                                 when=when(by_id[i].at, lang), who=who(by_id[i], lang)),
        help=tr("The answers and notes as they were then, with the verdict under the knowledge "
                "version in force then. Nothing here changes the assessment."))
    if chosen is not None:
        _open(by_id[chosen])


def _open(entry: Entry) -> None:
    point = point_of(entry)
    with st.container(border=True, key="history_open"):
        lang = language.current()
        st.markdown("### " + tr("As it was on {when}", when=when(entry.at, lang)))
        if isinstance(point, str):
            st.info(tr("No verdict then: {reason}.", reason=point),
                    icon=":material/hourglass_empty:")
            question, answer = tr("Question"), tr("Answer")
            given = [{question: label, answer: value}
                     for label, value in given_answers(bank(), entry.answers, lang)]
            if given:
                show_table(given, index=question)
            return
        assessment, upgraded = point
        version = assessment.knowledge.version
        st.caption(tr("Saved by {who}; read under knowledge version {version}, the one in "
                      "force then.", who=plain(who(entry, lang)), version=version)
                   if version == entry.knowledge_version else
                   tr("Saved by {who}; read under knowledge version {version} (saved under "
                      "{saved}, which this app no longer has).", who=plain(who(entry, lang)),
                      version=version, saved=entry.knowledge_version))
        show_readings(assessment, slot="point_")
        st.markdown(tr("**Why:** {reason}", reason=plain(assessment.explained.deciding.text)))
        with st.expander(tr("The answers then, with notes"), icon=":material/list_alt:"):
            answers_table(assessment.answers, entry.notes, upgraded)
