"""HAProxy's own limit on new sessions per client address (deploy/haproxy.cfg, as
scripts/cluster.sh writes it): opening sessions in a loop is refused with 429 past the limit,
while pages keep being served."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e

LIMIT = 5


class _App(BaseHTTPRequestHandler):
    """Stands in for a Streamlit process behind the proxy: health, pages, the stream path."""

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        body = b"ok" if self.path == "/_stcore/health" else b"page"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[str]:
    if shutil.which("haproxy") is None:
        pytest.skip("haproxy is not installed (the README's test command installs it as root)")
    app = ThreadingHTTPServer(("127.0.0.1", 0), _App)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    port = _free_port()
    config = (ROOT / "deploy" / "haproxy.cfg").read_text()
    config = config.replace("    bind 127.0.0.1:8080", f"    bind 127.0.0.1:{port}  #", 1)
    config = config.replace("sc_http_req_rate(0) gt 60 }", f"sc_http_req_rate(0) gt {LIMIT} }}")
    config += f"    server app1 127.0.0.1:{app.server_address[1]} check cookie app1\n"
    path = tmp_path / "haproxy.cfg"
    path.write_text(config)
    process = subprocess.Popen(["haproxy", "-db", "-f", str(path)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            except (OSError, urllib.error.HTTPError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        app.shutdown()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_new_sessions_in_a_loop_are_refused_past_the_limit(proxy):
    statuses = [_status(proxy + "/_stcore/stream") for _ in range(LIMIT + 3)]
    assert statuses[:LIMIT] == [200] * LIMIT, statuses
    assert statuses[LIMIT:] == [429] * 3, statuses
    assert _status(proxy + "/") == 200, "pages are still served; only new sessions wait"
