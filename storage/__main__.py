"""Command line for stored assessments: `python -m storage reevaluate --knowledge VERSION [--csv]
[--database URL] [--notify]` lists every saved assessment and team whose verdict (or band) that
knowledge version would change, with the old and new verdict. It reads the database and never
writes it, except with `--notify`: then every watch whose verdict or band the version moves
gets a notice (in its feed, and sent to its webhook before the command ends).
"""

from __future__ import annotations

import argparse
import sys

from logic.knowledge_base import KnowledgeError, available_versions, load_knowledge
from questions.text import plural
from storage.db import ConfigError, StorageUnavailable, resolve_url, secrets_url, sqlite_file
from storage.reevaluate import as_csv, as_table, reevaluate
from storage.store import Store

EXIT_INVALID = 2


def _reevaluate(args: argparse.Namespace) -> int:
    load_knowledge(args.knowledge)  # an unknown version fails here, before the database
    try:
        url = args.database or secrets_url() or resolve_url()
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    missing = sqlite_file(url)
    if missing is not None and not missing.exists():  # opening it would create it: this
        # command never writes
        print(f"error: no database at {missing}: nothing to re-evaluate (check --database or "
              "HOSTING_FIT_DATABASE_URL)", file=sys.stderr)
        return EXIT_INVALID
    try:
        store = Store.open(url)
    except (ConfigError, StorageUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    try:
        result = reevaluate(store, args.knowledge)
        told = store.notify_all(args.knowledge) if args.notify else None
    finally:
        store.close()
    sys.stdout.write(as_csv(result) if args.csv else as_table(result) + "\n")
    if told is not None:
        print(f"notified: {plural(len(told), 'watch notice')} "
              f"under {args.knowledge}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m storage", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    again = commands.add_parser(
        "reevaluate", help="list saved assessments and teams whose verdict (or band) a knowledge "
        "version would change; reads the database, never writes it")
    again.add_argument("--knowledge", required=True,
                       help="a knowledge version id: " + ", ".join(available_versions()))
    again.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    again.add_argument("--database", default=None,
                       help="a database URL (default: as the app is configured)")
    again.add_argument("--notify", action="store_true",
                       help="also give word to every watch whose verdict or band the version "
                            "moves: a notice in its feed, sent to its webhook")
    again.set_defaults(run=_reevaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KnowledgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID


if __name__ == "__main__":
    sys.exit(main())
