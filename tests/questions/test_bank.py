"""The question bank: matches the contract, helps the reader, fails loudly when malformed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from questions.answers import answers_model
from questions.documents import parse_answers
from questions.schema import BANK_DIR, BankError, default_bank, load_bank
from tests.conftest import case, complete, shared_or_skip
from tests.strategies import answers_dicts, json_values
from ui import form


def _product_contract() -> dict[str, tuple[str, list[str]]]:
    """PRODUCT.md section 3, read from the spec itself: id -> (type, values)."""
    text = shared_or_skip("PRODUCT.md").read_text(encoding="utf-8")
    table = text.split("## 3.")[1].split("## 4.")[0]
    rows = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"[a-z_0-9]+", cells[0]) and cells[0] != "id":
            values = re.sub(r"\(.*?\)", "", cells[3])
            rows[cells[0]] = (cells[2], [v.strip() for v in values.split(",")])
    return rows


KIND_WORDS = {"text": "text", "choice": "choice", "boolean": "boolean", "integer": "integer",
              "list of choices": "multi_choice"}


def test_bank_keeps_every_question_of_the_product_contract():
    """The bank may add questions; the ids, kinds and values of PRODUCT.md stay."""
    bank = default_bank()
    contract = _product_contract()
    assert len(contract) >= 20
    for qid, (kind_text, values) in contract.items():
        question = bank.question(qid)
        kind = next(k for word, k in KIND_WORDS.items() if kind_text.startswith(word))
        assert question.kind == kind, qid
        if kind in ("choice", "multi_choice"):
            assert sorted(map(str, question.choices())) == sorted(values), qid


def test_only_answered_values_no_prefilled_ones(tmp_path):
    """Nothing is pre-answered: a `default:` in the bank fails to load, naming where."""
    folder = _copy_bank(tmp_path)
    _edit(folder / "2-edge.yaml", lambda d: d["questions"][1].update(default="no"))
    with pytest.raises(BankError, match=r"2-edge.yaml: questions.1.choice.default"):
        load_bank(folder)


def test_a_fresh_form_has_no_answer(bank):
    assert all(value is None for value in form.empty_form(bank).values())
    assert form.progress(bank, form.empty_form(bank))[0] == 0


def test_sections_in_order(bank):
    assert [s.id for s in bank.sections] == [
        "profile", "edge", "reliability", "scale", "compliance", "strategy"]


def test_every_question_has_help(bank):
    assert all(len(q.help) > 10 for q in bank.questions())


def test_edge_follow_ups_only_when_there_are_edge_sites(bank):
    edge = bank.sections[1]
    assert [q.id for q in form.visible(edge, {"edge_sites": "none"})] == ["edge_sites"]
    assert len(form.visible(edge, {"edge_sites": "many"})) == 4


def test_payload_leaves_out_hidden_answers(bank):
    answers = {**case("farm_sensors_no_latency")["answers"], "edge_sites": "none"}
    out = form.payload(bank, answers)
    assert "starlink" not in out and "edge_traffic_pct" not in out
    assert parse_answers(out).starlink is None, "a hidden question stays unanswered"


def test_progress_counts_to_a_total_that_answers_never_change(bank):
    """The total is every required question, follow-ups too; a follow-up counts as done when
    answered, or when the answer deciding it leaves it unasked ("no edge sites")."""
    unconditional = [q for q in bank.questions() if q.required and q.visible_when is None]
    follow_ups = [q for q in bank.questions() if q.required and q.visible_when is not None]
    total = len(unconditional) + len(follow_ups)
    assert form.progress(bank, form.empty_form(bank)) == (0, total)
    answers = {**form.empty_form(bank), "edge_sites": "few"}
    empty_is_an_answer = sum(q.is_answered(None) for q in follow_ups)  # "not latency-sensitive"
    assert form.progress(bank, answers) == (1 + empty_is_an_answer, total)
    settled = {**form.empty_form(bank), "edge_sites": "none"}
    assert form.progress(bank, settled) == (1 + len(follow_ups), total), "none: settled"
    done = form.from_answers(bank, complete(case("farm_sensors_no_latency")["answers"]))
    assert form.progress(bank, done) == (total, total)


def test_choosing_edge_sites_leaves_the_follow_ups_unanswered(bank):
    """Regression: "Many sites" showed Starlink "No" and 0% already answered."""
    edge = bank.section_of("edge_sites")
    answers = {**form.empty_form(bank), "edge_sites": "many"}
    shown = form.visible(edge, answers)
    assert len(shown) > 1
    assert [q.id for q in form.missing(edge, answers)] == [
        q.id for q in shown[1:] if q.required and not getattr(q, "nullable", False)]


def _copy_bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(BANK_DIR, target)
    return target


def _edit(path: Path, edit) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


MALFORMED = {
    "missing help": ("3-reliability.yaml", lambda d: d["questions"][1].pop("help"),
                     "3-reliability.yaml: questions.1.boolean.help"),
    "unknown kind": ("4-scale.yaml", lambda d: d["questions"][0].update(kind="slider"),
                     "4-scale.yaml: questions.0"),
    "strictness not the options": ("6-strategy.yaml",
                                   lambda d: d["questions"][1].update(strictness=["low"]),
                                   "risk_appetite: strictness must order exactly"),
    "visible_when on an unknown question": ("2-edge.yaml",
                                            lambda d: d["questions"][1].update(
                                                visible_when={"q": "sites", "eq": "few"}),
                                            "starlink: visible_when: `sites` is not a question"),
    "asked twice": ("5-compliance.yaml", lambda d: d["questions"][2].update(id="data_residency"),
                    "data_residency: asked twice"),
    "two options that read the same": (  # a select box would give back the other one
        "6-strategy.yaml", lambda d: d["questions"][1]["options"][1].update(
            label=d["questions"][1]["options"][0]["label"]),
        "risk_appetite: two options read the same"),
}


@pytest.mark.parametrize("file, edit, words", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_bank_names_file_and_field(tmp_path, file, edit, words):
    folder = _copy_bank(tmp_path)
    _edit(folder / file, edit)
    with pytest.raises(BankError) as caught:
        load_bank(folder)
    assert words in str(caught.value)


@given(st.dictionaries(st.sampled_from(default_bank().ids) | st.text(max_size=30),
                       json_values()))
def test_sanitize_never_fails_and_keeps_only_valid_values(bank, raw):
    """A stored draft from an older or tampered version loads; nothing invalid gets through."""
    values = form.sanitize(bank, raw)
    assert set(values) == set(bank.ids)
    given_values = {k: v for k, v in values.items() if v is not None}
    answers_model(bank).model_validate(given_values)  # raises if anything invalid got through
    assert all(raw[k] == v for k, v in given_values.items())


@given(answers_dicts())
def test_sanitize_keeps_every_valid_answer(bank, data):
    values = form.sanitize(bank, data)
    given = {k: v for k, v in data.items() if v not in (None, []) and str(v).strip()}
    assert {k: v for k, v in values.items() if k in given} == given


def test_draft_with_a_list_for_a_choice_loads_reset(bank):
    """Regression: a tampered draft with `edge_sites: []` crashed the draft loader."""
    values = form.sanitize(bank, {"edge_sites": [], "workloads": [{"x": 1}], "industry": "retail"})
    assert values["edge_sites"] is None and values["workloads"] is None
    assert values["industry"] == "retail"
