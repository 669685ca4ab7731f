"""Webhooks: a watch's notices sent as JSON to the address it was given, signed with
HMAC-SHA256 over the body with the watch's own secret, retried with growing waits, every
attempt kept. Only addresses under the deployment's allow-list are ever requested
(HOSTING_FIT_WEBHOOK_ALLOW: URL prefixes, comma-separated; without it no webhook is sent),
and redirects are not followed, so nothing goes to an address nobody configured."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from urllib.parse import urlsplit

from questions.text import said
from storage.watch import NoticeView

ALLOW_VARIABLE = "HOSTING_FIT_WEBHOOK_ALLOW"
BACKOFF_VARIABLE = "HOSTING_FIT_WEBHOOK_BACKOFF_S"  # the first wait; each next one doubles
SIGNATURE_HEADER = "X-Hosting-Fit-Signature"  # "sha256=" and the hex HMAC of the body
ATTEMPTS = 4
TIMEOUT_S = 5.0
MAX_URL = 2000


class WebhookRefused(ValueError):
    """A webhook address this deployment does not allow; the message says why."""


def allowed() -> tuple[str, ...]:
    """The deployment's allowed prefixes, each a URL with a scheme and a host."""
    raw = os.environ.get(ALLOW_VARIABLE, "")
    return tuple(p.strip() for p in raw.split(",") if p.strip())


def check_target(url: str) -> str:
    """The address, when this deployment allows it; WebhookRefused saying why otherwise."""
    url = (url or "").strip()
    if not url:
        raise WebhookRefused(said("give the webhook's address (https://…)"))
    if len(url) > MAX_URL:
        raise WebhookRefused(said("a webhook address has at most {most} characters",
                                  most=MAX_URL))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookRefused(said("a webhook address starts with https:// (or http://) and a "
                                  "host"))
    if parts.username or parts.password:
        raise WebhookRefused(said("a webhook address cannot carry a user name or password"))
    prefixes = allowed()
    if not prefixes:
        raise WebhookRefused(said("this deployment sends no webhooks ({variable} is not set; "
                                  "the feed works without it)", variable=ALLOW_VARIABLE))
    if not any(url.startswith(p) for p in prefixes):
        raise WebhookRefused(said("this address is not on the deployment's webhook allow-list "
                                  "({variable})", variable=ALLOW_VARIABLE))
    return url


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def body(notice: NoticeView) -> bytes:
    """The JSON a receiver gets: the old and new verdict and band, what moved them, when."""
    return json.dumps({
        "event": "verdict_changed" if notice.old.verdict != notice.new.verdict
        else "band_changed",
        "notice_id": notice.notice_id, "at": notice.at.isoformat(),
        "cause": notice.cause, "knowledge_version": notice.knowledge_version,
        "old": {"verdict": notice.old.verdict, "band": notice.old.band},
        "new": {"verdict": notice.new.verdict, "band": notice.new.band},
        "summary": notice.summary,
    }, sort_keys=True).encode()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a 3xx is an answer like any other: not followed


OPENER = urllib.request.build_opener(_NoRedirects)


def send_once(url: str, secret: str, payload: bytes) -> tuple[int | None, str | None]:
    """One POST: (the receiver's status, None) or (status or None, what went wrong)."""
    request = urllib.request.Request(url, data=payload, method="POST", headers={
        "Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, payload),
        "User-Agent": "hosting-fit-webhook/1"})
    try:
        with OPENER.open(request, timeout=TIMEOUT_S) as answer:
            return answer.status, None
    except urllib.error.HTTPError as exc:
        return exc.code, f"the receiver answered {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return None, f"not reached: {str(reason)[:200]}"


Recorder = Callable[[int, int, int | None, str | None, bool], None]


def deliver(notice: NoticeView, url: str | None, secret: str | None, record: Recorder,
            sleep: Callable[[float], None] = time.sleep) -> bool:
    """Send one notice, retrying with waits of 1, 2, 4… times the backoff; each attempt is
    recorded (notice, attempt, status, error, delivered). True once a receiver took it."""
    if not url or not secret:
        return False
    try:
        target = check_target(url)
    except WebhookRefused as exc:
        record(notice.notice_id, 1, None, f"not sent: {exc}"[:300], False)
        return False
    payload = body(notice)
    wait = float(os.environ.get(BACKOFF_VARIABLE, "2"))
    for attempt in range(1, ATTEMPTS + 1):
        status, error = send_once(target, secret, payload)
        ok = error is None and status is not None and 200 <= status < 300
        record(notice.notice_id, attempt, status, None if ok else error, ok)
        if ok:
            return True
        if attempt < ATTEMPTS:
            sleep(wait * 2 ** (attempt - 1))
    return False
