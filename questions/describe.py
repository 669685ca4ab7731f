"""Plain-language text for rule conditions and answer changes, in the bank's own words."""

from __future__ import annotations

from typing import Any

from logic.bank import UNKNOWN, QuestionBank
from logic.conditions import Leaf, fold

_OPS = {
    "eq": "is", "in": "is one of", "not_in": "is none of", "gte": "is at least",
    "lte": "is at most", "has_any": "includes any of",
}


def value_text(bank: QuestionBank, question_id: str, value: Any) -> str:
    """How a value reads to a person ('Yes', '99.9%', 'GDPR, SOX', 'Not latency-sensitive')."""
    question = bank.question(question_id)
    if question.kind == "multi_choice" and value != UNKNOWN:
        return question.label_of(value if isinstance(value, list) else [value])
    return question.label_of(value)


def _leaf(leaf: Leaf, bank: QuestionBank) -> str:
    label = f"“{bank.question(leaf.q).label}”"
    if leaf.op == "is_set":
        return f"{label} is {'answered' if leaf.value else 'left empty'}"
    if leaf.op == "empty":
        return f"{label} is {'empty' if leaf.value else 'not empty'}"
    shown = " or ".join(value_text(bank, leaf.q, v) for v in leaf.values())
    return f"{label} {_OPS[leaf.op]} {shown}"


def _joined(joiner: str) -> Any:
    def join(parts: list[tuple[str, bool]]) -> tuple[str, bool]:
        return joiner.join(f"({text})" if compound else text for text, compound in parts), True
    return join


def describe_condition(condition: Any, bank: QuestionBank) -> str:
    """'“Q” is Yes AND (“R” is one of A or B OR …)'."""
    if condition is None:
        return "no other rule raised the verdict (the baseline)"
    text, _ = fold(condition, leaf=lambda leaf: (_leaf(leaf, bank), False),
                   all_=_joined(" AND "), any_=_joined(" OR "),
                   not_=lambda inner: (f"NOT ({inner[0]})", False))
    return text


def describe_changes(bank: QuestionBank, changes: tuple[tuple[str, Any], ...]) -> str:
    """'you answered “No” to “Do you need …?” and “Low” to “How much …?”'."""
    return " and ".join(f"“{value_text(bank, q, v)}” to “{bank.question(q).label}”"
                        for q, v in changes)


SITUATION_TITLE = "If your situation were different"
REQUIREMENT_TITLE = "Requirements you could relax"


def flip_lines(result: Any, kb: Any, bank: QuestionBank, direction: str) -> list[tuple[str, str]]:
    """(the changes, the verdict label) for each way to move the verdict up or down."""
    flips = result.up if direction == "up" else result.down
    return [(describe_changes(bank, f.changes), kb.verdicts[f.verdict].label) for f in flips]


def flip_groups(result: Any, kb: Any, bank: QuestionBank,
                direction: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The same lines, told apart: requirements the organisation sets and could relax first,
    then changes that involve a fact about its situation (edge sites, volume, regulation)."""
    flips = result.up if direction == "up" else result.down
    groups = []
    for title, situation in ((REQUIREMENT_TITLE, False), (SITUATION_TITLE, True)):
        lines = [(describe_changes(bank, f.changes), kb.verdicts[f.verdict].label)
                 for f in flips if f.situation == situation]
        if lines:
            groups.append((title, lines))
    return groups


def disclosure_lines(result: Any, kb: Any) -> list[str]:
    """One sentence per disclosure that would move the verdict, both ways: 'If SLAs are
    published and meet your needs (F7), Evaluate; if an SLA is published below them, Monitor.'"""
    lines = []
    for d in result.disclosures:
        good = f"{d.title[0].lower()}{d.title[1:]} ({', '.join(d.facts)})"
        line = f"If {good}: **{kb.verdicts[d.verdict].label}**"
        if d.if_short:
            short = f"{d.if_short[0].lower()}{d.if_short[1:]}"
            line += f"; if {short}: **{kb.verdicts[d.short_verdict].label}**"
        lines.append(line + ".")
    return lines


def no_flip_text(result: Any, direction: str) -> str:
    """What to say when no change of up to three answers moves the verdict this way."""
    if direction == "up" and result.verdict == "evaluate":
        return "Nothing: Evaluate is already the highest verdict."
    if direction == "down" and result.verdict == "no_action":
        return "Nothing: No action is already the lowest verdict."
    return (f"No change of up to {_count(result.searched)} answers would: it takes more than "
            f"{_count(result.searched)}.")


def _count(n: int) -> str:
    return {1: "one", 2: "two", 3: "three", 4: "four"}.get(n, str(n))


def no_disclosure_text(result: Any, kb: Any) -> str:
    """What to say when no publication moves the verdict; never that nothing undisclosed holds
    it back while something undisclosed is in the result."""
    if not result.open_doubts:
        return "Nothing undisclosed or unverified bears on your answers."
    still = ", ".join(kb.blockers[b].label for b in result.open_doubts)
    return ("No single publication would change this verdict on its own, either way. Still "
            f"undisclosed or unverified for you: {still}.")


def robustness_text(result: Any) -> tuple[str, str]:
    """('Robust' or 'Fragile', the sentence saying why)."""
    if result.robust:
        return "Robust", "no single answer change moves this verdict; it takes at least two."
    return "Fragile", (f"{result.single_flips} single answer change(s) would move this verdict; "
                       "the ones that matter most are listed.")


def band_text(rec: Any, kb: Any, bank: QuestionBank, unknown: tuple[str, ...]) -> str | None:
    """What "Don't know" answers mean for the verdict, or None when nothing is unknown:
    which questions, the verdict's band, and the one to settle first (**bold** marks ours)."""
    if rec.band is None:
        return None
    names = ", ".join(f"“{bank.question(q).label}”" for q in unknown)
    low, high = kb.verdicts[rec.band.low].label, kb.verdicts[rec.band.high].label
    span = (f"it stays **{low}** whatever they turn out to be" if low == high else
            f"over every answer they could be it ranges from **{low}** to **{high}**")
    text = (f"You answered “Don't know” to {names}. The verdict reads each at its most likely "
            f"answer; {span}.")
    if rec.settle_first:
        text += (f" Settle first: “{bank.question(rec.settle_first).label}”, the answer that "
                 "narrows the range most.")
    return text


def later_record_text(result: Any, old_kb: Any, new_kb: Any) -> tuple[str, list[str],
                                                                       list[str]]:
    """'What later public reports change': a headline, the differences (drivers, blockers,
    caveats, reasons added and removed), and the sources behind what is added."""
    old, new = old_kb.verdicts[result.old.verdict].label, new_kb.verdicts[result.new.verdict].label
    if not result.anything_changed:
        return (f"Later public reports (knowledge version {new_kb.version}) change nothing here: "
                f"the verdict stays **{old}** with the same reasons.", [], [])
    headline = (f"Under the later public record (knowledge version {new_kb.version}) the verdict "
                + (f"would be **{new}** instead of **{old}**." if result.verdict_changed
                   else f"stays **{old}**, for partly different reasons."))
    label = {**old_kb.blockers, **new_kb.blockers}
    drivers = {**old_kb.drivers, **new_kb.drivers}
    changes = [f"Driver added: {drivers[d].label}" for d in result.drivers_added]
    changes += [f"Driver gone: {drivers[d].label}" for d in result.drivers_removed]
    changes += [f"Blocker added: {label[b].label} ({label[b].summary})"
                for b in result.blockers_added]
    changes += [f"Blocker gone: {label[b].label}" for b in result.blockers_removed]
    changes += [f"Still open, added: {label[c].label} ({label[c].summary})"
                for c in result.caveats_added]
    changes += [f"Still open, gone: {label[c].label}" for c in result.caveats_removed]
    changes += [f"Reason added, {r}" for r in result.rules_added]
    changes += [f"Reason no longer given, {r}" for r in result.rules_removed]
    sources = [f"{f.id}: {f.summary} ({f.source.publisher}, {f.source.date or 'undated'}; "
               f"{f.strength} source; {f.source.address or f.source.shipped})"
               for f in result.sources if f.source is not None]
    return headline, changes, sources
