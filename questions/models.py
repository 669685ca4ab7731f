"""The question bank's shapes: sections of questions, one kind of question per widget."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from logic.conditions import Condition, Predicate


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    """One allowed value of a choice, with the words a person sees."""

    value: str
    label: str
    help: str = ""


class _Question(_Strict):
    id: str
    label: str = Field(min_length=1)
    help: str = Field(min_length=1)
    visible_when: Condition | None = None
    _visible: Predicate | None = PrivateAttr(default=None)

    def model_post_init(self, context: Any) -> None:
        if self.visible_when is not None:
            self._visible = self.visible_when.compile()

    def is_visible(self, answers: dict[str, Any]) -> bool:
        """Whether to ask this question, given the answers so far (a dict by question id)."""
        return self._visible is None or self._visible(_AnswerView(answers))


class ChoiceQuestion(_Question):
    """Pick one option."""

    kind: Literal["choice"]
    options: list[Option] = Field(min_length=2)
    default: str | None = None

    def label_of(self, value: Any) -> str:
        return next((o.label for o in self.options if o.value == value), str(value))


class MultiChoiceQuestion(_Question):
    """Pick any number of options (at least `min_selected`)."""

    kind: Literal["multi_choice"]
    options: list[Option] = Field(min_length=2)
    min_selected: int = 0
    default: list[str] | None = None

    def label_of(self, value: Any) -> str:
        labels = {o.value: o.label for o in self.options}
        return ", ".join(labels.get(v, str(v)) for v in value or []) or "None"


class BooleanQuestion(_Question):
    """Yes or no."""

    kind: Literal["boolean"]
    default: bool | None = None

    def label_of(self, value: Any) -> str:
        return {True: "Yes", False: "No"}.get(value, "—")


class IntegerQuestion(_Question):
    """A whole number in a range; `nullable` lets it be left empty, meaning `null_label`."""

    kind: Literal["integer"]
    min: int
    max: int
    step: int = 1
    nullable: bool = False
    null_label: str = ""
    default: int | None = None

    @model_validator(mode="after")
    def _range(self) -> IntegerQuestion:
        if self.min >= self.max:
            raise ValueError("min must be below max")
        if self.nullable and not self.null_label:
            raise ValueError("a nullable question needs a null_label saying what empty means")
        return self

    def label_of(self, value: Any) -> str:
        return self.null_label if value is None else f"{value:,}"


class TextQuestion(_Question):
    """Free text, at most `max_length` characters."""

    kind: Literal["text"]
    max_length: int = Field(gt=0)
    default: str | None = None

    def label_of(self, value: Any) -> str:
        return value or "—"


Question = Annotated[
    ChoiceQuestion | MultiChoiceQuestion | BooleanQuestion | IntegerQuestion | TextQuestion,
    Field(discriminator="kind"),
]


class Section(_Strict):
    """One page of the questionnaire."""

    id: str
    title: str
    intro: str
    questions: list[Question] = Field(min_length=1)


class QuestionBank(_Strict):
    """Every section in order; the loader checks it against the answers contract."""

    sections: list[Section]

    def questions(self) -> list[Any]:
        return [q for s in self.sections for q in s.questions]

    def question(self, question_id: str) -> Any:
        return next(q for q in self.questions() if q.id == question_id)


class _AnswerView:
    """Lets a compiled condition read a plain dict of answers as attributes."""

    __slots__ = ("_answers",)

    def __init__(self, answers: dict[str, Any]) -> None:
        self._answers = answers

    def __getattr__(self, name: str) -> Any:
        return self._answers.get(name)
