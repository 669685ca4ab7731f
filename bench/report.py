"""PDF benchmark: one report build (median of warm runs, plus the first, cold one) and its size.

Run: .venv/bin/python -m bench.report [LANG]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from logic.assessment import assess
from logic.knowledge_base import load_knowledge
from questions.documents import parse_answers
from report import build_pdf

CASE = Path(__file__).resolve().parent.parent / "tests/cases/defense_itar_edge.json"
RUNS = 30


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "en"
    kb = load_knowledge()
    answers = parse_answers(json.loads(CASE.read_text())["answers"])
    assessment = assess(answers, kb, language=lang)
    _ = assessment.what_if, assessment.later_detail  # computed once, as the app has them
    when = datetime(2026, 11, 25, tzinfo=UTC)
    times = []
    for _ in range(RUNS + 1):
        start = time.perf_counter()
        pdf = build_pdf(assessment, generated_at=when)
        times.append(time.perf_counter() - start)
    print(
        f"report: build median {statistics.median(times[1:]) * 1000:.1f} ms "
        f"(first, with font loading, {times[0] * 1000:.0f} ms), {len(pdf) / 1024:.0f} KiB, "
        f"language {lang}"
    )


if __name__ == "__main__":
    main()
