"""The sign-in policy: who counts as signed in, what each mode lets them do, and settings
that are wrong said so by name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from access import Person, Policy, person_from_claims, policy_from_env
from access.policy import SettingError

LABELS = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
DOMAINS = st.builds(lambda a, b: f"{a}.{b}", LABELS, LABELS)


def test_claims_from_a_provider_and_from_a_proxy():
    person = person_from_claims({"iss": "https://idp", "sub": "42", "email": "a@x.io",
                                 "name": "Ann"})
    assert person == Person("https://idp|42", "a@x.io", "Ann")
    assert person.label == "Ann (a@x.io)"
    proxied = person_from_claims({"email": "B@X.io"})  # the proxy's header, no subject
    assert proxied is not None and proxied.key == "header|b@x.io"
    assert person_from_claims({"name": "nobody in particular"}) is None
    unverified = person_from_claims({"sub": "7", "email": "c@x.io", "email_verified": False})
    assert unverified is not None and unverified.email == "" and unverified.domain == ""


@given(DOMAINS, DOMAINS, LABELS)
def test_a_domain_admits_its_own_addresses_only(allowed, other, local):
    policy = Policy("changes", (allowed,))
    inside = Person("k", f"{local}@{allowed.upper()}", "")
    assert policy.admits(inside) and policy.may_change(inside)
    outside = Person("k", f"{local}@{other}", "")
    assert policy.admits(outside) == (other == allowed)
    sneaky = Person("k", f"{local}@{other}.{allowed}", "")  # a subdomain someone else runs
    assert not policy.admits(sneaky)
    assert "@" + allowed in policy.refusal(outside) or other == allowed


@given(st.sampled_from(["optional", "changes", "everything"]), st.booleans())
def test_each_mode_asks_for_sign_in_where_it_says(mode, signed_in):
    policy = policy_from_env({"HOSTING_FIT_SIGN_IN": mode.upper()})
    person = Person("k", "a@b.c", "A") if signed_in else None
    assert policy.may_change(person) == (signed_in or mode == "optional")
    assert policy.may_read(person) == (signed_in or mode != "everything")


def test_without_settings_nothing_is_asked():
    policy = policy_from_env({})
    assert policy == Policy("optional", ())
    assert policy.may_change(None) and policy.may_read(None)


@pytest.mark.parametrize(("env", "named"), [
    ({"HOSTING_FIT_SIGN_IN": "always"}, "HOSTING_FIT_SIGN_IN"),
    ({"HOSTING_FIT_SIGN_IN_DOMAIN": "alice@example.com"}, "HOSTING_FIT_SIGN_IN_DOMAIN"),
    ({"HOSTING_FIT_SIGN_IN_DOMAIN": "localhost"}, "HOSTING_FIT_SIGN_IN_DOMAIN"),
])
def test_a_wrong_setting_is_named(env, named):
    with pytest.raises(SettingError, match=named):
        policy_from_env(env)


def test_several_domains_and_at_signs_are_read():
    policy = policy_from_env({"HOSTING_FIT_SIGN_IN_DOMAIN": " @Example.com, corp.example.org ,"})
    assert policy.domains == ("example.com", "corp.example.org")
