"""Watches: word when a verdict or band moves, in the feed and to a webhook that a test
receiver on the loopback address takes (signature checked, a failing receiver retried,
nothing sent outside the allow-list); on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from logic.knowledge_base import DEFAULT_VERSION
from storage import Store
from storage.db import Delivery, Notice
from storage.webhooks import ALLOW_VARIABLE, BACKOFF_VARIABLE, SIGNATURE_HEADER, WebhookRefused
from tests.conftest import case

STARTUP = case("starlink_startup")["answers"]  # Evaluate; off Starlink it is Monitor


class Receiver:
    """A webhook receiver on the loopback address: answers each POST with the next status
    of `statuses` (then 200) and keeps what it got."""

    def __init__(self, statuses: tuple[int, ...] = ()) -> None:
        self.statuses = list(statuses)
        self.got: list[tuple[dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (the stdlib's name)
                length = int(self.headers["Content-Length"])
                outer.got.append((dict(self.headers), self.rfile.read(length)))
                self.send_response(outer.statuses.pop(0) if outer.statuses else 200)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(monkeypatch) -> Iterator[Receiver]:
    got = Receiver()
    monkeypatch.setenv(ALLOW_VARIABLE, f"http://127.0.0.1:{got.server.server_port}/")
    monkeypatch.setenv(BACKOFF_VARIABLE, "0.01")
    yield got
    got.close()


def _watched(store: Store, webhook: str | None = None):
    draft = store.create_draft(STARTUP, {})
    links = store.share(STARTUP, {}, knowledge_version=DEFAULT_VERSION, verdict="evaluate",
                        draft=draft)
    return draft, links.manage, store.watch(links.manage, webhook)


def test_an_answer_change_that_moves_the_verdict_is_a_notice_and_others_are_not(store):
    draft, manage, watch = _watched(store)
    store.save_draft(draft, {**STARTUP, "org_name": "Quill Labs Ltd"}, {})  # same verdict
    assert store.watches(manage)[0].notices == ()
    store.save_draft(draft, {**STARTUP, "starlink": "no"}, {})
    [notice] = store.watches(manage)[0].notices
    assert (notice.cause, notice.old.verdict, notice.new.verdict) == (
        "answers", "evaluate", "monitor")
    assert notice.summary.startswith("Evaluate → Monitor, after an answer change")
    [(view, name)] = [store.feed(watch.feed)]
    assert name == "Quill Labs" and view.notices == (notice,)  # the newest answers
    assert watch.secret is None, "no webhook: no secret"


def test_a_band_that_opens_is_a_notice_with_the_verdict_unchanged(store):
    draft, manage, _ = _watched(store)
    store.save_draft(draft, {**STARTUP, "latency_target_ms": "unknown"}, {})
    [notice] = store.watches(manage)[0].notices
    assert notice.old.band is None and notice.new.band is not None
    assert "between" in notice.summary


def test_the_webhook_gets_a_signed_body_with_the_old_and_new_verdict(store, receiver):
    draft, manage, watch = _watched(store, receiver.url)
    store.save_draft(draft, {**STARTUP, "starlink": "no"}, {})
    store.settle()
    [(headers, raw)] = receiver.got
    expected = "sha256=" + hmac.new(watch.secret.encode(), raw, hashlib.sha256).hexdigest()
    assert headers[SIGNATURE_HEADER] == expected
    assert headers["Content-Type"] == "application/json"
    sent = json.loads(raw)
    assert (sent["old"]["verdict"], sent["new"]["verdict"], sent["cause"]) == (
        "evaluate", "monitor", "answers")
    [delivery] = store.watches(manage)[0].deliveries
    assert delivery.delivered and delivery.status == 200 and delivery.attempt == 1


def test_a_failing_receiver_is_retried_and_every_attempt_listed(store, receiver):
    receiver.statuses = [500, 503]
    draft, manage, _ = _watched(store, receiver.url)
    store.save_draft(draft, {**STARTUP, "starlink": "no"}, {})
    store.settle()
    assert len(receiver.got) == 3, "two failures, then taken"
    attempts = sorted(store.watches(manage)[0].deliveries, key=lambda d: d.attempt)
    assert [(d.attempt, d.status, d.delivered) for d in attempts] == [
        (1, 500, False), (2, 503, False), (3, 200, True)]
    assert attempts[0].error == "the receiver answered 500"
    assert len({body for _, body in receiver.got}) == 1, "the same body each time"


def test_nothing_is_sent_outside_the_allow_list(store, receiver, monkeypatch):
    with pytest.raises(WebhookRefused, match="not on the deployment's webhook allow-list"):
        _watched(store, "http://127.0.0.2:9/elsewhere")
    with pytest.raises(WebhookRefused, match="user name or password"):
        _watched(store, receiver.url.replace("http://", "http://me:pw@"))
    draft, manage, _ = _watched(store, receiver.url)
    monkeypatch.setenv(ALLOW_VARIABLE, "https://hooks.example.com/")  # the list changed since
    store.save_draft(draft, {**STARTUP, "starlink": "no"}, {})
    store.settle()
    assert receiver.got == []
    [refused] = store.watches(manage)[0].deliveries
    assert not refused.delivered and "not on the deployment's webhook allow-list" in refused.error
    monkeypatch.delenv(ALLOW_VARIABLE)
    with pytest.raises(WebhookRefused, match="sends no webhooks"):
        _watched(store, receiver.url)


def test_a_knowledge_update_notifies_every_watch_it_moves(store):
    _, manage, _ = _watched(store)
    _, other, _ = _watched(store)
    store.stop_watch(other, store.watches(other)[0].watch_id)
    made = store.notify_all("2026-12-record")  # moves the startup from Evaluate to Monitor
    assert len(made) == 1
    [notice] = store.watches(manage)[0].notices
    assert notice.cause == "knowledge" and notice.knowledge_version == "2026-12-record"
    assert store.watches(other)[0].notices == () and store.watches(other)[0].stopped
    assert store.notify_all("2026-12-record") == [], "word once, not at every run"


def test_a_milestone_under_another_verdict_is_a_notice(store):
    draft, manage, _ = _watched(store)
    store.save_draft(draft, {**STARTUP, "starlink": "no"}, {})  # notice 1: Monitor
    entry = store.history(manage)[-1]
    store.save_milestone(manage, "Board", entry.entry_id, knowledge_version="2026-11-article",
                         verdict="monitor")  # the same as the last notice: nothing new
    assert len(store.watches(manage)[0].notices) == 1
    store.save_draft(draft, STARTUP, {})  # back to Evaluate: notice 2
    newest = store.history(manage)[-1]
    store.save_milestone(manage, "Review", newest.entry_id,
                         knowledge_version="2026-12-record", verdict="monitor")
    causes = [n.cause for n in store.watches(manage)[0].notices]
    assert causes == ["milestone", "answers", "answers"]


@pytest.mark.parametrize("table", [Notice, Delivery], ids=["notices", "deliveries"])
def test_notices_and_deliveries_are_kept_for_good(store, receiver, table):
    draft, _, _ = _watched(store, receiver.url)
    store.save_draft(draft, {**STARTUP, "starlink": "no"}, {})
    store.settle()
    for statement in (update(table).values(id=table.id), delete(table)):
        with pytest.raises(DatabaseError, match="append-only"), \
                Session(store.engine) as session, session.begin():
            session.execute(statement)
