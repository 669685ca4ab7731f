"""A signed-in person, and the deployment's sign-in policy.

Settings (environment of the app's process):

- `HOSTING_FIT_SIGN_IN`: `optional` (the default: links work for anyone, signing in adds *My
  assessments*), `changes` (signing in is required to create or manage an assessment or a
  team; a read-only link opens for anyone) or `everything` (read-only links too).
- `HOSTING_FIT_SIGN_IN_DOMAIN`: one email domain (`example.com`) or several, comma-separated;
  only people whose verified address is under one of them count as signed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Mode = Literal["optional", "changes", "everything"]
MODES: tuple[Mode, ...] = ("optional", "changes", "everything")
MAX_KEY = 300


class SettingError(ValueError):
    """A sign-in setting the app cannot read; the message names it."""


@dataclass(frozen=True)
class Person:
    """Who is signed in: `key` is stable across sessions and unique per identity provider
    (its issuer and the person's subject there); `email` and `name` are what they are shown as."""

    key: str
    email: str
    name: str

    @property
    def label(self) -> str:
        """How the history and the action plan name them."""
        if self.name and self.email and self.name != self.email:
            return f"{self.name} ({self.email})"
        return self.name or self.email or "a signed-in person"

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2].lower() if "@" in self.email else ""


def label_of(person: Person | None) -> str | None:
    """How the history and the plan name whoever made a change (None: nobody signed in)."""
    return person.label if person is not None else None


def person_from_claims(claims: Mapping[str, object]) -> Person | None:
    """The person an identity's claims describe (an ID token's, or a trusted proxy's headers
    mapped to `email` and `name`); None without a subject or an email to key them by."""
    def text(name: str) -> str:
        value = claims.get(name)
        return value.strip() if isinstance(value, str) else ""

    subject, issuer, email = text("sub"), text("iss"), text("email")
    if text("email_verified").lower() == "false" or claims.get("email_verified") is False:
        email = ""  # an address the provider has not verified names nobody
    if subject:
        key = f"{issuer or 'provider'}|{subject}"
    elif email:
        key = f"header|{email.lower()}"
    else:
        return None
    return Person(key[:MAX_KEY], email, text("name") or text("preferred_username"))


@dataclass(frozen=True)
class Policy:
    mode: Mode = "optional"
    domains: tuple[str, ...] = ()

    def admits(self, person: Person | None) -> bool:
        """Whether `person` counts as signed in here (their address under an allowed domain)."""
        if person is None:
            return False
        return not self.domains or person.domain in self.domains

    def may_change(self, person: Person | None) -> bool:
        """Whether this person (None: nobody signed in) may create or manage."""
        return self.mode == "optional" or self.admits(person)

    def may_read(self, person: Person | None) -> bool:
        """Whether this person may open a read-only link."""
        return self.mode != "everything" or self.admits(person)

    def refusal(self, person: Person | None) -> str:
        """Why someone is refused, in words."""
        if person is not None and not self.admits(person):
            where = " or ".join(f"@{d}" for d in self.domains)
            return (f"This deployment is for addresses at {where}; you are signed in as "
                    f"{person.email or 'someone without an email address'}.")
        return "Sign in to continue: this deployment asks who you are first."


def policy_from_env(env: Mapping[str, str]) -> Policy:
    """The policy the settings describe; SettingError naming the setting when one is wrong."""
    given = env.get("HOSTING_FIT_SIGN_IN", "").strip().lower() or "optional"
    mode = next((m for m in MODES if m == given), None)
    if mode is None:
        raise SettingError(f"HOSTING_FIT_SIGN_IN is {given!r}: use one of {', '.join(MODES)}")
    domains = []
    for part in env.get("HOSTING_FIT_SIGN_IN_DOMAIN", "").split(","):
        domain = part.strip().lower().lstrip("@")
        if not domain:
            continue
        if "@" in domain or "." not in domain or any(c.isspace() for c in domain):
            raise SettingError(f"HOSTING_FIT_SIGN_IN_DOMAIN holds {part.strip()!r}, which is "
                               "not an email domain such as example.com")
        domains.append(domain)
    return Policy(mode, tuple(domains))
