"""Start the app (or another Streamlit script) on a free loopback port for a benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int) -> float:
    """A process's resident memory now, in MB (0 once it has gone)."""
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        return 0.0
    for line in status.read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


APP = ROOT / "web" / "serve.py"  # what scripts/run.sh serves: app.py with its headers


class Server:
    """`streamlit run SCRIPT` on a free loopback port, with its own SQLite file unless `env`
    names a database; healthy when constructed, stopped on exit. Used by the browser tests
    and the benchmarks."""

    def __init__(self, script: Path = APP, env: dict[str, str] | None = None,
                 log: Path | None = None, *, port: int | None = None,
                 options: tuple[str, ...] = ()) -> None:
        """`port`: the one to take (when something had to know it first, such as the
        sign-in's redirect address); `options`: more `streamlit run` options."""
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        database = Path(tempfile.mkdtemp()) / "app.sqlite3"
        output = log.open("wb") if log else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.port",
             str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", *options],
            cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
            env={**os.environ, "HOSTING_FIT_DATABASE_URL": f"sqlite:///{database}",
                 **(env or {})},
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.url} did not become healthy in 60 s")

    def rss_mb(self) -> float:
        """The server process's resident memory now, in MB."""
        return rss_mb(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
