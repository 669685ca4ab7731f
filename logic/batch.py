"""The batch: rows of answers (from a CSV or a workbook, see formats) evaluated one by one, a
bad row carrying its error and never stopping the others, and the rows written back with the
results beside them in the format they came in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from formats.cells import (
    LIST_SEPARATOR,
    MAX_CELL_CHARS,
    MAX_ROWS,
    RESULT_COLUMNS,
    row_to_answers,
)
from formats.table import FORMATS
from logic.compare import later_version
from logic.engine import Outcome, outcome
from logic.knowledge_base import KnowledgeBase, load_knowledge
from logic.unknowns import Band, band
from questions.answers import AnswersError


@dataclass(frozen=True)
class RowResult:
    """One evaluated row: the input cells and either a recommendation or an error."""

    line: int
    cells: dict[str, str]
    outcome: Outcome | None
    error: str
    band: Band | None = None  # with "Don't know" answers
    later: tuple[str, str] | None = None  # (version, verdict) under the newest sourced one

    def output_row(self, columns: Sequence[str]) -> list[str]:
        """The input cells in these columns, then verdict, drivers, blockers, caveats, the
        band and the question to settle first (empty when nothing is unknown), the verdict
        under the newest sourced knowledge version, and error."""
        done, band, later = self.outcome, self.band, self.later
        return [*(self.cells.get(c, "") for c in columns),
                done.verdict if done else "",
                LIST_SEPARATOR.join(done.drivers) if done else "",
                LIST_SEPARATOR.join(done.blockers) if done else "",
                LIST_SEPARATOR.join(done.caveats) if done else "",
                band.low if band else "", band.high if band else "",
                band.settle_first or "" if band else "",
                *(later if later else ("", "")),
                self.error]


def evaluate_rows(rows: Iterable[dict[str, str]], kb: KnowledgeBase) -> Iterator[RowResult]:
    """Evaluate rows one by one; a bad row carries its error and never stops the others. Each
    good row also carries its verdict under the newest sourced version after `kb`."""
    newer = later_version(kb.version)
    later_kb = load_knowledge(newer) if newer else None
    for line, row in enumerate(rows, start=2):
        cells = {k: v or "" for k, v in row.items() if k is not None and k not in RESULT_COLUMNS}
        if None in row:
            yield RowResult(line, cells, None, "row has more cells than the header has columns")
            continue
        long = next((k for k, v in cells.items() if len(v) > MAX_CELL_CHARS), None)
        if long is not None:
            yield RowResult(line, {k: v[:MAX_CELL_CHARS] for k, v in cells.items()}, None,
                            f"{long}: the cell has {len(cells[long]):,} characters; at most "
                            f"{MAX_CELL_CHARS:,}")
            continue
        try:
            answers = row_to_answers(cells)
            yield RowResult(line, cells, outcome(answers, kb), "",
                            band(answers, kb) if answers.unknowns else None,
                            (later_kb.version, outcome(answers, later_kb).verdict)
                            if later_kb else None)
        except AnswersError as exc:
            yield RowResult(line, cells, None, str(exc))



def evaluate_file(raw: bytes, kind: str, kb: KnowledgeBase,
                  max_rows: int = MAX_ROWS) -> tuple[bytes, list[RowResult]]:
    """Evaluate an uploaded file of the given kind (a key of formats.FORMATS); the results in
    the same format (the input columns, then the result columns, error rows marked) and the
    per-row results. AnswersError for a file that cannot be read as rows at all."""
    form = FORMATS[kind]
    names, rows = form.read(raw, max_rows)
    header = [c for c in names if c not in RESULT_COLUMNS]
    results = list(evaluate_rows(rows, kb))
    output = form.write([*header, *RESULT_COLUMNS], [r.output_row(header) for r in results],
                        [bool(r.error) for r in results])
    return output, results


def evaluate_csv(text: str, kb: KnowledgeBase,
                 max_rows: int = MAX_ROWS) -> tuple[str, list[RowResult]]:
    """Evaluate CSV text; return the output CSV (formula-safe) and the per-row results."""
    output, results = evaluate_file(text.encode("utf-8"), "csv", kb, max_rows)
    return output.decode("utf-8"), results


