"""Reading answers documents for the command lines: files or standard input, JSON decoding, and
one way to print what is wrong. Shared by the command lines."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from questions.answers import AnswersError
from questions.text import check_text

EXIT_INVALID = 2


class InputError(Exception):
    """Input that cannot be evaluated, with a message for the person who gave it."""


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    counts = Counter(key for key, _ in pairs)
    repeated = sorted(key for key, n in counts.items() if n > 1)
    if repeated:
        raise InputError(f"answers: key(s) given more than once: {', '.join(repeated[:10])}")
    return dict(pairs)


def decode_answers_json(text: str) -> Any:
    """Decode an untrusted JSON document (answers, a decision record), refusing duplicate keys
    and escaped lone surrogates (`"\\ud800"` is not a character: it cannot be shown, stored or
    printed); InputError says what is wrong and where."""
    try:
        data = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise InputError(f"not valid JSON: {exc.msg} at {where}") from None
    except RecursionError:
        raise InputError("not valid JSON: nested too deeply") from None
    except ValueError:  # a number too long for Python to read
        raise InputError("not valid JSON: a number is too long") from None
    try:
        check_text(json.dumps(data, ensure_ascii=False))
    except ValueError as exc:
        raise InputError(f"a text {exc}") from None
    return data


def read_text(source: str) -> str:
    """A file's text (or standard input's, for '-'), UTF-8 with or without a BOM."""
    try:
        if source == "-":
            stream = getattr(sys.stdin, "buffer", None)
            raw = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        else:
            raw = Path(source).read_bytes()
        return raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        kind = exc.__class__.__name__
        raise InputError(f"{source}: cannot be read as UTF-8 text ({kind})") from None


def report_error(exc: Exception) -> int:
    """Print what is wrong with the input to standard error; return the exit status."""
    if isinstance(exc, AnswersError):
        print("invalid answers:", file=sys.stderr)
        for line in exc.lines():
            print(f"  {line}", file=sys.stderr)
    else:
        print(f"error: {exc}", file=sys.stderr)
    return EXIT_INVALID


INPUT_ERRORS: tuple[type[Exception], ...] = (AnswersError, InputError)  # a CLI adds its own
