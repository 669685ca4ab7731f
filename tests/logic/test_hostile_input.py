"""Hostile input through every door that reads a file (the two command lines, the import, the
answers validator): each gets a message naming what is wrong, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from logic.__main__ import main as logic_main
from questions.answers import AnswersError
from questions.documents import parse_answers
from questions.text import clean, markdown_plain
from report.__main__ import main as report_main
from storage.records import read_import
from storage.seal import SealKey
from tests.conftest import ROOT, case

VALID = case("starlink_startup")["answers"]
HUGE_INTEGER = "1" + "0" * 5000  # past Python's limit for reading an integer from text
HOSTILE_FILES = {
    "huge integer": ('{"latency_target_ms": ' + HUGE_INTEGER + "}").encode(),
    "lone surrogate in an answer": json.dumps({**VALID, "org_name": "A\\ud800B"}).replace(
        "\\\\ud800", "\\ud800").encode(),
    "lone surrogate in a key": b'{"\\udc00": 1}',
    "not UTF-8": b"\xff\xfe{}",
    "nested too deeply": b"[" * 100_000,
    "duplicate key": b'{"industry": "retail", "industry": "retail"}',
}


@pytest.mark.parametrize("raw", HOSTILE_FILES.values(), ids=HOSTILE_FILES.keys())
def test_an_import_names_what_is_wrong(raw):
    with pytest.raises(AnswersError) as caught:
        read_import(raw, SealKey(b"any deployment's key, 32 chars or more"))
    assert caught.value.problems and all(m for m in caught.value.problems.values())


def test_a_decision_record_note_holding_a_lone_surrogate_is_refused_by_name():
    record = {"format": "hosting-fit/decision-record", "format_version": 2,
              "answers": VALID, "notes": {"_overall": "PLACEHOLDER"}}
    raw = json.dumps(record).replace("PLACEHOLDER", "x\\ud800y").encode()
    with pytest.raises(AnswersError) as caught:
        read_import(raw, SealKey(b"any deployment's key, 32 chars or more"))
    assert "surrogate" in " ".join(caught.value.problems.values())


def test_the_validator_refuses_a_lone_surrogate_in_text_by_field():
    with pytest.raises(AnswersError) as caught:
        parse_answers({**VALID, "org_name": "Acme\ud800"})
    assert "lone surrogate" in caught.value.problems["org_name"]


def test_display_text_loses_surrogates_and_direction_overrides():
    assert clean("ab\ud800c\u202ed") == "abcd"
    assert "\u202e" not in markdown_plain("x\u202ey")


def _cli(module: str, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", module, *args], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=60, check=False)


@pytest.mark.parametrize("raw", HOSTILE_FILES.values(), ids=HOSTILE_FILES.keys())
def test_the_command_line_exits_2_with_a_message(raw, tmp_path, in_process):
    """Both command lines' `main`, in this process: any exception would fail the test."""
    path = tmp_path / "answers.json"
    path.write_bytes(raw)
    for done in (in_process(logic_main, "evaluate", str(path)),
                 in_process(report_main, str(path), "-o", str(tmp_path / "out.pdf"))):
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr and done.stderr.strip()


def test_a_hostile_file_is_exit_2_without_a_traceback_from_the_process(tmp_path):
    """The same through a process of its own, as a person runs it."""
    path = tmp_path / "answers.json"
    path.write_bytes(HOSTILE_FILES["nested too deeply"])
    done = _cli("report", str(path), "-o", str(tmp_path / "out.pdf"))
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr and done.stderr.strip()


def test_a_bom_on_standard_input_is_read_like_the_same_file(tmp_path, in_process):
    raw = b"\xef\xbb\xbf" + json.dumps(VALID).encode()
    path = tmp_path / "answers.json"
    path.write_bytes(raw)
    from_file = in_process(logic_main, "evaluate", str(path))
    from_stdin = in_process(logic_main, "evaluate", "-", stdin=raw)
    assert from_file.returncode == from_stdin.returncode == 0, from_stdin.stderr
    assert from_file.stdout == from_stdin.stdout


# CSV: correct results or a clear error -------------------------------------------------------

def _csv_text(rows: list[list[str]], ending: str = "\r\n") -> str:
    import csv as csv_module
    import io

    out = io.StringIO()
    csv_module.writer(out, lineterminator=ending).writerows(rows)
    return out.getvalue()


def _valid_row() -> tuple[list[str], list[str]]:
    from formats.cells import answers_to_row

    row = answers_to_row(parse_answers(VALID))
    return list(row), list(row.values())


def test_a_column_named_twice_is_an_error_naming_it(kb):
    from logic.batch import evaluate_csv

    names, values = _valid_row()
    with pytest.raises(AnswersError, match="named more than once: industry"):
        evaluate_csv(_csv_text([[*names, "industry"], [*values, "retail"]]), kb)


@pytest.mark.parametrize("ending", ["\n", "\r", "\r\n"])
def test_the_row_limit_counts_rows_whatever_their_line_endings(kb, ending):
    from logic.batch import evaluate_csv

    names, values = _valid_row()
    text = _csv_text([names, *[values] * 6], ending)
    assert len(evaluate_csv(text, kb, max_rows=6)[1]) == 6
    with pytest.raises(AnswersError, match="more than 5 rows"):
        evaluate_csv(text, kb, max_rows=5)


def test_a_line_break_in_a_quoted_cell_comes_back_as_it_went_in(kb, tmp_path, in_process):
    import csv as csv_module
    import io

    names, values = _valid_row()
    values[names.index("org_name")] = "North\rSouth\r\nEast\nWest"
    path = tmp_path / "units.csv"
    path.write_bytes(_csv_text([names, values]).encode())
    done = in_process(logic_main, "evaluate", str(path))
    assert done.returncode == 0, done.stderr
    out = list(csv_module.DictReader(io.StringIO(done.stdout, newline="")))
    assert out[0]["org_name"] == "North\rSouth\r\nEast\nWest"


def test_a_cell_too_long_costs_its_row_not_the_file(kb):
    from formats.cells import MAX_CELL_CHARS
    from logic.batch import evaluate_csv

    names, values = _valid_row()
    long = list(values)
    long[names.index("org_name")] = "x" * (MAX_CELL_CHARS * 20)  # past the csv module's limit
    _, results = evaluate_csv(_csv_text([names, long, values]), kb)
    assert "org_name: the cell has" in results[0].error and results[0].outcome is None
    assert results[1].error == "" and results[1].outcome is not None


@pytest.mark.parametrize("cell", ["1_0", "١٠", "10.0", " 1e3", "+5"])
def test_numbers_in_a_csv_are_plain_ascii_digits(kb, cell):
    from logic.batch import evaluate_csv

    names, values = _valid_row()
    values[names.index("edge_sites")] = "few"
    values[names.index("starlink")] = "yes"
    values[names.index("edge_traffic_pct")] = cell
    _, results = evaluate_csv(_csv_text([names, values]), kb)
    assert "edge_traffic_pct" in results[0].error


def test_a_document_with_too_many_keys_stops_early_with_one_message():
    with pytest.raises(AnswersError) as caught:
        parse_answers({f"unknown_{i}": 1 for i in range(100_000)})
    assert list(caught.value.problems) == ["answers"] and "100,000 keys" in str(caught.value)


def test_a_huge_list_stops_early_with_one_message():
    with pytest.raises(AnswersError) as caught:
        parse_answers({**VALID, "regulations": ["gdpr"] * 40_000})
    assert caught.value.problems == {"regulations": "lists 40,000 items; at most 200"}


def test_many_problems_are_counted_not_all_listed():
    with pytest.raises(AnswersError) as caught:
        parse_answers({f"unknown_{i}": 1 for i in range(300)})
    lines = caught.value.lines()
    assert len(lines) == 21 and lines[-1].startswith("and ")


def test_a_decision_record_carries_no_direction_controls(kb):
    from datetime import UTC, datetime

    from logic.engine import evaluate
    from storage.records import decision_record

    answers = parse_answers({**VALID, "org_name": "Acme\u202e Corp\u2066"})
    record = decision_record(answers, {"_overall": "line one\u202e\nline two"},
                             evaluate(answers, kb), created_at=datetime(2026, 12, 1, tzinfo=UTC),
                             key=SealKey(b"a test deployment's key of 32 chars"))
    text = json.dumps(record, ensure_ascii=False)
    assert "\u202e" not in text and "\u2066" not in text
    assert record["answers"]["org_name"] == "Acme Corp"
    assert record["notes"]["_overall"] == "line one\nline two", "line breaks kept"
