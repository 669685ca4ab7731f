"""The wording of results, in one place: conditions, answer changes, what-if, the band, the two
readings and the later record, in the bank's and the knowledge's own words (pass them in the
reader's language) and the catalogue's sentences (`say`) in that same `language`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from babel.dates import format_date

from i18n import marked, say
from logic.compare import Comparison
from logic.knowledge_base import KnowledgeBase, load_knowledge
from logic.reading import LaterReading
from logic.recommendation import Recommendation
from logic.whatif import WhatIf
from questions.conditions import Condition, Leaf, fold
from questions.schema import UNKNOWN, QuestionBank
from questions.translations import ENGLISH

_OPS = {
    "eq": marked("{question} is {values}"), "in": marked("{question} is one of {values}"),
    "not_in": marked("{question} is none of {values}"),
    "gte": marked("{question} is at least {values}"),
    "lte": marked("{question} is at most {values}"),
    "has_any": marked("{question} includes any of {values}"),
}


def counted(language: str, n: int, one: str, many: str) -> str:
    """The singular or the plural message for a count (both marked where they are written)."""
    return say(language, one if n == 1 else many, n=n)


def unknown_notes(bank: QuestionBank, language: str = ENGLISH) -> dict[str, str]:
    """What each "Don't know" answer was read as, in the bank's words (a translated bank's for
    another language), for the reasons that read one."""
    return {q.id: say(language, "You answered “Don't know” to “{question}”: this reads it as "
                      "“{answer}”, the most likely answer.", question=q.label,
                      answer=q.label_of(q.dont_know.likely))
            for q in bank.questions() if q.dont_know is not None}


def value_text(bank: QuestionBank, question_id: str, value: object) -> str:
    """How a value reads to a person ('Yes', '99.9%', 'GDPR, SOX', 'Not latency-sensitive')."""
    question = bank.question(question_id)
    if question.kind == "multi_choice" and value != UNKNOWN:
        return question.label_of(value if isinstance(value, list) else [value])
    return question.label_of(value)


def _leaf(leaf: Leaf, bank: QuestionBank, language: str) -> str:
    label = say(language, "“{text}”", text=bank.question(leaf.q).label)
    if leaf.op == "is_set":
        return (say(language, "{question} is answered", question=label) if leaf.value
                else say(language, "{question} is left empty", question=label))
    if leaf.op == "empty":
        return (say(language, "{question} is empty", question=label) if leaf.value
                else say(language, "{question} is not empty", question=label))
    shown = say(language, " or ").join(value_text(bank, leaf.q, v) for v in leaf.values())
    return say(language, _OPS[leaf.op], question=label, values=shown)


def _joined(joiner: str) -> Callable[[list[tuple[str, bool]]], tuple[str, bool]]:
    def join(parts: list[tuple[str, bool]]) -> tuple[str, bool]:
        return joiner.join(f"({text})" if compound else text for text, compound in parts), True
    return join


def describe_condition(condition: Condition | None, bank: QuestionBank,
                       language: str = ENGLISH) -> str:
    """'“Q” is Yes AND (“R” is one of A or B OR …)'."""
    if condition is None:
        return say(language, "no other rule raised the verdict (the baseline)")
    text, _ = fold(condition, leaf=lambda leaf: (_leaf(leaf, bank, language), False),
                   all_=_joined(say(language, " AND ")), any_=_joined(say(language, " OR ")),
                   not_=lambda inner: (say(language, "NOT ({condition})",
                                           condition=inner[0]), False))
    return text


def describe_changes(bank: QuestionBank, changes: tuple[tuple[str, object], ...],
                     language: str = ENGLISH) -> str:
    """'“No” to “Do you need …?” and “Low” to “How much …?”'."""
    return say(language, " and ").join(
        say(language, "“{answer}” to “{question}”", answer=value_text(bank, q, v),
            question=bank.question(q).label) for q, v in changes)


FLIP_TITLES = (  # what-if groups, in the order shown: requirements first, facts last
    ("requirement", marked("If your requirements were different")),
    ("both", marked("If your situation and your requirements were different")),
    ("situation", marked("If your situation were different")),
)


def flip_lines(result: WhatIf, kb: KnowledgeBase, bank: QuestionBank,
               direction: str, language: str = ENGLISH) -> list[tuple[str, str]]:
    """(the changes, the verdict label) for each way to move the verdict up or down."""
    flips = result.up if direction == "up" else result.down
    return [(describe_changes(bank, f.changes, language), kb.verdicts[f.verdict].label)
            for f in flips]


def flip_groups(result: WhatIf, kb: KnowledgeBase, bank: QuestionBank,
                direction: str, language: str = ENGLISH) -> list[tuple[str, list[tuple[str, str]]]]:
    """The same lines, told apart: requirements the organisation sets (an uptime target, the
    decision horizon, a role sought, evidence demanded) first, then changes to both, then
    changes only to facts about its situation (edge sites, volume, a regulation that applies)."""
    flips = result.up if direction == "up" else result.down
    groups = []
    for kind, title in FLIP_TITLES:
        lines = [(describe_changes(bank, f.changes, language), kb.verdicts[f.verdict].label)
                 for f in flips if f.kind == kind]
        if lines:
            groups.append((say(language, title), lines))
    return groups


def disclosure_lines(result: WhatIf, kb: KnowledgeBase, language: str = ENGLISH) -> list[str]:
    """One sentence per disclosure that would move the verdict, both ways, in words (the fact
    ids are on the knowledge page): 'If SLAs are published and meet your needs: Evaluate; if an
    SLA is published below them: Monitor.'"""
    lines = []
    for d in result.disclosures:
        good = _lower_first(d.title, language)
        verdict = kb.verdicts[d.verdict].label
        if d.if_short:
            lines.append(say(language, "If {published}: **{verdict}**; if {short}: "
                             "**{short_verdict}**.", published=good, verdict=verdict,
                             short=_lower_first(d.if_short, language),
                             short_verdict=kb.verdicts[d.short_verdict].label))
        else:
            lines.append(say(language, "If {published}: **{verdict}**.", published=good,
                             verdict=verdict))
    return lines


def _lower_first(text: str, language: str) -> str:
    """A sentence made a clause ('Pricing is…' -> 'pricing is…'); German keeps its nouns'
    capitals."""
    return text if language == "de" else text[:1].lower() + text[1:]


def no_flip_text(result: WhatIf, direction: str, kb: KnowledgeBase | None = None,
                 language: str = ENGLISH) -> str:
    """What to say when no change of up to three answers moves the verdict this way."""
    verdicts = (kb or load_knowledge()).verdicts
    if direction == "up" and result.verdict == "evaluate":
        return say(language, "Nothing: {verdict} is already the highest verdict.",
                   verdict=verdicts["evaluate"].label)
    if direction == "down" and result.verdict == "no_action":
        return say(language, "Nothing: {verdict} is already the lowest verdict.",
                   verdict=verdicts["no_action"].label)
    n = result.searched
    count = say(language, _COUNTS[n]) if n in _COUNTS else str(n)
    return say(language, "No change of up to {n} answers would: it takes more than {n}.",
               n=count)


_COUNTS = {1: marked("one"), 2: marked("two"), 3: marked("three"), 4: marked("four")}


def no_disclosure_text(result: WhatIf, kb: KnowledgeBase, language: str = ENGLISH) -> str:
    """What to say when no publication moves the verdict; never that nothing undisclosed holds
    it back while something undisclosed is in the result."""
    if not result.open_doubts:
        return say(language, "Nothing undisclosed or unverified bears on your answers.")
    still = ", ".join(kb.blockers[b].label for b in result.open_doubts)
    return say(language, "No single publication would change this verdict on its own, either "
               "way. Still undisclosed or unverified for you: {still}.", still=still)


def robustness_text(result: WhatIf, language: str = ENGLISH) -> tuple[str, str]:
    """('Robust' or 'Fragile', the sentence saying why)."""
    if result.robust:
        return (say(language, "Robust"),
                say(language, "no single answer change moves this verdict; it takes at least "
                    "two."))
    return say(language, "Fragile"), counted(
        language, result.single_flips,
        marked("{n} single answer change moves this verdict; the ones that matter most are "
               "listed."),
        marked("{n} single answer changes would move this verdict; the ones that matter most "
               "are listed."))


@dataclass(frozen=True)
class BandWords:
    """What the "Don't know" answers mean: one sentence (the band and the answer to settle
    first, **bold** marks ours), then each unknown question with the answer it was read as."""

    sentence: str
    read_as: tuple[str, ...]  # '“Uptime target”: read as “99.9%”'

    def markdown(self) -> str:
        return self.sentence + "\n\n" + "\n".join(f"- {line}" for line in self.read_as)


def band_text(rec: Recommendation, kb: KnowledgeBase, bank: QuestionBank,
              unknown: tuple[str, ...], likely: dict[str, object],
              language: str = ENGLISH) -> BandWords | None:
    """What "Don't know" answers mean for the verdict, or None when nothing is unknown:
    how many, the verdict's band, the one to settle first, and each with its read-as value."""
    if rec.band is None:
        return None
    low, high = kb.verdicts[rec.band.low].label, kb.verdicts[rec.band.high].label
    one = len(unknown) == 1
    if low == high:
        text = say(language, marked(
            "You answered “Don't know” to {n} question. The verdict reads it at the most likely "
            "answer; it stays **{low}** whatever it turns out to be.") if one else marked(
            "You answered “Don't know” to {n} questions. The verdict reads each at the most "
            "likely answer; it stays **{low}** whatever they turn out to be."),
            n=len(unknown), low=low)
    else:
        text = say(language, marked(
            "You answered “Don't know” to {n} question. The verdict reads it at the most likely "
            "answer; over every answer it could be, it ranges from **{low}** to **{high}**.")
            if one else marked(
            "You answered “Don't know” to {n} questions. The verdict reads each at the most "
            "likely answer; over every answer they could be, it ranges from **{low}** to "
            "**{high}**."), n=len(unknown), low=low, high=high)
    if rec.settle_first:
        text += " " + say(language, "Settle first: “{question}”, the answer that narrows the "
                          "range most.", question=bank.question(rec.settle_first).label)
    read_as = tuple(say(language, "“{question}”: read as “{answer}”",
                        question=bank.question(q).label,
                        answer=bank.question(q).label_of(likely[q])) for q in unknown)
    return BandWords(text, read_as)


def later_record_text(result: Comparison, old_kb: KnowledgeBase, new_kb: KnowledgeBase,
                      language: str = ENGLISH) -> tuple[str, list[str], list[str]]:
    """'What later public reports change': a headline, the differences (drivers, blockers,
    caveats, reasons added and removed), and the sources behind what is added."""
    old, new = old_kb.verdicts[result.old.verdict].label, new_kb.verdicts[result.new.verdict].label
    if not result.anything_changed:
        return (say(language, "Later public reports (knowledge version {version}) change nothing "
                    "here: the verdict stays **{verdict}** with the same reasons.",
                    version=new_kb.version, verdict=old), [], [])
    headline = (say(language, "Under the later public record (knowledge version {version}) the "
                    "verdict would be **{new}** instead of **{old}**.", version=new_kb.version,
                    new=new, old=old) if result.verdict_changed else
                say(language, "Under the later public record (knowledge version {version}) the "
                    "verdict stays **{old}**, for partly different reasons.",
                    version=new_kb.version, old=old))
    label = {**old_kb.blockers, **new_kb.blockers}
    drivers = {**old_kb.drivers, **new_kb.drivers}

    def line(text: str, item: str) -> str:
        return say(language, text, item=item)

    changes = [line(marked("Driver added: {item}"), drivers[d].label)
               for d in result.drivers_added]
    changes += [line(marked("Driver gone: {item}"), drivers[d].label)
                for d in result.drivers_removed]
    changes += [line(marked("Blocker added: {item}"), f"{label[b].label} ({label[b].summary})")
                for b in result.blockers_added]
    changes += [line(marked("Blocker gone: {item}"), label[b].label)
                for b in result.blockers_removed]
    changes += [line(marked("Still open, added: {item}"), f"{label[c].label} ({label[c].summary})")
                for c in result.caveats_added]
    changes += [line(marked("Still open, gone: {item}"), label[c].label)
                for c in result.caveats_removed]
    added = list(dict.fromkeys(line.split(":", 1)[0] for line in result.rules_added))
    removed = list(dict.fromkeys(line.split(":", 1)[0] for line in result.rules_removed))
    titles = {**{r.id: r.title for r in old_kb.rules}, **{r.id: r.title for r in new_kb.rules}}
    changes += [line(marked("Reason added: {item}"), titles[r]) for r in added if r not in removed]
    changes += [line(marked("Reason now reads the later record: {item}"), titles[r])
                for r in added if r in removed]
    changes += [line(marked("Reason no longer given: {item}"), titles[r])
                for r in removed if r not in added]
    sources = [say(language, "{fact}: {summary} ({publisher}, {date}; {strength} source; {where})",
                   fact=f.id, summary=f.summary, publisher=f.source.publisher,
                   date=f.source.date or say(language, "undated"),
                   strength=say(language, STRENGTHS[f.strength or "secondary"]),
                   where=source_where(f.source.address, f.source.shipped, language))
               for f in result.sources if f.source is not None]
    return headline, changes, sources


STRENGTHS = {"primary": marked("primary"), "secondary": marked("secondary"),
             "weak": marked("weak")}
STATUSES = {"active": marked("active"), "hypothetical": marked("hypothetical")}


def source_where(address: str | None, shipped: str | None, language: str = ENGLISH) -> str:
    """Where to read a source, in words: its address, or the text this project ships."""
    return address or say(language, "Shipped with this project as source/{name}.txt",
                          name=shipped)


STALE_AFTER_DAYS = 60  # knowledge older than this is said to be old


@cache  # a handful of days and languages, asked on every rerun
def day_text(iso: str, language: str = ENGLISH) -> str:
    """'2 December 2026' for 2026-12-02, 'November 2026' for 2026-11, in the language's own
    form ('2. Dezember 2026', '2 décembre 2026')."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return format_date(date(*parts), "d MMMM y" if language == ENGLISH else "long",
                           locale=language)
    return format_date(date(parts[0], parts[1], 1), "LLLL y", locale=language)


def reading_lead(kb: KnowledgeBase, language: str = ENGLISH) -> str:
    """Whose reading a result leads with: the news report's, or the version it was saved with."""
    if kb.version == "2026-11-article":
        return say(language, "From the news report")
    return say(language, "From the knowledge of {day}", day=day_text(kb.checked_on, language))

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
                  kb: KnowledgeBase, language: str = ENGLISH) -> Readings:
    """The readings for a result `rec` under `kb`, with `reading` the later one (or None when
    `kb` is the newest version)."""
    lead = Readings(reading_lead(kb, language), kb.verdicts[rec.verdict].label)
    if reading is None:
        return lead
    when = day_text(reading.checked, language)
    if not reading.changed:
        return dataclasses.replace(lead, agree=say(
            language, "The public record since then (checked {day}) does not change this "
            "verdict.", day=when))
    return dataclasses.replace(lead, later=say(language, "Since the report"),
                               later_verdict=kb.verdicts[reading.verdict].label,
                               why=say(language, "{sentence} (as of {day})",
                                       sentence=reading.sentence, day=when))


def knowledge_age_text(kb: KnowledgeBase, reading: LaterReading | None,
                       today: date, language: str = ENGLISH) -> tuple[str, bool]:
    """'Knowledge checked 2 December 2026.', and whether the newest knowledge is older than
    STALE_AFTER_DAYS (then the sentence says so plainly)."""
    newest = reading.checked if reading is not None else kb.checked_on
    checked = date.fromisoformat(newest)
    text = say(language, "Knowledge checked {day}.", day=day_text(newest, language))
    age = (today - checked).days
    if age > STALE_AFTER_DAYS:
        return (text + " " + say(language, "That was {days} days ago: later reports may have "
                                 "changed the picture, so look for a newer knowledge version "
                                 "before relying on it.", days=age)), True
    return text, False


def listed(items: list[str], most: int = 3, language: str = ENGLISH) -> str:
    """'a', 'a and b', 'a, b and c', 'a, b, c and 2 more'."""
    shown = items[:most]
    if len(items) > most:
        shown.append(say(language, "{n} more", n=len(items) - most))
    if len(shown) == 1:
        return shown[0]
    return say(language, "{items} and {last}", items=", ".join(shown[:-1]), last=shown[-1])


def verdict_sentence(rec: Recommendation, kb: KnowledgeBase, language: str = ENGLISH) -> str:
    """One sentence for this organisation under its verdict: what makes the deal relevant to it
    and what holds it back, in its own terms (the tables' `phrase`s), never a verdict's generic
    summary."""
    def some(codes: list[str], table: str) -> str:
        labels = kb.drivers if table == "drivers" else kb.blockers
        return listed([labels[c].in_sentence for c in codes], language=language)

    drivers, held, still = rec.drivers, rec.blockers, rec.caveats
    if rec.verdict == "evaluate":
        if still:
            return say(language, "A candidate for you because of {drivers}, as a specialised or "
                       "backup option beside your primary hosting, never in its place; still "
                       "open: {still}.", drivers=some(drivers, "drivers"),
                       still=some(still, "blockers"))
        return say(language, "A candidate for you because of {drivers}, as a specialised or "
                   "backup option beside your primary hosting, never in its place.",
                   drivers=some(drivers, "drivers"))
    if rec.verdict == "monitor":
        if drivers and held:
            return say(language, "Relevant for {drivers}, held back by {held}; revisit when that "
                       "changes.", drivers=some(drivers, "drivers"), held=some(held, "blockers"))
        if drivers and still:
            return say(language, "Relevant for {drivers}, with {still} still open; revisit when "
                       "that changes.", drivers=some(drivers, "drivers"),
                       still=some(still, "blockers"))
        if drivers:
            return say(language, "Relevant for {drivers}; revisit when that changes.",
                       drivers=some(drivers, "drivers"))
        if held:
            return say(language, "Relevant to you, held back by {held}; revisit when that "
                       "changes.", held=some(held, "blockers"))
        if still:
            return say(language, "Relevant to you, with {still} still open; revisit when that "
                       "changes.", still=some(still, "blockers"))
        return say(language, "Relevant to you; revisit when that changes.")
    if drivers and held:
        return say(language, "Relevant for {drivers}, but held back by {held}: for now it has "
                   "no immediate practical impact for you.", drivers=some(drivers, "drivers"),
                   held=some(held, "blockers"))
    return say(language, "Nothing in your answers meets a need the report ties to the deal: for "
               "you, as for most enterprises, it has no immediate practical impact.")
