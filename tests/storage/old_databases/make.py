"""Make the old databases the schema-migration tests open, each written by the app's own code at
the last commit of its schema version (checked out into a git worktree), on SQLite (a file) and
on PostgreSQL (a plain SQL dump of the schema `old_schema`), with the links to open them.

Run from the project's root, with a PostgreSQL server for the dumps (the test command's):
    HOSTING_FIT_TEST_PG_URL=postgresql+psycopg://... \
        .venv/bin/python tests/storage/old_databases/make.py
The files it writes are committed; the tests never run this.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, make_url, text

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
VERSIONS = {2: "d683ec6~1", 3: "862eb6e~1", 4: "88bedaf"}  # the last commit of each schema
SCHEMA = "old_schema"
WRITE = """
import json, sys
from storage import Store
from storage.teams import TeamStore
answers = json.load(open("tests/cases/startup_backup_tolerant.json"))["answers"]
store = Store.open(sys.argv[1])
version = int(sys.argv[2])
draft = store.create_draft(answers, {"_overall": f"v{version} draft"})
shared = store.share(answers, {"_overall": f"v{version} note"},
                     knowledge_version="2026-11-article", verdict="evaluate")
team = TeamStore(store).create("Hosting review")
respondent = TeamStore(store).add_response(team.invite, "Ana", "CTO", answers)
print(json.dumps({"view": shared.view, "manage": shared.manage, "draft": draft,
                  "invite": team.invite, "team_view": team.view, "respondent": respondent}))
store.close()
"""


def _write(tree: Path, url: str, version: int) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", WRITE, url, str(version)], cwd=tree,
                          capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(tree)})
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    server = os.environ["HOSTING_FIT_TEST_PG_URL"]
    admin = create_engine(server)
    for version, commit in VERSIONS.items():
        tree = Path(tempfile.mkdtemp()) / "tree"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(tree), commit], cwd=ROOT,
                       check=True)
        try:
            sqlite = HERE / f"v{version}.sqlite3"
            sqlite.unlink(missing_ok=True)
            links = _write(tree, f"sqlite:///{sqlite}", version)
            with admin.begin() as connection:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
                connection.execute(text(f"CREATE SCHEMA {SCHEMA}"))
            separator = "&" if "?" in server else "?"
            pg_links = _write(tree, f"{server}{separator}options="
                                    f"{quote(f'-csearch_path={SCHEMA}')}", version)
            parsed = make_url(server)
            dump = subprocess.run(
                ["pg_dump", "--schema", SCHEMA, "--inserts", "--no-owner", "--no-privileges",
                 "-h", parsed.host or "localhost", "-p", str(parsed.port or 5432),
                 "-U", parsed.username or "", parsed.database or ""],
                capture_output=True, text=True, check=True,
                env={**os.environ, "PGPASSWORD": parsed.password or ""})
            (HERE / f"v{version}.sql").write_text(dump.stdout, encoding="utf-8")
            (HERE / f"v{version}.json").write_text(json.dumps(
                {"commit": commit, "sqlite": links, "postgresql": pg_links}, indent=2) + "\n")
            with admin.begin() as connection:
                connection.execute(text(f"DROP SCHEMA {SCHEMA} CASCADE"))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT,
                           check=True)
            shutil.rmtree(tree.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
