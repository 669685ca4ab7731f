"""The results view: verdict, drivers and blockers, reasons with quotes, scores, open questions."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial

import pandas as pd
import streamlit as st

from logic.assessment import Assessment, LaterDetail, assess
from logic.recommendation import Recommendation
from logic.wording import day_text
from questions.answers import Answers
from questions.schema import OVERALL_NOTE
from report import build_pdf, file_name
from report.markdown import summary
from storage import StorageLimit
from storage.records import decision_record
from storage.store import MAX_NOTE_CHARS
from ui import drafts, form, language, routing, sharing, state, widgets
from ui.banner import show_readings
from ui.charts import scores_figure
from ui.cuts import trim_to, trimmed_note
from ui.i18n import tr, why
from ui.resources import bank, knowledge, store
from ui.team.join import submit_panel
from ui.text import plain
from ui.what_if import what_if_panel


def _missing_notice() -> None:
    incomplete = [s for s in bank().sections if form.missing(s, state.answers())]
    st.info(tr("Answer every section to see your recommendation."), icon=":material/pending:")
    for section in incomplete:
        count = len(form.missing(section, state.answers()))
        st.button(tr("Finish {section} ({n} left)", section=section.title, n=count),
                  key=f"goto_{section.id}",
                  on_click=state.go, args=(section.id,))


def folded(label: str, key: str, icon: str, body: Callable[[], None]) -> None:
    """A folded part of the result, drawn only once opened: the verdict and the next actions
    reach the screen without waiting for what nobody has asked to see."""
    with st.expander(label, key=key, icon=icon, on_change="rerun"):
        if st.session_state.get(key):
            body()


def _labels(items: tuple, empty: str) -> None:
    if not items:
        st.caption(empty)
    for item in items:
        st.markdown(f"**{item.label}**: {item.summary}")


# Streamlit's frontend draws everything it has received in one go, and mounting a whole
# result (some sixty elements) takes it 100 to 200 ms on two cores: the verdict would wait for
# the evidence and the downloads below it. Handed the verdict and its one sentence of why
# alone, it draws them in about the time a bare form takes; the rest follows. So, on the switch
# to the result, the script pauses this long after them (figures in BENCHMARKS.md).
FIRST_DRAW_PAUSE_S = 0.03


def recommendation_body(assessment: Assessment, *, overall_note: bool = False,
                        first_draw: bool = False, page_heading: bool = False) -> None:
    """The decision card first (both readings, one sentence of why, the next actions:
    questions for the account team to copy, what would change it, what later reports change),
    then the evidence folded below (drivers, blockers, scores, reasons with quotes), then
    downloads. `overall_note`: show the preparer's note on the assessment at the top (shared
    views). `first_draw`: the page is switching to this result; let the verdict be drawn
    first. `page_heading`: the result is the page (its heading is the page's h1)."""
    text = assessment.explained
    name = assessment.organisation
    who = plain(name) if name else tr("your organisation")
    with st.container(key="result_head"):  # its heading sized under the verdict (theme.css)
        (st.title if page_heading else st.header)(tr("Recommendation for {name}", name=who))
    show_readings(assessment)
    st.markdown(tr("**Why:** {reason}", reason=plain(text.deciding.text)))
    if first_draw:
        time.sleep(FIRST_DRAW_PAUSE_S)
    notes = assessment.note_map
    if overall_note and notes.get(OVERALL_NOTE, "").strip():
        st.markdown("**" + tr("Note from whoever shared it") + "**")
        st.markdown(plain(notes[OVERALL_NOTE]))
    if assessment.band:
        st.info(assessment.band.markdown(), icon=":material/help:")
    sub = "##" if page_heading else "###"  # one level under the result's heading
    st.markdown(f"{sub} " + tr("Next actions"))
    if assessment.settle_first:
        st.markdown(tr("**First:** {action}", action=assessment.settle_first))
    st.markdown("**" + tr("Ask the account team") + "**")
    if assessment.account_questions:
        with st.container(key="account_questions"):
            st.code("\n".join(f"{i}. {q}"
                              for i, q in enumerate(assessment.account_questions, start=1)),
                    language=None, wrap_lines=True)
        st.caption(tr("Copy them with the button at the top right of the box."))
    else:
        st.caption(tr("Nothing: nothing undisclosed matters to your answers."))
    what_if_panel(assessment)
    _later_record(assessment.later_detail)
    folded(tr("The evidence: what makes it relevant, what holds it back, fit by section, and "
              "each reason with the article's words"), "evidence_open", ":material/fact_check:",
           lambda: _evidence(assessment, sub + "#"))
    kb = assessment.knowledge
    st.caption(tr("Knowledge version {version} (published {day}). Decision support built on "
                  "one news report and the public record since, not advice.",
                  version=kb.version, day=day_text(kb.published, assessment.language)))
    _downloads(assessment, sub)


def _evidence(assessment: Assessment, level: str) -> None:
    rec, text = assessment.recommendation, assessment.explained
    drivers, blockers = st.columns(2)
    with drivers:
        st.markdown(f"{level} " + tr("What makes it relevant"))
        _labels(text.drivers, tr("Nothing in your answers."))
    with blockers:
        st.markdown(f"{level} " + tr("What holds it back"))
        _labels(text.blockers, tr("No blocker: nothing caps the verdict."))
        if text.caveats:
            st.markdown(f"{level} " + tr("Still open, without holding it back"))
            _labels(text.caveats, "")
    st.markdown(f"{level} " + tr("Fit by section"))
    titles = {s.id: s.title for s in bank().sections}
    st.plotly_chart(scores_figure(rec.scores, titles, rec.not_applicable,
                                  absent=tr("not applicable"),
                                  axis=tr("Fit with your needs (0 to 100)")),
                    config={"displayModeBar": False})
    st.caption(tr("The chart in words: {sections}. What each measures is in the table below.",
                  sections="; ".join(f"{titles.get(f.id, f.id)} {f.shown}"
                                     for f in text.sections)))
    section, fit, measures = tr("Section"), tr("Fit"), tr("What it measures")
    st.table(pd.DataFrame([{
        section: titles.get(f.id, f.id), fit: f.shown,
        measures: f.measures + (" " + tr("At most {most}: {why}", most=f.most, why=f.most_why)
                                if f.most < 100 else ""),
    } for f in text.sections]).set_index(section))
    st.markdown(f"{level} " + tr("Why: each reason and the article's words it rests on"))
    rule, counts, reason, quoted = (tr("Rule"), tr("Counts as"), tr("Reason"),
                                    tr("From the article"))
    table = pd.DataFrame([{rule: r.rule, counts: r.group_title, reason: r.text,
                           quoted: r.quotes} for r in text.reasons])
    st.table(table.set_index(rule))


def _later_record(detail: LaterDetail | None) -> None:
    """'What later public reports change', in detail, under the next actions (when a later
    version exists)."""
    if detail is None:
        return

    def body() -> None:
        st.markdown(detail.headline)
        if detail.changes:
            st.markdown("\n".join(f"- {plain(c)}" for c in detail.changes))
        if detail.sources:
            st.caption(tr("Sources"))
            st.markdown("\n".join(f"- {plain(s)}" for s in detail.sources))

    folded(tr("What later public reports change, in detail"), "later_open",
           ":material/history_edu:", body)


def _downloads(assessment: Assessment, level: str) -> None:
    now = datetime.now(UTC)
    answers, notes = assessment.answers, assessment.note_map
    st.markdown(f"{level} " + tr("Take it with you"))
    pdf, record, answers_json = st.columns(3)
    pdf.download_button(
        tr("Recommendation (PDF)"),
        data=partial(build_pdf, assessment, generated_at=now),
        file_name=file_name(answers, now), mime="application/pdf", key="download_pdf",
        icon=":material/picture_as_pdf:", on_click="ignore", type="primary", width="stretch",
    )
    record.download_button(
        tr("Decision record (JSON)"),
        data=partial(_record, answers, notes, assessment.recommendation, now),
        file_name=file_name(answers, now).replace(".pdf", "-record.json"),
        mime="application/json", key="download_record", icon=":material/verified:",
        on_click="ignore", width="stretch",
        help=tr("Answers, notes, recommendation, versions and a seal under this deployment's "
                "key, so a forwarded record can be checked by importing it here."),
    )
    answers_json.download_button(
        tr("Answers (JSON)"),
        data=json.dumps(answers.document(bank()), indent=2, ensure_ascii=False),
        file_name="answers.json", mime="application/json", key="download_answers",
        icon=":material/download:", on_click="ignore", width="stretch",
        help=tr("The format `python -m logic evaluate` reads; import it to continue later."),
    )

    def pasted() -> None:
        st.caption(tr("For email: plain text, pastes as it reads."))
        st.code(summary(assessment, markdown=False), language=None, wrap_lines=True)
        st.caption(tr("For chat tools that read Markdown (names and notes escaped)."))
        st.code(summary(assessment), language="markdown", wrap_lines=True)

    folded(tr("Summary to paste into email or chat"), "summary_open",
           ":material/content_copy:", pasted)


def _record(answers: Answers, notes: dict[str, str], rec: Recommendation,
            now: datetime) -> str:
    """The decision record, sealed under this deployment's key, when it is downloaded."""
    record = decision_record(answers, notes, rec, created_at=now, key=store().seal_key,
                             bank=bank())
    return json.dumps(record, indent=2, ensure_ascii=False)


def _share_panel(answers: Answers, rec: Recommendation) -> None:
    st.markdown("## " + tr("Share with colleagues"))  # the result page's own section (h1 above)
    widgets_note = drafts.notes()
    key = state.OVERALL_NOTE_KEY
    if key not in st.session_state:
        st.session_state[key] = widgets_note.get(OVERALL_NOTE, "")
    st.text_area(tr("A note on the assessment as a whole (optional)"), key=key,
                 on_change=trim_to, args=(key, MAX_NOTE_CHARS),
                 placeholder=tr("Why we answered this way; what we want colleagues to check."))
    trimmed_note(key, MAX_NOTE_CHARS)
    widgets_note[OVERALL_NOTE] = st.session_state[key]
    if st.button(tr("Save and share"), key="share", type="primary", icon=":material/share:"):
        try:
            sharing.share(answers, rec)
        except StorageLimit as exc:
            st.error(tr("Not saved: {reason}.", reason=plain(why(exc))))
    shared = state.session().sharing.last
    if shared is not None:
        st.success(tr("Saved. Anyone with the first link sees this result, read-only, and can "
                      "make their own copy."), icon=":material/check:")
        st.caption(tr("Share link"))
        st.code(routing.link("a", shared.view), language=None)
        st.caption(tr("Your private manage link (revoke the share link with it; do not "
                      "forward)"))
        st.code(routing.link("m", shared.manage), language=None)


def result_page() -> None:
    """The recommendation for the current answers, or what is still missing."""
    answers = state.validated()
    if answers is None:
        _missing_notice()
        return
    assessment = assess(answers, knowledge(), drafts.notes(), language.current())
    first_draw = state.session().focus_first
    if first_draw:
        state.session().focus_first = False
        widgets.to_top(tr("Recommendation for {name}", name="").strip())
    team = state.session().team.context
    if team:  # a respondent's first job on the result: hand the answers to the team
        submit_panel(answers, team)
    recommendation_body(assessment, first_draw=first_draw, page_heading=True)
    _share_panel(answers, assessment.recommendation)
    left, right = st.columns(2)
    left.button(tr("Change answers"), key="edit", on_click=state.go, args=(state.steps()[0],),
                icon=":material/edit:")
    right.button(tr("Start over"), key="reset", on_click=drafts.start_new,
                 icon=":material/restart_alt:")
