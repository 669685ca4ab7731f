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
from formats.hostile import HOSTILE, workbook
from logic.batch import evaluate_file, evaluate_rows
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
    assert rows[0][1]["industry"][0].isupper(), "the examples are written with labels"


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


def _template_with(changes: dict[int, dict[str, str]]) -> bytes:
    """The Excel template with some cells set: {sheet row: {question id: cell}}."""
    bank = default_bank()
    book = load_workbook(io.BytesIO(template_workbook(example_documents(), bank)))
    sheet = book[DATA_SHEET]
    heads = [c.value for c in sheet[1]]
    for row, cells in changes.items():
        if row > sheet.max_row:  # a new row: start from the first example's cells
            for column in range(1, len(heads) + 1):
                sheet.cell(row=row, column=column, value=sheet.cell(row=2, column=column).value)
        for question, value in cells.items():
            sheet.cell(row=row, column=heads.index(question) + 1, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_dont_know_from_the_templates_own_drop_down_evaluates_in_every_column_that_offers_it(kb):
    offered = [q.id for q in default_bank().questions() if q.dont_know is not None]
    raw = _template_with({2: dict.fromkeys(offered, "Don't know")})
    output, results = evaluate_file(raw, "xlsx", kb)
    assert [r.error for r in results] == ["", ""], results[0].problems
    assert results[0].band is not None, "read as Don't know: the band is there"
    sheet = load_workbook(io.BytesIO(output)).active
    heads = [c.value for c in sheet[1]]
    row = {h: c.value for h, c in zip(heads, sheet[2], strict=True)}
    assert row["verdict"] in {"No action", "Monitor", "Evaluate"}, "results in words"
    assert row["band_low"] in {"No action", "Monitor", "Evaluate"}


def test_a_bad_cell_is_marked_where_it_is_with_the_sheets_own_row_number(kb):
    raw = _template_with({9: {"uptime_target": "100%"}})  # rows 4 to 8 left blank
    output, results = evaluate_file(raw, "xlsx", kb)
    bad = [r for r in results if r.error]
    assert [r.line for r in bad] == [9], "the sheet's row, not a count of rows read"
    assert bad[0].problems == {"uptime_target": "“100%” is not one of its choices: No formal "
                               "target, 99.0%, 99.5%, 99.9%, 99.95%, 99.99%, Don't know"}
    sheet = load_workbook(io.BytesIO(output)).active
    heads = [c.value for c in sheet[1]]
    marked = sheet.cell(row=4, column=heads.index("uptime_target") + 1)  # the third result
    assert marked.comment is not None and "not one of its choices" in marked.comment.text
    assert marked.fill.fgColor.rgb.endswith("F4A6A0")
    assert sheet.cell(row=4, column=len(heads)).value.startswith(
        "Uptime target for the AI workloads in question: “100%”"), "the error in words"


def test_the_command_line_writes_the_templates_and_evaluates_a_workbook(tmp_path):
    from tests.logic.test_cli import run_cli

    done = run_cli("evaluate", "--template", "xlsx", "-o", str(tmp_path / "t.xlsx"))
    assert done.returncode == 0, done.stderr
    names, rows = read_workbook((tmp_path / "t.xlsx").read_bytes())
    assert len(rows) == len(list(example_documents()))
    csv_template = run_cli("evaluate", "--template", "csv")
    assert csv_template.returncode == 0 and csv_template.stdout.startswith("bank_version,")
    offered = [q.id for q in default_bank().questions() if q.dont_know is not None]
    (tmp_path / "in.xlsx").write_bytes(_template_with({2: dict.fromkeys(offered, "Don't know"),
                                                       6: {"uptime_target": "100%"}}))
    done = run_cli("evaluate", str(tmp_path / "in.xlsx"), "-o", str(tmp_path / "out.xlsx"))
    assert done.returncode == 2, "a bad row: exit 2, the good rows still come out"
    assert "row 6, column Uptime target for the AI workloads in question: “100%”" in done.stderr
    assert "row 2" not in done.stderr, "Don't know from the drop-down is an answer"
    out = load_workbook(tmp_path / "out.xlsx").active
    assert out.max_row == 4
    refused = run_cli("evaluate", str(tmp_path / "in.xlsx"))
    assert refused.returncode == 2 and "-o OUT.xlsx" in refused.stderr


@pytest.mark.size
@pytest.mark.parametrize(("name", "words"), [
    ("a cell at row 999,999,999", "more than 20,000 rows"),
    ("a dimension of 999,999,999 rows", "declares 999,999,999 rows"),
    ("1,000,000 header cells", "1,000,000 cells"),
    ("1,200,000 shared strings", "1,200,000 different texts"),
    ("2,000 sheets", "2,001 sheets"),
    ("400,000 cell formats", "formatting is larger than 5 MB"),
    ("1,200,000 empty cells", "1,200,001 cells"),
    ("a malformed cell reference", "could not be read"),
])
def test_a_small_workbook_that_asks_the_parser_for_hours_is_refused_naming_why(name, words):
    """Bounded by what the parser does, not by what the file says: the cells, texts, sheets and
    formats are counted in the XML before openpyxl parses any of it, and every row the reader
    yields (blank or not) counts against the row limit. (Times: bench.hostile_files.)"""
    raw = HOSTILE[name]()
    assert len(raw) < 5_000_000, "each is an upload the page accepts"
    with pytest.raises(AnswersError) as refused:
        read_workbook(raw)
    assert words in refused.value.problems["xlsx"]


@pytest.mark.size
def test_the_largest_valid_workbook_is_read_whole():
    names, rows = read_workbook(HOSTILE["20,000 full rows (largest valid)"]())
    assert len(names) == 29 and len(rows) == 20_000
    assert rows[-1][0] == 20_001, "each row keeps the sheet's number"


def test_a_namespace_prefix_does_not_hide_cells_from_the_count():
    row = b"".join(b'<x:c t="inlineStr"><x:is><x:t>c%d</x:t></x:is></x:c>' % i for i in range(300))
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.'
             b'openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1">' + row
             + b"</x:row></x:sheetData></x:worksheet>")
    raw = workbook(b"", extra={"xl/worksheets/sheet1.xml": sheet})
    with pytest.raises(AnswersError, match="first row has 300 cells"):
        read_workbook(raw)


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_template_in_another_language_reads_back_as_the_same_answers(language, tmp_path):
    """The Excel template in German (French, Spanish): its drop-downs, guide and sheet names
    in that language; filled with its words, it evaluates exactly as the English one."""
    from functools import partial

    from i18n import say
    from logic.__main__ import main
    from logic.knowledge_base import load_knowledge
    from questions.translations import bank_in

    words = bank_in(language)
    raw = template_workbook(example_documents(), words, partial(say, language))
    book = load_workbook(io.BytesIO(raw))
    guide = book.worksheets[-1]
    assert book.worksheets[0].title == say(language, "Business units") != DATA_SHEET
    assert [c.value for c in guide[1]][0] == say(language, "Column")
    kb = load_knowledge()
    _, theirs = evaluate_file(raw, "xlsx", kb)
    _, ours = evaluate_file(template_workbook(example_documents(), default_bank()), "xlsx", kb)
    assert [r.error for r in theirs] == [""] * len(theirs)
    assert [r.outcome for r in theirs] == [r.outcome for r in ours]

    out = tmp_path / "units.xlsx"
    assert main(["evaluate", "--template", "xlsx", "--lang", language, "-o", str(out)]) == 0
    assert load_workbook(out).worksheets[0].title == say(language, "Business units")
