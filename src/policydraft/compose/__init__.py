"""Submission + template -> the document tree (see ``letter.compose_letter``)."""

from policydraft.compose.letter import compose_letter

__all__ = ["compose_letter"]
