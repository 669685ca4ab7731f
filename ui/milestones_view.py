"""The manage page's milestones: save the assessment as it is now under a name, list the
milestones (each with its PDF), and compare any two, or one with now, side by side."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import partial

import streamlit as st

from logic.assessment import Assessment
from logic.knowledge_base import DEFAULT_VERSION
from logic.milestones import compare_points
from report.build import build_pdf, file_name
from report.history import answer_change, moved_by, note_change, reason_moved, when
from storage import StorageLimit
from storage.history import Entry, Frozen, differences
from storage.records import decision_record
from ui import language
from ui.banner import show_verdict
from ui.history_view import point_of
from ui.i18n import tr, why
from ui.resources import bank, store
from ui.text import plain

NAME_KEY, NOTE_KEY = "milestone_name", "milestone_note"
NOW = 0  # the comparison's choice for the assessment as it is now (milestone ids start at 1)


def _save(token: str, entry: Entry) -> None:
    """Freeze the point the page showed as a milestone named as typed; say how it went."""
    name = st.session_state.get(NAME_KEY, "")
    point = point_of(entry, DEFAULT_VERSION)
    if isinstance(point, str):
        st.session_state[NOTE_KEY] = ("error", tr("Nothing saved: the assessment is {state}.",
                                                  state=point))
        return
    verdict = point[0].recommendation.verdict
    try:
        saved = store().save_milestone(token, name, entry.entry_id,
                                       knowledge_version=DEFAULT_VERSION, verdict=verdict)
    except StorageLimit as exc:
        st.session_state[NOTE_KEY] = ("error", tr("Nothing saved: {reason}.", reason=why(exc)))
        return
    if saved is None:
        st.session_state[NOTE_KEY] = ("error", tr("Nothing saved: this manage link no longer "
                                                  "opens an assessment."))
        return
    st.session_state[NAME_KEY] = ""
    st.session_state[NOTE_KEY] = ("success", tr(
        "Milestone “{name}” saved: {verdict} under {version}.", name=saved.name,
        verdict=point[0].knowledge.verdicts[verdict].label, version=DEFAULT_VERSION))


def _pdf(assessment: Assessment) -> bytes:
    return build_pdf(assessment, generated_at=datetime.now(UTC))


def _listed(milestone: Frozen) -> None:
    point = point_of(milestone.point, milestone.knowledge_version)
    with st.container(border=True, key=f"milestone_{milestone.milestone_id}"):
        text, action = st.columns([3, 2], vertical_alignment="center")
        label = (point[0].knowledge.verdicts[milestone.verdict].label
                 if not isinstance(point, str) else milestone.verdict)
        text.markdown(f"**{plain(milestone.name)}**  \n" + tr(
            "Saved {when}: **{verdict}** under {version}.",
            when=when(milestone.created_at, language.current()), verdict=label,
            version=milestone.knowledge_version))
        if not isinstance(point, str):
            slug = file_name(point[0].answers, milestone.created_at)
            action.download_button(
                tr("PDF of this milestone"), data=partial(_pdf, point[0]),
                file_name=slug.replace(".pdf", f"-milestone-{milestone.milestone_id}.pdf"),
                mime="application/pdf", key=f"milestone_pdf_{milestone.milestone_id}",
                icon=":material/picture_as_pdf:", on_click="ignore",
                help=tr("The recommendation report for the answers, notes and knowledge "
                        "version this milestone froze."))


def milestones_panel(token: str, entries: list[Entry]) -> None:
    st.markdown("## " + tr("Milestones"))
    st.caption(tr("A milestone freezes the answers, notes, knowledge version and verdict as "
                  "they are now, under a name, to compare later. Milestones are never changed."))
    note = st.session_state.pop(NOTE_KEY, None)
    if note:
        (st.success if note[0] == "success" else st.error)(plain(note[1]))
    if entries:
        name, button = st.columns([3, 2], vertical_alignment="bottom")
        name.text_input(tr("Name of the milestone"), key=NAME_KEY, max_chars=80,
                        placeholder=tr("Board, January"),
                        help=tr("Say what it was for: a board meeting, a review, a contract "
                                "date."))
        button.button(tr("Save a milestone"), key="save_milestone", icon=":material/flag:",
                      on_click=_save, args=(token, entries[-1]), width="stretch")
    frozen = store().milestones(token)
    if not frozen:
        st.caption(tr("No milestone yet."))
        return
    for milestone in reversed(frozen):
        _listed(milestone)
    _record_download(frozen, entries[-1] if entries else None)
    _compare(frozen, entries[-1] if entries else None)


def _record(assessment: Assessment, frozen: list[Frozen]) -> str:
    record = decision_record(assessment.answers, assessment.note_map, assessment.recommendation,
                             created_at=datetime.now(UTC), key=store().seal_key, bank=bank(),
                             milestones=frozen)
    return json.dumps(record, indent=2, ensure_ascii=False)


def _record_download(frozen: list[Frozen], now: Entry | None) -> None:
    """The decision record of the assessment as it is now, with every milestone in it."""
    point = point_of(now, DEFAULT_VERSION) if now is not None else "not saved yet"
    if isinstance(point, str):
        return
    st.download_button(
        tr("Decision record with {n} milestone (JSON)", n=len(frozen)) if len(frozen) == 1
        else tr("Decision record with {n} milestones (JSON)", n=len(frozen)),
        data=partial(_record, point[0], frozen), file_name="decision-record-milestones.json",
        mime="application/json", key="milestones_record", icon=":material/verified:",
        on_click="ignore",
        help=tr("The assessment as it is now and every milestone (answers, notes, knowledge "
                "version, verdict), sealed under this deployment's key."))


def _choice(frozen: list[Frozen], now: Entry | None) -> dict[int, tuple[str, Entry, str]]:
    """Each thing to compare: (its name, its point, the knowledge version to read it under)."""
    out = {m.milestone_id: (m.name, m.point, m.knowledge_version) for m in frozen}
    if now is not None:
        out[NOW] = (tr("Now (the draft as it is)"), now, DEFAULT_VERSION)
    return out


def _compare(frozen: list[Frozen], now: Entry | None) -> None:
    choices = _choice(frozen, now)
    if len(choices) < 2:
        return
    st.markdown("### " + tr("Compare two milestones"))
    ids = list(choices)
    # the newest milestone against now; when nothing changed since it, the two newest
    unchanged = now is not None and now.entry_id == frozen[-1].point.entry_id
    to_index = len(ids) - (2 if unchanged and len(frozen) > 1 else 1)
    left, right = st.columns(2)
    first = left.selectbox(tr("From"), ids, index=max(0, to_index - 1), key="milestone_from",
                           format_func=lambda i: choices[i][0])
    second = right.selectbox(tr("To"), ids, index=to_index, key="milestone_to",
                             format_func=lambda i: choices[i][0])
    one = point_of(choices[first][1], choices[first][2])
    two = point_of(choices[second][1], choices[second][2])
    if isinstance(one, str) or isinstance(two, str):
        st.info(tr("One of them has no verdict: {reason}",
                   reason=one if isinstance(one, str) else str(two)))
        return
    lang = language.current()
    compared = compare_points((one[0].answers, one[0].knowledge),
                              (two[0].answers, two[0].knowledge), lang)
    for column, assessment, slot, choice in ((left, compared.first, "from", first),
                                             (right, compared.second, "to", second)):
        with column:
            kb = assessment.knowledge
            show_verdict(assessment.recommendation.verdict,
                         tr("{name}, under {version}", name=plain(choices[choice][0]),
                            version=kb.version),
                         kb.verdicts[assessment.recommendation.verdict].label,
                         assessment.band.sentence if assessment.band else
                         tr("No “Don't know” answers."), f"milestone_{slot}")
    st.markdown(f"**{moved_by(compared, lang)}**")
    point_one, point_two = choices[first][1], choices[second][1]
    answers = [answer_change(bank(), d, lang) for d in differences(point_one.answers,
                                                                   point_two.answers)]
    notes = [note_change(bank(), d, lang)
             for d in differences(point_one.notes, point_two.notes)]
    none = tr("None.")
    st.markdown("**" + tr("Answers changed") + "**")
    st.markdown("\n".join(f"- {plain(a)}" for a in answers + notes) if answers or notes
                else none)
    st.markdown("**" + tr("Reasons added") + "**")
    st.markdown("\n".join(f"- {plain(reason_moved(r, lang))}" for r in compared.reasons_added)
                or none)
    st.markdown("**" + tr("Reasons removed") + "**")
    st.markdown("\n".join(f"- {plain(reason_moved(r, lang))}"
                          for r in compared.reasons_removed) or none)
