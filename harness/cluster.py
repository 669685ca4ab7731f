"""The company deployment from Python: `scripts/cluster.sh up N RUN_DIR` (a private PostgreSQL,
N Streamlit processes, HAProxy on loopback) and `down`, for the cluster tests, the load
benchmark and the fault drills."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from harness.server import rss_mb

ROOT = Path(__file__).resolve().parent.parent


class Cluster:
    """A running cluster: the proxy's address, the app processes, the database; stopped on
    exit (exactly what was started)."""

    def __init__(self, replicas: int = 2, run: Path | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.own_run = run is None  # a folder of our own, removed on stop
        self.run = run or Path(tempfile.mkdtemp(prefix="hosting-fit-cluster."))
        started = subprocess.run(["bash", "scripts/cluster.sh", "up", str(replicas),
                                  str(self.run)], cwd=ROOT, capture_output=True, text=True,
                                 timeout=300, check=False, env={**os.environ, **(env or {})})
        if started.returncode != 0:
            raise RuntimeError("scripts/cluster.sh up failed:\n" + started.stderr[-3000:])
        self.url = (self.run / "url").read_text().strip()
        self.database = (self.run / "database").read_text().strip()
        self.apps: dict[str, tuple[int, int]] = {}  # name -> (pid, port)
        self.proxy_pid = 0
        for line in (self.run / "pids").read_text().splitlines():
            name, *rest = line.split()
            if name.startswith("app"):
                self.apps[name] = (int(rest[0]), int(rest[1]))
            elif name == "haproxy":
                self.proxy_pid = int(rest[0])
        bin_dir, data, port = (self.run / "postgres").read_text().split()
        self.pg_bin, self.pg_data, self.pg_port = Path(bin_dir), Path(data), int(port)

    def pids(self) -> list[int]:
        return [pid for pid, _ in self.apps.values()] + [self.proxy_pid]

    def rss_mb(self) -> float:
        """The app processes' resident memory now, together, in MB."""
        return sum(rss_mb(pid) for pid, _ in self.apps.values())

    def restart_database(self) -> None:
        """Restart PostgreSQL (fast shutdown: open connections are cut), as an outage would."""
        command = [str(self.pg_bin / "pg_ctl"), "-D", str(self.pg_data / "data"), "-m", "fast",
                   "-l", str(self.pg_data / "server.log"), "-w", "restart", "-o",
                   f"-p {self.pg_port} -k {self.pg_data} -c listen_addresses=127.0.0.1"]
        as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_owner, *command], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120)

    def stop(self) -> None:
        subprocess.run(["bash", "scripts/cluster.sh", "down", str(self.run)], cwd=ROOT,
                       capture_output=True, timeout=120, check=False)
        if self.own_run:
            shutil.rmtree(self.run, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
