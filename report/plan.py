"""The action plan laid out: each point of the assessment with its owner, due date, status and
note, the points an answer change or a new knowledge version settled, and the plan as CSV and
as an iCalendar file of its due dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from icalendar import Calendar, Event

from formats.cells import to_csv
from i18n import marked, say
from logic.actions import KIND_TITLES, Point, describe, points, settled_by
from logic.assessment import Assessment, assess
from logic.knowledge_base import available_versions, load_knowledge
from storage.plan import Planned

STATUS_WORDS = {"open": marked("Open"), "asked": marked("Asked"),
                "answered": marked("Answered"), "dropped": marked("Dropped")}
SETTLED_WORDS = {"answers": marked("Closed: an answer change settled it"),
                 "knowledge": marked("Closed: a new knowledge version settled it")}
CSV_HEADER = ("Action", "Kind", "Status", "Owner", "Due", "Note", "Last changed (UTC)")


@dataclass(frozen=True)
class PlanItem:
    """One point of the plan: what it is, its state when someone planned it, and what settled
    it when the assessment no longer has it."""

    point: Point
    state: Planned | None
    settled: Literal["answers", "knowledge"] | None = None
    language: str = "en"  # the words of `status` and `kind`

    @property
    def open(self) -> bool:
        return self.settled is None and (self.state is None or
                                         self.state.status in ("open", "asked"))

    @property
    def status(self) -> str:
        if self.settled:
            return say(self.language, SETTLED_WORDS[self.settled])
        if self.state:
            return say(self.language, STATUS_WORDS[self.state.status])
        return say(self.language, "Open, nobody on it yet")

    @property
    def kind(self) -> str:
        return say(self.language, KIND_TITLES[self.point.kind])


def plan_items(assessment: Assessment, planned: dict[str, Planned]) -> list[PlanItem]:
    """The points of this assessment in order, each with its planned state, then the planned
    points it no longer has, each with what settled it: the answers when the answers now
    settle it under the knowledge it was planned under, else the knowledge."""
    now, lang = points(assessment), assessment.language
    items = [PlanItem(p, planned.get(p.key), language=lang) for p in now]
    keys = {p.key for p in now}
    for key, state in planned.items():
        if key in keys:
            continue
        then = (load_knowledge(state.knowledge_version)
                if state.knowledge_version in available_versions() else assessment.knowledge)
        source = settled_by(key, assessment, assess(assessment.answers, then))
        items.append(PlanItem(describe(key, assessment), state, source, lang))
    return items


def plan_csv(items: list[PlanItem]) -> str:
    """The plan as CSV, every cell formula-safe."""
    return to_csv(CSV_HEADER, [
        (i.point.text, i.kind, i.status,
         i.state.owner or "" if i.state else "",
         i.state.due.isoformat() if i.state and i.state.due else "",
         i.state.note or "" if i.state else "",
         f"{i.state.at:%Y-%m-%d %H:%M}" if i.state else "") for i in items])


def plan_ics(items: list[PlanItem], title: str, stamp: datetime, scope: str) -> bytes:
    """The due dates of the open points as an iCalendar file: one all-day event each, named
    after the action, with its owner and note. `scope` tells this plan's events from others'
    (not a link): an event keeps its UID when its date moves, and its sequence counts the
    changes, so a calendar that imports the file again updates it."""
    calendar = Calendar()
    calendar.add("prodid", "-//hosting-fit//action plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Action plan: {title}")
    for item in items:
        if not item.open or item.state is None or item.state.due is None:
            continue
        event = Event()
        event.add("uid", f"{scope}-{item.point.key.replace(':', '-')}@hosting-fit")
        event.add("sequence", item.state.changes)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.state.due)
        event.add("dtend", item.state.due + timedelta(days=1))
        event.add("summary", item.point.text)
        owner = (say(item.language, "Owner: {owner}.", owner=item.state.owner) + " "
                 if item.state.owner else "")
        event.add("description", f"{owner}{item.kind}. "
                                 f"{item.status}. {item.state.note or ''}".strip())
        calendar.add_component(event)
    return calendar.to_ical()
