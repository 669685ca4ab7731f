"""The questionnaire and results view through Streamlit's AppTest."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from questions.schema import default_bank
from tests.app.helpers import (
    button,
    complete,
    fill_all,
    fill_section,
    go_to,
    section,
    start,
    unfold,
    widget,
)
from tests.conftest import case, shared_or_skip

ROOT = Path(__file__).resolve().parents[2]
BANNER = {"evaluate": "success", "monitor": "warning", "no_action": "info"}


def _verdict_banner(at, whose: str = "From the news report") -> str:
    """The banner of one reading, 'kind:text': the article's, or 'Since the report'."""
    for kind, elements in (("success", at.success), ("warning", at.warning), ("info", at.info)):
        for element in elements:
            if element.value.startswith(f"{whose}\n\n"):  # the kicker, then the verdict
                return f"{kind}:{element.value.removeprefix(whose + chr(10) * 2)}"
    return ""


def test_first_screen_shows_profile_with_progress():
    at = start()
    assert not at.exception
    assert at.title[0].value.startswith("Does the SpaceX")
    assert widget(at, "industry") is not None and widget(at, "edge_sites") is None
    bank = default_bank()
    total = sum(q.required for q in bank.questions())  # every question, follow-ups too
    assert f"0 of {total} questions done" in at.get("progress")[0].proto.text


@pytest.mark.parametrize("name", ["starlink_startup", "retailer_nothing_relevant"])
def test_progress_counts_to_a_total_that_never_changes(name):
    """Answering a question that shows or hides follow-ups moves the count, never the total;
    with every section filled it reads N of N."""
    at = start()
    answers = complete(case(name)["answers"])
    seen = []
    for _ in default_bank().sections:
        fill_section(at, answers)
        seen.append(at.get("progress")[0].proto.text)
        [b for b in at.button if b.key in ("next", "get_recommendation")][0].click().run()
    totals = {text.split(" of ")[1].split()[0] for text in seen}
    assert len(totals) == 1, seen
    total = totals.pop()
    assert seen[-1].startswith(f"{total} of {total} "), seen[-1]
    done = [int(text.split(" of ")[0]) for text in seen]
    assert done == sorted(done) and done[0] > 0, seen


@pytest.mark.parametrize("name, verdict, label", [
    ("agri_field_ops", "evaluate", "Evaluate."),
    ("city_insurer", "no_action", "No action."),
])
def test_shared_example_through_the_app(name, verdict, label):
    answers = json.loads(shared_or_skip("examples", f"{name}.json").read_text())
    at = fill_all(start(), answers)
    assert not at.exception
    assert section(at) == "result"
    assert _verdict_banner(at).startswith(f"{BANNER[verdict]}:**{label.rstrip('.')}**")
    assert any(answers["org_name"] in s.value for s in at.title)


def test_both_readings_lead_the_result_with_the_later_one_beside_it():
    """The article's verdict and, when the newest record gives another, that one at the same
    weight (a banner of its own) with its date and the fact that moves it, without ids."""
    at = fill_all(start(), json.loads((ROOT / "examples" / "answers.json").read_text()))
    assert _verdict_banner(at).startswith("success:**Evaluate**")
    later = _verdict_banner(at, "Since the report")
    assert later.startswith("warning:**Monitor**")
    assert "Memphis" in later and "(as of 2 December 2026)" in later
    assert not re.search(r"\b[FPRNC]\d+\b", later), "no fact or rule ids at the top"
    assert any(c.value.startswith("Knowledge checked 2 December 2026") for c in at.caption)
    same = fill_all(start(), case("retailer_nothing_relevant")["answers"])
    assert _verdict_banner(same, "Since the report") == ""
    assert any("does not change this verdict" in m.value for m in same.markdown)


@pytest.mark.parametrize("name", ["starlink_startup", "mine_starlink_planned",
                                  "retailer_nothing_relevant"])
def test_own_case_through_the_app(name):
    data = case(name)
    at = fill_all(start(), data["answers"])
    verdict = data["expect"]["verdict"]
    assert _verdict_banner(at).startswith(BANNER[verdict] + ":")
    assert not any("From the article" in t.value.columns for t in at.table), "folded: not drawn"
    unfold(at, "evidence_open")
    table = next(t.value for t in at.table if "From the article" in t.value.columns)
    assert all(quote.startswith("F") and '"' in quote for quote in table["From the article"])
    assert table["Counts as"].iloc[0] == "What decided it"
    for rule in data["expect"].get("rules_include", []):
        assert rule in list(table.index)


def test_edge_follow_ups_hidden_until_edge_sites_chosen():
    at = start()
    button(at, "next").click().run()  # leave profile incomplete: flagged, stays there
    assert section(at) == "profile"
    assert any("Please answer" in e.value for e in at.error)
    go_to(at, "edge")
    at.run()
    assert widget(at, "starlink") is None and widget(at, "latency_target_ms") is None
    widget(at, "edge_sites").set_value("few").run()
    assert widget(at, "starlink") is not None and widget(at, "edge_traffic_pct") is not None
    widget(at, "edge_sites").set_value("none").run()
    assert widget(at, "starlink") is None


def test_answers_survive_moving_between_sections():
    at = start()
    profile = case("mine_starlink_planned")["answers"]
    fill_section(at, profile)
    button(at, "next").click().run()
    assert section(at) == "edge"
    button(at, "back").click().run()
    assert widget(at, "industry").value == "energy_and_mining"
    assert widget(at, "org_name").value == "Red Ridge Mining"


def test_incomplete_submit_lists_missing_sections_and_shows_no_result():
    at = start()
    go_to(at, "strategy")
    at.run()
    button(at, "get_recommendation").click().run()
    assert section(at) == "strategy"
    assert any("Your organisation" in w.value for w in at.warning)
    go_to(at, "result")
    at.run()
    assert any("Answer every section" in i.value for i in at.info)
    assert any(b.key == "goto_profile" for b in at.button)


def test_org_name_is_shown_as_text_not_markup():
    answers = {**case("retailer_nothing_relevant")["answers"],
               "org_name": "<b>Acme</b> [x](javascript:alert(1)) **bold**"}
    at = fill_all(start(), answers)
    heading = at.title[0].value
    assert "\\<b\\>" in heading and "\\[x\\]\\(javascript" in heading and "\\*\\*bold" in heading


def test_result_offers_answers_download_and_start_over():
    at = fill_all(start(), case("starlink_startup")["answers"])
    assert at.get("download_button")
    button(at, "reset").click().run()
    assert section(at) == "profile"
    assert widget(at, "industry").value is None


def test_an_unexpected_failure_shows_a_reference_and_no_traceback(monkeypatch, caplog):
    import ui.results

    def broken(*args, **kwargs):
        raise RuntimeError("boom in /srv/secret/path.py")

    monkeypatch.setattr(ui.results, "recommendation_body", broken)
    at = fill_all(start(), case("retailer_nothing_relevant")["answers"])
    assert not at.exception, "no traceback element reaches the page"
    message = " ".join(e.value for e in at.error)
    assert "Something went wrong on our side" in message
    reference = message.split("**")[-2]
    assert len(reference) == 8
    everything = " ".join(str(e.value) for e in [*at.markdown, *at.error, *at.warning, *at.info])
    assert "/srv/secret" not in everything and "RuntimeError" not in everything
    assert any(reference in r.getMessage() and r.exc_info for r in caplog.records), (
        "the reference and the traceback are in the server log")


@pytest.mark.parametrize("name", ["agri_field_ops", "city_insurer", "freight_backup_seeker",
                                  "offshore_strict_sla"])
def test_shared_examples_show_the_later_record_on_the_result_and_the_shared_view(name, kb):
    """Both verdicts and what differs, on the result page and on the shared view."""
    from logic.compare import compare, later_version
    from logic.knowledge_base import load_knowledge
    from questions.documents import parse_answers
    from tests.app.helpers import shown

    answers = json.loads(shared_or_skip("examples", f"{name}.json").read_text())
    record = load_knowledge(later_version())
    expected = compare(parse_answers(answers), kb, record)
    at = fill_all(start(), answers)
    button(at, "share").click().run()
    view = start(a=at.session_state["session"].sharing.last.view)
    for page in (unfold(at, "later_open"), unfold(view, "later_open")):
        panel = next(e for e in page.expander
                     if e.label == "What later public reports change, in detail")
        text = shown(" ".join(m.value for m in panel.markdown))
        old = kb.verdicts[expected.old.verdict].label
        new = record.verdicts[expected.new.verdict].label
        if expected.verdict_changed:
            assert f"would be **{new}** instead of **{old}**" in text
        elif expected.anything_changed:
            assert f"stays **{old}**, for partly different reasons" in text and "- " in text
        else:
            assert f"the verdict stays **{old}**" in text


def test_a_pasted_name_over_the_limit_is_cut_with_a_visible_note():
    at = start()
    widget(at, "org_name").set_value("A" * 150 + "Z" * 50).run()
    assert at.session_state["org_name"] == "A" * 120
    assert any("Cut to 120 characters, the most kept here: the text entered had 200"
               in c.value for c in at.caption)
    assert at.session_state["session"].form["org_name"] == "A" * 120


def test_the_scores_chart_is_also_said_in_words():
    """A screen reader cannot read the bar chart: a caption gives each section's fit, "not
    applicable" included, the same figures as the bars."""
    from logic.engine import evaluate
    from questions.documents import parse_answers

    answers = case("retailer_nothing_relevant")["answers"]
    at = unfold(fill_all(start(), answers), "evidence_open")
    words = next(c.value for c in at.caption if c.value.startswith("The chart in words"))
    rec = evaluate(parse_answers(answers))
    assert "edge" in rec.not_applicable and "Edge and connectivity not applicable" in words
    assert f"Strategy {rec.scores['strategy']} of " in words
    assert f"Scale and workloads {rec.scores['scale']} of " in words
