"""Two points compared (milestones), against hand-checked cases: what moved the verdict and
which reasons the answers or the knowledge added and removed."""

from __future__ import annotations

from logic.knowledge_base import load_knowledge
from logic.milestones import compare_points
from questions.documents import parse_answers
from tests.conftest import case

STARTUP = case("starlink_startup")["answers"]  # edge sites on Starlink, 200 ms: Evaluate
ON_STARLINK = parse_answers(STARTUP)
OFF_STARLINK = parse_answers({**STARTUP, "starlink": "no"})  # the edge case falls: Monitor
ARTICLE, RECORD = load_knowledge("2026-11-article"), load_knowledge("2026-12-record")


def _moved(reasons) -> list[tuple[str, str]]:
    return sorted((r.rule, r.source) for r in reasons)


def test_an_answer_change_alone_moves_the_verdict_and_its_reasons():
    compared = compare_points((ON_STARLINK, ARTICLE), (OFF_STARLINK, ARTICLE))
    assert compared.first.recommendation.verdict == "evaluate"
    assert compared.second.recommendation.verdict == "monitor"
    assert compared.verdict_moved_by() == ("answers",) and compared.same_knowledge
    assert _moved(compared.reasons_removed) == [("R3", "answers")]  # the Starlink edge case
    assert _moved(compared.reasons_added) == [("R1", "answers")]


def test_a_knowledge_version_alone_moves_it_with_the_records_reasons():
    compared = compare_points((ON_STARLINK, ARTICLE), (ON_STARLINK, RECORD))
    assert compared.verdict_moved_by() == ("knowledge",)
    assert compared.second.recommendation.verdict == "monitor"
    assert _moved(compared.reasons_added) == [("R41", "knowledge"), ("R53", "knowledge")]
    assert compared.reasons_removed == ()


def test_both_at_once_are_told_apart():
    """Off Starlink under the article (Monitor), then on Starlink under the record: the
    answers alone would make it Evaluate, the record takes it back to Monitor."""
    compared = compare_points((OFF_STARLINK, ARTICLE), (ON_STARLINK, RECORD))
    assert (compared.first.recommendation.verdict, compared.by_answers.recommendation.verdict,
            compared.second.recommendation.verdict) == ("monitor", "evaluate", "monitor")
    assert compared.verdict_moved_by() == ("answers", "knowledge")
    assert _moved(compared.reasons_added) == [("R3", "answers"), ("R41", "knowledge"),
                                              ("R53", "knowledge")]
    assert _moved(compared.reasons_removed) == [("R1", "answers")]


def test_the_same_point_twice_moves_nothing():
    compared = compare_points((ON_STARLINK, RECORD), (ON_STARLINK, RECORD))
    assert compared.verdict_moved_by() == ()
    assert compared.reasons_added == compared.reasons_removed == ()
