"""The README never misleads: every command it shows at least parses (`--help` exits 0, or the
script exists), every file it names exists, and the CLI lines with the shipped example file
work as written."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
README = "\n".join(path.read_text(encoding="utf-8") for path in DOCS)  # and the pages it links
CODE = re.findall(r"`([^`\n]+)`", README) + [
    line for block in re.findall(r"(?s)```(?:bash|sh)\n(.*?)```", README)
    for line in block.splitlines()]
COMMANDS = sorted({m.group(1).strip() for text in CODE
                   for m in [re.search(r"\.venv/bin/python -m (logic [a-z-]+|[\w.]+)", text)]
                   if m})
PATH = re.compile(r"(?<![\w./-])((?:scripts|deploy|docs|examples|formats|logic|questions|bench|"
                  r"tests|harness|storage|report|ui|\.streamlit)/[\w./-]*\w|Dockerfile|"
                  r"BENCHMARKS\.md)")
NAMED = sorted({m.group(1) for text in [*CODE, *re.findall(r"\]\(([^)\s]+)\)", README),
                                        *re.findall(r'src="([^"]+)"', README)]
                for m in PATH.finditer(text)})


def test_the_readme_names_commands_and_files_to_check():
    assert "logic evaluate" in COMMANDS and "report" in COMMANDS
    assert "scripts/cluster.sh" in NAMED and "examples/answers.json" in NAMED


@pytest.mark.parametrize("command", COMMANDS)
def test_every_python_command_in_the_readme_parses(command):
    module, *sub = command.split()
    if module.startswith("bench."):  # benchmarks take no options: the module must exist
        assert (ROOT / (module.replace(".", "/") + ".py")).exists(), module
        return
    result = subprocess.run([sys.executable, "-m", module, *sub, "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]


MADE_BY_YOU = {".streamlit/secrets.toml"}  # the README says to create it from the example


@pytest.mark.parametrize("path", NAMED)
def test_every_file_the_readme_names_exists(path):
    if path in MADE_BY_YOU:
        assert (ROOT / (path + ".example")).exists(), f"{path}.example is shipped"
        return
    assert (ROOT / path).exists() or any(ROOT.glob(path)), path


def test_the_cli_lines_with_the_example_file_work_as_written(tmp_path):
    evaluated = subprocess.run([sys.executable, "-m", "logic", "evaluate",
                                "examples/answers.json"], cwd=ROOT, capture_output=True,
                               text=True, timeout=120, check=False)
    assert evaluated.returncode == 0 and '"verdict"' in evaluated.stdout, evaluated.stderr
    pdf = tmp_path / "report.pdf"
    reported = subprocess.run([sys.executable, "-m", "report", "examples/answers.json", "-o",
                               str(pdf), "--date", "2026-11-25"], cwd=ROOT, capture_output=True,
                              text=True, timeout=120, check=False)
    assert reported.returncode == 0, reported.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_help_lists_the_knowledge_versions():
    from logic.knowledge_base import available_versions

    shown = subprocess.run([sys.executable, "-m", "logic", "evaluate", "--help"], cwd=ROOT,
                           capture_output=True, text=True, timeout=120, check=False).stdout
    assert all(version in shown for version in available_versions())


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_every_relative_link_of_a_page_resolves(page):
    text = page.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)\s#]+)\)", text) + re.findall(r'src="([^"]+)"', text)
    for link in links:
        if "://" not in link:
            assert (page.parent / link).exists(), (page.name, link)


def test_the_readme_is_short_and_links_its_depth():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 250
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f"docs/{page.name}" in readme, f"the README links docs/{page.name}"
