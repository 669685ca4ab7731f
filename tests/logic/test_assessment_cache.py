"""An assessment is computed once per answers and knowledge version: the web page reruns its
script on every click, and the what-if search must not run again each time."""

from __future__ import annotations

from logic.assessment import assess
from logic.knowledge_base import DEFAULT_VERSION, load_knowledge
from questions.documents import parse_answers
from tests.conftest import case


def _answers():
    return parse_answers(case("starlink_startup")["answers"])


def test_the_default_version_and_the_same_version_by_name_are_one_object():
    assert load_knowledge() is load_knowledge(DEFAULT_VERSION)


def test_the_what_if_search_runs_once_however_the_version_is_asked_for():
    first = assess(_answers(), load_knowledge()).what_if
    assert assess(_answers(), load_knowledge(DEFAULT_VERSION)).what_if is first


def test_with_notes_a_rerun_finds_the_search_again_and_keeps_the_notes():
    notes = {"_overall": "Board, January", "edge_sites": "two mines"}
    first = assess(_answers(), load_knowledge(), notes)
    searched = first.what_if
    rerun = assess(_answers(), load_knowledge(), dict(notes))  # the next click's rerun
    assert rerun.what_if is searched
    assert rerun.note_map == notes
    assert assess(_answers(), load_knowledge()).note_map == {}  # notes stay with their own
