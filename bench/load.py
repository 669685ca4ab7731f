"""Load benchmark: N simultaneous users (10, 25, 50) each fill every section and submit.

Reports per N the p50 and p95 time from pressing "Get recommendation" to the verdict
arriving, errors, the server's peak memory and memory per session, and the load generator's
own CPU use. Prints one line per N.

Run: .venv/bin/python -m bench.load [N ...]                one process on a SQLite file
     .venv/bin/python -m bench.load --cluster R [N ...]    R processes behind HAProxy on one
                                                           PostgreSQL (scripts/cluster.sh)

Client: a websocket client speaking Streamlit's own protocol (bench/protocol.py), not
browsers: 50 headless chromium pages would need several GB and most of the 2 cores by
themselves, and then measure the browsers, not the server. The protocol client costs a few
per cent of one core (printed beside the figures); the browser suite (tests/e2e and
bench/app_submit.py) covers the real rendering.
"""

from __future__ import annotations

import asyncio
import json
import math
import random
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench.protocol import ProtocolSession, encode, state
from harness.cluster import Cluster
from harness.server import Server
from questions.schema import default_bank

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "tests/cases").glob("*.json"))
THINK = (0.3, 1.2)  # seconds a person pauses between steps


async def one_user(url: str, answers: dict[str, Any], rng: random.Random,
                   sessions: list[ProtocolSession]) -> tuple[float, str | None]:
    """Fill every section like a person (with pauses) and submit; return submit-to-verdict."""
    bank = default_bank()
    session = ProtocolSession(url)
    sessions.append(session)
    await session.open()
    for index, _section in enumerate(bank.sections):
        done: set[str] = set()
        while True:
            todo = [k for k in answers if k not in done and k in session.widgets
                    and answers[k] is not None]
            if not todo:
                break
            await asyncio.sleep(rng.uniform(*THINK))
            states = [state(*session.widgets[k], encode(bank.question(k), answers[k]))
                      for k in todo]
            done.update(todo)
            await session.rerun(states)
        last = index == len(bank.sections) - 1
        key = "get_recommendation" if last else "next"
        await asyncio.sleep(rng.uniform(*THINK))
        start = time.perf_counter()
        await session.rerun([state(*session.widgets[key], True)])
        if last:
            if session.verdict_at is None:
                return float("nan"), None
            return session.verdict_at - start, session.verdict
    return float("nan"), None


async def run(url: str, users: int, server: Server | Cluster) -> dict[str, Any]:
    rng = random.Random(users)
    answers = [json.loads(p.read_text())["answers"] for p in CASES]
    sessions: list[ProtocolSession] = []
    peak = server.rss_mb()
    baseline = peak

    async def watch() -> None:
        nonlocal peak
        while True:
            peak = max(peak, server.rss_mb())
            await asyncio.sleep(0.1)

    watcher = asyncio.create_task(watch())
    results = await asyncio.gather(
        *(one_user(url, answers[i % len(answers)], random.Random(rng.random()), sessions)
          for i in range(users)),
        return_exceptions=True,
    )
    peak = max(peak, server.rss_mb())
    watcher.cancel()
    for session in sessions:
        await session.close()
    times = sorted(r[0] for r in results if isinstance(r, tuple) and r[1] is not None)
    errors = users - len(times)
    return {
        "users": users, "errors": errors,
        "p50_ms": statistics.median(times) * 1000 if times else float("nan"),
        "p95_ms": times[max(0, math.ceil(len(times) * 0.95) - 1)] * 1000 if times else math.nan,
        "peak_mb": peak, "per_session_mb": (peak - baseline) / users,
    }


def main() -> None:
    args = sys.argv[1:]
    replicas = 0
    if args[:1] == ["--cluster"]:
        replicas, args = int(args[1]), args[2:]
    levels = [int(a) for a in args] or [10, 25, 50]
    where = (f"{replicas} process(es) behind HAProxy on PostgreSQL" if replicas
             else "one process on SQLite")
    # every simulated user comes from this machine's one address: lift the per-address limits
    one_address = {"HOSTING_FIT_CREATIONS_PER_CLIENT": "1000000",
                   "HOSTING_FIT_CREATIONS_PER_MINUTE": "1000000",
                   "HF_SESSIONS_PER_MINUTE": "1000000"}
    with (Cluster(replicas, env=one_address) if replicas else Server(env=one_address)) as server:
        for _ in range(max(replicas, 1)):  # each process once (the proxy takes turns)
            asyncio.run(_warm(server.url))
        for users in levels:
            before = resource.getrusage(resource.RUSAGE_SELF)
            wall = time.perf_counter()
            figures = asyncio.run(run(server.url, users, server))
            wall = time.perf_counter() - wall
            after = resource.getrusage(resource.RUSAGE_SELF)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            print(f"load ({where}): {users} users: submit-to-verdict p50 "
                  f"{figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms, "
                  f"errors {figures['errors']}, server peak "
                  f"{figures['peak_mb']:.0f} MB ({figures['per_session_mb']:.1f} MB/session), "
                  f"load generator CPU {cpu:.1f} s over {wall:.0f} s "
                  f"({100 * cpu / wall:.0f}% of one core)", flush=True)


async def _warm(url: str) -> None:
    answers = json.loads(CASES[0].read_text())["answers"]
    await one_user(url, answers, random.Random(0), [])


if __name__ == "__main__":
    main()
