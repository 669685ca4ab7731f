"""Excel workbooks for the batch: a template business people can fill (drop-down lists of the
human labels in every choice column, a sheet explaining each column), reading an uploaded
workbook into the same rows a CSV gives, and writing results back as a workbook.

The cells are read exactly as the CSV reader reads them (`formats.cells`): by id or label,
in any capitalisation. Every cell written is text, never a formula.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from formats.cells import LIST_SEPARATOR, MAX_BYTES, MAX_ROWS, Row, Say, as_written, header
from questions.answers import BANK_VERSION, UNANSWERED, AnswersError
from questions.documents import parse_answers
from questions.schema import (
    UNKNOWN,
    AnyQuestion,
    BooleanQuestion,
    ChoiceQuestion,
    IntegerQuestion,
    MultiChoiceQuestion,
    QuestionBank,
)
from questions.text import clean, said
from questions.values import items_of

DATA_SHEET = "Business units"
COLUMNS_SHEET = "Columns"
LISTS_SHEET = "Lists"
MAX_XLSX_UNPACKED = 50_000_000  # a workbook that unpacks to more is refused (zip bomb)
_HEAD = Font(bold=True, color="FFFFFF")
_FILL = PatternFill("solid", fgColor="1F4E79")


def _text_cell(sheet: Worksheet, row: int, column: int, value: str) -> None:
    """A cell that is text whatever it starts with (an uploaded '=...' stays inert)."""
    cell = sheet.cell(row=row, column=column, value=value)
    cell.data_type = "s"


def _label(question: AnyQuestion, value: object) -> str:
    """An answer as the person reads it, in a cell."""
    if value is None or value == "":
        return ""
    if value == UNKNOWN:
        return question.dont_know_label
    if isinstance(question, MultiChoiceQuestion):  # the file's separator, not ", "
        return f"{LIST_SEPARATOR} ".join(question.label_of([v]) for v in items_of(value))
    if isinstance(question, ChoiceQuestion | BooleanQuestion):
        return question.label_of(value)
    return str(value)


def template_workbook(documents: Iterable[dict[str, object]], bank: QuestionBank,
                      tr: Say = as_written) -> bytes:
    """The batch template as an Excel workbook: one column per question (headed by its id),
    the shipped examples filled in with labels, a drop-down of labels in each choice column,
    and a sheet explaining every column; the bank's words and `tr`'s (a language's) for the
    rest. Filled in any language, it reads back the same (formats.cells)."""
    book = Workbook()
    data = book.active
    data.title = tr("Business units")
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    guide = book.create_sheet(tr("Columns"))
    columns = header(bank)
    for index, name in enumerate(columns, start=1):
        _text_cell(data, 1, index, name)
        data.cell(row=1, column=index).font, data.cell(row=1, column=index).fill = _HEAD, _FILL
        data.column_dimensions[get_column_letter(index)].width = max(14, len(name) + 2)
    data.freeze_panes = "A2"
    for row, document in enumerate(documents, start=2):
        answers = parse_answers(document, bank)
        for index, name in enumerate(columns, start=1):
            if name in bank.by_id:
                _text_cell(data, row, index, _label(bank.question(name), answers.get(name)))
            elif name == BANK_VERSION:
                _text_cell(data, row, index, str(bank.version))
            elif name == UNANSWERED:  # questions added since the example was written
                _text_cell(data, row, index, LIST_SEPARATOR.join(sorted(answers.unanswered)))
    list_column = 0
    for index, name in enumerate(columns, start=1):
        question = bank.by_id.get(name)
        if question is None or question.kind not in ("choice", "boolean"):
            continue
        labels = ([o.label for o in question.options] if question.kind == "choice"
                  else [question.label_of(True), question.label_of(False)])
        if question.dont_know is not None:
            labels.append(question.dont_know_label)
        list_column += 1
        letter = get_column_letter(list_column)
        for row, text in enumerate(labels, start=1):
            _text_cell(lists, row, list_column, text)
        rule = DataValidation(
            type="list", allow_blank=True,
            formula1=f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(labels)}",
            showErrorMessage=False,  # ids and other spellings are read too
            promptTitle=question.label[:32], prompt=question.help[:255], showInputMessage=True)
        data.add_data_validation(rule)
        rule.add(f"{get_column_letter(index)}2:{get_column_letter(index)}{MAX_ROWS + 1}")
    _guide(guide, columns, bank, tr)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _guide(sheet: Worksheet, columns: Sequence[str], bank: QuestionBank, tr: Say) -> None:
    heads = [tr("Column"), tr("Question"), tr("What to write"), tr("Required"), tr("Help")]
    for index, head in enumerate(heads, start=1):
        _text_cell(sheet, 1, index, head)
        sheet.cell(row=1, column=index).font, sheet.cell(row=1, column=index).fill = _HEAD, _FILL
    for row, name in enumerate(columns, start=2):
        question = bank.by_id.get(name)
        if question is None:
            what = (tr("leave as it is (the questionnaire's version)") if name == BANK_VERSION
                    else tr("questions added since these answers were given; leave empty"))
            cells = [name, "", what, tr("no"), ""]
        else:
            cells = [name, question.label, _allowed(question, tr),
                     tr("yes") if question.required else tr("no"), question.help]
        for index, value in enumerate(cells, start=1):
            _text_cell(sheet, row, index, value)
            sheet.cell(row=row, column=index).alignment = Alignment(wrap_text=True,
                                                                   vertical="top")
    for letter, width in zip("ABCDE", (26, 44, 60, 10, 60), strict=True):
        sheet.column_dimensions[letter].width = width


def _allowed(question: AnyQuestion, tr: Say = as_written) -> str:
    unknown = ("; " + tr("or {unknown}", unknown=question.dont_know_label)
               if question.dont_know is not None else "")
    if isinstance(question, ChoiceQuestion):
        return tr("one of: {choices}", choices="; ".join(o.label for o in question.options)
                  ) + unknown
    if isinstance(question, MultiChoiceQuestion):
        return tr("any of, separated by ';': {choices}",
                  choices="; ".join(o.label for o in question.options)) + unknown
    if isinstance(question, BooleanQuestion):
        return tr("{yes} or {no}", yes=question.label_of(True),
                  no=question.label_of(False)) + unknown
    if isinstance(question, IntegerQuestion):
        empty = ("; " + tr("empty means {meaning}", meaning=question.null_label)
                 if question.nullable else "")
        return tr("a whole number from {low} to {high}", low=question.min,
                  high=question.max) + empty + unknown
    return tr("text, at most {n} characters", n=question.max_length)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


MAX_COLUMNS = 200  # header cells read: the bank has a few dozen questions
MAX_SHARED_STRINGS = 200_000  # distinct texts in a workbook: far more than 20,000 rows need
MAX_CELLS = 600_000  # cells in one sheet: 20,000 rows of every column the bank has, and room
MAX_SHEETS = 50
MAX_STYLES_BYTES = 5_000_000  # the styles part, unpacked (a real one is a few kB)
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")  # <c ...>, <x:c/>; not <col> or <cfRule>
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_ROW_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?row>")
_SHARED = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>]")


def _refuse(message: str) -> AnswersError:
    return AnswersError({"xlsx": message})


def _inspect(archive: zipfile.ZipFile, max_rows: int) -> None:
    """Bound what the parser will be asked to do before it starts: the parts are counted in
    their XML (cells per sheet, cells in the header row, shared texts, sheets, styles), so a
    small file that asks for hours of parsing is refused in a fraction of a second."""
    items = archive.infolist()
    if sum(item.file_size for item in items) > MAX_XLSX_UNPACKED:
        raise _refuse(said("the workbook unpacks to more than {most} MB",
                           most=format(MAX_XLSX_UNPACKED / 1e6, ".0f")))
    names = [(item, item.filename.lower()) for item in items]
    sheets = [item for item, name in names
              if name.startswith("xl/worksheets/") and name.endswith(".xml")]
    if len(sheets) > MAX_SHEETS:
        raise _refuse(said("the workbook has {n} sheets; at most {most}",
                           n=format(len(sheets), ","), most=format(MAX_SHEETS, ",")))
    for item, name in names:
        if name.endswith("styles.xml") and item.file_size > MAX_STYLES_BYTES:
            raise _refuse(said("the workbook's formatting is larger than {most} MB; save it "
                               "again as .xlsx or CSV",
                               most=format(MAX_STYLES_BYTES / 1e6, ".0f")))
        if name.endswith("sharedstrings.xml"):
            shared = sum(1 for _ in _SHARED.finditer(archive.read(item)))
            if shared > MAX_SHARED_STRINGS:
                raise _refuse(said("the workbook holds {n} different texts; at most {most}",
                                   n=format(shared, ","),
                                   most=format(MAX_SHARED_STRINGS, ",")))
    cap = min(MAX_CELLS, (max_rows + 1) * MAX_COLUMNS)
    for item in sheets:
        xml = archive.read(item)
        cells = sum(1 for _ in _CELL.finditer(xml))
        if cells > cap:
            raise _refuse(said("a sheet holds {n} cells; at most {most} are read at once: "
                               "split the file", n=format(cells, ","), most=format(cap, ",")))
        start = _ROW.search(xml)
        if start is not None:
            end = _ROW_END.search(xml, start.end())
            first = sum(1 for _ in _CELL.finditer(xml, start.end(),
                                                  end.start() if end else len(xml)))
            if first > MAX_COLUMNS:
                raise _refuse(said("the first row has {n} cells; more than {most} columns, "
                                   "and the questionnaire has far fewer",
                                   n=format(first, ","), most=format(MAX_COLUMNS, ",")))


def _declared_rows(sheet: Worksheet) -> int | None:
    """The last row the sheet's own dimension declares (None when it declares none)."""
    try:
        bounds = sheet.calculate_dimension()
    except Exception:  # no dimension element, or one openpyxl cannot read
        return None
    last = "".join(ch for ch in bounds.split(":")[-1] if ch.isdigit())
    return int(last) if last else None


def read_workbook(raw: bytes, max_rows: int = MAX_ROWS) -> tuple[list[str], list[Row]]:
    """The header and rows of an uploaded workbook's first sheet, as the CSV reader gives
    them, each with its row number in the sheet; AnswersError, naming the problem, for a file
    that is not a workbook, unpacks to too much, declares or holds more rows than `max_rows`
    (blank ones count: the reader yields one for every row number), has too many columns or
    texts, no header or a column named twice."""
    if len(raw) > MAX_BYTES:
        raise AnswersError({"xlsx": said("the file is {size} MB; at most {most} MB",
                                         size=format(len(raw) / 1e6, ".1f"),
                                         most=format(MAX_BYTES / 1e6, ".0f"))})
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            _inspect(archive, max_rows)
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except AnswersError:
        raise
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise AnswersError({"xlsx": said("the file is not an Excel workbook (.xlsx) this app "
                                         "can read; save it as .xlsx or as CSV UTF-8")}) from None
    try:
        sheet = book[DATA_SHEET] if DATA_SHEET in book.sheetnames else book.worksheets[0]
        declared = _declared_rows(sheet)
        if declared is not None and declared > max_rows + 1:
            raise AnswersError({"xlsx": said("the sheet declares {n} rows; at most {most} are "
                                             "evaluated at once: split the file",
                                             n=format(declared, ","),
                                             most=format(max_rows, ","))})
        rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
        first = next(rows, None)
        names = [_cell_text(v).strip() for v in (first or ())]
        while names and not names[-1]:
            names.pop()
        if len(names) > MAX_COLUMNS:
            raise AnswersError({"xlsx": said("more than {n} columns; the questionnaire has "
                                             "far fewer", n=MAX_COLUMNS)})
        if not names:
            raise AnswersError({"xlsx": said("the first sheet has no header row naming the "
                                             "questions")})
        repeated = sorted(n for n, times in Counter(names).items() if n and times > 1)
        if repeated:
            raise AnswersError({"xlsx": said("column(s) named more than once: {names}",
                                             names=", ".join(clean(n)[:40]
                                                             for n in repeated[:10]))})
        records: list[Row] = []
        for number, values in enumerate(rows, start=2):
            if number > max_rows + 1:  # every row the reader yields counts, blank or not
                raise AnswersError({"xlsx": said("more than {n} rows; split the file",
                                                 n=format(max_rows, ","))})
            cells = [_cell_text(v) for v in values[:len(names)]]
            if not any(c.strip() for c in cells):
                continue  # blank rows, as in the CSV reader (their numbers are kept)
            records.append((number, dict(zip(names, cells + [""] * (len(names) - len(cells)),
                                             strict=True))))
    except AnswersError:
        raise
    except Exception:  # a part openpyxl cannot parse (a malformed cell reference, bad XML)
        raise AnswersError({"xlsx": said("the workbook's first sheet could not be read (it is "
                                         "damaged or not written by a spreadsheet program); "
                                         "open it, save it again as .xlsx or as CSV UTF-8")}
                           ) from None
    finally:
        book.close()
    return names, records


def results_workbook(columns: Sequence[str], rows: Iterable[Sequence[object]],
                     errors: Sequence[bool] = (),
                     problems: Sequence[dict[str, str]] = ()) -> bytes:
    """Rows as a workbook: every cell text (never a formula); a row with errors shaded, and
    each cell at fault marked (a stronger colour, and a comment saying what is wrong)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Results"
    for index, name in enumerate(columns, start=1):
        _text_cell(sheet, 1, index, name)
        sheet.cell(row=1, column=index).font, sheet.cell(row=1, column=index).fill = _HEAD, _FILL
    shade, fault = PatternFill("solid", fgColor="FDE2E1"), PatternFill("solid", fgColor="F4A6A0")
    where = {name: index for index, name in enumerate(columns, start=1)}
    for row, values in enumerate(rows, start=2):
        for index, value in enumerate(values, start=1):
            _text_cell(sheet, row, index, _cell_text(value))
            if row - 2 < len(errors) and errors[row - 2]:
                sheet.cell(row=row, column=index).fill = shade
        for column, message in (problems[row - 2] if row - 2 < len(problems) else {}).items():
            if column in where:
                cell = sheet.cell(row=row, column=where[column])
                cell.fill = fault
                cell.comment = Comment(clean(message)[:500], "Hosting fit")
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
