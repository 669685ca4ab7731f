"""Save benchmark: the time of one autosave of a draft (`Store.save_draft`), each save changing
one answer, on a SQLite file (the default deployment) and, when HOSTING_FIT_TEST_PG_URL is set,
on PostgreSQL. Prints one line per database: median and 95th percentile in milliseconds over N
saves, and the rows the draft's history holds afterwards.

Run: .venv/bin/python -m bench.save [N]        (default 300 saves)

History (schema version 8) adds one row per save that changes something; compare this line
before and after it (BENCHMARKS.md).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from storage import Store
from storage.db import Base
from tests.pg import private_schema

ANSWERS = json.loads((Path(__file__).resolve().parent.parent / "examples" / "answers.json")
                     .read_text(encoding="utf-8"))


def _history_rows(store: Store) -> int | None:
    if "history" not in inspect(store.engine).get_table_names():
        return None  # a checkout from before history, measured for comparison
    table = Base.metadata.tables["history"]  # the table as this checkout's models know it
    with Session(store.engine) as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def measure(url: str, saves: int) -> tuple[float, float, int | None]:
    store = Store.open(url)
    try:
        token = store.create_draft(dict(ANSWERS), {})
        expected = None
        samples = []
        for i in range(saves):
            answers = {**ANSWERS, "latency_target_ms": 50 + i % 400}
            notes = {"_overall": f"save {i}"} if i % 10 == 0 else {}
            start = time.perf_counter()
            expected = store.save_draft(token, answers, notes, expected=expected)
            samples.append(time.perf_counter() - start)
        cut = sorted(samples)[int(0.95 * (len(samples) - 1))]
        return statistics.median(samples) * 1000, cut * 1000, _history_rows(store)
    finally:
        store.close()


def main() -> None:
    saves = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as folder:
        targets = [("SQLite file", f"sqlite:///{folder}/bench.sqlite3")]
        pg = os.environ.get("HOSTING_FIT_TEST_PG_URL")
        if pg:
            with private_schema() as url:
                targets.append(("PostgreSQL", url))
                _print(targets, saves)
            return
        _print(targets, saves)


def _print(targets: list[tuple[str, str]], saves: int) -> None:
    for name, url in targets:
        median, p95, rows = measure(url, saves)
        kept = "no history table" if rows is None else f"{rows} history rows"
        print(f"{name}: save_draft median {median:.2f} ms, p95 {p95:.2f} ms over {saves} "
              f"saves ({kept})")


if __name__ == "__main__":
    main()
