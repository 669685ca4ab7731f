"""The knowledge base: facts, rules, scoring and open questions, loaded from YAML and validated."""

from __future__ import annotations

import re
import string
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from logic.recommendation import VERDICTS, OutcomeId, Verdict
from questions.conditions import (
    Condition,
    ConditionModel,
    Leaf,
    Predicate,
    fold,
    questions_used,
)
from questions.schema import UNKNOWN_LABEL, QuestionBank, default_bank
from questions.translations import ENGLISH, LANGUAGES, placeholders
from questions.translations import load_translation as load_bank_translation

DATA_DIR = Path(__file__).parent / "data"
TRANSLATIONS_DIR = DATA_DIR / "translations"  # LANG/VERSION.yaml beside each version's file
DEFAULT_VERSION = "2026-11-article"

FactId = Annotated[str, Field(pattern=r"^[A-Z]\d+$")]  # F for the article's, others later
DATE = r"^\d{4}-\d{2}(-\d{2})?$"
DAY = r"^\d{4}-\d{2}-\d{2}$"
_IDS = re.compile(r"\b(?:[A-Z]\d+|OQ\d+)\b")  # fact, rule and question ids
Strength = Literal["primary", "secondary", "weak"]
RULE_STRENGTHS = ("primary", "secondary")  # a rule may rest only on these; weak is context


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """Where a fact was published: `address` an https URL; `shipped` names a source text the
    project ships (the article), against which every quote is checked."""

    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    address: str | None = Field(default=None, pattern=r"^https://[A-Za-z0-9.-]+\.[a-z]{2,}(/\S*)?$")
    date: str | None = Field(default=None, pattern=DATE)
    shipped: str | None = None
    record_row: str | None = None  # the row of ../shared/source/public-record.md it checks

    @model_validator(mode="after")
    def _somewhere(self) -> Source:
        if not self.address and not self.shipped:
            raise ValueError("a source needs an address or a shipped text")
        if self.address and not self.date:
            raise ValueError("a source with an address needs its date")
        return self


class Fact(_Strict):
    """One fact, with the source's words: verbatim from a shipped text, or as reported."""

    id: FactId
    quote: str = Field(min_length=1)
    # In another language: the quote's translation, shown beside the quote (which stays in the
    # words its source used); empty in English.
    quote_translation: str = ""
    summary: str = Field(min_length=1)
    source: Source | None = None
    strength: Strength | None = None
    note: str = ""  # why a fact is weaker than its publisher, say
    checked: str | None = Field(default=None, pattern=DAY)  # when it was last checked
    supersedes: list[FactId] = []  # facts of the version it extends that it replaces
    # A fact with a known end (a lease term, say): when it ends, and what is known after.
    valid_until: str | None = Field(default=None, pattern=DATE)
    after_end: str = ""

    @model_validator(mode="after")
    def _end(self) -> Fact:
        if bool(self.valid_until) != bool(self.after_end.strip()):
            raise ValueError("a fact with `valid_until` says what is known after it "
                             "(`after_end`), and only such a fact has one")
        return self

    def as_of(self, day: str) -> str:
        """The summary, and after its end (`day` an ISO date) what is known since."""
        if self.valid_until and day[:len(self.valid_until)] > self.valid_until:
            return f"{self.summary} {self.after_end}"
        return self.summary


class Rule(_Strict):
    """One row of the decision table: when it holds, what it adds, why, on which facts."""

    id: str = Field(pattern=r"^R\d+$")
    title: str
    when: Condition | None = None
    default: bool = False
    drivers: list[OutcomeId] = []
    blockers: list[OutcomeId] = []  # hard: they come with a ceiling
    caveats: list[OutcomeId] = []  # shown beside the verdict; they cap nothing
    denies: list[OutcomeId] = []  # drivers this rule says do not apply
    floor: Verdict | None = None
    ceiling: Verdict | None = None
    when_verdict_at_least: Verdict | None = None  # shown only at this verdict or above
    why_this_kind: str = ""  # why the blockers are hard or the caveats only caveats
    reason: str = Field(min_length=1)
    # The reason when an answer it reads was "Don't know" (read at its likely value): it must
    # say so. Without it the engine adds the question's standard "Don't know" note.
    unknown_reason: str = ""
    # In a later version: one plain sentence (no ids) of what the later record says that moves
    # a verdict through this rule, for the reading shown beside the article's at the top.
    since: str = ""
    facts: list[FactId] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Rule:
        if self.default == (self.when is not None):
            raise ValueError("a rule has either `when` or `default: true`, not both or neither")
        if bool(self.blockers) != bool(self.ceiling):
            raise ValueError("blockers and a ceiling go together: a hard blocker caps the "
                             "verdict, and a cap names the blocker that holds it (a blocker "
                             "that caps nothing is a caveat)")
        if bool(self.drivers) != bool(self.floor):
            raise ValueError("drivers and a floor go together: a driver raises the verdict, "
                             "and a floor names the driver that raises it")
        if (self.blockers or self.caveats) and not self.why_this_kind.strip():
            raise ValueError("a rule with blockers or caveats says why they are of that kind "
                             "(`why_this_kind`)")
        if self.when_verdict_at_least and (self.floor or self.ceiling):
            raise ValueError("a rule shown only at a verdict cannot move the verdict")
        clash = set(self.denies) & set(self.drivers)
        if clash:
            raise ValueError(f"a rule cannot both add and deny {sorted(clash)}")
        if _IDS.search(self.since):
            raise ValueError("`since` is read by people at the top of a result: no fact, rule "
                             "or question ids in it")
        return self

    def predicate(self) -> Predicate:
        """The `when` condition compiled (the baseline's never holds by itself)."""
        return self.when.compile() if self.when is not None else (lambda answers: False)

    def placeholders(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_placeholders(self.reason + self.unknown_reason)))

    def named_values(self) -> dict[str, frozenset[object]]:
        """Per list question, the values this rule's condition asks for (`has_any` outside any
        `not`): a list answer in the reason reads only those, so a reason on HIPAA does not
        say GDPR."""
        if self.when is None:
            return {}
        found: dict[str, set[object]] = {}

        def leaf(item: Leaf) -> list[Leaf]:
            return [item] if item.op == "has_any" else []

        def join(parts: list[list[Leaf]]) -> list[Leaf]:
            return [x for part in parts for x in part]

        for item in fold(self.when, leaf=leaf, all_=join, any_=join, not_=lambda inner: []):
            found.setdefault(item.q, set()).update(item.values())
        return {q: frozenset(values) for q, values in found.items()}

    def questions(self) -> set[str]:
        return questions_used(self.when) if self.when is not None else set()


class ScoreTerm(_Strict):
    """Points added to a section score when the condition holds (negative to subtract)."""

    when: Condition
    add: int


class SectionScore(_Strict):
    """How well the option fits one section's needs: a base plus terms, kept within 0 and
    `most` (the highest the article allows where it calls something unverified)."""

    measures: str = Field(min_length=1)
    base: int = Field(ge=0, le=100)
    most: int = Field(default=100, ge=0, le=100)
    most_why: str = ""
    not_applicable_when: Condition | None = None
    terms: list[ScoreTerm]

    @model_validator(mode="after")
    def _check(self) -> SectionScore:
        if self.most < 100 and not self.most_why.strip():
            raise ValueError("a score held below 100 says why (`most_why`)")
        return self


class OpenQuestion(_Strict):
    """A question for the account team, asked when the result shows it matters."""

    id: str
    text: str
    facts: list[FactId] = Field(min_length=1)
    when_drivers: list[OutcomeId] = []
    when_blockers: list[OutcomeId] = []
    when_verdict_at_least: Verdict | None = None


class DisclosureSpec(_Strict):
    """An undisclosed fact that, once published, would settle these blockers."""

    id: str
    title: str  # what is published, when it meets the organisation's needs
    if_short: str = ""  # what is published, when it falls short of them
    facts: list[FactId] = Field(min_length=1)
    settles: list[OutcomeId] = Field(min_length=1)


class Label(_Strict):
    """Display text for a verdict, driver or blocker; a verdict's `claims` are words a reason
    may use only when the result reaches it; a blocker that is the organisation's own position
    (nothing the account team can settle) says so."""

    label: str
    summary: str
    claims: list[str] = []
    own_position: bool = False
    phrase: str = ""  # how it reads inside a sentence for this organisation

    @property
    def in_sentence(self) -> str:
        return self.phrase or self.label[0].lower() + self.label[1:]


class Figure(_Strict):
    """A measured figure behind an assumption, with its source and how strong it is."""

    figure: str
    source: str
    strength: Literal["primary", "secondary", "weak"]


class Assumption(_Strict):
    """What the tool takes where the article gives no figure, and why."""

    id: str = Field(pattern=r"^A\d+$")
    title: str
    text: str
    figures: list[Figure] = []


class Jump(_Strict):
    """Neighbouring values of an integer answer allowed to move the verdict two levels, and
    why (the rules check fails on any other such step)."""

    q: str
    between: tuple[int, int]
    why: str = Field(min_length=1)


class AnswerClaim(_Strict):
    """Words a reason may use only when the answers bear them out (`holds`, read on the
    answers as the verdict reads them): the rules check fails on a shown reason that says
    them of answers where `holds` is false."""

    words: str = Field(min_length=1)
    holds: Condition


class KnowledgeBase(_Strict):
    """One knowledge version: everything the engine needs, cross-checked at load."""

    version: str
    published: str
    checked: str | None = Field(default=None, pattern=DAY)  # when its facts were last checked
    status: Literal["active", "hypothetical"] = "active"
    source: str
    note: str = ""
    # One plain sentence (no ids): what this version says that the one it extends did not,
    # for the reading at the top of a result when no rule's `since` says it better.
    headline: str = ""
    facts: list[Fact]
    rules: list[Rule]
    scores: dict[str, SectionScore]
    open_questions: list[OpenQuestion]
    verdicts: dict[str, Label]
    drivers: dict[str, Label]
    blockers: dict[str, Label]
    glossary: dict[str, str] = {}
    information_only: list[str] = []
    disclosures: list[DisclosureSpec] = []
    assumptions: list[Assumption] = []
    jumps_allowed: list[Jump] = []
    answer_claims: list[AnswerClaim] = []

    @property
    def checked_on(self) -> str:
        """When this version's facts were last checked (its publication date if not said)."""
        return self.checked or self.published

    @model_validator(mode="after")
    def _cross_check(self) -> KnowledgeBase:
        if _IDS.search(self.headline):
            raise ValueError("`headline` is read by people: no fact, rule or question ids")
        _unique("fact", [f.id for f in self.facts])
        _unique("rule", [r.id for r in self.rules])
        _unique("open question", [q.id for q in self.open_questions])
        known = {f.id for f in self.facts}
        cited: list[Rule | OpenQuestion | DisclosureSpec] = [
            *self.rules, *self.open_questions, *self.disclosures]
        for item in cited:
            missing = [f for f in item.facts if f not in known]
            if missing:
                raise ValueError(f"{item.id} cites unknown fact(s) {missing}")
        replaced = {old: f.id for f in self.facts for old in f.supersedes}
        unknown_old = sorted(set(replaced) - known)
        if unknown_old:
            raise ValueError(f"supersedes unknown fact(s) {unknown_old}")
        for item in cited:
            stale = sorted(set(item.facts) & set(replaced))
            if stale:
                raise ValueError(f"{item.id} cites {stale}, replaced in this version by "
                                 f"{[replaced[f] for f in stale]}: cite what replaced them")
        weak = {f.id for f in self.facts if f.strength == "weak"}
        for item in cited:
            leaning = sorted(set(item.facts) & weak)
            if leaning:
                raise ValueError(f"{item.id} rests on weak fact(s) {leaning}: weak sources are "
                                 "context only")
        defaults = [r.id for r in self.rules if r.default]
        if len(defaults) != 1 or not self.rules[-1].default:
            raise ValueError("exactly one rule, the last, must be the `default: true` baseline")
        tables = {"drivers": set(self.drivers), "blockers": set(self.blockers)}
        named: list[tuple[str, str, str]] = []  # (where, table, id)
        for i, r in enumerate(self.rules):
            named += [(f"rules.{i}.{field}", table, x)
                      for field, table in (("drivers", "drivers"), ("denies", "drivers"),
                                           ("blockers", "blockers"), ("caveats", "blockers"))
                      for x in getattr(r, field)]
        for i, q in enumerate(self.open_questions):
            named += [(f"open_questions.{i}.when_drivers", "drivers", x) for x in q.when_drivers]
            named += [(f"open_questions.{i}.when_blockers", "blockers", x)
                      for x in q.when_blockers]
        for i, d in enumerate(self.disclosures):
            named += [(f"disclosures.{i}.settles", "blockers", x) for x in d.settles]
        missing = [f"{where}: {x!r} has no entry in the `{table}` table"
                   for where, table, x in named if x not in tables[table]]
        if missing:
            raise ValueError("; ".join(missing))
        if set(self.verdicts) != set(VERDICTS):
            raise ValueError(f"verdicts: exactly {list(VERDICTS)}, each with its words")
        return self

    @property
    def own_position(self) -> frozenset[str]:
        """The blockers that are the organisation's own position, not something undisclosed."""
        return frozenset(b for b, label in self.blockers.items() if label.own_position)

    @property
    def fact_by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    def conditions(self) -> list[tuple[str, ConditionModel]]:
        """Every condition in the file, with where it stands (for checks against the bank)."""
        found: list[tuple[str, ConditionModel]] = [(f"rules.{r.id}", r.when)
                                                   for r in self.rules if r.when]
        found += [(f"scores.{section}", term.when)
                  for section, spec in self.scores.items() for term in spec.terms]
        found += [(f"scores.{section}.not_applicable_when", spec.not_applicable_when)
                  for section, spec in self.scores.items() if spec.not_applicable_when]
        found += [(f"answer_claims.{claim.words!r}", claim.holds) for claim in self.answer_claims]
        return found

    def bank_problems(self, bank: QuestionBank) -> list[str]:
        """What in this version does not fit the question bank: unknown question ids or values
        in conditions and reason placeholders, information-only questions that are not asked."""
        problems = [f"{where}: {p}" for where, cond in self.conditions()
                    for p in bank.check_condition(cond)]
        problems += [f"rules.{r.id}: reason placeholder {{{name}}} is not a question id"
                     for r in self.rules for name in r.placeholders() if name not in bank.by_id]
        problems += [f"information_only: {q} is not a question id"
                     for q in self.information_only if q not in bank.by_id]
        sections = {section.id for section in bank.sections}
        problems += [f"scores: {s} is not a section of the question bank"
                     for s in self.scores if s not in sections]
        problems += [f"jumps_allowed: {j.q} is not an integer question"
                     for j in self.jumps_allowed
                     if j.q not in bank.by_id or bank.by_id[j.q].kind != "integer"]
        return problems


def _unique(kind: str, ids: list[str]) -> None:
    repeated = sorted(i for i, n in Counter(ids).items() if n > 1)
    if repeated:
        raise ValueError(f"duplicate {kind} id(s): {repeated}")


def _placeholders(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


# A knowledge file as YAML gives it, merged over its base before the models check it: the one
# edge of the core where a value's type is not known yet.
Raw = dict[str, Any]  # type: ignore[explicit-any]


class KnowledgeError(ValueError):
    """A knowledge file that cannot be used, with the file and the field at fault."""


def _merge_by_id(base: list[Raw], changes: list[Raw], keep_last: bool = False) -> list[Raw]:
    """Items replaced in place by id, new ones appended (before the last when keep_last)."""
    merged = list(base)
    index = {item.get("id"): i for i, item in enumerate(merged)}
    added = []
    for item in changes:
        if item.get("id") in index:
            merged[index[item["id"]]] = item
        else:
            added.append(item)
    if keep_last and merged:
        return [*merged[:-1], *added, merged[-1]]
    return [*merged, *added]


def _raw(path: Path, seen: tuple[str, ...] = (), language: str = ENGLISH) -> Raw:
    """A knowledge file's data, with `extends: VERSION` resolved against its base version, in
    `language` (each file's own words replaced by its translation file's, before merging).

    An extending file lists only what changes: facts, rules, open questions and disclosures
    replace those with the same id or are added (new rules go before the baseline);
    `remove_rules` drops rules by id; the tables by id (verdicts, drivers, blockers, glossary)
    take the entries it gives, and `scores` the fields it gives per section; any other key
    replaces the base's.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if language != ENGLISH and isinstance(data, dict):
        data = translated(data, load_translation(path.stem, language, path.parent))
    if not isinstance(data, dict) or "extends" not in data:
        return data
    base_name = str(data.pop("extends"))
    if base_name in seen:
        raise KnowledgeError(f"{path.name}: extends itself through {base_name}")
    base_path = path.parent / f"{base_name}.yaml"
    if not base_path.exists():
        raise KnowledgeError(f"{path.name}: extends unknown version {base_name!r}")
    merged = _raw(base_path, (*seen, base_name), language)
    removed = set(data.pop("remove_rules", []) or [])
    for key, value in data.items():
        if key in ("facts", "open_questions", "disclosures"):
            merged[key] = _merge_by_id(merged.get(key, []), value)
        elif key == "rules":
            merged[key] = _merge_by_id(merged.get(key, []), value, keep_last=True)
        elif key == "glossary":
            merged[key] = {**merged.get(key, {}), **value}
        elif key in ("verdicts", "drivers", "blockers"):  # each entry field by field
            base_table = merged.get(key, {})
            merged[key] = {**base_table, **{name: {**base_table.get(name, {}), **entry}
                                            for name, entry in value.items()}}
        elif key == "scores":
            merged[key] = {section: {**merged.get(key, {}).get(section, {}), **spec}
                           for section, spec in {**merged.get(key, {}), **value}.items()}
        else:
            merged[key] = value
    unknown = removed - {r.get("id") for r in merged.get("rules", [])}
    if unknown:
        raise KnowledgeError(f"{path.name}: remove_rules names unknown rules {sorted(unknown)}")
    merged["rules"] = [r for r in merged.get("rules", []) if r.get("id") not in removed]
    return merged


# The words a person reads in a knowledge file, by where they stand: the items of a list by
# their id, the entries of a table by their key, then the field. Everything else (ids,
# conditions, figures, sources' names, the words the rules check reads) is the same in every
# language.
TEXTS: dict[str, tuple[str, ...]] = {
    "facts": ("summary", "quote", "note", "after_end"),
    "rules": ("title", "reason", "unknown_reason", "since", "why_this_kind"),
    "open_questions": ("text",),
    "disclosures": ("title", "if_short"),
    "assumptions": ("title", "text"),
    "verdicts": ("label", "summary", "phrase"),
    "drivers": ("label", "summary", "phrase"),
    "blockers": ("label", "summary", "phrase"),
    "scores": ("measures", "most_why"),
}
TOP_TEXTS = ("source", "note", "headline")
# Lists inside an entry whose items have words: (the list's field, the items' fields).
NESTED: dict[str, tuple[str, tuple[str, ...]]] = {"assumptions": ("figures", ("figure", "source"))}
Texts = dict[str, str]  # "rules.R1.reason" -> its text


def _entries(data: Raw, part: str) -> list[tuple[str, Raw]]:
    """(id or key, entry) for one list or table of a file."""
    found = data.get(part) or []
    if isinstance(found, dict):
        return [(str(k), v) for k, v in found.items() if isinstance(v, dict)]
    return [(str(item.get("id")), item) for item in found if isinstance(item, dict)]


def own_texts(data: Raw) -> Texts:
    """Every text a person reads that this file itself gives (not its base's), by place."""
    found = {key: str(data[key]) for key in TOP_TEXTS if data.get(key)}
    for part, fields in TEXTS.items():
        for name, entry in _entries(data, part):
            found.update({f"{part}.{name}.{f}": str(entry[f]) for f in fields if entry.get(f)})
            if part in NESTED:
                inner, words = NESTED[part]
                for i, item in enumerate(entry.get(inner) or []):
                    found.update({f"{part}.{name}.{inner}.{i}.{f}": str(item[f])
                                  for f in words if isinstance(item, dict) and item.get(f)})
    found.update({f"glossary.{k}": str(v) for k, v in (data.get("glossary") or {}).items()})
    found.update({f"names.{k}": str(v) for k, v in (data.get("names") or {}).items()})
    return found


SOURCE_NAMES = ("title", "publisher")  # a source's words: as published, but for our own notes


def source_names(data: Raw) -> set[str]:
    """The titles and publishers of the sources of a file's own facts."""
    return {str(fact["source"][k]) for _, fact in _entries(data, "facts")
            if isinstance(fact.get("source"), dict) for k in SOURCE_NAMES
            if fact["source"].get(k)}


def translation_path(version: str, language: str, directory: Path = DATA_DIR) -> Path:
    return directory / "translations" / language / f"{version}.yaml"


def load_translation(version: str, language: str, directory: Path = DATA_DIR) -> Texts:
    """A version's own words in `language`, by place (empty when there is no file: the
    completeness test names every text that lacks one)."""
    path = translation_path(version, language, directory)
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"translations/{language}/{path.name}: not valid YAML: "
                             f"{exc}") from None
    if not isinstance(data, dict):
        raise KnowledgeError(f"translations/{language}/{path.name}: not a mapping")
    return own_texts(data)


def translated(data: Raw, texts: Texts) -> Raw:
    """A file's data with its words replaced by `texts` (a quote keeps its source's words and
    takes the translation beside it); what `texts` lacks stays in English."""
    data = {**data}
    for key in TOP_TEXTS:
        if key in texts:
            data[key] = texts[key]
    names = {p.removeprefix("names."): t for p, t in texts.items() if p.startswith("names.")}
    for part, fields in TEXTS.items():
        if part not in data:
            continue
        table = isinstance(data[part], dict)
        entries = []
        for name, entry in _entries(data, part):
            entry = {**entry}
            for f in fields:
                text = texts.get(f"{part}.{name}.{f}")
                if text is not None and entry.get(f):
                    entry["quote_translation" if f == "quote" else f] = text
            source = entry.get("source")
            if part == "facts" and names and isinstance(source, dict):  # "Reported by …"
                entry["source"] = {**source, **{k: names[source[k]] for k in SOURCE_NAMES
                                                if source.get(k) in names}}
            if part in NESTED and entry.get(NESTED[part][0]):
                inner, words = NESTED[part]
                entry[inner] = [{**item, **{f: texts.get(f"{part}.{name}.{inner}.{i}.{f}",
                                                        item.get(f)) for f in words
                                            if item.get(f)}}
                                for i, item in enumerate(entry[inner])]
            entries.append((name, entry))
        data[part] = dict(entries) if table else [entry for _, entry in entries]
    if "glossary" in data:
        data["glossary"] = {k: texts.get(f"glossary.{k}", v) for k, v in data["glossary"].items()}
    return data


def translation_problems(version: str, language: str, directory: Path = DATA_DIR) -> list[str]:
    """What the translation of one version's own file lacks, has beyond it, or words with other
    placeholders, each by place (empty: complete). The glossary may say more than the English
    one: a value English shows as it is ('high', '99.9') may need its own words ('hoch',
    '99,9'). `names` words a source's title or publisher that carries our notes ('Reported
    by Decrypt'); each must be one of the version's own facts' sources."""
    data = yaml.safe_load((directory / f"{version}.yaml").read_text("utf-8"))
    english, names = own_texts(data), source_names(data)
    words = load_translation(version, language, directory)
    where = f"{language}/{version}"
    problems = [f"{where}: {p}: no translation" for p in english if not words.get(p, "").strip()]
    problems += [f"{where}: {p}: translated, but the version has no such text"
                 for p in words if p not in english and not p.startswith(("glossary.", "names."))]
    problems += [f"{where}: {p}: no source of this version's facts has this title or publisher"
                 for p in words if p.startswith("names.") and p.removeprefix("names.") not in names]
    problems += [f"{where}: {p}: placeholders {placeholders(words[p])} differ from the English "
                 f"{placeholders(english[p])}"
                 for p in english
                 if p in words and placeholders(words[p]) != placeholders(english[p])]
    return problems


def load_file(path: Path, bank: QuestionBank | None = None,
              language: str = ENGLISH) -> KnowledgeBase:
    """Parse and validate one knowledge file against the question bank, in `language`; errors
    name the file and the field."""
    try:
        kb = KnowledgeBase.model_validate(_raw(path, language=language))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path.name}: not valid YAML: {exc}") from None
    except ValidationError as exc:
        lines = [
            f"{path.name}: {'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}"
            for e in exc.errors(include_url=False)
        ]
        raise KnowledgeError("\n".join(lines)) from None
    problems = kb.bank_problems(bank or default_bank())
    dont_know = (UNKNOWN_LABEL if language == ENGLISH
                 else load_bank_translation(language).words.dont_know)
    problems += [f"rules.{r.id}.unknown_reason: says the answer was “{dont_know}”"
                 for r in kb.rules if r.unknown_reason and dont_know not in r.unknown_reason]
    if problems:
        raise KnowledgeError("\n".join(f"{path.name}: {p}" for p in problems))
    return kb


def available_versions() -> list[str]:
    """Every knowledge version shipped, oldest first."""
    return sorted(p.stem for p in DATA_DIR.glob("*.yaml"))


def load_knowledge(version: str = DEFAULT_VERSION, language: str = ENGLISH) -> KnowledgeBase:
    """The knowledge base for a version in a language, loaded and validated once per process:
    the same object however it is asked for (by default or by name), so what is kept per
    version (assessments, compiled rules) is found again. Another language gives the same
    version with other words: ids, conditions and verdicts are the same."""
    return _load_knowledge(version, language)


def own_words(kb: KnowledgeBase) -> KnowledgeBase:
    """The shipped version itself for a version in any language's words (an assessment is
    made from it and a language), else `kb` (a version loaded from elsewhere)."""
    return load_knowledge(kb.version) if kb.version in available_versions() else kb


@cache
def _load_knowledge(version: str, language: str = ENGLISH) -> KnowledgeBase:
    if version not in available_versions():
        raise KnowledgeError(
            f"unknown knowledge version {version!r}; known: {', '.join(available_versions())}"
        )
    if language not in LANGUAGES:
        raise KnowledgeError(f"no language {language!r}; languages: {', '.join(LANGUAGES)}")
    return load_file(DATA_DIR / f"{version}.yaml", language=language)
