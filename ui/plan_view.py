"""The manage page's action plan: each next action with its owner, due date, status and note
(set in a small form per action), the actions an answer change or a new knowledge version
settled, an answer recorded from the account team, and the plan as CSV and iCalendar."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Protocol

import streamlit as st

from access.policy import label_of
from logic.assessment import Assessment
from logic.knowledge_base import DEFAULT_VERSION
from logic.wording import day_text
from questions.schema import UNKNOWN, IntegerQuestion
from report.plan import STATUS_WORDS, PlanItem, plan_csv, plan_ics, plan_items
from storage import StorageLimit
from storage.history import Entry
from storage.plan import STATUSES, Planned
from ui import language, signin
from ui.history_view import point_of
from ui.i18n import tr, why
from ui.resources import bank, store
from ui.team.common import teams
from ui.text import plain

NOTE_KEY = "plan_note"
ACCOUNT_TEAM = "the account team"


def _slug(key: str) -> str:
    return key.replace(":", "_")


class _Saver(Protocol):
    """A store's `plan_action`: an assessment's or a team's."""

    def __call__(self, token: str, key: str, /, *, owner: str | None, due: date | None,
                 status: str, note: str | None, knowledge_version: str,
                 by: str | None = None) -> Planned | None: ...


def _saver(team: bool) -> _Saver:
    return teams().plan_action if team else store().plan_action


def _by() -> str | None:
    """Who is changing the plan, when they are signed in."""
    return label_of(signin.person())


def _save(token: str, key: str, team: bool = False) -> None:
    slug = _slug(key)
    get = st.session_state.get
    try:
        saved = _saver(team)(
            token, key, owner=get(f"plan_owner_{slug}") or None, due=get(f"plan_due_{slug}"),
            status=get(f"plan_status_{slug}", "open"), note=get(f"plan_text_{slug}") or None,
            knowledge_version=DEFAULT_VERSION, by=_by())
    except StorageLimit as exc:
        st.session_state[NOTE_KEY] = ("error", tr("Not saved: {reason}.", reason=why(exc)))
        return
    st.session_state[NOTE_KEY] = (("success", tr("Saved to the plan.")) if saved else
                                  ("error", tr("Not saved: this manage link opens nothing.")))


def _record(token: str, key: str, question_id: str) -> None:
    """The account team's answer to the question to settle first, taken into the draft."""
    slug = _slug(key)
    value = st.session_state.get(f"plan_answer_{slug}")
    if value is None:
        st.session_state[NOTE_KEY] = ("error", tr("Nothing recorded: choose the answer first."))
        return
    owner = st.session_state.get(f"plan_owner_{slug}") or None
    source = f"{ACCOUNT_TEAM}, recorded by {owner}" if owner else ACCOUNT_TEAM
    try:
        saved = store().record_answer(token, question_id, value, source=source, who=_by())
        if saved is not None:
            store().plan_action(token, key, owner=owner, due=st.session_state.get(
                f"plan_due_{slug}"), status="answered",
                note=st.session_state.get(f"plan_text_{slug}") or None,
                knowledge_version=DEFAULT_VERSION, by=_by())
    except StorageLimit as exc:
        st.session_state[NOTE_KEY] = ("error", tr("Nothing recorded: {reason}.",
                                                  reason=why(exc)))
        return
    label = bank().question(question_id).label
    st.session_state[NOTE_KEY] = (
        ("success", tr("Recorded “{question}” from the account team: the draft has the "
                       "answer now, and its history says where it came from.",
                       question=label)) if saved else
        ("error", tr("Nothing recorded: this share was not made from a draft.")))


def _answer_widget(slug: str, question_id: str) -> bool:
    """The answer to record, in the question's own options; False when it has none."""
    question = bank().question(question_id)
    label = tr("The account team's answer to “{question}”", question=question.label)
    choices = tuple(c for c in question.choices() if c != UNKNOWN)
    key = f"plan_answer_{slug}"
    if question.kind in ("choice", "boolean"):
        st.selectbox(label, choices, index=None, key=key, format_func=question.label_of)
    elif isinstance(question, IntegerQuestion):
        st.number_input(label, min_value=question.min, max_value=question.max, value=None,
                        key=key)
    else:
        return False
    return True


def _form(token: str, item: PlanItem, can_record: bool, team: bool) -> None:
    key, state, slug = item.point.key, item.state, _slug(item.point.key)
    st.text_input(tr("Owner"), value=state.owner or "" if state else "",
                  key=f"plan_owner_{slug}", max_chars=80, placeholder=tr("Who is on it"))
    st.date_input(tr("Due"), value=state.due if state else None, key=f"plan_due_{slug}",
                  min_value=date(2000, 1, 1), max_value=date(2100, 12, 31), format="YYYY-MM-DD")
    st.selectbox(tr("Status"), STATUSES, index=STATUSES.index(state.status) if state else 0,
                 key=f"plan_status_{slug}", format_func=lambda s: tr(STATUS_WORDS[s]))
    st.text_area(tr("Note"), value=state.note or "" if state else "", key=f"plan_text_{slug}",
                 max_chars=2000, height=80)
    st.button(tr("Save to the plan"), key=f"plan_save_{slug}", type="primary",
              on_click=_save, args=(token, key, team))
    if item.point.kind == "settle" and item.point.question and can_record:
        st.divider()
        if _answer_widget(slug, item.point.question):
            st.button(tr("Record the account team's answer"), key=f"plan_record_{slug}",
                      on_click=_record, args=(token, key, item.point.question),
                      help=tr("Takes the answer into the draft, as an answer change whose "
                              "history entry says it came from the account team."))


def _row(token: str | None, item: PlanItem, can_record: bool, team: bool) -> None:
    with st.container(border=True, key=f"plan_{_slug(item.point.key)}"):
        text, action = st.columns([3, 1], vertical_alignment="center")
        state = item.state
        facts = [item.status]
        if state and state.owner:
            facts.append(tr("owner {owner}", owner=plain(state.owner)))
        if state and state.due:
            facts.append(tr("due {day}", day=day_text(state.due.isoformat(),
                                                      language.current())))
        if state and state.by:
            facts.append(tr("last changed by {who}", who=plain(state.by)))
        text.markdown(f"{item.kind}  \n**{plain(item.point.text)}**  \n"
                      + ", ".join(facts) + ".")
        if state and state.note:
            text.caption(plain(state.note))
        if item.settled is None and token is not None:
            with action.popover(tr("Plan…"), icon=":material/assignment_ind:"):
                _form(token, item, can_record, team)


def plan_panel(token: str, entries: list[Entry], can_record: bool) -> None:
    """The plan of the assessment behind a manage link, as it is now (its newest entry)."""
    st.markdown("## " + tr("Action plan"))
    point = point_of(entries[-1], DEFAULT_VERSION) if entries else tr("not saved yet")
    if isinstance(point, str):
        st.caption(tr("The plan comes with a verdict; the assessment is {state}.",
                      state=point))
        return
    lay_out(point[0], store().plan(token), token, can_record=can_record)


def lay_out(assessment: Assessment, planned: dict[str, Planned], token: str | None, *,
            can_record: bool = False, team: bool = False, scope: str | None = None) -> None:
    """The plan's points with their state, and its downloads. `token`: the manage link that
    may change it (None: read-only, as on a team's read-only view); `team`: a team's plan."""
    items = plan_items(assessment, planned)
    note = st.session_state.pop(NOTE_KEY, None)
    if note:
        (st.success if note[0] == "success" else st.error)(plain(note[1]))
    if not items:
        st.caption(tr("Nothing to do: no next action for these answers."))
        return
    st.caption(tr("Each next action as things stand, with who is on it and by when. An action "
                  "that an answer change or a new knowledge version settles closes by itself. "
                  "Every change to the plan is kept.")
               + ("" if token else " " + tr("Only the manage link changes the plan.")))
    for item in items:
        _row(token, item, can_record, team)
    stamp = datetime.now(UTC)
    digest = hashlib.sha256((scope or token or "plan").encode()).hexdigest()[:16]
    title = assessment.organisation or tr("this assessment")
    csv_part, ics_part = st.columns(2)
    csv_part.download_button(tr("Plan (CSV)"), data=plan_csv(items), file_name="action-plan.csv",
                             mime="text/csv", key="plan_csv", icon=":material/table:",
                             on_click="ignore", width="stretch")
    ics_part.download_button(
        tr("Due dates (iCalendar)"), data=plan_ics(items, title, stamp, digest),
        file_name="action-plan.ics", mime="text/calendar", key="plan_ics",
        icon=":material/event:", on_click="ignore", width="stretch",
        help=tr("One all-day event per open action with a due date, for your calendar."))
