"""Answers as CSV rows (one organisation a row) and their evaluation, row by row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, get_args

from logic.answers import QUESTION_IDS, Answers, AnswersError, parse_answers
from logic.engine import evaluate
from logic.knowledge_base import KnowledgeBase
from logic.recommendation import Recommendation

RESULT_COLUMNS = ("verdict", "drivers", "blockers", "error")
LIST_SEPARATOR = ";"
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def field_kind(question_id: str) -> str:
    annotation = Answers.model_fields[question_id].annotation
    for candidate in (annotation, *get_args(annotation)):
        if candidate is bool:
            return "bool"
        if candidate is int or int in get_args(candidate):
            return "int"
        if getattr(candidate, "__origin__", None) is list:
            return "list"
    return "text"


_KINDS = {qid: field_kind(qid) for qid in QUESTION_IDS}


def _cell_to_value(kind: str, cell: str) -> Any:
    if kind == "bool":
        lowered = cell.strip().lower()
        if lowered not in ("true", "false"):
            raise ValueError(f"expected true or false, got {cell[:40]!r}")
        return lowered == "true"
    if kind == "int":
        try:
            return int(cell.strip())
        except ValueError:
            raise ValueError(f"expected a whole number, got {cell[:40]!r}") from None
    if kind == "list":
        return [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]
    return cell


def row_to_answers(row: dict[str, str]) -> Answers:
    """Turn one CSV row into Answers; an empty cell means absent; errors name every field."""
    data: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for column, cell in row.items():
        if column in RESULT_COLUMNS or cell is None or cell == "":
            continue
        try:
            data[column] = _cell_to_value(_KINDS.get(column, "text"), cell)
        except ValueError as exc:
            problems[column] = str(exc)
    try:
        answers = parse_answers(data)
    except AnswersError as exc:
        problems = {**exc.problems, **problems}
        raise AnswersError(problems) from None
    if problems:
        raise AnswersError(problems)
    return answers


def value_to_cell(value: Any) -> str:
    """One answer value as a CSV cell: lists joined by ';', booleans true/false, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value_to_cell(v) for v in value)
    return str(value)


def safe_cell(text: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula."""
    return "'" + text if text.startswith(_FORMULA_PREFIXES) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text with every cell formula-safe. Lines end in CRLF (RFC 4180): the csv module
    quotes only the line terminator's characters, so with a bare LF a cell holding a carriage
    return went out unquoted and split its row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(safe_cell(h) for h in header)  # an uploaded file's header comes back too
    writer.writerows([safe_cell(value_to_cell(v)) for v in row] for row in rows)
    return out.getvalue()


@dataclass(frozen=True)
class RowResult:
    """One evaluated row: the input cells and either a recommendation or an error."""

    line: int
    cells: dict[str, str]
    recommendation: Recommendation | None
    error: str

    def output_cells(self) -> dict[str, str]:
        rec = self.recommendation
        return {
            **self.cells,
            "verdict": rec.verdict if rec else "",
            "drivers": LIST_SEPARATOR.join(rec.drivers) if rec else "",
            "blockers": LIST_SEPARATOR.join(rec.blockers) if rec else "",
            "error": self.error,
        }


def evaluate_rows(rows: Iterable[dict[str, str]], kb: KnowledgeBase) -> Iterator[RowResult]:
    """Evaluate rows one by one; a bad row carries its error and never stops the others."""
    for line, row in enumerate(rows, start=2):
        cells = {k: v or "" for k, v in row.items() if k not in RESULT_COLUMNS}
        if None in row:
            yield RowResult(line, cells, None, "row has more cells than the header has columns")
            continue
        try:
            yield RowResult(line, cells, evaluate(row_to_answers(cells), kb), "")
        except AnswersError as exc:
            yield RowResult(line, cells, None, str(exc))


def evaluate_csv(text: str, kb: KnowledgeBase) -> tuple[str, list[RowResult]]:
    """Evaluate CSV text; return the output CSV (formula-safe) and the per-row results."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [c for c in (reader.fieldnames or []) if c not in RESULT_COLUMNS]
    if not header:
        raise AnswersError({"csv": "the file has no header row naming the question ids"})
    results = list(evaluate_rows(reader, kb))
    columns = [*header, *RESULT_COLUMNS]
    rows = ([r.output_cells().get(c, "") for c in columns] for r in results)
    return to_csv(columns, rows), results


def answers_to_row(answers: Answers) -> dict[str, str]:
    """The CSV row for one organisation's answers (every contract column)."""
    return {qid: value_to_cell(getattr(answers, qid)) for qid in QUESTION_IDS}
