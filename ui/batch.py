"""Batch: a CSV of business units in, a table of verdicts, a chart and a CSV out."""

from __future__ import annotations

import csv
import math
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from formats.cells import MAX_BYTES, MAX_ROWS, RESULT_COLUMNS, column_words
from formats.table import FORMATS, format_of
from i18n import say
from logic.batch import evaluate_file
from logic.knowledge_base import DEFAULT_VERSION
from questions.answers import AnswersError
from questions.schema import example_documents
from questions.translations import bank_in
from ui import language
from ui.i18n import tr, why
from ui.resources import bank, knowledge
from ui.text import plain


@st.cache_data(max_entries=2, show_spinner=False)
def _evaluate(raw: bytes, kind: str, version: str,
              code: str = "en") -> tuple[bytes, pd.DataFrame, list[tuple[int, str, str]]]:
    """Evaluate an uploaded CSV or workbook; the results in the same format, a table for the
    page with labels rather than ids (in the language `code`), and each bad cell as (its row
    in the file, its column in the questionnaire's words, what is wrong)."""
    heads = _columns()
    output, results = evaluate_file(raw, kind, knowledge(version))
    kb = knowledge(version, code)
    name = bank().name_question or ""
    table = pd.DataFrame([{
        heads["row"]: r.line, heads["status"]: tr("Error") if r.error else "OK",
        heads["organisation"]: r.cells.get(name, "") or next(
            (v for k, v in r.cells.items() if k.strip().lower() == name), ""),
        heads["verdict"]: kb.verdicts[r.outcome.verdict].label if r.outcome else "",
        heads["drivers"]: ", ".join(kb.drivers[d].label for d in r.outcome.drivers)
        if r.outcome else "",
        heads["blockers"]: ", ".join(kb.blockers[b].label for b in r.outcome.blockers)
        if r.outcome else "",
        heads["error"]: "; ".join(tr("column {column}: {problem}",
                                       column=column_words(column, bank()),
                                       problem=tr(message))
                                    for column, message in r.problems.items()),
    } for r in results])
    problems = [(r.line, column_words(column, bank()), message)
                for r in results for column, message in r.problems.items()]
    return output, table, problems


@st.cache_data(show_spinner=False)
def template(kind: str, code: str = "en") -> bytes:
    """A file of this format with every column and the shipped example rows, to fill in (the
    Excel one with drop-downs and a sheet per column, in the language `code`)."""
    return FORMATS[kind].template(example_documents(), bank_in(code), partial(say, code))


def _columns() -> dict[str, str]:
    """The page table's headings, in the page's language."""
    return {"row": tr("Row"), "status": tr("Status"), "organisation": tr("Organisation"),
            "verdict": tr("Verdict"), "drivers": tr("What makes it relevant"),
            "blockers": tr("What holds it back"), "error": tr("Error")}


def _readable(raw: bytes, kind: str) -> bool:
    if len(raw) > MAX_BYTES:
        st.error(tr("The file is {size} MB; at most {most} MB (about {rows} rows) can be "
                    "evaluated here. Split it, or use `python -m logic evaluate FILE.csv`.",
                    size=format(len(raw) / 1e6, ".1f"), most=format(MAX_BYTES / 1e6, ".0f"),
                    rows=format(MAX_ROWS, ",")))
        return False
    if kind == "csv":
        try:
            raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            st.error(tr("The file is not UTF-8 text. Save it as 'CSV UTF-8' (or as an Excel "
                        "workbook) and upload it again."))
            return False
    return True


MAX_PROBLEMS_LISTED = 50  # bad cells listed on the page; the results file marks every one


def _spread(table: pd.DataFrame) -> go.Figure:
    kb = knowledge(language_code=language.current())
    counts = [int((table[_columns()["verdict"]] == kb.verdicts[v].label).sum())
              for v in kb.verdicts]
    figure = go.Figure(go.Bar(x=[kb.verdicts[v].label for v in kb.verdicts], y=counts,
                              text=counts, marker_color=["#455a64", "#b26a00", "#2e7d32"]))
    step = max(1, math.ceil(max(counts, default=0) / 5))  # whole numbers only on the axis
    figure.update_layout(height=280, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                         yaxis={"title": tr("Business units"), "tickformat": ",d",
                                "rangemode": "tozero", "dtick": step})
    return figure


def batch_page() -> None:
    st.title(tr("Batch: many business units at once"))
    st.markdown(tr(
        "Fill one business unit a row in the template (Excel, with a drop-down in every "
        "choice column and a sheet explaining each column, or CSV), and upload it. Answers "
        "may be written as the questionnaire words them (\"Financial services\", \"99.9%\", "
        "\"Yes\"), in any of its languages, or by id, in any capitalisation; lists are "
        "separated by `;`. Bad rows are listed with their errors; good rows still come out, in "
        "the format you uploaded."))
    code = language.current()
    excel, plain_csv = st.columns(2)
    for column, kind, key, icon in (
            (excel, "xlsx", "batch_template_xlsx", ":material/table_view:"),
            (plain_csv, "csv", "batch_template", ":material/download:")):
        form = FORMATS[kind]
        column.download_button(tr("Template ({format})", format=form.name),
                               data=template(kind, code),
                               file_name=f"business-units.{form.extensions[0]}",
                               mime=form.media_type, key=key, icon=icon, on_click="ignore",
                               type="primary" if kind == "xlsx" else "secondary",
                               width="stretch", help=tr(form.help))
    endings = [e for form in FORMATS.values() for e in form.extensions]
    upload = st.file_uploader(tr("Excel workbook or CSV of business units (at most {most} MB)",
                                 most=format(MAX_BYTES / 1e6, ".0f")), type=endings,
                              key="batch_file", max_upload_size=round(MAX_BYTES / 1e6))
    if upload is None:
        st.info(tr("No file yet: download a template, fill one row per business unit, upload "
                   "it."), icon=":material/upload_file:")
        return
    kind = format_of(upload.name) or "csv"
    raw = upload.getvalue()
    if not _readable(raw, kind):
        return
    try:
        with st.spinner(tr("Evaluating…")):
            output, table, problems = _evaluate(raw, kind, DEFAULT_VERSION, code)
    except (AnswersError, csv.Error) as exc:
        st.error(tr("The file cannot be read as {format}: {reason}", format=FORMATS[kind].name,
                    reason=plain(why(exc))))
        return
    error = _columns()["error"]
    bad = table[table[error] != ""]
    good = len(table) - len(bad)
    rows, valid, invalid = st.columns(3)
    rows.metric(tr("Rows"), len(table))
    valid.metric(tr("Evaluated"), good)
    invalid.metric(tr("With errors"), len(bad))
    if good:
        st.plotly_chart(_spread(table), config={"displayModeBar": False}, key="batch_spread")
    st.dataframe(table, hide_index=True, key="batch_table", width="stretch",
                 column_config={error: st.column_config.TextColumn(width="large")})
    if len(bad):
        listed = ["- " + tr("row {row}, column {column}: {problem}", row=row,
                            column=plain(column), problem=plain(tr(message)))
                  for row, column, message in problems]
        more = len(listed) - MAX_PROBLEMS_LISTED
        st.error(tr("Rows with errors (fix them and upload again; the others are "
                    "evaluated):") + "\n\n" + "\n".join(listed[:MAX_PROBLEMS_LISTED])
                 + ("\n\n" + tr("and {n} more, each marked in the results file.",
                                 n=format(more, ",")) if more > 0 else ""))
    form = FORMATS[kind]
    marks = (tr("rows with errors are shaded; every cell is text, never a formula")
             if kind == "xlsx" else
             tr("cells that a spreadsheet would run as formulas are prefixed with '"))
    st.download_button(tr("Download results ({format})", format=form.name), data=output,
                       file_name=f"verdicts.{form.extensions[0]}", mime=form.media_type,
                       key="batch_download", type="primary", icon=":material/download:",
                       on_click="ignore",
                       help=tr("Your columns plus {columns}; {marks}.",
                               columns=", ".join(RESULT_COLUMNS), marks=marks))
