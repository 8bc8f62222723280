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
    # PD5xx: sources and citations
    "PD500": "the bibliography file is missing, unreadable or not valid YAML/JSON",
    "PD501": "citation of a key that is not in the bibliography",
    "PD502": "two sources share one id",
    "PD503": "source is never cited",
    "PD504": "a source lacks a field its type requires, or has one it cannot take",
    "PD505": "unknown or nonexistent reporter",
    "PD506": "reporter cited outside the years it was published",
    "PD507": "source dated after the submission's date",
    "PD508": "Federal Register volume does not match the year (volume = year - 1935)",
    "PD509": "Federal Register document number is not of the form YYYY-NNNNN",
    "PD510": "docket id is not of a regulations.gov form",
    "PD511": "URL is not well formed",
    "PD512": "a source's accessed date is after the submission's date",
    "PD513": "citation syntax cannot be read",
    "PD520": "a full citation is typed into the text instead of cited with [@key]",
    "PD521": "quotation not found in the source's local copy",
    "PD522": "a source's local copy (file:) is missing or has no usable text",
    "PD530": "a source's URL does not answer or answers an error (check --online)",
    "PD531": "case citation not found by CourtListener (check --online)",
    "PD532": "an online check was skipped or could not run (check --online)",
    # PD9xx: rendering and output
    "PD901": "an output file could not be written",
    "PD902": "text contains a character no bundled font can draw",
}
