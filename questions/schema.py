"""The question bank's shapes: the one contract for answers.

The bank (questions/bank/*.yaml) says, for each question, its kind, its allowed values or bounds,
whether it must be answered, when it is asked, and its order of strictness. Everything else reads
it from here: the answers model (questions.answers), the form, CSV, the rules check, what-if, the
team consensus and the tests. No question id appears in generic code.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import cache, cached_property
from pathlib import Path
from typing import Annotated, Literal, Protocol

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from questions.conditions import Condition, ConditionModel, Predicate, condition_problems
from questions.values import Document, items_of

BANK_DIR = Path(__file__).resolve().parent.parent / "questions" / "bank"
META_FILE = "_bank.yaml"  # the bank's version and its migrations; every other file is a section
RESERVED_IDS = frozenset({"bank_version", "unanswered"})  # the answers document's own keys
OVERALL_NOTE = "_overall"  # beside the notes by question id: the note on the whole assessment
EXAMPLES_DIR = BANK_DIR.parent / "examples"  # shipped example answers (the batch template)


class Lookup(Protocol):
    """Answers looked up by question id: a dict, or an answers model."""

    def get(self, key: str, /) -> object: ...


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    """One allowed value of a choice, with the words a person sees."""

    value: str
    label: str
    help: str = ""


UNKNOWN = "unknown"  # "Don't know", in files and in the answers, where a question allows it
UNKNOWN_LABEL = "Don't know"


class DontKnow(_Strict):
    """A question a person may well not know the answer to: "unknown" is then an answer, and
    the verdict takes `likely` (the most likely answer, `why`) while showing the band of
    verdicts over every possible answer."""

    likely: object  # checked against the question by the bank
    why: str = Field(min_length=1)


class _Question(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    help: str = Field(min_length=1)
    dont_know_label: str = UNKNOWN_LABEL  # the "Don't know" box's words (questions/translations)
    required: bool = True  # must be answered whenever it is asked
    # A fact about the organisation (a regulation applies, data must stay in a country), not an
    # opinion: a team's answer is then the strictest any respondent gave, not the majority's.
    fact: bool = False
    # Describes the organisation's situation (edge sites, volume, a regulation that applies)
    # rather than a requirement it sets (a target, a horizon, a role sought, evidence asked
    # for): "what would change this?" lists changes to it apart, as "if your situation were
    # different".
    situation: bool = False
    dont_know: DontKnow | None = None  # offer "Don't know" (spelled `unknown` in files)
    visible_when: Condition | None = None
    _visible: Predicate | None = PrivateAttr(default=None)

    def model_post_init(self, context: object) -> None:
        if self.visible_when is not None:
            self._visible = self.visible_when.compile()

    def is_visible(self, answers: object) -> bool:
        """Whether to ask this question, given the answers so far (a dict or an answers model)."""
        if self._visible is None:
            return True
        return self._visible(AnswerView(answers) if isinstance(answers, dict) else answers)

    def choices(self) -> tuple[str | bool, ...]:
        """The closed set of values, or () for open questions (integers, text)."""
        return ()

    def is_answered(self, value: object) -> bool:
        """Whether a value counts as an answer to this question."""
        return value is not None

    def needs_answer(self, value: object) -> bool:
        """Whether the question is required and this value does not answer it."""
        return self.required and not self.is_answered(value)


class ChoiceQuestion(_Question):
    """Pick one option. `strictness` orders the values from least to most demanding."""

    kind: Literal["choice"]
    options: list[Option] = Field(min_length=2)
    strictness: list[str] | None = None

    def choices(self) -> tuple[str | bool, ...]:
        return tuple(o.value for o in self.options)

    def label_of(self, value: object) -> str:
        if value == UNKNOWN:
            return self.dont_know_label
        return next((o.label for o in self.options if o.value == value), str(value))


class MultiChoiceQuestion(_Question):
    """Pick any number of options (at least `min_selected`); `more_is_stricter` when each
    added item is a further requirement (a regulation)."""

    kind: Literal["multi_choice"]
    options: list[Option] = Field(min_length=2)
    min_selected: int = Field(default=0, ge=0)
    more_is_stricter: bool = False
    none_label: str = "None"  # an empty selection's words (questions/translations)

    def choices(self) -> tuple[str | bool, ...]:
        return tuple(o.value for o in self.options)

    def is_answered(self, value: object) -> bool:
        return len(items_of(value)) >= self.min_selected  # absent means none apply

    def label_of(self, value: object) -> str:
        if value == UNKNOWN:
            return self.dont_know_label
        labels = {o.value: o.label for o in self.options}
        return ", ".join(labels.get(str(v), str(v)) for v in items_of(value)) or self.none_label


class BooleanQuestion(_Question):
    """Yes or no. `strictness` is [false, true] when yes is the more demanding answer."""

    kind: Literal["boolean"]
    strictness: list[bool] | None = None
    yes_label: str = "Yes"  # in another language, questions/translations.py sets these
    no_label: str = "No"

    def choices(self) -> tuple[str | bool, ...]:
        return (True, False)

    def label_of(self, value: object) -> str:
        if value == UNKNOWN:
            return self.dont_know_label
        return self.yes_label if value is True else self.no_label if value is False else "—"


class SuggestFloor(_Strict):
    """The least value "what would change this?" suggests while `when` holds (a response
    target no tighter than the link the sites named can carry), and why, with its sources."""

    when: Condition
    min: int
    why: str = Field(min_length=1)
    _holds: Predicate | None = PrivateAttr(default=None)

    def model_post_init(self, context: object) -> None:
        self._holds = self.when.compile()

    def holds(self, answers: Mapping[str, object]) -> bool:
        assert self._holds is not None
        return self._holds(AnswerView(answers))


class IntegerQuestion(_Question):
    """A whole number in a range; `nullable` lets it be left empty, meaning `null_label`.
    `suggest_at_least`: values below a floor are never suggested as a change while its
    condition holds (a person's own answer is kept as given)."""

    kind: Literal["integer"]
    min: int
    max: int
    step: int = Field(default=1, gt=0)
    nullable: bool = False
    null_label: str = ""
    group_separator: str = ","  # between thousands: "3,010" ("3.010" in German)
    unit: str = ""
    suggest_at_least: list[SuggestFloor] = []

    def plausible(self, value: object, answers: Mapping[str, object]) -> bool:
        """Whether `value` is one to suggest, given the other answers."""
        if not isinstance(value, int):
            return True
        return all(value >= f.min for f in self.suggest_at_least if f.holds(answers))

    @model_validator(mode="after")
    def _range(self) -> IntegerQuestion:
        if self.min >= self.max:
            raise ValueError("min must be below max")
        if self.nullable and not self.null_label:
            raise ValueError("a nullable question needs a null_label saying what empty means")
        return self

    def is_answered(self, value: object) -> bool:
        return self.nullable or value is not None  # empty means `null_label`

    def label_of(self, value: object) -> str:
        if value == UNKNOWN:
            return self.dont_know_label
        if value is None:
            return self.null_label or "—"
        return f"{value:,}".replace(",", self.group_separator) + self.unit


class TextQuestion(_Question):
    """Free text, at most `max_length` characters. Optional unless it says otherwise."""

    kind: Literal["text"]
    max_length: int = Field(gt=0)
    required: bool = False

    def label_of(self, value: object) -> str:
        return value if isinstance(value, str) and value else "—"


Question = Annotated[
    ChoiceQuestion | MultiChoiceQuestion | BooleanQuestion | IntegerQuestion | TextQuestion,
    Field(discriminator="kind"),
]
AnyQuestion = (ChoiceQuestion | MultiChoiceQuestion | BooleanQuestion | IntegerQuestion
               | TextQuestion)


class Section(_Strict):
    """One page of the questionnaire."""

    id: str
    title: str
    intro: str
    questions: list[Question] = Field(min_length=1)

    def asked(self, answers: object) -> list[AnyQuestion]:
        """The questions of this section that are asked, given the answers (a dict by question
        id, absent meaning unanswered, or an answers object)."""
        return [q for q in self.questions if q.is_visible(answers)]


class Migration(_Strict):
    """What changed from `version - 1` to `version`, so answers saved before still open.

    `add`: new questions (unanswered in older answers); `remove`: questions dropped (their old
    answers are listed, not used); `rename`: {old id: new id}; `rename_values`: {question:
    {old value: new value}}; `split_values`: {question: {old value: [new values]}} (an old
    answer that was split is asked again).
    """

    version: int = Field(ge=2)
    note: str = Field(min_length=1)
    add: list[str] = []
    remove: list[str] = []
    rename: dict[str, str] = {}
    rename_values: dict[str, dict[str, str]] = {}
    split_values: dict[str, dict[str, list[str]]] = {}


class QuestionBank(_Strict):
    """Every section in order, the bank's version, and how older answers migrate."""

    version: int = Field(default=1, ge=1)
    sections: list[Section] = Field(min_length=1)
    migrations: list[Migration] = []
    name_question: str | None = None  # the text question that names the organisation

    @field_validator("migrations", mode="before")
    @classmethod
    def _none_yet(cls, value: object) -> object:
        return [] if value is None else value  # `migrations:` with nothing under it yet

    @model_validator(mode="after")
    def _check(self) -> QuestionBank:
        problems: list[str] = []
        seen: set[str] = set()
        for question in self.questions():
            if question.id in seen:
                problems.append(f"{question.id}: asked twice")
            if question.id in RESERVED_IDS:
                problems.append(f"{question.id}: reserved, choose another id")
            seen.add(question.id)
        for question in self.questions():
            problems += _question_problems(question, self)
        if self.name_question is not None and (
                self.name_question not in seen
                or self.by_id[self.name_question].kind != "text"):
            problems.append(f"name_question: {self.name_question!r} is not a text question")
        versions = [m.version for m in self.migrations]
        if versions != list(range(2, self.version + 1)):
            problems.append(f"migrations must be versions 2 to {self.version} in order, one "
                            f"each; found {versions}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def questions(self) -> list[AnyQuestion]:
        return [q for s in self.sections for q in s.questions]

    @cached_property
    def by_id(self) -> dict[str, AnyQuestion]:
        return {q.id: q for q in self.questions()}

    @cached_property
    def ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions())

    @cached_property
    def required(self) -> tuple[AnyQuestion, ...]:
        """The questions that must be answered whenever they are asked."""
        return tuple(q for q in self.questions() if q.required)

    @cached_property
    def completeness(self) -> tuple[tuple[str, ...],
                                    tuple[tuple[str, Callable[[object], bool], Predicate | None],
                                          ...]]:
        """How to find unanswered required questions fast, compiled once: the ids of those
        always asked and answered by any value (missing exactly when None), then, for the
        others, the id, whether a value answers it, and when it is asked (None: always)."""
        plain, general = [], []
        for q in self.required:
            if q.visible_when is None and q.is_answered(None):
                continue  # empty is an answer (say, "not latency-sensitive")
            if q.visible_when is None and q.is_answered(_ANY_VALUE.get(q.kind, 0)):
                plain.append(q.id)
            else:
                general.append((q.id, q.is_answered,
                                q.visible_when.compile() if q.visible_when else None))
        return tuple(plain), tuple(general)

    def organisation(self, answers: Lookup) -> str:
        """The organisation's name as answered (`name_question`), or "" when not given."""
        if self.name_question is None:
            return ""
        value = answers.get(self.name_question)
        return value if isinstance(value, str) else ""

    def question(self, question_id: str) -> AnyQuestion:
        return self.by_id[question_id]

    def section_of(self, question_id: str) -> Section:
        return next(s for s in self.sections if any(q.id == question_id for q in s.questions))

    def check_condition(self, condition: ConditionModel) -> list[str]:
        """Problems with a condition against this bank (unknown ids, values not allowed)."""
        return condition_problems(condition, self.by_id)


def _question_problems(question: AnyQuestion, bank: QuestionBank) -> list[str]:
    problems = []
    if question.visible_when is not None:
        problems += [f"{question.id}: visible_when: {p}"
                     for p in bank.check_condition(question.visible_when)]
    order = getattr(question, "strictness", None)
    if order is not None and sorted(map(str, order)) != sorted(map(str, question.choices())):
        problems.append(f"{question.id}: strictness must order exactly the values "
                        f"{list(question.choices())}")
    labels = [o.label for o in getattr(question, "options", [])]
    repeated = sorted({label for label in labels if labels.count(label) > 1})
    if repeated:  # a select box gives back the last option whose label matches
        problems.append(f"{question.id}: two options read the same: {', '.join(repeated)}")
    values = [o.value for o in getattr(question, "options", [])]
    if len(set(values)) < len(values):
        problems.append(f"{question.id}: two options have the same value")
    if isinstance(question, MultiChoiceQuestion) and question.min_selected > len(question.options):
        problems.append(f"{question.id}: min_selected is more than there are options")
    for floor in getattr(question, "suggest_at_least", []):
        problems += [f"{question.id}: suggest_at_least: {p}"
                     for p in bank.check_condition(floor.when)]
    if question.dont_know is not None and not _possible(question, question.dont_know.likely):
        problems.append(f"{question.id}: dont_know.likely {question.dont_know.likely!r} is not "
                        "an answer the question allows")
    return problems


def _possible(question: AnyQuestion, value: object) -> bool:
    if isinstance(question, IntegerQuestion):
        return (value is None and question.nullable) or (
            type(value) is int and question.min <= value <= question.max)
    if isinstance(question, MultiChoiceQuestion):
        return isinstance(value, list) and set(value) <= set(question.choices())
    return value in question.choices()


_ANY_VALUE = {"multi_choice": ("one",)}  # the least value of a kind that is not None


class AnswerView:
    """Lets a compiled condition read a plain dict of answers as attributes (absent: None)."""

    __slots__ = ("_answers",)

    def __init__(self, answers: Mapping[str, object]) -> None:
        self._answers = answers

    def __getattr__(self, name: str) -> object:
        return self._answers.get(name)


class BankError(ValueError):
    """A question bank that cannot be used; the message names the file and the field."""


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise BankError(f"{path.name}: not valid YAML: {exc}") from None


def _errors(where: str, exc: ValidationError) -> str:
    return "\n".join(f"{where}: {'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}"
                     for e in exc.errors(include_url=False))


def load_bank(directory: Path = BANK_DIR) -> QuestionBank:
    """The bank in a folder: `_bank.yaml` (version, migrations) and one file per section, in
    name order. BankError names each problem with its file."""
    meta_path = directory / META_FILE
    meta = _read_yaml(meta_path) if meta_path.exists() else {}
    if not isinstance(meta, dict):
        raise BankError(f"{META_FILE}: must be a mapping with `version` and `migrations`")
    files = sorted(p for p in directory.glob("*.yaml") if p.name != META_FILE)
    sections = []
    for path in files:
        try:
            sections.append(Section.model_validate(_read_yaml(path)))
        except ValidationError as exc:
            raise BankError(_errors(path.name, exc)) from None
    try:
        return QuestionBank.model_validate({**meta, "sections": sections})
    except ValidationError as exc:
        raise BankError(_errors(directory.name, exc)) from None


def example_documents(directory: Path = EXAMPLES_DIR) -> list[Document]:
    """The shipped example answers documents, in file name order. They carry the bank version
    they were written under and are read through the migrations like any saved answers."""
    return [json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(directory.glob("*.json"))]


@cache
def default_bank() -> QuestionBank:
    """The shipped bank (`BANK_DIR`), loaded once per process."""
    return load_bank(BANK_DIR)
