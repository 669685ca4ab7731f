"""`python -m logic evaluate`: JSON and CSV in, results out, exit 2 with named fields."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from formats.cells import answers_to_row
from logic.__main__ import main
from questions.documents import parse_answers
from tests.conftest import ROOT, case, shared_or_skip

VALID = case("edge_share_five_percent")["answers"]


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`python -m logic ARGS` in its own process: for what only a process shows (its exit
    status, what reaches standard error at exit, no traceback)."""
    return subprocess.run(
        [sys.executable, "-m", "logic", *args], input=stdin, capture_output=True, text=True,
        cwd=ROOT, timeout=60,
    )


@pytest.fixture
def cli(in_process):
    """`python -m logic ARGS` as `main(ARGS)` in this process: the command line's behaviour
    without the two seconds of a new interpreter importing the app."""
    return partial(in_process, main)


def test_shared_example_evaluates_from_a_file(cli):
    path = shared_or_skip("examples", "agri_field_ops.json")
    done = cli("evaluate", str(path))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["verdict"] == "evaluate"


def test_stdin_json_gives_the_recommendation_shape(cli):
    done = cli("evaluate", "-", stdin=json.dumps(VALID))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["verdict"] == "evaluate"
    assert {"verdict", "drivers", "blockers", "reasons", "scores", "open_questions",
            "knowledge_version"} <= set(out)
    assert out["knowledge_version"] == "2026-11-article"


def test_uptime_100_exits_2_naming_the_field():
    done = run_cli("evaluate", "-", stdin=json.dumps({**VALID, "uptime_target": "100"}))
    assert done.returncode == 2
    assert "uptime_target" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


BAD_DOCUMENTS = {
    "unknown id": (json.dumps({**VALID, "colour": "red"}), "colour"),
    "wrong type": (json.dumps({**VALID, "support_24x7": "no"}), "support_24x7"),
    "out of range": (json.dumps({**VALID, "edge_traffic_pct": 250}), "edge_traffic_pct"),
    "list for choice": (json.dumps({**VALID, "risk_appetite": ["moderate"]}), "risk_appetite"),
    "10 MB string": (json.dumps({**VALID, "org_name": "é" * 10_000_000}), "org_name"),
    "duplicate key": (json.dumps(VALID)[:-1] + ', "industry": "media"}', "industry"),
    "broken JSON": ('{"industry": ', "not valid JSON"),
    "deep nesting": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "not an object": ("[1, 2]", "JSON object"),
}


@pytest.mark.parametrize("document, named", BAD_DOCUMENTS.values(), ids=BAD_DOCUMENTS.keys())
def test_bad_input_exits_2_with_a_named_problem(document, named, cli):
    done = cli("evaluate", "-", stdin=document)
    assert done.returncode == 2
    assert named in done.stderr
    assert done.stdout == ""


def test_missing_file_exits_2(cli):
    done = cli("evaluate", "/nonexistent/answers.json")
    assert done.returncode == 2 and "no such file" in done.stderr


def test_unknown_knowledge_version_exits_2(cli, tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps(VALID))
    done = cli("evaluate", str(path), "--knowledge", "1999-01")
    assert done.returncode == 2 and "unknown knowledge version" in done.stderr


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_csv_good_rows_come_out_beside_bad_ones(cli, tmp_path):
    good = answers_to_row(parse_answers(VALID))
    rows = [
        good,
        {**good, "uptime_target": "100", "contractual_sla": "maybe"},
        {**good, "org_name": "=HYPERLINK(\"http://x\")", "workloads": "inference;batch"},
    ]
    path = tmp_path / "units.csv"
    _write_csv(path, rows)
    done = cli("evaluate", str(path))
    assert done.returncode == 2, "a file with an invalid row exits 2"
    out = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["verdict"] for r in out] == ["evaluate", "", "evaluate"]
    assert out[0]["error"] == "" and out[0]["drivers"] == "edge_latency;starlink_synergy"
    assert "uptime_target" in out[1]["error"] and "contractual_sla" in out[1]["error"]
    assert out[2]["org_name"].startswith("'="), "formula cells are neutralised"
    assert out[2]["workloads"] == "inference;batch"
    assert list(out[0])[: len(good)] == list(good), "input columns are repeated first"
    assert list(out[0])[-10:] == ["verdict", "drivers", "blockers", "caveats", "band_low",
                                  "band_high", "settle_first", "later_version", "later_verdict",
                                  "error"]
    # the newest sourced reading beside the article's: the Starlink edge case at Monitor
    assert (out[0]["later_version"], out[0]["later_verdict"]) == ("2026-12-record", "monitor")
    assert out[1]["later_version"] == out[1]["later_verdict"] == "", "a bad row has no reading"
    assert out[0]["band_low"] == out[0]["settle_first"] == "", "nothing unknown, no band"
    assert "line 3" in done.stderr and "1 of 3 rows invalid" in done.stderr


def test_csv_all_valid_exits_0_and_empty_cells_mean_absent(cli, tmp_path):
    row = answers_to_row(parse_answers(VALID))
    row.update(org_name="", latency_target_ms="", regulations="")
    path = tmp_path / "units.csv"
    _write_csv(path, [row])
    done = cli("evaluate", str(path))
    assert done.returncode == 0, done.stderr
    # an empty response target is "not latency-sensitive": the edge case no longer applies
    assert next(csv.DictReader(io.StringIO(done.stdout)))["verdict"] == "no_action"


def test_csv_without_header_exits_2(cli, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("")
    done = cli("evaluate", str(path))
    assert done.returncode == 2 and "header" in done.stderr


def test_csv_reads_labels_ids_percentages_and_any_capitalisation(tmp_path, kb):
    """Business people write "Financial services", "Over 10,000", "99.9%", "Yes"; headings may
    be the question's words."""
    from logic.batch import evaluate_csv
    from questions.schema import default_bank

    label = {q.id: q.label for q in default_bank().questions()}
    row = {
        "industry": "Financial services", "EMPLOYEES": "Over 10,000",
        label["claude_usage"]: "anthropic's api, directly",
        "hosting_role_sought": "None: we are not looking",
        "edge_sites": "none", "uptime_target": "99.9%", "contractual_sla": "Yes",
        "support_24x7": "no", "unproven_provider_tolerance": "Only with a fallback in place",
        "monthly_tokens": "1 to 50 billion", "workloads": "Real-time inference; BATCH",
        "dedicated_capacity": "false", "regulations": "GDPR; sox",
        "data_residency": "No", "attestations_required": "TRUE",
        "concentration_concern": "low", "risk_appetite": "Moderate",
        "decision_horizon": "6 to 18 months", "price_sensitivity": "Medium",
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    writer.writerow({**row, "uptime_target": "99.8%"})
    _, results = evaluate_csv(out.getvalue(), kb)
    assert results[0].error == "" and results[0].outcome.verdict == "no_action"
    assert results[0].outcome.blockers == ("sla_unverified", "compliance_unverified",
                                           "scale_unproven"), "every answer was read"
    assert "uptime_target" in results[1].error and "'99.9'" in results[1].error


@pytest.mark.parametrize("command", [["-m", "logic", "evaluate", "/dev/zero"],
                                     ["-m", "logic", "evaluate", "/dev/zero.csv"],
                                     ["-m", "report", "/dev/zero", "-o", "/tmp/never.pdf"]])
def test_an_endless_input_is_read_no_further_than_the_limit(command, tmp_path):
    """`evaluate /dev/zero` once grew to 23 GB; every input is read through the same bound as
    the web's uploads: a clear message and exit 2, never a traceback."""
    if command[-1] == "/dev/zero.csv":  # a device read as a CSV: through a FIFO-like link
        link = tmp_path / "zero.csv"
        link.symlink_to("/dev/zero")
        command = [*command[:-1], str(link)]
    done = subprocess.run([sys.executable, *command], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 2
    assert "MB is read" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("name, words", [("a cell at row 999,999,999", "more than 20,000 rows"),
                                         ("1,000,000 header cells", "1,000,000 cells")])
def test_a_hostile_workbook_on_the_command_line_is_refused_with_exit_2(name, words, tmp_path,
                                                                       cli):
    """The security review's workbooks given to `evaluate FILE.xlsx -o OUT.xlsx`: a message
    naming what is too large and exit 2, nothing written (times: bench.hostile_files)."""
    from formats.hostile import HOSTILE

    path = tmp_path / "hostile.xlsx"
    path.write_bytes(HOSTILE[name]())
    out = tmp_path / "out.xlsx"
    done = cli("evaluate", str(path), "-o", str(out))
    assert done.returncode == 2 and words in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and not out.exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("where", [["-o", "/dev/full"], []])
def test_a_full_disk_on_output_names_the_output(where, tmp_path):
    source = tmp_path / "a.json"
    source.write_text(json.dumps(VALID))
    for module in ("logic", "report"):
        if module == "report" and not where:
            continue  # the PDF always goes to a file
        args = ["evaluate", str(source)] if module == "logic" else [str(source)]
        if where:
            args += where
            done = subprocess.run([sys.executable, "-m", module, *args], capture_output=True,
                                  text=True, cwd=ROOT, timeout=60)
        else:
            with open("/dev/full", "w") as full:
                done = subprocess.run([sys.executable, "-m", module, *args], stdout=full,
                                      stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=60)
        assert done.returncode == 2, done.stderr
        named = "/dev/full" if where else "standard output"
        assert f"{named}: cannot be written" in done.stderr
        assert str(source) not in done.stderr and "Traceback" not in done.stderr


def test_a_closed_pipe_on_output_is_exit_2_without_a_traceback(tmp_path):
    rows = tmp_path / "many.csv"
    header = ",".join(answers_to_row(parse_answers(VALID)).keys())
    line = ",".join(answers_to_row(parse_answers(VALID)).values())
    rows.write_text(header + "\n" + "\n".join([line] * 3000) + "\n")
    reader = subprocess.Popen([sys.executable, "-m", "logic", "evaluate", str(rows)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.read(10)
    reader.stdout.close()  # the reader of the pipe goes away (as `| head -c 10` does)
    errors = reader.stderr.read().decode()
    assert reader.wait(timeout=60) == 2
    assert "standard output: cannot be written" in errors and "Traceback" not in errors
