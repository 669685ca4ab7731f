"""Who is signed in, for the pages: Streamlit's OpenID Connect sign-in (`st.login`, `st.user`,
`st.logout`, configured by an `[auth]` section in .streamlit/secrets.toml) or, behind a
company proxy that signs people in itself, the headers it sets (`server.trustedUserHeaders`).
Without either, nobody is ever signed in and nothing asks them to be (docs/sign-in.md)."""

from __future__ import annotations

import logging
import os
from functools import cache

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from access import Person, Policy, person_from_claims, policy_from_env
from access.policy import SettingError
from ui.i18n import tr
from ui.text import plain

LOG = logging.getLogger(__name__)


@cache  # a plain cache: asked several times a rerun (bench/rerun.py)
def _settings() -> tuple[bool, Policy | None, str]:
    """(OpenID Connect configured, the policy or None, the message when a setting is wrong),
    read once per process."""
    try:
        oidc = "auth" in st.secrets
    except StreamlitSecretNotFoundError:  # no secrets file at all: no sign-in
        oidc = False
    except Exception:  # noqa: BLE001 - an unreadable secrets file: no sign-in, and a log line
        LOG.warning("secrets not readable; sign-in is off", exc_info=True)
        oidc = False
    try:
        return oidc, policy_from_env(os.environ), ""
    except SettingError as exc:
        return oidc, None, str(exc)


@cache
def _headers_mode() -> bool:
    """Whether the server maps a proxy's headers into st.user (set when it starts)."""
    return bool(st.get_option("server.trustedUserHeaders"))


def available() -> bool:
    """Whether anyone can be signed in on this deployment."""
    return _settings()[0] or _headers_mode()


def policy() -> Policy:
    """The deployment's policy; a wrong setting stops the page with a message naming it."""
    _, found, message = _settings()
    if found is None:
        st.error(tr("The sign-in settings cannot be read: {reason}.", reason=message))
        st.stop()
    return found


def _claimed() -> Person | None:
    """Whoever the sign-in or the proxy's headers say this is, domain or not."""
    if not available():
        return None
    claims = dict(st.user.to_dict())
    if claims.get("is_logged_in") is True or (_headers_mode() and "is_logged_in" not in claims):
        return person_from_claims(claims)
    return None


def person() -> Person | None:
    """The signed-in person this deployment admits (None: nobody, or an address outside the
    allowed domains)."""
    claimed = _claimed()
    return claimed if policy().admits(claimed) else None


def sidebar() -> None:
    """Who is signed in, and the button to sign in or out (nothing without sign-in)."""
    if not available():
        return
    claimed = _claimed()
    if claimed is not None and policy().admits(claimed):
        st.caption(tr("Signed in as **{who}**.", who=plain(claimed.label)))
        if _settings()[0] and st.user.to_dict().get("is_logged_in") is True:
            if st.button(tr("Sign out"), key="sign_out", icon=":material/logout:"):
                st.logout()
        return
    if claimed is not None:
        st.warning(plain(_refusal(claimed)))
    if _settings()[0] and st.button(tr("Sign in"), key="sign_in", icon=":material/login:"):
        st.login()


def permitted(change: bool) -> bool:
    """Whether the page may go on: `change` for creating or managing, else for reading."""
    rule = policy().may_change if change else policy().may_read
    return rule(person())


def _refusal(person: Person | None) -> str:
    """Why someone is refused, in the page's language (access.policy's reasons)."""
    rules = policy()
    if person is not None and not rules.admits(person):
        return tr("This deployment is for addresses at {domains}; you are signed in as {who}.",
                  domains=" / ".join(f"@{d}" for d in rules.domains),
                  who=person.email or tr("someone without an email address"))
    return tr("Sign in to continue: this deployment asks who you are first.")


def ask_to_sign_in() -> None:
    """Why the page stops here, and the button to sign in."""
    if not available():  # asked for, but nothing here can sign anyone in
        st.error(tr("This deployment asks people to sign in (HOSTING_FIT_SIGN_IN), but no way "
                    "to sign in is configured: an [auth] section in .streamlit/secrets.toml or "
                    "server.trustedUserHeaders (docs/sign-in.md)."), icon=":material/lock:")
        return
    st.info(plain(_refusal(_claimed())), icon=":material/lock:")
    if _settings()[0] and st.button(tr("Sign in"), key="sign_in_page", icon=":material/login:",
                                    type="primary"):
        st.login()


def allowed(change: bool) -> bool:
    """`permitted`, saying why not and offering to sign in when it is not."""
    if permitted(change):
        return True
    ask_to_sign_in()
    return False
