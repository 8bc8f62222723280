"""Every diagnostic code policydraft emits, with a one-line meaning.

Codes are stable: once published, a code keeps its meaning. ``docs/diagnostics.md`` documents
each one, and a test checks that every code here is documented there.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # PD1xx: the submission file and its schema
    "PD100": "the submission folder or its policydraft.yaml is missing",
    "PD101": "policydraft.yaml is not valid YAML",
    "PD102": "unknown key (with the closest valid key suggested)",
    "PD103": "a required key is missing",
    "PD104": "a value has the wrong type or an invalid form",
    "PD105": "a file named in the submission is missing or unreadable",
    "PD106": "an argument needs exactly one of body: and file:",
    "PD107": "a key is given twice in the same mapping of policydraft.yaml",
    # PD2xx: Markdown bodies
    "PD201": "footnote reference without a definition in the same body",
    "PD202": "footnote defined but never referenced",
    "PD203": "Markdown construct that a letter cannot carry (raw HTML, image, table)",
    "PD204": "footnote defined twice in the same body",
    # PD3xx: templates
    "PD301": "template not found",
    "PD302": "template syntax error",
    "PD303": "template uses an undefined variable",
    "PD304": "template uses an unknown letter part (::: name)",
    "PD305": "template tried something the sandbox forbids",
    # PD4xx: signatories
    "PD401": "signatory row without a name",
    "PD402": "signatory file lacks a name column",
    "PD403": "signatory file cannot be read or decoded",
    "PD404": "signatory file's encoding was detected (not UTF-8)",
    "PD405": "signatory's consent is empty or unclear, so the row is left out",
    # PD9xx: rendering and output
    "PD901": "an output file could not be written",
    "PD902": "text contains a character no bundled font can draw",
}
