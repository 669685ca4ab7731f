"""Importing an answers file or a decision record into the questionnaire."""

from __future__ import annotations

import streamlit as st

from questions.answers import AnswersError
from storage.records import MAX_IMPORT_BYTES, read_import
from ui import state
from ui.i18n import tr
from ui.resources import store
from ui.text import plain

UPLOAD = "import_file"


def _on_upload() -> None:
    upload = st.session_state.get(UPLOAD)
    if upload is None:
        return
    try:
        imported = read_import(upload.getvalue(), store().seal_key)
    except AnswersError as exc:
        state.session().import_message = ("error", tr("Not imported: {problems}.", problems=plain(
            "; ".join(tr(line) for line in exc.lines()))))
        return
    state.load(imported.answers.values(), imported.notes, imported.upgrade)
    state.go(state.RESULT)
    checked = imported.record_seal
    kind = "warning" if checked is not None and not checked.intact else "success"
    state.session().import_message = (kind, (
        tr("Imported {name}.", name=plain(upload.name)) if checked is None else
        tr("Imported {name}. The decision record: {seal}", name=plain(upload.name),
           seal=tr(checked.message))))


def import_box() -> None:
    """The uploader and what became of the last upload."""
    st.file_uploader(
        tr("Import answers or a decision record"), type=["json"], key=UPLOAD, on_change=_on_upload,
        max_upload_size=max(1, round(MAX_IMPORT_BYTES / 1e6)),
        help=tr("A JSON answers file (as `python -m logic evaluate` reads) or a decision record "
                "downloaded from this app; at most {size} KB.",
                size=format(MAX_IMPORT_BYTES // 1000, ",")),
    )
    message = state.session().import_message
    if message:
        getattr(st, message[0])(message[1])


def import_notice() -> None:
    """The last import's outcome on the main page too (the sidebar is folded away on phones):
    above all a decision record changed after it was written."""
    message = state.session().import_message
    if message:
        getattr(st, message[0])(message[1], icon=":material/upload_file:")
