"""Readers: users' files -> schema objects and document-tree blocks, with diagnostics."""

from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_escape import escape_markdown
from policydraft.readers.markdown_text import MarkdownText
from policydraft.readers.submission import LoadedSubmission, load_submission

__all__ = [
    "LoadedSubmission",
    "MarkdownText",
    "escape_markdown",
    "load_submission",
    "read_markdown",
]
