"""policydraft: formal comment letters and open letters to government agencies, as DOCX and PDF."""

__version__ = "0.1.0"
