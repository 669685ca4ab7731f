"""The action plan laid out: points closing on the answer or knowledge that settles them
(hand-checked cases), CSV safe against formulas, an iCalendar file that reads back."""

from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar

from logic.assessment import assess
from logic.knowledge_base import load_knowledge
from questions.documents import parse_answers
from report.plan import plan_csv, plan_ics, plan_items
from storage.plan import Planned
from tests.conftest import case

ARTICLE, RECORD = load_knowledge("2026-11-article"), load_knowledge("2026-12-record")
STAMP = datetime(2026, 12, 2, 9, tzinfo=UTC)


def _planned(key: str, status: str = "asked", owner: str | None = "Ana",
             due: date | None = date(2027, 1, 15), version: str = "2026-11-article",
             note: str | None = None, changes: int = 1) -> Planned:
    return Planned(key, owner, due, status, note, version, STAMP, changes)


def _by_key(items) -> dict:
    return {i.point.key: i for i in items}


def test_a_new_knowledge_version_closes_the_questions_it_answers():
    """The airline deciding now: the record answers the availability questions OQ7 and OQ9;
    the plan made under the article shows them closed by the knowledge, the rest open."""
    answers = parse_answers(case("airline_decides_now")["answers"])
    planned = {k: _planned(k) for k in ("ask:OQ2", "ask:OQ7", "ask:OQ9")}
    items = _by_key(plan_items(assess(answers, RECORD), planned))
    assert items["ask:OQ7"].settled == items["ask:OQ9"].settled == "knowledge"
    assert items["ask:OQ7"].status == "Closed: a new knowledge version settled it"
    assert not items["ask:OQ7"].open and items["ask:OQ2"].open
    assert items["ask:OQ2"].settled is None and items["ask:OQ2"].status == "Asked"
    assert items["ask:OQ7"].point.text == next(q.text for q in RECORD.open_questions
                                                if q.id == "OQ7"), "its words, not its key"


def test_an_answer_change_closes_the_answer_to_settle_first():
    """Latency unknown: the plan is to find the target out; once it is answered (200 ms) the
    point is closed by the answers."""
    raw = case("edge_latency_unknown")["answers"]
    before = assess(parse_answers(raw), ARTICLE)
    [first] = plan_items(before, {})
    assert first.point.key == "settle:latency_target_ms" and first.state is None
    assert first.status == "Open, nobody on it yet"
    after = assess(parse_answers({**raw, "latency_target_ms": 200}), ARTICLE)
    items = _by_key(plan_items(after, {first.point.key: _planned(first.point.key)}))
    assert items["settle:latency_target_ms"].settled == "answers"


def test_a_blocker_the_record_replaces_is_closed_by_the_knowledge():
    answers = parse_answers(case("record_direct_api_residency")["answers"])
    key = "blocker:location_undisclosed"
    items = _by_key(plan_items(assess(answers, RECORD), {key: _planned(key, status="open")}))
    assert items[key].settled == "knowledge"
    assert "blocker:location_not_selectable" in items and items[
        "blocker:location_not_selectable"].state is None


def test_the_plan_as_csv_is_safe_against_formulas():
    answers = parse_answers(case("airline_decides_now")["answers"])
    planned = {"ask:OQ2": _planned("ask:OQ2", owner="=HYPERLINK(\"http://x\")",
                                   note="+1 call")}
    text = plan_csv(plan_items(assess(answers, ARTICLE), planned))
    header, first, *_ = text.splitlines()
    assert header.startswith("Action,Kind,Status,Owner,Due")
    assert "'=HYPERLINK" in first and "'+1 call" in first and "2027-01-15" in first


def test_the_due_dates_read_back_as_icalendar_events_of_open_points_only():
    answers = parse_answers(case("airline_decides_now")["answers"])
    planned = {"ask:OQ2": _planned("ask:OQ2"),
               "ask:OQ5": _planned("ask:OQ5", status="dropped"),
               "ask:OQ8": _planned("ask:OQ8", due=None),
               "ask:OQ7": _planned("ask:OQ7")}  # settled by the record: no event
    items = plan_items(assess(answers, RECORD), planned)
    calendar = Calendar.from_ical(plan_ics(items, "Skyways", STAMP, "abc"))
    [event] = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == date(2027, 1, 15)
    assert str(event["uid"]) == "abc-ask-OQ2@hosting-fit"
    assert "Owner: Ana" in str(event["description"])
    moved = {**planned, "ask:OQ2": _planned("ask:OQ2", due=date(2027, 2, 1), changes=2)}
    [again] = Calendar.from_ical(plan_ics(plan_items(assess(answers, RECORD), moved),
                                          "Skyways", STAMP, "abc")).walk("VEVENT")
    assert again["uid"] == event["uid"] and int(again["sequence"]) == 2, "the same event, moved"
