"""The recommendation PDF."""

from report.build import build_pdf, file_name

__all__ = ["build_pdf", "file_name"]
