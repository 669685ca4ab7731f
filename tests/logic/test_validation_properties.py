"""Property tests for the validators: whatever arrives, one clear error per bad field, no crash,
and nothing silently turned into something else."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from formats.cells import RESULT_COLUMNS, answers_to_row, header
from logic.batch import evaluate_csv
from questions.answers import AnswersError
from questions.documents import parse_answers
from questions.schema import default_bank
from tests.conftest import case
from tests.strategies import answers_dicts, json_values

QUESTION_IDS = default_bank().ids
_CONTRACT_VALUES = sorted({v for q in default_bank().questions() for v in q.choices()}, key=repr)

# Any JSON value, with the contract's own values mixed in so near-misses are tried too.
JSON_VALUES = json_values(*_CONTRACT_VALUES)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@given(answers_dicts(), st.sampled_from(QUESTION_IDS), JSON_VALUES)
def test_one_bad_field_is_named_alone_and_a_good_one_is_kept_as_given(data, field, value):
    try:
        answers = parse_answers({**data, field: value})
    except AnswersError as caught:
        assert list(caught.problems) == [field]
        assert caught.problems[field]
        return
    kept = answers.values().get(field)
    kind = default_bank().question(field).kind
    if isinstance(value, str) and not value.strip() and kind == "text":
        assert kept is None, "a blank text counts as none"
    elif value == [] and kind == "multi_choice":
        assert kept is None, "an empty list is nothing chosen, as when absent"
    else:
        assert kept == value and type(kept) is type(value), "accepted only as given"


@given(st.dictionaries(st.sampled_from(QUESTION_IDS) | st.text(max_size=12), JSON_VALUES)
       | JSON_VALUES)
def test_anything_either_parses_or_names_what_is_wrong(raw):
    try:
        parse_answers(raw)
    except AnswersError as caught:
        assert caught.problems and all(isinstance(m, str) and m for m in caught.problems.values())


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header(default_bank()))  # CRLF, as spreadsheets write
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@given(answers_dicts(), answers_dicts(), st.sampled_from(QUESTION_IDS), st.text(max_size=40))
def test_a_bad_csv_cell_costs_only_its_row(kb, first, second, column, cell):
    good = answers_to_row(parse_answers(first))
    edited = {**answers_to_row(parse_answers(second)), column: cell}
    output, results = evaluate_csv(_csv([edited, good]), kb)
    assert len(results) == 2
    assert results[1].error == "" and results[1].outcome is not None, "good row kept"
    if results[0].error:
        assert results[0].outcome is None and column in results[0].error
    rows = list(csv.DictReader(io.StringIO(output, newline="")))
    assert [list(r) for r in rows] == [[*header(default_bank()), *RESULT_COLUMNS]] * 2
    expected = "'" + cell if cell.startswith(FORMULA_STARTS) else cell
    assert rows[0][column] == expected, "every input cell comes back as it was"
    for row in rows:
        assert not any(v.startswith(FORMULA_STARTS) for v in row.values()), "formula-safe"


def test_a_carriage_return_in_a_cell_does_not_split_its_row(kb):
    """Regression: output written with bare LF line ends left a CR cell unquoted."""
    answers = parse_answers(case("retailer_nothing_relevant")["answers"])
    row = {**answers_to_row(answers), "org_name": "North\rSouth"}
    output, _ = evaluate_csv(_csv([row]), kb)
    rows = list(csv.DictReader(io.StringIO(output, newline="")))
    assert len(rows) == 1 and rows[0]["org_name"] == "North\rSouth"


def test_a_formula_in_an_uploaded_header_comes_back_neutralised(kb):
    output, results = evaluate_csv("industry,=HYPERLINK(\"x\")\r\nretail,1\r\n", kb)
    header = next(csv.reader(io.StringIO(output, newline="")))
    assert header[1] == "'=HYPERLINK(\"x\")"
    assert "=HYPERLINK" in results[0].error, "the unknown column is named in the row's error"
