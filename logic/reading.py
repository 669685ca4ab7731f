"""The later reading: the verdict under the newest sourced knowledge version beside the one a
result was made with, and, in one plain sentence, what the later record says that moves it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from logic.compare import Comparison, compare, later_version
from logic.knowledge_base import KnowledgeBase, load_knowledge
from logic.recommendation import LaterVerdict, Recommendation
from questions.answers import Answers
from questions.translations import ENGLISH


@dataclass(frozen=True)
class LaterReading:
    """The result under the newest sourced version: its id, when its facts were last checked,
    its verdict, whether that differs, the sentence that says why (empty when it does not),
    and the whole comparison for the detail."""

    version: str
    checked: str
    verdict: str
    changed: bool
    sentence: str
    comparison: Comparison

    def contract(self) -> LaterVerdict:
        """What the JSON result carries of it."""
        return LaterVerdict(version=self.version, verdict=self.verdict,  # type: ignore[arg-type]
                            checked=self.checked, changed=self.changed,
                            summary=self.sentence or None)


def _rule_ids(lines: tuple[str, ...]) -> set[str]:
    return {line.split(":", 1)[0] for line in lines}


def moving_sentence(result: Comparison, new_kb: KnowledgeBase) -> str:
    """What moves the verdict, in the words of the later version: the `since` sentence of the
    rule that decides its verdict when the later version added or changed it, else of the
    first such rule shown, else the version's headline. Empty when the verdict is the same."""
    if not result.verdict_changed:
        return ""
    rules = {rule.id: rule for rule in new_kb.rules}
    changed = _rule_ids(result.rules_added)
    shown = [rules[r.rule] for r in result.new.reasons if r.rule in rules]  # the decider first
    for rule in [r for r in shown if r.id in changed] + shown:
        if rule.since:
            return " ".join(rule.since.split())
    return " ".join((new_kb.headline or new_kb.note).split())


@lru_cache(maxsize=1024)
def _reading(answers: Answers, version: str, later: str, language: str) -> LaterReading:
    new_kb = load_knowledge(later, language)
    result = compare(answers, load_knowledge(version, language), new_kb)
    return LaterReading(later, new_kb.checked_on, result.new.verdict, result.verdict_changed,
                        moving_sentence(result, new_kb), result)


def later_reading(answers: Answers, kb: KnowledgeBase,
                  language: str = ENGLISH) -> LaterReading | None:
    """The reading under the newest active version published after `kb` (None when `kb` is the
    newest), once per answers, versions and language (the sentence in it is that language's).
    `kb` must be a shipped version (the readings are cached by version id)."""
    later = later_version(kb.version)
    if later is None:
        return None
    return _reading(answers, kb.version, later, language)


def with_later(rec: Recommendation, reading: LaterReading | None) -> Recommendation:
    """The recommendation as the JSON contract prints it, with the later reading beside it."""
    return rec.model_copy(update={"later": reading.contract() if reading else None})
