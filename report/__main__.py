"""Command line: `python -m report ANSWERS.json -o OUT.pdf [--lang de]` writes the
recommendation PDF, in English or another language."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from formats.files import (
    EXIT_INVALID,
    INPUT_ERRORS,
    MAX_DOCUMENT_BYTES,
    decode_answers_json,
    read_text,
    report_error,
    write_output,
)
from logic.assessment import assess
from logic.knowledge_base import DEFAULT_VERSION, KnowledgeError, load_knowledge
from questions.documents import parse_answers
from questions.translations import LANGUAGES, NAMES
from report.build import build_pdf


def _date(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date: {text!r}") from None


CLI_ERRORS: tuple[type[Exception], ...] = (*INPUT_ERRORS, KnowledgeError)  # a message, exit 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m report", description=__doc__)
    parser.add_argument("file", help="answers JSON, or - for standard input")
    parser.add_argument("-o", "--output", required=True, help="where to write the PDF")
    parser.add_argument("--knowledge", default=DEFAULT_VERSION, help="knowledge version")
    parser.add_argument("--lang", choices=LANGUAGES, default="en",
                        help="the report's language: " + ", ".join(
                            f"{code} ({NAMES[code]})" for code in LANGUAGES))
    parser.add_argument("--date", type=_date, default=None,
                        help="the report's date (ISO 8601); default now")
    args = parser.parse_args(argv)
    try:
        text = read_text(args.file, MAX_DOCUMENT_BYTES)
        answers = parse_answers(decode_answers_json(text))
        kb = load_knowledge(args.knowledge)
        pdf = build_pdf(assess(answers, kb, language=args.lang),
                        generated_at=args.date or datetime.now(UTC))
        write_output(args.output, pdf)
    except CLI_ERRORS as exc:
        return report_error(exc)
    except OSError as exc:
        print(f"error: {exc.filename or args.file}: {exc.strerror}", file=sys.stderr)
        return EXIT_INVALID
    print(f"wrote {args.output} ({len(pdf):,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
