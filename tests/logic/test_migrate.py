"""Answers given under an older question bank, read under a changed one (see tests/bank_changes)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from questions.answers import AnswersError
from questions.documents import parse_answers
from questions.migrate import read_answers
from questions.schema import BankError, default_bank, load_bank
from tests.bank_changes import add_question, copy_bank, edit, every_kind_of_change
from tests.conftest import case, complete
from tests.strategies import answers_dicts

NOW = default_bank().version  # the bank the answers are saved under; the changes come after
OLD = complete({**case("airline_decides_now")["answers"], "concentration_concern": "high",
                "support_24x7": True})


@pytest.fixture
def changed(tmp_path):
    return load_bank(every_kind_of_change(copy_bank(tmp_path)))


def test_current_answers_carry_the_bank_version():
    answers = parse_answers(OLD)
    assert answers.document()["bank_version"] == default_bank().version
    assert "unanswered" not in answers.document()


def test_every_kind_of_change_is_applied_and_reported(changed):
    answers, upgraded = read_answers(parse_answers(OLD).document(), changed)
    assert (upgraded.from_version, upgraded.to_version) == (NOW, NOW + 1)
    assert upgraded.added == ("exit_plan",)
    assert upgraded.renamed == {"support_24x7": "round_the_clock_support"}
    assert upgraded.dropped == {"price_sensitivity": "medium"}
    assert upgraded.reask == {"employees": "1000_to_10000"}
    assert upgraded.pending == {"exit_plan", "employees"}
    assert answers.get("round_the_clock_support") is True
    assert answers.get("concentration_concern") == "severe"
    assert answers.get("exit_plan") is None and answers.get("employees") is None
    assert answers.unanswered == {"exit_plan", "employees"}


def test_a_migrated_document_keeps_its_marks_until_answered(changed):
    answers, _ = read_answers(parse_answers(OLD).document(), changed)
    document = answers.document(changed)
    assert document["bank_version"] == NOW + 1
    assert document["unanswered"] == ["employees", "exit_plan"]
    again, upgraded = read_answers(document, changed)
    assert again == answers and upgraded.pending == {"employees", "exit_plan"}
    answered = again.replace(exit_plan=True, employees="1000_to_4999")
    assert "unanswered" not in answered.document(changed)


def test_answers_under_the_new_bank_must_answer_the_new_questions(changed):
    answers, _ = read_answers(parse_answers(OLD).document(), changed)
    fresh = {k: v for k, v in answers.values().items()}
    with pytest.raises(AnswersError) as caught:
        read_answers({**fresh, "bank_version": NOW + 1}, changed)
    assert set(caught.value.problems) == {"exit_plan", "employees"}
    assert caught.value.problems["exit_plan"] == "is required"


def test_unanswered_may_only_name_questions_added_since(changed):
    with pytest.raises(AnswersError, match="unanswered"):
        read_answers({**parse_answers(OLD).values(), "bank_version": NOW + 1,
                      "unanswered": ["uptime_target"]}, changed)


def test_answers_from_a_newer_questionnaire_are_refused_with_a_message():
    with pytest.raises(AnswersError, match="newer questionnaire"):
        parse_answers({**OLD, "bank_version": default_bank().version + 1})


@pytest.mark.parametrize("version", [0, -1, "2", 1.5, True, None])
def test_a_bank_version_that_is_not_a_version_is_named(version):
    with pytest.raises(AnswersError) as caught:
        parse_answers({**OLD, "bank_version": version})
    assert "bank_version" in caught.value.problems


def test_migrations_chain_across_versions(tmp_path):
    folder = add_question(copy_bank(tmp_path))  # version NOW + 1 adds exit_plan
    edit(folder / "6-strategy.yaml", lambda d: d["questions"].pop())  # price_sensitivity

    def bump(meta):  # then version NOW + 2 removes price_sensitivity
        meta["version"] = NOW + 2
        meta["migrations"].append({"version": NOW + 2, "note": "Price no longer asked.",
                                   "remove": ["price_sensitivity"]})
    edit(folder / "_bank.yaml", bump)
    bank = load_bank(folder)
    answers, upgraded = read_answers({**OLD, "bank_version": NOW}, bank)
    assert upgraded.added == ("exit_plan",) and upgraded.dropped == {
        "price_sensitivity": "medium"}
    at_two = {**answers.values(), "bank_version": NOW + 1, "exit_plan": True,
              "price_sensitivity": "low"}
    answers, upgraded = read_answers(at_two, bank)
    assert upgraded.added == () and upgraded.dropped == {"price_sensitivity": "low"}
    assert answers.get("exit_plan") is True


def test_a_bank_whose_versions_skip_is_refused(tmp_path):
    folder = copy_bank(tmp_path)
    edit(folder / "_bank.yaml", lambda meta: meta.update(version=NOW + 2))
    with pytest.raises(BankError, match=f"migrations must be versions 2 to {NOW + 2}"):
        load_bank(folder)


@settings(max_examples=40)
@given(answers_dicts())
def test_any_valid_answers_of_today_open_after_the_change(changed_bank_once, data):
    """Whatever was saved under today's bank still opens after every kind of change (the
    changed bank is loaded once, not per example: loading it per example was the flake)."""
    bank = changed_bank_once
    answers, upgraded = read_answers(parse_answers(data).document(), bank)
    assert upgraded.from_version == NOW and "exit_plan" in upgraded.pending
    assert set(answers.values()) <= set(bank.ids)


@pytest.fixture(scope="module")
def changed_bank_once(tmp_path_factory):
    return load_bank(every_kind_of_change(copy_bank(tmp_path_factory.mktemp("bank"))))


def test_notes_follow_a_renamed_question(changed):
    _, upgraded = read_answers(parse_answers(OLD).document(), changed)
    notes = {"support_24x7": "Ops insists", "price_sensitivity": "Budget set", "_overall": "x"}
    assert upgraded.carry(notes) == {"round_the_clock_support": "Ops insists",
                                     "price_sensitivity": "Budget set", "_overall": "x"}
