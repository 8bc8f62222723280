"""Every diagnostic code policydraft emits: the one place a code is declared.

A code is declared with the severities it may be raised with and a one-line meaning. At run
time ``Diagnostics`` refuses a code that is not declared here, or a severity the code does not
declare (a bug in policydraft, never a user's mistake). ``docs/diagnostics.md`` documents every
code with the same severities; tests check the page and this table against each other, and
that every declared code is raised somewhere in the source.

Codes are stable: once published, a code keeps its meaning.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Severity = Literal["error", "warning", "note"]


class Code(NamedTuple):
    """A declared code: the severities it may be raised with, and what it means, in a line."""

    severities: frozenset[Severity]
    meaning: str


ERROR: frozenset[Severity] = frozenset({"error"})
WARNING: frozenset[Severity] = frozenset({"warning"})
NOTE: frozenset[Severity] = frozenset({"note"})
ERROR_OR_WARNING: frozenset[Severity] = frozenset({"error", "warning"})
"""Raised as an error or a warning: a profile rule with ``severity: warning``, for example."""
NOTE_OR_WARNING: frozenset[Severity] = frozenset({"note", "warning"})

CODES: dict[str, Code] = {
    # PD1xx: the submission file and its schema
    "PD100": Code(ERROR, "the submission folder or its policydraft.yaml is missing"),
    "PD101": Code(ERROR, "policydraft.yaml is not valid YAML"),
    "PD102": Code(ERROR, "unknown key (with the closest valid key suggested)"),
    "PD103": Code(ERROR, "a required key is missing"),
    "PD104": Code(ERROR, "a value has the wrong type or an invalid form"),
    "PD105": Code(
        ERROR, "a file named in the submission is missing, unreadable or outside its folder"
    ),
    "PD106": Code(ERROR, "an argument needs exactly one of body: and file:"),
    "PD107": Code(ERROR, "a key is given twice in the same mapping of policydraft.yaml"),
    "PD108": Code(
        ERROR, "policydraft.yaml or a Markdown file it names is larger than the size limit"
    ),
    "PD109": Code(
        ERROR, "policydraft.yaml uses too many aliases or expands to too many values (alias bomb)"
    ),
    "PD110": Code(ERROR, "policydraft.yaml is nested deeper than the nesting limit"),
    "PD111": Code(ERROR, "policydraft.yaml has a number with more digits than the limit"),
    "PD112": Code(
        ERROR, "policydraft.yaml has a control character written as an escape, or a bidi control"
    ),
    "PD120": Code(
        ERROR, "init or templates copy would overwrite files that exist (--force overwrites)"
    ),
    "PD121": Code(
        ERROR, "init or templates copy cannot write there (read-only, or a file in the way)"
    ),
    "PD122": Code(
        ERROR, "templates copy of a template the submission does not use (--force copies it)"
    ),
    "PD130": Code(WARNING, "toc: true, but the letter has no headings to list"),
    "PD131": Code(WARNING, "table_of_authorities: true, but the letter cites no authorities"),
    "PD140": Code(
        ERROR, "a signature or letterhead image is missing, outside the folder, or unreadable"
    ),
    "PD141": Code(ERROR, "a signature or letterhead image is not a PNG or JPEG, or too large"),
    "PD142": Code(NOTE, "more than three signers side by side: they are stacked instead"),
    "PD143": Code(ERROR, "a signer's or the firm's name is empty"),
    # PD2xx: Markdown bodies
    "PD201": Code(ERROR, "footnote reference without a definition in the same body"),
    "PD202": Code(WARNING, "footnote defined but never referenced"),
    "PD203": Code(
        WARNING, "Markdown construct that a letter cannot carry (image, code block, rule)"
    ),
    "PD204": Code(ERROR, "footnote defined twice in the same body"),
    "PD205": Code(ERROR, "footnote referenced inside another footnote (Word cannot nest notes)"),
    "PD206": Code(ERROR, "Markdown nested deeper than the nesting limit (quotes, lists, emphasis)"),
    "PD207": Code(
        ERROR, "a Markdown file contains a control character (NUL, ESC, ...) or a bidi control"
    ),
    "PD210": Code(
        ERROR_OR_WARNING, "a table row has more (error) or fewer (warning) cells than its header"
    ),
    "PD211": Code(WARNING, "a table has more columns than a page can hold legibly"),
    "PD220": Code(ERROR, "a figure's image is missing, outside the folder, or not a PNG or JPEG"),
    "PD221": Code(WARNING, "a figure has no alt text"),
    "PD222": Code(ERROR, "a figure's image is larger than the limit (bytes or pixels)"),
    "PD223": Code(ERROR, "an image inside a paragraph or a footnote (a figure needs its own line)"),
    "PD230": Code(ERROR, "an exhibit's file is missing, outside the folder, or not what it says"),
    "PD231": Code(ERROR, "an exhibit PDF is encrypted or cannot be read"),
    "PD232": Code(WARNING, "a DOCX exhibit could not be converted to PDF; listed, not appended"),
    "PD233": Code(ERROR, "two exhibits have the same label"),
    "PD234": Code(ERROR, "[Exhibit X] in the letter names no exhibit"),
    # PD3xx: templates
    "PD301": Code(ERROR, "template not found"),
    "PD302": Code(ERROR, "template syntax error"),
    "PD303": Code(ERROR, "template uses an undefined variable"),
    "PD304": Code(ERROR, "template uses an unknown letter part (::: name)"),
    "PD305": Code(ERROR, "template tried something the sandbox forbids"),
    "PD306": Code(ERROR, "template ran longer than the time limit"),
    "PD307": Code(ERROR, "template printed more than the output limit"),
    "PD308": Code(
        ERROR, "template builds a value over the size limits (range, repeated text, huge number)"
    ),
    "PD309": Code(
        ERROR, "template recursion too deep (a macro, include or block that calls itself)"
    ),
    "PD310": Code(ERROR, "a file the template includes, imports or extends is not found"),
    "PD311": Code(ERROR, "template fails while running (division by zero, wrong type, bad value)"),
    "PD312": Code(ERROR, "template file is not UTF-8 text"),
    "PD313": Code(ERROR, "template file is larger than the file size limit"),
    "PD314": Code(
        ERROR, "template file is a link to a file outside the template folder, or not a file"
    ),
    "PD315": Code(
        ERROR, "the template's reference.docx is not a Word document policydraft can use"
    ),
    "PD316": Code(ERROR, "the template's reference.docx lacks a part every Word document has"),
    "PD317": Code(ERROR, "a part of the template's reference.docx is not well-formed XML"),
    "PD318": Code(
        ERROR, "the template's reference.docx declares a DTD or entities (XXE, entity bomb)"
    ),
    "PD319": Code(
        ERROR, "the template's reference.docx is too large or has too many parts (zip bomb)"
    ),
    "PD330": Code(WARNING, "a citation template never prints a value a citation has (weight)"),
    "PD340": Code(WARNING, "a heading has a typed number where arguments are numbered for you"),
    "PD350": Code(ERROR, "the template's reference.docx sets a page that leaves no room for text"),
    "PD351": Code(NOTE, "the PDF cannot follow something in the reference.docx (font, pictures)"),
    "PD352": Code(
        NOTE, "the reference.docx's styles below the profile's minimum type size are raised"
    ),
    # PD4xx: signatories
    "PD401": Code(ERROR, "signatory row without a name"),
    "PD402": Code(ERROR, "signatory file lacks a name column"),
    "PD403": Code(ERROR, "signatory file cannot be read or decoded"),
    "PD404": Code(NOTE, "signatory file's encoding or separator was detected (not UTF-8, commas)"),
    "PD405": Code(WARNING, "signatories' consent answers are empty, so those rows are left out"),
    "PD406": Code(ERROR, "the XLSX workbook has no sheet of the name given in signatories.sheet"),
    "PD407": Code(
        WARNING, "duplicate signatory row (same e-mail, or same name and organization) left out"
    ),
    "PD408": Code(NOTE, "possible duplicate: a similar name with a different e-mail; both printed"),
    "PD409": Code(WARNING, "the signer withdrew on another row, so this row is left out too"),
    "PD410": Code(NOTE, "control characters removed from a signatory cell"),
    "PD411": Code(WARNING, "a printed column holds an e-mail address, so the row is left out"),
    "PD412": Code(WARNING, "a signed time cannot be read as a date (sort: signed)"),
    "PD413": Code(
        NOTE, "summary of a signatory list: rows read, printed and left out (with reasons)"
    ),
    "PD414": Code(ERROR, "signatories.columns maps a column to a header the list does not have"),
    "PD415": Code(
        ERROR, "a quoted CSV cell never closes, or closes mid-cell, swallowing the rows after it"
    ),
    "PD416": Code(ERROR, "a signatory list (or what an XLSX unpacks to) is larger than the limit"),
    "PD417": Code(ERROR, "an XLSX part declares a DTD (entities); the workbook is refused unread"),
    "PD418": Code(
        ERROR, "the XLSX sheet to read is a chart sheet, or the workbook has only charts"
    ),
    "PD419": Code(
        ERROR, "a signatory cell is too long (characters, or digits of a number); row not read"
    ),
    "PD420": Code(ERROR, "two columns of a signatory list have headers that name the same column"),
    "PD421": Code(
        ERROR, "two different headers of a signatory list could each be one column (ambiguous)"
    ),
    "PD422": Code(ERROR, "consent answers that are neither yes nor no (each named, with a count)"),
    "PD423": Code(ERROR, "a signatory list has rows, but nobody in it would be printed"),
    "PD424": Code(WARNING, "a header reads like a consent question, but no consent column is read"),
    # PD5xx: sources and citations
    "PD500": Code(ERROR, "the bibliography file is missing, unreadable or not valid YAML/JSON"),
    "PD501": Code(ERROR, "citation of a key that is not in the bibliography"),
    "PD502": Code(ERROR, "two sources share one id"),
    "PD503": Code(WARNING, "source is never cited"),
    "PD504": Code(
        ERROR_OR_WARNING, "a source lacks a field its type requires, or has one it cannot take"
    ),
    "PD505": Code(ERROR_OR_WARNING, "unknown or nonexistent reporter"),
    "PD506": Code(ERROR, "reporter cited outside the years it was published"),
    "PD507": Code(ERROR, "source dated after the submission's date"),
    "PD508": Code(ERROR, "Federal Register volume does not match the year (volume = year - 1935)"),
    "PD509": Code(ERROR, "Federal Register document number is not of the form YYYY-NNNNN"),
    "PD510": Code(WARNING, "docket id is not of a regulations.gov form"),
    "PD511": Code(ERROR, "URL is not well formed"),
    "PD512": Code(WARNING, "a source's accessed date is after the submission's date"),
    "PD513": Code(ERROR, "citation syntax cannot be read"),
    "PD514": Code(ERROR, "the bibliography file is larger than the size limit"),
    "PD515": Code(
        ERROR, "sources.yaml uses too many aliases or expands to too many values (alias bomb)"
    ),
    "PD516": Code(ERROR, "the bibliography is nested deeper than the nesting limit"),
    "PD517": Code(ERROR, "the bibliography has a number with more digits than the limit"),
    "PD518": Code(
        ERROR, "the bibliography has a control character written as an escape, or a bidi control"
    ),
    "PD519": Code(WARNING, "a bracketed citation stands as a word of the sentence (@key [pin])"),
    "PD520": Code(WARNING, "a full citation is typed into the text instead of cited with [@key]"),
    "PD521": Code(ERROR, "quotation not found in the source's local copy"),
    "PD522": Code(
        ERROR_OR_WARNING,
        "a source's local copy (file:) is missing, outside the folder or has no usable text",
    ),
    "PD524": Code(WARNING, "a case's year is outside the years its reporter volume holds"),
    "PD525": Code(ERROR, "a Supreme Court reporter (U.S., S. Ct., L. Ed.) with a lower court"),
    "PD526": Code(ERROR, "a Federal Register page beyond its volume's last page"),
    "PD527": Code(WARNING, "a citation typed into the text names a reporter that does not exist"),
    "PD528": Code(WARNING, "quotations cite sources with no local copy (one warning for all)"),
    "PD529": Code(WARNING, "a pin to a section or paragraph the source's local copy lacks"),
    "PD530": Code(WARNING, "a source's URL does not answer or answers an error (check --online)"),
    "PD531": Code(ERROR, "case citation not found by CourtListener (check --online)"),
    "PD532": Code(NOTE_OR_WARNING, "an online check was skipped or could not run (check --online)"),
    # PD6xx: agency profiles and the rules they check on the rendered files
    "PD600": Code(ERROR, "the profile named by profile: is not built in and no such file exists"),
    "PD601": Code(
        ERROR, "the profile file is invalid (YAML, unknown key, bad value, unknown rule)"
    ),
    "PD602": Code(ERROR, "the docket does not match the profile's docket pattern"),
    "PD603": Code(ERROR, "the profile file is larger than the size limit"),
    "PD604": Code(
        ERROR, "the profile uses too many aliases or expands to too many values (alias bomb)"
    ),
    "PD605": Code(ERROR, "the profile is nested deeper than the nesting limit"),
    "PD606": Code(ERROR, "the profile has a number with more digits than the limit"),
    "PD607": Code(
        ERROR, "the profile has a control character written as an escape, or a bidi control"
    ),
    "PD608": Code(ERROR, "the profile's extends: chain is longer than the limit"),
    "PD609": Code(
        ERROR, "docket_pattern is not a regular expression the linear-time engine (RE2) runs"
    ),
    "PD610": Code(
        ERROR_OR_WARNING, "the PDF (or the DOCX as laid out) has more pages than allowed"
    ),
    "PD611": Code(
        ERROR_OR_WARNING, "the PDF prints text smaller than the profile's minimum type size"
    ),
    "PD612": Code(ERROR_OR_WARNING, "an attached file is larger than the profile allows"),
    "PD613": Code(ERROR_OR_WARNING, "the profile attaches a file type it does not allow"),
    "PD614": Code(ERROR_OR_WARNING, "the PDF is encrypted (copy-protected)"),
    "PD615": Code(
        ERROR_OR_WARNING, "the PDF's text cannot be extracted, or lacks the letter's title"
    ),
    "PD616": Code(ERROR_OR_WARNING, "a statement the profile requires is not in the PDF"),
    "PD617": Code(
        ERROR_OR_WARNING,
        "the submitter's name or organization is not where the profile requires it",
    ),
    "PD618": Code(
        ERROR_OR_WARNING, "a page of the PDF or the DOCX has no page number (or no PAGE field)"
    ),
    "PD619": Code(ERROR_OR_WARNING, "the PDF has more words than the profile allows"),
    "PD620": Code(ERROR, "the comment-box text cannot fit the profile's character limit"),
    "PD621": Code(ERROR_OR_WARNING, "the profile attaches more files than it allows"),
    "PD622": Code(NOTE, "the DOCX was not laid out (no LibreOffice): its pages not checked"),
    "PD630": Code(ERROR, "a file given to verify is missing, not a regular file or too large"),
    "PD631": Code(
        ERROR, "a file given to verify is not a readable PDF or DOCX (or not what its name says)"
    ),
    "PD632": Code(NOTE_OR_WARNING, "verify could not check a rule (a fact or a layout missing)"),
    "PD633": Code(ERROR_OR_WARNING, "a file given to verify is of a type the profile refuses"),
    "PD634": Code(ERROR_OR_WARNING, "verify was given more files than the profile takes"),
    "PD690": Code(NOTE, "how the profile reads an uncertain rule"),
    "PD691": Code(NOTE, "the e-mail subject line the profile requires"),
    # PD8xx: filings and their supplements
    "PD801": Code(ERROR, "--supplement-to names a folder that is not a filing (no filing.json)"),
    "PD802": Code(ERROR, "a filing's record or files changed after package made them"),
    "PD803": Code(ERROR, "a filing's chain of supplements skips a number"),
    "PD804": Code(ERROR, "the filing was made with another filing key (or there is none)"),
    "PD805": Code(ERROR, "nothing was added, withdrawn or corrected since the filing"),
    "PD806": Code(WARNING, "signers of the filing are no longer in the list (still counted)"),
    "PD901": Code(ERROR, "an output file could not be written"),
    "PD902": Code(ERROR, "text contains a character no bundled font can draw"),
    "PD903": Code(
        ERROR, "output.name (or the folder's name, its default) is not a plain file stem"
    ),
    "PD904": Code(ERROR, "output.dir is not a folder inside the submission folder"),
    "PD905": Code(ERROR, "publishing failed midway and an earlier output could not be put back"),
    "PD910": Code(ERROR, "package refuses a review copy: the submission's draft: asks for one"),
}
