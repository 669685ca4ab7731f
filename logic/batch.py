"""The batch: rows of answers (from a CSV or a workbook, see formats) evaluated one by one, a
bad row carrying its error and never stopping the others, and the rows written back with the
results beside them in the format they came in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from formats.cells import (
    LIST_SEPARATOR,
    MAX_CELL_CHARS,
    MAX_ROWS,
    RESULT_COLUMNS,
    Row,
    cell_problem,
    column_of,
    column_words,
    row_to_answers,
)
from formats.table import FORMATS
from logic.compare import later_version
from logic.engine import Outcome, outcome
from logic.knowledge_base import KnowledgeBase, load_knowledge
from logic.unknowns import Band, band
from questions.answers import AnswersError
from questions.schema import QuestionBank, default_bank


@dataclass(frozen=True)
class RowResult:
    """One evaluated row: its number in the file, the input cells, and either an outcome or an
    error (`error` for the command line, in ids; `problems`, by column heading, in the
    questionnaire's words, for people)."""

    line: int
    cells: dict[str, str]
    outcome: Outcome | None
    error: str
    band: Band | None = None  # with "Don't know" answers
    later: tuple[str, str] | None = None  # (version, verdict) under the newest sourced one
    problems: dict[str, str] = field(default_factory=dict)

    def output_row(self, columns: Sequence[str], words: KnowledgeBase | None = None,
                   bank: QuestionBank | None = None) -> list[str]:
        """The input cells in these columns, then verdict, drivers, blockers, caveats, the
        band and the question to settle first (empty when nothing is unknown), the verdict
        under the newest sourced knowledge version, and error: in ids, or with `words` (a
        knowledge version) in its words and the bank's."""
        cells = [self.cells.get(c, "") for c in columns]
        done, band, later = self.outcome, self.band, self.later
        if done is None:
            error = self.error if words is None else "; ".join(
                f"{column_words(column, bank)}: {message}"
                for column, message in self.problems.items())
            return [*cells, *[""] * (len(RESULT_COLUMNS) - 1), error]
        if words is None:
            return [*cells, done.verdict, *(LIST_SEPARATOR.join(ids) for ids in (
                done.drivers, done.blockers, done.caveats)),
                band.low if band else "", band.high if band else "",
                band.settle_first or "" if band else "",
                *(later if later else ("", "")), ""]
        verdict = words.verdicts
        settle = (bank or default_bank()).question(band.settle_first).label if (
            band and band.settle_first) else ""
        return [*cells, verdict[done.verdict].label,
                "; ".join(words.drivers[d].label for d in done.drivers),
                "; ".join(words.blockers[b].label for b in done.blockers),
                "; ".join(words.blockers[c].label for c in done.caveats),
                verdict[band.low].label if band else "", verdict[band.high].label if band else "",
                settle, later[0] if later else "", verdict[later[1]].label if later else "", ""]


def _problems(exc: AnswersError, cells: dict[str, str], bank: QuestionBank) -> dict[str, str]:
    """Each bad field as its column heading in the file and what is wrong, in words."""
    heading = {column_of(h, bank): h for h in cells}
    return {heading.get(field, field): cell_problem(bank, field, cells.get(heading.get(field, ""),
                                                                          ""), message)
            for field, message in exc.problems.items()}


def evaluate_rows(rows: Iterable[Row], kb: KnowledgeBase,
                  bank: QuestionBank | None = None) -> Iterator[RowResult]:
    """Evaluate rows one by one; a bad row carries its error and never stops the others. Each
    good row also carries its verdict under the newest sourced version after `kb`."""
    bank = bank or default_bank()
    newer = later_version(kb.version)
    later_kb = load_knowledge(newer) if newer else None
    for line, row in rows:
        cells = {k: v or "" for k, v in row.items() if k is not None and k not in RESULT_COLUMNS}
        if None in row:
            message = "row has more cells than the header has columns"
            yield RowResult(line, cells, None, message, problems={"row": message})
            continue
        long = next((k for k, v in cells.items() if len(v) > MAX_CELL_CHARS), None)
        if long is not None:
            message = f"the cell has {len(cells[long]):,} characters; at most {MAX_CELL_CHARS:,}"
            yield RowResult(line, {k: v[:MAX_CELL_CHARS] for k, v in cells.items()}, None,
                            f"{long}: {message}", problems={long: message})
            continue
        try:
            answers = row_to_answers(cells, bank)
            yield RowResult(line, cells, outcome(answers, kb), "",
                            band(answers, kb) if answers.unknowns else None,
                            (later_kb.version, outcome(answers, later_kb).verdict)
                            if later_kb else None)
        except AnswersError as exc:
            yield RowResult(line, cells, None, str(exc), problems=_problems(exc, cells, bank))


def evaluate_file(raw: bytes, kind: str, kb: KnowledgeBase,
                  max_rows: int = MAX_ROWS) -> tuple[bytes, list[RowResult]]:
    """Evaluate an uploaded file of the given kind (a key of formats.FORMATS); the results in
    the same format (the input columns, then the result columns; error rows and the cells at
    fault marked where the format can; in words where it is for people) and the per-row
    results. AnswersError for a file that cannot be read as rows at all."""
    form = FORMATS[kind]
    names, rows = form.read(raw, max_rows)
    header = [c for c in names if c not in RESULT_COLUMNS]
    results = list(evaluate_rows(rows, kb))
    words = kb if form.words else None
    output = form.write([*header, *RESULT_COLUMNS],
                        [r.output_row(header, words, default_bank()) for r in results],
                        [bool(r.error) for r in results], [r.problems for r in results])
    return output, results


def evaluate_csv(text: str, kb: KnowledgeBase,
                 max_rows: int = MAX_ROWS) -> tuple[str, list[RowResult]]:
    """Evaluate CSV text; return the output CSV (formula-safe) and the per-row results."""
    output, results = evaluate_file(text.encode("utf-8"), "csv", kb, max_rows)
    return output.decode("utf-8"), results


