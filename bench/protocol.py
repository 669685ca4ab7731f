"""A light Streamlit client: speaks the app's websocket protocol (protobuf BackMsg and
ForwardMsg) the way the browser does, so many users fit on one machine.

It reruns the script with widget values keyed by our widget keys (the question ids), waits
for the run to finish, and notes when the verdict banner arrives.
"""

from __future__ import annotations

import time
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

VERDICT_MARKERS = ("**Evaluate**", "**Monitor**", "**No action**")


class ProtocolSession:
    """One browser tab's worth of conversation with the server."""

    def __init__(self, url: str) -> None:
        self.url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.ws: ClientConnection | None = None
        self.widgets: dict[str, tuple[str, str]] = {}  # key -> (widget id, element type)
        self.verdict: str | None = None
        self.verdict_at: float | None = None
        self.query_string = ""
        self.storage_warning = False  # the last run said the database was unavailable

    async def open(self) -> None:
        self.ws = await connect(self.url, subprotocols=[Subprotocol("streamlit")], max_size=None,
                                open_timeout=30)
        await self.rerun([])

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def rerun(self, states: list[WidgetState]) -> float:
        """Send one rerun with these widget values; return seconds until the run finished."""
        assert self.ws is not None
        message = BackMsg()
        message.rerun_script.query_string = self.query_string
        message.rerun_script.widget_states.widgets.extend(states)
        self.widgets = {}
        self.verdict = self.verdict_at = None
        self.storage_warning = False
        start = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await self.ws.recv())
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                self._note(forward.delta.new_element)
            elif kind == "page_info_changed":
                self.query_string = forward.page_info_changed.query_string
            elif kind == "script_finished":
                return time.perf_counter() - start

    def _note(self, element: Any) -> None:
        kind = element.WhichOneof("type")
        body = getattr(element, kind)
        widget_id = getattr(body, "id", "")
        if widget_id.startswith("$$ID-"):
            self.widgets[widget_id.split("-", 2)[2]] = (widget_id, kind)
        if kind == "alert" and body.body.startswith("Storage unavailable"):
            self.storage_warning = True
        if kind == "alert" and self.verdict is None:
            text = body.body
            for marker in VERDICT_MARKERS:
                if f"\n\n{marker}\n\n" in text:  # after the kicker naming the reading
                    self.verdict, self.verdict_at = marker.strip("*."), time.perf_counter()


def encode(question: Any, value: Any) -> Any:
    """An answer as the frontend sends it for the question's widget: labels for choices."""
    if question.kind == "multi_choice":
        return [question.label_of([v]) for v in value]
    if question.kind in ("choice", "boolean"):
        return question.label_of(value)
    return value


def state(widget_id: str, kind: str, value: Any) -> WidgetState:
    """A widget value in the encoding the frontend uses for that kind of widget."""
    out = WidgetState(id=widget_id)
    if kind == "button":
        out.trigger_value = True
    elif kind in ("radio", "selectbox", "text_input", "text_area"):
        out.string_value = value
    elif kind in ("multiselect", "button_group"):
        out.string_array_value.data.extend(value)
    elif kind == "slider":
        out.double_array_value.data.extend([float(value)])
    elif kind == "number_input":
        out.double_value = float(value)
    else:
        raise ValueError(f"no encoding for {kind}")
    return out
