"""What the store refuses, with why (shown to the user as written)."""

from __future__ import annotations

from questions.text import check_text, message_of, said, without_direction_controls


class StorageLimit(ValueError):
    """Something too large or too many to save, with what and how large."""


def checked_text(text: str, what: str) -> str:
    """Text as the store keeps it: direction controls out, trimmed; StorageLimit naming `what`
    when it holds what cannot be stored (a lone surrogate, a NUL)."""
    try:
        return check_text(without_direction_controls(text).strip())
    except ValueError as exc:
        raise StorageLimit(said("the {what} {problem}", what=what,
                                problem=message_of(exc))) from None


CREATIONS = {"draft": said("draft"), "share": said("share"), "copy": said("copy"),
             "team": said("team"), "team answer": said("team answer")}


def creation(what: str) -> str:
    """What is being saved, in words a page can say in its language."""
    return CREATIONS.get(what, what)
