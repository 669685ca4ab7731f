"""The batch page."""

from ui.batch import batch_page

batch_page()
