"""The answers contract, generated from the question bank (questions.schema): one model per bank.

A choice question gives its allowed values, an integer its bounds, a multi-choice its values and
how many must be chosen, a text its length; a question marked `required` must be answered
whenever it is asked (its `visible_when` holds). Answers are frozen and hashable, so they can key
a cache as they are.

The stored and exported shape is the answers *document*: the answers by question id, plus
`bank_version` (the bank they were given under; absent means version 1, the original contract)
and, after a migration, `unanswered` (questions added since, not answered yet).
"""

from __future__ import annotations

import difflib
import itertools
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    field_validator,
)

from questions.schema import UNKNOWN, AnswerView, AnyQuestion, QuestionBank, default_bank
from questions.text import clean, message_of, said, without_direction_controls
from questions.values import Value

MAX_KEYS = 500  # keys in one answers document: far more than any bank asks
MAX_LIST_ITEMS = 200  # items in one list answer
MAX_PROBLEMS_SHOWN = 20  # problems listed in one message; the rest are counted
BANK_VERSION = "bank_version"
_PENDING = "_pending"
UNANSWERED = "unanswered"


class AnswersBase(BaseModel):
    """One organisation's answers; strict, so nothing is coerced or defaulted silently.
    Absent and unanswered questions read as None."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    # Questions added to the bank since these answers were given (see `unanswered`). Kept in
    # the instance dict beside the fields, not as a pydantic private attribute: those cost a
    # set-up on every validation, and nearly all answers have none.
    _NONE_PENDING: ClassVar[frozenset[str]] = frozenset()
    # Per question that offers "Don't know": the answer the verdict takes while it is unknown
    # (set on the bank's model by build_answers_model).
    likely_values: ClassVar[dict[str, object]] = {}
    # Per such question, the sentence a reason reading it carries while it is unknown.
    unknown_notes: ClassVar[dict[str, str]] = {}

    if TYPE_CHECKING:  # the fields are generated from the bank

        def __getattr__(self, name: str) -> Value: ...

    def get(self, question_id: str) -> Value:
        """The answer to a question, or None when it was not given."""
        return getattr(self, question_id, None)

    def values(self) -> dict[str, Value]:
        """The answers given, by question id, lists as lists (JSON-ready)."""
        return {k: list(v) if isinstance(v, tuple) else v
                for k, v in self.model_dump(exclude_none=True).items()}

    @property
    def unanswered(self) -> frozenset[str]:
        """Questions added to the bank since these answers were given, not answered yet."""
        pending = self.__dict__.get(_PENDING, self._NONE_PENDING)
        return frozenset(q for q in pending if self.get(q) is None)

    def document(self, bank: QuestionBank | None = None) -> dict[str, object]:
        """The stored and exported shape: the answers, the bank version they were given under,
        and any questions still unanswered since a migration."""
        doc: dict[str, object] = {BANK_VERSION: (bank or default_bank()).version, **self.values()}
        if self.unanswered:
            doc[UNANSWERED] = sorted(self.unanswered)
        return doc

    @property
    def unknowns(self) -> tuple[str, ...]:
        """The questions answered "Don't know" (`unknown`), in the bank's order."""
        return tuple(q for q in self.likely_values if self.__dict__.get(q) == UNKNOWN)

    def resolved(self) -> AnswersBase:
        """These answers with each "Don't know" at its most likely answer (what the verdict
        reads); the same object when nothing is unknown."""
        unknown = self.unknowns
        if not unknown:
            return self
        return self.replace(**{q: _as_tuple(self.likely_values[q]) for q in unknown})

    def replace(self, **changes: object) -> AnswersBase:
        """A copy with some answers changed (lists kept hashable)."""
        fixed = {k: tuple(v) if isinstance(v, list) else v for k, v in changes.items()}
        return self.model_copy(update=fixed)  # the instance dict, pending included, is copied


Answers = AnswersBase  # the type to annotate with; the bank's model subclasses it


def _as_tuple(value: object) -> object:
    """Lists are kept as tuples (hashable); an empty list is no items chosen, like absent."""
    if isinstance(value, list | tuple):
        return tuple(value) or None
    return value


def _blank_is_none(value: object) -> object:
    """Text answers lose direction controls (so no export carries them); blank is no answer."""
    if not isinstance(value, str):
        return value
    value = without_direction_controls(value)
    return value if value.strip() else None


def _no_duplicates(cls: type, values: tuple[str, ...] | None) -> tuple[str, ...] | None:
    if isinstance(values, tuple) and len(set(values)) != len(values):
        repeated = sorted(v for v, n in Counter(values).items() if n > 1)
        raise ValueError(said("lists {values} more than once", values=", ".join(repeated)))
    return values


def _field_type(question: AnyQuestion) -> object:
    """The type of one answer, by the question's kind, or "unknown" where the question offers
    "Don't know"; None always means not answered."""
    base = _kind_type(question)
    return base | Literal[UNKNOWN] if question.dont_know is not None else base  # type: ignore[valid-type]


def _kind_type(question: AnyQuestion) -> object:
    kind = question.kind
    if kind == "choice":
        return Literal[question.choices()] | None  # type: ignore[valid-type]
    if kind == "multi_choice":
        item = Literal[question.choices()]  # type: ignore[valid-type]
        return Annotated[tuple[item, ...] | None,  # type: ignore[valid-type]
                         BeforeValidator(_as_tuple)]
    if kind == "boolean":
        return bool | None
    if kind == "integer":
        return Annotated[int, Field(ge=question.min, le=question.max)] | None  # type: ignore[union-attr]
    return Annotated[Annotated[str, Field(max_length=question.max_length)] | None,  # type: ignore[union-attr]
                     BeforeValidator(_blank_is_none)]


_MODELS: dict[int, tuple[QuestionBank, type[AnswersBase]]] = {}


def answers_model(bank: QuestionBank) -> type[AnswersBase]:
    """The answers model of a bank, built once per bank object."""
    found = _MODELS.get(id(bank))
    if found is None or found[0] is not bank:
        found = _MODELS[id(bank)] = (bank, build_answers_model(bank))
    return found[1]


def build_answers_model(bank: QuestionBank) -> type[AnswersBase]:
    """The pydantic model for answers to this bank: every question optional at the type level
    (completeness is checked against `required` and `visible_when` by `parse_answers`)."""
    fields = {q.id: (_field_type(q), None) for q in bank.questions()}
    lists = [q.id for q in bank.questions() if q.kind == "multi_choice"]
    validators = {"_unique": field_validator(*lists)(_no_duplicates)} if lists else {}
    model: type[AnswersBase] = create_model(  # type: ignore[call-overload]
        "Answers", __base__=AnswersBase, __validators__=validators, **fields)
    model.likely_values = {q.id: q.dont_know.likely for q in bank.questions()
                           if q.dont_know is not None}
    model.unknown_notes = {
        q.id: f"You answered “Don't know” to “{q.label}”: this reads it as "
              f"“{q.label_of(q.dont_know.likely)}”, the most likely answer."
        for q in bank.questions() if q.dont_know is not None}
    return model


class AnswersError(ValueError):
    """Invalid answers: one human-readable problem per bad field."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(self.lines()))

    def lines(self, limit: int = MAX_PROBLEMS_SHOWN) -> list[str]:
        """`field: problem`, for at most `limit` fields, then how many more there are; field
        names cleaned for display (they may come from a file)."""
        shown: list[str] = [said("{field}: {problem}", field=clean(str(field))[:60],
                                 problem=message)
                            for field, message in itertools.islice(self.problems.items(), limit)]
        if len(self.problems) > limit:
            shown.append(said("and {n} more", n=format(len(self.problems) - limit, ",")))
        return shown


def _short(value: object) -> str:
    text = repr(value) if not isinstance(value, str) or len(value) < 100 else repr(value[:40])
    return text if len(text) <= 40 else text[:37] + "..."


# Pydantic's messages for the errors an edited answers file meets most, word for word, marked
# for the catalogue (said): the page says them in its language.
_INTEGER = said("Input should be a valid integer")
_BOOLEAN = said("Input should be a valid boolean")
_PYDANTIC_WORDS = {
    "less_than_equal": said("Input should be less than or equal to {le}"),
    "greater_than_equal": said("Input should be greater than or equal to {ge}"),
    "less_than": said("Input should be less than {lt}"),
    "greater_than": said("Input should be greater than {gt}"),
    "int_parsing": _INTEGER, "int_type": _INTEGER, "int_from_float": _INTEGER,
    "bool_parsing": _BOOLEAN, "bool_type": _BOOLEAN,
    "string_type": said("Input should be a valid string"),
    "string_too_long": said("String should have at most {max_length} characters"),
    "missing": said("Field required"),
}


def _describe(where: tuple[int | str, ...], kind: str, message: str,
              ctx: Mapping[str, object], given: object,
              ids: tuple[str, ...]) -> tuple[str, str]:
    """One of pydantic's errors (its place, type, message, context and input) in words."""
    loc = [str(part) for part in where]
    field = loc[0] if loc else "answers"
    if kind == "extra_forbidden":
        near = difflib.get_close_matches(field, ids, n=1) if len(field) <= 60 else []
        return field, (said("unknown question id (did you mean {near}?)", near=near[0]) if near
                       else said("unknown question id"))
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        message = said("{given} is not allowed; expected one of {expected}",
                       given=_short(given), expected=expected)
    if kind in _PYDANTIC_WORDS:  # pydantic's own words, as messages a page can say
        words = _PYDANTIC_WORDS[kind].template
        message = said(words, **{k: ctx[k] for k in ("le", "ge", "lt", "gt", "max_length")
                                 if "{" + k + "}" in words and k in ctx})
    if kind == "value_error":  # a validator's own message, said as it was worded
        cause = ctx.get("error")
        message = (message_of(cause) if isinstance(cause, ValueError)
                   else message.removeprefix("Value error, "))
    if kind == "string_unicode":  # pydantic's word for a lone surrogate in a str
        message = said("holds a lone surrogate ({first} to {last}), which is not a character",
                       first="\\ud800", last="\\udfff")
    if kind in ("tuple_type", "list_type"):
        message = said("must be a list of values")
    item = next((part for part in loc[1:] if part.isdigit()), None)
    if item is not None:
        message = said("item {n}: {problem}", n=int(item) + 1, problem=message)
    return field, message if len(message) <= 300 else message[:300]


def missing_answers(bank: QuestionBank, answers: Mapping[str, object] | AnswersBase,
                    pending: frozenset[str] = frozenset()) -> list[str]:
    """Required questions that are asked (given these answers) but not answered; `answers` is
    a dict by question id or an answers object."""
    if isinstance(answers, Mapping):
        values = dict(answers)
        view: object = AnswerView(values)
    else:
        values, view = vars(answers), answers
    plain, general = bank.completeness
    missing = [qid for qid in plain if values.get(qid) is None]
    missing += [qid for qid, answered, asked in general
                if not answered(values.get(qid)) and (asked is None or asked(view))]
    return [qid for qid in missing if qid not in pending] if pending and missing else missing


def _check_size(data: Mapping[str, object]) -> None:
    """Stop early, with one message, on documents no questionnaire produces."""
    if len(data) > MAX_KEYS:
        raise AnswersError({"answers": f"has {len(data):,} keys; an answers document has at "
                                       f"most {MAX_KEYS:,}"})
    for key, value in data.items():
        if isinstance(value, list | tuple) and len(value) > MAX_LIST_ITEMS:
            raise AnswersError({clean(str(key))[:60]: f"lists {len(value):,} items; at most "
                                                      f"{MAX_LIST_ITEMS:,}"})


def validate(data: Mapping[str, object], bank: QuestionBank | None = None, *,
             pending: frozenset[str] = frozenset()) -> AnswersBase:
    """Answers to the current bank (no document keys); AnswersError names every bad field.
    Questions in `pending` (added since the answers were given) may be unanswered."""
    bank = bank or default_bank()
    _check_size(data)
    problems: dict[str, str] = {}
    answers = None
    try:
        answers = answers_model(bank).model_validate(data if type(data) is dict else dict(data))
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            field, message = _describe(tuple(error["loc"]), error["type"], error["msg"],
                                       error.get("ctx") or {}, error.get("input"), bank.ids)
            if field in bank.by_id and bank.by_id[field].dont_know is not None:
                message = said("{problem}, or \"{unknown}\" for Don't know", problem=message,
                               unknown=UNKNOWN)
            problems.setdefault(field, message)
            if not error["loc"]:  # the document itself refused (a key that is not text): its
                raise AnswersError(problems) from None  # fields were not read: none known good
    given: Mapping[str, object] | AnswersBase = answers if answers is not None else {
        k: v for k, v in data.items() if k not in problems}
    for question in missing_answers(bank, given, pending):
        least = getattr(bank.question(question), "min_selected", 0)
        problems.setdefault(question, said("is required: choose at least {n}", n=least)
                            if least and question in data else said("is required"))
    if problems or answers is None:
        raise AnswersError(problems)
    if pending:
        answers.__dict__[_PENDING] = pending
    return answers
