"""Synthetic changes to a copy of the question bank, as a maintainer would make them, for the
migration tests: every kind a migration names (add, rename, remove, rename a value, split a
value), each with its migration in `_bank.yaml`."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from questions.schema import BANK_DIR, META_FILE

NEW_QUESTION = {
    "id": "exit_plan", "kind": "boolean", "strictness": [False, True],
    "label": "Must any host come with a documented exit plan?",
    "help": "How you would move the workloads elsewhere, agreed before you start.",
}


def copy_bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(BANK_DIR, target)
    return target


def edit(path: Path, change: Callable[[Any], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _question(data: dict[str, Any], question_id: str) -> dict[str, Any]:
    return next(q for q in data["questions"] if q["id"] == question_id)


def _migrate(folder: Path, **migration: Any) -> None:
    def bump(meta: dict[str, Any]) -> None:
        meta["version"] = meta.get("version", 1) + 1
        meta["migrations"] = [*(meta.get("migrations") or []),
                              {"version": meta["version"], **migration}]
    edit(folder / META_FILE, bump)


def add_question(folder: Path) -> Path:
    """One new required yes/no question on the reliability page."""
    edit(folder / "3-reliability.yaml", lambda d: d["questions"].append(dict(NEW_QUESTION)))
    _migrate(folder, note="Asks about exit plans.", add=[NEW_QUESTION["id"]])
    return folder


def every_kind_of_change(folder: Path) -> Path:
    """Add `exit_plan`; rename `support_24x7` to `round_the_clock_support`; remove
    `price_sensitivity`; rename the `concentration_concern` value `high` to `severe`; split the
    `employees` value `1000_to_10000` in two."""

    def reliability(data: dict[str, Any]) -> None:
        data["questions"].append(dict(NEW_QUESTION))
        _question(data, "support_24x7")["id"] = "round_the_clock_support"

    def strategy(data: dict[str, Any]) -> None:
        data["questions"] = [q for q in data["questions"] if q["id"] != "price_sensitivity"]
        concern = _question(data, "concentration_concern")
        for option in concern["options"]:
            if option["value"] == "high":
                option.update(value="severe", label="Severe")
        if concern.get("strictness"):
            concern["strictness"] = ["severe" if v == "high" else v
                                     for v in concern["strictness"]]

    def profile(data: dict[str, Any]) -> None:
        employees = _question(data, "employees")
        options = []
        for option in employees["options"]:
            if option["value"] == "1000_to_10000":
                options += [{"value": "1000_to_4999", "label": "1,000 to 4,999"},
                            {"value": "5000_to_10000", "label": "5,000 to 10,000"}]
            else:
                options.append(option)
        employees["options"] = options

    edit(folder / "3-reliability.yaml", reliability)
    edit(folder / "6-strategy.yaml", strategy)
    edit(folder / "1-profile.yaml", profile)
    _migrate(folder, note="Every kind of change at once.", add=[NEW_QUESTION["id"]],
             remove=["price_sensitivity"], rename={"support_24x7": "round_the_clock_support"},
             rename_values={"concentration_concern": {"high": "severe"}},
             split_values={"employees": {"1000_to_10000": ["1000_to_4999", "5000_to_10000"]}})
    return folder
