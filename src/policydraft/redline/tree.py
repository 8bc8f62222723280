"""Two document trees compared: ``compare_documents(old, new)``, for whoever draws a redline
from the tree rather than from Word's XML, as the blackline does.

A tree is read as the blackline reads it (``blackline_text.read_version``: a block per
paragraph the letter prints, a table one block compared whole, the appendix its heading; a
note's mark is the sources the note cites, notes numbered 1, 2... as writers number them),
then aligned by ``compare.compare_versions``, the comparison the DOCX is marked by.
"""

from __future__ import annotations

from policydraft.model import Document
from policydraft.redline.blackline_text import compared, read_version
from policydraft.redline.compare import Comparison, Version, compare_versions


def compare_documents(old: Document, new: Document) -> Comparison:
    """OLD and NEW aligned: sections by heading, blocks, words, notes by what they cite.

    The ``Comparison``'s block and note indices are those of ``version_of`` each document
    (a block's index is its passage's in ``read_version``; a note's id its number)."""
    return compare_versions(version_of(old), version_of(new))


def version_of(document: Document) -> Version:
    """The document's blocks and notes as the comparison reads them."""
    return compared(read_version(document))
