"""The README's "Add a question" recipe, followed on a copy of the project.

The YAML blocks of that README section are applied exactly as its steps say (append the
questions to their section file; raise the bank version and append the migration; append their
words to each language's translation; add the rules above the baseline and their words to
each language's translation of the knowledge), then `check-rules`
and the suites that read the bank run on the copy: they must pass with no other edit. If this
fails, either the code names a question somewhere it should read the bank, or the README recipe
no longer says what it takes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BANK_SUITES = (
    "tests/questions", "tests/report", "tests/app/test_app.py", "tests/app/test_team.py",
    "tests/app/test_what_if_and_batch.py", "tests/logic/test_answers.py",
    "tests/logic/test_migrate.py", "tests/logic/test_scenarios.py",
    "tests/logic/test_properties.py", "tests/logic/test_validation_properties.py",
    "tests/logic/test_unknowns.py", "tests/logic/test_whatif.py", "tests/logic/test_xlsx.py",
    "tests/logic/test_team.py", "tests/logic/test_knowledge_translations.py",
    "tests/test_catalogue.py",
)
INNER = "HOSTING_FIT_RECIPE_COPY"  # set in the copy's run, so the recipe does not recurse
SKIP = shutil.ignore_patterns(".venv", ".git", "test-artifacts", "__pycache__", ".hypothesis",
                              "*.db", "*.sqlite", ".pytest_cache", ".mypy_cache", ".ruff_cache")


def yaml_blocks(text: str) -> list[tuple[str, str]]:
    """(target file, YAML text) for each ```yaml FILE block of a Markdown text, its indent
    taken off (a block inside a numbered step is indented)."""
    blocks = []
    for indent, target, body in re.findall(r"(?ms)^( *)```yaml (\S+)\n(.*?)^\1```", text):
        lines = [line[len(indent):] if line.startswith(indent) else line.lstrip()
                 for line in body.splitlines()]
        blocks.append((target, "\n".join(lines) + "\n"))
    return blocks


def recipe_blocks() -> list[tuple[str, str]]:
    """(target file, YAML text) for each block of the README's "Add a question" section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return yaml_blocks(readme.split("### Add a question", 1)[1].split("\n### ", 1)[0])


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text,
                    encoding="utf-8")


def _raise_bank_version(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    match = re.search(r"(?m)^version: (\d+)$", text)
    assert match, f"{path.name} has no `version:` line for the recipe to raise"
    path.write_text(text[:match.start(1)] + str(int(match.group(1)) + 1) + text[match.end(1):],
                    encoding="utf-8")


def _insert_above_baseline(path: Path, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    baseline = next(i for i, line in enumerate(lines) if line.strip() == "default: true")
    start = next(i for i in range(baseline, -1, -1) if lines[i].startswith("  - id:"))
    path.write_text("".join(lines[:start]) + text + "\n" + "".join(lines[start:]),
                    encoding="utf-8")


def apply_recipe(project: Path) -> list[str]:
    """Apply each README block to the copy; return the targets, in order."""
    targets = []
    for target, text in recipe_blocks():
        path = project / target
        assert path.exists(), f"the README recipe names {target}, which does not exist"
        if target == "questions/bank/_bank.yaml":
            _raise_bank_version(path)
            _append(path, text)
        elif target.startswith(("questions/bank/", "logic/data/translations/")):
            _append(path, text)
        elif target.startswith("logic/data/"):
            _insert_above_baseline(path, text)
        else:
            raise AssertionError(f"the recipe test does not know how to apply a block to {target}")
        targets.append(target)
    return targets


def _run(project: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("HOSTING_FIT_TEST_PG_URL", "HOSTING_FIT_DATABASE_URL")}
    env[INNER] = "1"
    return subprocess.run([sys.executable, *args], cwd=project, env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)


def run_suites(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """pytest on the copy, in one process: the suite's own two workers keep both cores busy
    (59 s of 1,433 s of core time idle in a whole run, 2026-12-08), so workers of the copy's
    own would only add their start-up (about 13 s of CPU a recipe)."""
    return _run(project, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *args)


def _tail(result: subprocess.CompletedProcess[str]) -> str:
    return (result.stdout + result.stderr)[-6000:]


@pytest.mark.skipif(bool(os.environ.get(INNER)), reason="already inside the recipe's copy")
def test_the_readme_recipe_adds_a_yes_no_and_an_integer_question_with_no_other_edit(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=SKIP)
    if (ROOT.parent / "shared").is_dir():  # the shared examples run on the copy too
        (tmp_path / "shared").symlink_to(ROOT.parent / "shared")
    targets = apply_recipe(project)
    assert sorted(targets) == ["logic/data/2026-11-article.yaml",
                               *(f"logic/data/translations/{lang}/2026-11-article.yaml"
                                 for lang in ("de", "es", "fr")),
                               "questions/bank/3-reliability.yaml", "questions/bank/_bank.yaml",
                               "questions/bank/translations/de.yaml",
                               "questions/bank/translations/es.yaml",
                               "questions/bank/translations/fr.yaml"]

    # The copy now asks both questions, and its rules read them.
    probe = _run(project, "-c", (
        "import json; from questions.schema import default_bank;"
        "from logic.knowledge_base import load_knowledge; b = default_bank();"
        "k = load_knowledge();"
        "print(json.dumps({'version': b.version, 'kinds': {q: b.question(q).kind for q in "
        "('failover_drill', 'ai_site_count')}, 'rules': sorted(q for r in k.rules "
        "for q in r.questions() if q in ('failover_drill', 'ai_site_count'))}))"))
    assert probe.returncode == 0, _tail(probe)
    assert json.loads(probe.stdout) == {
        "version": 2, "kinds": {"failover_drill": "boolean", "ai_site_count": "integer"},
        "rules": ["ai_site_count", "failover_drill"]}

    # An answers file saved before the change still opens; answering the new questions
    # brings the new rules in.
    case = json.loads((ROOT / "tests/cases/saas_wants_new_primary.json").read_text())
    before = project / "before.json"
    before.write_text(json.dumps(case["answers"]), encoding="utf-8")
    after = project / "after.json"
    after.write_text(json.dumps({**case["answers"], "bank_version": 2, "failover_drill": True,
                                 "ai_site_count": 120}), encoding="utf-8")
    old = _run(project, "-m", "logic", "evaluate", "before.json")
    new = _run(project, "-m", "logic", "evaluate", "after.json")
    assert old.returncode == 0 and new.returncode == 0, _tail(old) + _tail(new)
    assert json.loads(old.stdout)["verdict"] == case["expect"]["verdict"]
    reasons = " ".join(r["text"] for r in json.loads(new.stdout)["reasons"])
    assert "failover drill" in reasons and "at 120 sites" in reasons

    # the README's step 2, on every version, at the sample size the suite's own rules checks
    # use (tests/logic/test_versions.py): the default 20,000 a version is the release check
    check = _run(project, "-m", "logic", "check-rules", "--samples", "4000")
    assert check.returncode == 0, _tail(check)

    # the suites that read the bank's questions: answers, migration, scenarios, properties,
    # what-if, Don't know, batch files, team, AppTest through the questionnaire, the PDF. The
    # rest (links, hostile text, the rules check's own tests, storage, fuzzing) do not depend on
    # which questions exist; `check-rules` above loaded every knowledge version on the copy.
    suites = run_suites(project, "-m", "not size", *BANK_SUITES)  # size limits: not the bank's
    assert suites.returncode == 0, _tail(suites)
    assert " passed" in suites.stdout and " failed" not in suites.stdout
