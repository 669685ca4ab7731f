"""The core: answers contract, knowledge base, rules and engine. Pure; imports no other package."""

APP_VERSION = "0.1.0"
