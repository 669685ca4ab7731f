"""The README's "Add a knowledge version" recipe, followed on a copy of the project.

The YAML block of that section is written to the file it names, exactly as step 1 says, with
its words in every language from the page the step links to, and nothing else is edited: the
new version (with a new blocker, a new rule and a new question for the account team) must
load, pass `check-rules`, evaluate on the command line, show on the knowledge page, and leave
the suites that read every version green. If this fails, either the code names a driver or
blocker somewhere it should read the knowledge, or the recipe no longer says what it takes.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import ROOT
from tests.test_recipe import INNER, SKIP, _run, _tail, run_suites, yaml_blocks

KNOWLEDGE_SUITES = ("tests/logic/test_knowledge.py", "tests/logic/test_public_record.py",
                    "tests/app/test_what_if_and_batch.py", "tests/test_layers.py",
                    "tests/logic/test_knowledge_translations.py",
                    "tests/report/test_pdf_languages.py")


def recipe_block() -> tuple[str, str]:
    """(target file, YAML text) of the README's "Add a knowledge version" block."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Add a knowledge version", 1)[1].split("\n### ", 1)[0]
    (found,) = yaml_blocks(section)
    return found


def translation_blocks() -> list[tuple[str, str]]:
    """(target file, YAML text) of each language's words for the recipe's example, from the
    page the recipe links to."""
    page = (ROOT / "docs" / "knowledge.md").read_text(encoding="utf-8")
    return yaml_blocks(page.split("## A version's words in every language", 1)[1])


@pytest.mark.skipif(bool(__import__("os").environ.get(INNER)),
                    reason="already inside a recipe's copy")
def test_a_new_version_with_a_new_blocker_is_a_data_file_and_nothing_else(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=SKIP)
    target, text = recipe_block()
    assert target.startswith("logic/data/") and not (project / target).exists()
    (project / target).write_text(text, encoding="utf-8")
    version = target.removeprefix("logic/data/").removesuffix(".yaml")
    words = translation_blocks()
    assert sorted(t for t, _ in words) == [
        f"logic/data/translations/{lang}/{version}.yaml" for lang in ("de", "es", "fr")]
    for path, block in words:
        assert not (project / path).exists()
        (project / path).write_text(block, encoding="utf-8")

    case = json.loads((ROOT / "tests/cases/defense_itar_edge.json").read_text())
    (project / "itar.json").write_text(json.dumps(case["answers"]), encoding="utf-8")
    done = _run(project, "-m", "logic", "evaluate", "itar.json", "--knowledge", version)
    assert done.returncode == 0, _tail(done)
    out = json.loads(done.stdout)
    assert out["knowledge_version"] == version and out["verdict"] == "no_action"
    assert "export_controls_excluded" in out["blockers"]
    assert any("export-controlled" in q for q in out["open_questions"])
    assert any(r["rule"] == "R60" for r in out["reasons"])

    page = _run(project, "-c", (
        "from streamlit.testing.v1 import AppTest;"
        "at = AppTest.from_file('ui/pages/knowledge.py', default_timeout=30).run();"
        f"at.selectbox(key='kb_version').set_value('{version}').run();"
        "print([t.value.index.tolist() for t in at.table][2])"))
    assert page.returncode == 0, _tail(page)
    assert "export_controls_excluded" in page.stdout, "the blocker is on the knowledge page"

    # at the sample size of the suite's own rules checks (tests/logic/test_versions.py)
    check = _run(project, "-m", "logic", "check-rules", "--knowledge", version,
                 "--samples", "4000")
    assert check.returncode == 0, _tail(check)
    suites = run_suites(project, *KNOWLEDGE_SUITES)
    assert suites.returncode == 0, _tail(suites)
    assert " passed" in suites.stdout and " failed" not in suites.stdout
