"""The knowledge page: every fact with its quote and every rule as a readable table."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from i18n import marked
from logic.knowledge_base import DEFAULT_VERSION, Fact, KnowledgeBase, Rule, available_versions
from logic.wording import STATUSES, STRENGTHS, day_text, describe_condition, source_where
from ui import language
from ui.i18n import tr
from ui.resources import bank, knowledge
from ui.text import plain


def _effect(rule: Rule, kb: KnowledgeBase) -> str:
    parts = []
    if rule.default:
        parts.append(tr("verdict {verdict} (baseline)", verdict=kb.verdicts["no_action"].label))
    if rule.floor:
        parts.append(tr("at least {verdict}", verdict=kb.verdicts[rule.floor].label))
    if rule.ceiling:
        parts.append(tr("at most {verdict}", verdict=kb.verdicts[rule.ceiling].label))
    parts += [tr("driver: {label}", label=kb.drivers[d].label) for d in rule.drivers]
    parts += [tr("hard blocker: {label}", label=kb.blockers[b].label) for b in rule.blockers]
    parts += [tr("caveat: {label}", label=kb.blockers[c].label) for c in rule.caveats]
    parts += [tr("says {label} does not apply", label=kb.drivers[d].label) for d in rule.denies]
    if rule.when_verdict_at_least:
        parts.append(tr("shown at {verdict} or above",
                        verdict=kb.verdicts[rule.when_verdict_at_least].label))
    return "; ".join(parts) or tr("explains only")


def _source(fact: Fact) -> str:
    if fact.source is None:
        return "—"
    where = source_where(fact.source.address, fact.source.shipped, language.current())
    date = f", {fact.source.date}" if fact.source.date else ""
    note = f". {fact.note}" if fact.note else ""
    row = (" " + tr("Listed in the public record as {row}.", row=fact.source.record_row)
           if fact.source.record_row else "")
    return f"{fact.source.title}. {fact.source.publisher}{date}. {where}{note}{row}"


def _status(fact: Fact, kb: KnowledgeBase, today: str) -> str:
    """When it was last checked, what it replaces, what replaced it, what is known since it
    ended."""
    lang = language.current()
    parts = [tr("checked {day}", day=day_text(fact.checked, lang)) if fact.checked else
             tr("checked {day} with its version", day=day_text(kb.checked_on, lang))]
    if fact.supersedes:
        parts.append(tr("replaces {facts}", facts=", ".join(fact.supersedes)))
    replaced_by = [f.id for f in kb.facts if fact.id in f.supersedes]
    if replaced_by:
        parts.append(tr("replaced in this version by {facts}: no rule here rests on it",
                        facts=", ".join(replaced_by)))
    if fact.valid_until and fact.as_of(today) != fact.summary:
        parts.append(" ".join(fact.after_end.split()))
    return "; ".join(parts)


def rules_table(kb: KnowledgeBase) -> pd.DataFrame:
    """Each rule readably; a rule's sentence when an answer it reads was "Don't know", and
    what the top of a result says when it moves a verdict since the report, where it has them."""
    with_since = any(rule.since for rule in kb.rules)
    lang = language.current()
    heads = {k: tr(v) for k, v in RULE_HEADS.items()}
    return pd.DataFrame([{
        heads["rule"]: rule.id, heads["title"]: rule.title,
        heads["when"]: describe_condition(rule.when, bank(), lang),
        heads["effect"]: _effect(rule, kb),
        heads["kind"]: " ".join(rule.why_this_kind.split()),
        heads["reason"]: " ".join(rule.reason.split())
        + (" " + tr("If “{unknown}”: {reason}", unknown=dont_know(),
                    reason=" ".join(rule.unknown_reason.split()))
           if rule.unknown_reason else ""),
        **({heads["since"]: " ".join(rule.since.split()) or "—"} if with_since else {}),
        heads["facts"]: ", ".join(rule.facts),
    } for rule in kb.rules]).set_index(heads["rule"])


RULE_HEADS = {"rule": marked("Rule"), "title": marked("Title"), "when": marked("When"),
              "effect": marked("Effect"), "kind": marked("Why this kind"),
              "reason": marked("Reason given"),
              "since": marked("Said at the top since the report"), "facts": marked("Facts")}


def dont_know() -> str:
    """The "Don't know" box's words in the page's language."""
    return next((q.dont_know_label for q in bank().questions()), "Don't know")


def _steps(kb: KnowledgeBase) -> None:
    """The integer steps allowed to move a verdict two levels, and the words reasons may say
    only when the answers bear them out (both checked by `check-rules`)."""
    if kb.jumps_allowed:
        st.markdown("**" + tr("Neighbouring answers allowed to move the verdict two levels")
                    + "** " + tr("(any other such step fails the rules check)"))
        question, between, why = tr("Question"), tr("Between"), tr("Why")
        st.table(pd.DataFrame([{question: bank().question(j.q).label,
                                between: tr("{low} and {high}", low=j.between[0],
                                            high=j.between[1]),
                                why: " ".join(j.why.split())} for j in kb.jumps_allowed]))
    if kb.answer_claims:
        st.markdown("**" + tr("Words a reason may say only when the answers bear them out")
                    + "**")
        words, only = tr("Words (in the knowledge's own language)"), tr("Only when")
        st.table(pd.DataFrame([{words: c.words,
                                only: describe_condition(c.holds, bank(), language.current())}
                               for c in kb.answer_claims]))


def _blockers_table(kb: KnowledgeBase) -> pd.DataFrame:
    return pd.DataFrame([{
        "Id": blocker, tr("Label"): label.label, tr("Meaning"): label.summary,
        tr("Whose"): tr("your own position") if label.own_position
        else tr("undisclosed or unverified"),
        tr("Hard in"): ", ".join(r.id for r in kb.rules if blocker in r.blockers) or "—",
        tr("Caveat in"): ", ".join(r.id for r in kb.rules if blocker in r.caveats) or "—",
    } for blocker, label in kb.blockers.items()]).set_index("Id")


def _assumptions(kb: KnowledgeBase) -> None:
    st.header(tr("The tool's own assumptions"))
    st.caption(tr("Where the article gives no figure, these are the tool's choices, with the "
                  "measured figures behind them. They are not from the article."))
    for item in kb.assumptions:
        st.markdown(f"**{item.id}. {plain(item.title)}**")
        st.markdown(plain(" ".join(item.text.split())))
        if item.figures:
            figure, source, strength = tr("Figure"), tr("Source"), tr("Strength")
            st.table(pd.DataFrame([{figure: f.figure, source: f.source,
                                    strength: tr(STRENGTHS[f.strength])}
                                   for f in item.figures]))


def knowledge_page() -> None:
    lang = language.current()
    st.title(tr("The knowledge behind the recommendation"))
    versions = available_versions()
    statuses = {k: tr(v) for k, v in STATUSES.items()}
    version = st.selectbox(
        tr("Knowledge version"), versions, index=versions.index(DEFAULT_VERSION),
        key="kb_version",
        format_func=lambda v: f"{v} ({statuses['active']})" if v == DEFAULT_VERSION else
        f"{v} ({statuses.get(knowledge(v).status, knowledge(v).status)})",
    )
    kb = knowledge(version, lang)
    if kb.status == "hypothetical":
        st.warning(tr("**Hypothetical version**, not a real report: {note}",
                      note=plain(kb.note)), icon=":material/science:")
    st.markdown(tr("**Version** {version} · **published** {published} · **facts last "
                   "checked** {day} · **status** {status}", version=kb.version,
                   published=day_text(kb.published, lang), day=day_text(kb.checked_on, lang),
                   status=statuses.get(kb.status, kb.status)))
    st.caption(kb.source)
    st.markdown(tr(
        "**How the verdict is decided.** Rules are read top to bottom. A rule whose condition "
        "holds adds its drivers and blockers and may set a floor (the verdict is at least this) "
        "or a ceiling (at most this). The verdict is the highest floor, capped by the lowest "
        "ceiling. The last rule is the baseline: it applies whenever no rule raised the "
        "verdict, so every result has a reason. Relevance only raises the verdict; everything "
        "undisclosed or unverified only caps it."))
    st.header(tr("Facts ({n})", n=len(kb.facts)))
    st.caption(tr("Strength: primary (the company's own page, a filing, an official document), "
                  "secondary (a news report quoting a primary), weak (context only: no rule "
                  "rests on it)."))
    today = datetime.now(UTC).date().isoformat()
    fact_head = tr("Fact")
    st.table(pd.DataFrame([{
        fact_head: f.id, tr("In short"): " ".join(f.summary.split()),
        tr("Quote"): f.quote + (f" [{f.quote_translation}]" if f.quote_translation else ""),
        tr("Source"): _source(f), tr("Strength"): (tr(STRENGTHS[f.strength]) if f.strength
                                                  else "—")
        + (" " + tr("(context only)") if f.strength == "weak" else ""),
        tr("Status"): _status(f, kb, today),
    } for f in kb.facts]).set_index(fact_head))
    st.header(tr("Rules ({n})", n=len(kb.rules)))
    st.table(rules_table(kb))
    st.header(tr("What holds a verdict back"))
    st.caption(tr("A hard blocker caps the verdict; a caveat shows beside it and lets a pilot "
                  "go ahead. The same blocker can be hard under one rule and a caveat under "
                  "another."))
    st.table(_blockers_table(kb))
    _assumptions(kb)
    _steps(kb)
    st.header(tr("Questions for the account team"))
    question = tr("Question")
    st.table(pd.DataFrame([{
        question: q.text, tr("Facts"): ", ".join(q.facts),
        tr("Asked when"): ", ".join([*(kb.drivers[d].label for d in q.when_drivers),
                                     *(kb.blockers[b].label for b in q.when_blockers),
                                     *([tr("verdict {verdict} or higher",
                                           verdict=kb.verdicts[q.when_verdict_at_least].label)]
                                       if q.when_verdict_at_least else [])]),
    } for q in kb.open_questions]).set_index(question))
    with st.expander(tr("Section scores: how each figure is made (the tool's assumptions)"),
                     icon=":material/bar_chart:"):
        st.caption(tr("The article gives no weights: every number below is the tool's "
                      "assumption. The verdict never reads the scores."))
        titles = {s.id: s.title for s in bank().sections}
        when, points = tr("When"), tr("Points")
        for section, spec in kb.scores.items():
            absent = ""
            if spec.not_applicable_when:
                absent = " " + tr("Not applicable when {condition}.", condition=describe_condition(
                    spec.not_applicable_when, bank(), lang))
            most = (": " + plain(spec.most_why)) if spec.most < 100 else ""
            st.markdown(f"**{titles.get(section, section)}**: {plain(spec.measures)} "
                        + tr("Starts at {base}, kept between 0 and {most}", base=spec.base,
                             most=spec.most) + f"{most}.{absent}")
            st.table(pd.DataFrame([{when: describe_condition(t.when, bank(), lang),
                                    points: t.add} for t in spec.terms]))
