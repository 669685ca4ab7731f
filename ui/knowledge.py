"""The knowledge page: every fact with its quote and every rule as a readable table."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from logic.knowledge_base import DEFAULT_VERSION, Fact, KnowledgeBase, Rule, available_versions
from logic.wording import day_text, describe_condition
from ui.resources import bank, knowledge
from ui.text import plain


def _effect(rule: Rule, kb: KnowledgeBase) -> str:
    parts = []
    if rule.default:
        parts.append("verdict No action (baseline)")
    if rule.floor:
        parts.append(f"at least {kb.verdicts[rule.floor].label}")
    if rule.ceiling:
        parts.append(f"at most {kb.verdicts[rule.ceiling].label}")
    parts += [f"driver: {kb.drivers[d].label}" for d in rule.drivers]
    parts += [f"hard blocker: {kb.blockers[b].label}" for b in rule.blockers]
    parts += [f"caveat: {kb.blockers[c].label}" for c in rule.caveats]
    parts += [f"says {kb.drivers[d].label} does not apply" for d in rule.denies]
    if rule.when_verdict_at_least:
        parts.append(f"shown at {kb.verdicts[rule.when_verdict_at_least].label} or above")
    return "; ".join(parts) or "explains only"


def _source(fact: Fact) -> str:
    if fact.source is None:
        return "—"
    where = fact.source.where
    date = f", {fact.source.date}" if fact.source.date else ""
    note = f". {fact.note}" if fact.note else ""
    row = (f" Listed in the public record as {fact.source.record_row}."
           if fact.source.record_row else "")
    return f"{fact.source.title}. {fact.source.publisher}{date}. {where}{note}{row}"


def _status(fact: Fact, kb: KnowledgeBase, today: str) -> str:
    """When it was last checked, what it replaces, what replaced it, what is known since it
    ended."""
    parts = [f"checked {day_text(fact.checked)}" if fact.checked else
             f"checked {day_text(kb.checked_on)} with its version"]
    if fact.supersedes:
        parts.append("replaces " + ", ".join(fact.supersedes))
    replaced_by = [f.id for f in kb.facts if fact.id in f.supersedes]
    if replaced_by:
        parts.append("replaced in this version by " + ", ".join(replaced_by)
                     + ": no rule here rests on it")
    if fact.valid_until and fact.as_of(today) != fact.summary:
        parts.append(" ".join(fact.after_end.split()))
    return "; ".join(parts)


def rules_table(kb: KnowledgeBase) -> pd.DataFrame:
    """Each rule readably; a rule's sentence when an answer it reads was "Don't know", and
    what the top of a result says when it moves a verdict since the report, where it has them."""
    with_since = any(rule.since for rule in kb.rules)
    return pd.DataFrame([{
        "Rule": rule.id, "Title": rule.title,
        "When": describe_condition(rule.when, bank()),
        "Effect": _effect(rule, kb), "Why this kind": " ".join(rule.why_this_kind.split()),
        "Reason given": " ".join(rule.reason.split())
        + (f" If “Don't know”: {' '.join(rule.unknown_reason.split())}"
           if rule.unknown_reason else ""),
        **({"Said at the top since the report": " ".join(rule.since.split()) or "—"}
           if with_since else {}),
        "Facts": ", ".join(rule.facts),
    } for rule in kb.rules]).set_index("Rule")


def _steps(kb: KnowledgeBase) -> None:
    """The integer steps allowed to move a verdict two levels, and the words reasons may say
    only when the answers bear them out (both checked by `check-rules`)."""
    if kb.jumps_allowed:
        st.markdown("**Neighbouring answers allowed to move the verdict two levels** (any "
                    "other such step fails the rules check)")
        st.table(pd.DataFrame([{"Question": bank().question(j.q).label,
                                "Between": f"{j.between[0]} and {j.between[1]}",
                                "Why": " ".join(j.why.split())} for j in kb.jumps_allowed]))
    if kb.answer_claims:
        st.markdown("**Words a reason may say only when the answers bear them out**")
        st.table(pd.DataFrame([{"Words": c.words, "Only when": describe_condition(c.holds,
                                                                               bank())}
                               for c in kb.answer_claims]))


def _blockers_table(kb: KnowledgeBase) -> pd.DataFrame:
    return pd.DataFrame([{
        "Id": blocker, "Label": label.label, "Meaning": label.summary,
        "Whose": "your own position" if label.own_position else "undisclosed or unverified",
        "Hard in": ", ".join(r.id for r in kb.rules if blocker in r.blockers) or "—",
        "Caveat in": ", ".join(r.id for r in kb.rules if blocker in r.caveats) or "—",
    } for blocker, label in kb.blockers.items()]).set_index("Id")


def _assumptions(kb: KnowledgeBase) -> None:
    st.header("The tool's own assumptions")
    st.caption("Where the article gives no figure, these are the tool's choices, with the "
               "measured figures behind them. They are not from the article.")
    for item in kb.assumptions:
        st.markdown(f"**{item.id}. {plain(item.title)}**")
        st.markdown(plain(" ".join(item.text.split())))
        if item.figures:
            st.table(pd.DataFrame([{"Figure": f.figure, "Source": f.source,
                                    "Strength": f.strength} for f in item.figures]))


def knowledge_page() -> None:
    st.title("The knowledge behind the recommendation")
    versions = available_versions()
    version = st.selectbox(
        "Knowledge version", versions, index=versions.index(DEFAULT_VERSION), key="kb_version",
        format_func=lambda v: f"{v} (active)" if v == DEFAULT_VERSION else
        f"{v} ({knowledge(v).status})",
    )
    kb = knowledge(version)
    if kb.status == "hypothetical":
        st.warning(f"**Hypothetical version**, not a real report: {plain(kb.note)}",
                   icon=":material/science:")
    st.markdown(f"**Version** {kb.version} · **published** {kb.published} · **facts last "
                f"checked** {day_text(kb.checked_on)} · **status** {kb.status}")
    st.caption(kb.source)
    st.markdown(
        "**How the verdict is decided.** Rules are read top to bottom. A rule whose condition "
        "holds adds its drivers and blockers and may set a floor (the verdict is at least this) "
        "or a ceiling (at most this). The verdict is the highest floor, capped by the lowest "
        "ceiling. The last rule is the baseline: it applies whenever no rule raised the "
        "verdict, so every result has a reason. Relevance only raises the verdict; everything "
        "undisclosed or unverified only caps it."
    )
    st.header(f"Facts ({len(kb.facts)})")
    st.caption("Strength: primary (the company's own page, a filing, an official document), "
               "secondary (a news report quoting a primary), weak (context only: no rule rests "
               "on it).")
    today = datetime.now(UTC).date().isoformat()
    st.table(pd.DataFrame([{
        "Fact": f.id, "In short": " ".join(f.summary.split()), "Quote": f.quote,
        "Source": _source(f), "Strength": (f.strength or "—")
        + (" (context only)" if f.strength == "weak" else ""),
        "Status": _status(f, kb, today),
    } for f in kb.facts]).set_index("Fact"))
    st.header(f"Rules ({len(kb.rules)})")
    st.table(rules_table(kb))
    st.header("What holds a verdict back")
    st.caption("A hard blocker caps the verdict; a caveat shows beside it and lets a pilot go "
               "ahead. The same blocker can be hard under one rule and a caveat under another.")
    st.table(_blockers_table(kb))
    _assumptions(kb)
    _steps(kb)
    st.header("Questions for the account team")
    st.table(pd.DataFrame([{
        "Question": q.text, "Facts": ", ".join(q.facts),
        "Asked when": ", ".join([*(kb.drivers[d].label for d in q.when_drivers),
                                 *(kb.blockers[b].label for b in q.when_blockers),
                                 *([f"verdict {q.when_verdict_at_least} or higher"]
                                   if q.when_verdict_at_least else [])]),
    } for q in kb.open_questions]).set_index("Question"))
    with st.expander("Section scores: how each figure is made (the tool's assumptions)",
                     icon=":material/bar_chart:"):
        st.caption("The article gives no weights: every number below is the tool's assumption. "
                   "The verdict never reads the scores.")
        titles = {s.id: s.title for s in bank().sections}
        for section, spec in kb.scores.items():
            absent = ""
            if spec.not_applicable_when:
                absent = (" Not applicable when "
                          f"{describe_condition(spec.not_applicable_when, bank())}.")
            st.markdown(f"**{titles.get(section, section)}**: {plain(spec.measures)} Starts at "
                        f"{spec.base}, kept between 0 and {spec.most}"
                        f"{': ' + plain(spec.most_why) if spec.most < 100 else ''}.{absent}")
            st.table(pd.DataFrame([{"When": describe_condition(t.when, bank()), "Points": t.add}
                                   for t in spec.terms]))
