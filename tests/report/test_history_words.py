"""The words of the history timeline, in the questions' own labels."""

from __future__ import annotations

from datetime import UTC, datetime

from questions.schema import default_bank
from report.history import answer_change, changed, given_answers, note_change
from storage.history import Difference, Entry, differences

BANK = default_bank()


def _entry(before: dict, after: dict, event: str = "saved", notes_before=None,
           notes_after=None) -> Entry:
    return Entry(1, datetime(2026, 12, 2, tzinfo=UTC), None, event, after, notes_after or {},
                 "2026-11-article", None, differences(before, after),
                 differences(notes_before or {}, notes_after or {}))


def test_a_change_reads_in_labels_and_option_words():
    assert answer_change(BANK, Difference("starlink", "no", "yes")) == (
        "Do those sites use Starlink? No → Yes"), "a question's own mark, no colon after it"
    assert answer_change(BANK, Difference("org_name", None, "Quill")) == (
        "Organisation name: not answered → Quill")
    latency = answer_change(BANK, Difference("latency_target_ms", 200, 50))
    assert latency.endswith("(milliseconds): 200 → 50")
    assert answer_change(BANK, Difference("retired_question", "x", None)) == (
        "retired_question: x → not answered"), "an id the bank no longer asks stays as stored"


def test_notes_say_added_changed_or_removed_and_where():
    assert note_change(BANK, Difference("_overall", None, "x")) == (
        "note on the assessment as a whole added")
    assert note_change(BANK, Difference("starlink", "a", "b")).endswith("changed")
    assert note_change(BANK, Difference("starlink", "a", None)).endswith("removed")


def test_a_line_names_at_most_four_changes_and_counts_the_rest():
    before = {"starlink": "no", "latency_target_ms": 400, "edge_traffic_pct": 10,
              "contractual_sla": False, "support_24x7": False, "data_residency": False}
    after = {"starlink": "yes", "latency_target_ms": 50, "edge_traffic_pct": 40,
             "contractual_sla": True, "support_24x7": True, "data_residency": True}
    line = changed(BANK, _entry(before, after), first=False)
    assert line.count("→") == 4 and line.endswith("and 2 other changes")


def test_the_first_entry_counts_what_it_started_with():
    entry = _entry({}, {"bank_version": 1, "starlink": "yes", "org_name": "Quill"},
                   event="created", notes_after={"_overall": "x"})
    assert changed(BANK, entry, first=True) == "Started with 2 answers and 1 note"
    recorded = _entry({}, {"starlink": "yes"}, event="recorded")
    assert changed(BANK, recorded, first=True) == "Saved before history was kept with 1 answer"


def test_given_answers_follow_the_banks_order():
    labels = [label for label, _ in given_answers(BANK, {"starlink": "yes", "org_name": "Q",
                                                        "bank_version": 1, "gone": 3})]
    assert labels[0] == BANK.question("org_name").label and labels[-1] == "gone"
