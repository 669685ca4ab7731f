"""Reading answers documents for the command lines: files or standard input, JSON decoding, and
one way to print what is wrong. Shared by the command lines."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

from questions.answers import AnswersError
from questions.text import check_text

EXIT_INVALID = 2


class InputError(Exception):
    """Input that cannot be evaluated, with a message for the person who gave it."""


def _reject_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    counts = Counter(key for key, _ in pairs)
    repeated = sorted(key for key, n in counts.items() if n > 1)
    if repeated:
        raise InputError(f"answers: key(s) given more than once: {', '.join(repeated[:10])}")
    return dict(pairs)


def decode_answers_json(text: str) -> object:
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


MAX_INPUT_BYTES = 5_000_000  # a CSV or workbook of organisations, as on the Batch page
MAX_DOCUMENT_BYTES = 64_000_000  # one answers document on the command line: room for the
# contract's 10 MB string even written as JSON escapes (6 bytes a character), so that its field
# is named by the validator rather than the whole file refused; still a bound


def read_bytes(source: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """A file's bytes (standard input's, for '-'), read no further than `limit` whatever the
    source is (a device such as /dev/zero, a pipe): InputError past it, or when it cannot be
    read."""
    try:
        if source == "-":
            stream = getattr(sys.stdin, "buffer", None)
            raw = (stream.read(limit + 1) if stream is not None
                   else sys.stdin.read(limit + 1).encode("utf-8"))
        else:
            with Path(source).open("rb") as handle:
                raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{source}: a folder, not a file") from None
    except (OSError, MemoryError) as exc:
        raise InputError(f"{source}: cannot be read ({exc.__class__.__name__})") from None
    if len(raw) > limit:
        raise InputError(f"{source}: more than {limit / 1e6:.0f} MB; at most "
                         f"{limit / 1e6:.0f} MB is read")
    return raw


def read_text(source: str, limit: int = MAX_INPUT_BYTES) -> str:
    """A file's text (or standard input's, for '-'), UTF-8 with or without a BOM, within the
    same limit."""
    try:
        return read_bytes(source, limit).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{source}: cannot be read as UTF-8 text") from None


def write_output(target: str, data: bytes) -> None:
    """Write to a file, or standard output for '-'; InputError naming the output when it
    cannot be written (a full disk, a closed pipe, a folder that is not there)."""
    try:
        if target == "-":
            stream, rest = sys.stdout.buffer, memoryview(data)
            while rest:  # a pipe whose reader left takes part of a write and says nothing:
                written = stream.write(rest)  # the next write is the one that fails
                if not written:
                    raise OSError("nothing more could be written")
                rest = rest[written:]
            stream.flush()
        else:
            Path(target).write_bytes(data)
    except (OSError, ValueError) as exc:
        if target == "-":  # nothing more can reach a closed or full standard output, not even
            # the interpreter's own flush at exit (which would print a traceback)
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        reason = getattr(exc, "strerror", None) or exc.__class__.__name__
        raise InputError(f"{target if target != '-' else 'standard output'}: cannot be "
                         f"written ({reason})") from None


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
