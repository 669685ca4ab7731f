"""Excel for the batch: a template with drop-downs of labels and a sheet per column, uploads read
as a CSV is, results written back as text only."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import column_index_from_string

from formats.cells import RESULT_COLUMNS
from formats.excel import (
    COLUMNS_SHEET,
    DATA_SHEET,
    read_workbook,
    results_workbook,
    template_workbook,
)
from logic.batch import evaluate_rows
from logic.engine import evaluate
from questions.answers import AnswersError
from questions.documents import parse_answers
from questions.schema import default_bank, example_documents


def test_the_template_has_a_drop_down_of_labels_in_every_choice_column_and_a_guide():
    bank = default_bank()
    book = load_workbook(io.BytesIO(template_workbook(example_documents(), bank)))
    data, guide = book[DATA_SHEET], book[COLUMNS_SHEET]
    heads = [c.value for c in data[1]]
    lists = book["Lists"]
    validated = {}
    for rule in data.data_validations.dataValidation:
        column = str(rule.sqref).split(":")[0].rstrip("0123456789")
        sheet_range = rule.formula1.split("!")[1].replace("$", "")
        validated[heads[column_index_from_string(column) - 1]] = [
            c.value for row in lists[sheet_range] for c in row]
    for question in bank.questions():
        if question.kind == "choice":
            assert [o.label for o in question.options] == validated[question.id][
                :len(question.options)], question.id
    assert validated["uptime_target"][-1] == "Don't know"
    explained = {row[0].value: row for row in guide.iter_rows(min_row=2)}
    assert set(explained) == set(heads)
    assert "Financial services" in explained["industry"][2].value


def test_the_filled_template_reads_back_to_the_examples_verdicts(kb):
    bank = default_bank()
    documents = list(example_documents())
    names, rows = read_workbook(template_workbook(documents, bank))
    results = list(evaluate_rows(rows, kb))
    assert [r.error for r in results] == [""] * len(documents)
    assert [r.outcome.verdict for r in results] == [
        evaluate(parse_answers(d, bank), kb).verdict for d in documents]
    assert rows[0]["industry"][0].isupper(), "the examples are written with labels"


def test_results_are_text_never_formulas_and_error_rows_are_shaded():
    raw = results_workbook(["org_name", *RESULT_COLUMNS],
                           [["=HYPERLINK(\"http://x\")", "monitor"], ["@SUM(A1)", ""]],
                           [False, True])
    sheet = load_workbook(io.BytesIO(raw)).active
    assert sheet["A2"].value == "=HYPERLINK(\"http://x\")" and sheet["A2"].data_type == "s"
    assert sheet["A3"].fill.fgColor.rgb.endswith("FDE2E1")
    assert not sheet["A2"].fill.fgColor.rgb.endswith("FDE2E1")


@pytest.mark.parametrize("raw, words", [
    (b"not a workbook at all", "not an Excel workbook"),
    (b"PK\x03\x04" + b"\x00" * 64, "not an Excel workbook"),
])
def test_a_file_that_is_not_a_workbook_gets_a_clear_message(raw, words):
    with pytest.raises(AnswersError) as caught:
        read_workbook(raw)
    assert words in str(caught.value)


def test_a_workbook_with_a_repeated_column_or_no_header_is_refused():
    book = Workbook()
    book.active.append(["industry", "industry"])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(AnswersError, match="named more than once"):
        read_workbook(out.getvalue())
    empty = io.BytesIO()
    Workbook().save(empty)
    with pytest.raises(AnswersError, match="no header row"):
        read_workbook(empty.getvalue())
