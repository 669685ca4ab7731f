"""The fuzzing harness: every reader of outside input, fed valid documents mutated with a hostile
set (markup, links, HTML, direction overrides, lone surrogates, control characters, huge and
odd numbers, deep nesting, duplicate keys, any line ending). Each either accepts the input or
names what is wrong with its own error type; nothing else may escape.

The suite runs a short profile. A long run (about 100 times the inputs):

    HYPOTHESIS_PROFILE=fuzz .venv/bin/python -m pytest tests/fuzz -p no:cacheprovider \\
        --hypothesis-show-statistics
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formats import hostile as hostile_xlsx
from formats.cells import answers_to_row, header
from formats.excel import read_workbook
from formats.files import InputError, decode_answers_json
from logic.assessment import Assessment
from logic.batch import evaluate_csv
from logic.engine import evaluate
from logic.knowledge_base import load_knowledge
from questions.answers import AnswersError
from questions.documents import parse_answers
from questions.schema import default_bank
from report.build import build_pdf
from storage.records import decision_record, read_import
from storage.seal import SealKey
from tests.conftest import case, complete
from tests.fuzz.conftest import PROGRESS
from tests.strategies import answers_dicts

HOSTILE = [
    "![x](http://img.example.invalid/p.png)", "[a](javascript:alert(1))", "<script>x</script>",
    "<http://auto.example.invalid>", "www.example.invalid", "**b** _i_ `c`", "=HYPERLINK(\"x\")",
    "+1", "-1", "@SUM(A1)", "abc\u202edcba", "\u2066x\u2069", "\ud800", "a\udfffb", "\x00",
    "\r", "\r\n", "\n\n", "\t", "\x1b[31m", "\ufeff", "😀" * 40, "x" * 5000, "", " ",
]
NUMBERS = [10**40, -(10**40), 1e308, -0.0, 2**63, True, False]
KB = load_knowledge()
FUZZ_KEY = SealKey(b"the fuzzing run's own seal key, 32+ chars")
BANK = default_bank()
BANK_EXAMPLE = complete(case("retailer_nothing_relevant")["answers"])

hostile_text = st.sampled_from(HOSTILE) | st.text(
    alphabet=st.characters(exclude_categories=()), max_size=40)
hostile_leaf = hostile_text | st.sampled_from(NUMBERS) | st.none() | st.integers()
hostile_json = st.recursive(
    hostile_leaf,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=12,
)


@st.composite
def mutated_answers(draw: Any) -> dict[str, Any]:
    """A valid answers document with some values replaced by hostile ones, keys added or
    dropped."""
    data: dict[str, Any] = dict(draw(answers_dicts()))
    for key in draw(st.lists(st.sampled_from([*BANK.ids, "bank_version", "unanswered"]),
                             max_size=4, unique=True)):
        data[key] = draw(hostile_json)
    for key in draw(st.lists(st.sampled_from(BANK.ids), max_size=2, unique=True)):
        data.pop(key, None)
    data.update(draw(st.dictionaries(hostile_text, hostile_leaf, max_size=2)))
    return data


@given(mutated_answers())
def test_the_answers_validator(data):
    PROGRESS.tick("test_the_answers_validator")
    try:
        answers = parse_answers(data)
    except AnswersError as exc:
        assert exc.problems and all(isinstance(m, str) and m for m in exc.problems.values())
        assert len(exc.lines()) <= 21
        str(exc).encode("utf-8")  # printable: no lone surrogate in a message
    else:
        evaluate(answers, KB)


def _json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=True, default=str)


@given(mutated_answers() | hostile_json, st.sampled_from(["", "\ufeff", " ", "{", "]"]))
def test_the_command_lines_json_reader(data, noise):
    PROGRESS.tick("test_the_command_lines_json_reader")
    text = _json_text(data)
    for variant in (text, noise + text, text + noise, text.replace('"', "", 1)):
        try:
            decoded = decode_answers_json(variant)
        except InputError as exc:
            assert str(exc)
            continue
        try:
            parse_answers(decoded)
        except AnswersError:
            pass


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(mutated_answers(), st.binary(max_size=40), st.sampled_from(["answers", "record"]))
def test_the_import_reader(data, junk, shape):
    PROGRESS.tick("test_the_import_reader")
    if shape == "record":
        answers = parse_answers(dict(BANK_EXAMPLE))
        record = decision_record(answers, {"_overall": "ok"}, evaluate(answers, KB),
                                 created_at=datetime(2026, 12, 1, tzinfo=UTC), key=FUZZ_KEY)
        record["answers"] = data
        record["notes"] = {"_overall": str(data.get("org_name", ""))[:500]}
        data = record
    raw = _json_text(data).encode()
    for variant in (raw, junk + raw, raw[: len(raw) // 2], raw.replace(b"\\", b"\\\\u", 1)):
        try:
            read_import(variant, FUZZ_KEY)
        except AnswersError as exc:
            assert exc.problems


decoded_text = hostile_text.filter(lambda t: not any("\ud800" <= c <= "\udfff" for c in t))


@given(st.lists(st.lists(decoded_text, min_size=1, max_size=30), max_size=6),
       st.sampled_from(["\r\n", "\n", "\r"]))
def test_the_csv_reader(rows, ending):
    """CSV text as the readers get it: decoded UTF-8 (so no lone surrogates), any line ending,
    every cell quoted where a spreadsheet would quote it."""
    PROGRESS.tick("test_the_csv_reader")
    good = answers_to_row(parse_answers(dict(BANK_EXAMPLE)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=ending, quoting=csv.QUOTE_ALL)
    writer.writerow(header(BANK))
    writer.writerow(list(good.values()))
    writer.writerows(rows)
    try:
        output, results = evaluate_csv(out.getvalue(), KB)
    except AnswersError as exc:
        assert exc.problems
        return
    assert results[0].error == "", "the good row is evaluated whatever follows it"
    assert len(results) == 1 + len(rows), "one result per row, line breaks in cells included"
    output.encode("utf-8")


@settings(max_examples=30
          if settings.default.max_examples <= 100 else 1000, deadline=None)
@given(answers_dicts(), hostile_text)
def test_the_pdf_builder(data, name):
    PROGRESS.tick("test_the_pdf_builder", 1000)
    try:
        answers = parse_answers({**data, "org_name": name})
    except AnswersError:
        return  # a name the validator refuses never reaches the PDF
    pdf = build_pdf(Assessment(answers, KB, bank=BANK),
                    generated_at=datetime(2026, 12, 1, tzinfo=UTC))
    assert pdf.startswith(b"%PDF")


HOSTILE_SIZES = {  # each hostile workbook at sizes around and far past its limit
    "far_row": (hostile_xlsx.far_row, st.integers(20_002, 2_000_000_000)),
    "declared_rows": (hostile_xlsx.declared_rows, st.integers(20_002, 2_000_000_000)),
    "wide_header": (hostile_xlsx.wide_header, st.integers(201, 30_000)),
    "many_sheets": (hostile_xlsx.many_sheets, st.integers(51, 400)),
}


@settings(max_examples=20 if settings.default.max_examples <= 100 else 500, deadline=None)
@given(st.sampled_from(sorted(HOSTILE_SIZES)), st.data())
def test_the_excel_reader_on_hostile_workbooks(kind, data):
    """The attack workbooks of the security review, at any size past their limits: each is
    refused with a message naming what is too large, never parsed to the end."""
    PROGRESS.tick("test_the_excel_reader_on_hostile_workbooks", 500)
    build, sizes = HOSTILE_SIZES[kind]
    raw = build(data.draw(sizes))
    try:
        read_workbook(raw)
    except AnswersError as exc:
        assert exc.problems and all(m for m in exc.problems.values())
    else:
        raise AssertionError(f"{kind}: a hostile workbook was read to the end")
