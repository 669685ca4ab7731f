"""`reevaluate`: which saved assessments and teams a knowledge version moves, read-only, on
SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from functools import partial

from sqlalchemy import text

from logic.engine import evaluate
from logic.knowledge_base import DEFAULT_VERSION, load_knowledge
from questions.documents import parse_answers
from storage.__main__ import main
from storage.reevaluate import as_csv, as_table, reevaluate
from storage.teams import TeamStore
from tests.conftest import case, complete
from tests.logic.test_cli import ROOT

RECORD = "2026-12-public-record"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m storage ARGS` in its own process: the command line for stored assessments
    as a person runs it (the other tests call its `main` in this process)."""
    return subprocess.run([sys.executable, "-m", "storage", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


def _share(store, name: str, **change) -> None:
    answers = complete({**case(name)["answers"], **change})
    rec = evaluate(parse_answers(answers), load_knowledge())
    store.share(answers, {}, knowledge_version=DEFAULT_VERSION, verdict=rec.verdict)


def _rows(store) -> list:
    with store.engine.connect() as connection:
        return [tuple(r) for table in ("assessments", "teams", "respondents", "links")
                for r in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1"))]


def test_lists_exactly_the_assessments_and_teams_whose_verdict_moves(store):
    _share(store, "edge_share_five_percent", org_name="Moves: Starlink edge")  # Evaluate
    _share(store, "starlink_startup", org_name="Moves: backup seeker")  # Evaluate
    _share(store, "retailer_nothing_relevant", org_name="Stays: retailer")  # No action
    _share(store, "saas_wants_new_primary", org_name="Stays: new primary")  # Monitor
    store.create_draft({"org_name": "Half done"}, {})  # incomplete: cannot be evaluated
    teams = TeamStore(store)
    moving = teams.create("Edge team")
    for person in ("Ana", "Ben"):
        teams.add_response(moving.invite, person, "Architect",
                           complete(case("edge_share_five_percent")["answers"]))
    steady = teams.create("Retail team")
    teams.add_response(steady.invite, "Cy", "CTO",
                       complete(case("retailer_nothing_relevant")["answers"]))
    before = _rows(store)

    result = reevaluate(store, RECORD)

    assert sorted((m.kind, m.name, m.old_verdict, m.new_verdict) for m in result.moved) == [
        ("shared", "Moves: Starlink edge", "evaluate", "monitor"),
        ("shared", "Moves: backup seeker", "evaluate", "monitor"),
        ("team", "Edge team", "evaluate", "monitor"),
    ]
    assert result.read == 7 and result.skipped == 1
    assert _rows(store) == before, "reevaluate never changes a stored row"
    table = as_table(result)
    assert "3 of 7 saved assessments and teams would change under " + RECORD in table
    assert "1 could not be evaluated" in table
    parsed = list(csv.DictReader(io.StringIO(as_csv(result))))
    assert {r["name"] for r in parsed} == {m.name for m in result.moved}


def test_the_command_reads_the_database_it_is_given(tmp_path, in_process):
    url = f"sqlite:///{tmp_path / 'saved.sqlite3'}"
    from storage import Store

    own = Store.open(url)
    try:
        _share(own, "edge_share_five_percent", org_name="=HYPERLINK(\"x\")")
    finally:
        own.close()
    done = run_cli("reevaluate", "--knowledge", RECORD, "--database", url, "--csv")
    assert done.returncode == 0, done.stderr
    row = next(csv.DictReader(io.StringIO(done.stdout)))
    assert row["name"].startswith("'="), "names are formula-safe in the CSV"
    assert (row["old_verdict"], row["new_verdict"]) == ("evaluate", "monitor")
    same = in_process(main, "reevaluate", "--knowledge", DEFAULT_VERSION, "--database", url)
    assert "0 of 1 saved assessments and teams would change" in same.stdout
    bad = in_process(main, "reevaluate", "--knowledge", "2031-nope", "--database", url)
    assert bad.returncode == 2 and "unknown knowledge version" in bad.stderr
    json.dumps(row)  # plain strings only


def test_a_missing_sqlite_file_is_named_and_not_created(tmp_path, in_process):
    path = tmp_path / "not-there" / "saved.sqlite3"
    done = in_process(main, "reevaluate", "--knowledge", RECORD, "--database",
                      f"sqlite:///{path}")
    assert done.returncode == 2 and f"no database at {path}" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert not path.exists() and not path.parent.exists(), "the command never writes"


def test_notify_gives_word_to_the_watches_a_knowledge_update_moves(tmp_path, monkeypatch,
                                                                    in_process):
    """`reevaluate --notify` after a knowledge update: the watched assessment it moves gets a
    notice in its feed and its webhook is called before the command ends; run again, nothing
    new. Without --notify nothing is written."""
    from storage import Store
    from tests.storage.test_watch import STARTUP, Receiver

    receiver = Receiver()
    monkeypatch.setenv("HOSTING_FIT_WEBHOOK_ALLOW", f"http://127.0.0.1:{receiver.server.server_port}/")
    url = f"sqlite:///{tmp_path / 'watched.sqlite3'}"
    own = Store.open(url)
    try:
        draft = own.create_draft(STARTUP, {})
        links = own.share(STARTUP, {}, knowledge_version=DEFAULT_VERSION, verdict="evaluate",
                          draft=draft)
        own.watch(links.manage, receiver.url)
        before = _rows(own)
    finally:
        own.close()
    run = partial(in_process, main, "reevaluate", "--knowledge", "2026-12-record", "--database",
                  url)
    quiet = run()
    assert quiet.returncode == 0 and "notified" not in quiet.stderr
    told = run("--notify")
    assert told.returncode == 0, told.stderr
    assert "notified: 1 watch notice under 2026-12-record" in told.stderr
    again = run("--notify")
    assert "notified: 0 watch notices" in again.stderr
    receiver.close()
    [(_, body)] = receiver.got
    assert json.loads(body)["cause"] == "knowledge"
    reopened = Store.open(url)
    try:
        assert _rows(reopened) == before, "assessments, teams and links untouched"
        [watch] = reopened.watches(links.manage)
        assert [n.new.verdict for n in watch.notices] == ["monitor"]
        assert [d.delivered for d in watch.deliveries] == [True]
    finally:
        reopened.close()
