"""Limits that keep work bounded whatever the input: a small hostile file must not hang a run.

Templates, profiles and signatory lists often come from other organizations, so every reader
and every stage that can be driven to unbounded work has a limit here, in one table that
docs/threat-model.md lists. A limit a real user might outgrow (a list of a million signers) can
be raised by the person running policydraft through an environment variable, never by the
submission itself: a shared folder cannot lift its own limits.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    """One bound, its default, and the environment variable that raises it (if any)."""

    name: str
    default: int
    unit: str
    why: str
    env: str | None = None

    @property
    def value(self) -> int:
        """The limit in force: the environment's positive whole number, else the default."""
        if self.env is None:
            return self.default
        raw = os.environ.get(self.env, "").strip()
        return int(raw) if raw.isdigit() and 0 < len(raw) < 12 and int(raw) > 0 else self.default


MB = 1024 * 1024

FILE_BYTES = Limit(
    "file_bytes",
    16 * MB,
    "bytes",
    "a policydraft.yaml, Markdown body, bibliography, profile or template larger than this"
    " is refused",
    "POLICYDRAFT_MAX_FILE_BYTES",
)
YAML_BYTES = Limit(
    "yaml_bytes",
    2 * MB,
    "bytes",
    "a YAML file (policydraft.yaml, sources.yaml, a profile) larger than this is refused: "
    "ruamel's pure-Python parser reads structured YAML at about 100-200 KB a second",
    "POLICYDRAFT_MAX_YAML_BYTES",
)
SIGNATORY_BYTES = Limit(
    "signatory_bytes",
    256 * MB,
    "bytes",
    "a signatory list larger than this is refused (about two million rows of a typical export)",
    "POLICYDRAFT_MAX_SIGNATORY_BYTES",
)
SIGNATORY_CELL_CHARS = Limit(
    "signatory_cell_chars",
    32_767,
    "characters",
    "a signatory cell longer than this is refused (Excel's own maximum; no name comes near)",
)
SOURCE_COPY_BYTES = Limit(
    "source_copy_bytes",
    256 * MB,
    "bytes",
    "a source's local copy (file:) larger than this is not read; its quotations go unchecked",
    "POLICYDRAFT_MAX_SOURCE_COPY_BYTES",
)
NESTING = Limit(
    "nesting",
    64,
    "levels",
    "YAML, JSON and Markdown nested deeper than this are refused before a parser recurses",
)
YAML_ALIASES = Limit(
    "yaml_aliases",
    100,
    "aliases",
    "a YAML file may use at most this many aliases (*name); alias bombs use thousands",
)
YAML_NODES = Limit(
    "yaml_nodes",
    1_000_000,
    "nodes",
    "a YAML document may expand to at most this many values, counting what its aliases repeat",
)
NUMBER_DIGITS = Limit(
    "number_digits",
    100,
    "digits",
    "a number longer than this in YAML or JSON is refused (no real volume, page or year has more)",
)
PROFILE_CHAIN = Limit(
    "profile_chain",
    16,
    "profiles",
    "a profile's `extends:` chain may be at most this long",
)
TEMPLATE_SECONDS = Limit(
    "template_seconds",
    20,
    "seconds",
    "a template that runs longer than this is stopped",
    "POLICYDRAFT_TEMPLATE_SECONDS",
)
TEMPLATE_OUTPUT_BYTES = Limit(
    "template_output_bytes",
    8 * MB,
    "bytes",
    "a template that prints more than this is stopped (the appendix never passes through it)",
)
TEMPLATE_RANGE = Limit(
    "template_range",
    100_000,
    "items",
    "a template's range() and any list it builds may hold at most this many items",
)
TEMPLATE_FILE_BYTES = Limit(
    "template_file_bytes",
    128 * 1024,
    "bytes",
    "a template file larger than this is refused (compiling one costs ~2 MB of memory a KB)",
    "POLICYDRAFT_MAX_TEMPLATE_BYTES",
)

OUTPUT_NAME = Limit(
    "output_name",
    120,
    "characters",
    "an output's file stem (output.name, or the folder's name) longer than this is refused",
)
REFERENCE_DOCX_BYTES = Limit(
    "reference_docx_bytes",
    64 * MB,
    "bytes",
    "a template's reference.docx may unpack to at most this much (zip bombs unpack to gigabytes)",
    "POLICYDRAFT_MAX_REFERENCE_DOCX_BYTES",
)
REFERENCE_DOCX_PARTS = Limit(
    "reference_docx_parts",
    1000,
    "parts",
    "a template's reference.docx may hold at most this many zip entries (Word writes about 20)",
)
VERIFY_FILE_BYTES = Limit(
    "verify_file_bytes",
    256 * MB,
    "bytes",
    "a file given to `verify` larger than this (or a DOCX unpacking to more) is not read",
    "POLICYDRAFT_MAX_VERIFY_BYTES",
)
LAYOUT_SECONDS = Limit(
    "layout_seconds",
    120,
    "seconds",
    "LibreOffice laying out a DOCX (`verify`, `render --docx-pages`) is stopped after this long",
    "POLICYDRAFT_LAYOUT_SECONDS",
)

IMAGE_BYTES = Limit(
    "image_bytes",
    10 * MB,
    "bytes",
    "a figure's image file larger than this is refused (each output embeds it whole)",
    "POLICYDRAFT_MAX_IMAGE_BYTES",
)
IMAGE_PIXELS = Limit(
    "image_pixels",
    40_000_000,
    "pixels",
    "a figure's image of more pixels than this is refused before it is decoded "
    "(a decompression bomb: a small PNG can unpack to gigabytes)",
    "POLICYDRAFT_MAX_IMAGE_PIXELS",
)

ALL: tuple[Limit, ...] = (
    FILE_BYTES,
    YAML_BYTES,
    SIGNATORY_BYTES,
    SIGNATORY_CELL_CHARS,
    SOURCE_COPY_BYTES,
    NESTING,
    YAML_ALIASES,
    YAML_NODES,
    NUMBER_DIGITS,
    PROFILE_CHAIN,
    TEMPLATE_SECONDS,
    TEMPLATE_OUTPUT_BYTES,
    TEMPLATE_RANGE,
    TEMPLATE_FILE_BYTES,
    OUTPUT_NAME,
    REFERENCE_DOCX_BYTES,
    REFERENCE_DOCX_PARTS,
    VERIFY_FILE_BYTES,
    LAYOUT_SECONDS,
    IMAGE_BYTES,
    IMAGE_PIXELS,
)
