"""The wording of results, in one place: conditions, answer changes, what-if, the band, the two
readings and the later record, in the bank's and the knowledge's own words."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from logic.compare import Comparison
from logic.knowledge_base import KnowledgeBase
from logic.reading import LaterReading
from logic.recommendation import Recommendation
from logic.whatif import WhatIf
from questions.conditions import Condition, Leaf, fold
from questions.schema import UNKNOWN, QuestionBank
from questions.text import plural

_OPS = {
    "eq": "is", "in": "is one of", "not_in": "is none of", "gte": "is at least",
    "lte": "is at most", "has_any": "includes any of",
}


def value_text(bank: QuestionBank, question_id: str, value: object) -> str:
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


def _joined(joiner: str) -> Callable[[list[tuple[str, bool]]], tuple[str, bool]]:
    def join(parts: list[tuple[str, bool]]) -> tuple[str, bool]:
        return joiner.join(f"({text})" if compound else text for text, compound in parts), True
    return join


def describe_condition(condition: Condition | None, bank: QuestionBank) -> str:
    """'“Q” is Yes AND (“R” is one of A or B OR …)'."""
    if condition is None:
        return "no other rule raised the verdict (the baseline)"
    text, _ = fold(condition, leaf=lambda leaf: (_leaf(leaf, bank), False),
                   all_=_joined(" AND "), any_=_joined(" OR "),
                   not_=lambda inner: (f"NOT ({inner[0]})", False))
    return text


def describe_changes(bank: QuestionBank, changes: tuple[tuple[str, object], ...]) -> str:
    """'you answered “No” to “Do you need …?” and “Low” to “How much …?”'."""
    return " and ".join(f"“{value_text(bank, q, v)}” to “{bank.question(q).label}”"
                        for q, v in changes)


FLIP_TITLES = (  # what-if groups, in the order shown: requirements first, facts last
    ("requirement", "If your requirements were different"),
    ("both", "If your situation and your requirements were different"),
    ("situation", "If your situation were different"),
)


def flip_lines(result: WhatIf, kb: KnowledgeBase, bank: QuestionBank,
               direction: str) -> list[tuple[str, str]]:
    """(the changes, the verdict label) for each way to move the verdict up or down."""
    flips = result.up if direction == "up" else result.down
    return [(describe_changes(bank, f.changes), kb.verdicts[f.verdict].label) for f in flips]


def flip_groups(result: WhatIf, kb: KnowledgeBase, bank: QuestionBank,
                direction: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The same lines, told apart: requirements the organisation sets (an uptime target, the
    decision horizon, a role sought, evidence demanded) first, then changes to both, then
    changes only to facts about its situation (edge sites, volume, a regulation that applies)."""
    flips = result.up if direction == "up" else result.down
    groups = []
    for kind, title in FLIP_TITLES:
        lines = [(describe_changes(bank, f.changes), kb.verdicts[f.verdict].label)
                 for f in flips if f.kind == kind]
        if lines:
            groups.append((title, lines))
    return groups


def disclosure_lines(result: WhatIf, kb: KnowledgeBase) -> list[str]:
    """One sentence per disclosure that would move the verdict, both ways, in words (the fact
    ids are on the knowledge page): 'If SLAs are published and meet your needs: Evaluate; if an
    SLA is published below them: Monitor.'"""
    lines = []
    for d in result.disclosures:
        good = f"{d.title[0].lower()}{d.title[1:]}"
        line = f"If {good}: **{kb.verdicts[d.verdict].label}**"
        if d.if_short:
            short = f"{d.if_short[0].lower()}{d.if_short[1:]}"
            line += f"; if {short}: **{kb.verdicts[d.short_verdict].label}**"
        lines.append(line + ".")
    return lines


def no_flip_text(result: WhatIf, direction: str) -> str:
    """What to say when no change of up to three answers moves the verdict this way."""
    if direction == "up" and result.verdict == "evaluate":
        return "Nothing: Evaluate is already the highest verdict."
    if direction == "down" and result.verdict == "no_action":
        return "Nothing: No action is already the lowest verdict."
    return (f"No change of up to {_count(result.searched)} answers would: it takes more than "
            f"{_count(result.searched)}.")


def _count(n: int) -> str:
    return {1: "one", 2: "two", 3: "three", 4: "four"}.get(n, str(n))


def no_disclosure_text(result: WhatIf, kb: KnowledgeBase) -> str:
    """What to say when no publication moves the verdict; never that nothing undisclosed holds
    it back while something undisclosed is in the result."""
    if not result.open_doubts:
        return "Nothing undisclosed or unverified bears on your answers."
    still = ", ".join(kb.blockers[b].label for b in result.open_doubts)
    return ("No single publication would change this verdict on its own, either way. Still "
            f"undisclosed or unverified for you: {still}.")


def robustness_text(result: WhatIf) -> tuple[str, str]:
    """('Robust' or 'Fragile', the sentence saying why)."""
    if result.robust:
        return "Robust", "no single answer change moves this verdict; it takes at least two."
    changes = plural(result.single_flips, "single answer change")
    moves = "moves" if result.single_flips == 1 else "would move"
    return "Fragile", f"{changes} {moves} this verdict; the ones that matter most are listed."


@dataclass(frozen=True)
class BandWords:
    """What the "Don't know" answers mean: one sentence (the band and the answer to settle
    first, **bold** marks ours), then each unknown question with the answer it was read as."""

    sentence: str
    read_as: tuple[str, ...]  # '“Uptime target”: read as “99.9%”'

    def markdown(self) -> str:
        return self.sentence + "\n\n" + "\n".join(f"- {line}" for line in self.read_as)


def band_text(rec: Recommendation, kb: KnowledgeBase, bank: QuestionBank,
              unknown: tuple[str, ...], likely: dict[str, object]) -> BandWords | None:
    """What "Don't know" answers mean for the verdict, or None when nothing is unknown:
    how many, the verdict's band, the one to settle first, and each with its read-as value."""
    if rec.band is None:
        return None
    low, high = kb.verdicts[rec.band.low].label, kb.verdicts[rec.band.high].label
    they = "it turns" if len(unknown) == 1 else "they turn"
    span = (f"it stays **{low}** whatever {they} out to be" if low == high else
            f"over every answer {'it' if len(unknown) == 1 else 'they'} could be, it ranges "
            f"from **{low}** to **{high}**")
    text = (f"You answered “Don't know” to {plural(len(unknown), 'question')}. The verdict "
            f"reads {'it' if len(unknown) == 1 else 'each'} at the most likely answer; {span}.")
    if rec.settle_first:
        text += (f" Settle first: “{bank.question(rec.settle_first).label}”, the answer that "
                 "narrows the range most.")
    read_as = tuple(f"“{bank.question(q).label}”: read as "
                    f"“{bank.question(q).label_of(likely[q])}”" for q in unknown)
    return BandWords(text, read_as)


def later_record_text(result: Comparison, old_kb: KnowledgeBase,
                      new_kb: KnowledgeBase) -> tuple[str, list[str],
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
    added = list(dict.fromkeys(line.split(":", 1)[0] for line in result.rules_added))
    removed = list(dict.fromkeys(line.split(":", 1)[0] for line in result.rules_removed))
    titles = {**{r.id: r.title for r in old_kb.rules}, **{r.id: r.title for r in new_kb.rules}}
    changes += [f"Reason added: {titles[r]}" for r in added if r not in removed]
    changes += [f"Reason now reads the later record: {titles[r]}" for r in added if r in removed]
    changes += [f"Reason no longer given: {titles[r]}" for r in removed if r not in added]
    sources = [f"{f.id}: {f.summary} ({f.source.publisher}, {f.source.date or 'undated'}; "
               f"{f.strength} source; {f.source.where})"
               for f in result.sources if f.source is not None]
    return headline, changes, sources


STALE_AFTER_DAYS = 60  # knowledge older than this is said to be old


def day_text(iso: str) -> str:
    """'2 December 2026' for 2026-12-02, 'November 2026' for 2026-11."""
    parts = [int(p) for p in iso.split("-")]
    month = date(parts[0], parts[1], 1).strftime("%B")
    return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def reading_lead(kb: KnowledgeBase) -> str:
    """Whose reading a result leads with: the news report's, or the version it was saved with."""
    if kb.version == "2026-11-article":
        return "From the news report"
    return f"From the knowledge of {day_text(kb.checked_on)}"


@dataclass(frozen=True)
class Readings:
    """The two readings at the top of a result, in plain words: whose reading the result
    leads with and its verdict; the newest sourced version's verdict beside it when it differs
    (with what moves it and as of when), or the one line saying that it agrees."""

    lead: str
    lead_verdict: str
    later: str | None = None
    later_verdict: str | None = None
    why: str = ""
    agree: str | None = None

    def lines(self, bold: Callable[[str], str] = lambda text: text) -> list[str]:
        """As sentences, the verdicts through `bold` ('**…**' for Markdown)."""
        first = f"{self.lead}: {bold(self.lead_verdict)}"
        if self.later and self.later_verdict:
            return [first, f"{self.later}: {bold(self.later_verdict)}. {self.why}"]
        return [first, *([self.agree] if self.agree else [])]


def readings_text(rec: Recommendation, reading: LaterReading | None,
                  kb: KnowledgeBase) -> Readings:
    """The readings for a result `rec` under `kb`, with `reading` the later one (or None when
    `kb` is the newest version)."""
    lead = Readings(reading_lead(kb), kb.verdicts[rec.verdict].label)
    if reading is None:
        return lead
    when = day_text(reading.checked)
    if not reading.changed:
        return dataclasses.replace(lead, agree=(
            f"The public record since then (checked {when}) does not change this verdict."))
    return dataclasses.replace(lead, later="Since the report",
                               later_verdict=kb.verdicts[reading.verdict].label,
                               why=f"{reading.sentence} (as of {when})")


def knowledge_age_text(kb: KnowledgeBase, reading: LaterReading | None,
                       today: date) -> tuple[str, bool]:
    """'Knowledge checked 2 December 2026.', and whether the newest knowledge is older than
    STALE_AFTER_DAYS (then the sentence says so plainly)."""
    newest = reading.checked if reading is not None else kb.checked_on
    checked = date.fromisoformat(newest)
    text = f"Knowledge checked {day_text(newest)}."
    age = (today - checked).days
    if age > STALE_AFTER_DAYS:
        return (text + f" That was {age} days ago: later reports may have changed the picture, "
                "so look for a newer knowledge version before relying on it."), True
    return text, False


def listed(items: list[str], most: int = 3) -> str:
    """'a', 'a and b', 'a, b and c', 'a, b, c and 2 more'."""
    shown = items[:most]
    if len(items) > most:
        shown.append(f"{len(items) - most} more")
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def verdict_sentence(rec: Recommendation, kb: KnowledgeBase) -> str:
    """One sentence for this organisation under its verdict: what makes the deal relevant to it
    and what holds it back, in its own terms (the tables' `phrase`s), never a verdict's generic
    summary."""
    drivers = [kb.drivers[d].in_sentence for d in rec.drivers]
    held = [kb.blockers[b].in_sentence for b in rec.blockers]
    still = [kb.blockers[c].in_sentence for c in rec.caveats]
    if rec.verdict == "evaluate":
        text = (f"A candidate for you because of {listed(drivers)}, as a specialised or backup "
                "option beside your primary hosting, never in its place")
        return text + (f"; still open: {listed(still)}." if still else ".")
    if rec.verdict == "monitor":
        text = f"Relevant for {listed(drivers)}" if drivers else "Relevant to you"
        if held:
            text += f", held back by {listed(held)}"
        elif still:
            text += f", with {listed(still)} still open"
        return text + "; revisit when that changes."
    if drivers and held:
        return (f"Relevant for {listed(drivers)}, but held back by {listed(held)}: for now it "
                "has no immediate practical impact for you.")
    return ("Nothing in your answers meets a need the report ties to the deal: for you, as for "
            "most enterprises, it has no immediate practical impact.")
