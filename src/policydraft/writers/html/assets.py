"""The page's stylesheet and script: package data files beside this module, read once."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def asset(name: str) -> str:
    """The text of ``assets/NAME`` (``page.css``, ``filter.js``), read on first use."""
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def inline_style() -> str:
    """The stylesheet, safe inside ``<style>``: it holds no ``</`` that could end the element."""
    return _inert(asset("page.css"))


def inline_script() -> str:
    """The filter script, safe inside ``<script>``."""
    return _inert(asset("filter.js"))


def _inert(text: str) -> str:
    if "</" in text:
        raise ValueError("an inline asset may not contain '</'")
    return text
