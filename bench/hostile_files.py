"""How long the batch's workbook reader takes on each hostile file (`formats.hostile`): small
uploads that ask a parser for hours or gigabytes. Prints one line a file (size, seconds, peak
memory the read added, the message a person sees) and the worst case.

Run: .venv/bin/python -m bench.hostile_files
"""

from __future__ import annotations

import time
import tracemalloc

from formats.excel import read_workbook
from formats.hostile import HOSTILE
from questions.answers import AnswersError


def _read(raw: bytes) -> str:
    try:
        _, rows = read_workbook(raw)
    except AnswersError as error:
        return "; ".join(error.problems.values())
    return f"read {len(rows):,} rows"


def main() -> None:
    worst = ("", 0.0)
    for name, make in HOSTILE.items():
        raw = make()
        start = time.perf_counter()
        outcome = _read(raw)
        seconds = time.perf_counter() - start
        tracemalloc.start()  # a second read for the memory: tracing slows the first
        _read(raw)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        worst = max(worst, (name, seconds), key=lambda pair: pair[1])
        print(f"{name:32} {len(raw) / 1e3:8.1f} kB {seconds:6.2f} s {peak:7.1f} MB  {outcome}")
    print(f"worst: {worst[0]} in {worst[1]:.2f} s")


if __name__ == "__main__":
    main()
