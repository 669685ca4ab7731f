"""Decision records, imports and the Markdown summary."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from logic.assessment import assess
from logic.engine import evaluate
from questions.answers import AnswersError
from questions.documents import parse_answers
from report.markdown import summary
from storage.records import (
    MAX_IMPORT_BYTES,
    check_seal,
    decision_record,
    is_intact,
    read_import,
    seal,
)
from storage.seal import SealKey, deployment_key
from tests.conftest import case

WHEN = datetime(2026, 11, 25, tzinfo=UTC)
ANSWERS = case("hospital_backup_hipaa")["answers"]
KEY = SealKey(b"this deployment's key, 32 chars or more")
OTHER = SealKey(b"another deployment's key, as long as this")


def _record(kb, notes=None):
    answers = parse_answers(ANSWERS)
    return decision_record(answers, notes or {"_overall": "Why"}, evaluate(answers, kb),
                           created_at=WHEN, key=KEY)


def test_record_holds_everything_and_is_sealed(kb):
    record = _record(kb)
    assert record["answers"]["org_name"] == "St. Aldric Health"
    assert record["recommendation"]["verdict"] == "monitor"
    assert record["knowledge_version"] == "2026-11-article" and record["app_version"]
    assert record["notes"] == {"_overall": "Why"} and len(record["seal"]["mac"]) == 64
    assert record["seal"]["key_id"] == KEY.id and "sha256" not in record
    assert is_intact(json.loads(json.dumps(record)), KEY)


@pytest.mark.parametrize("path", [("recommendation", "verdict"), ("answers", "industry"),
                                  ("notes", "_overall"), ("knowledge_version",)])
def test_any_change_breaks_the_seal(kb, path):
    record = json.loads(json.dumps(_record(kb)))
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = "evaluate" if path[-1] == "verdict" else "changed"
    assert not is_intact(record, KEY)
    assert "changed after this deployment wrote it" in check_seal(record, KEY).message


def test_import_of_answers_and_of_a_record(kb):
    plain = read_import(json.dumps(ANSWERS).encode(), KEY)
    assert plain.answers.org_name == "St. Aldric Health" and plain.record_intact is None
    record = _record(kb, {"_overall": "Board asked", "industry": "Hospitals"})
    imported = read_import(json.dumps(record).encode(), KEY)
    assert imported.record_intact is True
    assert imported.notes == {"_overall": "Board asked", "industry": "Hospitals"}
    record["answers"]["industry"] = "retail"
    assert read_import(json.dumps(record).encode(), KEY).record_intact is False


@pytest.mark.parametrize("raw, field", [
    (b"\xff\xfe not json", "file"),
    (b"[1, 2]", "file"),
    (json.dumps({"format": "something/else", "format_version": 1}).encode(), "format"),
    (json.dumps({**ANSWERS, "uptime_target": "100"}).encode(), "uptime_target"),
    (json.dumps({"format": "hosting-fit/decision-record", "format_version": 1,
                 "answers": ANSWERS, "notes": {"x": 5}}).encode(), "notes"),
    (b" " * (MAX_IMPORT_BYTES + 1), "file"),
])
def test_bad_imports_name_what_is_wrong(raw, field):
    with pytest.raises(AnswersError) as caught:
        read_import(raw, SealKey(b"any deployment's key, 32 chars or more"))
    assert field in caught.value.problems


def test_markdown_summary_escapes_the_name(kb):
    answers = parse_answers({**ANSWERS, "org_name": "[Click](http://evil) **Acme**"})
    text = summary(assess(answers, kb, {"_overall": "<img src=x>"}))
    assert "\\[Click\\]\\(http" in text and "\\*\\*Acme" in text and "\\<img" in text
    assert "Verdict: **Monitor**" in text and "F10)" in text
    assert "- What decided it: " in text
    assert "To ask the account team:" in text


def test_plain_text_summary_pastes_into_email_without_escapes(kb):
    answers = parse_answers({**ANSWERS, "org_name": "St. Aldric_Health [North] **Acme**",
                             "monthly_tokens": "unknown"})
    text = summary(assess(answers, kb, {"_overall": "Checked: 99.9% *target*"}), markdown=False)
    assert "Does the SpaceX–Claude hosting deal matter to us? St. Aldric_Health [North] " \
           "**Acme**" in text, "the name as typed"
    assert "\\" not in text, "no Markdown escapes in the email version"
    assert "Verdict: Monitor." in text and "Our note: Checked: 99.9% *target*" in text
    band = next(line for line in text.splitlines() if line.startswith("You answered"))
    assert "**" not in band and "Monitor" in band


def test_a_seal_means_this_deployment_wrote_it(kb):
    """Recomputing the old hash over a changed record no longer passes; a record from another
    deployment, or with the old unkeyed hash, says exactly that; old records still open."""
    record = json.loads(json.dumps(_record(kb)))
    assert not check_seal(record, OTHER).intact
    assert "another deployment" in check_seal(record, OTHER).message
    forged = json.loads(json.dumps(record))
    forged["recommendation"]["verdict"] = "evaluate"
    forged.pop("seal")
    forged["sha256"] = seal(forged)  # what anyone could do to a format-2 record
    found = check_seal(forged, KEY)
    assert not found.intact and "old unkeyed hash" in found.message
    assert "proves nothing about who wrote it" in found.message
    old = read_import(json.dumps({**forged, "format_version": 2}).encode(), KEY)
    assert old.answers.org_name == "St. Aldric Health", "an old record still opens"
    assert old.record_intact is False
    unsealed = {k: v for k, v in record.items() if k != "seal"}
    assert "no seal" in check_seal(unsealed, KEY).message


def test_the_key_is_made_once_beside_the_database_and_kept(tmp_path, monkeypatch):
    import os
    import stat

    monkeypatch.delenv("HOSTING_FIT_SEAL_KEY", raising=False)
    url = f"sqlite:///{tmp_path / 'db' / 'app.sqlite3'}"
    first = deployment_key(url)
    path = tmp_path / "db" / "seal.key"
    assert path.exists() and stat.S_IMODE(os.stat(path).st_mode) == 0o600, "owner only"
    assert deployment_key(url) == first, "the same key on the next start"
    monkeypatch.setenv("HOSTING_FIT_SEAL_KEY", "k" * 40)
    assert deployment_key(url) == SealKey(b"k" * 40), "a configured secret wins"
    monkeypatch.setenv("HOSTING_FIT_SEAL_KEY", "short")
    from storage.db import ConfigError
    with pytest.raises(ConfigError, match="at least 32"):
        deployment_key(url)


def test_a_record_holds_its_milestones_under_the_seal(store, kb):
    """From the manage page: the record of the assessment as it is now carries each milestone
    (name, when, knowledge version, verdict, the answers and notes it froze); changing one
    breaks the seal, and the record still imports."""
    from logic.knowledge_base import DEFAULT_VERSION

    raw = case("starlink_startup")["answers"]
    draft = store.create_draft(raw, {"_overall": "first view"})
    links = store.share(raw, {}, knowledge_version=DEFAULT_VERSION, verdict="evaluate",
                        draft=draft)
    store.save_milestone(links.manage, "Board, January", store.history(links.manage)[-1]
                         .entry_id, knowledge_version=DEFAULT_VERSION, verdict="evaluate")
    answers = parse_answers(raw)
    record = decision_record(answers, {}, evaluate(answers, kb), created_at=WHEN, key=KEY,
                             milestones=store.milestones(links.manage))
    assert record["format_version"] == 4
    [board] = record["milestones"]
    assert (board["name"], board["verdict"], board["knowledge_version"]) == (
        "Board, January", "evaluate", DEFAULT_VERSION)
    assert board["answers"] == raw and board["notes"] == {"_overall": "first view"}
    assert check_seal(record, KEY).intact
    board["verdict"] = "no_action"
    assert not check_seal(record, KEY).intact, "a milestone changed after: the seal says so"
    imported = read_import(json.dumps(record).encode(), KEY)
    assert imported.answers == answers
