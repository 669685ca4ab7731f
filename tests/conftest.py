"""Shared fixtures: the knowledge base, the bank, the scenario files."""

from __future__ import annotations

import functools
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from logic.check import CheckReport, check_rules
from logic.knowledge_base import KnowledgeBase, load_knowledge
from questions.schema import QuestionBank, default_bank

# HYPOTHESIS_PROFILE=thorough runs every property test with 20 times the examples (a deeper
# search before a release; the default keeps the suite quick).
settings.register_profile("thorough", max_examples=2000, deadline=None)
# HYPOTHESIS_PROFILE=fuzz: the long fuzzing run (tests/fuzz), about 100 times the inputs.
settings.register_profile("fuzz", max_examples=10_000, deadline=None)
# The default: no deadline. Speed is measured by the benchmarks, never by a timed test (a
# deadline fails a correct example on a busy machine).
settings.register_profile("suite", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CASES = sorted((Path(__file__).parent / "cases").glob("*.json"))


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared, or a clean skip where it is absent (a user's own clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: the shared product folder is not beside this clone")
    return path


def case(name: str) -> dict[str, Any]:
    """One of the project's own organisation cases: {description, answers, expect}."""
    return json.loads((Path(__file__).parent / "cases" / f"{name}.json").read_text())


def least_demanding(question: Any) -> Any:
    """The answer a case gives a question it does not know about (one added to the bank after
    the case was written): the least demanding value, so the case keeps its meaning."""
    order = getattr(question, "strictness", None)
    if order:
        return order[0]
    if question.kind == "integer":
        return None if question.nullable else question.min
    if question.kind == "multi_choice":
        return list(question.choices()[:question.min_selected])
    return question.choices()[0] if question.choices() else None


def complete(answers: dict[str, Any]) -> dict[str, Any]:
    """A case's answers with every question of the bank it does not name answered."""
    bank = default_bank()
    return {**{q.id: least_demanding(q) for q in bank.questions() if q.required}, **answers}


def pdf_text(pdf: bytes) -> str:
    """A PDF's extracted text, whitespace folded (pypdf reads it as a reader's tool would)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def in_process(capsys, monkeypatch):
    """`run(main, *args, stdin=...)`: a command line's `main(argv)` in this process, standard
    input from `stdin` (text or bytes), its status and output as a finished process's. For
    what a command does with its input; what only a separate process shows (its exit at a
    closed pipe or a full disk, the interpreter's own messages) keeps a subprocess."""
    def run(main: Any, *args: str, stdin: str | bytes = "") -> subprocess.CompletedProcess[str]:
        raw = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
        status = main(list(args))
        captured = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), status, captured.out, captured.err)
    return run


# The rules check of each shipped version, run once and read by every test that asks about it
# (that it passes, that no integer step is a cliff): 4,000 samples and 150 near each rule, as
# the largest of the sizes those tests used to run on their own. The tests that read it share
# one xdist group, so one worker runs the check per version (`scripts/test.sh` schedules
# with `--dist loadgroup`).
SHIPPED_CHECK = pytest.mark.xdist_group("shipped_check")


@functools.cache
def shipped_check(version: str) -> CheckReport:
    return check_rules(load_knowledge(version), samples=4000, per_rule=150)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def bank() -> QuestionBank:
    return default_bank()


# The longest tests first (each over 20 s on 2 cores: README recipe, knowledge recipe, the
# HAProxy cluster, the browser journey), so that on two workers neither is left with one of
# them at the end while the other has finished.
LONGEST_FIRST = ("tests/test_recipe.py", "tests/test_knowledge_recipe.py",
                 "tests/e2e/test_cluster.py", "tests/e2e/test_journey.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::", 1)[0]
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the rest keep their order
