"""Command line: `python -m logic evaluate FILE|- [--knowledge VERSION] [-o OUT]` (FILE a
.json, .csv or .xlsx), `python -m logic evaluate --template csv|xlsx [--lang de] [-o OUT]` and
`python -m logic check-rules [--knowledge VERSION|all]`. (What a knowledge version changes in
stored assessments: `python -m storage reevaluate`.)"""

from __future__ import annotations

import argparse
import csv
import sys
from functools import partial

from formats.cells import column_words
from formats.files import (
    EXIT_INVALID,
    INPUT_ERRORS,
    MAX_DOCUMENT_BYTES,
    InputError,
    decode_answers_json,
    read_bytes,
    read_text,
    report_error,
    write_output,
)
from formats.table import FORMATS, format_of
from i18n import say
from logic.batch import evaluate_file
from logic.check import check_rules
from logic.engine import evaluate
from logic.knowledge_base import (
    DEFAULT_VERSION,
    KnowledgeError,
    available_versions,
    load_knowledge,
)
from logic.reading import later_reading, with_later
from questions.documents import parse_answers
from questions.schema import example_documents
from questions.translations import LANGUAGES, NAMES, bank_in


def _template(args: argparse.Namespace) -> int:
    form = FORMATS[args.template]
    target = args.output or ("-" if args.template == "csv" else "")
    if not target:
        raise InputError("an Excel template is written to a file: add -o business-units.xlsx")
    write_output(target, form.template(example_documents(), bank_in(args.lang),
                                       partial(say, args.lang)))
    if target != "-":
        print(f"wrote {target}: the {form.name} template, one organisation a row", file=sys.stderr)
    return 0


def _evaluate_rows(args: argparse.Namespace, kind: str) -> int:
    kb = load_knowledge(args.knowledge)
    target = args.output or ("-" if kind == "csv" else "")
    if not target:
        raise InputError("results of an Excel workbook are written to a file: add -o OUT.xlsx")
    try:
        output, results = evaluate_file(read_bytes(args.file), kind, kb)
    except csv.Error as exc:
        raise InputError(f"{args.file}: not a readable CSV ({exc})") from None
    write_output(target, output)
    bad = [r for r in results if r.error]
    for row in bad:
        if kind == "csv":
            print(f"line {row.line}: {row.error}", file=sys.stderr)
        else:
            for column, message in row.problems.items():
                print(f"row {row.line}, column {column_words(column)}: {message}",
                      file=sys.stderr)
    if bad:
        print(f"{len(bad)} of {len(results)} rows invalid", file=sys.stderr)
    return EXIT_INVALID if bad else 0


def _evaluate(args: argparse.Namespace) -> int:
    if args.template:
        return _template(args)
    if not args.file:
        raise InputError("name an answers file (.json, .csv or .xlsx), '-' for JSON on "
                         "standard input, or --template csv|xlsx")
    kind = format_of(args.file)
    if kind is not None:
        return _evaluate_rows(args, kind)
    kb = load_knowledge(args.knowledge)
    answers = parse_answers(decode_answers_json(read_text(args.file, MAX_DOCUMENT_BYTES)))
    rec = evaluate(answers, kb)
    write_output(args.output or "-", (with_later(rec, later_reading(answers, kb))
                                      .model_dump_json(indent=2) + "\n").encode("utf-8"))
    return 0


def _check_rules(args: argparse.Namespace) -> int:
    versions = available_versions() if args.knowledge == "all" else [args.knowledge]
    failed = 0
    for version in versions:
        report = check_rules(load_knowledge(version), samples=args.samples)
        print(f"== {version}")
        print("\n".join(report.lines()))
        failed += not report.ok
    return 1 if failed else 0


VERSIONS_HELP = "a knowledge version id: " + ", ".join(available_versions())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m logic", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ev = commands.add_parser("evaluate", help="evaluate an answers JSON (or - for stdin), or a "
                             "CSV or Excel workbook of organisations; or write a template")
    ev.add_argument("file", nargs="?", help="answers .json, '-' for JSON on stdin, or a .csv or "
                    ".xlsx of organisations (one a row)")
    ev.add_argument("--knowledge", default=DEFAULT_VERSION, help=VERSIONS_HELP)
    ev.add_argument("-o", "--output", default=None,
                    help="where to write the results (standard output by default; an Excel "
                    "workbook's results and template go to a file)")
    ev.add_argument("--template", choices=sorted(FORMATS), default=None,
                    help="write the batch template in this format instead (with the example "
                    "rows), to -o or standard output")
    ev.add_argument("--lang", choices=LANGUAGES, default="en",
                    help="the Excel template's words: " + ", ".join(
                        f"{code} ({NAMES[code]})" for code in LANGUAGES)
                    + "; the JSON and the CSV are the same in every language")
    ev.set_defaults(run=_evaluate)
    check = commands.add_parser("check-rules", help="look for rules that never fire, dead "
                                "floors, contradictions and answers without a reason")
    check.add_argument("--knowledge", default="all",
                       help=VERSIONS_HELP + "; or all (the default)")
    check.add_argument("--samples", type=int, default=20_000, help="random answer sets to try")
    check.set_defaults(run=_check_rules)
    return parser


CLI_ERRORS: tuple[type[Exception], ...] = (*INPUT_ERRORS, KnowledgeError)  # a message, exit 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except CLI_ERRORS as exc:
        return report_error(exc)


if __name__ == "__main__":
    sys.exit(main())
