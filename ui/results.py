"""The results view: verdict, drivers and blockers, reasons with quotes, scores, open questions."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import partial

import pandas as pd
import streamlit as st

from logic.answers import Answers
from logic.engine import evaluate
from logic.explain import explain
from logic.recommendation import Recommendation
from questions import flow
from report import build_pdf, file_name
from ui import state
from ui.charts import scores_figure
from ui.resources import bank, knowledge
from ui.text import plain

_BANNERS = {
    "evaluate": (st.success, ":material/rocket_launch:"),
    "monitor": (st.warning, ":material/visibility:"),
    "no_action": (st.info, ":material/check_circle:"),
}


def _missing_notice() -> None:
    incomplete = [s for s in bank().sections if flow.missing(s, state.answers())]
    st.info("Answer every section to see your recommendation.", icon=":material/pending:")
    for section in incomplete:
        count = len(flow.missing(section, state.answers()))
        st.button(f"Finish {section.title} ({count} left)", key=f"goto_{section.id}",
                  on_click=state.go, args=(section.id,))


def _labels(items: tuple, empty: str) -> None:
    if not items:
        st.caption(empty)
    for item in items:
        st.markdown(f"**{item.label}**: {item.summary}")


def _body(answers: Answers, rec: Recommendation) -> None:
    kb = knowledge()
    text = explain(rec, kb)
    who = plain(answers.org_name) if answers.org_name else "your organisation"
    st.subheader(f"Recommendation for {who}")
    banner, icon = _BANNERS[rec.verdict]
    banner(f"**{text.verdict.label}.** {text.verdict.summary}", icon=icon)
    drivers, blockers = st.columns(2)
    with drivers:
        st.markdown("##### What makes it relevant")
        _labels(text.drivers, "Nothing in your answers.")
    with blockers:
        st.markdown("##### What holds it back")
        _labels(text.blockers, "No blocker in your answers; the reasons below say what is missing.")
    st.markdown("##### Fit by section")
    titles = {s.id: s.title for s in bank().sections}
    st.plotly_chart(scores_figure(rec.scores, titles), config={"displayModeBar": False})
    st.markdown("##### Why: each reason and the article's words it rests on")
    table = pd.DataFrame(
        [{"Rule": r.rule, "Reason": r.text, "From the article": r.quotes} for r in text.reasons]
    )
    st.table(table.set_index("Rule"))
    st.markdown("##### Questions for the account team")
    if rec.open_questions:
        st.markdown("\n".join(f"{i}. {q}" for i, q in enumerate(rec.open_questions, start=1)))
    else:
        st.caption("None: nothing undisclosed matters to your answers.")
    st.caption(
        f"Knowledge version {kb.version} (published {kb.published}). Decision support built on "
        "one news report, not advice."
    )
    now = datetime.now(UTC)
    pdf, answers_json = st.columns(2)
    pdf.download_button(
        "Download recommendation (PDF)",
        data=partial(build_pdf, answers, rec, kb, bank(), generated_at=now),
        file_name=file_name(answers, now), mime="application/pdf", key="download_pdf",
        icon=":material/picture_as_pdf:", on_click="ignore", type="primary", width="stretch",
    )
    answers_json.download_button(
        "Download answers (JSON)",
        data=json.dumps(answers.model_dump(exclude_none=True), indent=2, ensure_ascii=False),
        file_name="answers.json", mime="application/json", key="download_answers",
        icon=":material/download:", on_click="ignore", width="stretch",
    )


def result_page() -> None:
    """The recommendation for the current answers, or what is still missing."""
    answers = state.validated()
    if answers is None:
        _missing_notice()
        return
    _body(answers, evaluate(answers, knowledge()))
    left, right = st.columns(2)
    left.button("Change answers", key="edit", on_click=state.go, args=(state.steps()[0],),
                icon=":material/edit:")
    right.button("Start over", key="reset", on_click=state.reset, icon=":material/restart_alt:")
