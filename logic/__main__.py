"""Command line: `python -m logic evaluate FILE|- [--knowledge VERSION]` and
`python -m logic check-rules [--knowledge VERSION|all]`. (What a knowledge version changes in
stored assessments: `python -m storage reevaluate`.)"""

from __future__ import annotations

import argparse
import csv
import sys

from formats.files import (
    EXIT_INVALID,
    INPUT_ERRORS,
    InputError,
    decode_answers_json,
    read_text,
    report_error,
)
from logic.batch import evaluate_csv
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


def _evaluate(args: argparse.Namespace) -> int:
    kb = load_knowledge(args.knowledge)
    text = read_text(args.file)
    if args.file.lower().endswith(".csv"):
        try:
            output, results = evaluate_csv(text, kb)
        except csv.Error as exc:
            raise InputError(f"{args.file}: not a readable CSV ({exc})") from None
        sys.stdout.write(output)
        bad = [r for r in results if r.error]
        for row in bad:
            print(f"line {row.line}: {row.error}", file=sys.stderr)
        if bad:
            print(f"{len(bad)} of {len(results)} rows invalid", file=sys.stderr)
        return EXIT_INVALID if bad else 0
    answers = parse_answers(decode_answers_json(text))
    rec = evaluate(answers, kb)
    print(with_later(rec, later_reading(answers, kb)).model_dump_json(indent=2))
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
    ev = commands.add_parser("evaluate", help="evaluate an answers JSON (or - for stdin) or CSV")
    ev.add_argument("file", help="answers .json, '-' for JSON on stdin, or a .csv of organisations")
    ev.add_argument("--knowledge", default=DEFAULT_VERSION, help=VERSIONS_HELP)
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
