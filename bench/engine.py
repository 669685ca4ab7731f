"""Rule-engine benchmark: one evaluation, the counterfactual search ("what would change
this?"), an evaluation with "Don't know" answers (band and what to settle first), and a
10,000-row CSV batch. Prints one line.

Run: .venv/bin/python -m bench.engine
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import time

from formats.cells import answers_to_row, header
from logic.batch import evaluate_csv
from logic.check import random_answers
from logic.compare import compare, later_version
from logic.engine import evaluate
from logic.knowledge_base import load_knowledge
from logic.whatif import what_if
from questions.documents import parse_answers
from questions.schema import default_bank
from questions.translations import ENGLISH

try:  # the later reading beside every result (from the version that added it)
    from logic.reading import _reading
except ImportError:  # an older checkout, measured for comparison
    _reading = None  # type: ignore[assignment]
from logic.wording import later_record_text

ROWS = 10_000


def _median_us(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e6


def csv_text(rows: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header(default_bank()))
    writer.writeheader()
    for _ in range(rows):
        writer.writerow(answers_to_row(random_answers(rng)))
    return out.getvalue()


def main() -> None:
    kb = load_knowledge()
    rng = random.Random(1)
    samples = [random_answers(rng).values() for _ in range(2000)]
    parsed = [parse_answers(s) for s in samples]
    it = iter(range(10**9))
    one = _median_us(lambda: evaluate(parsed[next(it) % 2000], kb), 5000)
    it2 = iter(range(10**9))
    with_parse = _median_us(lambda: evaluate(parse_answers(samples[next(it2) % 2000]), kb), 5000)
    searches = []
    for answers in parsed[:300]:
        start = time.perf_counter()
        what_if(answers, kb)
        searches.append(time.perf_counter() - start)
    searches.sort()
    offered = [q.id for q in default_bank().questions() if q.dont_know is not None]
    unknown_sets = []
    for answers in parsed[:300]:  # every offered question that is asked set to "unknown"
        shown = [q for q in offered if default_bank().question(q).is_visible(answers)]
        unknown_sets.append(parse_answers({**answers.values(), **dict.fromkeys(shown,
                                                                               "unknown")}))
    banded = []
    for answers in unknown_sets:
        start = time.perf_counter()
        evaluate(answers, kb)
        banded.append(time.perf_counter() - start)
    banded.sort()
    record = load_knowledge(later_version() or kb.version)
    compared = []
    for answers in parsed[:300]:  # what "What later public reports change" adds to a result
        start = time.perf_counter()
        later_record_text(compare(answers, kb, record), kb, record)
        compared.append(time.perf_counter() - start)
    compared.sort()
    fresh = getattr(_reading, "__wrapped__", None)  # the later reading, computed afresh
    newest = later_version(kb.version)
    whole = []
    for answers in parsed[:300]:  # what one result computes: verdict, later reading, what-if
        start = time.perf_counter()
        evaluate(answers, kb)
        if fresh is not None and newest is not None:
            fresh(answers, kb.version, newest, ENGLISH)
        what_if(answers, kb)
        whole.append(time.perf_counter() - start)
    whole.sort()
    text = csv_text(ROWS)
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        evaluate_csv(text, kb)
        runs.append(time.perf_counter() - start)
    print(
        f"engine: evaluate median {one:.1f} us, parse+evaluate median {with_parse:.1f} us, "
        f"what-would-change-this median {statistics.median(searches) * 1000:.1f} ms (max "
        f"{searches[-1] * 1000:.1f} ms over 300 answer sets), evaluate with every offered "
        f"question unknown median {statistics.median(banded) * 1000:.1f} ms (max "
        f"{banded[-1] * 1000:.1f} ms), later-record comparison median "
        f"{statistics.median(compared) * 1000:.2f} ms (max {compared[-1] * 1000:.2f} ms), "
        f"a whole result (verdict, later reading, what-if) median "
        f"{statistics.median(whole) * 1000:.1f} ms (max {whole[-1] * 1000:.1f} ms), "
        f"{ROWS}-row CSV median "
        f"{statistics.median(runs):.2f} s (5 runs)"
    )


if __name__ == "__main__":
    main()
