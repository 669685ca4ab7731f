"""Batch: a CSV of business units in, a table of verdicts, a chart and a CSV out."""

from __future__ import annotations

import csv

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from logic.answers import AnswersError
from logic.answers_csv import MAX_BYTES, MAX_ROWS, RESULT_COLUMNS, evaluate_csv
from logic.answers_csv import template as answers_template
from logic.bank import example_documents
from logic.knowledge_base import DEFAULT_VERSION
from ui.resources import bank, knowledge
from ui.text import plain


@st.cache_data(max_entries=2, show_spinner="Evaluating…")
def _evaluate(text: str, version: str) -> tuple[str, pd.DataFrame]:
    output, results = evaluate_csv(text, knowledge(version))
    table = pd.DataFrame([{
        "Line": r.line, "Organisation": r.cells.get(bank().name_question or "", ""),
        "Verdict": r.outcome.verdict if r.outcome else "",
        "Drivers": ", ".join(r.outcome.drivers) if r.outcome else "",
        "Blockers": ", ".join(r.outcome.blockers) if r.outcome else "",
        "Error": r.error,
    } for r in results])
    return output, table


@st.cache_data(show_spinner=False)
def template() -> str:
    """A CSV with every column and the shipped example rows, to fill in."""
    return answers_template(example_documents(), bank())


def _decode(raw: bytes) -> str | None:
    if len(raw) > MAX_BYTES:
        st.error(f"The file is {len(raw) / 1e6:.1f} MB; at most {MAX_BYTES / 1e6:.0f} MB "
                 f"(about {MAX_ROWS:,} rows) can be evaluated here. Split it, or use "
                 "`python -m logic evaluate FILE.csv`.")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        st.error("The file is not UTF-8 text. Save it as 'CSV UTF-8' and upload it again.")
        return None
    return text


def _spread(table: pd.DataFrame) -> go.Figure:
    kb = knowledge()
    counts = [int((table["Verdict"] == v).sum()) for v in kb.verdicts]
    figure = go.Figure(go.Bar(x=[kb.verdicts[v].label for v in kb.verdicts], y=counts,
                              text=counts, marker_color=["#455a64", "#b26a00", "#2e7d32"]))
    figure.update_layout(height=280, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                         yaxis={"title": "Business units", "tickformat": ",d",
                                "rangemode": "tozero"})
    return figure


def batch_page() -> None:
    st.title("Batch: many business units at once")
    st.markdown(
        "Upload a CSV with one business unit a row and one column per question id (the format "
        "of `python -m logic evaluate FILE.csv`): lists joined by `;`, booleans `true`/`false`, "
        "an empty cell for an absent answer. Bad rows are listed with their errors; good rows "
        "still come out.")
    st.download_button("Download a template", data=template(), file_name="business-units.csv",
                       mime="text/csv", key="batch_template", icon=":material/download:",
                       on_click="ignore")
    upload = st.file_uploader(f"CSV of business units (at most {MAX_BYTES / 1e6:.0f} MB)",
                              type=["csv"], key="batch_file",
                              max_upload_size=round(MAX_BYTES / 1e6))
    if upload is None:
        st.info("No file yet: download the template, fill one row per business unit, upload it.",
                icon=":material/upload_file:")
        return
    text = _decode(upload.getvalue())
    if text is None:
        return
    try:
        output, table = _evaluate(text, DEFAULT_VERSION)
    except (AnswersError, csv.Error) as exc:
        st.error(f"The file cannot be read as CSV: {plain(str(exc))}")
        return
    bad = table[table["Error"] != ""]
    good = len(table) - len(bad)
    rows, valid, invalid = st.columns(3)
    rows.metric("Rows", len(table))
    valid.metric("Evaluated", good)
    invalid.metric("With errors", len(bad))
    if good:
        st.plotly_chart(_spread(table), config={"displayModeBar": False}, key="batch_spread")
    st.dataframe(table, hide_index=True, key="batch_table")
    if len(bad):
        st.error("Rows with errors (fix them and upload again; the others are evaluated):\n\n"
                 + "\n".join(f"- line {r.Line}: {plain(r.Error)}" for r in bad.itertuples()))
    st.download_button("Download results (CSV)", data=output, file_name="verdicts.csv",
                       mime="text/csv", key="batch_download", type="primary",
                       icon=":material/download:", on_click="ignore",
                       help="Your columns plus " + ", ".join(RESULT_COLUMNS) + "; cells that a "
                       "spreadsheet would run as formulas are prefixed with '.")
