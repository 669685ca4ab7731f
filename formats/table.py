"""The file formats the batch reads and writes, in one table: the Batch page and the command line
look a format up here instead of switching on its kind."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from formats.cells import MAX_ROWS, Row, Say, as_written, read_rows, template, to_csv
from formats.excel import read_workbook, results_workbook, template_workbook
from questions.schema import QuestionBank

Rows = tuple[list[str], list[Row]]


@dataclass(frozen=True)
class Format:
    """One file format: its name, the file endings it takes, its media type, what the upload
    box says of it, and how rows are read from it, written to it and given as a template."""

    name: str
    extensions: tuple[str, ...]
    media_type: str
    help: str
    reader: Callable[[bytes, int], Rows]
    writer: Callable[[Sequence[str], Iterable[Sequence[object]], Sequence[bool],
                      Sequence[dict[str, str]]], bytes]
    templater: Callable[[Iterable[dict[str, object]], QuestionBank, Say], bytes]
    words: bool  # results in the questionnaire's words (labels), not ids

    def read(self, raw: bytes, max_rows: int = MAX_ROWS) -> Rows:
        """The header and the rows; AnswersError when the file cannot be read as rows."""
        return self.reader(raw, max_rows)

    def write(self, columns: Sequence[str], rows: Iterable[Sequence[object]],
              errors: Sequence[bool] = (), problems: Sequence[dict[str, str]] = ()) -> bytes:
        """The rows in this format, every cell inert (never a formula); error rows, and each
        cell at fault (`problems`: column -> what is wrong), marked where the format can."""
        return self.writer(columns, rows, errors, problems)

    def template(self, documents: Iterable[dict[str, object]], bank: QuestionBank,
                 tr: Say = as_written) -> bytes:
        """A file to fill in: every column, one row per example answers document, in the
        bank's and `tr`'s words where the format has words (a CSV holds ids only)."""
        return self.templater(documents, bank, tr)


def _read_csv(raw: bytes, max_rows: int) -> Rows:
    return read_rows(raw.decode("utf-8-sig"), max_rows)


def _write_csv(columns: Sequence[str], rows: Iterable[Sequence[object]],
               errors: Sequence[bool] = (), problems: Sequence[dict[str, str]] = ()) -> bytes:
    return to_csv(columns, rows).encode("utf-8")


def _csv_template(documents: Iterable[dict[str, object]], bank: QuestionBank,
                  tr: Say = as_written) -> bytes:
    return template(documents, bank).encode("utf-8")  # ids and values: no words to say


tr = as_written  # the help texts are marked for the catalogue; the page says them translated
FORMATS: dict[str, Format] = {
    "csv": Format("CSV", ("csv",), "text/csv",
                  tr("Comma-separated, one organisation a row, columns named by question id "
                     "(the command line's format)."), _read_csv, _write_csv, _csv_template,
                  words=False),
    "xlsx": Format("Excel", ("xlsx",), "application/vnd.openxmlformats-officedocument."
                   "spreadsheetml.sheet",
                   tr("An Excel workbook: drop-downs of the questionnaire's own words, a "
                      "sheet saying what each column takes."), read_workbook, results_workbook,
                   template_workbook, words=True),
}


def format_of(file_name: str) -> str | None:
    """The format a file's name says (its ending), or None when no format takes it."""
    ending = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return next((kind for kind, form in FORMATS.items() if ending in form.extensions), None)
