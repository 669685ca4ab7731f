"""Team view benchmark: server time to render the team page for 1, 50 and 500 respondents.

Runs the real page script through Streamlit's AppTest (script time = server time) against a
fresh SQLite database. Prints one line. Run: .venv/bin/python -m bench.team
"""

from __future__ import annotations

import logging
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    folder = tempfile.mkdtemp()
    os.environ["HOSTING_FIT_DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    from streamlit.testing.v1 import AppTest

    # AppTest's page switch runs outside a script context: silence its warning per run.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True

    from logic.check import random_answers
    from storage import Store
    from storage.teams import TeamStore

    teams = TeamStore(Store.open())
    rng = random.Random(5)
    figures = []
    for size in (1, 50, 500):
        links = teams.create(f"Bench team of {size}")
        for i in range(size):
            answers = random_answers(rng).model_dump(exclude_none=True)
            teams.add_response(links.invite, f"Person {i}", "Architect", answers)
        times = []
        for _ in range(6):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
            at.query_params["tv"] = links.view
            at.run()
            at.switch_page("ui/pages/team.py")
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
            assert not at.exception and len(at.dataframe[0].value) == size
        figures.append(f"{size} respondents: first {times[0] * 1000:.0f} ms, then median "
                       f"{statistics.median(times[1:]) * 1000:.0f} ms")
    print("team view server time: " + "; ".join(figures))


if __name__ == "__main__":
    main()
