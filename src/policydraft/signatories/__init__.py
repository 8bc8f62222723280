"""Signers: read, filter by consent, order and group them for the appendix."""
