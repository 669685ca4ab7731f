"""Per-rerun work of the script: Streamlit reruns the whole page on every interaction, so this
times one rerun of the assessment page (AppTest, in process, no browser) on a section of the
questionnaire and on the result, median of N after warm-up.

Run: .venv/bin/python -m bench.rerun [N] [LANG]  (LANG: the page's language, `?lang=`)
"""

from __future__ import annotations

import importlib
import json
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = json.loads((ROOT / "tests/cases/starlink_startup.json").read_text())["answers"]


def _median_ms(at: AppTest, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    lang = sys.argv[2] if len(sys.argv) > 2 else "en"
    sys.path.insert(0, str(ROOT))
    helpers = importlib.import_module("tests.app.helpers")  # the suite's way through the form
    fill_all = helpers.fill_all

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if lang != "en":
        at.query_params["lang"] = lang
    at.run()
    section = _median_ms(at, runs)
    fill_all(at, ANSWERS)
    result = _median_ms(at, runs)
    print(f"rerun: first section {section:.1f} ms, result {result:.1f} ms "
          f"(median of {runs}, AppTest in process, language {lang})")


if __name__ == "__main__":
    main()
