"""Command line: `python -m logic evaluate FILE|- [--knowledge VERSION]` and
`python -m logic check-rules [--knowledge VERSION]`."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from logic.answers import AnswersError, parse_answers
from logic.batch import evaluate_csv
from logic.engine import evaluate
from logic.knowledge_base import DEFAULT_VERSION, KnowledgeError, load_knowledge

EXIT_INVALID = 2


class InputError(Exception):
    """Input that cannot be evaluated, with a message for the person who gave it."""


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise InputError(f"answers: key(s) given more than once: {', '.join(repeated)}")
    return dict(pairs)


def decode_answers_json(text: str) -> Any:
    """Decode an answers document, refusing duplicate keys; InputError says where it broke."""
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise InputError(f"not valid JSON: {exc.msg} at {where}") from None
    except RecursionError:
        raise InputError("not valid JSON: nested too deeply") from None


def _read(source: str) -> str:
    try:
        if source == "-":
            return sys.stdin.read()
        return Path(source).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        kind = exc.__class__.__name__
        raise InputError(f"{source}: cannot be read as UTF-8 text ({kind})") from None


def _evaluate(args: argparse.Namespace) -> int:
    kb = load_knowledge(args.knowledge)
    text = _read(args.file)
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
    print(evaluate(answers, kb).model_dump_json(indent=2))
    return 0


def _check_rules(args: argparse.Namespace) -> int:
    from logic.check import check_rules

    report = check_rules(load_knowledge(args.knowledge), samples=args.samples)
    print("\n".join(report.lines()))
    return 0 if report.ok else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m logic", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ev = commands.add_parser("evaluate", help="evaluate an answers JSON (or - for stdin) or CSV")
    ev.add_argument("file", help="answers .json, '-' for JSON on stdin, or a .csv of organisations")
    ev.add_argument("--knowledge", default=DEFAULT_VERSION, help="knowledge version to use")
    ev.set_defaults(run=_evaluate)
    check = commands.add_parser("check-rules", help="look for rules that never fire, dead "
                                "floors, contradictions and answers without a reason")
    check.add_argument("--knowledge", default=DEFAULT_VERSION, help="knowledge version to check")
    check.add_argument("--samples", type=int, default=20_000, help="random answer sets to try")
    check.set_defaults(run=_check_rules)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except AnswersError as exc:
        print("invalid answers:", file=sys.stderr)
        for field, message in exc.problems.items():
            print(f"  {field}: {message}", file=sys.stderr)
        return EXIT_INVALID
    except (InputError, KnowledgeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID


if __name__ == "__main__":
    sys.exit(main())
