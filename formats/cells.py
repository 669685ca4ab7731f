"""Answers as rows of cells (one organisation a row): reading a cell by id or label, writing a
value as a cell, CSV text in and out (formula-safe), and the batch template. The evaluation of
the rows is logic.batch; the Excel form of the same rows is formats.excel."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from questions.answers import BANK_VERSION, UNANSWERED, Answers, AnswersError
from questions.documents import parse_answers
from questions.schema import (
    UNKNOWN,
    UNKNOWN_LABEL,
    AnyQuestion,
    BooleanQuestion,
    ChoiceQuestion,
    IntegerQuestion,
    MultiChoiceQuestion,
    QuestionBank,
    default_bank,
)
from questions.text import clean, message_of, said
from questions.translations import TRANSLATED, bank_in

RESULT_COLUMNS = ("verdict", "drivers", "blockers", "caveats", "band_low", "band_high",
                  "settle_first", "later_version", "later_verdict", "error")
MAX_BYTES = 5_000_000  # a CSV evaluated at once (the Batch page's upload; the command line)
MAX_ROWS = 20_000  # rows of one CSV, whatever their line endings
MAX_CELL_CHARS = 10_000  # one cell; a longer one costs its row, not the file
csv.field_size_limit(MAX_BYTES)  # so a long cell is this module's message, not a csv.Error
LIST_SEPARATOR = ";"
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,12}")  # plain ASCII digits, never 1_0 or other scripts
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _whole_number(cell: str) -> int:
    text = cell.strip().removesuffix("%").strip()  # "40%" in a percentage column reads 40
    if not _WHOLE_NUMBER.fullmatch(text):
        raise ValueError(said("expected a whole number, got {cell}", cell=repr(cell[:40])))
    return int(text)


def _in_every_language(bank: QuestionBank) -> list[QuestionBank]:
    """The bank and its translations: a cell or a heading may be written in any language's
    words (a template filled in German reads as one filled in English)."""
    banks = [bank]
    for language in TRANSLATED:
        try:
            banks.append(bank_in(language, bank))
        except ValueError:  # a bank without that translation (a copy being extended)
            continue
    return banks


def _said(yes: bool | None) -> set[str]:
    """Yes (True), No (False) or "Don't know" (None) in every language, as `_key` reads
    them."""
    found = set()
    for banked in _in_every_language(default_bank()):
        question = next((q for q in banked.questions() if q.kind == "boolean"), None)
        if question is not None:
            found.add(_key(question.dont_know_label if yes is None else question.label_of(yes)))
    return found


_TRUE, _FALSE = {"true", "yes", "y"}, {"false", "no", "n"}


def _boolean(cell: str) -> bool:
    lowered = _key(cell)
    if lowered in _YES_NO[0]:
        return True
    if lowered in _YES_NO[1]:
        return False
    if lowered not in _TRUE | _FALSE:
        raise ValueError(said("expected true or false (or yes or no), got {cell}",
                              cell=repr(cell[:40])))
    return lowered in _TRUE


def _items(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]

Reader = Callable[[str], object]  # how one cell reads as an answer value
# The words a template says for people, in the reader's language: a callable taking the
# English text (and its {placeholders}' values) and giving it translated; `as_written` keeps
# the English. formats/ knows no catalogue: the caller hands one in (ui.i18n.tr, or
# i18n.say for a language on the command line).
class Say(Protocol):
    def __call__(self, text: str, /, **values: object) -> str: ...



def as_written(text: str, /, **values: object) -> str:
    """The English text itself, its placeholders filled."""
    return text.format(**values) if values else text


def _key(text: str) -> str:
    """How a cell is compared with a value's id and label: case, spaces, a trailing % and
    quotes do not matter ("99.9%", "Over 10,000", "financial services" all read)."""
    return " ".join(text.strip().strip("'\"").removesuffix("%").replace("_", " ").lower().split())


def _lookup(question: ChoiceQuestion | MultiChoiceQuestion,
            words: Sequence[AnyQuestion] = ()) -> dict[str, str]:
    """Each value of a choice question by its id and by its label, as `_key` reads them, and
    by its label in each of `words` (the same question in other languages)."""
    table: dict[str, str] = {}
    for option in question.options:
        table.setdefault(_key(option.value), option.value)
        table.setdefault(_key(option.label), option.value)
    for other in words:
        for option in getattr(other, "options", []):
            table.setdefault(_key(option.label), option.value)
    return table


def _choice_reader(question: ChoiceQuestion, words: Sequence[AnyQuestion] = ()) -> Reader:
    """A choice cell: the value's id or its label, in any capitalisation and language;
    otherwise the cell as it is, so the error names the allowed values."""
    table = _lookup(question, words)

    def read(cell: str) -> object:
        return table.get(_key(cell), cell.strip())
    return read


def _list_reader(question: MultiChoiceQuestion, words: Sequence[AnyQuestion] = ()) -> Reader:
    """A list cell: items joined by ';', each an id or a label in any capitalisation and
    language; an empty selection's words ("None", "Keine") read as none."""
    table = _lookup(question, words)
    nothing = {_key(q.label_of([])) for q in (question, *words)}

    def read(cell: str) -> object:
        if _key(cell) in nothing:
            return []
        return [table.get(_key(item), item) for item in _items(cell)]
    return read


def _kind_reader(question: AnyQuestion, words: Sequence[AnyQuestion] = ()) -> Reader | None:
    """How a cell reads as a value of the question's kind; None for text (read as it is)."""
    if isinstance(question, BooleanQuestion):
        return _boolean
    if isinstance(question, IntegerQuestion):
        return _whole_number
    if isinstance(question, MultiChoiceQuestion):
        return _list_reader(question, words)
    if isinstance(question, ChoiceQuestion):
        return _choice_reader(question, words)
    return None


_COLUMN_READERS: dict[int, tuple[QuestionBank, dict[str, Reader]]] = {}


_UNKNOWN_CELLS = {_key(UNKNOWN), _key(UNKNOWN_LABEL), "dont know", "don’t know", *_said(None)}
_YES_NO = (_said(True), _said(False))


def _or_unknown(reader: Reader | None) -> Reader:
    """A cell reader that also takes "Don't know" (its label, as the Excel template offers it,
    or `unknown`) for questions that offer it."""
    def read(cell: str) -> object:
        if _key(cell) in _UNKNOWN_CELLS:
            return UNKNOWN
        return reader(cell) if reader else cell
    return read


def _readers(bank: QuestionBank) -> dict[str, Reader]:
    """Column -> how its cells read, for every column that is not read as text (built once
    per bank)."""
    cached = _COLUMN_READERS.get(id(bank))
    if cached is None or cached[0] is not bank:
        readers: dict[str, Reader] = {}
        others = _in_every_language(bank)[1:]
        for q in bank.questions():
            kind_reader = _kind_reader(q, [b.question(q.id) for b in others])
            if q.dont_know is not None:
                readers[q.id] = _or_unknown(kind_reader)
            elif kind_reader is not None:
                readers[q.id] = kind_reader
        cached = _COLUMN_READERS[id(bank)] = (
            bank, {**readers, BANK_VERSION: _whole_number, UNANSWERED: _items})
    return cached[1]


_HEADINGS: dict[int, tuple[QuestionBank, dict[str, str]]] = {}  # by bank, built once


def _columns(bank: QuestionBank) -> dict[str, str]:
    """Question ids by how a heading may name them: the id or the question's label, in any
    capitalisation (a workbook's header written by a person). Built once per bank."""
    cached = _HEADINGS.get(id(bank))
    if cached is not None and cached[0] is bank:
        return cached[1]
    found: dict[str, str] = {_key(BANK_VERSION): BANK_VERSION, _key(UNANSWERED): UNANSWERED}
    for question in bank.questions():
        found.setdefault(_key(question.id), question.id)
    for banked in _in_every_language(bank):
        for question in banked.questions():
            found.setdefault(_key(question.label), question.id)
    _HEADINGS[id(bank)] = (bank, found)
    return found


def column_of(heading: str, bank: QuestionBank | None = None) -> str:
    """The question id (or document key) a column's heading names, by id or by wording."""
    bank = bank or default_bank()
    readers = _readers(bank)
    return heading if heading in readers or heading in bank.by_id else _columns(bank).get(
        _key(heading), heading)


def column_words(heading: str, bank: QuestionBank | None = None) -> str:
    """A column heading as the questionnaire words it (the heading may be a question's id)."""
    bank = bank or default_bank()
    question = bank.by_id.get(column_of(heading, bank))
    return question.label if question is not None else heading


_HEADING_OF: dict[tuple[int, str], str] = {}  # a file's few headings, read once each
MAX_REMEMBERED_HEADINGS = 10_000


def _heading_column(columns: dict[str, str], heading: str) -> str:
    key = (id(columns), heading)
    found = _HEADING_OF.get(key)
    if found is None:
        if len(_HEADING_OF) >= MAX_REMEMBERED_HEADINGS:
            _HEADING_OF.clear()
        found = _HEADING_OF[key] = columns.get(_key(heading), heading)
    return found


def row_to_answers(row: dict[str, str], bank: QuestionBank | None = None) -> Answers:
    """Turn one CSV row into Answers; an empty cell means absent; errors name every field."""
    bank = bank or default_bank()
    readers = _readers(bank)
    columns = _columns(bank)
    data: dict[str, object] = {}
    problems: dict[str, str] = {}
    for heading, cell in row.items():
        if not cell or heading in RESULT_COLUMNS:
            continue
        column = heading if heading in readers else _heading_column(columns, heading)
        reader = readers.get(column)
        try:
            data[column] = reader(cell) if reader else cell
        except ValueError as exc:
            problems[column] = message_of(exc)
    try:
        answers = parse_answers(data, bank)
    except AnswersError as exc:
        problems = {**exc.problems, **problems}
        raise AnswersError(problems) from None
    if problems:
        raise AnswersError(problems)
    return answers


def value_to_cell(value: object) -> str:
    """One answer value as a CSV cell: lists joined by ';', booleans true/false, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(value_to_cell(v) for v in value)
    return str(value)


def safe_cell(text: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula."""
    return "'" + text if text.startswith(_FORMULA_PREFIXES) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text with every cell formula-safe. Lines end in CRLF (RFC 4180): the csv module
    quotes only the line terminator's characters, so with a bare LF a cell holding a carriage
    return went out unquoted and split its row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(safe_cell(h) for h in header)  # an uploaded file's header comes back too
    writer.writerows([safe_cell(v if type(v) is str else value_to_cell(v)) for v in row]
                     for row in rows)
    return out.getvalue()


Row = tuple[int, dict[str, str]]  # a row's own number in its file (its first line), its cells


def read_rows(text: str, max_rows: int = MAX_ROWS) -> tuple[list[str], list[Row]]:
    """The header and the rows of CSV text (any line ending; a line break inside a quoted
    cell stays in the cell), each with the line of the file it starts on. AnswersError, before
    anything is evaluated, for a file without a header, with a column named twice, or with
    more than `max_rows` rows."""
    reader = csv.reader(io.StringIO(text, newline=""))
    names = next(reader, None)
    if not names or not any(n.strip() for n in names):
        raise AnswersError({"csv": said("the file has no header row naming the question ids")})
    repeated = sorted(n for n, times in Counter(names).items() if times > 1)
    if repeated:
        raise AnswersError({"csv": said("column(s) named more than once: {names}",
                                        names=", ".join(clean(n)[:40] for n in repeated[:10]))})
    rows: list[Row] = []
    while True:
        line = reader.line_num + 1
        record = next(reader, None)
        if record is None:
            break
        if not record:
            continue  # blank lines
        if len(rows) >= max_rows:
            raise AnswersError({"csv": said("more than {n} rows; at most {n} are evaluated at "
                                            "once: split the file", n=format(max_rows, ","))})
        row: dict[str | None, object] = dict(zip(names, record, strict=False))
        if len(record) > len(names):
            row[None] = record[len(names):]
        rows.append((line, row))  # type: ignore[arg-type]
    return names, rows


def cell_problem(bank: QuestionBank, question_id: str, cell: str, message: str) -> str:
    """What is wrong with one cell, in the questionnaire's words: the choices a choice column
    takes by their labels, an empty cell as one that needs an answer."""
    question = bank.by_id.get(question_id)
    if question is None:
        return message
    if message.startswith("is required"):
        return said("empty, and it needs an answer")
    if question.kind in ("choice", "boolean", "multi_choice") and "is not allowed" in message:
        labels = [question.label_of(v) if question.kind != "multi_choice"
                  else question.label_of([v]) for v in question.choices()]
        if question.dont_know is not None:
            labels.append(UNKNOWN_LABEL)
        shown = cell if len(cell) <= 40 else cell[:37] + "..."
        return said("“{cell}” is not one of its choices: {choices}", cell=clean(shown),
                    choices=", ".join(labels))
    return message


def header(bank: QuestionBank) -> list[str]:
    """The columns of an answers CSV, as in the answers document: the bank version, every
    question of the bank, and the questions added since the answers were given that are not
    answered yet (usually empty)."""
    return [BANK_VERSION, *bank.ids, UNANSWERED]


def answers_to_row(answers: Answers, bank: QuestionBank | None = None) -> dict[str, str]:
    """The CSV row for one organisation's answers, in the columns of `header`."""
    bank = bank or default_bank()
    return {BANK_VERSION: str(bank.version),
            **{qid: value_to_cell(answers.get(qid)) for qid in bank.ids},
            UNANSWERED: value_to_cell(sorted(answers.unanswered))}


def template(documents: Iterable[dict[str, object]], bank: QuestionBank) -> str:
    """A CSV to fill in: every column, and one row per example answers document (read through
    the bank's migrations, so a question added since the example was written is listed under
    `unanswered` until someone answers it)."""
    rows = [answers_to_row(parse_answers(document, bank), bank) for document in documents]
    return to_csv(header(bank), [list(row.values()) for row in rows])
