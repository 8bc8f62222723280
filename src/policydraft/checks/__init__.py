"""Checks that need more than one input: one function per rule, each adding diagnostics."""
