"""The shapes of values the contract passes around, named once (standard library only).

An answer is one `Value`; answers by question id are `Values`. Anything read from outside
(a file, a form, a database column) is `Document`-shaped or plain `object` until a pydantic
model or a check has said what it is: that is where `Any` would otherwise creep in.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TypeAlias

# One answer: a choice, a text or "unknown" (str), a number (int), yes or no (bool), several
# choices (a tuple in a validated model, a list in a document), None when not answered.
Value: TypeAlias = str | int | bool | tuple[str, ...] | list[str] | None
Values: TypeAlias = Mapping[str, Value]

# JSON as read or written: what a document, a stored column or an export holds.
Json: TypeAlias = "dict[str, Json] | list[Json] | str | int | float | bool | None"
Document: TypeAlias = dict[str, object]  # a JSON object not yet validated, or about to be written


def items_of(value: object) -> Collection[object]:
    """The items of a list answer (or of a test's list of values); none when it is absent or
    not a list."""
    return value if isinstance(value, list | tuple | set | frozenset) else ()
