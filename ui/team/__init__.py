"""The team pages: start, join, view, manage."""
