"""Fault drills, measured: what a company's deployment loses when things break. Prints figures.

    .venv/bin/python -m bench.drills replica    kill -9 one of two app processes while users
                                                answer through HAProxy; they reconnect
    .venv/bin/python -m bench.drills postgres   restart PostgreSQL while users answer
    .venv/bin/python -m bench.drills sqlite     100 kill -9 of a writer mid-save on SQLite
    .venv/bin/python -m bench.drills            all three

A save counts as acknowledged when the app has answered the rerun that made it without a
storage warning (the browser then shows the draft address); the drills then read the database
and count every acknowledged save that is missing. Users are protocol clients (bench/protocol)
so that dozens fit on this machine beside the servers.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.protocol import ProtocolSession, encode, state
from harness.cluster import Cluster
from questions.schema import default_bank
from storage import Store

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "tests/cases").glob("*.json"))
UNAVAILABLE = "Storage unavailable"


class User:
    """One person answering one question per step through the proxy, reconnecting (with the
    draft address, as a reload does) when the connection drops."""

    def __init__(self, url: str, answers: dict[str, Any], rng: random.Random) -> None:
        self.url, self.answers, self.rng = url, answers, rng
        self.acked: dict[str, Any] = {}  # what the app has confirmed saved
        self.token: str | None = None
        self.reconnects: list[float] = []  # seconds from a dropped connection to a page again
        self.warnings = 0
        self.session = ProtocolSession(url)

    async def _step(self, states: list[Any]) -> None:
        await self.session.rerun(states)
        self.warnings += int(self.session.storage_warning)
        query = self.session.query_string
        if "d=" in query:
            self.token = query.split("d=", 1)[1].split("&", 1)[0]

    async def _reconnect(self) -> None:
        dropped = time.perf_counter()
        while True:
            try:
                self.session = ProtocolSession(self.url)
                self.session.query_string = f"d={self.token}" if self.token else ""
                await self.session.open()
                self.reconnects.append(time.perf_counter() - dropped)
                return
            except Exception:  # the proxy has not noticed yet, or nothing answers: again
                await asyncio.sleep(0.2)

    async def run(self, pace: tuple[float, float]) -> None:
        bank = default_bank()
        await self.session.open()
        given: dict[str, Any] = {}
        for index, _section in enumerate(bank.sections):
            while True:
                todo = [k for k in self.answers if k not in given and k in self.session.widgets
                        and self.answers[k] is not None]
                if not todo:
                    break
                key = todo[0]
                await asyncio.sleep(self.rng.uniform(*pace))
                try:
                    value = encode(bank.question(key), self.answers[key])
                    await self._step([state(*self.session.widgets[key], value)])
                except Exception:
                    await self._reconnect()  # the answer was not acknowledged: give it again
                    continue
                given[key] = self.answers[key]
                if not self.session.storage_warning:
                    self.acked = dict(given)
            last = index == len(bank.sections) - 1
            button = "get_recommendation" if last else "next"
            for _ in range(50):
                try:
                    await self._step([state(*self.session.widgets[button], True)])
                    break
                except Exception:
                    await self._reconnect()
                    await asyncio.sleep(0.2)
        await self.session.close()


def _lost(database: str, users: list[User]) -> tuple[int, int]:
    """(acknowledged answers read back from the database, how many are missing)."""
    store = Store.open(database)
    checked = missing = 0
    try:
        for user in users:
            if not user.acked or user.token is None:
                continue
            saved = store.load_draft(user.token)
            for key, value in user.acked.items():
                checked += 1
                missing += saved is None or saved.answers.get(key) != value
    finally:
        store.close()
    return checked, missing


async def _crowd(url: str, count: int, pace: tuple[float, float],
                 fault: Any, after: float) -> list[User]:
    answers = [json.loads(p.read_text())["answers"] for p in CASES]
    rng = random.Random(7)
    users = [User(url, answers[i % len(answers)], random.Random(rng.random()))
             for i in range(count)]
    tasks = [asyncio.create_task(u.run(pace)) for u in users]
    await asyncio.sleep(after)
    started = time.perf_counter()
    await asyncio.to_thread(fault)
    print(f"  fault injected in {time.perf_counter() - started:.2f} s", flush=True)
    await asyncio.gather(*tasks, return_exceptions=True)
    return users


def replica_drill(users: int = 30) -> None:
    with Cluster(2) as cluster:
        pid = cluster.apps["app1"][0]
        crowd = asyncio.run(_crowd(cluster.url, users, (0.2, 0.6),
                                   lambda: os.kill(pid, signal.SIGKILL), after=4.0))
        checked, missing = _lost(cluster.database, crowd)
    moved = [u for u in crowd if u.reconnects]
    waits = sorted(w for u in moved for w in u.reconnects)
    print(f"drill replica: kill -9 of 1 of 2 app processes with {users} users answering: "
          f"{len(moved)} users reconnected to the other process (reconnect median "
          f"{waits[len(waits) // 2] if waits else 0:.2f} s, worst {max(waits, default=0):.2f} s); "
          f"{checked} acknowledged answers read back, {missing} lost; "
          f"{sum(1 for u in crowd if u.session.verdict)} of {users} reached a verdict")


def postgres_drill(users: int = 30) -> None:
    with Cluster(2) as cluster:
        started: list[float] = []

        def restart() -> None:
            started.append(time.perf_counter())
            cluster.restart_database()
            started.append(time.perf_counter())

        crowd = asyncio.run(_crowd(cluster.url, users, (0.2, 0.6), restart, after=4.0))
        checked, missing = _lost(cluster.database, crowd)
    warned = sum(1 for u in crowd if u.warnings)
    print(f"drill postgres: PostgreSQL restarted ({started[1] - started[0]:.1f} s) with {users} "
          f"users answering: {warned} users saw “{UNAVAILABLE}, retrying” "
          f"({sum(u.warnings for u in crowd)} times), no app restart; {checked} acknowledged "
          f"answers read back, {missing} lost; {sum(1 for u in crowd if u.session.verdict)} of "
          f"{users} reached a verdict")


WRITER = """
import sys
from storage import Store
store = Store.open(sys.argv[1])
token = store.create_draft({"counter": 0}, {})
print("ACK", token, 0, flush=True)
n = 0
while True:
    n += 1
    store.save_draft(token, {"counter": n}, {"_overall": "x" * (n % 500)})
    print("ACK", token, n, flush=True)
"""


def sqlite_drill(kills: int = 100) -> None:
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'drill.sqlite3'}"
    Store.open(url).close()
    rng = random.Random(11)
    acked: dict[str, int] = {}
    for _ in range(kills):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, url], cwd=ROOT,
                                  stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None
        first = writer.stdout.readline().split()  # started: saving from now on
        acked[first[1]] = int(first[2])
        time.sleep(rng.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        for line in writer.stdout:  # what it acknowledged before dying
            _, token, n = line.split()
            acked[token] = int(n)
        writer.wait()
    with sqlite3.connect(folder / "drill.sqlite3") as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    store = Store.open(url)
    missing = sum(1 for token, n in acked.items()
                  if (saved := store.load_draft(token)) is None
                  or not isinstance(counter := saved.answers["counter"], int) or counter < n)
    store.close()
    print(f"drill sqlite: {kills} kill -9 of a writer at random moments mid-save: "
          f"integrity_check {integrity}; {sum(acked.values()) + len(acked)} acknowledged saves, "
          f"the last of each of {len(acked)} drafts checked, {missing} lost")


def main() -> None:
    which = sys.argv[1:] or ["replica", "postgres", "sqlite"]
    for name in which:
        {"replica": replica_drill, "postgres": postgres_drill, "sqlite": sqlite_drill}[name]()


if __name__ == "__main__":
    main()
