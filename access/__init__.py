"""Who is signed in and what the deployment lets them do: pure rules over a person's claims
and the deployment's settings. No Streamlit here (ui/signin.py reads `st.user`)."""

from access.policy import Person, Policy, person_from_claims, policy_from_env

__all__ = ["Person", "Policy", "person_from_claims", "policy_from_env"]
