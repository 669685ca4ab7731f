"""The app as one process serves it (`streamlit run web/serve.py`, what scripts/run.sh starts):
Streamlit's ASGI entry (`st.App`) around app.py, with the security headers HAProxy sets in
front of several processes (deploy/haproxy.cfg): links here are capabilities, so they never
leak in a Referer, no other site may frame the app, and nothing is content-sniffed."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.feed import feed

ROOT = Path(__file__).resolve().parent.parent
HEADERS = (  # the same as deploy/haproxy.cfg's http-response set-header lines
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "SAMEORIGIN"),
    ("Content-Security-Policy", "frame-ancestors 'self'"),
)


class SecurityHeaders:
    """Adds HEADERS to every HTTP response (replacing any of the same name)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.names = {name.lower().encode() for name, _ in HEADERS}
        self.headers = [(name.lower().encode(), value.encode()) for name, value in HEADERS]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", [])
                        if k.lower() not in self.names]
                message["headers"] = [*kept, *self.headers]
            await send(message)

        await self.app(scope, receive, with_headers)


app = st.App(ROOT / "app.py", middleware=[Middleware(SecurityHeaders)],
             routes=[Route("/feed/{token}", feed, methods=["GET"])])
